"""Entities on fresh news, today's code against a baseline checkout, in one run.

    python eval/entity_stats.py                       # 3,000 ant_multisource articles
    python eval/entity_stats.py --baseline DIR -n 500 # DIR: another checkout (e.g. a worktree)

For each checkout (this one, and the baseline when given) a separate process imports that
checkout's plugin, extracts the entities of the same N articles of ../shared/corpus/ant_multisource
(read at run time, never copied) and reports: entities per article, people in all, the share of
people named in one article only (a name that recurs across articles is more likely a real
referent), per-article extraction time (median and p95; both processes run one after the other,
so the ratio is what to read), and 25 people drawn at random (seeded) with their Arabic, English
and article count. Without the corpus it says so and exits 0.
"""

from __future__ import annotations

import argparse
import importlib
import json
import random
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "ant_multisource" / "articles"
SAMPLE = 25
SEED = 20261201


def _import_first(*names: str):
    for name in names:
        try:
            return importlib.import_module(name)
        except ImportError:
            continue
    raise ImportError(names)


def worker(n: int) -> dict:
    """Runs inside the checkout's own interpreter path: this or the baseline plugin."""
    entities = _import_first("news_digest.analysis.entities", "news_digest.entities")
    seeds = _import_first("news_digest.ingest.seeds", "news_digest.ingest")
    pipeline = importlib.import_module("news_digest.pipeline")
    files = sorted(CORPUS.glob("*.txt"))[:n]
    times, per_article = [], []
    people: dict[str, dict] = defaultdict(lambda: {"articles": 0})
    kinds: dict[str, int] = defaultdict(int)
    for path in files:
        doc = pipeline.document_from_seed(seeds.read_seed(path))
        started = time.perf_counter()
        result = entities.extract_entities(doc)
        times.append(time.perf_counter() - started)
        per_article.append(len(result.entities))
        for entity in result.entities:
            kinds[entity.type] += 1
            if entity.type == "person":
                record = people[entity.key]
                record.update(ar=entity.text, en=entity.en)
                record["articles"] += 1
    times.sort()
    single = sum(1 for p in people.values() if p["articles"] == 1)
    rng = random.Random(SEED)
    sample_keys = rng.sample(sorted(people), min(SAMPLE, len(people)))
    return {
        "articles": len(files),
        "entities_per_article": statistics.mean(per_article) if per_article else 0.0,
        "mentions_by_type": dict(kinds),
        "people": len(people),
        "single_article_people": single,
        "median_ms": 1000 * statistics.median(times) if times else 0.0,
        "p95_ms": 1000 * times[int(0.95 * (len(times) - 1))] if times else 0.0,
        "sample": [{"key": k, **people[k]} for k in sample_keys],
    }


def run(checkout: Path, n: int) -> dict:
    env_path = str(checkout / "plugins")
    code = (
        "import json, sys; sys.path.insert(0, sys.argv[1]); sys.path.insert(1, sys.argv[2]);"
        "import entity_stats; print(json.dumps(entity_stats.worker(int(sys.argv[3]))))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, env_path, str(ROOT / "eval"), str(n)],
        capture_output=True,
        text=True,
        check=True,
        cwd=checkout,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def table(results: dict[str, dict]) -> str:
    rows = [
        ("entities per article", "entities_per_article", "{:.2f}"),
        ("people", "people", "{:d}"),
        ("people in one article only", "single_article_people", "{:d}"),
        ("median ms per article", "median_ms", "{:.1f}"),
        ("p95 ms per article", "p95_ms", "{:.1f}"),
    ]
    names = list(results)
    lines = [f"{'measure':<30}" + "".join(f"{n:>14}" for n in names) + "   ratio"]
    for label, key, fmt in rows:
        values = [results[n][key] for n in names]
        ratio = f"{values[0] / values[1]:.2f}x" if len(values) == 2 and values[1] else ""
        lines.append(
            f"{label:<30}" + "".join(f"{fmt.format(v):>14}" for v in values) + f"   {ratio}"
        )
    for name in names:
        r = results[name]
        share = r["single_article_people"] / r["people"] if r["people"] else 0.0
        lines.append(f"{name}: share of people in one article only {share:.3f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=3000)
    parser.add_argument("--baseline", type=Path, help="another checkout to compare with")
    args = parser.parse_args(argv)
    if not CORPUS.is_dir():
        print(f"corpus not found at {CORPUS}: place ../shared/corpus beside the repo. Skipped.")
        return 0
    results = {"this checkout": run(ROOT, args.n)}
    if args.baseline:
        results["baseline"] = run(args.baseline.resolve(), args.n)
    print(f"ant_multisource, first {args.n} articles")
    print(table(results))
    for name, r in results.items():
        print(f"\n{name}: {SAMPLE} people drawn at random (seed {SEED}): articles, English, Arabic")
        for p in r["sample"]:
            print(f"  {p['articles']:>4}  {p['en']:<34} {p['ar']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
