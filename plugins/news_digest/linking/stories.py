"""Stories: clusters of articles about the same event, laid out as a timeline.

Edges join two articles whose related-score is high and whose dates are a few days apart at most;
stories are the connected components. Connected components chain (A-B, B-C, ... drifts off the
event), so a component larger than ``max_size`` is split again with a stricter threshold: a
simple top-down hierarchical cut that needs only the sparse edge list.
Near-duplicates are folded into their kept article before clustering: the timeline lists each
text once, while the story's outlets and ``story_of`` still cover every copy.
"""

from __future__ import annotations

import logging
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from .duplicates import timeline_key

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class StorySettings:
    min_score: float = 0.35  # much stricter than a related link: same event, not same topic
    max_days: int = 3  # events are reported within days; undated articles are not constrained
    max_size: int = 40  # a component above this is split with a stricter threshold
    step: float = 0.05  # how much stricter each split is
    max_entities: int = 5


@dataclass(frozen=True)
class StoryArticles:
    """Per-article facts the clustering needs (all sequences indexed by row)."""

    ids: Sequence[str]
    titles: Sequence[str]
    dates: Sequence[datetime | None]
    sources: Sequence[str | None]
    entities: Sequence[tuple[str, ...]]
    copies: Mapping[int, tuple[int, ...]]  # kept row -> its near-duplicates' rows


@dataclass(frozen=True)
class Cluster:
    key: str
    rows: tuple[int, ...]  # kept articles, timeline order
    title: str
    sources: tuple[str, ...]
    entities: tuple[str, ...]


Edge = tuple[int, int, float]


def close_in_time(a: datetime | None, b: datetime | None, max_days: int) -> bool:
    if a is None or b is None:
        return True
    try:
        return abs((a - b).total_seconds()) <= max_days * 86400
    except TypeError:  # naive vs aware datetimes: compare the calendar dates instead
        return abs((a.date() - b.date()).days) <= max_days


def story_edges(
    candidates: Sequence[Sequence[tuple[int, float]]],
    arts: StoryArticles,
    settings: StorySettings,
) -> list[Edge]:
    """Undirected edges (i < j) strong enough and close enough in time for a story."""
    best: dict[tuple[int, int], float] = {}
    for i, row in enumerate(candidates):
        for j, score in row:
            if score < settings.min_score:
                continue
            if not close_in_time(arts.dates[i], arts.dates[j], settings.max_days):
                continue
            pair = (min(i, j), max(i, j))
            best[pair] = max(best.get(pair, 0.0), score)
    return [(i, j, s) for (i, j), s in sorted(best.items())]


def split(
    rows: Sequence[int], edges: Sequence[Edge], threshold: float, settings: StorySettings
) -> list[list[int]]:
    """Components over edges >= threshold; oversized ones are split again, stricter."""
    local = {r: n for n, r in enumerate(rows)}
    strong = [(local[i], local[j]) for i, j, s in edges if s >= threshold]
    found: list[list[int]] = []
    for comp in components(len(rows), strong):
        members = [rows[n] for n in comp]
        if len(members) <= settings.max_size or threshold >= 1.0:
            found.append(members)
            continue
        inside = set(members)
        inner = [e for e in edges if e[0] in inside and e[1] in inside]
        found.extend(split(members, inner, threshold + settings.step, settings))
    return found


def is_story(rows: Sequence[int], arts: StoryArticles) -> bool:
    """At least two texts, from more than one outlet or day unless those are unknown."""
    if len(rows) < 2:
        return False
    every = [c for r in rows for c in (r, *arts.copies.get(r, ()))]
    sources = {arts.sources[r] for r in every}
    days = {arts.dates[r].date() if arts.dates[r] else None for r in every}
    if None in sources or None in days:
        return True  # seeds without metadata: nothing to check the spread against
    return len(sources) > 1 or len(days) > 1


def describe(
    rows: Sequence[int], edges: Sequence[Edge], arts: StoryArticles, settings: StorySettings
) -> Cluster:
    ordered = sorted(rows, key=lambda r: timeline_key(arts.dates[r], arts.ids[r]))
    centrality: Counter[int] = Counter()
    for i, j, s in edges:
        centrality[i] += s
        centrality[j] += s
    # The most central article names the story best; the earliest wins ties.
    lead = min(ordered, key=lambda r: (-round(centrality[r], 6), ordered.index(r)))
    every = [c for r in ordered for c in (r, *arts.copies.get(r, ()))]
    sources = sorted({arts.sources[r] for r in every if arts.sources[r]})
    return Cluster(
        key="story-" + arts.ids[ordered[0]],
        rows=tuple(ordered),
        title=arts.titles[lead],
        sources=tuple(sources),
        entities=main_entities(ordered, arts, settings.max_entities),
    )


def main_entities(rows: Sequence[int], arts: StoryArticles, limit: int) -> tuple[str, ...]:
    """Entity keys found in at least half of the story's articles (and in two at least)."""
    counts = Counter(k for r in rows for k in set(arts.entities[r]))
    need = max(2, math.ceil(len(rows) / 2))
    keys = sorted((k for k, c in counts.items() if c >= need), key=lambda k: (-counts[k], k))
    return tuple(keys[:limit])


def cluster(
    kept: Sequence[int],
    candidates: Sequence[Sequence[tuple[int, float]]],
    arts: StoryArticles,
    settings: StorySettings = StorySettings(),
) -> list[Cluster]:
    """Stories over the kept (non-duplicate) articles, largest first, then by key."""
    inside = set(kept)
    edges = [
        e for e in story_edges(candidates, arts, settings) if e[0] in inside and e[1] in inside
    ]
    groups = split(list(kept), edges, settings.min_score, settings)
    group_of = {r: g for g, rows in enumerate(groups) for r in rows}
    inner: dict[int, list[Edge]] = {}
    for e in edges:
        g = group_of.get(e[0])
        if g is not None and g == group_of.get(e[1]):
            inner.setdefault(g, []).append(e)
    stories = [
        describe(rows, inner.get(g, []), arts, settings)
        for g, rows in enumerate(groups)
        if is_story(rows, arts)
    ]
    stories.sort(key=lambda c: (-len(c.rows), c.key))
    logger.info("stories: %d from %d edges", len(stories), len(edges))
    return stories


def components(n: int, edges: Sequence[tuple[int, int]]) -> list[list[int]]:
    """Connected components with at least two rows, each in row order, by first row."""
    parent = list(range(n))
    for a, b in edges:
        _union(parent, a, b)
    members: dict[int, list[int]] = {}
    for row in range(n):
        members.setdefault(_find(parent, row), []).append(row)
    return [rows for rows in members.values() if len(rows) > 1]


def _find(parent: list[int], x: int) -> int:
    while parent[x] != x:
        parent[x] = parent[parent[x]]  # path halving keeps the trees shallow
        x = parent[x]
    return x


def _union(parent: list[int], a: int, b: int) -> None:
    ra, rb = _find(parent, a), _find(parent, b)
    if ra != rb:
        parent[max(ra, rb)] = min(ra, rb)
