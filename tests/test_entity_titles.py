"""A title the tagger took into a person's name is the person's role (sentences of ours)."""

from __future__ import annotations

from news_digest.analysis.entities import extract_entities

from tests.docs import doc_of


def people(text: str) -> list[tuple[str, str, tuple[str, ...]]]:
    found = extract_entities(doc_of(text)).entities
    return [(e.text, e.en, e.roles) for e in found if e.type == "person"]


def test_a_title_at_the_start_of_a_tagged_name_becomes_its_role() -> None:
    # The tagger reads الأمير بن سلمان as one name; the prince is not "Al-Amir bin Salman".
    [(text, english, roles)] = people("التقى الأمير بن سلمان بالوفد في الرياض.")
    assert text == "بن سلمان"
    assert "الأمير" in roles
    assert not english.lower().startswith("al-amir")


def test_a_name_without_a_title_is_left_as_it_is() -> None:
    [(text, _, roles)] = people("وقال جو بايدن إن البلاد ماضية في الإصلاح.")
    assert text == "جو بايدن"
    assert roles == ()
