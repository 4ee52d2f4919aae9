"""Headlines read from the lead and from speakers, on sentences written for these tests."""

from news_digest.analysis.article import analyze
from news_digest.analysis.english.clauses import clauses_of

from docs import titled_doc

NAMES = "وتحدثت مصادر عن ترامب ومصر والسعودية وبريطانيا والحوثيين وطالبان في جازان وقندوز."


def brief(title: str, *lead: str):
    return analyze(titled_doc(title, *lead, NAMES)).english


def test_a_condition_later_in_the_lead_leaves_its_first_clause_certain():
    first, *rest = clauses_of("قال الجيش، إن القوات سترد إذا هوجمت", 0, {}, (), sentence=True)
    assert not first.unit_uncertain and all(c.unit_uncertain for c in rest)
    # a title stays one unit, and a question mark makes the whole lead a question
    (title,) = clauses_of("الجيش يرد إذا هوجم", 0, {}, ())
    assert title.unit_uncertain
    assert all(c.unit_uncertain for c in clauses_of("قال الجيش، هل ترد؟", 0, {}, (), True))


def test_a_role_set_off_by_commas_stands_for_an_unsure_name():
    b = brief("تحذير مصري من التصعيد", "حذر سامر الخوري، وزير الخارجية المصري، من التصعيد.")
    assert b.stated and b.title == "Egyptian foreign minister issues warning"
    # no commas: after a verb that may take a person, the role may be its object
    assert not brief("تحذير مصري من التصعيد", "حذر سامر الخوري وزير الخارجية المصري.").stated


def test_a_verb_after_a_comma_goes_on_with_the_sentence_subject():
    lead = "وزير الخارجية المصري، سامر الخوري، حذر جازان من التصعيد."
    assert not brief("تحذير مصري من التصعيد", lead).stated  # not "Jizan warns"


def test_a_role_that_says_whose_it_is_speaks_before_a_colon():
    b = brief("وزير خارجية مصر: لن نقبل التهديد", "وذكرت مصادر أن الاجتماع انتهى.")
    assert b.stated and b.title == "Egyptian foreign minister makes statement"
    # a bare role does not say whose
    assert not brief("الوزير: لن نقبل التهديد", "وذكرت مصادر أن الاجتماع انتهى.").stated


def test_a_name_built_from_listed_parts_is_certain_whoever_spelled_it():
    b = brief("الأمير خالد بن سلمان: لن نقبل التهديد", "قال الأمير خالد بن سلمان إن بلاده سترد.")
    assert b.stated and b.title == "Khalid bin Salman makes statement"


def test_a_verb_with_a_verbal_noun_object():
    lead = ("وذكرت مصادر أن الاجتماع انتهى.",)
    assert brief("مصر تقرر إنهاء العقد", *lead).title == "Egypt decides to end contract"
    assert brief("مصر تدين الهجوم على جازان", *lead).title == "Egypt condemns attack"
    assert brief("مصر تنفي شن هجوم على جازان", *lead).title == "Egypt denies attack"
    assert brief("الحوثيون يهددون بالانسحاب", *lead).title == "Houthis threaten to withdraw"
    # "رفض" with a masdar refuses to act: no noun object read
    assert brief("مصر ترفض إنقاذ الحوثيين", *lead).title != "Egypt rejects rescue"


def test_a_verb_never_takes_the_article():
    # "الأمر" is a matter: no "orders" verb, so no subject after it
    (clause,) = clauses_of("الأمر يخص مصر", 0, {}, ())
    assert all(h.form.action.key != "order" for h in clause.actions)


def test_bodies_named_by_their_government_or_leader():
    lead = ("وذكرت مصادر أن الاجتماع انتهى.",)
    b = brief("قوات الحكومة المصرية تسيطر على جازان", *lead)
    assert b.title == "Egyptian government forces capture Jizan"
    b = brief("قوات التحالف بقيادة السعودية تعترض صاروخا", *lead)
    assert b.title == "Saudi-led coalition forces intercept missile"


def test_verbs_whose_first_letter_is_waw_keep_their_subject_after_them():
    lead = ("وذكرت مصادر أن الاجتماع انتهى.", "وتحدثت مصادر عن ترامب.")
    assert brief("وقع ترامب تشريعا الأربعاء", *lead).title == "Donald Trump signs legislation"
    # a "و" glued to the verb goes on with an earlier subject
    assert not brief("ويدين ترامب الهجوم", *lead).stated


def test_each_of_several_names_after_the_verb_act_together():
    b = brief("أدانت كل من مصر والسعودية الهجوم على جازان", "وذكرت مصادر أن الاجتماع انتهى.")
    assert b.title == "Egypt and Saudi Arabia condemn attack"


