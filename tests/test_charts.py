"""charts.py: each chart is well-formed SVG with a title and a description, escapes its labels,
mirrors for Arabic and gives the same bytes for the same input."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date, datetime

import pytest
from news_digest.site.charts import cooccurrence_svg, coverage_svg, date_label, timeline_svg

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = '<script>alert("x")</script> & «طالبان»'

POINTS = [
    (date(2021, 7, 9), "طالبان تدخل قندهار"),
    (None, HOSTILE),
    (datetime(2021, 8, 15, 10, 0), "Kabul falls"),
]
COUNTS = [("الجزيرة", 5), ("AFP", 3), (HOSTILE, 1)]
NODES = [("a", "طالبان", 5), ("b", "أفغانستان", 4), ("c", HOSTILE, 2)]
EDGES = [("a", "b", 3), ("a", "c", 1), ("a", "missing", 9)]


def charts(lang: str) -> dict[str, str]:
    return {
        "timeline": timeline_svg(POINTS, lang),
        "coverage": coverage_svg(COUNTS, lang),
        "cooccurrence": cooccurrence_svg(NODES, EDGES, lang),
    }


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_charts_are_well_formed_accessible_svg(lang):
    for kind, markup in charts(lang).items():
        root = ET.fromstring(markup)
        assert root.tag == SVG + "svg", kind
        assert root.get("role") == "img"
        title, desc = root.find(SVG + "title"), root.find(SVG + "desc")
        assert title is not None and title.text
        assert desc is not None and desc.text
        assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
        assert root.get("direction") == ("rtl" if lang == "ar" else "ltr")
        assert "chart" in root.get("class").split()


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_labels_are_escaped_text_never_markup(lang):
    for kind, markup in charts(lang).items():
        assert "<script" not in markup, kind
        root = ET.fromstring(markup)
        texts = " ".join(root.itertext())
        assert '<script>alert("x")</script>' in texts, kind  # shown as text, intact


def test_the_same_input_gives_the_same_bytes():
    assert charts("ar") == charts("ar")
    assert charts("en") == charts("en")
    assert charts("ar")["coverage"] != charts("en")["coverage"]


def test_arabic_charts_are_mirrored():
    """Outlet names sit on the start side: left in English, right in Arabic."""

    def label_and_bar(lang: str) -> tuple[float, float]:
        root = ET.fromstring(coverage_svg([("AFP", 3)], lang))
        label = root.find(f".//{SVG}text[@class='label']")
        bar = root.find(f".//{SVG}rect")
        return float(label.get("x")), float(bar.get("x")) + float(bar.get("width")) / 2

    (en_label, en_bar), (ar_label, ar_bar) = label_and_bar("en"), label_and_bar("ar")
    assert en_label < en_bar and ar_bar < ar_label
    assert en_label + ar_label == pytest.approx(360)


def test_colours_come_from_the_theme():
    for markup in charts("en").values():
        assert "#" not in markup.split("</desc>", 1)[1]  # no hard-coded colour in the drawing
        assert "currentColor" in markup


def test_descriptions_state_the_data():
    coverage = ET.fromstring(coverage_svg(COUNTS, "en")).find(SVG + "desc").text
    assert "AFP: 3 articles" in coverage
    timeline = ET.fromstring(timeline_svg(POINTS, "en")).find(SVG + "desc").text
    assert "date unknown" in timeline and "Kabul falls" in timeline
    graph = ET.fromstring(cooccurrence_svg(NODES, EDGES, "en")).find(SVG + "desc").text
    assert "طالبان – أفغانستان: 3" in graph
    assert "missing" not in graph  # edges to unknown nodes are left out


def test_empty_data_still_makes_a_valid_chart():
    for markup in (timeline_svg([], "ar"), coverage_svg([], "en"), cooccurrence_svg([], [], "ar")):
        root = ET.fromstring(markup)
        assert root.find(SVG + "desc").text


def test_dates_are_written_per_language_with_ascii_digits():
    assert date_label(date(2021, 7, 9), "en") == "Jul 9, 2021"
    arabic = date_label(date(2021, 7, 9), "ar")
    assert "2021" in arabic and "٢" not in arabic
    assert date_label(None, "ar") == "تاريخ غير معروف"
