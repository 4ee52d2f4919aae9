"""Build the shipped name data from the CC0 and Apache-2.0 name pairs (deterministic).

    python tools/build_name_data.py [--corpus ../shared/corpus/names]

Writes ``plugins/news_digest/data/name_tokens.tsv`` (Arabic token -> English spellings with
counts) and ``plugins/news_digest/data/name_model.tsv`` (a joint-sequence transliteration
model). Inputs: ``wikidata_name_tokens.tsv`` (CC0) and ``google_ar2en_train.tsv`` (Apache-2.0).
Kept out of both: Google's eval pairs themselves and a fixed tenth of the Wikidata tokens
(``held_out``; Google's pairs for those words as well), so ``eval/names.py`` scores the held-out
tenth on data neither saw. Wikidata's own rows for words that Google's eval pairs also hold stay
in the token table (a dictionary's entry for a common name, not the eval's answer); the model
never trains on those words.
A tenth of the Google train pairs (``is_dev``) is kept out of the model to tune its rescoring.
ANETAC (research use) is never read here.
"""

from __future__ import annotations

import argparse
import hashlib
import logging
import math
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))

from news_digest.analysis.entities import romanize as rz  # noqa: E402

logger = logging.getLogger("build_name_data")

DATA = ROOT / "plugins" / "news_digest" / "data"
CORPUS = ROOT.parent / "shared" / "corpus" / "names"
ORDER = 4
EM_ITERATIONS = 4
MAX_ENGLISH_CHUNK = 2
# N-grams of order 3 and up seen fewer times than this are dropped: they are most of the file
# and, one-offs, add little (dev accuracy is printed by the build to check).
MIN_HIGH_ORDER_COUNT = 2
# A spelling of a token this much rarer than its total is noise for the model (جون: jihadi).
MIN_SHARE = 0.05

Pair = tuple[str, str]


def bucket(key: str, salt: str) -> int:
    """A stable 0..9 bucket of an Arabic key (hash-based, the same on every machine)."""
    return int(hashlib.sha1(f"{salt}:{key}".encode()).hexdigest(), 16) % 10


def held_out(arabic: str) -> bool:
    """The Wikidata tokens kept out of the table and the model (by folded key)."""
    return bucket(rz.second_key(arabic), "wikidata") == 0


def is_dev(arabic: str) -> bool:
    return bucket(rz.second_key(arabic), "dev") == 0


def read_wikidata(path: Path) -> list[tuple[str, str, int]]:
    rows = []
    with path.open(encoding="utf-8") as handle:
        next(handle)
        for line in handle:
            english, arabic, count = line.rstrip("\n").split("\t")
            if any(c.isdigit() for c in english):
                continue  # "13th", "6th": a regnal number, not a name
            en, ar = rz.latin_spelling(english), rz.arabic_key(arabic)
            if len(en) > 1 and ar:
                rows.append((ar, en, int(count)))
    return rows


def read_google(path: Path) -> list[Pair]:
    pairs = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            arabic, english = line.rstrip("\n").split("\t")
            en, ar = rz.latin_spelling(english), rz.arabic_key(arabic)
            if en and ar:
                pairs.append((ar, en))
    return pairs


def forbidden_keys(eval_pairs: Iterable[Pair]) -> frozenset[str]:
    return frozenset(k for ar, _ in eval_pairs for k in (ar, rz.second_key(ar)))


def allowed(arabic: str, forbidden: frozenset[str]) -> bool:
    return arabic not in forbidden and rz.second_key(arabic) not in forbidden


def aggregate(rows: Iterable[tuple[str, str, int]]) -> dict[Pair, int]:
    counts: dict[Pair, int] = defaultdict(int)
    for ar, en, count in rows:
        counts[(ar, en)] += count
    return counts


def model_pairs(counts: dict[Pair, int]) -> list[Pair]:
    """Distinct pairs, without the spellings far rarer than their token's total."""
    totals: dict[str, int] = defaultdict(int)
    for (ar, _), count in counts.items():
        totals[ar] += count
    return sorted(pair for pair, c in counts.items() if c >= MIN_SHARE * totals[pair[0]])


# --- EM alignment ------------------------------------------------------------------------


