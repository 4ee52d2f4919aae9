"""Related-link scoring: what the text vectors ignore and how entities weigh in."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from news_digest.arabic import tokens
from news_digest.linking import similarity as sim
from news_digest.linking.link import LinkInput, link


def test_news_boilerplate_and_numbers_are_not_content() -> None:
    text = "واضاف المتحدث يوم الثلاثاء في ابريل وفقا لوكالة رويترز و6 ال30 ب2018 2018"
    assert sim.content_words(tokens(text)) == ["المتحدث", "لوكاله"]


def test_names_with_digits_and_prefixed_content_words_stay() -> None:
    kept = sim.content_words(tokens("صواريخ S400 وطائرات F16 وولي العهد ووزير الدفاع"))
    assert kept == ["صواريخ", "S400", "وطائرات", "F16", "وولي", "العهد", "ووزير", "الدفاع"]


def _item(ident: str, title: str, text: str, entities=()) -> LinkInput:
    return LinkInput(ident, title, text, datetime(2020, 5, 1), ident, entities, {}, ())


def test_shared_entities_alone_make_no_link() -> None:
    syria = (("place/syria", "place", 2),)
    items = [
        _item("a", "محادثات السلام", "بدأت محادثات السلام بين الوفود في جنيف برعاية الامم", syria),
        _item("b", "مباراة الديربي", "فاز الفريق بهدفين في مباراة الديربي امام جماهيره", syria),
    ]
    result = link(items)
    assert result.related["a"] == () and result.related["b"] == ()


def test_shared_entities_raise_a_text_link() -> None:
    flood = "غمرت مياه الفيضانات الاحياء واجلت فرق الانقاذ السكان بالقوارب"
    items = [
        _item("a", "فيضانات", flood + " في الجنوب"),
        _item("b", "فيضانات جديدة", flood + " في الشمال"),
    ]
    plain = link(items).related["a"][0].score
    basra = (("place/basra", "place", 1),)
    boosted = link([replace(i, entities=basra) for i in items]).related["a"][0]
    assert plain < boosted.score <= plain * 1.26
    assert boosted.shared[0] == "place/basra"
