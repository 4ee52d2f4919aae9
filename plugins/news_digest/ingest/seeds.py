"""Ingest: find the seed files, decode them, clean the text, and skip what is not an article.

Every file in the seeds folder ends up either as a ``SeedText`` or as a ``Skipped`` with the
reason, so nothing is dropped without a word.
"""

from __future__ import annotations

import codecs
import hashlib
import html
import logging
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..arabic import arabic_letter_count, compatibility_fold
from ..models import Skipped
from ..settings import DEFAULT_MAX_BYTES
from .files import UnsafeSeed, is_candidate, read_bytes_safely
from .isolation import StageWarning, describe, note

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
    warnings: tuple[StageWarning, ...] = ()  # repaired on the way in (invalid UTF-8 bytes)


@dataclass(frozen=True)
class IngestResult:
    seeds: tuple[SeedText, ...]
    skipped: tuple[Skipped, ...]


class SeedError(ValueError):
    """A seed that cannot become an article; the message is the reason shown to the user."""


def list_seed_files(folder: Path) -> list[Path]:
    """Every entry of the folder that is a seed or gets a reason for not being one (files,
    symlinks, FIFOs, devices; not hidden names, sub-folders or the sidecar), sorted by name."""
    return sorted(p for p in folder.iterdir() if p.name not in SIDECAR_NAMES and is_candidate(p))


# A well-formed UTF-8 sequence of two to four bytes (RFC 3629: no overlongs, no surrogates).
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
# Bytes "look like UTF-8" when at least this share of their non-ASCII sequences are valid
# UTF-8. Windows-1256 Arabic letters are bytes 0xC1-0xFE, which UTF-8 reads as lead bytes
# followed by another lead byte: almost none of its sequences are valid, so the two never meet.
UTF8_MIN_VALID_SHARE = 0.9


def decode(raw: bytes) -> tuple[str, str]:
    """Decode UTF-8 (BOM or not), UTF-16 with BOM, or Windows-1256; return (text, codec)."""
    text, codec, _ = decode_counted(raw)
    return text, codec


def decode_counted(raw: bytes) -> tuple[str, str, int]:
    """decode(), and how many invalid UTF-8 sequences were replaced with U+FFFD."""
    if raw.startswith(codecs.BOM_UTF8):
        return _utf8_lenient(raw[3:], "utf-8-sig")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(raw, "utf-16"), "utf-16", 0
    if b"\x00" in raw:
        raise SeedError("binary file (NUL bytes)")
    try:
        return raw.decode("utf-8"), "utf-8", 0
    except UnicodeDecodeError:
        pass
    text, replaced = _replaced_utf8(raw)
    valid = len(_UTF8_MULTIBYTE.findall(raw))
    if valid and valid >= UTF8_MIN_VALID_SHARE * (valid + replaced):
        return text, "utf-8", replaced
    text = _strict(raw, "cp1256")
    if arabic_letter_count(text) < MIN_ARABIC_LETTERS:
        raise SeedError("undecodable: neither UTF-8, UTF-16 with BOM, nor Windows-1256 Arabic")
    return text, "cp1256", 0


def _utf8_lenient(raw: bytes, codec: str) -> tuple[str, str, int]:
    # A BOM says UTF-8 outright: invalid bytes in it are damage, never another encoding.
    text, replaced = _replaced_utf8(raw)
    return text, codec, replaced


def _replaced_utf8(raw: bytes) -> tuple[str, int]:
    text = raw.decode("utf-8", errors="replace")
    return text, text.count("\ufffd") - raw.count("\ufffd".encode())


def _strict(raw: bytes, codec: str) -> str:
    try:
        return raw.decode(codec)
    except UnicodeDecodeError as err:
        raise SeedError(f"undecodable as {codec} (byte {err.start})") from None


def clean_text(text: str) -> str:
    """LF line ends, NFC, ordinary spaces; no zero-width, bidi or other control characters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n\n").replace("\u0085", "\n")
    # Controls go before NFC: removed from between two combining marks, they would leave
    # marks that only a second cleaning puts in canonical order (found by tests/test_fuzz.py).
    text = _CONTROL_RE.sub("", text.translate(_CLEAN_TABLE))
    text = unicodedata.normalize("NFC", compatibility_fold(unicodedata.normalize("NFC", text)))
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


def read_seed(path: Path, max_bytes: int = DEFAULT_MAX_BYTES, root: Path | None = None) -> SeedText:
    """Read and check one seed; raise SeedError with the reason when it is not an article.

    With ``root`` (the seeds folder), a symlink leading outside it is refused."""
    if path.suffix.lower() != ".txt":
        raise SeedError(f"not a .txt file (suffix {path.suffix or 'none'!r})")
    raw = read_bytes_safely(path, max_bytes, root)
    if not raw:
        raise SeedError("empty file")
    if len(raw) > max_bytes:
        size = max(len(raw), path.stat().st_size)
        raise SeedError(f"too large: {size} bytes, limit {max_bytes} (DIGEST_MAX_SEED_BYTES)")
    raw_text, codec, replaced = decode_counted(raw)
    if _looks_binary(raw_text):
        raise SeedError("binary file (control characters)")
    # Scraped text carries HTML character references (&quot; &#1605;): decoded here, once;
    # the result is still data, escaped again wherever it is output.
    text = clean_text(html.unescape(raw_text))
    if not text:
        raise SeedError("empty after removing white space and control characters")
    if arabic_letter_count(text) < MIN_ARABIC_LETTERS:
        raise SeedError("no Arabic text")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    warnings = ()
    if replaced:
        message = f"{replaced} invalid UTF-8 byte sequence(s) replaced with U+FFFD"
        warnings = (StageWarning("decode", message),)
        note(path.name, warnings[0], None)
    return SeedText(path, path.name, path.stem, text, codec, digest, warnings)


def ingest_files(
    paths: Iterable[Path], max_bytes: int = DEFAULT_MAX_BYTES, root: Path | None = None
) -> IngestResult:
    """Read seeds in name order; later exact duplicates of an earlier seed are skipped."""
    seeds: list[SeedText] = []
    skipped: list[Skipped] = []
    first_by_hash: dict[str, str] = {}
    for path in sorted(paths, key=lambda p: p.name):
        try:
            seed = read_seed(path, max_bytes, root)
        except (SeedError, UnsafeSeed, OSError) as err:
            skipped.append(_skip(path.name, str(err)))
            continue
        except Exception as err:  # a defect in decoding one seed must not stop the rest
            skipped.append(_skip(path.name, f"decode failed: {describe(err)}"))
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
    return ingest_files(list_seed_files(folder), max_bytes, folder)


def _skip(source_file: str, reason: str) -> Skipped:
    logger.warning("Skipping seed %s: %s", source_file, reason)
    return Skipped(source_file, reason)
