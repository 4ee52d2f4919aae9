"""Translation benchmark: segments per second with the segment cache cold and warm.

Models: the tiny model tests/tiny_mt.py builds (both layouts), and the real model in
DIGEST_TRANSLATION_MODEL when that is set. Segments: titles and sentences of the ant_multisource
research corpus, read here at run time and never copied; without the corpus, sentences made by
combining our own sentences from tests/tiny_mt.py. Cold: an empty cache folder; warm: the same
folder again, as in a rebuild. The ratio column is warm/cold throughput from the same run.

    python bench/translate_bench.py                    # 1,000 segments
    python bench/translate_bench.py --segments 5000
    DIGEST_TRANSLATION_MODEL=models/opus-mt-ar-en python bench/translate_bench.py --segments 300

`--build N` times whole `pelican content` builds of the first N ant_multisource articles instead
(copied to a temporary folder at run time, never into the repository): without a model, then
with each model, each cold (fresh CACHE_PATH) and warm (the same CACHE_PATH, a fresh output).
The table gives each build's time beside the no-model build of the same run, the translation
step's own time (from its log line) and its share of the build.

    python bench/translate_bench.py --build 1000
"""

from __future__ import annotations

import argparse
import itertools
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO / "plugins"), str(REPO / "tests"), str(REPO / "tools")]

import tiny_mt  # noqa: E402
from news_digest.analysis.translation import (  # noqa: E402
    TranslationCache,
    load_translator_from_folder,
    translate_segments,
)
from output_identity import CORPUS, corpus_folder  # noqa: E402

DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "ant_multisource"
SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+")
STATS_LINE = re.compile(
    r"Translation \((?P<model>[^)]+)\): (?P<segments>\d+) segments, (?P<distinct>\d+) distinct, "
    r"(?P<cached>\d+) cached, (?P<translated>\d+) translated in (?P<seconds>[\d.]+) s"
)


@dataclass(frozen=True)
class Row:
    model: str
    segments: int
    distinct: int
    load_s: float
    cold_s: float
    warm_s: float
    warm_hits: int


def corpus_segments(corpus: Path, limit: int) -> list[str]:
    """Titles and body sentences (4 to 60 words) in file order, up to ``limit``."""
    out: list[str] = []
    for path in sorted((corpus / "articles").glob("*.txt")):
        title, _, body = path.read_text(encoding="utf-8").partition("\n")
        sentences = [title.strip(), *SENTENCE_END.split(body)]
        out += [s.strip() for s in sentences if 4 <= len(s.split()) <= 60]
        if len(out) >= limit:
            break
    return out[:limit]


def own_segments(limit: int) -> list[str]:
    """Distinct sentences from pairs of our own sentences, numbered past the pairs."""
    pairs = [f"{a} {b}" for a, b in itertools.permutations(tiny_mt.ARABIC, 2)]
    return [pairs[i % len(pairs)] + ("" if i < len(pairs) else f" ({i})") for i in range(limit)]


def measure(name: str, folder: Path, segments: list[str], workers: int) -> Row:
    started = time.perf_counter()
    translator = load_translator_from_folder(folder, workers)
    load_s = time.perf_counter() - started
    with tempfile.TemporaryDirectory(prefix="mt-cache-") as cache_dir:
        cold_s, _ = _timed(translator, cache_dir, segments)
        warm_s, warm = _timed(translator, cache_dir, segments)
    return Row(name, len(segments), warm.unique, load_s, cold_s, warm_s, warm.hits)


def _timed(translator, cache_dir, segments):
    cache = TranslationCache(cache_dir, translator.identity)
    started = time.perf_counter()
    _, stats = translate_segments(translator, cache, segments)
    return time.perf_counter() - started, stats


def print_table(rows: list[Row]) -> None:
    header = (
        f"{'model':<26} {'segs':>6} {'distinct':>8} {'load s':>7} {'cold s':>8} "
        f"{'cold seg/s':>10} {'warm s':>7} {'warm seg/s':>10} {'warm hits':>9} {'warm/cold':>9}"
    )
    print(header)
    print("-" * len(header))
    for r in rows:
        cold_rate, warm_rate = r.segments / r.cold_s, r.segments / max(r.warm_s, 1e-9)
        print(
            f"{r.model:<26} {r.segments:>6} {r.distinct:>8} {r.load_s:>7.2f} {r.cold_s:>8.2f} "
            f"{cold_rate:>10.1f} {r.warm_s:>7.3f} {warm_rate:>10.1f} {r.warm_hits:>9} "
            f"{warm_rate / cold_rate:>8.1f}x"
        )


@dataclass(frozen=True)
class BuildRow:
    model: str
    cache: str  # cold or warm
    seconds: float
    segments: int
    cached: int
    translated: int
    translate_s: float


