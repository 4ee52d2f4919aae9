"""Romanisation exact-match accuracy (case-insensitive), today's code beside the new chain.

    python eval/names.py [--corpus ../shared/corpus/names] [--anetac N]

Test sets, none of which the shipped data saw (see tools/build_name_data.py):
(a) Google's ar->en eval pairs (target >= 0.50); (b) the held-out tenth of the Wikidata tokens,
scored against each token's most frequent spelling; (c) optionally ANETAC person names
(research use, read here only, never shipped), whole multi-word names.
Systems: today's ``transliterate.romanize``, the token table alone, the model alone, the chain
per token (``spell_token``) and the chain with the news conventions (``romanize_name``: al-).
"""

from __future__ import annotations

import argparse
import difflib
import random
import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT / "tools"))

import build_name_data as build  # noqa: E402
from news_digest.analysis.entities import romanize as rz  # noqa: E402
from news_digest.analysis.entities.transliterate import romanize as today  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "names"
TARGET = 0.50
Pair = tuple[str, str]


def google_pairs(corpus: Path) -> list[Pair]:
    return build.read_google(corpus / "google_ar2en_eval.tsv")


def wikidata_held_out(corpus: Path) -> list[Pair]:
    """Each held-out token with its most frequent spelling (ties: alphabetical)."""
    forbidden = build.forbidden_keys(google_pairs(corpus))
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for ar, en, count in build.read_wikidata(corpus / "wikidata_name_tokens.tsv"):
        if build.held_out(ar) and build.allowed(ar, forbidden):
            counts[ar][en] += count
    return sorted(
        (ar, min(c.items(), key=lambda kv: (-kv[1], kv[0]))[0]) for ar, c in counts.items()
    )


def anetac_persons(corpus: Path, limit: int) -> list[Pair]:
    """ANETAC PERSON lines (research use: evaluation only), a fixed random sample."""
    path = corpus / "anetac_named_entities.txt"
    if not path.exists() or limit <= 0:
        return []
    pairs = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            cls, _, rest = line.rstrip("\n").partition(" ")
            words = rest.split(" ")
            split = next((i for i, w in enumerate(words) if rz.arabic_key(w)), None)
            if cls == "PERSON" and split:
                pairs.append((" ".join(words[split:]), " ".join(words[:split])))
    return random.Random(13).sample(pairs, min(limit, len(pairs)))


def _plain(text: str | None) -> str:
    return " ".join(rz.latin_spelling(w) for w in (text or "").split())


def accuracy(system: Callable[[str], str | None], pairs: list[Pair]) -> tuple[float, Counter]:
    hits, errors = 0, Counter()
    for ar, en in pairs:
        got = _plain(system(ar))
        if got == _plain(en):
            hits += 1
        else:
            errors[(ar, en, got)] += 1
    return hits / max(1, len(pairs)), errors


def error_patterns(errors: Counter) -> list[tuple[Pair, tuple[int, Pair]]]:
    """The letter edits that turn the expected spelling into the output, most frequent first."""
    found: dict[Pair, list] = {}
    for ar, en, got in sorted(errors):
        matcher = difflib.SequenceMatcher(None, _plain(en), got, autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op != "equal":
                key = (_plain(en)[i1:i2], got[j1:j2])
                entry = found.setdefault(key, [0, (ar, en, got)])
                entry[0] += 1
    ranked = sorted(found.items(), key=lambda kv: (-kv[1][0], kv[0]))
    return [(key, (n, example)) for key, (n, example) in ranked]


def per_word(system: Callable[[str], str | None]) -> Callable[[str], str]:
    """A token-level system applied to each word of a (possibly multi-word) name."""
    return lambda text: " ".join(system(word) or "" for word in text.split())


SYSTEMS: dict[str, Callable[[str], str | None]] = {
    "today (transliterate.romanize)": today,
    "token table only": per_word(lambda ar: rz.load_token_table().spell(ar)),
    "model only": per_word(rz.model_spelling),
    "chain per token (spell_token)": per_word(rz.spell_token),
    "chain as a name (romanize_name)": rz.romanize_name,
}


def print_coverage(corpus: Path, pairs: list[Pair]) -> None:
    """The Google eval score split by whether the shipped token table holds the word (from
    Wikidata's own rows; Google's eval pairs never enter it) or only the model spells it (the
    model never trained on these words): what the chain owes to each."""
    table = rz.load_token_table()
    known = [p for p in pairs if table.spell(p[0]) is not None]
    unseen = [p for p in pairs if table.spell(p[0]) is None]
    for name, part in (("in the table", known), ("model only (unseen)", unseen)):
        score = accuracy(rz.spell_token, part)[0] if part else 0.0
        print(f"google eval, words {name}: {len(part)} words, chain {score:.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--anetac", type=int, default=0, help="score N ANETAC person names")
    args = parser.parse_args(argv)
    if not (args.corpus / "google_ar2en_eval.tsv").exists():
        print(f"skipped: {args.corpus} (the shared name corpus) is not here")
        return 0
    sets = {
        "google eval": google_pairs(args.corpus),
        "wikidata held-out": wikidata_held_out(args.corpus),
    }
    if args.anetac:
        sets["anetac persons"] = anetac_persons(args.corpus, args.anetac)
    names = list(sets)
    print("| system | " + " | ".join(f"{n} (n={len(sets[n])})" for n in names) + " |")
    print("|---|" + "---|" * len(names))
    errors_of = {}
    for label, system in SYSTEMS.items():
        cells = []
        for name in names:
            score, errors = accuracy(system, sets[name])
            cells.append(f"{score:.3f}")
            errors_of[(label, name)] = errors
        print(f"| {label} | " + " | ".join(cells) + " |")
    print_coverage(args.corpus, sets["google eval"])
    google_chain = accuracy(SYSTEMS["chain per token (spell_token)"], sets["google eval"])[0]
    verdict = "met" if google_chain >= TARGET else "NOT met"
    print(
        f"\ntarget: chain per token >= {TARGET:.2f} on google eval: {verdict} ({google_chain:.3f})"
    )
    for name in names:
        print(f"\ntop-5 error patterns of the chain on {name} (expected -> got: count, e.g.):")
        patterns = error_patterns(errors_of[("chain per token (spell_token)", name)])
        for (want, got), (n, example) in patterns[:5]:
            print(f"  {want or '_'} -> {got or '_'}: {n}, e.g. {' / '.join(example)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
