"""Where an entity's English comes from, on sentences written for these tests: a rule's
English over Arabic words is a guess (English pages show the Arabic), over Latin words not."""

from __future__ import annotations

import pytest
from news_digest.analysis.entities import extract_entities

from tests.docs import doc_of


def spellings(text: str) -> dict[str, tuple[str, str]]:
    return {e.text: (e.en, e.spelled) for e in extract_entities(doc_of(text)).entities}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("وأعلنت جماعة الفجر الجديد مسؤوليتها عن الهجوم في المدينة.", "جماعة الفجر الجديد"),
        ("وأكدت لجنة الأسلحة الكيماوية أن التحقيق مستمر.", "لجنة الأسلحة الكيماوية"),
    ],
)
def test_a_rule_spelling_arabic_words_letter_by_letter_is_a_guess(text: str, name: str) -> None:
    assert spellings(text)[name][1] == "guessed"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("وقال حزب Podemos في بيان إنه سيصوت ضد القانون.", "Podemos"),
        ("وقالت منظمة Freedom House في تقريرها إن الحريات تراجعت.", "Freedom House"),
    ],
)
def test_a_rule_over_latin_words_keeps_them_as_they_are(text: str, name: str) -> None:
    assert spellings(text)[name] == (name, "rule")


def test_another_spelling_of_a_listed_person_is_that_person() -> None:
    """كاين as news also writes Kane's name (كين is the listed spelling)."""
    assert spellings("وسجل هاري كاين هدفين في المباراة.")["هاري كين"] == ("Harry Kane", "listed")