def _edges(ar: str, en: str, i: int, j: int) -> Iterable[tuple[int, int, str]]:
    for a in range(1, rz.MAX_ARABIC_CHUNK + 1):
        if i + a > len(ar):
            break
        for e in range(0 if a == 1 else 1, MAX_ENGLISH_CHUNK + 1):
            if j + e <= len(en):
                yield i + a, j + e, f"{ar[i : i + a]}|{en[j : j + e]}"


def _lattice(ar: str, en: str) -> list[tuple[int, int, int, int, str]]:
    """Edges (i, j, i2, j2, unit) in topological order, only those on a complete path."""
    edges = []
    for i in range(len(ar)):
        for j in range(len(en) + 1):
            for i2, j2, unit in _edges(ar, en, i, j):
                # What is left must still be alignable: each Arabic letter takes 0-2 English.
                left_a, left_e = len(ar) - i2, len(en) - j2
                if left_e <= left_a * MAX_ENGLISH_CHUNK and (left_a > 0 or left_e == 0):
                    edges.append((i, j, i2, j2, unit))
    return edges


def em_align(pairs: list[Pair], iterations: int) -> dict[str, float]:
    lattices = [(ar, en, _lattice(ar, en)) for ar, en in pairs]
    units = Counter(unit for _, _, edges in lattices for *_, unit in edges)
    prob = {u: 1.0 / len(units) for u in units}
    for iteration in range(iterations):
        expected: dict[str, float] = defaultdict(float)
        total_ll = 0.0
        for ar, en, edges in lattices:
            alpha: dict[tuple[int, int], float] = defaultdict(float)
            alpha[(0, 0)] = 1.0
            for i, j, i2, j2, unit in edges:
                if alpha[(i, j)]:
                    alpha[(i2, j2)] += alpha[(i, j)] * prob[unit]
            end = (len(ar), len(en))
            if not alpha[end]:
                continue
            beta: dict[tuple[int, int], float] = defaultdict(float)
            beta[end] = 1.0
            for i, j, i2, j2, unit in reversed(edges):
                beta[(i, j)] += beta[(i2, j2)] * prob[unit]
            z = alpha[end]
            total_ll += math.log(z)
            for i, j, i2, j2, unit in edges:
                share = alpha[(i, j)] * prob[unit] * beta[(i2, j2)] / z
                if share:
                    expected[unit] += share
        norm = sum(expected.values())
        prob = {u: max(expected.get(u, 0.0) / norm, 1e-12) for u in units}
        logger.info("EM iteration %d: log-likelihood %.1f", iteration + 1, total_ll)
    return prob


def viterbi(ar: str, en: str, prob: dict[str, float]) -> list[str] | None:
    best: dict[tuple[int, int], tuple[float, tuple[int, int] | None, str]] = {
        (0, 0): (0.0, None, "")
    }
    for i, j, i2, j2, unit in _lattice(ar, en):
        if (i, j) not in best:
            continue
        score = best[(i, j)][0] + math.log(prob[unit])
        if (i2, j2) not in best or score > best[(i2, j2)][0]:
            best[(i2, j2)] = (score, (i, j), unit)
    node: tuple[int, int] | None = (len(ar), len(en))
    if node not in best:
        return None
    units = []
    while node and best[node][1] is not None:
        _, previous, unit = best[node]
        units.append(unit)
        node = previous
    return units[::-1]


def ngram_counts(sequences: Iterable[list[str]], order: int) -> dict[tuple[str, ...], int]:
    counts: dict[tuple[str, ...], int] = defaultdict(int)
    for units in sequences:
        seq = [rz.START, *units, rz.END]
        for n in range(1, order + 1):
            for k in range(len(seq) - n + 1):
                gram = tuple(seq[k : k + n])
                if gram != (rz.START,):
                    counts[gram] += 1
    return counts


def prune(counts: dict[tuple[str, ...], int]) -> dict[tuple[str, ...], int]:
    return {g: c for g, c in counts.items() if len(g) < 3 or c >= MIN_HIGH_ORDER_COUNT}


# --- tuning and writing --------------------------------------------------------------------


