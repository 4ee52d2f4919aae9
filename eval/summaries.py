"""Evaluate news_digest.analysis.summary against human summaries: ROUGE-1/2/L F on EASC and BBC.

    python eval/summaries.py [--limit N] [--corpus PATH]

Reads ../shared/corpus (research licence: read here, never copied into the repo) and prints one
table per set: OURS, LEAD cut to OURS' word count, TextRank and LexRank with OURS' number of
sentences, each next to the target (OURS R-1 and R-2 >= LEAD and > TextRank, LexRank).

Length policy: BBC uses the default 3 sentences. EASC annotators picked about a third of each
article (median 4 sentences), so EASC uses 4, the API's maximum. Baselines get the same count.
EASC has 5 references per article: each score is the average over the five (not the max).
ROUGE (eval/rouge.py): F1 over folded tokens of Arabic letters and digits, no stemming;
ROUGE-L is the plain LCS of the two token sequences. Exit status 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import json
import logging
import math
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import Stemmer

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT / "eval"))

from news_digest.analysis.summary import content_terms, summarize  # noqa: E402
from news_digest.ingest.sentences import split_sentences  # noqa: E402
from news_digest.models import Document, SeedMeta, Sentence  # noqa: E402
from rouge import Rouge, rouge_multi, rouge_tokens  # noqa: E402

logger = logging.getLogger(__name__)

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
EASC_SENTENCES = 4
BBC_SENTENCES = 3
DAMPING = 0.85  # PageRank damping, as in both baseline papers
LEXRANK_THRESHOLD = 0.1  # Erkan & Radev's cosine threshold


@dataclass(frozen=True)
class Item:
    """One corpus article with its reference summaries."""

    id: str
    title: str
    text: str
    references: tuple[str, ...]


@dataclass(frozen=True)
class Row:
    name: str
    score: Rouge


# --- corpus ------------------------------------------------------------------------------


def _jsonl(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def load_easc(corpus: Path) -> list[Item]:
    # EASC titles are not marked, so the article is all body and the title is left empty.
    records = _jsonl(corpus / "easc" / "easc.jsonl")
    return [Item(r["id"], "", r["article"], tuple(r["summaries"].values())) for r in records]


def load_bbc(corpus: Path) -> list[Item]:
    records = _jsonl(corpus / "ant_bbc_summaries" / "bbc_article_summary_pairs.jsonl")
    return [Item(r["id"], r["title"], r["text"], (r["summary"],)) for r in records]


def make_document(item: Item) -> Document:
    """The lead's structure.build_document when it exists, else paragraphs = lines.

    The corpus title goes in as metadata (not as a first line) so the body stays intact."""
    try:
        from news_digest.ingest.structure import build_document
    except ImportError:
        return _own_document(item)
    return build_document(item.id, item.text, meta=SeedMeta(title=item.title or None))


def _own_document(item: Item) -> Document:
    paragraphs = tuple(line.strip() for line in item.text.split("\n") if line.strip())
    sentences = tuple(
        Sentence(text, p)
        for p, paragraph in enumerate(paragraphs)
        for text in split_sentences(paragraph)
    )
    title = item.title or (sentences[0].text if sentences else "")
    return Document(
        id=item.id,
        source_file=f"{item.id}.txt",
        title=title,
        title_derived=not item.title,
        paragraphs=paragraphs,
        sentences=sentences,
        read_also=(),
    )


# --- baselines ---------------------------------------------------------------------------


def lead(doc: Document, n_words: int) -> str:
    """The article's first n_words ROUGE tokens: length-matched to the summary it is beside."""
    words = rouge_tokens(" ".join(s.text for s in doc.sentences))
    return " ".join(words[:n_words])


def _pagerank(matrix: np.ndarray) -> np.ndarray:
    n = len(matrix)
    rows = matrix.sum(axis=1, keepdims=True)
    # A sentence with no edge links to every sentence, so each row is a distribution.
    transition = np.where(rows > 0, matrix / np.where(rows > 0, rows, 1), 1.0 / n)
    scores = np.full(n, 1.0 / n)
    for _ in range(100):
        updated = (1 - DAMPING) / n + DAMPING * transition.T @ scores
        if np.abs(updated - scores).sum() < 1e-9:
            break
        scores = updated
    return scores


def _top(scores: np.ndarray, k: int) -> list[int]:
    order = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
    return sorted(order[:k])


def textrank(terms: list[list[str]], k: int) -> list[int]:
    """Mihalcea & Tarau 2004: shared words over log lengths, PageRank."""
    n = len(terms)
    sets = [set(t) for t in terms]
    matrix = np.zeros((n, n))
    for i in range(n):
        for j in range(i + 1, n):
            shared = len(sets[i] & sets[j])
            norm = math.log(len(terms[i]) + 1) + math.log(len(terms[j]) + 1)
            matrix[i, j] = matrix[j, i] = shared / norm if shared and norm else 0.0
    return _top(_pagerank(matrix), k)


