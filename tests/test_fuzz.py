"""Property tests (Hypothesis) over ingest and the whole per-article pipeline.

Whatever the bytes, the header block or the sidecar rows: no exception escapes, every input
is built or skipped with a reason, and nothing from a seed reaches a page or digest.json as
live markup. Budgets are the profiles in conftest.py ("ci" by default; "long" for a longer run:
HYPOTHESIS_PROFILE=long python -m pytest tests/test_fuzz.py).
"""

from __future__ import annotations

import csv
import io
import re
import tempfile
from pathlib import Path
from types import SimpleNamespace

from hypothesis import example, given
from hypothesis import strategies as st
from markupsafe import escape
from news_digest.ingest.metadata import KEY_ALIASES, load_sidecar, parse_date, split_header
from news_digest.ingest.seeds import SeedError, clean_text, decode_counted
from news_digest.pipeline import build_digest
from news_digest.settings import DigestSettings
from news_digest.site.export import digest_record, to_json
from news_digest.site.feeds import json_ld, news_article
from news_digest.site.pages import _paragraphs_html, english_facts, summary_text
from news_digest.site.templating import article_link, hijri_date, localdate

# Our own words: enough Arabic that most examples are articles and reach the analysis.
WORDS = ("وزير", "الخارجية", "قال", "إن", "عمان", "بغداد", "مليون", "دولار", "الأحد", "في")
ARABIC_LINE = " ".join(WORDS * 3) + "."

