"""Coverage of the English headline, round 4 (issue 14): rules for frequent title patterns,
each on sentences written for these tests."""

import pytest
from test_headline_patterns import brief


@pytest.mark.parametrize(
    ("title", "headline", "sentence"),
    [
        ("مصر تعتقل 12 ضابطا في الجيش", "Egypt arrests 12 officers", "arrested 12 officers"),
        ("مصر تعتقل شخصين في القاهرة", "Egypt arrests two people in Cairo", "two people"),
        ("الحوثيون يختطفون صحفيا في اليمن", "Houthis kidnap journalist in Yemen", "a journalist"),
        ("إسرائيل تفرج عن 40 فلسطينيا", "Israel releases 40 Palestinians", "40 Palestinians"),
        ("الجيش المصري يأسر 3 مسلحين", "Egyptian army captures 3 gunmen", "3 gunmen"),
        ("مصر تعتقل عشرات الناشطين", "Egypt arrests dozens of activists", "dozens of"),
        ("الحوثيون يخطفون أكثر من 50 طفلا", "Houthis kidnap more than 50 children", "more than"),
        ("بريطانيا تطرد 9 دبلوماسيين", "United Kingdom expels 9 diplomats", "9 diplomats"),
    ],
)
def test_unnamed_people_with_their_number_are_the_object(title, headline, sentence):
    b = brief(title)
    assert b.stated and b.title == headline
    assert sentence in b.standfirst[0] and "the 12" not in b.standfirst[0]


@pytest.mark.parametrize(
    "title",
    [
        "الأهلي يوقف 5 لاعبين",  # a club suspends its players: no arrest
        "مصر تطرد 300 جندي",  # dismissed from the army: only diplomats are expelled
        "أسر الضحايا تطالب بالتحقيق",  # "أسر" is also "families": no past form is read
        "مصر تعتقل أكثر من",  # no count, no people
        "مصر تستقبل 40 فلسطينيا",  # people are news only as a verb's victims
    ],
)
def test_people_objects_need_a_verb_done_to_people_and_a_clear_number(title):
    b = brief(title)
    assert not (b.stated and b.action in ("arrest", "expel", "take captive", "receive"))


@pytest.mark.parametrize(
    ("title", "headline"),
    [
        ("التحالف يشن غارات على مواقع للحوثيين", "Coalition strikes positions"),
        (
            "التحالف الدولي يقصف مواقع لداعش في سوريا",
            "International coalition bombs positions in Syria",
        ),
        ("ميليشيات الحوثي تختطف صحفيا", "Houthi militia kidnaps journalist"),
        ("قوات الشرعية تسيطر على مواقع جديدة", "Government forces capture positions"),
        ("الرئاسة المصرية تنشر صورا", "Egyptian presidency publishes photos"),
        ("خفر السواحل التركي يعتقل 20 مهاجرا", "Turkish coast guard arrests 20 migrants"),
    ],
)
def test_bodies_that_read_alone_or_with_their_nationality_act(title, headline):
    b = brief(title)
    assert b.stated and b.title == headline


@pytest.mark.parametrize(
    "title",
    [
        "الرئاسة تنشر صورا",  # whose presidency is not said
        "التحالف الوطني يعلن قائمته",  # an adjective we cannot read: which alliance is unsure
    ],
)
def test_a_body_whose_owner_is_needed_or_unsure_states_nothing(title):
    assert not brief(title).stated


def _clause_with_guessed_body(text: str, body: str):
    from news_digest.analysis.english.clauses import clauses_of
    from news_digest.analysis.entities import Entity
    from news_digest.arabic import fold

    guessed = Entity("organization/x", body, "organization", "Wzarah Al-Shah", 1, spelled="guessed")
    surfaces = {guessed.key: {tuple(fold(w) for w in body.split())}}
    return clauses_of(text, 0, surfaces, [guessed])[0]


def test_a_body_spelled_by_guess_is_read_as_its_role_phrase():
    from news_digest.analysis.english.actors import role_actor

    clause = _clause_with_guessed_body("وزارة الصحة الفلسطينية تعلن", "وزارة الصحة الفلسطينية")
    assert clause.names and clause.names[0].entity.en == "Wzarah Al-Shah"
    found = role_actor(clause, 0)
    assert found is not None and found[0].en == "Palestinian health ministry" and found[1] == 2


def test_a_guessed_body_with_words_we_cannot_read_stays_unread():
    from news_digest.analysis.english.actors import role_actor

    clause = _clause_with_guessed_body("وزارة الصحة والسكان تعلن", "وزارة الصحة والسكان")
    assert role_actor(clause, 0) is None


def test_a_masdar_of_carrying_out_without_its_event_is_no_operation():
    b = brief("أعلنت الحكومة المصرية تنفيذ أحكام")
    assert "operation" not in (b.title or "")


