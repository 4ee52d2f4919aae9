"""Ingest: find the seed files, decode them, clean the text, and skip what is not an article.

Every file in the seeds folder ends up either as a ``SeedText`` or as a ``Skipped`` with the
reason, so nothing is dropped without a word.
"""

from __future__ import annotations

import codecs
import hashlib
import logging
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..arabic import arabic_letter_count, compatibility_fold
from ..models import Skipped
from ..settings import DEFAULT_MAX_BYTES

logger = logging.getLogger(__name__)

# News articles are a few kilobytes; a seed over a megabyte is a dump or a mistake.
# An "Arabic" article with fewer Arabic letters than this is not one (a stray English note).
MIN_ARABIC_LETTERS = 20
SIDECAR_NAMES = frozenset({"metadata.csv"})

_SPACE_LIKE = (
    "\u00a0\u2007\u202f\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u205f\u3000"
)
# Zero-width and bidi controls: invisible, and able to reorder a page around them.
_INVISIBLE = (
    "\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff\u061c"
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u00ad"
)
_CLEAN_TABLE = str.maketrans(
    {**{c: " " for c in _SPACE_LIKE}, **{c: None for c in _INVISIBLE}, "\t": " "}
)
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SPACES_RE = re.compile(r"[ ]{2,}")


@dataclass(frozen=True)
class SeedText:
    """A seed that decoded to usable text."""

    path: Path
    source_file: str
    id: str
    text: str  # cleaned: LF line ends, no invisible controls, NFC
    encoding: str
    content_hash: str


@dataclass(frozen=True)
class IngestResult:
    seeds: tuple[SeedText, ...]
    skipped: tuple[Skipped, ...]


class SeedError(ValueError):
    """A seed that cannot become an article; the message is the reason shown to the user."""


def list_seed_files(folder: Path) -> list[Path]:
    """Every regular file in the folder (not hidden, not the metadata sidecar), sorted by name."""
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file() and not p.name.startswith(".") and p.name not in SIDECAR_NAMES
    )


def decode(raw: bytes) -> tuple[str, str]:
    """Decode UTF-8 (BOM or not), UTF-16 with BOM, or Windows-1256; return (text, codec)."""
    if raw.startswith(codecs.BOM_UTF8):
        return _strict(raw[3:], "utf-8"), "utf-8-sig"
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(raw, "utf-16"), "utf-16"
    if b"\x00" in raw:
        raise SeedError("binary file (NUL bytes)")
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    text = _strict(raw, "cp1256")
    if arabic_letter_count(text) < MIN_ARABIC_LETTERS:
        raise SeedError("undecodable: neither UTF-8, UTF-16 with BOM, nor Windows-1256 Arabic")
    return text, "cp1256"


def _strict(raw: bytes, codec: str) -> str:
    try:
        return raw.decode(codec)
    except UnicodeDecodeError as err:
        raise SeedError(f"undecodable as {codec} (byte {err.start})") from None


def clean_text(text: str) -> str:
    """LF line ends, NFC, ordinary spaces; no zero-width, bidi or other control characters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n\n").replace("\u0085", "\n")
    text = compatibility_fold(unicodedata.normalize("NFC", text))
    text = _CONTROL_RE.sub("", text.translate(_CLEAN_TABLE))
    lines = (_SPACES_RE.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(lines).strip()


_LINE_BREAKS = str.maketrans("", "", "\n\r\t")


def _looks_binary(text: str) -> bool:
    # Decoded text that is mostly symbols and controls is a binary file that happened to decode.
    sample = text[:4096]
    if sample.translate(_LINE_BREAKS).isprintable():  # the usual case, decided in C
        return False
    odd = sum(
        1
        for c in sample
        if c not in "\n\r\t" and unicodedata.category(c) in {"Cc", "Co", "Cn", "Cs"}
    )
    return odd > len(sample) * 0.05


def read_seed(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> SeedText:
    """Read and check one seed; raise SeedError with the reason when it is not an article."""
    if path.suffix.lower() != ".txt":
        raise SeedError(f"not a .txt file (suffix {path.suffix or 'none'!r})")
    size = path.stat().st_size
    if size == 0:
        raise SeedError("empty file")
    if size > max_bytes:
        raise SeedError(f"too large: {size} bytes, limit {max_bytes} (DIGEST_MAX_SEED_BYTES)")
    raw_text, codec = decode(path.read_bytes())
    if _looks_binary(raw_text):
        raise SeedError("binary file (control characters)")
    text = clean_text(raw_text)
    if not text:
        raise SeedError("empty after removing white space and control characters")
    if arabic_letter_count(text) < MIN_ARABIC_LETTERS:
        raise SeedError("no Arabic text")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return SeedText(path, path.name, path.stem, text, codec, digest)


def ingest_files(paths: Iterable[Path], max_bytes: int = DEFAULT_MAX_BYTES) -> IngestResult:
    """Read seeds in name order; later exact duplicates of an earlier seed are skipped."""
    seeds: list[SeedText] = []
    skipped: list[Skipped] = []
    first_by_hash: dict[str, str] = {}
    for path in sorted(paths, key=lambda p: p.name):
        try:
            seed = read_seed(path, max_bytes)
        except (SeedError, OSError) as err:
            skipped.append(_skip(path.name, str(err)))
            continue
        original = first_by_hash.setdefault(seed.content_hash, seed.source_file)
        if original != seed.source_file:
            skipped.append(_skip(path.name, f"exact duplicate of {original}"))
            continue
        seeds.append(seed)
    return IngestResult(tuple(seeds), tuple(skipped))


def ingest_folder(folder: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> IngestResult:
    if not folder.is_dir():
        raise FileNotFoundError(f"seeds folder not found: {folder} (DIGEST_SEEDS_PATH)")
    return ingest_files(list_seed_files(folder), max_bytes)


def _skip(source_file: str, reason: str) -> Skipped:
    logger.warning("Skipping seed %s: %s", source_file, reason)
    return Skipped(source_file, reason)
