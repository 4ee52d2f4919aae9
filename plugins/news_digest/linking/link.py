"""Corpus-level linking: related articles, read-also targets, near-duplicates and stories.

``link`` is the public entry point. The steps, in order:

1. near-duplicates (``duplicates``): agency copy reprinted by several outlets; one article of each
   group is kept (earliest date, then smallest id), the others map to it;
2. related articles (``similarity``): TF-IDF over folded, Snowball-stemmed Arabic without
   function words, news boilerplate or numbers, raised by entity overlap, top-k per article
   computed on row chunks (no N x N matrix). Links only point to kept articles and never inside
   an article's own duplicate group (those are "also reported by");
3. read-also headlines matched to article titles by TF-IDF cosine over folded stems;
4. stories (``stories``): components of strong, date-close related links.

Everything is deterministic: ties are broken by id, and no step depends on hashing seeds.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

import numpy as np
import scipy.sparse as sp
from sklearn.preprocessing import normalize

from ..arabic import tokens
from . import similarity as sim
from .duplicates import DuplicateGroups, DuplicateSettings, detect
from .stories import StoryArticles, StorySettings, cluster

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class LinkInput:
    id: str
    title: str
    text: str  # body text (paragraphs joined), Arabic
    date: datetime | None
    source: str | None  # outlet name, e.g. "AlArabiya"
    entities: tuple[tuple[str, str, int], ...] = ()  # (key like "place/kandahar", type, count)
    entity_names: Mapping[str, tuple[str, str]] = field(default_factory=dict)  # key -> (ar, en)
    read_also: tuple[str, ...] = ()  # "read also" headlines found in the article


@dataclass(frozen=True)
class Related:
    id: str
    score: float
    shared: tuple[str, ...]  # entity keys and/or "term:<folded word>" explaining the link


@dataclass(frozen=True)
class Story:
    key: str  # "story-" + id of the earliest article: stable while that article stays first
    article_ids: tuple[str, ...]  # kept (non-duplicate) articles, timeline order: date, then id
    title: str  # Arabic title of the most central article
    sources: tuple[str, ...]  # every outlet, near-duplicates' outlets included
    entities: tuple[str, ...]  # entity keys found in at least half of the articles


@dataclass(frozen=True)
class LinkResult:
    related: Mapping[str, tuple[Related, ...]]
    duplicate_of: Mapping[str, str]  # id -> id of the kept article (earliest date, then id)
    also_reported_by: Mapping[str, tuple[str, ...]]  # kept id -> its near-duplicates' ids
    read_also_links: Mapping[str, tuple[str | None, ...]]  # id -> matched id per headline
    stories: tuple[Story, ...]
    story_of: Mapping[str, str]  # article id (near-duplicates included) -> story key


@dataclass(frozen=True)
class LinkSettings:
    related_max: int = 5  # related links per article
    # Below 0.15 articles share words rather than a subject. Above it, agreement barely moves
    # while coverage falls (eval --split a: 0.15 -> 0.25 is +0.02 agreement, -26 pts coverage).
    min_score: float = 0.15
    entity_weight: float = 0.25  # text score x (1 + this x entity cosine); see similarity.Space
    candidates: int = 30  # neighbours retrieved per article, before filtering and for stories
    explain_entities: int = 3  # shared entity keys listed per link
    explain_terms: int = 3  # shared key terms listed per link
    read_also_min: float = 0.7  # title cosine for a read-also headline to name an article
    chunk: int = 256  # rows per block of the chunked similarity product
    duplicates: DuplicateSettings = field(default_factory=DuplicateSettings)
    stories: StorySettings = field(default_factory=StorySettings)


def link(items: Sequence[LinkInput], settings: LinkSettings = LinkSettings()) -> LinkResult:
    """Link a corpus of articles; see the module docstring for the steps."""
    _check_ids(items)
    ids = [it.id for it in items]
    bodies = [tokens(it.text) for it in items]
    titles = [tokens(it.title) for it in items]
    dups = detect(bodies, ids, [it.date for it in items], settings.duplicates)
    analyzed = sim.analyze([*titles, *bodies])
    n = len(items)
    docs = [sim.with_title(analyzed.stems[i], analyzed.stems[n + i]) for i in range(n)]
    vectors = sim.tfidf(docs)
    space = sim.Space(vectors.matrix, entity_matrix(items), settings.entity_weight)
    kept = np.ones(n, bool)
    kept[list(dups.duplicate_of)] = False
    found = sim.neighbours(space, settings.candidates, dups.group_of, kept, settings.chunk)
    candidates = [
        list(zip(idx.tolist(), val.tolist(), strict=True))
        for idx, val in zip(found.indices, found.scores, strict=True)
    ]
    related = related_links(candidates, items, vectors, analyzed.display, settings)
    stories, story_of = build_stories(items, dups, candidates, kept, settings.stories)
    return LinkResult(
        related=related,
        duplicate_of={ids[r]: ids[k] for r, k in sorted(dups.duplicate_of.items())},
        also_reported_by={ids[k]: tuple(ids[r] for r in v) for k, v in sorted(dups.groups.items())},
        read_also_links=read_also_links(items, titles, settings.read_also_min),
        stories=stories,
        story_of=story_of,
    )


def _check_ids(items: Sequence[LinkInput]) -> None:
    seen = {it.id for it in items}
    if len(seen) != len(items):
        raise ValueError("LinkInput ids must be unique")


def entity_matrix(items: Sequence[LinkInput]) -> sp.csr_matrix:
    """Entity vectors: (1 + log count) x idf, L2-normalised; rare shared entities weigh most."""
    counts = [{key: max(count, 1) for key, _, count in it.entities} for it in items]
    df: dict[str, int] = {}
    for row in counts:
        for key in row:
            df[key] = df.get(key, 0) + 1
    n = len(items)
    weights = [
        {k: (1 + math.log(c)) * (math.log((1 + n) / (1 + df[k])) + 1) for k, c in row.items()}
        for row in counts
    ]
    matrix, _ = sim.keyed_matrix(weights, n)
    return normalize(matrix, copy=False) if matrix.shape[1] else matrix


def related_links(
    candidates: Sequence[Sequence[tuple[int, float]]],
    items: Sequence[LinkInput],
    vectors: sim.Vectors,
    display: Mapping[str, str],
    settings: LinkSettings,
) -> dict[str, tuple[Related, ...]]:
    """Each article's related links: good enough candidates, best first, each with its why."""
    chosen = [
        [(j, s) for j, s in row if s >= settings.min_score][: settings.related_max]
        for row in candidates
    ]
    pairs = [(i, j) for i, row in enumerate(chosen) for j, _ in row]
    terms = iter(
        sim.shared_terms(vectors.matrix, pairs, vectors.vocabulary, settings.explain_terms)
    )
    related = {}
    for i, row in enumerate(chosen):
        links = []
        for j, score in row:
            why = shared_entities(items[i], items[j], settings.explain_entities)
            why += [f"term:{display.get(stem, stem)}" for stem in next(terms)]
            links.append(Related(id=items[j].id, score=round(float(score), 4), shared=tuple(why)))
        related[items[i].id] = tuple(links)
    return related