def lexrank(terms: list[list[str]], k: int) -> list[int]:
    """Erkan & Radev 2004: idf-modified cosine (idf over the article's sentences), thresholded
    graph, PageRank."""
    n = len(terms)
    df = Counter(t for sentence in terms for t in set(sentence))
    vocab = {t: i for i, t in enumerate(sorted(df))}
    matrix = np.zeros((n, max(len(vocab), 1)))
    for row, sentence in enumerate(terms):
        for term, count in Counter(sentence).items():
            matrix[row, vocab[term]] = count * math.log(n / df[term] + 1)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    unit = matrix / np.where(norms > 0, norms, 1)
    similarity = unit @ unit.T
    return _top(_pagerank((similarity > LEXRANK_THRESHOLD).astype(float)), k)


# --- evaluation --------------------------------------------------------------------------


def _texts(doc: Document, indices: list[int] | tuple[int, ...]) -> str:
    return " ".join(doc.sentences[i].text for i in indices)


def score_item(item: Item, n_sentences: int, timings: list[float]) -> dict[str, Rouge] | None:
    doc = make_document(item)
    if not doc.sentences:
        return None
    started = time.perf_counter()
    chosen = summarize(doc, n_sentences).sentences
    timings.append(time.perf_counter() - started)
    ours = _texts(doc, chosen)
    stemmer = Stemmer.Stemmer("arabic")
    terms = [content_terms(s.text, stemmer) for s in doc.sentences]
    refs = list(item.references)
    k = len(chosen)  # baselines get as many sentences as ours took
    return {
        "OURS": rouge_multi(ours, refs),
        "LEAD (same words)": rouge_multi(lead(doc, len(rouge_tokens(ours))), refs),
        "TextRank (same sents)": rouge_multi(_texts(doc, textrank(terms, k)), refs),
        "LexRank (same sents)": rouge_multi(_texts(doc, lexrank(terms, k)), refs),
    }


def evaluate(items: list[Item], n_sentences: int) -> tuple[list[Row], list[float], int]:
    per_system: dict[str, list[Rouge]] = {}
    timings: list[float] = []
    for item in items:
        scores = score_item(item, n_sentences, timings)
        for name, score in (scores or {}).items():
            per_system.setdefault(name, []).append(score)
    rows = [Row(name, _mean(scores)) for name, scores in per_system.items()]
    return rows, timings, len(per_system.get("OURS", []))


def _mean(scores: list[Rouge]) -> Rouge:
    return Rouge(*(statistics.fmean(getattr(s, f) for s in scores) for f in ("r1", "r2", "rl")))


def _beats(ours: Rouge, row: Row) -> tuple[bool, str]:
    """Target: R-1 and R-2 at least LEAD's, strictly above the graph baselines'."""
    if row.name.startswith("LEAD"):
        return ours.r1 >= row.score.r1 and ours.r2 >= row.score.r2, ">="
    return ours.r1 > row.score.r1 and ours.r2 > row.score.r2, ">"


def print_table(title: str, rows: list[Row], timings: list[float], count: int) -> bool:
    ours = rows[0].score
    print(f"\n{title} ({count} articles)")
    print(f"{'system':<24}{'R-1 F':>8}{'R-2 F':>8}{'R-L F':>8}   target for OURS")
    print(f"{rows[0].name:<24}{ours.r1:8.4f}{ours.r2:8.4f}{ours.rl:8.4f}")
    all_met = True
    for row in rows[1:]:
        met, sign = _beats(ours, row)
        all_met = all_met and met
        s = row.score
        verdict = "met" if met else "MISSED"
        print(
            f"{row.name:<24}{s.r1:8.4f}{s.r2:8.4f}{s.rl:8.4f}   R-1,R-2 OURS {sign} this: {verdict}"
        )
    ms = sorted(t * 1000 for t in timings)
    p95 = ms[min(len(ms) - 1, int(0.95 * len(ms)))]
    print(f"summarize(): mean {statistics.fmean(ms):.2f} ms, p95 {p95:.2f} ms per article")
    return all_met


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="first N articles of each set")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"Skipping: research corpus not found at {args.corpus} (place ../shared/corpus).")
        return 0
    sets: list[tuple[str, Callable[[Path], list[Item]], int]] = [
        (f"EASC, avg over 5 refs, {EASC_SENTENCES} sentences", load_easc, EASC_SENTENCES),
        (f"BBC Arabic standfirst, {BBC_SENTENCES} sentences", load_bbc, BBC_SENTENCES),
    ]
    all_ok = True
    for title, loader, n_sentences in sets:
        items = loader(args.corpus)[: args.limit]
        rows, timings, count = evaluate(items, n_sentences)
        all_ok = print_table(title, rows, timings, count) and all_ok
    print("\nAll targets met." if all_ok else "\nSome targets MISSED.")
    return 0 if all_ok else 1


if __name__ == "__main__":
    sys.exit(main())
