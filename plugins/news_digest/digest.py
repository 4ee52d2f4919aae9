"""The whole digest as the site stage reads it: every article with its analysis, the skipped
seeds, and the corpus-level links and entity index. Built by pipeline.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from .analysis.article import Analysis
from .ingest.isolation import StageWarning
from .linking.entity_index import EntityIndex
from .linking.link import LinkResult
from .models import Document, Skipped


@dataclass(frozen=True)
class DigestArticle:
    doc: Document
    slug: str
    analysis: Analysis
    # Stages that failed or repaired something for this seed (decode, metadata, analysis);
    # the article is published without what they would have added.
    warnings: tuple[StageWarning, ...] = ()


@dataclass(frozen=True)
class Digest:
    articles: tuple[DigestArticle, ...]  # in seed file name order
    skipped: tuple[Skipped, ...]
    links: LinkResult
    index: EntityIndex

    def article(self, article_id: str) -> DigestArticle:
        return self.by_id[article_id]

    @cached_property
    def by_id(self) -> dict[str, DigestArticle]:
        return {a.doc.id: a for a in self.articles}
