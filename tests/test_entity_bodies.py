"""A state body no list holds gets its English from the body-noun and nationality tables
(وزارة الخارجية الروسية -> Russian Foreign Ministry), certain, and only when every word is
accounted for (issue #13; sentences of ours)."""

from __future__ import annotations

import pytest
from news_digest.analysis.entities import extract_entities
from news_digest.analysis.entities.bodies import body_english, described_entry, headed_english

from tests.docs import doc_of


@pytest.mark.parametrize(
    ("name", "english"),
    [
        ("وزارة الخارجية الروسية", "Russian Foreign Ministry"),
        ("البنك المركزي التركي", "Turkish Central Bank"),
        ("الحكومة اللبنانية", "Lebanese Government"),
        ("قوات التحالف الدولي", "International Coalition Forces"),
        ("مجلس الأمن القومي الأميركي", "US National Security Council"),
    ],
)
def test_a_body_and_its_nationality(name: str, english: str) -> None:
    assert body_english(name) == english


@pytest.mark.parametrize(
    "name",
    [
        "وزارة الخارجية",  # whose? no nationality: no certain name of its own
        "وزارة الطاقة الأميركية",  # a ministry the table lacks
        "الحكومة الانتقالية",  # not a nationality
        "رئيس الوزراء العراقي",  # a role, not a body
        "الليرة التركية",  # a currency
        "محكمة تركية تركية",
    ],
)
def test_anything_else_is_left_to_the_name_data(name: str) -> None:
    assert body_english(name) is None


def test_an_extracted_body_is_named_in_english_for_certain() -> None:
    result = extract_entities(doc_of("وأكدت وزارة الخارجية الروسية صباح اليوم أن الوفد سيصل غدا."))
    bodies = [e for e in result.entities if e.text == "وزارة الخارجية الروسية"]
    assert [(e.en, e.spelled) for e in bodies] == [("Russian Foreign Ministry", "rule")]


@pytest.mark.parametrize(
    ("name", "english"),
    [
        ("ريف دمشق", "Damascus countryside"),
        ("ميناء الحديدة", "Hodeidah port"),
        ("مطار القاهرة", "Cairo Airport"),
        ("منتخب مصر", "Egypt national team"),
    ],
)
def test_a_head_noun_before_a_listed_place(name: str, english: str) -> None:
    assert headed_english(name) == english


@pytest.mark.parametrize("name", ["جامعة كولومبيا", "ريف مجهول", "ميناء", "مطار تويتر"])
def test_other_heads_or_unlisted_places_give_nothing(name: str) -> None:
    assert headed_english(name) is None


def test_a_descriptor_before_a_listed_body_is_that_body() -> None:
    entry = described_entry("موقع تويتر", "place")
    assert entry is not None and entry.en == "Twitter"
    assert described_entry("موقع الحادث", "organization") is None
    result = extract_entities(doc_of("ونشر الوزير على موقع تويتر صورة من الاجتماع."))
    assert ("Twitter", "listed") in {(e.en, e.spelled) for e in result.entities}


def test_a_listed_club_with_its_nationality_is_that_club() -> None:
    assert described_entry("يوفنتوس الإيطالي", "organization").en == "Juventus"
    # A common noun's body with a nationality is that country's own (not the listed one).
    assert described_entry("مجلس الأمن الروسي", "organization") is None
    # The article counts: دوما (the Syrian town) is not الدوما (the Russian parliament).
    assert described_entry("دوما السورية", "organization") is None


def test_a_nationality_adjective_alone_names_nothing() -> None:
    sentence = "وأعلنت الصحة أن مستشفى في مدينة منبج السورية تعرض للقصف."
    names = {e.text: e.en for e in extract_entities(doc_of(sentence)).entities}
    assert names == {"منبج": "Manbij"}
