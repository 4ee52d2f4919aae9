"""Train the person/place/organisation CRF (``plugins/news_digest/data/ner.crfsuite``).

Run from the repository root: ``python tools/train_ner.py`` (``--tune``: the small grid of
regularisation settings on the dev part, printed; the model is not written).

Data: NewsFANE Gold (Alotaibi & Lee, COLING 2014; CC BY-SA 3.0), read from
``../shared/corpus/newsfane/NewsFANE_Gold_2014_170K.txt``: a BOM, CRLF or LF line ends, an LRM
(U+200E) before most tokens, one ``token<TAB>tag`` per line, a line with an empty token between
sentences. ANERcorp is never read here: it is a test set only (``eval/ner.py``).

Split (fixed, no randomness): sentences in file order are cut into blocks of 50 consecutive
sentences (so one story stays on one side); block number mod 10 == 9 is TEST (never used for
training or tuning), == 8 is DEV (for choosing features and c1/c2), the rest TRAIN. The model
is trained on TRAIN only. L-BFGS with fixed c1/c2 and a fixed iteration bound is deterministic.

NewsFANE writes clitics as separate tokens (و الصين، حصة ها، ل وزارة); news text does not. The
tokens are joined back before training (``join_clitics``): a lone و/ف/ب/ل (and ك before ما or
after punctuation) goes onto the next word, a lone pronoun suffix (ه، ها، هم، هما، نا، ي، ك، كم،
كما، هن، ني) onto the previous word; the joined word keeps its content word's tag.

Mapping of the NewsFANE fine classes (CoNLL/ANERcorp-style coarse types; CoNLL puts buildings,
roads and other structures under location):

| NewsFANE fine class | coarse |
| --- | --- |
| Politician, Athlete, Artist, Scientist, Businessperson | PER |
| Engineer, Lawyer, Police, Religious_PER, Other_PER | PER |
| Nation, Population-Center, State-or-Province, County-or-District | LOC |
| Continent, GPE-Cluster, Land-Region-Natural, Water-Body | LOC |
| Building-Grounds, Airport, Path, Plant (facilities) | LOC |
| Government, Non-Governmental, Commercial, Educational, Media | ORG |
| Sports (clubs), Entertainment, Medical-Science, Religious_ORG | ORG |
| Group (peoples, nationalities, sects: العرب، الشيعة) | O |
| Subarea-Facility (parts of buildings: المحراب، قاعة الوضوء) | O |
| Air, Land, Water (vehicles), Projectile, Shooting (weapons) | O |
| Book, Movie, Software, Hardware, Food, Drug (products), Celestial | O |
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

import pycrfsuite

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from news_digest.analysis.entities.gazetteer import bare  # noqa: E402
from news_digest.analysis.entities.tagger import (  # noqa: E402
    MODEL_PATH,
    NAME_TOKENS_PATH,
    mentions,
    sentence_features,
)
from news_digest.arabic import fold  # noqa: E402

logger = logging.getLogger(__name__)

NEWSFANE = ROOT.parent / "shared" / "corpus" / "newsfane" / "NewsFANE_Gold_2014_170K.txt"
WIKIDATA_NAMES = ROOT.parent / "shared" / "corpus" / "names" / "wikidata_name_tokens.tsv"
BLOCK = 50
TEST_BLOCK, DEV_BLOCK = 9, 8

PER = "Politician Athlete Artist Scientist Businessperson Engineer Lawyer Police Religious_PER"
LOC = "Nation Population-Center State-or-Province County-or-District Continent GPE-Cluster"
LOC_MORE = "Land-Region-Natural Water-Body Building-Grounds Airport Path Plant"
ORG = "Government Non-Governmental Commercial Educational Media Sports Entertainment"
ORG_MORE = "Medical-Science Religious_ORG"
CLASS_MAP = {
    **{c: "PER" for c in (PER + " Other_PER").split()},
    **{c: "LOC" for c in (LOC + " " + LOC_MORE).split()},
    **{c: "ORG" for c in (ORG + " " + ORG_MORE).split()},
}  # every other class -> O

PROCLITICS = frozenset({"و", "ف", "ب", "ل"})
ENCLITICS = frozenset({"ه", "ها", "هم", "هما", "نا", "ي", "ك", "كم", "كما", "هن", "ني"})

# Chosen on DEV with --tune (see data/README-ner.md).
PARAMS = {
    "c1": 0.1,
    "c2": 0.01,
    "max_iterations": 200,
    "feature.possible_transitions": True,
}
GRID = [
    {"c1": c1, "c2": c2, "max_iterations": 200, "feature.possible_transitions": True}
    for c1, c2 in ((0.05, 0.05), (0.1, 0.01), (0.2, 0.05), (0.02, 0.1))
]

Sentence = list[tuple[str, str]]


def coarse(tag: str) -> str:
    prefix, _, fine = tag.strip().partition("-")
    kind = CLASS_MAP.get(fine)
    return f"{prefix}-{kind}" if kind and prefix in ("B", "I") else "O"


def read_newsfane(path: Path = NEWSFANE) -> list[Sentence]:
    """Sentences of (token, fine tag), BOM, LRM and CR removed."""
    text = path.read_text(encoding="utf-8-sig").replace("\r", "").replace("\u200e", "")
    sentences: list[Sentence] = []
    current: Sentence = []
    for number, line in enumerate(text.split("\n"), 1):
        token, sep, label = line.partition("\t")
        token = token.strip()
        if not token:
            if current:
                sentences.append(current)
            current = []
            continue
        if not sep:
            logger.warning("%s:%d: no tab, line skipped: %r", path, number, line)
            continue
        current.append((token, label.strip()))
    if current:
        sentences.append(current)
    return sentences


def _is_word(token: str) -> bool:
    return any(ch.isalpha() for ch in token)


def _is_proclitic(tokens: Sequence[str], i: int) -> bool:
    word = tokens[i]
    if i + 1 >= len(tokens) or len(tokens[i + 1]) < 2 or not _is_word(tokens[i + 1]):
        return False
    if word in PROCLITICS:
        return True
    return word == "ك" and (tokens[i + 1] == "ما" or i == 0 or not _is_word(tokens[i - 1]))


def join_clitics(sentence: Sentence) -> Sentence:
    """NewsFANE's split clitics joined back onto their words (see module docstring)."""
    tokens = [fold(tok) for tok, _ in sentence]
    out: Sentence = []
    pending, pending_tag = "", ""
    for i, (token, label) in enumerate(sentence):
        if _is_proclitic(tokens, i):
            pending += token
            pending_tag = pending_tag or label
            continue
        if pending:
            if pending_tag.startswith("B-") and label.startswith("I-"):
                label = pending_tag
            out.append((pending + token, label))
            pending, pending_tag = "", ""
        elif tokens[i] in ENCLITICS and out and _is_word(out[-1][0]):
            out[-1] = (out[-1][0] + token, out[-1][1])
        else:
            out.append((token, label))
    if pending:
        out.append((pending, pending_tag))
    return out


