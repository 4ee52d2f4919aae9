"""Figures: numbers with units, context and English renderings."""

from __future__ import annotations

from pathlib import Path

import pytest
from news_digest.analysis.figures import (
    extract_figures,
    format_number,
    parse_number,
    sentence_figures,
    unit_of,
)
from news_digest.ingest.structure import build_document

from docs import doc_of, growth_ratio, seed


def ens(text: str) -> list[str]:
    return [figure.en for figure in sentence_figures(text, 0)]


def test_seed_000(seeds_dir: Path) -> None:
    figures = extract_figures(seed(seeds_dir, "000"))
    assert [(f.en, f.kind, f.unit, f.value) for f in figures] == [
        ("85%", "percent", "percent", 85),
        ("250 of 398 districts", "ratio", "districts", 250),
    ]
    assert figures[0].text == "85%"
    assert "تسيطر على 85% من أفغانستان" in figures[0].context
    assert figures[1].text == "250 مقاطعة من أصل 398"
    assert len(figures[1].context.split()) <= 10
    # "90 %", "1243 إصابة", "28 منطقة", "24 ساعة" are read-also headlines, not the article.
    assert all(f.value not in (90, 1243, 84, 28, 24, 261) for f in figures)


def test_seed_003(seeds_dir: Path) -> None:
    figures = extract_figures(seed(seeds_dir, "003"))
    got = [(f.en, f.kind, f.unit) for f in figures]
    assert got == [
        ("2015", "year", "year"),
        ("01:00", "time", "time"),
        ("335 km", "distance", "km"),
        ("26 Taliban fighters", "count", "fighters"),
        ("September 2015", "date", "date"),
    ]
    assert figures[1].text == "الساعة 01:00"
    assert figures[2].text == "335 كيلومترا" and figures[2].value == 335
    assert figures[3].value == 26 and figures[3].text == "26 من مقاتلي طالبان"
    assert [f.sentence for f in figures] == sorted(f.sentence for f in figures)
    # "آلاف العسكريين" has no value: it is not a figure.
    assert not any("آلاف" in f.text for f in figures)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ارتفعت الأسعار بنسبة 12 بالمئة هذا العام", ["12%"]),
        ("تراجع المؤشر 0.5 في المئة", ["0.5%"]),
        ("بلغت النسبة ٪٣٠ بل ٣٠٪", ["30%"]),
        ("قتل ٢٥ شخصاً في الهجوم", ["25 people"]),
        ("أصيب 1,243 شخصا", ["1,243 people"]),
        ("بتكلفة 5 ملايين دولار", ["$5 million"]),
        ("بقيمة 1.95 مليار ريال", ["1.95 billion riyals"]),
        ("تتراوح أعدادهم من 6 إلى 7 أشخاص", ["6–7 people"]),
        ("قتل 20 مدنيا وأصيب 30 جريحا", ["20 civilians", "30 injured"]),
        ("على بعد 60 كلم من المدينة", ["60 km"]),
        ("مساحة 9 ملايين متر مربع", ["9 million m²"]),
        ("في 10 أبريل 2018 وقع الحادث", ["10 April 2018"]),
        ("في شوال 1436 هـ", ["1436 AH"]),
        ("خلال 24 ساعة", ["24 hours"]),
        ("عند الساعة 5:32 مساء", ["05:32"]),
        ("وفاز الفريق 3 - 1 على ضيفه", []),
        ("رقم الطوارئ 997 متاح", []),
        ("في 2000 منزل", ["2,000 homes"]),
    ],
)
def test_rules(text: str, expected: list[str]) -> None:
    assert ens(text) == expected


def test_arabic_indic_ratio_and_surface() -> None:
    [figure] = sentence_figures("سيطرت على ٢٥٠ مقاطعة من أصل ٣٩٨", 3)
    assert figure.en == "250 of 398 districts" and figure.value == 250 and figure.sentence == 3
    assert figure.text == "٢٥٠ مقاطعة من أصل ٣٩٨"


def test_surface_keeps_tanwin() -> None:
    [figure] = sentence_figures("قتل ٢٥ شخصاً", 0)
    assert figure.text == "٢٥ شخصاً"


def test_context_is_short_and_word_bounded() -> None:
    text = " ".join(["كلمة"] * 30) + " قتل 12 شخصا " + " ".join(["أخرى"] * 30)
    [figure] = sentence_figures(text, 0)
    assert len(figure.context.split()) <= 10
    assert "12 شخصا" in figure.context
    assert all(word in text.split() for word in figure.context.split())


def test_helpers() -> None:
    assert parse_number("١٢٬٥٠٠") == 12500
    assert parse_number("2.5", "مليار") == 2_500_000_000
    assert parse_number("9" * 40) is None
    assert format_number(1243) == "1,243" and format_number(2.5) == "2.5"
    assert unit_of("قتيلاً") == ("killed", "count")
    assert unit_of("مقاتلي") == ("fighters", "count")
    assert unit_of("مقاطعات") == ("districts", "count")
    assert unit_of("طاولة") is None


@pytest.mark.parametrize(
    "text",
    [
        "",
        "9" * 10_000 + " شخص",
        "1e309 % " * 50,
        "<p>50%</p> <script>alert(1)</script>",
        "١٢:٩٩ الساعة 99:00",
        "...%%%٪٪ بالمئة",
        "«" * 100 + "12 شخصا",
    ],
)
def test_hostile_inputs(text: str) -> None:
    figures = extract_figures(doc_of(text))
    assert isinstance(figures, tuple)
    assert all(len(str(f.value)) < 40 for f in figures)


def test_empty_document() -> None:
    assert extract_figures(doc_of()) == ()


def test_time_grows_linearly_with_text() -> None:
    paragraph = "قتل 25 شخصا وأصيب 30 آخرون بنسبة 12% في 10 أبريل 2018. " * 10
    assert growth_ratio(extract_figures, paragraph) < 3


def test_corpus_smoke(corpus_dir: Path) -> None:
    files = sorted((corpus_dir / "saudinewsnet" / "articles").glob("*.txt"))[:200]
    total = 0
    for path in files:
        doc = build_document(path.stem, path.read_text(encoding="utf-8"))
        for figure in extract_figures(doc):
            assert figure.text and figure.en
            assert len(figure.context.split()) <= 12
            total += 1
    assert total > 50
