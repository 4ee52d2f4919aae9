"""The tagger's name inside a listed name of its kind is the listed one (مانشستر سيتي is
Manchester City, not Manchester and "Siti"), and القاعدة before a word agreeing with a
feminine noun is "the base", not al-Qaeda (issue #13; sentences of ours)."""

from __future__ import annotations

import pytest
from news_digest.analysis.entities import extract_entities

from tests.docs import doc_of


def named(sentence: str) -> dict[str, str]:
    return {e.text: e.en for e in extract_entities(doc_of(sentence)).entities}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("وفاز فريق مانشستر سيتي على ضيفه بثلاثة أهداف أمس.", {"مانشستر سيتي": "Manchester City"}),
        ("وقال مسؤول في حزب الله اللبناني إن الاجتماع تأجل.", {"حزب الله": "Hezbollah"}),
    ],
)
def test_a_tagged_part_of_a_listed_name_is_the_listed_name(
    sentence: str, expected: dict[str, str]
) -> None:
    assert named(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "وتعرضت القاعدة الجوية لقصف عنيف ليلا.",
        "وقال إن القاعدة التي بنيت قرب الساحل تضم مئات الجنود.",
        "وتريد الشركة أن توسع القاعدة الشعبية لمنتجاتها.",
    ],
)
def test_the_base_is_no_organisation(sentence: str) -> None:
    assert "Al-Qaeda" not in named(sentence).values()


def test_al_qaeda_with_its_own_adjective_stays() -> None:
    assert named("وتبنى تنظيم القاعدة الإرهابي الهجوم على القافلة.") == {"القاعدة": "Al-Qaeda"}
