"""Outlets list and cited-source extraction."""

from __future__ import annotations

from pathlib import Path

import pytest
from news_digest.analysis import sources
from news_digest.analysis.sources import extract_sources, fold_with_offsets, load_outlets
from news_digest.ingest.structure import build_document
from news_digest.models import Document

from docs import doc_of, growth_ratio, seed


def keys(doc: Document) -> list[str]:
    return [source.key for source in extract_sources(doc)]


def test_outlets_file_is_well_formed() -> None:
    outlets = load_outlets()
    assert len(outlets) > 100
    assert len({o.key for o in outlets}) == len(outlets)
    assert {o.kind for o in outlets} <= {"agency", "outlet", "tv", "newspaper"}
    by_key = {o.key: o for o in outlets}
    assert by_key["afp"].en == "AFP" and "فرانس برس" in by_key["afp"].variants
    assert by_key["tolonews"].en == "TOLOnews" and "طلوع" in by_key["tolonews"].cue_variants
    # Ordinary words are never safe variants: entity extraction matches those anywhere.
    assert "العربية" not in by_key["alarabiya"].variants
    assert "العربية" in by_key["alarabiya"].cue_variants


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("أسوشيتيد برس", "ap"),
        ("رويترز", "reuters"),
        ("د ب أ", "dpa"),
        ("الأناضول", "anadolu"),
        ("واس", "spa"),
        ("سانا", "sana"),
        ("وام", "wam"),
        ("بي بي سي", "bbc"),
        ("سكاي نيوز عربية", "skynewsarabia"),
        ("سي إن إن", "cnn"),
        ("وول ستريت جورنال", "wsj"),
        ("نيويورك تايمز", "nyt"),
        ("واشنطن بوست", "wapo"),
        ("الغارديان", "guardian"),
        ("إرنا", "irna"),
        ("تاس", "tass"),
        ("شينخوا", "xinhua"),
        ("كونا", "kuna"),
        ("بترا", "petra"),
    ],
)
def test_agency_cited_with_cue(name: str, key: str) -> None:
    assert keys(doc_of(f"وذكرت وكالة {name} أن الاجتماع انتهى.")) == [key]


def test_seed_000_cites_tolo_then_afp_not_read_also(seeds_dir: Path) -> None:
    sources = extract_sources(seed(seeds_dir, "000"))
    assert [(s.key, s.en) for s in sources] == [("tolonews", "TOLOnews"), ("afp", "AFP")]
    assert sources[0].ar == "طلوع"
    # وول ستريت جورنال is only in the read-also list.
    assert "wsj" not in [s.key for s in sources]


def test_seed_003_cites_afp_and_ap(seeds_dir: Path) -> None:
    sources = extract_sources(seed(seeds_dir, "003"))
    assert [(s.key, s.ar) for s in sources] == [("afp", "فرانس برس"), ("ap", "أسوشيتد برس")]


def test_clitics_quotes_and_dedup() -> None:
    doc = doc_of(
        'وقال لوكالة "فرانس برس" إن الوضع هادئ.',
        "وأكد لـ«العربية» أن الوفد وصل. وقال لرويترز إن الاجتماع انتهى.",
        "وذكرت فرانس برس أن القتال توقف.",
    )
    assert keys(doc) == ["afp", "alarabiya", "reuters"]


def test_ambiguous_names_need_a_cue() -> None:
    assert keys(doc_of("يتحدث اللغة العربية بطلاقة وزار الجزيرة العربية.")) == []
    assert keys(doc_of("وعند طلوع الفجر بدأ الهجوم على المدينة.")) == []
    assert keys(doc_of("وذكرت قناة العربية أن الهجوم بدأ.")) == ["alarabiya"]
    assert keys(doc_of('بحسب موقع "الجزيرة نت" فإن الهجوم بدأ.')) == ["aljazeera"]
    # A place after "موقع": "في موقع بالرياض" is Riyadh, not the newspaper.
    assert keys(doc_of("سيبدأ العمل في أول موقع بالرياض.")) == []


def test_read_also_headline_glued_into_a_sentence_is_ignored() -> None:
    headline = '"وول ستريت جورنال": أمريكا تكثف خطط الإخلاء'
    doc = doc_of(f"{headline} في حين أفادت رويترز بأن القتال مستمر.", read_also=(headline,))
    assert keys(doc) == ["reuters"]


def test_latin_forms() -> None:
    assert keys(doc_of("دمشق (AFP) - قال مسؤول إن الاجتماع انتهى.")) == ["afp"]
    assert keys(doc_of("وعرض البرنامج عبر شاشة MBC الأسبوع الماضي.")) == []


def test_fold_with_offsets_maps_back() -> None:
    text = "العَرَبِيّـة"
    folded, offsets = fold_with_offsets(text)
    assert folded == "العربيه"
    assert len(offsets) == len(folded)
    assert all(text[o] in "العربية" for o in offsets)


@pytest.mark.parametrize(
    "text",
    ["", "   ", '"""«««', "<b>رويترز</b> <script>", 'لـ"', "ل" * 5000, "٠١٢٣ وكالة"],
)
def test_hostile_inputs(text: str) -> None:
    assert isinstance(extract_sources(doc_of(text)), tuple)


def test_empty_document() -> None:
    assert extract_sources(doc_of()) == ()


def test_long_text_cites_once_and_time_grows_linearly() -> None:
    paragraph = "وذكرت وكالة رويترز أن القتال مستمر في المدينة منذ الصباح. " * 20
    assert keys(doc_of(*[paragraph] * 20)) == ["reuters"]
    assert growth_ratio(extract_sources, paragraph) < 3


def test_corpus_smoke(corpus_dir: Path) -> None:
    """On real articles: every cited outlet is one of ours and no name is cited twice."""
    files = sorted((corpus_dir / "ant_multisource" / "articles").glob("*.txt"))[:300]
    cited = 0
    for path in files:
        doc = build_document(path.stem, path.read_text(encoding="utf-8"))
        found = extract_sources(doc)
        assert len({s.key for s in found}) == len(found)
        cited += len(found)
    assert cited > 20


def test_the_quick_check_never_skips_a_latin_form() -> None:
    """Every written form, in any case (also with the Unicode letters that case-fold to k and
    s), that the forms' search finds, the first-character check finds too."""
    matcher = sources._matcher()
    odd = {"k": "\u212a", "s": "\u017f", "i": "\u0130"}
    for form in matcher.by_latin:
        cases = [form, form.upper(), form.lower(), form.swapcase()]
        if form[0].lower() in odd:
            cases.append(odd[form[0].lower()] + form[1:])
        for text in cases:
            if matcher.latin.search(f"قالت {text} إن"):
                assert matcher.latin_start.search(f"قالت {text} إن"), text
