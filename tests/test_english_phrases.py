"""Plain-noun objects and role actors in English headlines, on sentences written for these tests."""

import pytest
from news_digest.analysis.phrases import object_english, role_entity

from tests.test_english import brief

LEAD = (
    "وذكرت مصادر رسمية أن الإمارات والصومال وريال مدريد وكريستيانو رونالدو ومحمد بن زايد"
    " ذكروا في بيانات."
)


def test_a_plain_noun_object_completes_a_verb_that_needs_one():
    b = brief("الإمارات تنهي مهمة تدريب في الصومال", LEAD)
    assert b.stated and b.title.startswith("United Arab Emirates ends mission")
    assert "ended a mission" in b.standfirst[0]


def test_a_named_owner_of_the_object_is_kept():
    b = brief("ريال مدريد يمدد عقد كريستيانو رونالدو", LEAD)
    assert b.stated and b.title == "Real Madrid extends Cristiano Ronaldo's contract"


def test_an_unknown_object_still_states_nothing():
    b = brief("ريال مدريد يمدد فترة الإعداد", LEAD)
    assert not b.stated


def test_a_role_with_a_nationality_is_an_actor():
    b = brief("الرئيس المصري يستقبل محمد بن زايد", LEAD)
    assert b.stated and b.title == "Egyptian president receives Mohamed bin Zayed"
    assert b.who == () and b.actor_en == "Egyptian president"
    assert "the Egyptian president received" in b.standfirst[0]


def test_a_role_after_a_clause_initial_verb_is_its_subject():
    b = brief("احتفالات في القاهرة", "احتفل الرئيس المصري، عبدالفتاح السيسي، بفوز المنتخب.")
    assert b.stated and b.title == "Egyptian president celebrates" and b.from_lead
    b = brief("احتفالات في القاهرة", "احتفل الرئيس المصري بفوز المنتخب.")
    assert not b.stated  # the role may go on ("president of ..."): not sure where it ends


@pytest.mark.parametrize(
    "title",
    [
        "الرئيس المصري لم يستقبل محمد بن زايد",  # negation
        "هل يستقبل الرئيس المصري محمد بن زايد؟",  # question
        "إذا استقبل الرئيس المصري محمد بن زايد فسيبحثان الأزمة",  # conditional
        "الرئيس المصري قد يستقبل محمد بن زايد",  # modal
        "الإمارات لن تنهي مهمة تدريب في الصومال",  # negated object verb
        "الإمارات تنفي أن تنهي مهمة تدريب في الصومال",  # reported denial
    ],
)
def test_hedged_role_and_object_clauses_are_never_stated_as_fact(title):
    b = brief(title, LEAD)
    assert not (b.stated and b.action in ("receive", "end"))


def test_a_role_right_after_a_passive_prone_verb_is_not_its_actor():
    b = brief("اعتقل وزير الداخلية المصري", LEAD)
    assert not b.stated


def test_role_entity_needs_a_qualifier():
    class W:
        def __init__(self, text):
            self.text, self.fold = text, text

    assert role_entity([W("الرئيس")]) is None  # "president" alone says too little
    role = role_entity([W("الرئيس"), W("المصري")])
    assert role is not None and role.en == "Egyptian president" and role.type == "role"
    assert object_english([W("عقد")], 0, None) == "contract"
    assert object_english([W("فترة")], 0, None) is None


def test_a_verb_behind_li_or_bi_is_its_verbal_noun_not_a_statement():
    lead = "وقالت مصادر إن الإمارات والصومال ذكرتا ذلك."
    assert not brief("تحذيرات من تداعيات لضرب الصومال", lead).stated
    assert (
        brief("الإمارات تضرب في الصومال", lead).title == "United Arab Emirates strikes in Somalia"
    )


def test_backing_down_is_not_falling():
    lead = "وقالت مصادر إن الإمارات والصومال ذكرتا ذلك."
    assert not brief("الإمارات تتراجع عن مهمة في الصومال", lead).stated