def test_unmanned_is_no_negation():
    lead = ("وذكرت مصادر أن الاجتماع انتهى.",)
    assert brief("السعودية تدمر طائرتين دون طيار", *lead).title == "Saudi Arabia destroys drones"
    assert not brief("السعودية لم تدمر طائرتين دون طيار", *lead).stated


def test_readings_the_object_or_preposition_rules_out():
    lead = ("وذكرت مصادر أن الاجتماع انتهى.", "وتحدثت مصادر عن ترامب.")
    # "مع" a name: agrees with, not "agrees on"
    assert brief("ترامب يتفق مع مصر", *lead).title == "Donald Trump agrees with Egypt"
    # only prices and economies rise: a person "يقفز" jumps
    assert not brief("وزير خارجية مصر يقفز في النهر", *lead).stated
    # the story noun of a masdar is no object: "postpones title"
    assert not brief("مصر تؤجل تتويج الحوثيين", *lead).stated
    # "بـ" a place is where: no "rules on Egypt"
    b = brief("جازان", "قضت محكمة في جازان بمصر بسجن سبعة.", "وتحدثت مصادر عن ترامب.")
    assert "on Egypt" not in (b.title or "")


def test_an_office_or_a_quoted_claim_is_not_its_person_speaking():
    lead = "قال مكتب الرئيس الأميركي دونالد ترامب إن الاجتماع انتهى."
    assert not brief("بيان عن الاجتماع", lead).stated
    b = brief("كبير مستشاري ترامب: مصر دعمت الحوثيين", "وذكرت مصادر أن الاجتماع انتهى.")
    assert not (b.stated and b.title.startswith("Egypt"))


def test_a_listed_country_in_the_title_acts_though_the_body_names_it_otherwise():
    # the body says nothing of Russia: the title's listed name is read all the same
    b = brief("روسيا تطالب بريطانيا بالاعتذار", "وذكرت مصادر أن الاجتماع انتهى.")
    assert b.stated and b.title == "Russia calls on United Kingdom"
    # a one-word city that is an everyday word is left to the entity stage: "صور" pictures
    b = brief("صور تكشف الهجوم", "وذكرت مصادر أن الاجتماع انتهى.")
    assert not b.stated and "Tyre" not in (b.title or "")


def test_a_title_headed_by_an_intransitive_masdar_has_its_subject_after_it():
    lead = ("وذكرت مصادر أن الاجتماع انتهى.", "وتحدثت مصادر عن ترامب.")
    assert brief("وفاة دونالد ترامب عن 91 عاما", *lead).title == "Donald Trump dies"
    assert brief("انسحاب مصر من الاتفاق", *lead).title == "Egypt withdraws"
    assert brief("ارتفاع أسعار النفط", *lead).title == "Oil prices rise"
    # a transitive verb's masdar takes its object: no actor; "رحيل" may be a departure
    assert not brief("اعتقال دونالد ترامب في مصر", *lead).stated
    assert not brief("رحيل دونالد ترامب عن النادي", *lead).stated


def test_titles_won_and_oaths_taken():
    lead = ("وذكرت مصادر أن الاجتماع انتهى.",)
    assert brief("مصر تتوج بلقب البطولة", *lead).title == "Egypt wins title"
    assert brief("مصر تحرز لقب البطولة", *lead).title == "Egypt wins title"


def test_currencies_gold_and_researchers_act():
    lead = ("وذكرت مصادر أن الاجتماع انتهى.",)
    assert brief("الليرة التركية تهبط لمستويات غير مسبوقة", *lead).title == "Turkish lira falls"
    assert brief("الذهب يرتفع بدعم من عوامل فنية", *lead).title == "Gold prices rise"
    b = brief("أكثر من نصف الجسم ليس بشريا", "قال علماء إن نصف الجسم ليس بشريا.")
    assert b.title == "Researchers make statement"


def test_a_title_between_a_role_and_its_name():
    b = brief("ترامب يلتقي مصر", "التقى الرئيس الأميركي السيد دونالد ترامب وزير الخارجية المصري.")
    assert b.stated and b.title.startswith("Donald Trump meets")


def test_a_classifier_noun_before_a_name_is_that_name():
    lead = ("وذكرت مصادر أن الاجتماع انتهى.",)
    assert brief("حركة طالبان توقع اتفاقا مع مصر", *lead).title == "Taliban signs deal"
    assert brief("وقعت حركة طالبان اتفاقا مع مصر", *lead).title == "Taliban signs agreement"
    # a role before the name is still the role's owner
    assert brief("قال مدرب طالبان إن الفريق جاهز", *lead).title == "Taliban coach makes statement"


def test_advancing_in_a_place_and_holding_meetings():
    lead = ("وذكرت مصادر أن الاجتماع انتهى.",)
    b = brief("قوات الشرعية اليمنية تتوغل في جازان", *lead)
    assert b.title == "Yemeni government forces advance in Jizan"
    assert brief("مصر تعقد اجتماعا طارئا", *lead).title == "Egypt holds meeting"


