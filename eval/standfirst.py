"""Precision of the English standfirst's fact sentences, judged by reading (issue 14).

    python eval/standfirst.py                    # score the judgements against today's output
    python eval/standfirst.py --show 40          # print a fresh sample to judge (Arabic evidence)

The standfirst's first sentence states the headline's fact and is scored with the headline by
``eval/english.py``. The others copy fields from the extraction: who is quoted and how (said,
warned, denied), the main figure, the main claim and its claimant, the outlet and date. They
cannot be matched against a gold string, so they are judged by a reader: ``--show`` draws
seeded random ant_multisource articles outside ``english_gold.tsv`` (research licence: read at
run time, never copied) and prints each quote, figure and claim sentence beside the Arabic
sentence it comes from. The reader writes a verdict per sentence into
``eval/data/standfirst_judged.tsv`` (our English output and our own words only):

    id   kind   sentence   verdict   note

``verdict`` is ``right`` (every English word the sentence states is true of the article:
the speaker or claimant, their role, the reporting verb's kind, the number, its unit and noun)
or ``wrong``. Scoring re-composes each judged article: a sentence that is still produced word
for word counts with its verdict; one that changed is reported as "changed since judged" and
needs a new reading (``--show`` with the same seed prints it again).
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from news_digest.analysis.article import analyze  # noqa: E402
from news_digest.analysis.english.standfirst import (  # noqa: E402
    claim_sentence,
    figure_sentence,
    quote_sentence,
)
from news_digest.analysis.english.trusted import certain_name  # noqa: E402
from news_digest.ingest.metadata import load_sidecar  # noqa: E402
from news_digest.ingest.seeds import read_seed  # noqa: E402
from news_digest.pipeline import document_from_seed  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "ant_multisource"
GOLD = ROOT / "eval" / "data" / "english_gold.tsv"
JUDGED = ROOT / "eval" / "data" / "standfirst_judged.tsv"
KINDS = ("quote", "figure", "claim")
SEED = 20261205


def fact_sentences(doc, analysis) -> dict[str, tuple[str, int]]:
    """kind -> (the standfirst's sentence of that kind, index of its Arabic sentence), for the
    kinds the article's standfirst prints."""
    printed = set(analysis.english.standfirst)
    doubtful = frozenset(e.en for e in analysis.entities.entities if not certain_name(e))
    found: dict[str, tuple[str, int]] = {}
    for kind, items, compose in (
        ("quote", analysis.quotes, lambda q: quote_sentence(doc, [q], doubtful)),
        ("figure", analysis.figures, lambda f: figure_sentence([f])),
        ("claim", analysis.claims, lambda c: claim_sentence([c], doubtful)),
    ):
        for item in items:
            line = compose(item)
            if line is not None and line in printed:
                found[kind] = (line, item.sentence)
                break
    return found


def sample_ids(n: int, seed: int) -> list[str]:
    with GOLD.open(encoding="utf-8", newline="") as handle:
        gold = {row["id"] for row in csv.DictReader(handle, delimiter="\t")}
    ids = sorted(p.stem for p in (CORPUS / "articles").glob("*.txt") if p.stem not in gold)
    return random.Random(seed).sample(ids, n)


def analysed(article_id: str, sidecar):
    doc = document_from_seed(
        read_seed(CORPUS / "articles" / f"{article_id}.txt"), sidecar.get(article_id)
    )
    return doc, analyze(doc)


def show(n: int, seed: int, sidecar) -> None:
    for article_id in sample_ids(n, seed):
        doc, analysis = analysed(article_id, sidecar)
        found = fact_sentences(doc, analysis)
        if not found:
            continue
        print(f"## {article_id} — {doc.title}")
        for kind, (line, index) in found.items():
            evidence = doc.sentences[index].text if index < len(doc.sentences) else ""
            print(f"{article_id}\t{kind}\t{line}\n    {evidence}")
        print()


def read_judged() -> list[dict]:
    with JUDGED.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def score(sidecar) -> dict[str, Counter]:
    rows = read_judged()
    counts: dict[str, Counter] = {kind: Counter() for kind in KINDS}
    current = {}
    for article_id in sorted({row["id"] for row in rows}):
        current[article_id] = fact_sentences(*analysed(article_id, sidecar))
    for row in rows:
        now = current[row["id"]].get(row["kind"])
        if now is None or now[0] != row["sentence"]:
            counts[row["kind"]]["changed since judged"] += 1
        else:
            counts[row["kind"]][row["verdict"]] += 1
    return counts


def table(counts: dict[str, Counter]) -> None:
    print(
        "| standfirst sentence | judged right | judged wrong | precision | changed since judged |"
    )
    print("| --- | ---: | ---: | ---: | ---: |")
    total = Counter()
    for kind in KINDS:
        total.update(counts[kind])
        _row(kind, counts[kind])
    _row("all", total)


def _row(label: str, c: Counter) -> None:
    judged = c["right"] + c["wrong"]
    precision = f"{c['right'] / judged:.3f}" if judged else "-"
    print(f"| {label} | {c['right']} | {c['wrong']} | {precision} | {c['changed since judged']} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", type=int, metavar="N", help="print N sampled articles to judge")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    if not CORPUS.is_dir():
        print(f"skipped: {CORPUS} not found (research corpus, see ../shared/corpus/README.md)")
        return 0
    sidecar = load_sidecar(CORPUS / "metadata.csv")
    if args.show:
        show(args.show, args.seed, sidecar)
        return 0
    table(score(sidecar))
    return 0


if __name__ == "__main__":
    sys.exit(main())
