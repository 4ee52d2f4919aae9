"""Site search: a Pagefind index per language, built at the end of `pelican content`.

Pagefind splits its index by language, so Arabic pages are searched from /search/ and English
ones from /en/search/. Arabic spelling varies in hamza, final ya/ta marbuta and diacritics, so
each record carries, after the page text, the folded spellings of every word folding changes;
the search page folds the query the same way (theme/static/js/search.js) before Pagefind sees
it. Pagefind indexes a scratch copy of each searchable page (text plus a hidden folded copy),
so the folded words live only in the index, never in the pages people read.
"""

from __future__ import annotations

import json
import logging
import re
import subprocess
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser
from pathlib import Path
from types import MappingProxyType
from typing import Any

from .writer import write_bytes_if_changed

logger = logging.getLogger(__name__)

INDEX_DIR = "pagefind"
# Pagefind's ready-made UIs: the search page has its own (theme/static/js/search.js), so these
# would only be dead weight in every deploy.
UNUSED_BUNDLE_FILES = ("pagefind-ui.*", "pagefind-*-ui.*", "pagefind-highlight.js")

# The page kinds worth a search result (lists and indexes are not), relative to a language's
# root; `*` is one path segment. Overridable with DIGEST_SEARCH_PAGES.
# Entity pages are left out: article pages already carry every name, and at archive scale the
# entity pages are most of the site (the index's size and build time follow page count).
DEFAULT_PAGES = (
    "articles/*/index.html",
    "stories/*/index.html",
    "sources/*/index.html",
)

# Keep in step with fold() and foldHamza() in theme/static/js/search.js: both sides fold alike.
_ALEFS = "أإآٱ"
_HAMZA_AND_MARKS = MappingProxyType(
    {
        **{ord(c): "ا" for c in _ALEFS},
        ord("ـ"): None,  # tatweel
        **{code: None for code in range(0x064B, 0x0653)},  # tashkeel: tanwin to sukun
    }
)
_FOLD = MappingProxyType({**_HAMZA_AND_MARKS, ord("ى"): "ي", ord("ة"): "ه"})
_WORD = re.compile(r"\w+")
_SKIPPED_TAGS = frozenset({"script", "style", "svg", "template", "noscript"})


def fold(text: str) -> str:
    """Arabic spelling variants to one form: bare alef, ya for alef maqsura, ha for ta marbuta,
    no diacritics or tatweel."""
    return text.translate(_FOLD)


def fold_hamza(text: str) -> str:
    """Only alef forms and marks folded. Pagefind's Arabic stemmer strips a final ta marbuta
    but reads a final ha as a pronoun, so this form keeps the stemmer's reach; the search page
    queries both forms, each derived from hamza-free text, so hamza never changes the answer."""
    return text.translate(_HAMZA_AND_MARKS)


def folded_words(text: str) -> str:
    """Both folded forms of every distinct word folding changes, in first-seen order."""
    seen: dict[str, None] = {}
    for word in _WORD.findall(text):
        for form in (fold_hamza(word), fold(word)):
            if form != word:
                seen.setdefault(form)
    return " ".join(seen)


@dataclass(frozen=True)
class SearchRecord:
    """One page as Pagefind stores it: what is searched and what a result shows."""

    url: str  # site-relative, no leading slash: the search page puts SITEURL in front
    lang: str
    title: str
    description: str
    text: str

    def folded(self) -> str:
        return folded_words(self.title + " " + self.text)


class _PageText(HTMLParser):
    """Language, first <h1>, meta description and the visible text of <main>.

    Only <main> and the skipped element are tracked by name, so end tags HTML lets a page omit
    (</p>, </li>) cannot unbalance anything.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lang = ""
        self.title = ""
        self.description = ""
        self.og_type = ""
        self.parts: list[str] = []
        self._in_main = False
        self._in_h1 = False
        self._skip_tag: str | None = None
        self._skip_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "html":
            self.lang = (a.get("lang") or "").split("-")[0]
        elif tag == "meta" and a.get("name") == "description":
            self.description = a.get("content") or ""
        elif tag == "meta" and a.get("property") == "og:type":
            self.og_type = a.get("content") or ""
        elif tag == "main":
            self._in_main = True
        if self._skip_tag == tag:
            self._skip_depth += 1
        elif self._skip_tag is None and (tag in _SKIPPED_TAGS or "data-pagefind-ignore" in a):
            self._skip_tag, self._skip_depth = tag, 1
        if tag == "h1" and not self.title:
            self._in_h1 = True

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("html", "meta"):
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == self._skip_tag:
            self._skip_depth -= 1
            if not self._skip_depth:
                self._skip_tag = None
        elif tag == "main":
            self._in_main = False
        elif tag == "h1":
            self._in_h1 = False

    def handle_data(self, data: str) -> None:
        if self._skip_tag is not None or not self._in_main:
            return
        self.parts.append(data)
        if self._in_h1:
            self.title += data


def page_record(html: str, url: str) -> SearchRecord | None:
    """The record of one page, or None for a page without language or main text."""
    parser = _PageText()
    parser.feed(html)
    parser.close()
    text = " ".join(" ".join(parser.parts).split())
    if not parser.lang or not text:
        return None
    title = " ".join(parser.title.split())
    # Articles describe themselves (their summary); other pages carry the site's description,
    # so their result shows the start of their own text instead.
    description = parser.description if parser.og_type == "article" else ""
    return SearchRecord(url, parser.lang, title, description or _opening(text, title), text)


def _opening(text: str, title: str, limit: int = 200) -> str:
    body = text[len(title) :].strip() if text.startswith(title) else text
    return body if len(body) <= limit else body[:limit].rsplit(" ", 1)[0] + " …"


def _pattern(glob: str) -> re.Pattern[str]:
    return re.compile(
        "".join("[^/]+" if part == "*" else re.escape(part) for part in re.split(r"(\*)", glob))
    )


def searchable_paths(output: Path, patterns: Sequence[str], langs: Iterable[str]) -> list[Path]:
    """HTML files of the searchable kinds, in the default language's root and under /<lang>/."""
    compiled = [_pattern(p) for p in patterns]
    prefixes = ("", *(f"{lang}/" for lang in langs))
    found = []
    for path in sorted(output.rglob("*.html")):
        rel = path.relative_to(output).as_posix()
        rests = [rel[len(p) :] for p in prefixes if rel.startswith(p)]
        if any(c.fullmatch(rest) for c in compiled for rest in rests):
            found.append(path)
    return found