def _quoted(value: Path) -> str:
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def timed_build(seeds: Path, work: Path, cache: Path, model: Path | None, label: str) -> BuildRow:
    """One `pelican content` process; the translation counts from its log line."""
    settings = [f"DIGEST_SEEDS_PATH={_quoted(seeds)}", f"CACHE_PATH={_quoted(cache)}"]
    if model is not None:
        settings.append(f"DIGEST_TRANSLATION_MODEL={_quoted(model)}")
    command = [sys.executable, "-m", "pelican", "content", "-s", "pelicanconf.py", "-v"]
    command += ["-o", str(work / "output"), "-e", *settings]
    env = {**os.environ, "PYTHONPATH": str(REPO / "plugins"), "COLUMNS": "400"}
    started = time.perf_counter()
    done = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode:
        raise SystemExit(f"build failed ({label}):\n{done.stderr[-2000:]}{done.stdout[-2000:]}")
    found = STATS_LINE.search(done.stdout + done.stderr)
    if found is None:
        return BuildRow(label, work.name, seconds, 0, 0, 0, 0.0)
    n = {k: int(v) for k, v in found.groupdict().items() if k not in ("model", "seconds")}
    return BuildRow(
        label,
        work.name,
        seconds,
        n["segments"],
        n["cached"],
        n["translated"],
        float(found["seconds"]),
    )


def build_rows(seeds: Path, models: list[tuple[str, Path | None]], tmp: Path) -> list[BuildRow]:
    rows = []
    for n, (label, model) in enumerate(models):
        cache = tmp / f"cache-{n}"
        for state in ("cold", "warm"):
            work = tmp / f"build-{n}" / state
            rows.append(timed_build(seeds, work, cache, model, label))
            print(f"  {label} {state}: {rows[-1].seconds:.1f} s", file=sys.stderr)
    return rows


def print_build_table(rows: list[BuildRow], articles: int) -> None:
    base = {r.cache: r.seconds for r in rows if r.model == "no model"}
    header = (
        f"{'model':<22} {'cache':<5} {'build s':>8} {'x no model':>10} {'segments':>8} "
        f"{'cached':>7} {'translated':>10} {'MT s':>7} {'seg/s':>8} {'MT share':>8} "
        f"{'s/1,000 art.':>12}"
    )
    print(header)
    print("-" * len(header))
    for r in rows:
        rate = f"{r.segments / r.translate_s:.0f}" if r.translate_s > 0 else "-"
        share = f"{r.translate_s / r.seconds:.1%}" if r.segments else "-"
        print(
            f"{r.model:<22} {r.cache:<5} {r.seconds:>8.1f} {r.seconds / base[r.cache]:>9.2f}x "
            f"{r.segments:>8} {r.cached:>7} {r.translated:>10} {r.translate_s:>7.2f} {rate:>8} "
            f"{share:>8} {r.seconds * 1000 / articles:>12.0f}"
        )


def build_main(n: int) -> None:
    # The seeds folder comes from tools/output_identity.py (articles and their metadata rows).
    if not (CORPUS / "articles").is_dir():
        print(f"skipped: --build needs the ant_multisource corpus at {CORPUS}")
        return
    with tempfile.TemporaryDirectory(prefix="mt-build-bench-") as tmp_name:
        tmp = Path(tmp_name)
        seeds = corpus_folder(n, tmp / "corpus")
        articles = len(list(seeds.glob("*.txt")))
        models: list[tuple[str, Path | None]] = [
            ("no model", None),
            ("tiny opus-mt layout", tiny_mt.build_opus_mt(tmp / "opus-mt-tiny-ar-en")),
        ]
        real = os.environ.get("DIGEST_TRANSLATION_MODEL")
        if real:
            models.append((Path(real).name, Path(real).absolute()))
        rows = build_rows(seeds, models, tmp)
    print(f"{articles} ant_multisource articles; {len(os.sched_getaffinity(0))} cores\n")
    print_build_table(rows, articles)
    print(
        "\nx no model: build time over the no-model build with the same cache state, same run. "
        "MT s: the translation step (cache look-ups, translating, cache writes; model load not "
        "included) from its log line; seg/s = segments / MT s; MT share = MT s / build s."
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--segments", type=int, default=1000)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--workers", type=int, default=int(os.environ.get("DIGEST_WORKERS", 0)))
    parser.add_argument("--build", type=int, metavar="N", help="time whole builds of N articles")
    args = parser.parse_args(argv)
    if args.build:
        build_main(args.build)
        return
    workers = args.workers or len(os.sched_getaffinity(0))
    if (args.corpus / "articles").is_dir():
        segments, source = corpus_segments(args.corpus, args.segments), str(args.corpus)
    else:
        segments, source = own_segments(args.segments), "our own sentences (no corpus found)"
    print(f"{len(segments)} segments from {source}; {workers} workers\n")
    with tempfile.TemporaryDirectory(prefix="tiny-mt-") as tmp:
        models = [
            ("tiny opus-mt layout", tiny_mt.build_opus_mt(Path(tmp) / "opus-mt-tiny-ar-en")),
            ("tiny argos layout", tiny_mt.build_argos(Path(tmp) / "argos")),
        ]
        real = os.environ.get("DIGEST_TRANSLATION_MODEL")
        if real:
            models.append((Path(real).name, Path(real)))
        print_table([measure(name, folder, segments, workers) for name, folder in models])


if __name__ == "__main__":
    main()
