"""Two people the tagger read as one across "و" (ماركو رويس ولويس فيغو) are two people, each
with its own English, and a name glued to و loses the و, not a letter of the name (issue #13;
sentences of ours)."""

from __future__ import annotations

import pytest
from news_digest.analysis.entities import extract_entities
from news_digest.analysis.entities.edges import conjoined_name

from tests.docs import doc_of


def people(sentence: str) -> dict[str, str]:
    result = extract_entities(doc_of(sentence))
    return {e.text: e.en for e in result.entities if e.type == "person"}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "وشارك في التدريبات أمس اللاعبان ماركو رويس ولويس فيغو قبل السفر.",
            {"ماركو رويس": "Marco Royce", "لويس فيغو": "Luis Figo"},
        ),
        (
            "والتقى الوزير أمس نظيره ستيفن كارتر وكريم بنزيمة في باريس.",
            {"ستيفن كارتر": "Stephen Carter", "كريم بنزيمة": "Karim Benzema"},
        ),
    ],
)
def test_two_people_joined_by_and_are_two(sentence: str, expected: dict[str, str]) -> None:
    assert people(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "name", "english"),
    [
        ("ورافقه في الرحلة شقيقه وكريم المصري.", "كريم المصري", "Karim al-Masri"),
        ("وبعد الهدف الأول أضاف وبشار الحسن هدفا ثانيا.", "بشار الحسن", "Bashar al-Hassan"),
    ],
)
def test_a_name_glued_to_and_keeps_its_first_letter(sentence: str, name: str, english: str) -> None:
    # وكريم is و + كريم, not وك + ريم (Reem); وبشار is و + بشار, not وب + شار.
    assert people(sentence) == {name: english}


@pytest.mark.parametrize("word", ["ولويس", "وكريم", "وسواريز"])
def test_and_glued_to_a_name(word: str) -> None:
    assert conjoined_name(word)


@pytest.mark.parametrize("word", ["وليام", "وسام", "وليد", "وائل", "ولد", "وارن", "ويليامز"])
def test_names_that_start_with_waw_are_names_as_written(word: str) -> None:
    assert not conjoined_name(word)


def test_names_listed_after_a_comma_and_a_glued_and_lose_the_and() -> None:
    sentence = "ويعول الجمهور قبل البطولة على محمد صلاح، ورمضان صبحي، ومحمد النني."
    assert people(sentence) == {
        "محمد صلاح": "Mohamed Salah",
        "رمضان صبحي": "Ramadan Sobhi",
        "محمد النني": "Muhammad al-Nani",
    }