def url_of(rel_path: str) -> str:
    """Site-relative URL of an output file: folders end in '/', as Pelican's URLs do."""
    return rel_path[: -len("index.html")] if rel_path.endswith("index.html") else rel_path


def collect_records(
    output: Path, patterns: Sequence[str], langs: Iterable[str]
) -> list[SearchRecord]:
    records = []
    for path in searchable_paths(output, patterns, langs):
        rel = path.relative_to(output).as_posix()
        record = page_record(path.read_text(encoding="utf-8"), url_of(rel))
        if record is not None:
            records.append(record)
    return records


def index_page(record: SearchRecord) -> str:
    """The page Pagefind indexes for a record: its text and then its folded words. Written to a
    scratch folder only, so readers never get the folded copy."""
    return (
        f'<!DOCTYPE html><html lang="{escape(record.lang)}"><head><meta charset="utf-8">'
        f"<title>{escape(record.title)}</title>"
        f'<meta data-pagefind-meta="description[content]" content="{escape(record.description)}">'
        f"</head><body><main data-pagefind-body><h1>{escape(record.title)}</h1>"
        f"<p>{escape(record.text)}</p><p hidden>{escape(record.folded())}</p>"
        "</main></body></html>\n"
    )


def pagefind_executable() -> Path | None:
    try:
        from pagefind_bin import get_executable
    except ImportError:
        return None
    try:
        return get_executable()
    except FileNotFoundError:
        return None


def run_pagefind(records: Sequence[SearchRecord], bundle: Path, executable: Path) -> None:
    """Index the records with Pagefind's own binary (from PyPI's pagefind-bin) into `bundle`."""
    with tempfile.TemporaryDirectory(prefix="digest-search-") as scratch:
        for record in records:
            # The scratch page sits where the real one does, so Pagefind derives the same URL.
            name = record.url + "index.html" if record.url.endswith("/") else record.url
            path = Path(scratch) / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(index_page(record), encoding="utf-8")
        command = [str(executable), "--site", scratch, "--output-path", str(bundle), "--silent"]
        subprocess.run(command, check=True, capture_output=True, text=True, timeout=600)


def build_index(output: Path, patterns: Sequence[str], langs: Iterable[str]) -> int | None:
    """Bring output/pagefind/ up to date with the searchable pages; return their count, or None
    when Pagefind is not installed."""
    executable = pagefind_executable()
    if executable is None:
        return None
    records = collect_records(output, patterns, langs)
    with tempfile.TemporaryDirectory(prefix="digest-pagefind-") as fresh:
        bundle = Path(fresh) / INDEX_DIR
        run_pagefind(records, bundle, executable)
        sort_entry_file(bundle / "pagefind-entry.json")
        for pattern in UNUSED_BUNDLE_FILES:
            for path in bundle.glob(pattern):
                path.unlink()
        sync_tree(bundle, output / INDEX_DIR)
    return len(records)


def sync_tree(source: Path, target: Path) -> None:
    """Make `target` hold exactly `source`'s files, rewriting only files whose bytes differ
    (unchanged index files keep their times, for cheap deploys) and removing stale ones
    (fragment names are content hashes, so old ones would pile up)."""
    wanted = {p.relative_to(source) for p in source.rglob("*") if p.is_file()}
    if target.is_dir():
        for path in sorted(target.rglob("*"), reverse=True):
            rel = path.relative_to(target)
            if path.is_file() and rel not in wanted:
                path.unlink()
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    for rel in sorted(wanted):
        write_bytes_if_changed(target / rel, (source / rel).read_bytes())


def sort_entry_file(path: Path) -> None:
    """Pagefind lists its languages in hash-map order, which changes from run to run: sort the
    keys so two builds of the same site are byte-identical."""
    entry = json.loads(path.read_text(encoding="utf-8"))
    text = json.dumps(entry, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    path.write_text(text, encoding="utf-8")


def _langs(settings: Mapping[str, Any]) -> tuple[str, ...]:
    default = settings.get("DEFAULT_LANG", "ar")
    return tuple(lang for lang in ("ar", "en") if lang != default)


def on_finalized(pelican) -> None:
    """Pelican's `finalized` signal: every page is written, so index them."""
    settings = pelican.settings
    if not settings.get("DIGEST_SEARCH", True):
        return
    patterns = tuple(settings.get("DIGEST_SEARCH_PAGES", DEFAULT_PAGES))
    count = build_index(Path(pelican.output_path), patterns, _langs(settings))
    if count is None:
        logger.warning("Search index not built: pagefind-bin is not installed (requirements.txt)")
    else:
        logger.info("Search index: %d pages in %s/", count, INDEX_DIR)
