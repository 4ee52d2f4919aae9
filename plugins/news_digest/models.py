"""Typed records that flow between the ingest, analysis, linking and site stages.

Each analysis stage owns the record type of its own result (``entities.Entity``,
``figures.Figure`` …); this module holds what the ingest produces and every stage reads.
All records are frozen: a stage returns new data, it never edits what an earlier stage made.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class SeedMeta:
    """Optional metadata from a leading ``Key: value`` block or the folder's metadata.csv."""

    title: str | None = None
    date: datetime | None = None
    source: str | None = None
    url: str | None = None
    category: str | None = None


@dataclass(frozen=True)
class Sentence:
    text: str
    paragraph: int  # index into Document.paragraphs


@dataclass(frozen=True)
class Document:
    """One seed after ingest: clean text split into paragraphs and sentences."""

    id: str  # the seed's file name without .txt
    source_file: str  # the seed's file name
    title: str
    title_derived: bool  # True when the seed had no title line and we made one
    paragraphs: tuple[str, ...]
    sentences: tuple[Sentence, ...]
    read_also: tuple[str, ...]
    meta: SeedMeta = field(default_factory=SeedMeta)
    content_hash: str = ""  # sha256 of the decoded, cleaned text: the cache and duplicate key
    encoding: str = "utf-8"

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


@dataclass(frozen=True)
class Skipped:
    """A seed that did not become an article, and why."""

    source_file: str
    reason: str