def test_a_listed_surname_alone_in_the_title_names_its_person():
    b = brief("السيسي يستقبل ترامب", "وذكرت مصادر أن الاجتماع انتهى.", "وتحدثت مصادر عن ترامب.")
    assert b.stated and b.title == "Abdel Fattah el-Sisi receives Donald Trump"


def test_a_name_cut_inside_a_hashtag_is_no_name():
    (clause,) = clauses_of("التقى #كيم_جونغ_أون دبلوماسيا", 0, {}, ())
    assert [w.glued for w in clause.words] == [False, False, True, True, False]
    # a whole hashtag is a name: "#ترامب" or "#دونالد_ترامب"
    b = brief("بيان", "انتقد #دونالد_ترامب #مصر أمس.", "وتحدثت مصادر عن ترامب ومصر.")
    assert b.stated and b.title == "Donald Trump criticises Egypt"


def test_a_death_announced_is_no_verbal_noun_object():
    b = brief("مصر تعلن وفاة البطولة", "وذكرت مصادر أن الاجتماع انتهى.")
    assert not b.stated  # a figurative death: "announces death" would mislead


def test_an_unsure_name_acts_in_the_title_under_the_role_the_lead_gives_it():
    lead = "قال مدرب طالبان سامر الخوري إن الفريق جاهز."
    b = brief("سامر الخوري يحذر من المباراة", lead)
    assert b.stated and b.title == "Taliban coach issues warning"
    # no role in the lead: the unsure name never acts
    assert not brief("سامر الخوري يحذر من المباراة", "قال سامر الخوري إن الفريق جاهز.").stated


def test_reporting_verbs_with_what_they_report():
    lead = ("وذكرت مصادر أن الاجتماع انتهى.",)
    b = brief("بيان عن جازان", "أعلنت السلطات في ولاية جازان أن الهجوم انتهى.")
    assert b.title == "Authorities in Jizan make announcement"
    b = brief("اتهمت المتحدثة باسم وزارة الخارجية المصرية بريطانيا بالكذب", *lead)
    assert b.title == "Egyptian foreign ministry spokeswoman accuses United Kingdom"
    b = brief("قصفت طائرات التحالف العربي مواقع الحوثيين", *lead)
    assert b.title == "Arab coalition aircraft bomb Houthis' positions"


def test_a_title_statement_told_by_the_leads_statement_of_the_same_speaker():
    b = brief("ترامب يكشف سر الفوز", "قال الرئيس الأميركي دونالد ترامب إن الفريق جاهز.")
    assert b.stated and b.title == "Donald Trump makes statement" and b.from_lead
    # the title's event is no statement: the lead's statement does not stand for it
    b = brief("ترامب يأمر بضرب جازان", "قال الرئيس الأميركي دونالد ترامب إنه أمر بضرب جازان.")
    assert not b.stated


def test_a_speaker_with_whom_or_what_about_before_the_colon():
    lead = ("وذكرت مصادر أن الاجتماع انتهى.", "وتحدثت مصادر عن ترامب.")
    assert brief("ترامب عن هجوم جازان: سنرد بقوة", *lead).title == "Donald Trump makes statement"
    assert brief("ترامب لمصر: سنرد بقوة", *lead).title == "Donald Trump makes statement"


def test_a_role_without_the_article_before_a_name_is_that_persons():
    lead = ("وذكرت مصادر أن الاجتماع انتهى.", "وتحدثت مصادر عن ترامب.")
    # a genitive: Trump's adviser resigns, not Trump
    assert brief("استقالة مستشار ترامب", *lead).title == "Donald Trump's adviser resigns"
    # with the article, an apposition: the president is Trump
    assert brief("قال الرئيس ترامب إن الجلسة انتهت", *lead).title == "Donald Trump makes statement"
    b = brief("قال مستشار الرئيس المصري إن الجلسة انتهت", *lead)
    assert b.title == "Egyptian president's adviser makes statement"
    b = brief("قال رئيس مجلس النواب المصري إن الجلسة انتهت", *lead)
    assert b.title == "Egyptian parliament speaker makes statement"


def test_considered_described_and_issued():
    lead = ("وذكرت مصادر أن الاجتماع انتهى.", "وتحدثت مصادر عن ترامب.")
    assert brief("اعتبر ترامب أن الهجوم انتهى", *lead).title == "Donald Trump makes statement"
    b = brief("أصدر الرئيس المصري قرارا بتعيين وزير", *lead)
    assert b.title == "Egyptian president issues decision"
    # the present "يعتبر" is as often "is considered": no statement
    assert not brief("يعتبر ترامب أكبر الرؤساء سنا", *lead).stated


