"""Whole-site builds: the page set, languages, translations, escaping, digest.json, determinism."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from sitecheck import ROOT, build, parse, snapshot, url_to_file

pytestmark = pytest.mark.slow

ARABIC = "أعلنت الحكومة اليوم عن خطة جديدة لدعم المزارعين في المناطق الريفية بعد موسم جفاف طويل."
HOSTILE = {
    "markup.txt": (
        'عنوان <script>alert("x")</script> خبير\n\n'
        f'{ARABIC} <img src=x onerror=alert(1)> وقال المسؤول "<b>نعم</b>".'
    ).encode(),
    "rtl.txt": f"عنوان \u202eمقلوب\u202c هنا\n\n{ARABIC}\u202e تكملة.".encode(),
    "legacy.txt": f"خبر بترميز قديم\n\n{ARABIC}".encode("cp1256"),
    "utf16.txt": f"خبر بترميز آخر\n\nقال مصدر رسمي إن {ARABIC}".encode("utf-16"),
    "empty.txt": b"",
    "binary.txt": bytes(range(256)) * 4,
    "english.txt": b"Just an English note, not an article." * 4,
}
EXPECTED_SKIPS = {
    "empty.txt": "empty file",
    "binary.txt": "binary file (NUL bytes)",
    "english.txt": "no Arabic text",
    "huge.txt": "too large: 20971520 bytes, limit 1000000 (DIGEST_MAX_SEED_BYTES)",
    "zz_duplicate.txt": "exact duplicate of 003_aabd1932eb51134b.txt",
}


@pytest.fixture(scope="module")
def hostile_seeds(tmp_path_factory, seeds_dir) -> Path:
    folder = tmp_path_factory.mktemp("hostile-seeds")
    for seed in seeds_dir.glob("*.txt"):
        shutil.copy(seed, folder / seed.name)
    for name, data in HOSTILE.items():
        (folder / name).write_bytes(data)
    with (folder / "huge.txt").open("wb") as handle:
        handle.truncate(20 * 1024 * 1024)
    shutil.copy(seeds_dir / "003_aabd1932eb51134b.txt", folder / "zz_duplicate.txt")
    return folder


@pytest.fixture(scope="module")
def site(tmp_path_factory, hostile_seeds) -> Path:
    output = tmp_path_factory.mktemp("site") / "out"
    result = build(hostile_seeds, output)
    assert result.returncode == 0, result.stderr + result.stdout
    return output


@pytest.fixture(scope="module")
def digest(site) -> dict:
    return json.loads((site / "digest.json").read_text(encoding="utf-8"))


def test_every_seed_is_an_article_or_skipped_with_its_reason(digest, hostile_seeds):
    built = {a["source_file"] for a in digest["articles"]}
    skipped = {s["source_file"]: s["reason"] for s in digest["skipped"]}
    assert skipped == EXPECTED_SKIPS
    assert built | set(skipped) == {p.name for p in hostile_seeds.iterdir()}
    assert built.isdisjoint(skipped)


def test_page_set(site, digest):
    expected = {"index.html", "en/index.html", "about/index.html", "en/about/index.html"}
    expected |= {"digest.json", "feeds/ar.atom.xml", "feeds/en.atom.xml"}
    paths = [a["urls"]["ar"] for a in digest["articles"]]
    paths += [f"entities/{e['key']}/" for e in digest["entities"] if e["page"]]
    paths += [f"sources/{s['key']}/" for s in digest["sources"]]
    paths += [f"stories/{s['key']}/" for s in digest["stories"]]
    paths += ["entities/", "entities/person/", "entities/place/", "entities/organization/"]
    paths += ["sources/", "stories/", "search/"]
    for path in paths:
        english = path if path.startswith("en/") else "en/" + path
        expected |= {path + "index.html", english + "index.html"}
    files = set(snapshot(site))
    assert expected <= files
    pages = {f for f in files if f.endswith(".html")}
    assert pages == {f for f in expected if f.endswith(".html")}


def test_entity_pages_only_for_entities_in_enough_articles(site, digest):
    """DIGEST_ENTITY_PAGE_MIN_ARTICLES (2): the others are listed without a page or a link."""
    paged = {e["key"] for e in digest["entities"] if e["page"]}
    assert paged == {e["key"] for e in digest["entities"] if len(e["articles"]) >= 2}
    assert paged and len(paged) < len(digest["entities"])
    lonely = next(e for e in digest["entities"] if not e["page"])
    holder = next(a for a in digest["articles"] if a["id"] == lonely["articles"][0]["id"])
    page = (site / holder["urls"]["ar"] / "index.html").read_text(encoding="utf-8")
    assert lonely["text"] in page
    assert f"entities/{lonely['key']}/" not in page
    assert not (site / "entities" / lonely["key"]).exists()


def test_lang_dir_hreflang_and_translation_links(site, digest):
    for article in digest["articles"]:
        urls = article["urls"]
        for lang, other in (("ar", "en"), ("en", "ar")):
            page = parse(site / urls[lang] / "index.html")
            assert (page.lang, page.dir) == (lang, "rtl" if lang == "ar" else "ltr")
            assert page.hreflang == {
                "ar": "/" + urls["ar"],
                "en": "/" + urls["en"],
                "x-default": "/" + urls["ar"],
            }
            assert page.switch == "/" + urls[other]
            assert url_to_file(site, page.switch).is_file()
    for index, lang in (("index.html", "ar"), ("en/index.html", "en")):
        page = parse(site / index)
        assert page.lang == lang and set(page.hreflang) == {"ar", "en", "x-default"}


def test_digest_json_agrees_with_the_pages(site, digest):
    for article in digest["articles"]:
        ar_html = (site / article["urls"]["ar"] / "index.html").read_text(encoding="utf-8")
        assert parse(site / article["urls"]["ar"] / "index.html").h1 == article["title"]["ar"]
        for paragraph in article["paragraphs"]:
            assert _escaped(paragraph) in ar_html
        for headline in article["read_also"]:
            assert _escaped(headline) in ar_html
    ids = [a["id"] for a in digest["articles"]]
    assert ids == sorted(ids)
    index = (site / "index.html").read_text(encoding="utf-8")
    kept = [a for a in digest["articles"] if a["duplicate_of"] is None]
    copies = [a for a in digest["articles"] if a["duplicate_of"] is not None]
    assert all(_escaped(a["title"]["ar"]) in index for a in kept)
    # Near-duplicate copies are not listed; their pages name the kept article.
    assert copies and not any(_escaped(a["title"]["ar"]) in index for a in copies)
    for copy in copies:
        page = (site / copy["urls"]["ar"] / "index.html").read_text(encoding="utf-8")
        kept_url = next(a["urls"]["ar"] for a in kept if a["id"] == copy["duplicate_of"])
        assert f'href="/{kept_url}"' in page


def _escaped(text: str) -> str:
    from markupsafe import escape

    return str(escape(text))


def test_markup_in_seeds_is_escaped_everywhere(site):
    for path, data in snapshot(site).items():
        text = data.decode("utf-8", errors="replace")
        assert "<script>alert" not in text, path
        assert "<img src=x" not in text, path
        assert "<b>نعم" not in text, path
        assert "\u202e" not in text and "\u202c" not in text, path
    page = (site / "articles/markup/index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;" in page and "&lt;img src=x onerror=alert(1)&gt;" in page


def test_legacy_encodings_become_articles(digest):
    by_file = {a["source_file"]: a for a in digest["articles"]}
    assert by_file["legacy.txt"]["encoding"] == "cp1256"
    assert by_file["legacy.txt"]["title"]["ar"] == "خبر بترميز قديم"
    assert by_file["utf16.txt"]["encoding"] == "utf-16"
    assert by_file["rtl.txt"]["title"]["ar"] == "عنوان مقلوب هنا"


def test_two_builds_are_byte_identical(tmp_path, hostile_seeds, site):
    again = tmp_path / "again"
    result = build(hostile_seeds, again)
    assert result.returncode == 0, result.stderr
    assert snapshot(again) == snapshot(site)


def test_strict_mode_fails_the_build_naming_the_file(tmp_path, hostile_seeds):
    result = build(hostile_seeds, tmp_path / "strict", "DIGEST_STRICT=true")
    assert result.returncode != 0
    assert "DIGEST_STRICT" in result.stdout + result.stderr
    assert "empty.txt" in result.stdout + result.stderr


def test_relative_seeds_path_from_the_working_directory(tmp_path):
    (tmp_path / "my seeds").mkdir()
    shutil.copy(ROOT / "seeds" / "003_aabd1932eb51134b.txt", tmp_path / "my seeds" / "a.txt")
    result = build(Path("my seeds"), tmp_path / "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    record = json.loads((tmp_path / "out" / "digest.json").read_text(encoding="utf-8"))
    assert [a["id"] for a in record["articles"]] == ["a"]


def test_default_build_of_the_repository_seeds(tmp_path):
    result = build(ROOT / "seeds", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    record = json.loads((tmp_path / "out" / "digest.json").read_text(encoding="utf-8"))
    assert [a["id"] for a in record["articles"]] == ["000_519e36191a9e543d", "003_aabd1932eb51134b"]
    assert record["skipped"] == []


def test_dates_hijri_and_arabic_digits_on_dated_articles(tmp_path, root):
    result = build(
        root / "tests" / "fixtures" / "story", tmp_path / "out", "DIGEST_ARABIC_DIGITS=true"
    )
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "out" / "articles" / "flood-a" / "index.html").read_text(encoding="utf-8")
    assert 'datetime="2024-03-01T00:00:00+00:00"' in page
    assert "١ مارس ٢٠٢٤" in page  # Babel's CLDR Arabic date, Arabic-Indic digits
    assert "٢٠ شعبان ١٤٤٥ هـ" in page  # Umm al-Qura Hijri date
    english = (tmp_path / "out" / "en" / "articles" / "flood-a" / "index.html").read_text("utf-8")
    assert "March 1, 2024" in english and "هـ" not in english
    home = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "stories/story-flood_a/" in home  # the home page leads with the latest stories


def test_every_entity_lists_where_its_mentions_are(digest):
    """Provenance: paragraph index and character offsets of each mention, and its text."""
    for article in digest["articles"]:
        for entity in article["entities"]:
            assert len(entity["mentions"]) == entity["count"], entity["key"]
            for m in entity["mentions"]:
                paragraph = article["paragraphs"][m["paragraph"]]
                assert paragraph[m["start"] : m["end"]] == m["text"] != ""
