"""news_digest: a Pelican plugin that turns raw Arabic news articles into a bilingual digest.

Data flow, one subpackage per stage: ingest (files -> Document) -> analysis (Document ->
Analysis) -> linking (all articles -> duplicates, related, stories, entity index) -> digest.py
(the Digest) -> site (Pelican articles, extra pages, feeds, search, digest.json). pipeline.py
runs the first three; this module hooks the site stage onto Pelican's signals.
"""

from __future__ import annotations

import logging
from pathlib import Path

from pelican import signals

from .cache import AnalysisCache
from .pipeline import build_digest
from .settings import DigestSettings
from .site import feeds, search
from .site.chart_data import template_globals
from .site.generator import CONTEXT_KEY, PAGE_KEYS, DigestGenerator
from .site.page_keys import PageKeys
from .site.pages import add_to_generator, report_skipped
from .site.templating import filters, template_functions, tests
from .site.writer import get_writer

logger = logging.getLogger(__name__)


def on_articles(generator) -> None:
    """Build the digest and hand its articles to Pelican's article generator."""
    settings = DigestSettings.from_mapping(generator.settings)
    cache_path = generator.settings.get("CACHE_PATH") if settings.cache else None
    translations = Path(cache_path) if cache_path else None
    digest = build_digest(settings, AnalysisCache.under(cache_path), translations)
    report_skipped(digest, settings)
    site = add_to_generator(generator, digest, settings)
    generator.context[CONTEXT_KEY] = digest
    generator.context["digest_articles"] = site.by_lang
    generator.context["translations_en"] = list(site.listed_en)
    generator.context["latest_stories"] = latest_stories(digest)
    generator.context[PAGE_KEYS] = PageKeys(digest, site.by_lang)


def latest_stories(digest, limit: int = 6) -> list:
    """Stories whose newest article is newest, for the home pages."""

    def newest(story) -> tuple:
        dates = [digest.by_id[i].doc.meta.date for i in story.article_ids]
        known = [d.isoformat() for d in dates if d is not None]
        return (max(known) if known else "", story.key)

    return sorted(digest.links.stories, key=newest, reverse=True)[:limit]


def on_generator_init(generator) -> None:
    generator.env.filters.update(filters(generator.settings))
    generator.env.tests.update(tests())
    generator.env.globals.update(template_globals())
    generator.env.globals.update(template_functions())


def get_generators(pelican):
    return DigestGenerator


def register() -> None:
    signals.article_generator_pretaxonomy.connect(on_articles)
    signals.generator_init.connect(on_generator_init)
    signals.get_generators.connect(get_generators)
    signals.get_writer.connect(get_writer)
    signals.generator_init.connect(feeds.on_generator_init)
    signals.get_generators.connect(feeds.get_generators)
    signals.get_generators.connect(search.get_generators)  # last: waits for Pagefind
