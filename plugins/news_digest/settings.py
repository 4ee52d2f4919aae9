"""The plugin's settings: flat DIGEST_* names in pelicanconf.py, read once into a typed record."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

# Where the plugin's code and its data files live (data/README.md lists the files).
PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "data"
# Seeds larger than this are skipped (DIGEST_MAX_SEED_BYTES).
DEFAULT_MAX_BYTES = 1_000_000


DEFAULTS: dict[str, Any] = {
    "DIGEST_SEEDS_PATH": "seeds",
    "DIGEST_METADATA_CSV": None,  # default: metadata.csv inside the seeds folder, when present
    "DIGEST_STRICT": False,
    "DIGEST_MAX_SEED_BYTES": DEFAULT_MAX_BYTES,
    # Undated articles sort (and appear in feeds) at this instant; pages say "date unknown".
    "DIGEST_DEFAULT_DATE": "2000-01-01T00:00:00+00:00",
    "DIGEST_SUMMARY_SENTENCES": 3,
    "DIGEST_RELATED_MAX": 5,
    "DIGEST_ARABIC_DIGITS": False,
    "DIGEST_TRANSLATOR": None,
    # Folder of a CTranslate2 + SentencePiece Arabic->English model (docs/translation.md).
    "DIGEST_TRANSLATION_MODEL": None,
    "DIGEST_WORKERS": 0,  # 0: one per available core
    "DIGEST_ENTITY_PAGE_MIN_ARTICLES": 2,  # kept articles an entity needs for a page of its own
    "DIGEST_CACHE": True,  # analysis results under CACHE_PATH, keyed by content hash
}


@dataclass(frozen=True)
class DigestSettings:
    seeds_path: Path
    metadata_csv: Path | None
    strict: bool
    max_seed_bytes: int
    default_date: datetime
    summary_sentences: int
    related_max: int
    arabic_digits: bool
    translator: str | None
    workers: int
    cache: bool
    entity_page_min_articles: int = 2
    translation_model: Path | None = None

    @classmethod
    def from_mapping(cls, settings: Mapping[str, Any]) -> DigestSettings:
        """Read DIGEST_* values (missing ones take DEFAULTS); relative paths are from the cwd."""
        value = {key: settings.get(key, default) for key, default in DEFAULTS.items()}
        seeds = Path(value["DIGEST_SEEDS_PATH"]).expanduser().absolute()
        return cls(
            seeds_path=seeds,
            metadata_csv=_sidecar(value["DIGEST_METADATA_CSV"], seeds),
            strict=bool(value["DIGEST_STRICT"]),
            max_seed_bytes=int(value["DIGEST_MAX_SEED_BYTES"]),
            default_date=_aware(datetime.fromisoformat(value["DIGEST_DEFAULT_DATE"])),
            summary_sentences=min(4, max(2, int(value["DIGEST_SUMMARY_SENTENCES"]))),
            related_max=max(0, int(value["DIGEST_RELATED_MAX"])),
            arabic_digits=bool(value["DIGEST_ARABIC_DIGITS"]),
            translator=value["DIGEST_TRANSLATOR"] or None,
            workers=int(value["DIGEST_WORKERS"]) or len(os.sched_getaffinity(0)),
            cache=bool(value["DIGEST_CACHE"]),
            entity_page_min_articles=max(1, int(value["DIGEST_ENTITY_PAGE_MIN_ARTICLES"])),
            translation_model=_optional_path(value["DIGEST_TRANSLATION_MODEL"]),
        )


def _sidecar(value: str | None, seeds: Path) -> Path | None:
    if value:
        return Path(value).expanduser().absolute()
    default = seeds / "metadata.csv"
    return default if default.is_file() else None


def _optional_path(value: str | Path | None) -> Path | None:
    return Path(value).expanduser().absolute() if value else None


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
