"""Analysis results cached by content hash under Pelican's CACHE_PATH.

The key is the document's text hash plus a fingerprint of the analysis code and data files and
the settings the analysis reads, so a fresh checkout reuses a cache (no file times involved)
and any change to the code, the gazetteers or the settings invalidates it.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .models import Document
from .settings import DATA_DIR, PACKAGE_DIR

logger = logging.getLogger(__name__)

# The code that decides an Analysis: editing a site or linking module must not throw the cache
# away. Folders count with every module in them, so a new analysis module is covered.
ANALYSIS_CODE = (
    "analysis",
    "arabic.py",
    "models.py",
    "ingest/sentences.py",
    "ingest/isolation.py",
)


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Hash of the analysis code and data: a new version of either is a new cache."""
    digest = hashlib.sha256()
    files: list[Path] = []
    for name in ANALYSIS_CODE:
        path = PACKAGE_DIR / name
        files += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    files += sorted(p for p in DATA_DIR.glob("*") if p.is_file())
    for path in files:
        digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@dataclass(frozen=True)
class AnalysisCache:
    folder: Path | None  # None: caching off

    @classmethod
    def under(cls, cache_path: str | Path | None) -> AnalysisCache:
        if not cache_path:
            return cls(None)
        return cls(Path(cache_path) / "news_digest" / code_fingerprint())

    def key(self, doc: Document, settings_key: str) -> str:
        parts = (doc.content_hash, doc.id, doc.title, settings_key)
        return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()

    def _path(self, key: str) -> Path:
        assert self.folder is not None
        return self.folder / key[:2] / f"{key}.pickle"

    def get(self, key: str):
        if self.folder is None:
            return None
        try:
            with self._path(key).open("rb") as handle:
                return pickle.load(handle)
        except FileNotFoundError:
            return None
        except Exception as err:  # a corrupt entry is a miss: truncated pickles raise anything
            logger.warning("Ignoring unreadable cache entry %s: %s", key[:12], err)
            return None

    def put(self, key: str, value: object) -> None:
        if self.folder is None:
            return
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        # A temporary file of this process's own (two builds may share CACHE_PATH), renamed
        # over the entry: readers see no entry or a whole one, never half of one.
        fd, name = tempfile.mkstemp(prefix=f".{key[:12]}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(name, path)
        except BaseException:
            Path(name).unlink(missing_ok=True)
            raise


def output_cache(settings: Mapping[str, Any], output_path: str, kind: str) -> Path | None:
    """CACHE_PATH/news_digest/<kind>/<output folder hash>: what a build remembers about one
    output folder (page keys, search shards); None when DIGEST_CACHE is off."""
    cache = settings.get("CACHE_PATH")
    if not cache or not settings.get("DIGEST_CACHE", True):
        return None
    folder = hashlib.sha256(str(Path(output_path).resolve()).encode()).hexdigest()[:16]
    return Path(cache) / "news_digest" / kind / folder
