"""Site output, part two: the pages Pelican does not make itself, and digest.json.

English index, entity/source/story pages with their index pages, in both languages; each page
knows its translation (hreflang, language switch) through the same URL functions.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pelican.generators import Generator

from ..digest import Digest
from . import urls
from .export import digest_fields, json_chunks
from .writer import write_bytes_if_changed, write_chunks_if_changed

logger = logging.getLogger(__name__)

CONTEXT_KEY = "NEWS_DIGEST"
PAGE_KEYS = "digest_page_keys"  # page_keys.PageKeys, read by the writer too
LANGS = ("ar", "en")
ENTITY_KINDS = ("person", "place", "organization")


def write_if_changed(path: Path, text: str) -> bool:
    """Write only when the bytes differ, so unchanged files keep their times (cheap deploys)."""
    return write_bytes_if_changed(path, text.encode("utf-8"))


def story_figures(story, digest: Digest, limit: int = 12) -> list[tuple[str, Any]]:
    """The first figures of the story's articles, in timeline order: (article id, figure)."""
    found = [
        (article_id, figure)
        for article_id in story.article_ids
        for figure in digest.by_id[article_id].analysis.figures
    ]
    return found[:limit]


class DigestGenerator(Generator):
    """Writes the English index, entity/source/story pages and digest.json."""

    def generate_context(self) -> None:
        pass  # the digest is built in the article generator's pretaxonomy hook

    def generate_output(self, writer) -> None:
        digest: Digest | None = self.context.get(CONTEXT_KEY)
        if digest is None:
            return
        self._write_translated_index(writer)
        self._write_entities(writer, digest)
        self._write_sources(writer, digest)
        self._write_stories(writer, digest)
        self._write_digest_json(digest, getattr(writer, "render_warnings", {}))

    def _write_translated_index(self, writer) -> None:
        writer.write_file(
            "en/index.html",
            self.get_template("index"),
            self.context,
            paginated={"articles": self.context.get("translations_en", [])},
            template_name="index",
            url="en/",
            page_lang="en",
        )

    def _write_both(
        self,
        writer,
        template: str,
        url_for: Callable[[str], str],
        key_for: Callable[[str], str] | None = None,
        **data: Any,
    ):
        """One page per language at url_for(lang), each pointing at the other. With key_for,
        the page's key (page_keys.py) lets the writer skip a page whose inputs are unchanged."""
        alternates = [(lang, url_for(lang)) for lang in LANGS]
        for lang in LANGS:
            other = url_for("en" if lang == "ar" else "ar")
            keyed = {"page_key": key_for(lang)} if key_for else {}
            writer.write_file(
                url_for(lang) + "index.html",
                self.get_template(template),
                self.context,
                lang=lang,
                alternates=alternates,
                other_url=other,
                **keyed,
                **data,
            )

    def _write_entities(self, writer, digest: Digest) -> None:
        keys = self.context.get(PAGE_KEYS)
        entities = {k: e for k, e in digest.index.entities.items() if digest.index.has_page(k)}
        for key, entry in entities.items():
            self._write_both(
                writer,
                "entity",
                lambda lang, k=key: urls.entity_url(k, lang),
                keys and (lambda lang, e=entry: keys.entity(e, lang)),
                entity=entry,
            )
        for kind in ENTITY_KINDS:
            members = sorted(
                (e for e in entities.values() if e.type == kind),
                key=lambda e: (-len(e.articles), -e.mentions, e.key),
            )
            self._write_both(
                writer,
                "entities",
                lambda lang, k=kind: urls.entity_kind_url(k, lang),
                kind=kind,
                members=members,
            )
        counts = {kind: sum(e.type == kind for e in entities.values()) for kind in ENTITY_KINDS}
        self._write_both(
            writer,
            "entities",
            lambda lang: urls.section_url("entities", lang),
            kind=None,
            counts=counts,
        )

    def _write_sources(self, writer, digest: Digest) -> None:
        sources, keys = digest.index.sources, self.context.get(PAGE_KEYS)
        for key, entry in sources.items():
            self._write_both(
                writer,
                "source",
                lambda lang, k=key: urls.source_url(k, lang),
                keys and (lambda lang, e=entry: keys.source(e, lang)),
                source=entry,
            )
        self._write_both(
            writer,
            "sources",
            lambda lang: urls.section_url("sources", lang),
            sources=list(sources.values()),
        )

    def _write_stories(self, writer, digest: Digest) -> None:
        stories, keys = digest.links.stories, self.context.get(PAGE_KEYS)
        for story in stories:
            figures = story_figures(story, digest)
            self._write_both(
                writer,
                "story",
                lambda lang, k=story.key: urls.story_url(k, lang),
                keys and (lambda lang, s=story, f=figures: keys.story(s, f, lang)),
                story=story,
                figures=figures,
            )
        self._write_both(
            writer, "stories", lambda lang: urls.section_url("stories", lang), stories=stories
        )

    def _write_digest_json(self, digest: Digest, later: dict) -> None:
        url_for = lambda a: urls.article_urls(a.slug, self.settings)  # noqa: E731
        fields = digest_fields(digest, url_for, later)
        path = Path(self.output_path) / "digest.json"
        if write_chunks_if_changed(path, json_chunks(fields)):
            logger.info("Wrote %s", path)
