"""Wire-news verbs of the action lexicon, and the objects that pick their news sense, on
sentences written for these tests."""

import pytest
from test_headline_patterns import brief


@pytest.mark.parametrize(
    ("title", "headline"),
    [
        ("ترامب يسجل هدفا في المباراة", "Donald Trump scores goal"),
        ("ترامب يسجل ثلاثية", "Donald Trump scores hat-trick"),
        ("ترامب يختتم زيارته إلى مصر", "Donald Trump concludes visit"),
        ("ترامب يكثف غاراته على الحوثيين", "Donald Trump intensifies strikes"),
        ("مصر تنشر صورا للاجتماع", "Egypt publishes photos"),
        ("مصر تكتسح السعودية", "Egypt beats Saudi Arabia"),
    ],
)
def test_a_news_verb_with_its_object(title, headline):
    b = brief(title)
    assert b.stated and b.title == headline


@pytest.mark.parametrize(
    "title",
    [
        "ترامب يسجل نموا",  # records growth: no goal scored
        "ترامب ينشر قوات في مصر",  # deploys troops: nothing published
        "ترامب ينشر",  # publishes what? the sense needs its object
        "مصر تكتسح الانتخابات",  # sweeps an election: no side beaten
    ],
)
def test_a_verb_of_many_senses_states_nothing_without_its_news_object(title):
    assert not brief(title).stated


@pytest.mark.parametrize(
    ("title", "headline"),
    [
        ("ترامب يثير جدلا واسعا", "Donald Trump sparks controversy"),
        ("مصر تنضم إلى السعودية", "Egypt joins Saudi Arabia"),
        ("ترامب يتوجه إلى السعودية", "Donald Trump heads to Saudi Arabia"),
        ("ترامب يترأس اجتماعا", "Donald Trump chairs meeting"),
        ("ترامب يقترح خطة", "Donald Trump proposes plan"),
        ("ترامب يحرز ميدالية", "Donald Trump wins medal"),
        ("مصر تبيع سندات", "Egypt sells bonds"),
        ("ترامب يحدد موعدا للانتخابات", "Donald Trump sets date"),
    ],
)
def test_more_news_verbs(title, headline):
    b = brief(title)
    assert b.stated and b.title == headline


@pytest.mark.parametrize(
    "title",
    [
        "ترامب يثير الحرب",  # raises a subject: no reaction sparked
        "ترامب يرأس الحكومة",  # heads a government: no meeting chaired
        "ترامب يحصد أرواحا",  # reaps lives: kills, no award won
        "ترامب يحرز تقدما",  # makes progress: nothing won
        "ترامب يحدد خليفته",  # names his successor: no date set
    ],
)
def test_more_verbs_of_many_senses_need_their_news_object(title):
    assert not brief(title).stated


@pytest.mark.parametrize(
    ("title", "headline"),
    [
        ("بريطانيا تدعو لاجتماع لمجلس الأمن", "United Kingdom calls for meeting"),
        ("مصر تدعو إلى اجتماع طارئ", "Egypt calls for meeting"),
        ("السعودية تطالب بتحقيق دولي", "Saudi Arabia demands international investigation"),
        ("مصر تدعو القمة", "Egypt calls on summit"),  # a direct object is called on
    ],
)
def test_an_object_after_the_preposition_a_verb_governs(title, headline):
    b = brief(title)
    assert b.stated and b.title == headline


@pytest.mark.parametrize(
    ("title", "headline"),
    [
        ("إسرائيل تعتقل صحفيا فلسطينيا", "Israel arrests journalist"),
        ("الحوثيون يقتلون امرأة", "Houthis kill woman"),
    ],
)
def test_an_unnamed_person_is_the_object_of_violence(title, headline):
    b = brief(title)
    assert b.stated and b.title == headline


@pytest.mark.parametrize(
    "title",
    [
        "ترامب يستقبل رجلا",  # someone unnamed received is no news
        "مصر تعتقل رجل أعمال",  # "رجل" in a compound noun is no plain "man"
    ],
)
def test_an_unnamed_person_is_no_object_of_other_verbs(title):
    assert not brief(title).stated


def test_a_verb_of_many_senses_without_its_object_leaves_the_story_to_the_lead():
    # "reaps billions": no award won, so the title's verb names no event the lead contradicts
    b = brief("مصر تحصد مليارات الدولارات", "قال ترامب إن مصر حصلت على تعهدات كبيرة.")
    assert b.stated and b.title == "Donald Trump makes statement"


def test_tasdur_tops_only_a_list_or_a_table():
    lead = ("وذكرت مصادر أن الاجتماع انتهى.",)
    # تصدر حكما is "issues a ruling"; the same letters top a list or a table only.
    assert not brief("مصر تصدر حكما بالإعدام على المتهم", *lead).stated
    assert brief("مصر تتصدر قائمة الدول المصدرة", *lead).title.startswith("Egypt tops")


def test_prices_rise_without_an_article():
    lead = ("وذكرت مصادر أن الاجتماع انتهى.",)
    b = brief("الذهب يرتفع بدعم من عوامل فنية", *lead)
    assert b.title == "Gold prices rise"
    assert b.standfirst[0] == "The article reports that gold prices rose."
