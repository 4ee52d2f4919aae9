"""English headlines and their "kind of story" on random news, beside another checkout.

    python eval/story_kinds.py                          # 400 random ant_multisource articles
    python eval/story_kinds.py -n 200 --baseline DIR    # DIR: another checkout, same articles
    python eval/story_kinds.py --stated                 # the stated headlines, to read

The articles are drawn (seeded) from ../shared/corpus/ant_multisource (read at run time, never
copied), leaving out every article of eval/data/english_gold.tsv, so no gold or test article is
read. Each checkout runs in its own process with its own plugin. The script prints how many
articles get a kind and a stated headline (actor and action), then every article whose kind is
stated or differs (``--stated``: every stated headline of this checkout), with its Arabic title,
for a reader to judge: a line that misleads ("shooting down" for a team beating another) is
worse than none. Without the corpus it says so and exits 0.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "ant_multisource"
GOLD = ROOT / "eval" / "data" / "english_gold.tsv"
SEED = 20261203


def sample_ids(n: int) -> list[str]:
    """``n`` seeded random article ids outside the gold file, sorted."""
    with open(GOLD, encoding="utf-8", newline="") as handle:
        gold = {row["id"] for row in csv.DictReader(handle, delimiter="\t")}
    ids = sorted(p.stem for p in (CORPUS / "articles").glob("*.txt") if p.stem not in gold)
    return sorted(random.Random(SEED).sample(ids, min(n, len(ids))))


def worker(ids: list[str]) -> dict[str, list]:
    """Runs with the checkout's plugin first on sys.path: id -> [kind, title, headline, stated]."""
    from news_digest.analysis.article import analyze
    from news_digest.ingest.seeds import read_seed
    from news_digest.pipeline import document_from_seed

    out = {}
    for article_id in ids:
        doc = document_from_seed(read_seed(CORPUS / "articles" / f"{article_id}.txt"))
        brief = analyze(doc).english
        out[article_id] = [brief.kind, doc.title, brief.title, brief.stated]
    return out


def run(checkout: Path, ids: list[str]) -> dict[str, list]:
    code = (
        "import json, sys; sys.path.insert(0, sys.argv[1]); sys.path.insert(1, sys.argv[2]);"
        "import story_kinds; ids = json.loads(sys.stdin.read());"
        "print(json.dumps(story_kinds.worker(ids), ensure_ascii=False))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(checkout / "plugins"), str(ROOT / "eval")],
        input=json.dumps(ids),
        capture_output=True,
        text=True,
        check=True,
        cwd=checkout,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def report(results: dict[str, dict[str, list]], ids: list[str], stated: bool) -> None:
    names = list(results)
    print(f"ant_multisource, {len(ids)} random articles outside the gold (seed {SEED})")
    for name in names:
        kinds = sum(1 for i in ids if results[name][i][0])
        heads = sum(1 for i in ids if results[name][i][3])
        print(f"{name}: kind for {kinds}, stated headline for {heads} of {len(ids)}")
    if stated:
        print("\nid\theadline\ttitle")
        for i in ids:
            _, title, headline, is_stated = results[names[0]][i]
            if is_stated:
                print(f"{i}\t{headline}\t{title}")
        return
    print("\nid\t" + "\t".join(names) + "\ttitle")
    for i in ids:
        kinds = [results[name][i][0] for name in names]
        if kinds[0] or len(set(kinds)) > 1:
            print(f"{i}\t" + "\t".join(str(k) for k in kinds) + f"\t{results[names[0]][i][1]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=400)
    parser.add_argument("--baseline", type=Path, help="another checkout to compare with")
    parser.add_argument("--stated", action="store_true", help="list the stated headlines")
    args = parser.parse_args(argv)
    if not (CORPUS / "articles").is_dir():
        print(f"corpus not found at {CORPUS}: place ../shared/corpus beside the repo. Skipped.")
        return 0
    ids = sample_ids(args.n)
    results = {"this checkout": run(ROOT, ids)}
    if args.baseline:
        results["baseline"] = run(args.baseline.resolve(), ids)
    report(results, ids, args.stated)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
