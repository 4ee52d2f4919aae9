"""Optional article metadata: a leading ``Key: value`` block in the seed, or a metadata.csv sidecar.

Only known keys open a block, so a first line such as "وزير الخارجية: …" stays article text.
A value in the seed's own block wins over the sidecar's.
"""

from __future__ import annotations

import csv
import logging
import re
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path

from ..arabic import ascii_digits
from ..models import SeedMeta

logger = logging.getLogger(__name__)

KEY_ALIASES = {
    "title": "title",
    "العنوان": "title",
    "date": "date",
    "published": "date",
    "التاريخ": "date",
    "source": "source",
    "outlet": "source",
    "المصدر": "source",
    "url": "url",
    "link": "url",
    "الرابط": "url",
    "category": "category",
    "القسم": "category",
    "التصنيف": "category",
}
_HEADER_LINE_RE = re.compile(r"^\s*([^\s:]{2,12})\s*:\s*(.*?)\s*$")
_DMY_RE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_SAFE_URL_RE = re.compile(r"^https?://\S+$", re.IGNORECASE)


@dataclass(frozen=True)
class HeaderSplit:
    fields: dict[str, str]
    body: str


def split_header(text: str) -> HeaderSplit:
    """Take a leading block of known ``Key: value`` lines off the text."""
    lines = text.split("\n")
    fields: dict[str, str] = {}
    consumed = 0
    for line in lines:
        match = _HEADER_LINE_RE.match(line)
        key = KEY_ALIASES.get(match.group(1).lower()) if match else None
        if key is None:
            break
        fields.setdefault(key, match.group(2))
        consumed += 1
    if not fields:
        return HeaderSplit({}, text)
    return HeaderSplit(fields, "\n".join(lines[consumed:]).strip("\n"))


def parse_date(value: str) -> datetime | None:
    """ISO 8601, DD/MM/YYYY or RFC 2822 dates; naive results are taken as UTC."""
    value = ascii_digits(value.strip())
    if not value:
        return None
    parsed = _parse_any(value)
    if parsed is not None and parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed


def _parse_any(value: str) -> datetime | None:
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        pass
    dmy = _DMY_RE.match(value)
    if dmy:
        day, month, year = (int(g) for g in dmy.groups())
        try:
            return datetime(year, month, day)
        except ValueError:
            return None
    try:
        return parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def meta_from_fields(fields: dict[str, str], source_file: str) -> SeedMeta:
    date = None
    if fields.get("date"):
        date = parse_date(fields["date"])
        if date is None:
            logger.warning("%s: unreadable date %r ignored", source_file, fields["date"])
    url = fields.get("url") or None
    if url and not _SAFE_URL_RE.match(url):
        # Only http(s) links may reach an href: "javascript:" and friends are data, not links.
        logger.warning("%s: URL %r ignored (only http and https links are kept)", source_file, url)
        url = None
    return SeedMeta(
        title=fields.get("title") or None,
        date=date,
        source=fields.get("source") or None,
        url=url,
        category=fields.get("category") or None,
    )


def merge(primary: SeedMeta, fallback: SeedMeta) -> SeedMeta:
    """Fields of ``primary`` where set, else those of ``fallback``."""
    updates = {
        name: getattr(fallback, name)
        for name in ("title", "date", "source", "url", "category")
        if getattr(primary, name) is None
    }
    return replace(primary, **updates)


def load_sidecar(path: Path | None) -> dict[str, SeedMeta]:
    """Rows of a metadata.csv keyed by seed id (column ``id``, or ``file`` without .txt)."""
    if path is None or not path.is_file():
        return {}
    table: dict[str, SeedMeta] = {}
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            seed_id = (row.get("id") or Path(row.get("file") or "").stem).strip()
            if seed_id:
                fields = {k: (row.get(k) or "").strip() for k in set(KEY_ALIASES.values())}
                table[seed_id] = meta_from_fields(fields, f"{path.name} row {seed_id}")
    logger.info("Read metadata for %d seeds from %s", len(table), path)
    return table
