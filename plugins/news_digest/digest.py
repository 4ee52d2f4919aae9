"""The whole digest as the site stage reads it: every article with its analysis, the skipped
seeds, and the corpus-level links and entity index. Built by pipeline.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from .analysis.article import Analysis
from .analysis.machine_translation import MachineTranslation
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
    # From DIGEST_TRANSLATION_MODEL: kept beside the analysis, not in it (nor in its cache),
    # since it depends on the model. None without a model, or when nothing got a line.
    machine_translation: MachineTranslation | None = None


@dataclass(frozen=True)
class Digest:
    articles: tuple[DigestArticle, ...]  # in seed file name order
    skipped: tuple[Skipped, ...]
    links: LinkResult
    index: EntityIndex
    translation_model: str | None = None  # the model's name when this build translated

    def article(self, article_id: str) -> DigestArticle:
        return self.by_id[article_id]

    @cached_property
    def by_id(self) -> dict[str, DigestArticle]:
        return {a.doc.id: a for a in self.articles}
