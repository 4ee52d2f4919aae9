"""Site output, part two: the pages Pelican does not make itself, and digest.json."""

from __future__ import annotations

import logging
from pathlib import Path

from pelican.generators import Generator

from .export import digest_record, to_json
from .pipeline import Digest
from .urls import article_urls

logger = logging.getLogger(__name__)

CONTEXT_KEY = "NEWS_DIGEST"


def write_if_changed(path: Path, text: str) -> bool:
    """Write only when the bytes differ, so unchanged files keep their times (cheap deploys)."""
    data = text.encode("utf-8")
    if path.is_file() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


class DigestGenerator(Generator):
    """Writes the English index, and digest.json, from the digest the article hook built."""

    def generate_context(self) -> None:
        pass  # the digest is built in the article generator's pretaxonomy hook

    def generate_output(self, writer) -> None:
        digest: Digest | None = self.context.get(CONTEXT_KEY)
        if digest is None:
            return
        self._write_translated_index(writer)
        self._write_digest_json(digest)

    def _write_translated_index(self, writer) -> None:
        translations = [a for a in self.context.get("translations_en", [])]
        template = self.get_template("index")
        writer.write_file(
            "en/index.html",
            template,
            self.context,
            paginated={"articles": translations},
            template_name="index",
            url="en/",
            page_lang="en",
        )

    def _write_digest_json(self, digest: Digest) -> None:
        record = digest_record(digest, lambda a: article_urls(a.slug, self.settings))
        path = Path(self.output_path) / "digest.json"
        if write_if_changed(path, to_json(record)):
            logger.info("Wrote %s", path)