def prepared(sentences: Iterable[Sentence]) -> list[Sentence]:
    """Joined clitics, coarse IOB2 tags; an I- after O (or another type) becomes B-."""
    result = []
    for sentence in sentences:
        joined = [(tok, coarse(label)) for tok, label in join_clitics(sentence)]
        fixed, previous = [], "O"
        for tok, label in joined:
            if label.startswith("I-") and previous[2:] != label[2:]:
                label = "B-" + label[2:]
            fixed.append((tok, label))
            previous = label
        result.append(fixed)
    return result


def split(sentences: Sequence[Sentence]) -> dict[str, list[Sentence]]:
    parts: dict[str, list[Sentence]] = {"train": [], "dev": [], "test": []}
    for index, sentence in enumerate(sentences):
        block = (index // BLOCK) % 10
        name = "test" if block == TEST_BLOCK else "dev" if block == DEV_BLOCK else "train"
        parts[name].append(sentence)
    return parts


def newsfane_parts(path: Path = NEWSFANE) -> dict[str, list[Sentence]]:
    return split(prepared(read_newsfane(path)))


def write_name_tokens(source: Path = WIKIDATA_NAMES, out: Path = NAME_TOKENS_PATH) -> int:
    """Folded, article-free Arabic tokens of Wikidata person labels with summed counts (CC0)."""
    counts: Counter[str] = Counter()
    lines = source.read_text(encoding="utf-8").splitlines()[1:]
    for line in lines:
        fields = line.split("\t")
        if len(fields) != 3 or not fields[2].isdigit():
            logger.warning("%s: bad line skipped: %r", source, line)
            continue
        for token in fold(fields[1]).split():
            counts[bare(token)] += int(fields[2])
    rows = sorted(counts.items())
    out.write_text("ar\tcount\n" + "".join(f"{t}\t{c}\n" for t, c in rows), encoding="utf-8")
    return len(rows)


def train(sentences: Sequence[Sentence], params: dict, out: Path) -> float:
    """Train and write the model; returns the training time in seconds."""
    start = time.perf_counter()
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    for sentence in sentences:
        trainer.append(sentence_features([t for t, _ in sentence]), [lab for _, lab in sentence])
    trainer.set_params(params)
    trainer.train(str(out))
    return time.perf_counter() - start


def spans(tags: Sequence[str]) -> set[tuple[str, int, int]]:
    return {(m.type, m.start, m.end) for m in mentions(tags)}


def score(gold: Sequence[Sequence[str]], predicted: Sequence[Sequence[str]]) -> dict[str, tuple]:
    """Exact-span exact-type mention P/R/F1 (CoNLL) per type and overall."""
    counts: Counter[tuple[str, str]] = Counter()
    for g_tags, p_tags in zip(gold, predicted, strict=True):
        g, p = spans(g_tags), spans(p_tags)
        for kind in ("PER", "LOC", "ORG"):
            gk = {s for s in g if s[0] == kind}
            pk = {s for s in p if s[0] == kind}
            counts[kind, "tp"] += len(gk & pk)
            counts[kind, "gold"] += len(gk)
            counts[kind, "pred"] += len(pk)
    result = {}
    for kind in ("PER", "LOC", "ORG", "ALL"):
        keys = ("PER", "LOC", "ORG") if kind == "ALL" else (kind,)
        tp = sum(counts[k, "tp"] for k in keys)
        n_gold = sum(counts[k, "gold"] for k in keys)
        n_pred = sum(counts[k, "pred"] for k in keys)
        p = tp / n_pred if n_pred else 0.0
        r = tp / n_gold if n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        result[kind] = (p, r, f, n_gold)
    return result


def evaluate(model: Path, sentences: Sequence[Sentence]) -> dict[str, tuple]:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    predicted = [tagger.tag(sentence_features([t for t, _ in s])) if s else [] for s in sentences]
    return score([[lab for _, lab in s] for s in sentences], predicted)


def _line(name: str, result: dict[str, tuple]) -> str:
    cells = "  ".join(f"{k} {result[k][2]:.3f}" for k in ("PER", "LOC", "ORG", "ALL"))
    return f"{name:<28} {cells}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tune", action="store_true", help="grid on DEV; no model written")
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if not NEWSFANE.is_file():
        print(f"NewsFANE not found at {NEWSFANE}; nothing trained")
        return 1
    if WIKIDATA_NAMES.is_file():
        print(f"{write_name_tokens()} Wikidata name tokens -> {NAME_TOKENS_PATH}")
    parts = newsfane_parts()
    print(" ".join(f"{k}: {len(v)} sentences" for k, v in parts.items()))
    if args.tune:
        scratch = Path(tempfile.mkdtemp()) / "ner-tune.crfsuite"
        for params in GRID:
            seconds = train(parts["train"], params, scratch)
            label = f"c1={params['c1']} c2={params['c2']} {seconds:.0f}s"
            print(_line(label, evaluate(scratch, parts["dev"])))
        return 0
    seconds = train(parts["train"], PARAMS, args.out)
    size = args.out.stat().st_size / 1e6
    n_train = len(parts["train"])
    print(f"trained in {seconds:.0f}s on {n_train} sentences -> {args.out} ({size:.1f} MB)")
    print(_line("NewsFANE dev", evaluate(args.out, parts["dev"])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
