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

    python eval/entity_stats.py --baseline DIR --repeat 5          # timing over 5 rounds
    python eval/entity_stats.py --baseline DIR --repeat 5 --cpu    # process CPU time

On a shared machine one run's times are noisy. ``--repeat K`` runs K rounds, each one process
for this checkout and one for the baseline, alternating which goes first (ours, baseline;
baseline, ours; ...); the table then shows the median over the rounds of each run's median and
p95 (every other measure is the same in every round: the extraction is deterministic), and a
line per round gives its times and ratios, so the spread is visible. ``--cpu`` times each
article by the process's CPU time instead of the wall clock: what other processes take of the
machine then counts much less.
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


def worker(n: int, cpu: bool = False) -> dict:
    """Runs inside the checkout's own interpreter path: this or the baseline plugin."""
    entities = _import_first("news_digest.analysis.entities", "news_digest.entities")
    seeds = _import_first("news_digest.ingest.seeds", "news_digest.ingest")
    pipeline = importlib.import_module("news_digest.pipeline")
    files = sorted(CORPUS.glob("*.txt"))[:n]
    times, per_article = [], []
    people: dict[str, dict] = defaultdict(lambda: {"articles": 0})
    kinds: dict[str, int] = defaultdict(int)
    clock = time.process_time if cpu else time.perf_counter
    for path in files:
        doc = pipeline.document_from_seed(seeds.read_seed(path))
        started = clock()
        result = entities.extract_entities(doc)
        times.append(clock() - started)
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


def run(checkout: Path, n: int, cpu: bool = False) -> dict:
    env_path = str(checkout / "plugins")
    code = (
        "import json, sys; sys.path.insert(0, sys.argv[1]); sys.path.insert(1, sys.argv[2]);"
        "import entity_stats;"
        "print(json.dumps(entity_stats.worker(int(sys.argv[3]), sys.argv[4] == 'cpu')))"
    )
    clock = "cpu" if cpu else "wall"
    out = subprocess.run(
        [sys.executable, "-c", code, env_path, str(ROOT / "eval"), str(n), clock],
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


def _round(checkouts: dict[str, Path], n: int, cpu: bool, index: int) -> dict[str, dict]:
    """One run per checkout; odd rounds run them in reverse order."""
    names = list(checkouts) if index % 2 == 0 else list(reversed(checkouts))
    done = {name: run(checkouts[name], n, cpu) for name in names}
    return {name: done[name] for name in checkouts}


def _over_rounds(rounds: list[dict[str, dict]]) -> dict[str, dict]:
    """The first round's results with the median over rounds of each run's median and p95."""
    merged = {}
    for name, first in rounds[0].items():
        merged[name] = dict(first)
        for key in ("median_ms", "p95_ms"):
            merged[name][key] = statistics.median(r[name][key] for r in rounds)
    return merged


def _round_lines(rounds: list[dict[str, dict]]) -> str:
    lines = ["per round (this checkout vs baseline; rounds alternate which runs first):"]
    for index, by_name in enumerate(rounds, 1):
        parts = []
        for key in ("median_ms", "p95_ms"):
            values = [r[key] for r in by_name.values()]
            ratio = f" ({values[0] / values[1]:.2f}x)" if len(values) == 2 and values[1] else ""
            parts.append(" vs ".join(f"{v:.1f}" for v in values) + ratio)
        lines.append(f"  round {index}: median {parts[0]}; p95 {parts[1]}")
    names = list(rounds[0])
    if len(names) == 2:
        ratios = [
            statistics.median(r[names[0]][key] / r[names[1]][key] for r in rounds)
            for key in ("median_ms", "p95_ms")
        ]
        lines.append(f"  median of the rounds' ratios: {ratios[0]:.2f}x, p95 {ratios[1]:.2f}x")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=3000)
    parser.add_argument("--baseline", type=Path, help="another checkout to compare with")
    parser.add_argument("--repeat", type=int, default=1, help="rounds of timing (see above)")
    parser.add_argument("--cpu", action="store_true", help="process CPU time, not wall clock")
    args = parser.parse_args(argv)
    if not CORPUS.is_dir():
        print(f"corpus not found at {CORPUS}: place ../shared/corpus beside the repo. Skipped.")
        return 0
    checkouts = {"this checkout": ROOT}
    if args.baseline:
        checkouts["baseline"] = args.baseline.resolve()
    rounds = [_round(checkouts, args.n, args.cpu, r) for r in range(max(1, args.repeat))]
    results = _over_rounds(rounds)
    clock = "process CPU time" if args.cpu else "wall clock"
    print(f"ant_multisource, first {args.n} articles; {len(rounds)} round(s), {clock}")
    print(table(results))
    if len(rounds) > 1:
        print(_round_lines(rounds))
    for name, r in results.items():
        print(f"\n{name}: {SAMPLE} people drawn at random (seed {SEED}): articles, English, Arabic")
        for p in r["sample"]:
            print(f"  {p['articles']:>4}  {p['en']:<34} {p['ar']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
