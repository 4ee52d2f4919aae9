"""news_digest: a Pelican plugin that turns raw Arabic news articles into a bilingual digest.

Data flow, one module per stage:
  ingest (files -> decoded text) -> metadata + structure (-> Document) -> analysis stages
  -> linking -> pages (Pelican articles, ar + en) -> generator (extra pages, digest.json).
"""

from __future__ import annotations

import logging

from pelican import signals
from pelican.utils import order_content

from .cache import AnalysisCache
from .generator import CONTEXT_KEY, DigestGenerator
from .pages import add_to_generator, report_skipped
from .pipeline import build_digest
from .settings import DigestSettings
from .templating import filters

logger = logging.getLogger(__name__)


def on_articles(generator) -> None:
    """Build the digest and hand its articles to Pelican's article generator."""
    settings = DigestSettings.from_mapping(generator.settings)
    cache_path = generator.settings.get("CACHE_PATH") if settings.cache else None
    digest = build_digest(settings, AnalysisCache.under(cache_path))
    report_skipped(digest, settings)
    add_to_generator(generator, digest, settings)
    generator.context[CONTEXT_KEY] = digest
    english = [a for a in generator.translations if a.lang == "en"]
    generator.context["translations_en"] = order_content(
        english, generator.settings["ARTICLE_ORDER_BY"]
    )


def on_generator_init(generator) -> None:
    generator.env.filters.update(filters(generator.settings))


def get_generators(pelican):
    return DigestGenerator


def register() -> None:
    signals.article_generator_pretaxonomy.connect(on_articles)
    signals.generator_init.connect(on_generator_init)
    signals.get_generators.connect(get_generators)
