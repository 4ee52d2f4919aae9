"""Per-stage progress for long builds: a live bar on a terminal, silence in logs and CI."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

# Below this many items a stage finishes before a bar would be worth drawing.
MIN_ITEMS = 200


def _interactive() -> bool:
    return sys.stderr.isatty()


@contextmanager
def stage(description: str, total: int) -> Iterator[Callable[[int], None]]:
    """Yield ``advance(n)``; draws a bar only on a terminal and for long stages."""
    if total < MIN_ITEMS or not _interactive():
        yield lambda n=1: None
        return
    from rich.progress import Progress  # Pelican's own console library

    with Progress(transient=False) as bar:
        task = bar.add_task(description, total=total)
        yield lambda n=1: bar.advance(task, n)
