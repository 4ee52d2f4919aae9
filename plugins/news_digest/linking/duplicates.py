"""Near-duplicate detection: agency copy republished almost word for word by several outlets.

Each body becomes a set of hashed word n-gram shingles (folded tokens, function words kept: a
verbatim copy repeats them too). Shingles carried by very many documents are boilerplate ("said
in a statement that ...") and are dropped, which also keeps the sparse product ``B @ B.T`` to
about ``max_df`` entries per shingle: the cost grows linearly with the corpus, not with its square.
Two bodies are duplicates when most of the shorter one's shingles occur in the longer one.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import numpy as np
import scipy.sparse as sp

logger = logging.getLogger(__name__)

_PRIME = np.uint64(1_000_003)  # rolling-hash base; uint64 arithmetic wraps deterministically


@dataclass(frozen=True)
class DuplicateSettings:
    shingle_words: int = 5  # 5-word shingles: long enough that shared ones mean copied prose
    min_containment: float = 0.5  # share of the shorter body's shingles found in the other
    min_coverage: float = 0.3  # share of the longer body: a short item inside a long roundup
    #                             is quoted, not republished
    min_shared: int = 8  # ignore overlaps of a few shingles between very short bodies
    max_df: int = 60  # shingles in more documents than this are boilerplate, not copy
    chunk: int = 2048


@dataclass(frozen=True)
class DuplicateGroups:
    duplicate_of: dict[int, int]  # row -> kept row (earliest date, then smallest id)
    groups: dict[int, tuple[int, ...]]  # kept row -> its duplicates' rows, in (date, id) order
    group_of: np.ndarray  # row -> kept row (a row is its own group when it has no duplicate)
    pairs: tuple[tuple[int, int, float], ...]  # detected pairs (i < j) with their containment


def token_ids(docs: Sequence[Sequence[str]]) -> list[np.ndarray]:
    """Each document's tokens as integer ids, assigned in first-seen order (deterministic)."""
    ids: dict[str, int] = {}
    return [
        np.fromiter((ids.setdefault(t, len(ids) + 1) for t in doc), np.uint64, len(doc))
        for doc in docs
    ]


def shingles(ids: np.ndarray, width: int) -> np.ndarray:
    """Distinct rolling hashes of the ``width``-token windows (the whole text if shorter)."""
    if ids.size == 0:
        return ids
    width = min(width, ids.size)
    count = ids.size - width + 1
    h = np.zeros(count, np.uint64)
    for offset in range(width):
        h = h * _PRIME + ids[offset : offset + count]
    return np.unique(h)


def shingle_matrix(docs: Sequence[Sequence[str]], settings: DuplicateSettings) -> sp.csr_matrix:
    """Binary document x shingle matrix without boilerplate shingles."""
    sets = [shingles(ids, settings.shingle_words) for ids in token_ids(docs)]
    lengths = np.fromiter((s.size for s in sets), np.int64, len(sets))
    if lengths.sum() == 0:
        return sp.csr_matrix((len(docs), 0), dtype=np.float32)
    flat = np.concatenate(sets)
    _, column = np.unique(flat, return_inverse=True)
    rows = np.repeat(np.arange(len(sets)), lengths)
    data = np.ones(flat.size, np.float32)
    matrix = sp.csr_matrix((data, (rows, column)), shape=(len(sets), int(column.max()) + 1))
    df = np.asarray(matrix.sum(axis=0)).ravel()
    keep = np.flatnonzero(df <= settings.max_df)
    return matrix[:, keep].tocsr()


def candidate_pairs(
    matrix: sp.csr_matrix, settings: DuplicateSettings
) -> list[tuple[int, int, float]]:
    """Pairs (i < j) whose shared shingles pass both thresholds, with their containment."""
    sizes = np.asarray(matrix.sum(axis=1)).ravel()
    right = matrix.T.tocsc()
    found: list[tuple[int, int, float]] = []
    for start in range(0, matrix.shape[0], settings.chunk):
        block = (matrix[start : start + settings.chunk] @ right).tocoo()
        i = block.row + start
        j = block.col
        shared = block.data
        upper = (i < j) & (shared >= settings.min_shared)
        i, j, shared = i[upper], j[upper], shared[upper]
        containment = shared / np.maximum(np.minimum(sizes[i], sizes[j]), 1)
        coverage = shared / np.maximum(np.maximum(sizes[i], sizes[j]), 1)
        ok = (containment >= settings.min_containment) & (coverage >= settings.min_coverage)
        found.extend(zip(i[ok].tolist(), j[ok].tolist(), containment[ok].tolist(), strict=True))
    found.sort()
    return found


def detect(
    docs: Sequence[Sequence[str]],
    ids: Sequence[str],
    dates: Sequence[datetime | None],
    settings: DuplicateSettings = DuplicateSettings(),
) -> DuplicateGroups:
    """Group near-duplicate bodies around a kept article and map the others to it."""
    pairs = candidate_pairs(shingle_matrix(docs, settings), settings)
    order = sorted(range(len(docs)), key=lambda r: timeline_key(dates[r], ids[r]))
    kept_of = leaders(order, pairs)
    group_of = np.arange(len(docs))
    members: dict[int, list[int]] = {}
    for row in order:  # timeline order, so each group lists its copies by (date, id)
        if kept_of[row] != row:
            members.setdefault(kept_of[row], []).append(row)
            group_of[row] = kept_of[row]
    groups = {k: tuple(v) for k, v in sorted(members.items())}
    duplicate_of = {r: k for k, v in groups.items() for r in v}
    logger.info("near-duplicates: %d pairs, %d groups", len(pairs), len(groups))
    return DuplicateGroups(duplicate_of, groups, group_of, tuple(pairs))


def leaders(order: Sequence[int], pairs: Sequence[tuple[int, int, float]]) -> dict[int, int]:
    """Row -> kept row, by leader clustering in timeline order.

    An article joins the earlier kept article it overlaps most; if it overlaps no kept article
    it is kept itself. Unlike connected components this never chains: a roundup that quotes two
    unrelated items cannot merge them, and every copy overlaps its kept article directly.
    """
    rank = {row: n for n, row in enumerate(order)}
    partners: dict[int, list[tuple[int, float]]] = {}
    for i, j, c in pairs:
        first, later = (i, j) if rank[i] < rank[j] else (j, i)
        partners.setdefault(later, []).append((first, c))
    kept_of: dict[int, int] = {}
    for row in order:
        options = [(-c, rank[k], k) for k, c in partners.get(row, ()) if kept_of[k] == k]
        kept_of[row] = min(options)[2] if options else row
    return kept_of


def timeline_key(date: datetime | None, ident: str) -> tuple[int, str, str]:
    """Sort key: dated articles first by date, undated ones after them, then by id."""
    if date is None:
        return (1, "", ident)
    return (0, date.isoformat(), ident)