@pytest.mark.parametrize(
    ("title", "headline"),
    [
        ("العاهل السعودي يستقبل ترامب", "Saudi king receives Donald Trump"),
        ("رئيسة الوزراء البريطانية تزور مصر", "British prime minister visits Egypt"),
        ("مسؤولون أميركيون يزورون مصر", "US officials visit Egypt"),
    ],
)
def test_more_roles_with_their_nationality(title, headline):
    b = brief(title)
    assert b.stated and b.title == headline


@pytest.mark.parametrize(
    "title",
    [
        "المسؤولون يزورون مصر",  # whose officials is not said
        "المدير الفني الألماني يزور مصر",  # the manager's own nationality, not whose he is
    ],
)
def test_roles_that_need_their_owner(title):
    assert not brief(title).stated


@pytest.mark.parametrize(
    ("title", "headline"),
    [
        ("قضت محكمة مصرية بإعدام 6 نساء", "Egyptian court sentences 6 women to death"),
        ("قضت محكمة مصرية بسجن ترامب 5 سنوات", "Egyptian court jails Donald Trump"),
        ("قضت محكمة مصرية على 3 متهمين بالسجن", "Egyptian court jails 3 defendants"),
        ("مصر تعدم مدانا", "Egypt executes convict"),
    ],
)
def test_a_courts_sentence_with_whom_it_sentences(title, headline):
    b = brief(title)
    assert b.stated and b.title == headline


@pytest.mark.parametrize(
    "title",
    [
        "قضت محكمة مصرية بحجب تطبيق",  # a ruling, no sentence
        "قضت محكمة مصرية بسجن",  # whom is not said
        "قضت مصر بسجن 3 متهمين",  # only a court sentences
    ],
)
def test_no_sentence_without_a_court_a_penalty_and_whom(title):
    b = brief(title)
    assert b.action not in ("jail", "sentence")


@pytest.mark.parametrize(
    ("title", "headline"),
    [
        ("الجيش المصري يلغي تدريبات", "Egyptian army cancels drills"),
        ("مصر تقدم قروضا للسعودية", "Egypt offers loans"),
        ("ترامب يستأنف المفاوضات مع مصر", "Donald Trump resumes talks"),
        ('"طالبان" تقتل 5 جنود', "Taliban kills 5 soldiers"),
        ('رئيس "مصر" يزور السعودية', "Egyptian president visits Saudi Arabia"),
    ],
)
def test_more_plain_objects_and_quoted_subjects(title, headline):
    b = brief(title)
    assert b.stated and b.title == headline


@pytest.mark.parametrize(
    "title",
    [
        "مصر تحظر على الشركات بيع الأسلحة",  # the companies are bound, not banned
        "مصر تلزم الشركات بدفع الضرائب",  # requires them to do what: unread
        'ترامب "يزور" مصر',  # a quoted verb alone: a figure of speech
    ],
)
def test_objects_that_would_mislead_and_quoted_verbs_state_nothing(title):
    assert not brief(title).stated


@pytest.mark.parametrize(
    ("title", "headline"),
    [
        ("عمدة بلدة فرنسية تعتذر للسكان", "French town mayor apologises"),
        ("عمدة لندن يزور مصر", "London mayor visits Egypt"),
        ("مصر تحقق رقما قياسيا", "Egypt sets record"),
        ("قناة السويس تحقق رقما قياسيا", "Suez Canal sets record"),
    ],
)
def test_mayors_records_and_the_canal(title, headline):
    b = brief(title)
    assert b.stated and b.title == headline


def test_a_state_named_as_one_acts_as_its_government():
    from news_digest.analysis.english.actors import role_actor
    from news_digest.analysis.english.clauses import clauses_of
    from news_digest.analysis.entities import Entity

    state = Entity("place/texas", "تكساس", "place", "Texas", 1)
    surfaces = {state.key: {("تكساس",)}}
    clause = clauses_of("ولاية تكساس الأمريكية تعدم مدانا", 0, surfaces, [state])[0]
    found = role_actor(clause, 0)
    assert found is not None and found[0].en == "Texas" and found[1] == 2
    country = Entity("place/egypt", "مصر", "place", "Egypt", 1)
    clause = clauses_of("ولاية مصر تعدم مدانا", 0, {country.key: {("مصر",)}}, [country])[0]
    assert role_actor(clause, 0) is None  # a country is no state


@pytest.mark.parametrize(
    ("title", "stated"),
    [
        ("مصر تحظر الإعلانات.. فهل تنجح؟", True),  # a teaser after the statement
        ("ترامب يزور مصر.. وماذا بعد؟", True),
        ("هل تحظر مصر الإعلانات؟", False),  # the statement itself is asked
        ("مصر تحظر الإعلانات إذا.. فهل تنجح؟", False),  # a condition before the teaser
        ("مصر تحظر الإعلانات؟ فماذا بعد", False),  # the question mark is the statement's
    ],
)
def test_a_closing_teaser_question_leaves_the_statement_before_it(title, stated):
    assert brief(title).stated is stated