scripts = st.characters(
    codec="utf-8",
    categories=("L", "M", "N", "P", "S", "Z", "Cc", "Cf"),
)
presentation = st.characters(min_codepoint=0xFB50, max_codepoint=0xFEFF)
combining = st.characters(categories=("Mn",))
bidi = st.sampled_from("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200f\u061c")
markup = st.sampled_from(("<script>alert(1)</script>", "<b>", "&lt;i&gt;", "&amp;", "&#1605;"))
pieces = st.one_of(
    st.text(scripts, max_size=40),
    st.text(presentation, max_size=20),
    st.text(combining, max_size=5),
    bidi,
    markup,
    st.sampled_from(WORDS),
    # what the analysis stages look for: read-also lists, quotes, figures, sources, claims
    st.sampled_from(
        (
            "اقرأ أيضاً",
            " * ",
            "«",
            "»",
            '"',
            ":",
            "٣٠٠",
            "%",
            "مليون",
            "وكالة رويترز",
            "زعم",
            "نقلا عن",
        )
    ),
    st.just("\n"),
    st.just(ARABIC_LINE),
)
body = st.lists(pieces, max_size=30).map("".join)
long_line = st.sampled_from(WORDS).map(lambda w: (w + " ") * (100_000 // (len(w) + 1)))
header_key = st.one_of(st.sampled_from(sorted(KEY_ALIASES)), st.text(scripts, max_size=8))
header_value = st.one_of(
    st.text(scripts, max_size=30),
    st.sampled_from(
        ("2999-01-01", "0001-01-01", "9999-12-31T23:00:00-05:00", "31/02/2020", "javascript:x")
    ),
)
header = st.lists(st.tuples(header_key, header_value), max_size=5).map(
    lambda pairs: "".join(f"{k}: {v}\n" for k, v in pairs) + "\n"
)
csv_rows = st.lists(
    st.fixed_dictionaries(
        {"id": st.sampled_from(("s0", "s1", "s2", "x")), "date": header_value, "url": header_value}
    ),
    max_size=4,
)
LIVE = re.compile(r"<(?!/?p>|/?div[ >])")  # any tag but the ones the site itself writes


def counted(stats: dict, key: str) -> None:
    stats[key] = stats.get(key, 0) + 1


@given(st.binary(max_size=3000))
def test_any_bytes_decode_or_fail_with_a_reason(raw):
    try:
        text, codec, replaced = decode_counted(raw)
    except SeedError as err:
        assert str(err)
        return
    assert codec in {"utf-8", "utf-8-sig", "utf-16", "cp1256"} and replaced >= 0
    clean_text(text)


@example("\u0300\u202a\u0316")  # marks around a bidi control: found by the long run, fixed
@given(st.one_of(body, st.tuples(body, long_line).map("\n".join)))
def test_cleaning_removes_controls_and_is_idempotent(text):
    cleaned = clean_text(text)
    assert not re.search("[\u202a-\u202e\u2066-\u2069\x00-\x08]", cleaned)
    assert clean_text(cleaned) == cleaned


@given(st.one_of(header, body).map(lambda h: h + ARABIC_LINE))
def test_header_block_splits_without_error(text):
    split = split_header(text)
    assert set(split.fields) <= set(KEY_ALIASES.values())
    for value in split.fields.values():
        parsed = parse_date(value)
        if parsed is not None:
            localdate(parsed, "ar"), localdate(parsed, "en"), hijri_date(parsed)


def _write_csv(folder: Path, rows: list[dict]) -> None:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=["id", "date", "url"])
    writer.writeheader()
    writer.writerows(rows)
    (folder / "metadata.csv").write_text(out.getvalue(), encoding="utf-8")


seed_content = st.one_of(
    st.binary(max_size=2000),
    st.tuples(header, body, st.just(ARABIC_LINE), body).map(lambda t: "".join(t).encode()),
    st.tuples(body, st.just(ARABIC_LINE)).map(lambda t: "".join(t).encode("utf-16")),
    st.tuples(st.just(ARABIC_LINE), body).map(
        lambda t: "".join(t).encode("cp1256", errors="ignore")
    ),
)


# File names with spaces, any script, several dots; never hidden (hidden files are not seeds).
file_name = st.text(
    st.characters(
        codec="utf-8", categories=("L", "M", "N", "P", "S", "Zs"), exclude_characters="/"
    ),
    min_size=1,
    max_size=25,
).filter(lambda n: not n.startswith(".") and len(n.encode()) < 200)


@given(
    st.lists(st.tuples(file_name, seed_content), min_size=1, max_size=3, unique_by=lambda t: t[0]),
    csv_rows,
    st.booleans(),
)
def test_whole_pipeline_builds_or_skips_every_seed(named, rows, huge):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        names = [f"{name}.txt" for name, _ in named]
        contents = [data for _, data in named]
        for name, data in zip(names, contents, strict=True):
            (folder / name).write_bytes(data)
        if huge:
            (folder / "s9.txt").write_text(ARABIC_LINE + "\n" + WORDS[0] * 20_000, "utf-8")
            names.append("s9.txt")
        _write_csv(folder, rows)
        settings = DigestSettings.from_mapping({"DIGEST_SEEDS_PATH": str(folder)})
        assert load_sidecar(settings.metadata_csv) is not None
        digest = build_digest(settings)
        built = {a.doc.source_file for a in digest.articles}
        skipped = {s.source_file: s.reason for s in digest.skipped}
        assert set(names) <= built | set(skipped)
        assert all(skipped.values())
        # Isolation keeps a failing stage from escaping; here any failure is still a defect.
        failed = [(a.doc.source_file, str(w)) for a in digest.articles for w in a.warnings]
        assert all(w.startswith("decode:") for _, w in failed), failed
        assert not any("failed" in r for r in skipped.values()), skipped
        _check_escaped(digest)
        slugs = [a.slug for a in digest.articles]
        assert len(set(slugs)) == len(slugs) and all(re.fullmatch("[a-z0-9-]+", s) for s in slugs)


def _check_escaped(digest) -> None:
    """What the pages and digest.json carry from each article holds no live markup: the
    article body as the page gets it, the title as every link to it is drawn, the JSON-LD of
    its head, and digest.json."""
    text = to_json(digest_record(digest, lambda a: {"ar": a.slug, "en": a.slug}))
    assert "<" not in text and ">" not in text
    for article in digest.articles:
        html = _paragraphs_html(article.doc.paragraphs)
        html += str(escape(summary_text(article))) + str(escape(english_facts(article)))
        assert not LIVE.search(html), html[:200]
        page = SimpleNamespace(url=f"articles/{article.slug}/", title=article.doc.title)
        context = {"digest_articles": {"ar": {article.doc.id: page}}, "SITEURL": ""}
        link = str(article_link(context, article.doc.id, "ar"))
        assert not LIVE.search(re.sub(r'^<a href="[^"<>]*">|</a>$', "", link)), link
        head = SimpleNamespace(
            url=page.url, title=page.title, lang="ar", summary="", digest=article
        )
        assert "<" not in str(json_ld(news_article(head, {"SITEURL": "http://x"})))
