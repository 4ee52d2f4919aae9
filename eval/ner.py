"""The trained NER model (``analysis.entities.tagger``) measured in-corpus and cross-corpus.

Run from the repository root: ``python eval/ner.py``.

Measure: exact-span, exact-type mention P/R/F1 (the CoNLL measure: a predicted mention counts
only when its first token, last token and type all equal a gold mention's), per type (PER, LOC,
ORG) and overall, micro-averaged over mentions, on
- (a) NewsFANE TEST: the held-out part of ``tools/train_ner.py``'s fixed split (never trained or
  tuned on); the DEV part, used for tuning, is printed beside it;
- (b) ANERcorp (``../shared/corpus/anercorp``, CAMeL Lab test split): CoNLL IOB2 with PERS, LOC,
  ORG and MISC; MISC is ignored (read as O). A test set only: never trained or tuned on.
Sentences are tagged as the files tokenise them (one sentence at a time). Tagging speed is
printed as ms per 1,000 tokens (features and Viterbi, model already loaded), beside the time
of a baseline pass over the same tokens that only folds them (``arabic.fold``), same run.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT / "tools"))

from news_digest.analysis.entities.decoder import tag  # noqa: E402
from news_digest.analysis.entities.tagger import load_lexicon, load_tagger, token_features  # noqa: E402
from news_digest.arabic import fold  # noqa: E402
from train_ner import NEWSFANE, Sentence, newsfane_parts, score  # noqa: E402

ANERCORP = ROOT.parent / "shared" / "corpus" / "anercorp" / "ANERCorp_CamelLab_test.dev.txt"
ANER_TYPES = {"PERS": "PER", "LOC": "LOC", "ORG": "ORG"}
TARGET_F1 = 0.80


def read_anercorp(path: Path = ANERCORP) -> list[Sentence]:
    """Sentences of (token, IOB2 tag in PER/LOC/ORG, MISC as O)."""
    sentences: list[Sentence] = []
    current: Sentence = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        fields = line.split()
        if not fields:
            if current:
                sentences.append(current)
            current = []
            continue
        if len(fields) != 2:
            print(f"{path}:{number}: not 'token tag', skipped: {line!r}", file=sys.stderr)
            continue
        prefix, _, kind = fields[1].partition("-")
        mapped = ANER_TYPES.get(kind)
        current.append((fields[0], f"{prefix}-{mapped}" if mapped else "O"))
    if current:
        sentences.append(current)
    return sentences


def measure(sentences: Sequence[Sentence]) -> tuple[dict[str, tuple], float, float]:
    """Scores, tagging ms per 1,000 tokens, baseline (fold only) ms per 1,000 tokens."""
    token_features.cache_clear()  # cold per-token cache: the speed a new article sees
    load_tagger()
    load_lexicon()  # loaded once per process: not part of the per-token cost
    n_tokens = sum(len(s) for s in sentences) or 1
    start = time.perf_counter()
    predicted = [tag([t for t, _ in s]) for s in sentences]
    tagging = (time.perf_counter() - start) * 1e6 / n_tokens
    start = time.perf_counter()
    for s in sentences:
        [fold(t) for t, _ in s]
    baseline = (time.perf_counter() - start) * 1e6 / n_tokens
    return score([[lab for _, lab in s] for s in sentences], predicted), tagging, baseline


def print_table(rows: list[tuple[str, dict[str, tuple], float, float]]) -> None:
    print(f"{'data':<16} {'type':<4} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}")
    for name, result, _, _ in rows:
        for kind in ("PER", "LOC", "ORG", "ALL"):
            p, r, f, n = result[kind]
            print(f"{name:<16} {kind:<4} {p:6.3f} {r:6.3f} {f:6.3f} {n:6d}")
    print()
    print(f"{'data':<16} {'ms/1k tokens':>12} {'fold-only baseline':>19} {'ratio':>6}")
    for name, _, tagging, baseline in rows:
        print(f"{name:<16} {tagging:12.1f} {baseline:19.2f} {tagging / baseline:6.0f}x")


def main() -> int:
    rows = []
    if NEWSFANE.is_file():
        parts = newsfane_parts()
        rows.append(("NewsFANE dev", *measure(parts["dev"])))
        rows.append(("NewsFANE test", *measure(parts["test"])))
    else:
        print(f"skipped NewsFANE: {NEWSFANE} not found")
    if ANERCORP.is_file():
        rows.append(("ANERcorp", *measure(read_anercorp())))
    else:
        print(f"skipped ANERcorp: {ANERCORP} not found")
    if not rows:
        return 0
    print_table(rows)
    if rows[-1][0] == "ANERcorp":
        f1 = rows[-1][1]["ALL"][2]
        verdict = "met" if f1 >= TARGET_F1 else "not met"
        print(f"\nANERcorp overall F1 {f1:.3f}; target {TARGET_F1:.2f}: {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
