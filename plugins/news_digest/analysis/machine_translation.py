"""Every article's texts through the build's translation model, as one record per article.

Runs in the main process after analysis, never inside it: a translation depends on the model,
and the analysis cache is keyed by the text and the code only. All articles' segments go to one
translate_segments call, so batches span articles and identical texts are translated once.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..models import Document
from .article import Analysis
from .translation import TranslationCache, TranslationStats, Translator, translate_segments

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class MachineTranslation:
    """One article's machine translations; "" where the model gave no line. Each tuple is
    aligned with its Arabic source: the summary sentences, key points, quotes, claims."""

    model: str  # the name shown on the pages
    identity: str  # name@hash, the cache key's model part
    title: str
    summary: tuple[str, ...]
    key_points: tuple[str, ...]
    quotes: tuple[str, ...]  # one per Analysis.quotes entry, reported speech included
    claims: tuple[str, ...]

    def has_text(self) -> bool:
        parts = (self.title, *self.summary, *self.key_points, *self.quotes, *self.claims)
        return any(parts)


@dataclass(frozen=True)
class ArticleTexts:
    """The Arabic texts of one article that get a translation, in MachineTranslation's order."""

    title: str
    summary: tuple[str, ...]
    key_points: tuple[str, ...]
    quotes: tuple[str, ...]
    claims: tuple[str, ...]

    def flat(self) -> list[str]:
        return [self.title, *self.summary, *self.key_points, *self.quotes, *self.claims]


def article_texts(doc: Document, analysis: Analysis) -> ArticleTexts:
    return ArticleTexts(
        title=doc.title,
        summary=tuple(doc.sentences[i].text for i in analysis.summary.sentences),
        key_points=tuple(analysis.summary.key_points),
        quotes=tuple(q.text for q in analysis.quotes),
        claims=tuple(c.text for c in analysis.claims),
    )


def _record(translator: Translator, texts: ArticleTexts, english: list[str]) -> MachineTranslation:
    parts = []
    start = 1
    for group in (texts.summary, texts.key_points, texts.quotes, texts.claims):
        parts.append(tuple(english[start : start + len(group)]))
        start += len(group)
    return MachineTranslation(translator.name, translator.identity, english[0], *parts)


def translate_articles(
    translator: Translator,
    cache_dir: Path | str | None,
    docs: Sequence[Document],
    analyses: Sequence[Analysis],
) -> tuple[list[MachineTranslation | None], TranslationStats]:
    """Each article's record (None when no text of it got a line) and the build's stats."""
    texts = [article_texts(doc, a) for doc, a in zip(docs, analyses, strict=True)]
    flat = [segment for t in texts for segment in t.flat()]
    cache = TranslationCache(cache_dir, translator.identity)
    english, stats = translate_segments(translator, cache, flat)
    records: list[MachineTranslation | None] = []
    start = 0
    for t in texts:
        size = len(t.flat())
        record = _record(translator, t, english[start : start + size])
        records.append(record if record.has_text() else None)
        start += size
    if stats.dropped:
        logger.info("Translation: %d texts given no line (too long, or no ending)", stats.dropped)
    return records, stats
