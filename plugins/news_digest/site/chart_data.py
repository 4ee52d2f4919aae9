"""Adapters from digest records to the chart functions' plain inputs (charts.py draws)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from ..analysis.english.standfirst import outlet_en
from ..digest import Digest
from ..linking.entity_index import EntityEntry
from ..linking.link import Story
from . import charts

MAX_NODES = 10


def _label(entry: EntityEntry, lang: str) -> str:
    return entry.text if lang == "ar" else entry.en


def _outlet(source: str | None, lang: str) -> str:
    """On English charts an outlet's English name; one without is "outlet not named in English"."""
    if lang == "ar" or not source:
        return source or ""
    return outlet_en(source) or "outlet not named in English"


def _title(article_id: str, digest: Digest, lang: str) -> str:
    analysis = digest.by_id[article_id].analysis
    return digest.by_id[article_id].doc.title if lang == "ar" else analysis.english.title or "?"


def story_timeline_svg(story: Story, digest: Digest, lang: str) -> str:
    """One point per article of the story: its date and outlet (or title when none)."""
    points = []
    for article_id in story.article_ids:
        doc = digest.by_id[article_id].doc
        points.append(
            (doc.meta.date, _outlet(doc.meta.source, lang) or _title(article_id, digest, lang))
        )
    return charts.timeline_svg(points, lang)


def story_coverage_svg(story: Story, digest: Digest, lang: str) -> str:
    """Articles per outlet, near-duplicate copies counted for the outlet that ran them."""
    ids = [*story.article_ids]
    for article_id in story.article_ids:
        ids.extend(digest.links.also_reported_by.get(article_id, ()))
    outlets = Counter(_outlet(digest.by_id[i].doc.meta.source, lang) or "?" for i in ids)
    return charts.coverage_svg(sorted(outlets.items(), key=lambda kv: (-kv[1], kv[0])), lang)


def cooccurrence_svg(entity: EntityEntry, index: Mapping[str, EntityEntry], lang: str) -> str:
    """The entity and those it appears with most, linked by how many articles they share."""
    near = [(k, n) for k, n in entity.cooccurring if k in index][: MAX_NODES - 1]
    nodes = [(entity.key, _label(entity, lang), len(entity.articles))]
    nodes += [(k, _label(index[k], lang), len(index[k].articles)) for k, _ in near]
    edges = [(entity.key, k, n) for k, n in near]
    return charts.cooccurrence_svg(nodes, edges, lang)


def template_globals() -> dict:
    return {
        "story_timeline_svg": story_timeline_svg,
        "story_coverage_svg": story_coverage_svg,
        "cooccurrence_svg": cooccurrence_svg,
    }