def shared_entities(a: LinkInput, b: LinkInput, limit: int) -> list[str]:
    """Entity keys both articles mention, the most mentioned (in both) first, then by key."""
    ca = {key: count for key, _, count in a.entities}
    cb = {key: count for key, _, count in b.entities}
    return sorted(ca.keys() & cb.keys(), key=lambda k: (-min(ca[k], cb[k]), k))[:limit]


def read_also_links(
    items: Sequence[LinkInput], titles: Sequence[Sequence[str]], min_score: float
) -> dict[str, tuple[str | None, ...]]:
    """Per article, the id of the article each read-also headline names (None if no match)."""
    heads = [(i, h) for i, it in enumerate(items) for h in it.read_also]
    links: dict[str, list[str | None]] = {it.id: [] for it in items}
    if not heads:
        return {k: tuple(v) for k, v in links.items()}
    analyzed = sim.analyze([*titles, *(tokens(h) for _, h in heads)])
    vectors = sim.tfidf(analyzed.stems).matrix
    n = len(items)
    # Two best titles per headline: the best may be the article carrying the headline itself.
    found = sim.top_k(vectors[n:], vectors[:n], 2)
    for (owner, _), idx, val in zip(heads, found.indices, found.scores, strict=True):
        match = [j for j, s in zip(idx, val, strict=True) if s >= min_score and j != owner]
        links[items[owner].id].append(items[match[0]].id if match else None)
    return {k: tuple(v) for k, v in links.items()}


def build_stories(
    items: Sequence[LinkInput],
    dups: DuplicateGroups,
    candidates: Sequence[Sequence[tuple[int, float]]],
    kept: np.ndarray,
    settings: StorySettings,
) -> tuple[tuple[Story, ...], dict[str, str]]:
    """Stories over kept articles; every copy of a story's article belongs to the story too."""
    arts = StoryArticles(
        ids=[it.id for it in items],
        titles=[it.title for it in items],
        dates=[it.date for it in items],
        sources=[it.source for it in items],
        entities=[tuple(key for key, _, _ in it.entities) for it in items],
        copies=dups.groups,
    )
    clusters = cluster(np.flatnonzero(kept).tolist(), candidates, arts, settings)
    stories = tuple(
        Story(
            key=c.key,
            article_ids=tuple(arts.ids[r] for r in c.rows),
            title=c.title,
            sources=c.sources,
            entities=c.entities,
        )
        for c in clusters
    )
    story_of = {
        arts.ids[m]: c.key for c in clusters for r in c.rows for m in (r, *dups.groups.get(r, ()))
    }
    return stories, dict(sorted(story_of.items()))
