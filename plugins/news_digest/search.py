"""Site search: a Pagefind index per language, built at the end of `pelican content`.

Pagefind splits its index by language, so Arabic pages are searched from /search/ and English
ones from /en/search/. Arabic spelling varies in hamza, final ya/ta marbuta and diacritics, so
each record carries, after the page text, the folded spelling of every word folding changes;
the search page folds the query the same way (theme/static/js/search.js) before Pagefind sees
it. The folded copy lives only in the index, never in the pages people read.
"""

from __future__ import annotations

import asyncio
import logging
import re
import shutil
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from types import MappingProxyType
from typing import Any

logger = logging.getLogger(__name__)

INDEX_DIR = "pagefind"

# The page kinds worth a search result (lists and indexes are not), relative to a language's
# root; `*` is one path segment. Overridable with DIGEST_SEARCH_PAGES.
DEFAULT_PAGES = (
    "articles/*/index.html",
    "stories/*/index.html",
    "entities/*/*/index.html",
    "sources/*/index.html",
)

# Keep in step with fold() in theme/static/js/search.js: both sides must fold alike.
_ALEFS = "أإآٱ"
_FOLD = MappingProxyType(
    {
        **{ord(c): "ا" for c in _ALEFS},
        ord("ى"): "ي",
        ord("ة"): "ه",
        ord("ـ"): None,  # tatweel
        **{code: None for code in range(0x064B, 0x0653)},  # tashkeel: tanwin to sukun
    }
)
_WORD = re.compile(r"\w+")
_SKIPPED_TAGS = frozenset({"script", "style", "svg", "template", "noscript"})


def fold(text: str) -> str:
    """Arabic spelling variants to one form: bare alef, ya for alef maqsura, ha for ta marbuta."""
    return text.translate(_FOLD)


def folded_words(text: str) -> str:
    """Each distinct word whose folded form differs from it, folded, in first-seen order."""
    seen: dict[str, None] = {}
    for word in _WORD.findall(text):
        folded = fold(word)
        if folded != word:
            seen.setdefault(folded)
    return " ".join(seen)


@dataclass(frozen=True)
class SearchRecord:
    """One page as Pagefind stores it: what is searched and what a result shows."""

    url: str  # site-relative, no leading slash: the search page puts SITEURL in front
    lang: str
    title: str
    description: str
    text: str

    def content(self) -> str:
        extra = folded_words(self.title + " " + self.text)
        return f"{self.title}\n{self.text}\n{extra}" if extra else f"{self.title}\n{self.text}"


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
    return SearchRecord(url, parser.lang, title, parser.description, text)


def _pattern(glob: str) -> re.Pattern[str]:
    return re.compile("".join("[^/]+" if part == "*" else re.escape(part) for part in re.split(r"(\*)", glob)))


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


def collect_records(output: Path, patterns: Sequence[str], langs: Iterable[str]) -> list[SearchRecord]:
    records = []
    for path in searchable_paths(output, patterns, langs):
        rel = path.relative_to(output).as_posix()
        record = page_record(path.read_text(encoding="utf-8"), url_of(rel))
        if record is not None:
            records.append(record)
    return records


async def _write_index(records: Sequence[SearchRecord], bundle: Path) -> None:
    # Imported here: Pagefind starts a helper binary, needed only when a build writes an index.
    from pagefind.index import PagefindIndex

    async with PagefindIndex() as index:
        for record in records:
            meta = {"title": record.title, "description": record.description}
            await index.add_custom_record(
                url=record.url, content=record.content(), language=record.lang, meta=meta
            )
        await index.write_files(output_path=str(bundle))


def build_index(output: Path, patterns: Sequence[str], langs: Iterable[str]) -> int:
    """Replace output/pagefind/ with a fresh index of the searchable pages; return their count."""
    records = collect_records(output, patterns, langs)
    bundle = output / INDEX_DIR
    # Fragment names are content hashes: old ones would pile up across builds.
    shutil.rmtree(bundle, ignore_errors=True)
    asyncio.run(_write_index(records, bundle))
    return len(records)


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
    logger.info("Search index: %d pages in %s/", count, INDEX_DIR)
