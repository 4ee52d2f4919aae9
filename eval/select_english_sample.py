"""Pick the ant_multisource articles annotated in ``eval/data/english_gold.tsv``.

    python eval/select_english_sample.py            # "<id>\t<split>" lines, selection order
    python eval/select_english_sample.py --corpus DIR

Deterministic: the article file names (``articles/*.txt``) are sorted, then
``random.Random(SEED).sample`` takes ``SIZE`` of them. The first ``DEV_SIZE`` picked are the
``dev`` split (read freely while writing rules); the rest, first annotated as the test split,
were scored on and looked at in the first round of headline work, so they are now ``seen``
(development data of the later rounds). A second draw, ``random.Random(FRESH_SEED)`` over the
ids not picked before, takes ``FRESH_SIZE`` more: the ``test`` split, annotated afterwards and
scored on only. The same corpus always gives the same ids in the same order.
"""

from __future__ import annotations

import argparse
import logging
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "ant_multisource"
SEED = 20261201
SIZE = 100
DEV_SIZE = 30
FRESH_SEED = 20261202
FRESH_SIZE = 70

logger = logging.getLogger(__name__)


def article_ids(corpus: Path) -> list[str]:
    """Sorted ids (file stems) of the corpus' articles."""
    return sorted(path.stem for path in (corpus / "articles").glob("*.txt"))


def select(ids: list[str], seed: int = SEED, size: int = SIZE) -> list[tuple[str, str]]:
    """(id, split) pairs: the first draw (``dev``, then ``seen``), then the fresh ``test`` draw."""
    picked = random.Random(seed).sample(ids, size)
    first = [(id_, "dev" if rank < DEV_SIZE else "seen") for rank, id_ in enumerate(picked)]
    taken = set(picked)
    rest = [id_ for id_ in ids if id_ not in taken]
    fresh = random.Random(FRESH_SEED).sample(rest, FRESH_SIZE)
    return first + [(id_, "test") for id_ in fresh]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="ant_multisource folder")
    args = parser.parse_args(argv)
    ids = article_ids(args.corpus)
    if len(ids) < SIZE + FRESH_SIZE:
        need = SIZE + FRESH_SIZE
        logger.error("%s: %d articles, need at least %d", args.corpus, len(ids), need)
        return 1
    for id_, split in select(ids):
        print(f"{id_}\t{split}")
    return 0


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
    sys.exit(main())