def test_calling_on_a_named_country():
    lead = "وقالت مصادر إن الإمارات والصومال ذكرتا ذلك."
    assert (
        brief("الإمارات تدعو الصومال إلى الحوار", lead).title
        == "United Arab Emirates calls on Somalia"
    )


def test_a_negating_title_is_told_by_the_leads_denial():
    lead = "نفت الإمارات، الاثنين، أن تكون قواتها قد هاجمت مواقع في الصومال."
    b = brief("لا صحة لهجوم إماراتي في الصومال", lead)
    assert b.stated and b.title == "United Arab Emirates issues denial" and b.action == "deny"
    assert not brief("هل هاجمت الإمارات مواقع في الصومال؟", lead).stated  # a question stays one


def test_a_time_word_between_verb_and_object_is_skipped():
    lead = "وقالت مصادر إن الإمارات والصومال ذكرتا ذلك."
    b = brief("الإمارات تنهي اليوم مهمة في الصومال", lead)
    assert b.title == "United Arab Emirates ends mission in Somalia"
    assert not brief("الإمارات لا تنهي اليوم مهمة في الصومال", lead).stated


def test_words_after_a_title_colon_are_someones_not_the_articles():
    lead = "وقالت مصادر إن الإمارات والصومال ذكرتا ذلك."
    b = brief("مسؤول سابق: الإمارات تنهي مهمة في الصومال", lead)
    assert not (b.stated and b.action == "end")


def test_a_role_qualified_by_a_spelled_out_name_is_not_an_actor():
    class W:
        def __init__(self, text):
            self.text, self.fold = text, text

    assert role_entity([W("رئيس"), W("لجنة"), W("الحكام"), W("الإيطالية")]) is None


def test_a_state_body_with_its_nationality_is_an_actor_and_agrees_in_number():
    lead = "وقالت مصادر إن الإمارات والصومال ذكرتا ذلك."
    b = brief("الاقتصاد الصيني يتباطأ", lead)
    assert b.stated and b.title == "Chinese economy slows" and b.actor_en == "Chinese economy"
    b = brief("القوات الإماراتية تهاجم مواقع في الصومال", lead)
    assert b.stated and b.title == "Emirati forces attack in Somalia"
    assert not brief("القوات الإماراتية لم تهاجم مواقع في الصومال", lead).stated


def test_a_body_whose_name_goes_on_is_not_the_national_body():
    lead = "وقالت مصادر إن الإمارات والصومال ذكرتا ذلك."
    b = brief("الجيش الصومالي الحر يهاجم مواقع في الصومال", lead)  # a named group, not the army
    assert not (b.stated and "Somali army" in (b.title or ""))
    b = brief("هاجم الجيش الصومالي الحر مواقع في الصومال", lead)
    assert not (b.stated and "Somali army" in (b.title or ""))


def test_a_plain_noun_is_never_the_object_of_a_prepositional_verb():
    lead = "وقالت مصادر إن الإمارات والصومال ذكرتا ذلك."
    b = brief("الإمارات تدعو قمة الرياض لتبني خطة", lead)  # calls on the summit, not convenes it
    assert not (b.stated and "calls summit" in (b.title or ""))


def test_a_family_name_alone_names_the_person_the_article_names_in_full():
    lead = "وقال الأمين العام للأمم المتحدة أنطونيو غوتيريش إن الإمارات والصومال تعاونتا."
    b = brief("غوتيريش يحذر الإمارات", lead)
    assert b.stated and b.title == "Antonio Guterres warns United Arab Emirates"
    assert not brief("غوتيريش لا يحذر الإمارات", lead).stated
    assert not brief("غوتيريش يحذر الإمارات؟", lead).stated


