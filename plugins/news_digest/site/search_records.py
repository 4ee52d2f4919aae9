"""What the search index holds: one record per searchable page, composed from the digest itself.

Records come from the data the pages are rendered from, not from the written HTML, so the index
can be built while the pages are still being rendered (search.py) and no page is parsed again.

- Arabic article: its title, key points, entity names (both scripts), cited sources and full text.
- English article: its English title and brief (names, figures, sources, speakers, claimants),
  then the Arabic title, summary and key points. The full Arabic text is searched from the
  Arabic search page; leaving it out of the English index halves the indexing work.
- Story, source and entity pages: their names and the titles of their articles.
Near-duplicate copies are not searchable: their kept article is, and names them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from ..digest import Digest, DigestArticle
from . import urls
from .pages import english_facts, summary_text

LANGS = ("ar", "en")
DESCRIPTION_CHARS = 300


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
    words = list(dict.fromkeys(_WORD.findall(text)))
    # Fold all distinct words in one call per form; words hold no spaces, so split(" ")
    # lines the folded forms up with the words again (an emptied word stays an empty item).
    joined = " ".join(words)
    forms = zip(words, fold_hamza(joined).split(" "), fold(joined).split(" "), strict=True)
    seen: dict[str, None] = {}
    for word, hamza_free, folded in forms:
        for form in (hamza_free, folded):
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


def _clip(text: str, limit: int = DESCRIPTION_CHARS) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def _join(parts: Iterable[str | None]) -> str:
    return " ".join(" ".join(p for p in parts if p).split())


def _names(item: DigestArticle) -> list[str]:
    entities = item.analysis.entities.entities
    return [*(e.text for e in entities), *(e.en for e in entities)]


def arabic_article(item: DigestArticle, url: str) -> SearchRecord:
    doc, analysis = item.doc, item.analysis
    text = _join(
        [
            doc.title,
            *analysis.summary.key_points,
            *_names(item),
            *(f"{s.ar} {s.en}" for s in analysis.sources),
            doc.meta.source,
            *doc.paragraphs,
        ]
    )
    return SearchRecord(url, "ar", doc.title, _clip(summary_text(item)), text)


def english_article(item: DigestArticle, url: str, title: str) -> SearchRecord:
    doc, analysis = item.doc, item.analysis
    facts = english_facts(item)
    text = _join(
        [
            title,
            facts,
            *(f.en for f in analysis.figures),
            *(q.speaker_en for q in analysis.quotes),
            *(c.claimant_en for c in analysis.claims),
            doc.meta.source,
            doc.title,
            summary_text(item),
            *analysis.summary.key_points,
        ]
    )
    return SearchRecord(url, "en", title, _clip(facts or summary_text(item)), text)


def article_records(digest: Digest, site: Mapping[str, Mapping[str, Any]]) -> list[SearchRecord]:
    records = []
    for item in digest.articles:
        if item.doc.id in digest.links.duplicate_of:
            continue
        ar, en = site["ar"][item.doc.id], site["en"][item.doc.id]
        records.append(arabic_article(item, ar.url))
        records.append(english_article(item, en.url, str(en.title)))
    return records


def _titles(ids: Sequence[str], site: Mapping[str, Any]) -> list[str]:
    return [str(site[i].title) for i in ids]


def _listing(url: str, lang: str, title: str, parts: list[str]) -> SearchRecord:
    text = _join([title, *parts])
    return SearchRecord(url, lang, title, _clip(_join(parts)), text)


def story_records(digest: Digest, site: Mapping[str, Mapping[str, Any]]) -> list[SearchRecord]:
    index = digest.index.entities
    records = []
    for story in digest.links.stories:
        for lang in LANGS:
            names = [
                getattr(index.get(k), "en" if lang == "en" else "text", "") for k in story.entities
            ]
            parts = [*story.sources, *names, *_titles(story.article_ids, site[lang])]
            records.append(_listing(urls.story_url(story.key, lang), lang, story.title, parts))
    return records


def source_records(digest: Digest, site: Mapping[str, Mapping[str, Any]]) -> list[SearchRecord]:
    records = []
    for entry in digest.index.sources.values():
        ids = [*entry.cited_by, *entry.published]
        for lang in LANGS:
            title, other = (entry.ar, entry.en) if lang == "ar" else (entry.en, entry.ar)
            parts = [other, *_titles(ids, site[lang])]
            records.append(_listing(urls.source_url(entry.key, lang), lang, title, parts))
    return records


def entity_records(digest: Digest, site: Mapping[str, Mapping[str, Any]]) -> list[SearchRecord]:
    records = []
    for entry in digest.index.entities.values():
        if not digest.index.has_page(entry.key):
            continue  # named in search through its articles' records
        ids = [i for i, _ in entry.articles]
        for lang in LANGS:
            title, other = (entry.text, entry.en) if lang == "ar" else (entry.en, entry.text)
            parts = [other, *_titles(ids, site[lang])]
            records.append(_listing(urls.entity_url(entry.key, lang), lang, title, parts))
    return records


RECORDS_BY_KIND = {
    "articles": article_records,
    "stories": story_records,
    "sources": source_records,
    "entities": entity_records,
}


def search_records(
    digest: Digest, site: Mapping[str, Mapping[str, Any]], kinds: Iterable[str]
) -> list[SearchRecord]:
    """Records of the page kinds asked for, in a fixed order (kinds as given, then the digest's)."""
    return [record for kind in kinds for record in RECORDS_BY_KIND[kind](digest, site)]
