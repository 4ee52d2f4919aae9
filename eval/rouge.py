"""ROUGE-1, ROUGE-2 and ROUGE-L F1 for Arabic, written for this project.

Both sides are folded first (أ/إ/آ→ا, ى→ي, ة→ه, no tashkeel or tatweel: ``arabic.fold``, the
normalisation EASC applied to its summaries) and cut into tokens of Arabic letters and digits
(Arabic-Indic digits read as ASCII). No stemming and no stopword removal. ROUGE-L is the plain
LCS of the two token sequences (not the per-sentence union LCS of ROUGE-1.5.5's summary level).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from news_digest.arabic import ARABIC_LETTER_CLASS, ascii_digits, fold

_TOKEN_RE = re.compile(f"[{ARABIC_LETTER_CLASS}0-9]+")


@dataclass(frozen=True)
class Rouge:
    r1: float
    r2: float
    rl: float


def rouge_tokens(text: str) -> list[str]:
    return _TOKEN_RE.findall(ascii_digits(fold(text)))


def _f1(overlap: float, candidate: int, reference: int) -> float:
    if overlap <= 0 or candidate == 0 or reference == 0:
        return 0.0
    precision, recall = overlap / candidate, overlap / reference
    return 2 * precision * recall / (precision + recall)


def _ngram_f1(candidate: list[str], reference: list[str], n: int) -> float:
    cand = Counter(tuple(candidate[i : i + n]) for i in range(len(candidate) - n + 1))
    ref = Counter(tuple(reference[i : i + n]) for i in range(len(reference) - n + 1))
    overlap = sum((cand & ref).values())  # clipped counts
    return _f1(overlap, sum(cand.values()), sum(ref.values()))


def lcs_length(a: list[str], b: list[str]) -> int:
    """Length of the longest common subsequence, O(len(a) * len(b)) time, O(len(b)) space."""
    previous = [0] * (len(b) + 1)
    for token in a:
        current = [0]
        for j, other in enumerate(b, start=1):
            current.append(previous[j - 1] + 1 if token == other else max(previous[j], current[-1]))
        previous = current
    return previous[-1]


def rouge(candidate: str, reference: str) -> Rouge:
    cand, ref = rouge_tokens(candidate), rouge_tokens(reference)
    return Rouge(
        _ngram_f1(cand, ref, 1),
        _ngram_f1(cand, ref, 2),
        _f1(lcs_length(cand, ref), len(cand), len(ref)),
    )


def rouge_multi(candidate: str, references: list[str]) -> Rouge:
    """Average of the scores against each reference (not the max: every annotator counts)."""
    scores = [rouge(candidate, ref) for ref in references]
    n = len(scores) or 1
    return Rouge(
        sum(s.r1 for s in scores) / n,
        sum(s.r2 for s in scores) / n,
        sum(s.rl for s in scores) / n,
    )
