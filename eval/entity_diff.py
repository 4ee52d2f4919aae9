"""Which entities a change adds and removes on fresh news: this checkout against another.

    python eval/entity_diff.py --baseline DIR             # 3,000 ant_multisource articles
    python eval/entity_diff.py --baseline DIR -n 500 --show 40

Each checkout's plugin runs in its own process over the same N articles of
../shared/corpus/ant_multisource (read at run time, never copied) and reports every article's
entities as (type, Arabic, English). Printed: how many articles changed, the entities gone and
new (with how many articles each), and with ``--show K`` the first K changed articles, what
each lost and gained, for a reader to judge. This is how an entity change is checked on real
text before it lands. Without the corpus it says so and exits 0.
"""

from __future__ import annotations

import argparse
import importlib
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "eval"))
from entity_stats import CORPUS, _import_first  # noqa: E402

Found = dict[str, list[list[str]]]  # article -> [type, Arabic, English] of each entity


def worker(n: int) -> Found:
    """Runs inside the checkout's own interpreter path: this or the baseline plugin."""
    entities = _import_first("news_digest.analysis.entities", "news_digest.entities")
    seeds = _import_first("news_digest.ingest.seeds", "news_digest.ingest")
    pipeline = importlib.import_module("news_digest.pipeline")
    found: Found = {}
    for path in sorted(CORPUS.glob("*.txt"))[:n]:
        result = entities.extract_entities(pipeline.document_from_seed(seeds.read_seed(path)))
        found[path.name] = sorted([e.type, e.text, e.en] for e in result.entities)
    return found


def run(checkout: Path, n: int) -> Found:
    code = (
        "import json, sys; sys.path.insert(0, sys.argv[1]); sys.path.insert(1, sys.argv[2]);"
        "import entity_diff; print(json.dumps(entity_diff.worker(int(sys.argv[3]))))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(checkout / "plugins"), str(ROOT / "eval"), str(n)],
        capture_output=True,
        text=True,
        check=True,
        cwd=checkout,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def changes(new: Found, old: Found) -> dict[str, tuple[list[tuple], list[tuple]]]:
    """Article -> (entities gone, entities new), for the articles whose entities differ."""
    out = {}
    for name in sorted(new):
        before = {tuple(e) for e in old.get(name, [])}
        after = {tuple(e) for e in new[name]}
        if before != after:
            out[name] = (sorted(before - after), sorted(after - before))
    return out


def report(changed: dict[str, tuple[list[tuple], list[tuple]]], n: int, show: int) -> None:
    print(f"ant_multisource, first {n} articles: {len(changed)} articles changed")
    for label, side in (("gone", 0), ("new", 1)):
        counts = Counter(e for pair in changed.values() for e in pair[side])
        print(f"\n{label}: {sum(counts.values())} entities ({len(counts)} distinct), most frequent")
        for (type_, arabic, english), count in counts.most_common(30):
            print(f"  {count:>4}  {type_:<12} {english:<40} {arabic}")
    for name, (gone, new) in list(changed.items())[:show]:
        print(f"\n{name}\n  - {gone}\n  + {new}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=3000)
    parser.add_argument("--baseline", type=Path, required=True, help="checkout to compare with")
    parser.add_argument("--show", type=int, default=0, help="print K changed articles")
    args = parser.parse_args(argv)
    if not CORPUS.is_dir():
        print(f"corpus not found at {CORPUS}: place ../shared/corpus beside the repo. Skipped.")
        return 0
    new, old = run(ROOT, args.n), run(args.baseline.resolve(), args.n)
    report(changes(new, old), args.n, args.show)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
