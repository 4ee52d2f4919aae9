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
