"""Page keys: a hash of everything one page's HTML depends on, so a rebuild can skip rendering it.

Rendering every page again is most of a rebuild's cost although adding one article changes only
a few dozen pages. Each key below lists a page's inputs: its own record plus the title, URL and
outlet of every article it links to and the names of the entities it shows. What every page
depends on alike (theme, plugin code, settings, library versions) is the build fingerprint,
kept once by the writer's manifest (writer.py). A missed input would leave a stale page, so the
whole-build tests compare an incremental rebuild with a clean build byte for byte.
"""

from __future__ import annotations

import hashlib
import inspect
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import jinja2
import pelican

from ..digest import Digest
from ..linking.entity_index import EntityEntry, SourceEntry
from ..linking.link import Story
from ..settings import DATA_DIR, PACKAGE_DIR


def hash_of(*parts: object) -> str:
    return hashlib.blake2b(repr(parts).encode("utf-8"), digest_size=16).hexdigest()


def _stable(value: Any) -> str:
    """A repr without memory addresses: settings may hold functions, modules and classes."""
    if isinstance(value, Mapping):
        items = sorted((repr(k), _stable(v)) for k, v in value.items())
        return "{" + ", ".join(f"{k}: {v}" for k, v in items) + "}"
    if isinstance(value, list | tuple | set | frozenset):
        inner = [_stable(v) for v in value]
        return "[" + ", ".join(sorted(inner) if isinstance(value, set | frozenset) else inner) + "]"
    if isinstance(value, str | int | float | bool | type(None)):
        return repr(value)
    try:  # a function or class from pelicanconf: its source, so editing it counts
        return inspect.getsource(value)
    except (TypeError, OSError):
        return type(value).__qualname__


def _tree_hash(folder: Path, pattern: str) -> str:
    digest = hashlib.blake2b(digest_size=16)
    for path in sorted(p for p in folder.rglob(pattern) if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def build_fingerprint(settings: Mapping[str, Any]) -> str:
    """What every page depends on: plugin code and data, the theme, settings, library versions."""
    theme = Path(settings.get("THEME", ""))
    return hash_of(
        _tree_hash(PACKAGE_DIR, "*.py"),
        _tree_hash(DATA_DIR, "*"),
        _tree_hash(theme, "*") if theme.is_dir() else str(theme),
        _stable(settings),
        pelican.__version__,
        jinja2.__version__,
    )


def _links_key(links: Any) -> str:
    """An article's links as its page shows them: scores to two decimals, as displayed, so a
    new article that shifts every TF-IDF weight a little does not force every page to render."""
    related = [(r.id, f"{r.score:.2f}", r.shared) for r in links.related]
    rest = (links.duplicate_of, links.also_reported_by, links.story, links.read_also)
    return repr((related, rest))


@dataclass
class PageKeys:
    """Keys of the digest's pages; `site` is the Pelican articles by language and id."""

    digest: Digest
    site: Mapping[str, Mapping[str, Any]]

    @cached_property
    def _refs(self) -> dict[tuple[str, str], str]:
        """What a link to an article shows, per (lang, id): computed once, since Pelican's
        `url` property is costly and each article is linked from many pages."""
        refs = {}
        for lang, pages in self.site.items():
            for article_id, page in pages.items():
                meta = self.digest.by_id[article_id].doc.meta
                title_lang = getattr(page, "title_lang", None)
                refs[lang, article_id] = repr((article_id, page.url, page.title, title_lang, meta))
        return refs

    def _articles(self, ids: Iterable[str], lang: str) -> list[str]:
        return [self._refs[lang, i] for i in ids]

    def _entity_names(self, keys: Iterable[str]) -> list[tuple]:
        index = self.digest.index
        found = ((k, index.entities.get(k)) for k in keys)
        return [
            (k, e and (e.type, e.text, e.en, len(e.articles), index.has_page(k))) for k, e in found
        ]

    def article(self, page: Any) -> str:
        """An article page (either language)."""
        item, links, lang = page.digest, page.links, page.lang
        linked = [r.id for r in links.related] + list(links.also_reported_by)
        linked += [t for _, t in links.read_also if t] + [links.duplicate_of or ""]
        shared = [k for r in links.related for k in r.shared if not k.startswith("term:")]
        article_id = item.doc.id
        # Own and translation URLs from the references: Pelican's `url` property is costly.
        return hash_of(
            self._refs[lang, article_id],
            [self._refs[t.lang, article_id] for t in page.translations],
            (page.summary, page.date.isoformat(), page.date_known),
            (item.doc.id, item.doc.content_hash, repr(item.doc.meta), item.slug),
            repr(item.analysis.english),
            repr(item.machine_translation),
            _links_key(links),
            self._articles((i for i in linked if i), lang),
            self._entity_names(shared),
            # Whether each of its own entities has a page (a link) or not (a bare name).
            [
                item.analysis.entities.entities and self.digest.index.has_page(e.key)
                for e in item.analysis.entities.entities
            ],
        )

    def entity(self, entry: EntityEntry, lang: str) -> str:
        ids = [i for i, _ in entry.articles]
        cooccurring = [k for k, _ in entry.cooccurring]
        names = self._entity_names(cooccurring)
        return hash_of(repr(entry), lang, self._articles(ids, lang), names)

    def source(self, entry: SourceEntry, lang: str) -> str:
        ids = [*entry.cited_by, *entry.published]
        return hash_of(repr(entry), lang, self._articles(ids, lang))

    def story(self, story: Story, figures: list, lang: str) -> str:
        also = self.digest.links.also_reported_by
        copies = [c for i in story.article_ids for c in also.get(i, ())]
        dates = [self.site[lang][i].date.isoformat() for i in story.article_ids]
        return hash_of(
            repr(story),
            repr(figures),
            lang,
            dates,
            self._articles([*story.article_ids, *copies], lang),
            self._entity_names(story.entities),
        )