def tune_rescoring(
    model: rz.JointModel, dev: list[Pair], english: dict[str, int]
) -> tuple[float, float]:
    """The known-name bonus and frequency weight that spell the most dev pairs right."""
    nbests = [(rz.decode(model, ar), en) for ar, en in dev]
    grid = [(b, w) for b in (0.0, 1.0, 2.0, 3.0, 4.0, 6.0) for w in (0.0, 0.25, 0.5, 1.0)]
    scores = {}
    for bonus, weight in grid:
        hits = sum(rz.rescore(nb, english, bonus, weight) == en for nb, en in nbests)
        scores[(bonus, weight)] = hits / max(1, len(dev))
    best = max(grid, key=lambda bw: (scores[bw], -bw[0], -bw[1]))
    logger.info("rescoring on %d dev pairs: none %.3f, best %s %.3f", len(dev),
                scores[(0.0, 0.0)], best, scores[best])  # fmt: skip
    return best


def write_tokens(path: Path, counts: dict[Pair, int]) -> None:
    rows = sorted(counts.items(), key=lambda item: (item[0][0], -item[1], item[0][1]))
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        handle.write("ar\ten\tcount\n")
        for (ar, en), count in rows:
            handle.write(f"{ar}\t{en}\t{count}\n")


def write_model(path: Path, ngrams: dict[tuple[str, ...], int], rescoring: tuple[float, float]):
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        handle.write(f"# order {ORDER}\n# rescore {rescoring[0]} {rescoring[1]}\n")
        handle.write("# joint n-gram counts, 'arabic|english' units; tools/build_name_data.py\n")
        for gram in sorted(ngrams):
            handle.write(f"{' '.join(gram)}\t{ngrams[gram]}\n")


def build(corpus: Path) -> None:
    started = time.monotonic()
    forbidden = forbidden_keys(read_google(corpus / "google_ar2en_eval.tsv"))
    # Wikidata's own rows are a dictionary in their own right: they stay in the token table even
    # for words Google's eval pairs also hold (its English never enters). The model never trains
    # on those words, so its own accuracy on them is measured on unseen words.
    wikidata = list(read_wikidata(corpus / "wikidata_name_tokens.tsv"))
    # The held-out Wikidata words are kept out of everything, Google's pairs for them too.
    google = [
        p
        for p in read_google(corpus / "google_ar2en_train.tsv")
        if allowed(p[0], forbidden) and not held_out(p[0])
    ]
    wiki_train = aggregate(r for r in wikidata if not held_out(r[0]))
    table = aggregate([*wiki_train_rows(wiki_train), *((ar, en, 1) for ar, en in google)])
    write_tokens(DATA / rz.TOKENS_FILE, table)
    logger.info("token table: %d pairs, %d tokens", len(table), len({ar for ar, _ in table}))

    dev = sorted({(ar, en) for ar, en in google if is_dev(ar)})
    # The dev words are out of all model training (Wikidata holds many Google words too).
    train = [p for p in model_pairs(wiki_train) if not is_dev(p[0]) and allowed(p[0], forbidden)]
    train += sorted({p for p in google if not is_dev(p[0])})
    prob = em_align(train, EM_ITERATIONS)
    aligned = [units for ar, en in train if (units := viterbi(ar, en, prob))]
    full = ngram_counts(aligned, ORDER)
    ngrams = prune(full)
    model = rz.build_joint_model(ngrams, ORDER)
    lexicon: dict[str, int] = defaultdict(int)
    for (ar, en), count in table.items():
        if not is_dev(ar):  # the dev answers must not earn their own bonus
            lexicon[en] += count
    rescoring = tune_rescoring(model, dev, lexicon)
    write_model(DATA / rz.MODEL_FILE, ngrams, rescoring)
    logger.info("model: %d pairs aligned, %d n-grams, built in %.0f s", len(aligned),
                len(ngrams), time.monotonic() - started)  # fmt: skip


def wiki_train_rows(counts: dict[Pair, int]) -> Iterable[tuple[str, str, int]]:
    return ((ar, en, count) for (ar, en), count in counts.items())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if not (args.corpus / "wikidata_name_tokens.tsv").exists():
        logger.error("%s: name corpus not found", args.corpus)
        return 1
    build(args.corpus)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
