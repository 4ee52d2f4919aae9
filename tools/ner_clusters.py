"""Word clusters for the NER model, learned from the unlabelled shared news corpora.

Run from the repository root: ``python tools/ner_clusters.py`` (before ``tools/train_ner.py``).

Writes ``plugins/news_digest/data/ner_clusters.tsv``: one row per word stem (folded, clitics and
article off, as ``tagger.split_clitics`` makes them) with one cluster ID per size in ``SIZES``
(64, 256 and 1,024 clusters, coarse to fine). Only stems and numbers ship, never corpus text.

Method (deterministic: fixed seeds, sorted vocabulary, single-threaded):
- tokens of every article in ``../shared/corpus/ant_multisource/articles`` and
  ``../shared/corpus/saudinewsnet/articles`` (``tagger.tokenize``), as stems;
- vocabulary: stems seen at least ``MIN_COUNT`` times (at most ``MAX_VOCAB``, most frequent);
- each stem's vector: counts of the ``CONTEXTS`` most frequent stems one and two places to its
  left and right (four blocks), log(1 + count), reduced by truncated SVD to ``DIMENSIONS``
  dimensions and length-normalised; then k-means.
"""

from __future__ import annotations

import os
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")  # a shared 2-core machine
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np
from scipy import sparse
from sklearn.cluster import MiniBatchKMeans
from sklearn.decomposition import TruncatedSVD
from sklearn.preprocessing import normalize

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from news_digest.analysis.entities.tagger import CLUSTERS_PATH, stems, tokenize  # noqa: E402
from news_digest.arabic import is_arabic_word  # noqa: E402

CORPORA = [
    ROOT.parent / "shared" / "corpus" / "ant_multisource" / "articles",
    ROOT.parent / "shared" / "corpus" / "saudinewsnet" / "articles",
]
MIN_COUNT = 3
MAX_VOCAB = 40_000
CONTEXTS = 1000
DIMENSIONS = 100
SIZES = (64, 256, 1024)
SEED = 13


def article_stems() -> Iterator[list[str]]:
    for folder in CORPORA:
        if not folder.is_dir():
            print(f"skipped {folder}: not found")
            continue
        for path in sorted(folder.glob("*.txt")):
            text = path.read_text(encoding="utf-8", errors="replace")
            yield stems([t for t, _, _ in tokenize(text)])


def cooccurrence(docs: list[list[str]], vocab: list[str], contexts: list[str]) -> sparse.csr_matrix:
    row_of = {w: i for i, w in enumerate(vocab)}
    col_of = {w: i for i, w in enumerate(contexts)}
    counts: Counter[tuple[int, int]] = Counter()
    for doc in docs:
        for i, word in enumerate(doc):
            row = row_of.get(word)
            if row is None:
                continue
            for block, off in enumerate((-2, -1, 1, 2)):
                j = i + off
                if 0 <= j < len(doc) and doc[j] in col_of:
                    counts[row, block * len(contexts) + col_of[doc[j]]] += 1
    keys = sorted(counts)
    rows = np.fromiter((k[0] for k in keys), dtype=np.int64, count=len(keys))
    cols = np.fromiter((k[1] for k in keys), dtype=np.int64, count=len(keys))
    data = np.log1p(np.fromiter((counts[k] for k in keys), dtype=np.float64, count=len(keys)))
    return sparse.csr_matrix((data, (rows, cols)), shape=(len(vocab), 4 * len(contexts)))


def main() -> int:
    start = time.perf_counter()
    docs = list(article_stems())
    if not docs:
        print("no corpus found; no clusters written")
        return 1
    freq = Counter(w for doc in docs for w in doc)
    ranked = sorted(freq.items(), key=lambda item: (-item[1], item[0]))
    vocab = [w for w, c in ranked if c >= MIN_COUNT and is_arabic_word(w)][:MAX_VOCAB]
    contexts = [w for w, _ in ranked[:CONTEXTS]]
    matrix = cooccurrence(docs, vocab, contexts)
    vectors = normalize(TruncatedSVD(DIMENSIONS, random_state=SEED).fit_transform(matrix))
    ids = [
        MiniBatchKMeans(k, random_state=SEED, n_init=3, batch_size=4096).fit_predict(vectors)
        for k in SIZES
    ]
    lines = ["stem\t" + "\t".join(f"c{k}" for k in SIZES)]
    for i, word in sorted(enumerate(vocab), key=lambda item: item[1]):
        lines.append(word + "\t" + "\t".join(str(int(c[i])) for c in ids))
    CLUSTERS_PATH.write_text("\n".join(lines) + "\n", encoding="utf-8")
    seconds = time.perf_counter() - start
    print(f"{len(docs)} articles, {len(vocab)} stems -> {CLUSTERS_PATH} in {seconds:.0f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
