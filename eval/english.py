"""Evaluate the English headline and standfirst against eval/data/english_gold.tsv (issue 14).

    python eval/english.py                     # dev, seen and test, new vs old composer
    python eval/english.py --split dev         # one split (rules are tuned on dev and seen)
    python eval/english.py --site new=output --site old=/tmp/old-site   # English share of pages
    python eval/english.py --triples 30 > triples.md   # random (title, headline, standfirst)

The articles are read from ../shared/corpus/ant_multisource at run time (research licence:
never copied). The old composer is the previous analysis/english.py, read from git (``--old``
revision) and run on the same entities in the same run.

Matching, per field the headline states (actor, action, target, place): both strings are
normalised (lower case, spellings of one name unified: Mohamed/Mohammed, United Kingdom/
Britain/UK, United States/US, United Nations/UN; "the " and "al-" prefixes dropped,
punctuation and hyphens to spaces, a final plural "s" dropped from each word); the field is
right when, for one of the gold alternatives (``|``-separated), one word set contains the
other. An action is right when its
lexicon key, English verb or noun matches a gold action alternative. A stated field whose
gold is empty is wrong. For a negated gold event (``negated`` = yes) a stated action other
than the gold one (e.g. "attack" when the gold is "deny") is wrong.

- precision: right stated fields / stated fields, over actor, action, place (target apart);
- coverage: share of articles whose headline states an actor and an action;
- standfirst: its first sentence states the same fact as the headline (scored with it); the
  other sentences (quoted speaker, figure, claim, outlet) carry fields copied from the
  extraction and are judged by reading (``--triples``), not matched here;
- English share of a built site: visible text of English home, story and entity pages (tags,
  scripts and styles stripped; every visible character counted, lang="ar" blocks included):
  Latin letters / (Latin + Arabic letters).
"""

from __future__ import annotations

import argparse
import csv
import html
import importlib.util
import random
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from news_digest.analysis.article import analyze, outlet_keys  # noqa: E402
from news_digest.ingest.metadata import load_sidecar  # noqa: E402
from news_digest.ingest.seeds import read_seed  # noqa: E402
from news_digest.pipeline import document_from_seed  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "ant_multisource"
GOLD = ROOT / "eval" / "data" / "english_gold.tsv"
OLD_REV = "e86ace3"
FIELDS = ("actor", "action", "place")
# dev and seen: read while writing rules; test: the fresh draw, scored only (eval/data/README.md)
SPLITS = ("dev", "seen", "test")


@dataclass(frozen=True)
class Stated:
    """What one headline states: field -> English string (or None)."""

    headline: str | None
    actor: str | None = None
    action: tuple[str, ...] = ()  # key, verb, noun
    target: str | None = None
    place: str | None = None
    standfirst: tuple[str, ...] = ()


# Spellings of one name that English news uses interchangeably, written one way before matching.
_SPELLINGS = {"mohamed": "mohammed", "muhammad": "mohammed", "mohammad": "mohammed"}
_SPELLINGS |= {"united kingdom": "britain", "uk": "britain", "united states": "us", "america": "us"}
_SPELLINGS |= {"united nations": "un"}


def normalise(text: str) -> frozenset[str]:
    text = " " + text.lower().replace("’", "'").replace("'s ", " ") + " "
    for variant, canonical in _SPELLINGS.items():
        text = text.replace(f" {variant} ", f" {canonical} ")
    text = re.sub(r"\b(the|al)[ -]", " ", text)
    words = re.sub(r"[^a-z0-9]+", " ", text).split()
    return frozenset(w[:-1] if len(w) > 3 and w.endswith("s") else w for w in words)


def matches(predicted: str | None, gold: str) -> bool:
    if not predicted or not gold.strip():
        return False
    mine = normalise(predicted)
    for alternative in gold.split("|"):
        theirs = normalise(alternative)
        if mine and theirs and (mine <= theirs or theirs <= mine):
            return True
    return False


def action_right(forms: tuple[str, ...], gold: str) -> bool:
    return any(matches(f, gold) for f in forms if f)


def new_stated(analysis) -> Stated:
    brief = analysis.english
    names = {e.key: e.en for e in analysis.entities.entities}
    if not brief.stated:
        return Stated(brief.title, standfirst=brief.standfirst)
    from news_digest.analysis.english.lexicon import load_actions

    action = next((a for a in load_actions()[0] if a.key == brief.action), None)
    forms = (brief.action, action.en, action.noun) if action else (brief.action,)
    return Stated(
        brief.title,
        brief.actor_en or (names.get(brief.who[0]) if brief.who else None),
        forms,
        names.get(brief.target) if brief.target else None,
        names.get(brief.where[0]) if brief.where else None,
        brief.standfirst,
    )


