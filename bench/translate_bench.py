"""Translation benchmark: segments per second with the segment cache cold and warm.

Models: the tiny model tests/tiny_mt.py builds (both layouts), and the real model in
DIGEST_TRANSLATION_MODEL when that is set. Segments: titles and sentences of the ant_multisource
research corpus, read here at run time and never copied; without the corpus, sentences made by
combining our own sentences from tests/tiny_mt.py. Cold: an empty cache folder; warm: the same
folder again, as in a rebuild. The ratio column is warm/cold throughput from the same run.

    python bench/translate_bench.py                    # 1,000 segments
    python bench/translate_bench.py --segments 5000
    DIGEST_TRANSLATION_MODEL=models/opus-mt-ar-en python bench/translate_bench.py --segments 300
"""

from __future__ import annotations

import argparse
import itertools
import os
import re
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO / "plugins"), str(REPO / "tests")]

import tiny_mt  # noqa: E402
from news_digest.analysis.translation import (  # noqa: E402
    TranslationCache,
    load_translator_from_folder,
    translate_segments,
)

DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "ant_multisource"
SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+")


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


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--segments", type=int, default=1000)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--workers", type=int, default=int(os.environ.get("DIGEST_WORKERS", 0)))
    args = parser.parse_args(argv)
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
