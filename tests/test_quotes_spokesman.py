"""A spokesman named before "المتحدث باسم X قال" is the speaker, not X (sentences of ours)."""

from __future__ import annotations

from news_digest.analysis.entities import extract_entities
from news_digest.analysis.quotes import extract_quotes

from tests.docs import doc_of


def speakers(sentence: str) -> list[str | None]:
    doc = doc_of(sentence)
    return [q.speaker for q in extract_quotes(doc, extract_entities(doc))]


def test_the_spokesman_speaks_not_the_one_he_speaks_for() -> None:
    sentence = "لكن سامي الخطيب المتحدث باسم رجب طيب أردوغان قال إنها مجرد شائعات لا أساس لها."
    found = speakers(sentence)
    assert found and "أردوغان" not in (found[0] or "")


def test_a_speaker_right_before_the_verb_still_speaks() -> None:
    assert speakers("وأردوغان قال إن بلاده لن تتراجع عن موقفها.")[0] is not None


def test_a_report_as_the_subject_speaks_not_the_person_it_mentions() -> None:
    found = speakers("وأشارت الصحيفة إلى قلق سامي الخطيب من أن الخطة قد تفشل قريبا.")
    assert found and found[0] == "الصحيفة"
