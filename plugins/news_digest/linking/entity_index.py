"""The corpus-wide index behind entity and source pages.

For every person, place and organisation: the articles that mention it, mention counts and the
entities it appears with; for every outlet: the articles that cite it as a source and those it
published. Near-duplicate copies are left out so one agency story is not counted five times.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from slugify import slugify

COOCCURRING_MAX = 12


@dataclass(frozen=True)
class EntityEntry:
    key: str  # "place/kandahar": also the page's URL path under entities/
    type: str
    text: str  # the Arabic form most articles use
    en: str
    spelled: str  # where the English comes from: listed | curated | data | rule | guessed
    mentions: int  # over all articles
    articles: tuple[tuple[str, int], ...]  # (article id, mentions), most mentions first
    cooccurring: tuple[tuple[str, int], ...]  # (entity key, shared articles), strongest first


@dataclass(frozen=True)
class SourceEntry:
    key: str  # slug: the page's URL path under sources/
    ar: str
    en: str
    cited_by: tuple[str, ...]  # articles citing it (agency copy, quotes)
    published: tuple[str, ...]  # articles it published (metadata "source")


@dataclass(frozen=True)
class EntityIndex:
    entities: Mapping[str, EntityEntry]  # sorted by key; every entity of a kept article
    sources: Mapping[str, SourceEntry]  # sorted by key
    # Keys of the entities named in enough kept articles for a page of their own; the others
    # are listed on their articles, in digest.json and in search, without a page.
    pages: frozenset[str] = frozenset()

    def has_page(self, key: str) -> bool:
        return key in self.pages


@dataclass(frozen=True)
class IndexInput:
    """What the index needs from one kept article."""

    id: str
    entities: Sequence  # entities.Entity records
    sources: Sequence  # sources.Source records
    publisher: str | None


def _entity_entries(items: Sequence[IndexInput]) -> dict[str, EntityEntry]:
    per_key: dict[str, list[tuple[str, int]]] = defaultdict(list)
    forms: dict[str, Counter] = defaultdict(Counter)
    first = {}
    together: dict[str, Counter] = defaultdict(Counter)
    for item in items:
        keys = sorted({e.key for e in item.entities})
        for entity in item.entities:
            per_key[entity.key].append((item.id, entity.count))
            forms[entity.key][entity.text] += entity.count
            first.setdefault(entity.key, entity)
        for key in keys:
            together[key].update(k for k in keys if k != key)
    return {
        key: _entry(key, per_key[key], forms[key], first[key], together[key])
        for key in sorted(per_key)
    }


def _entry(key: str, found, forms: Counter, sample, together: Counter) -> EntityEntry:
    articles = tuple(sorted(found, key=lambda pair: (-pair[1], pair[0])))
    text = min(forms.items(), key=lambda kv: (-kv[1], kv[0]))[0]
    pairs = sorted(together.items(), key=lambda kv: (-kv[1], kv[0]))[:COOCCURRING_MAX]
    return EntityEntry(
        key=key,
        type=sample.type,
        text=text,
        en=sample.en,
        spelled=sample.spelled,
        mentions=sum(count for _, count in articles),
        articles=articles,
        cooccurring=tuple(pairs),
    )


def source_key(source) -> str:
    """A cited outlet's page key: its English name, slugified."""
    return slugify(source.en) or slugify(source.key)


def _source_entries(items: Sequence[IndexInput]) -> dict[str, SourceEntry]:
    names: dict[str, tuple[str, str]] = {}
    cited: dict[str, list[str]] = defaultdict(list)
    published: dict[str, list[str]] = defaultdict(list)
    for item in items:
        for source in item.sources:
            key = source_key(source)
            names.setdefault(key, (source.ar, source.en))
            cited[key].append(item.id)
        if item.publisher and (key := slugify(item.publisher)):
            names.setdefault(key, (item.publisher, item.publisher))
            published[key].append(item.id)
    return {
        key: SourceEntry(key, *names[key], tuple(cited[key]), tuple(published[key]))
        for key in sorted(names)
    }


def build_index(items: Sequence[IndexInput], page_min_articles: int = 1) -> EntityIndex:
    entities = _entity_entries(items)
    pages = frozenset(k for k, e in entities.items() if len(e.articles) >= page_min_articles)
    return EntityIndex(entities, _source_entries(items), pages)
