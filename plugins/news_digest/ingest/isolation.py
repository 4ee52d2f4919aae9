"""Fault isolation: one seed's defect costs that seed (or one of its fields), never the build.

Every per-seed step runs through ``safely``: an exception is logged with the file, the stage
and the error, noted as a ``StageWarning`` for digest.json, and the stage's fallback is used
instead. Callers decide what a fallback means: an empty field, or skipping the seed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

logger = logging.getLogger(__name__)

T = TypeVar("T")


@dataclass(frozen=True)
class StageWarning:
    """A stage that failed (or repaired its input) for one seed; listed in digest.json."""

    stage: str
    message: str

    def __str__(self) -> str:
        return f"{self.stage}: {self.message}"


def describe(error: BaseException) -> str:
    """The error as one short line: its type and message (a 100k-character message is cut)."""
    text = f"{type(error).__name__}: {error}".replace("\n", " ")
    return text if len(text) <= 300 else text[:297] + "..."


def safely(
    stage: str,
    source_file: str,
    fn: Callable[[], T],
    fallback: T,
    warnings: list[StageWarning] | None = None,
) -> T:
    """fn(), or ``fallback`` with a warning when it raises any Exception."""
    try:
        return fn()
    except Exception as error:  # containing any defect is the point
        note(source_file, StageWarning(stage, "failed: " + describe(error)), warnings)
        return fallback


def note(source_file: str, warning: StageWarning, warnings: list[StageWarning] | None) -> None:
    logger.warning("Seed %s: %s: %s", source_file, warning.stage, warning.message)
    if warnings is not None:
        warnings.append(warning)
