"""The whole digest, stage by stage: ingest -> structure -> analysis -> linking.

Pelican-free, so the command line, the tests and the benchmarks run exactly what the build runs.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from slugify import slugify

from .ingest import SeedText, ingest_files, ingest_folder
from .metadata import load_sidecar, merge, meta_from_fields, split_header
from .models import Document, SeedMeta, Skipped
from .settings import DigestSettings
from .structure import build_document

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class DigestArticle:
    doc: Document
    slug: str


@dataclass(frozen=True)
class Digest:
    articles: tuple[DigestArticle, ...]  # in seed file name order
    skipped: tuple[Skipped, ...]


def document_from_seed(seed: SeedText, sidecar: SeedMeta | None = None) -> Document:
    """Structure one decoded seed: header block, sidecar metadata, then the text itself."""
    header = split_header(seed.text)
    meta = meta_from_fields(header.fields, seed.source_file)
    if sidecar is not None:
        meta = merge(meta, sidecar)
    return build_document(
        seed.id,
        header.body,
        meta=meta,
        source_file=seed.source_file,
        content_hash=seed.content_hash,
        encoding=seed.encoding,
    )


def assign_slugs(ids: list[str]) -> dict[str, str]:
    """Stable, URL-safe slugs from seed ids; clashes get -2, -3 … in id order."""
    slugs: dict[str, str] = {}
    taken: set[str] = set()
    for doc_id in sorted(ids):
        base = slugify(doc_id, max_length=80) or "article"
        slug, n = base, 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        taken.add(slug)
        slugs[doc_id] = slug
    return slugs


def build_digest(settings: DigestSettings) -> Digest:
    ingested = ingest_folder(settings.seeds_path, settings.max_seed_bytes)
    return _digest_from(ingested.seeds, ingested.skipped, settings)


def build_digest_from_files(paths: list[Path], settings: DigestSettings) -> Digest:
    ingested = ingest_files(paths, settings.max_seed_bytes)
    return _digest_from(ingested.seeds, ingested.skipped, settings)


def _digest_from(
    seeds: tuple[SeedText, ...], skipped: tuple[Skipped, ...], settings: DigestSettings
) -> Digest:
    sidecar = load_sidecar(settings.metadata_csv)
    docs = [document_from_seed(seed, sidecar.get(seed.id)) for seed in seeds]
    slugs = assign_slugs([doc.id for doc in docs])
    articles = tuple(DigestArticle(doc, slugs[doc.id]) for doc in docs)
    logger.info("Digest: %d articles, %d seeds skipped", len(articles), len(skipped))
    return Digest(articles, skipped)