def load_old_composer(rev: str):
    """The previous english.py and its events.tsv, from git, as a module beside the new one."""
    tmp = Path(tempfile.mkdtemp(prefix="english-old-"))
    for path in ("plugins/news_digest/analysis/english.py", "plugins/news_digest/data/events.tsv"):
        out = subprocess.run(
            ["git", "-C", str(ROOT), "show", f"{rev}:{path}"], capture_output=True, check=True
        )
        (tmp / Path(path).name).write_bytes(out.stdout)
    spec = importlib.util.spec_from_file_location(
        "news_digest.analysis.english_old", tmp / "english.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    module.DATA_DIR = tmp
    return module


def old_stated(old, doc, analysis) -> Stated:
    brief = old.compose(doc, analysis.entities, set(outlet_keys()))
    names = {e.key: e.en for e in analysis.entities.entities}
    actor = names.get(brief.who[0]) if brief.who else None
    place = names.get(brief.where[0]) if brief.where else None
    event = (brief.event,) if brief.event else ()
    return Stated(brief.title, actor if event else None, event if actor else (), None, place)


def score(rows: list[dict], stated: dict[str, Stated]) -> dict[str, float | int | str]:
    right = {f: 0 for f in (*FIELDS, "target")}
    made = {f: 0 for f in (*FIELDS, "target")}
    covered = 0
    for row in rows:
        s = stated[row["id"]]
        if s.actor and s.action:
            covered += 1
        for field in ("actor", "target", "place"):
            value = getattr(s, field)
            if value:
                made[field] += 1
                right[field] += matches(value, row[field])
        if s.action:
            made["action"] += 1
            right["action"] += action_right(s.action, row["action"])
    total_made = sum(made[f] for f in FIELDS)
    out: dict[str, float | int | str] = {
        "articles": len(rows),
        "precision": _ratio(sum(right[f] for f in FIELDS), total_made),
        "coverage": covered / len(rows) if rows else 0.0,
        "stated fields": total_made,
    }
    for field in (*FIELDS, "target"):
        out[f"{field} precision"] = (
            f"{_ratio(right[field], made[field]):.2f} ({right[field]}/{made[field]})"
        )
    return out


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def read_gold(split: str | None) -> list[dict]:
    with GOLD.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return [r for r in rows if split in (None, r["split"])]


def analyse_ids(ids, sidecar) -> dict:
    out = {}
    for article_id in ids:
        doc = document_from_seed(
            read_seed(CORPUS / "articles" / f"{article_id}.txt"), sidecar.get(article_id)
        )
        out[article_id] = (doc, analyze(doc))
    return out


_TAGS = re.compile(r"<(script|style)\b.*?</\1>|<[^>]+>", re.S | re.I)


def english_share(pages: list[Path]) -> tuple[float, int]:
    latin = arabic = 0
    for page in pages:
        text = html.unescape(_TAGS.sub(" ", page.read_text(encoding="utf-8")))
        latin += sum(1 for c in text if (c.isalpha() and c.isascii()) or "\u00c0" <= c <= "\u024f")
        arabic += sum(1 for c in text if "\u0600" <= c <= "\u06ff" or "\u0750" <= c <= "\u077f")
    return _ratio(latin, latin + arabic), len(pages)


def site_rows(sites: list[str]) -> None:
    kinds = {
        "home": "en/index*.html",
        "story": "en/stories/*/index.html",
        "entity": "en/entities/*/*/index.html",
        "source": "en/sources/*/index.html",
        "article": "en/articles/*/index.html",
    }
    print(
        "\n| English share of visible letters | "
        + " | ".join(s.split("=")[0] for s in sites)
        + " |"
    )
    print("| --- |" + " ---: |" * len(sites))
    for kind, pattern in kinds.items():
        cells = []
        for site in sites:
            share, n = english_share(sorted(Path(site.split("=", 1)[-1]).glob(pattern)))
            cells.append(f"{share:.3f} ({n} pages)")
        print(f"| {kind} | " + " | ".join(cells) + " |")


def table(results: dict[str, dict]) -> None:
    columns = list(results)
    print("| measure | " + " | ".join(columns) + " |")
    print("| --- |" + " ---: |" * len(columns))
    for key in next(iter(results.values())):
        cells = [results[c][key] for c in columns]
        shown = [f"{v:.3f}" if isinstance(v, float) else str(v) for v in cells]
        print(f"| {key} | " + " | ".join(shown) + " |")


def triples(n: int, sidecar, old) -> None:
    ids = sorted(p.stem for p in (CORPUS / "articles").glob("*.txt"))
    gold = {r["id"] for r in read_gold(None)}
    picked = random.Random(14).sample([i for i in ids if i not in gold], n)
    for k, (article_id, (doc, analysis)) in enumerate(analyse_ids(picked, sidecar).items(), 1):
        before = old.compose(doc, analysis.entities, set(outlet_keys()))
        brief = analysis.english
        print(f"{k}. **{article_id}** — {doc.title}\n")
        print(f"   - before: {before.title or '(Arabic title shown)'}")
        print(f"   - after: {brief.title or '(Arabic title shown)'}")
        print(f"   - standfirst: {' '.join(brief.standfirst)}\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=SPLITS)
    parser.add_argument("--old", default=OLD_REV, help="git revision of the old composer")
    parser.add_argument("--site", action="append", default=[], help="name=path of a built site")
    parser.add_argument("--triples", type=int, default=0)
    parser.add_argument("--show", action="store_true", help="print each article's headlines")
    args = parser.parse_args(argv)
    if args.site:
        site_rows(args.site)
        return 0
    if not (CORPUS / "articles").is_dir():
        print(f"skipped: {CORPUS} not found")
        return 0
    sidecar = load_sidecar(CORPUS / "metadata.csv")
    old = load_old_composer(args.old)
    if args.triples:
        triples(args.triples, sidecar, old)
        return 0
    results = {}
    for split in (args.split,) if args.split else SPLITS:
        rows = read_gold(split)
        analysed = analyse_ids([r["id"] for r in rows], sidecar)
        new = {i: new_stated(a) for i, (_, a) in analysed.items()}
        results[f"new {split}"] = score(rows, new)
        results[f"old {split}"] = score(
            rows, {i: old_stated(old, d, a) for i, (d, a) in analysed.items()}
        )
        if args.show:
            for row in rows:
                s = new[row["id"]]
                print(f"{row['id']}\t{s.headline}\t|{s.actor}|{s.action[:1]}|{s.target}|{s.place}|")
    table(dict(sorted(results.items(), key=lambda kv: (SPLITS.index(kv[0].split()[1]), kv[0]))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
