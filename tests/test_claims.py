"""Claims: what the text marks as claimed or unverifiable, and who claims it."""

from __future__ import annotations

from pathlib import Path

import pytest
from news_digest.analysis.claims import extract_claims
from news_digest.analysis.entities import Entity, EntityResult, Mention, extract_entities
from news_digest.models import Document

from docs import doc_of, growth_ratio, seed


def taliban(doc: Document) -> EntityResult:
    """Every "طالبان" is a mention of one organisation, as the entity extractor reports it."""
    mentions = []
    for index, sentence in enumerate(doc.sentences):
        start = sentence.text.find("طالبان")
        while start != -1:
            mentions.append(Mention(index, start, start + 6, "organization/taliban", None))
            start = sentence.text.find("طالبان", start + 1)
    entity = Entity("organization/taliban", "طالبان", "organization", "Taliban", len(mentions))
    return EntityResult((entity,), tuple(mentions))


def check_seed_000(doc: Document, entities: EntityResult) -> None:
    claims = extract_claims(doc, entities)
    assert len(claims) == 2
    first, second = claims
    assert first.cue == "وزعمت" and first.claimant == "الحركة"
    assert first.claimant_en == "Taliban"
    assert first.text.startswith("أنها باتت تسيطر على 85% من أفغانستان")
    assert not first.unverifiable and first.sentence == 3
    assert second.text == "الحركة سيطرت على حوالي 250 مقاطعة من أصل 398 في أفغانستان"
    assert second.claimant == "وفد من مسؤولي طالبان" and second.claimant_en == "Taliban"
    assert second.cue == "ادعاء" and second.unverifiable and second.sentence == 7


def test_seed_000_hand_made_entities(seeds_dir: Path) -> None:
    doc = seed(seeds_dir, "000")
    check_seed_000(doc, taliban(doc))


def test_seed_000_real_extractor(seeds_dir: Path) -> None:
    doc = seed(seeds_dir, "000")
    check_seed_000(doc, extract_entities(doc))


def test_seed_003_has_no_claims(seeds_dir: Path) -> None:
    doc = seed(seeds_dir, "003")
    assert extract_claims(doc, taliban(doc)) == ()


def test_unverifiable_next_sentence_flags_previous_statement() -> None:
    doc = doc_of("وقال مسؤولون إن القصف أوقع عشرات القتلى في المدينة. ولم يتسنَّ التحقق من ذلك.")
    [claim] = extract_claims(doc, EntityResult((), ()))
    assert claim.text == "القصف أوقع عشرات القتلى في المدينة"
    assert claim.claimant == "مسؤولون" and claim.unverifiable and claim.sentence == 0


def test_claim_verb_with_unverifiable_phrase() -> None:
    doc = doc_of("وادعت الجماعة أنها أسقطت طائرة مسيرة، وهو ما لا يمكن التحقق منه بشكل مستقل.")
    [claim] = extract_claims(doc, None)
    assert claim.cue == "وادعت" and claim.claimant == "الجماعة"
    assert claim.text.startswith("أنها أسقطت طائرة مسيرة") and claim.unverifiable


def test_allegations_and_alleged() -> None:
    doc = doc_of("ورفضت موسكو مزاعم لندن بأن روسيا تقف وراء الهجوم.")
    [claim] = extract_claims(doc, None)
    assert claim.claimant == "لندن" and claim.text == "روسيا تقف وراء الهجوم"
    doc = doc_of("ووصل المحققون إلى موقع الهجوم الكيماوي المزعوم أمس.")
    [claim] = extract_claims(doc, None)
    assert claim.text == "موقع الهجوم الكيماوي" and claim.cue == "المزعوم"


def test_prosecution_is_not_a_claim() -> None:
    assert extract_claims(doc_of("وطالب الادعاء العام بسجن المتهم عشر سنوات."), None) == ()


@pytest.mark.parametrize(
    "text",
    [
        "",
        "زعم",
        "وزعمت أن",
        "ادعاء " * 3000,
        '<p>لم يتسن التحقق</p> "«',
        "وزعم ١٢٣ أن ٤٥٦ مزاعم مزاعم",
    ],
)
def test_hostile_inputs(text: str) -> None:
    assert isinstance(extract_claims(doc_of(text), EntityResult((), ())), tuple)


def test_empty_document() -> None:
    assert extract_claims(doc_of(), None) == ()


def test_time_grows_linearly_with_text() -> None:
    paragraph = "وزعمت الجماعة أنها تسيطر على المدينة، وهو ادعاء يستحيل التحقق منه بشكل مستقل. " * 5
    assert growth_ratio(lambda d: extract_claims(d, EntityResult((), ())), paragraph) < 3