@pytest.mark.parametrize(
    ("title", "headline"),
    [
        ("الاتحاد المصري لكرة القدم يعلن قائمة", "Egyptian football federation announces list"),
        ("القادة العرب يدينون الهجوم", "Arab leaders condemn attack"),
        ("وزراء الخارجية العرب يزورون مصر", "Arab foreign ministers visit Egypt"),
        ("نائب رئيس الوزراء التركي يزور مصر", "Turkish deputy prime minister visits Egypt"),
        ("المندوب الأميركي لدى مصر يزور السعودية", "US envoy to Egypt visits Saudi Arabia"),
        ("وزير البترول المصري يزور السعودية", "Egyptian oil minister visits Saudi Arabia"),
        ("مجلس الأمن القومي التركي يزور مصر", "Turkish national security council visits Egypt"),
    ],
)
def test_more_bodies_and_offices(title, headline):
    b = brief(title)
    assert b.stated and b.title == headline


def test_a_union_with_a_nationality_alone_says_not_which_union():
    assert not brief("الاتحاد المصري يعلن قائمة").stated


@pytest.mark.parametrize(
    ("title", "headline"),
    [
        ("مناورات صينية.. ومصر تندد", "Egypt condemns"),
        ("وصول الوفد.. وبريطانيا تعتقل 3 أشخاص", "United Kingdom arrests 3 people"),
    ],
)
def test_a_name_after_the_conjunction_opening_its_clause_is_the_subject(title, headline):
    b = brief(title)
    assert b.stated and b.title == headline


def test_a_name_joined_by_and_inside_a_clause_still_needs_the_first_name():
    b = brief("زار مصر وترامب يزور السعودية")
    assert b.title != "Donald Trump visits Saudi Arabia"


@pytest.mark.parametrize(
    ("title", "headline"),
    [
        ("مصادر سورية: الهجوم فشل", "Syrian sources make statement"),
        ("مصدر مصري: ترامب يزور السعودية", "Egyptian source makes statement"),
    ],
)
def test_sources_that_say_whose_they_are_speak_in_a_title(title, headline):
    b = brief(title)
    assert b.stated and b.title == headline


def test_sources_in_a_lead_attribute_the_news_and_state_nothing():
    b = brief("انهيار فندق في القاهرة", "ذكرت مصادر مصرية أن الفندق انهار صباح اليوم.")
    assert not b.stated


def test_sources_without_whose_say_nothing():
    assert not brief("مصادر: الهجوم فشل").stated


def test_a_role_after_the_conjunction_opening_its_clause_is_the_subject():
    b = brief("وصول الوفد.. والرئيس المصري يزور السعودية")
    assert b.stated and b.title == "Egyptian president visits Saudi Arabia"


@pytest.mark.parametrize(
    ("title", "headline"),
    [
        ("أفرجت ميليشيات الحوثي الإيرانية أمس عن 18 شخصا", "Houthi militia releases 18 people"),
        ("مصر ترفع دعوى قضائية ضد ترامب", "Egypt sues Donald Trump"),
        ("مصر تتلقى هزيمة أمام السعودية", "Egypt loses"),
    ],
)
def test_labels_after_a_named_body_lawsuits_and_defeats(title, headline):
    b = brief(title)
    assert b.stated and b.title == headline


def test_raising_prices_is_no_lawsuit():
    assert not brief("مصر ترفع الأسعار").stated


@pytest.mark.parametrize(
    ("title", "headline"),
    [
        ("مسؤول روسي: الهجوم فشل", "Russian official makes statement"),
        ("الاستخبارات الأمريكية: الهجوم فشل", "US intelligence makes statement"),
    ],
)
def test_an_official_or_intelligence_with_its_nationality_speaks(title, headline):
    b = brief(title)
    assert b.stated and b.title == headline


def test_an_official_of_no_country_says_nothing():
    assert not brief("مسؤول: الهجوم فشل").stated


@pytest.mark.parametrize(
    ("title", "headline"),
    [
        ("روسيا تستخدم حق النقض ضد القرار الجديد", "Russia uses veto"),
        ("روسيا تستخدم حق النقض ضد قرار غربي بشأن المعارك في سوريا", "Russia uses veto"),
        ("مصر تحجز مقعدها في النهائي", "Egypt qualifies"),
    ],
)
def test_vetoes_places_booked_and_what_a_place_is_about(title, headline):
    b = brief(title)
    assert b.stated and b.title == headline


def test_using_anything_but_a_veto_is_no_news_verb():
    assert not brief("مصر تستخدم الصواريخ").stated


@pytest.mark.parametrize(
    ("title", "headline"),
    [
        ("النفط يتراجع في التعاملات المبكرة", "Oil prices fall"),
        ("النفط يقفز مجددا", "Oil prices rise"),
    ],
)
def test_oil_alone_is_its_price(title, headline):
    b = brief(title)
    assert b.stated and b.title == headline


def test_oil_does_nothing_but_rise_and_fall():
    assert not brief("النفط يهدد مصر").stated