def test_only_a_court_acquits():
    lead = ("وذكرت مصادر أن الاجتماع انتهى.",)
    assert not brief("مصر تبرئ السعودية من الهجوم", *lead).stated
    assert brief("محكمة في مصر تبرئ السعودية", *lead).title == "Court in Egypt acquits Saudi Arabia"


def test_announcing_about_and_shootings():
    lead = ("وذكرت مصادر أن الاجتماع انتهى.",)
    assert brief("مصر تعلن عن خطة جديدة", *lead).title == "Egypt announces plan"
    assert brief("مصر تعلن عن إطلاق قمر صناعي", *lead).title == "Egypt announces launch"
    # "إطلاق النار" is a shooting, not a launch
    assert brief("مصر تعلن إطلاق النار على جازان", *lead).title == "Egypt announces shooting"


def test_settlers_resistance_judiciary_and_places_burned():
    lead = ("وذكرت مصادر أن الاجتماع انتهى.",)
    assert brief("المستوطنون يحرقون مسجدا في جازان", *lead).title == (
        "Settlers burn mosque in Jizan"
    )
    b = brief("العراق", "أصدر القضاء المصري حكما بسجن المتهم.")
    assert b.title == "Egyptian judiciary issues ruling"


def test_american_and_british_offices_take_their_english_titles():
    lead = ("وذكرت مصادر أن الاجتماع انتهى.",)
    b = brief("قال وزير الدفاع الأميركي إن الجلسة انتهت", *lead)
    assert b.title == "US Defense Secretary makes statement"
    b = brief("قال وزير الخارجية البريطاني إن الجلسة انتهت", *lead)
    assert b.title == "British Foreign Secretary makes statement"
    b = brief("قال وزير خارجية مصر إن الجلسة انتهت", *lead)
    assert b.title == "Egyptian foreign minister makes statement"


def test_an_ambassador_to_a_country_is_no_upon():
    lead = ("وذكرت مصادر أن الاجتماع انتهى.",)
    b = brief("السفير المصري لدى بريطانيا يحذر من التصعيد", *lead)
    assert b.title == "Egyptian ambassador to United Kingdom issues warning"
    # "لدى" right before the verb is still "upon": nothing stated
    assert not brief("مصر لدى يحذر", *lead).stated


def test_crowned_with_a_title_wins_it():
    lead = ("وذكرت مصادر أن الاجتماع انتهى.",)
    assert brief("توج الحوثيون بلقب البطولة", *lead).title == "Houthis win title"
    assert brief("مصر تفوز بلقب البطولة", *lead).title == "Egypt wins title"


def test_called_on_directly_and_masdars_with_their_objects():
    lead = ("وذكرت مصادر أن الاجتماع انتهى.", "وتحدثت مصادر عن ترامب.")
    # a meeting called directly is called on, not called for
    b = brief("ترامب يدعو قمة جازان لتبني الخطة", *lead)
    assert b.title == "Donald Trump calls on Jizan summit"
    b = brief("ترامب يطالب بفرض عقوبات", *lead)
    assert b.title == "Donald Trump demands imposition of sanctions"
    b = brief("مصر تعلن إلغاء الاتفاق", *lead)
    assert b.title == "Egypt announces cancellation of agreement"


def test_a_quoted_speaker_never_dangles_a_verb_without_its_object():
    b = brief("وزير خارجية مصر: يجب تغيير سلوك الحوثيين", "انتقد وزير الخارجية المصري الحوثيين.")
    assert b.title == "Egyptian foreign minister makes statement"


def test_an_adverbial_opening_leaves_the_leads_main_clause_verb_first():
    lead = ("في تطور جديد، انتقد ترامب مصر بشدة.", "وتحدثت مصادر عن ترامب.")
    assert brief("بيان", *lead).title == "Donald Trump criticises Egypt"
    # a name before the comma: the clause after it goes on with that sentence
    lead = ("في ظل التوتر مع مصر، انتقد ترامب السعودية.", "وتحدثت مصادر عن ترامب.")
    assert not brief("بيان", *lead).stated
    # after a preposition a word is a noun: "تطور" is a development, no verb
    (clause,) = clauses_of("في تطور جديد", 0, {}, ())
    assert all(h.form.pos == "noun" for h in clause.actions)


def test_a_title_speaker_never_takes_another_speakers_verb():
    # The lead's "اتهمت لندن" is London's accusation: the Kremlin of the title only speaks.
    lead = (
        "اتهمت لندن موسكو بمنع المفتشين من دخول المدينة.",
        "إلا أن الكرملين اعتبر أن هذه الاتهامات بلا أساس.",
    )
    b = brief("الكرملين: لا أساس لاتهامات الغرب بشأن المفتشين", *lead)
    assert b.title == "Kremlin makes statement"
