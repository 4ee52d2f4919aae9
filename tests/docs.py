"""Documents for extractor tests: built from paragraphs, or from a seed file."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from news_digest.ingest.structure import build_document, split_into_sentences
from news_digest.models import Document, Sentence


def doc_of(*paragraphs: str, read_also: tuple[str, ...] = ()) -> Document:
    sentences = split_into_sentences(paragraphs)
    return Document("t", "t.txt", "t", True, tuple(paragraphs), sentences, read_also)


def titled_doc(title: str, *sentences: str) -> Document:
    """A document with a real title and one sentence per paragraph (headline tests)."""
    return Document(
        id="t",
        source_file="t.txt",
        title=title,
        title_derived=False,
        paragraphs=tuple(sentences),
        sentences=tuple(Sentence(s, i) for i, s in enumerate(sentences)),
        read_also=(),
    )


def seed(seeds_dir: Path, prefix: str) -> Document:
    path = next(seeds_dir.glob(f"{prefix}_*.txt"))
    return build_document(path.stem, path.read_text(encoding="utf-8"))


def _best_time(work: Callable[[], object], repeats: int = 3) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def growth_ratio(extract: Callable[[Document], object], paragraph: str, factor: int = 10) -> float:
    """Time on `factor` times the text over time on the text, divided by `factor`.

    About 1 for linear work; catastrophic regex backtracking shows up as a large ratio. A
    ratio against a baseline of the same run, never an absolute time (machines differ).
    """
    small, big = doc_of(*[paragraph] * 5), doc_of(*[paragraph] * (5 * factor))
    extract(small)  # warm the lazily loaded tables
    return _best_time(lambda: extract(big)) / max(_best_time(lambda: extract(small)), 1e-6) / factor