def test_a_guessed_name_is_named_by_its_certain_role():
    from news_digest.analysis.entities import Entity
    from news_digest.analysis.phrases import role_stand_in

    def person(role_en):
        return Entity("person/x", "س ص", "person", "Sas", 1, ("ر",), (role_en,), "guessed")

    assert role_stand_in(person("Egyptian president")).en == "Egyptian president"
    assert role_stand_in(person("president")) is None  # whose president?
    assert role_stand_in(person("head of the Al-Hkam Committee")) is None


def test_a_place_deep_inside_the_complement_is_not_where_the_event_happens():
    lead = "وقالت مصادر إن الإمارات والصومال ذكرتا ذلك."
    b = brief("الإمارات ترفض مقترحا لإجراء تحقيق جديد في قضية قديمة في الصومال", lead)
    assert b.stated and b.title == "United Arab Emirates rejects proposal"
    b = brief("الإمارات ترفض مقترحا في الصومال", lead)
    assert b.title == "United Arab Emirates rejects proposal in Somalia"


def test_the_chemical_weapons_watchdog_is_named_in_its_long_form_too():
    lead = "رفضت منظمة حظر انتشار الأسلحة الكيميائية مقترحا جديدا."
    b = brief("رفض مقترح جديد", lead)
    assert b.stated and b.title == "OPCW rejects proposal" and b.from_lead


def test_a_role_or_a_team_member_before_a_colon_is_quoted():
    lead = "وقال مدرب ريال مدريد إن الإمارات والصومال وكريستيانو رونالدو ذكروا ذلك."
    b = brief("الرئيس المصري: الصومال شريك مهم", lead)
    assert b.stated and b.title == "Egyptian president speaks on Somalia" and b.action == "say"
    b = brief("مدرب ريال مدريد: لن أغير خطتي", lead)
    assert b.stated and b.title == "Real Madrid coach makes statement"
    assert "Real Madrid coach" in b.actor_en


@pytest.mark.parametrize(
    "title",
    [
        "ريال مدريد: عودة قريبة للمصابين",  # a club's name may label its news
        "الرئيس المصري: هل تعود المفاوضات؟",  # a question
        "رئيس ريال مدريد المستقيل",  # no colon: nobody is quoted
    ],
)
def test_labels_questions_and_plain_phrases_are_not_quotes(title):
    lead = "وقال مدرب ريال مدريد إن الإمارات والصومال وكريستيانو رونالدو ذكروا ذلك."
    b = brief(title, lead)
    assert not (b.stated and b.action == "say" and not b.from_lead)


def test_nationality_adjectives_of_an_attack_noun_name_who_attacks():
    lead = "وقالت مصادر إن الإمارات والصومال ذكرتا ذلك."
    b = brief("غارات جوية إماراتية على مواقع في الصومال", lead)
    assert b.stated and b.title == "United Arab Emirates: air strikes in Somalia"
    assert b.who == ("place/united-arab-emirates",)
    assert not brief("لا غارات جوية إماراتية في الصومال", lead).stated  # negated
    assert not brief("هل تشن غارات جوية إماراتية في الصومال؟", lead).stated  # question


def test_a_nationality_after_a_non_attack_noun_names_no_actor():
    lead = "وقالت مصادر إن الإمارات والصومال ذكرتا ذلك."
    assert not brief("اعتقال صومالي في الإمارات", lead).stated  # the Somali is arrested


def test_the_office_of_an_unnamed_town_is_an_actor():
    lead = "وقالت مصادر إن الإمارات والصومال ذكرتا ذلك."
    b = brief("عمدة بلدة صومالية تعتذر عن تصريحات", lead)
    assert b.stated and b.title == "Mayor of a Somali town apologises"
    b = brief("محافظ مدينة إماراتية يستقيل", lead)
    assert b.stated and b.title == "Governor of an Emirati city resigns"
    assert not brief("عمدة بلدة صومالية لن تعتذر", lead).stated
    assert not brief("عمدة بلدة صومالية كبيرة تعتذر", lead).stated  # the phrase goes on
