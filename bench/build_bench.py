"""Build benchmark: our bilingual digest against vanilla Pelican, at archive scale.

One run measures, for each size N (articles taken from the ant_multisource research corpus,
replicated with a distinguishing line beyond its 3,000 articles):

* our cold build: `pelican content` from the repository root, fresh CACHE_PATH and output;
* vanilla Pelican 4.12 (default theme, PLUGINS=[]) on the same N articles as Markdown, one
  language;
* our warm rebuilds (same cache and output) after adding one article and after editing one.

Every build is a separate `python -m pelican` process; the wall time is measured around it and
the peak memory is sampled from /proc over the whole process tree (worker processes included).
Against a baseline checkout, the CPU seconds of each build's process tree are shown too: on a
machine shared with other work they vary much less than the wall time.
The corpus is converted into a temporary folder and read only here, never copied into the repo.

    python bench/build_bench.py                      # N = 1,000, 3,000, 10,000
    python bench/build_bench.py --sizes 1000 --skip-vanilla
    python bench/build_bench.py --quick              # N = 200: a smoke test in ~30 s
    python bench/build_bench.py --profile 3000       # cProfile of one cold build, top hotspots
"""

from __future__ import annotations

import argparse
import csv
import logging
import os
import platform
import pstats
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

logger = logging.getLogger("build_bench")

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "ant_multisource"
DEFAULT_SIZES = (1000, 3000, 10000)
QUICK_SIZES = (200,)
SAMPLE_SECONDS = 0.1  # memory sampling period: short builds still get a dozen samples
BUILD_TIMEOUT = 3 * 3600
UNDATED = "2000-01-01"
# What `pelican content` reads from the repository: copied once per run (see snapshot_repo).
BUILD_INPUTS = ("pelicanconf.py", "content", "plugins", "theme")
EDIT_SENTENCE = " وأضاف المصدر أن التحقيقات ما زالت مستمرة حتى الآن."

VANILLA_CONF = """\
# Vanilla Pelican for the benchmark: default theme, no plugins, one language.
SITENAME = "Vanilla"
SITEURL = ""
PATH = "content"
TIMEZONE = "UTC"
DEFAULT_LANG = "ar"
PLUGINS = []
DEFAULT_PAGINATION = 30  # as ours, so both write the same number of index pages
LOAD_CONTENT_CACHE = False
"""


@dataclass(frozen=True)
class Options:
    sizes: tuple[int, ...]
    corpus: Path
    skip_vanilla: bool
    keep: bool
    profile: int
    workdir: Path | None
    live: bool
    baseline: Path | None = None  # another checkout: its cold build beside ours, same run


@dataclass(frozen=True)
class Run:
    """One measured build."""

    wall: float  # seconds
    rss_mb: float  # peak of the summed RSS of the process tree (shared pages counted per process)
    pss_mb: float  # peak of the summed PSS (shared pages split between sharers); 0 if unknown
    ok: bool
    log: Path
    rewritten: int | None = None  # warm builds: output files written anew, of ``files``
    files: int | None = None
    largest: str = ""  # the programs with the highest single-process peaks
    # CPU seconds (user + system) of the whole process tree: on a shared machine the wall
    # time also measures everyone else's load, this much less so.
    cpu: float = 0.0

    @property
    def peak_mb(self) -> float:
        return self.pss_mb or self.rss_mb


@dataclass(frozen=True)
class SizeResult:
    n: int
    ours: Run
    added: Run
    edited: Run
    vanilla: Run | None


@dataclass(frozen=True)
class Item:
    """Article i of the benchmark sequence: corpus file i mod 3,000, replica i div 3,000."""

    source: Path
    replica: int

    @property
    def id(self) -> str:
        return self.source.stem if self.replica == 0 else f"{self.source.stem}_r{self.replica}"

    def text(self) -> str:
        text = self.source.read_text(encoding="utf-8")
        # Replicas must differ from their original: exact duplicates are skipped by design.
        return text if self.replica == 0 else f"{text.rstrip()}\nنسخة {self.replica}\n"


# --------------------------------------------------------------------------- measuring


def _process_table() -> dict[int, int]:
    """pid -> parent pid for every process visible in /proc."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue  # exited while we looked
        # The command name may contain spaces and parentheses: fields follow the last ')'.
        parents[int(entry.name)] = int(stat[stat.rfind(")") + 2 :].split()[1])
    return parents


def _tree(root: int) -> list[int]:
    children: dict[int, list[int]] = defaultdict(list)
    for pid, parent in _process_table().items():
        children[parent].append(pid)
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, ()))
    return found


def _memory_kb(pid: int) -> tuple[int, int]:
    """(RSS, PSS) of one process in kB; PSS is 0 where smaps_rollup is not available."""
    rss = pss = 0
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1])
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                pss = int(line.split()[1])
    except OSError:
        pass  # exited, or no permission: count what we have
    return rss, pss


@dataclass
class _Sampler:
    """Polls the memory of a process tree until told to stop; keeps the peaks."""

    root: int
    rss_kb: int = 0
    pss_kb: int = 0
    # Peak per program name (worker processes share the parent's): who holds the memory.
    by_name: dict[str, int] = field(default_factory=dict)

    def run(self, stop: threading.Event) -> None:
        while not stop.is_set():
            pids = _tree(self.root)
            sizes = [_memory_kb(pid) for pid in pids]
            self.rss_kb = max(self.rss_kb, sum(r for r, _ in sizes))
            self.pss_kb = max(self.pss_kb, sum(p for _, p in sizes))
            for pid, (rss, pss) in zip(pids, sizes, strict=True):
                name = _program(pid)
                self.by_name[name] = max(self.by_name.get(name, 0), pss or rss)
            stop.wait(SAMPLE_SECONDS)


def _program(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/comm").read_text().strip()
    except OSError:
        return "?"


def measure(command: Sequence[str], cwd: Path, log: Path) -> Run:
    """Run one build as a subprocess; wall time and peak tree memory, output kept in ``log``."""
    with log.open("w", encoding="utf-8") as out:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=subprocess.STDOUT)
        sampler, stop = _Sampler(process.pid), threading.Event()
        thread = threading.Thread(target=sampler.run, args=(stop,), daemon=True)
        thread.start()
        # wait4 gives this child's own rusage: the fallback peak where /proc cannot be read.
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        stop.set()
        thread.join()
    rss_kb = sampler.rss_kb or usage.ru_maxrss
    ok = process.returncode == 0
    if not ok:
        logger.error("Build failed (exit %s), see %s", process.returncode, log)
    top = sorted(sampler.by_name.items(), key=lambda kv: -kv[1])[:3]
    largest = ", ".join(f"{name} {kb / 1024:.0f}" for name, kb in top)
    cpu = usage.ru_utime + usage.ru_stime  # Linux: the child and its reaped descendants
    return Run(wall, rss_kb / 1024, sampler.pss_kb / 1024, ok, log, largest=largest, cpu=cpu)


# --------------------------------------------------------------------------- inputs


def corpus_files(corpus: Path) -> list[Path]:
    return sorted((corpus / "articles").glob("*.txt"))


def items(files: Sequence[Path], n: int) -> list[Item]:
    return [Item(files[i % len(files)], i // len(files)) for i in range(n)]


def read_metadata(corpus: Path) -> tuple[list[str], dict[str, dict[str, str]]]:
    with (corpus / "metadata.csv").open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = {row["id"]: row for row in reader}
        return list(reader.fieldnames or []), rows


def write_seeds(chosen: Sequence[Item], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for item in chosen:
        (folder / f"{item.id}.txt").write_text(item.text(), encoding="utf-8")


def write_sidecar(chosen: Sequence[Item], corpus: Path, path: Path) -> None:
    """metadata.csv rows for the chosen items; replicas reuse their original's row."""
    fields, rows = read_metadata(corpus)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        for item in chosen:
            row = rows.get(item.source.stem)
            if row is not None:
                writer.writerow({**row, "id": item.id})


def to_markdown(item: Item, date: str) -> str:
    """Title line, blank line, body -> Pelican Markdown with Title/Date/Slug and paragraphs."""
    title, _, body = item.text().partition("\n")
    paragraphs = [line.strip() for line in body.splitlines() if line.strip()]
    # Slug from the id: Arabic titles slugify to clashing or empty slugs in vanilla Pelican.
    header = f"Title: {title.strip()}\nDate: {date or UNDATED}\nSlug: {item.id.replace('_', '-')}"
    return header + "\n\n" + "\n\n".join(paragraphs) + "\n"


def write_vanilla_site(chosen: Sequence[Item], corpus: Path, folder: Path) -> None:
    _, rows = read_metadata(corpus)
    content = folder / "content"
    content.mkdir(parents=True, exist_ok=True)
    for item in chosen:
        date = rows.get(item.source.stem, {}).get("date", "")
        (content / f"{item.id}.md").write_text(to_markdown(item, date), encoding="utf-8")
    (folder / "pelicanconf.py").write_text(VANILLA_CONF, encoding="utf-8")


# --------------------------------------------------------------------------- builds


def _setting(value: Path) -> str:
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def ours_command(folder: Path, *extra: str) -> list[str]:
    """What a user runs (`pelican content` from the repo root), pointed at the bench folder."""
    settings = [
        f"DIGEST_SEEDS_PATH={_setting(folder / 'seeds')}",
        f"DIGEST_METADATA_CSV={_setting(folder / 'metadata.csv')}",
        f"CACHE_PATH={_setting(folder / 'cache')}",
        *extra,
    ]
    pelican = [sys.executable, "-m", "pelican", "content", "-s", "pelicanconf.py"]
    return [*pelican, "-o", str(folder / "output"), "-e", *settings]


def vanilla_command(folder: Path) -> list[str]:
    pelican = [sys.executable, "-m", "pelican", "content", "-s", "pelicanconf.py"]
    cache = f"CACHE_PATH={_setting(folder / 'cache')}"
    return [*pelican, "-o", str(folder / "output"), "-e", cache]


def snapshot_repo(dest: Path, source_repo: Path = REPO) -> Path:
    """Copy the build inputs, so that edits made to the working tree during a long run (and the
    analysis cache's code fingerprint, which hashes the plugin's modules) stay constant."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in BUILD_INPUTS:
        source = source_repo / name
        if source.is_dir():
            shutil.copytree(source, dest / name, ignore=ignore)
        elif source.is_file():
            dest.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / name)
    return dest


def output_mtimes(output: Path) -> dict[Path, int]:
    return {p: p.stat().st_mtime_ns for p in output.rglob("*") if p.is_file()}


def measure_warm(folder: Path, root: Path, log: Path) -> Run:
    """A rebuild into the existing output and cache, counting the files it rewrote."""
    before = output_mtimes(folder / "output")
    result = measure(ours_command(folder), root, log)
    after = output_mtimes(folder / "output")
    rewritten = sum(1 for path, mtime in after.items() if before.get(path) != mtime)
    return replace(result, rewritten=rewritten, files=len(after))


def bench_ours(
    n: int, files: Sequence[Path], options: Options, folder: Path, root: Path
) -> tuple[Run, ...]:
    """Cold build, then warm rebuilds after adding one article and after editing one."""
    chosen = items(files, n + 1)  # the last one is the article added later
    write_seeds(chosen[:n], folder / "seeds")
    write_sidecar(chosen, options.corpus, folder / "metadata.csv")
    logger.info("N=%d: our cold build", n)
    cold = measure(ours_command(folder), root, folder / "cold.log")
    write_seeds(chosen[n:], folder / "seeds")
    logger.info("N=%d: our rebuild after adding one article", n)
    added = measure_warm(folder, root, folder / "added.log")
    edited_seed = folder / "seeds" / f"{chosen[n // 2].id}.txt"
    edited_seed.write_text(chosen[n // 2].text().rstrip() + EDIT_SENTENCE + "\n", encoding="utf-8")
    logger.info("N=%d: our rebuild after editing one article", n)
    edited = measure_warm(folder, root, folder / "edited.log")
    return cold, added, edited


def bench_vanilla(n: int, files: Sequence[Path], options: Options, folder: Path) -> Run:
    write_vanilla_site(items(files, n), options.corpus, folder)
    logger.info("N=%d: vanilla Pelican cold build", n)
    return measure(vanilla_command(folder), folder, folder / "vanilla.log")


def bench_size(
    n: int, files: Sequence[Path], options: Options, workdir: Path, root: Path
) -> SizeResult:
    cold, added, edited = bench_ours(n, files, options, workdir / f"ours-{n}", root)
    vanilla = None
    if not options.skip_vanilla:
        vanilla = bench_vanilla(n, files, options, workdir / f"vanilla-{n}")
    if not options.keep:  # outputs at 10,000 take gigabytes of /tmp
        shutil.rmtree(workdir / f"ours-{n}" / "output", ignore_errors=True)
        shutil.rmtree(workdir / f"vanilla-{n}" / "output", ignore_errors=True)
    return SizeResult(n, cold, added, edited, vanilla)


# --------------------------------------------------------------------------- profiling


def profile_build(
    n: int, files: Sequence[Path], options: Options, workdir: Path, root: Path
) -> None:
    """cProfile one cold build in a single process (DIGEST_WORKERS=1, so analysis shows)."""
    folder = workdir / f"profile-{n}"
    chosen = items(files, n)
    write_seeds(chosen, folder / "seeds")
    write_sidecar(chosen, options.corpus, folder / "metadata.csv")
    stats_file = folder / "build.prof"
    command = ours_command(folder, "DIGEST_WORKERS=1")
    command[1:3] = ["-m", "cProfile", "-o", str(stats_file), "-m", "pelican"]
    run = measure(command, root, folder / "profile.log")
    print(f"\nProfile of one cold build, N={n}, one process: {run.wall:.1f} s (under cProfile)")
    print(f"Stats file: {stats_file} (python -m pstats {stats_file})\n")
    if run.ok:
        print_hotspots(stats_file)


def _module_of(filename: str) -> str:
    """A readable owner for a profiled function: our module, or the library's name."""
    path = Path(filename)
    if "news_digest" in path.parts:
        return "news_digest." + path.stem
    if "site-packages" in path.parts:
        return path.parts[path.parts.index("site-packages") + 1]
    builtin = filename.startswith(("~", "<")) or "lib/python" in filename
    return "stdlib/builtins" if builtin else path.name


def print_hotspots(stats_file: Path, top: int = 25) -> None:
    stats = pstats.Stats(str(stats_file))
    raw = stats.stats  # type: ignore[attr-defined]  # {(file, line, name): (cc, nc, tt, ct, callers)}
    total = max(ct for (_, _, _, ct, _) in raw.values())
    by_module: dict[str, float] = defaultdict(float)
    for (filename, _, _), (_, _, own, _, _) in raw.items():
        by_module[_module_of(filename)] += own
    print("Own time by module (share of the build):")
    for module, seconds in sorted(by_module.items(), key=lambda kv: -kv[1])[:15]:
        print(f"  {seconds / total:6.1%}  {seconds:7.2f} s  {module}")
    print("\nFunctions by cumulative time (share of the build):")
    ranked = sorted(raw.items(), key=lambda kv: -kv[1][3])
    shown = 0
    for (filename, line, name), (_, calls, _, cumulative, _) in ranked:
        if "news_digest" in filename or "pelican" in filename or "jinja2" in filename:
            where = f"{_module_of(filename)}:{line} {name}"
            print(f"  {cumulative / total:6.1%}  {cumulative:7.2f} s  {calls:>9}  {where}")
            shown += 1
            if shown == top:
                break


# --------------------------------------------------------------------------- report


def _ratio(a: float, b: float | None) -> str:
    return f"{a / b:.2f}×" if b else "–"


def table_row(result: SizeResult) -> str:
    ours, vanilla, n = result.ours, result.vanilla, result.n
    cells = [f"{n:,}", f"{ours.wall:.1f}", f"{n / ours.wall:.0f}", f"{ours.peak_mb:.0f}"]
    if vanilla is None:
        cells += ["–"] * 5
    else:
        cells += [f"{vanilla.wall:.1f}", f"{n / vanilla.wall:.0f}", f"{vanilla.peak_mb:.0f}"]
        cells += [_ratio(ours.wall, vanilla.wall), _ratio(ours.peak_mb, vanilla.peak_mb)]
    for warm in (result.added, result.edited):
        cells.append(f"{warm.wall:.1f} ({_ratio(warm.wall, ours.wall)})")
    failed = [r for r in (ours, result.added, result.edited, vanilla) if r and not r.ok]
    return "| " + " | ".join(cells) + " |" + (" BUILD FAILED" if failed else "")


def format_table(results: Sequence[SizeResult]) -> str:
    cores = len(os.sched_getaffinity(0))
    header = [
        f"Machine: {cores} cores available, {platform.processor() or platform.machine()}, "
        f"Python {platform.python_version()}; memory = peak PSS summed over the process tree.",
        "",
        "| N | ours s | ours art/s | ours MB | vanilla s | vanilla art/s | vanilla MB "
        "| time ours/vanilla | memory ours/vanilla | +1 article s (×cold) | 1 edited s (×cold) |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    return "\n".join(header + [table_row(r) for r in results])


def print_details(results: Sequence[SizeResult]) -> None:
    """RSS next to PSS: forked workers share the parent's pages, which RSS counts twice."""
    print("\nPeak memory detail (MB, tree RSS sum / tree PSS sum):")
    for r in results:
        runs = {"ours": r.ours, "+1": r.added, "edit": r.edited, "vanilla": r.vanilla}
        text = ", ".join(f"{k} {v.rss_mb:.0f}/{v.pss_mb:.0f}" for k, v in runs.items() if v)
        print(f"  N={r.n:,}: {text}; largest processes (cold): {r.ours.largest}")
    print("Files rewritten by the warm rebuilds (of all output files):")
    for r in results:
        print(
            f"  N={r.n:,}: +1 article {r.added.rewritten} of {r.added.files}, "
            f"1 edited {r.edited.rewritten} of {r.edited.files}"
        )


# --------------------------------------------------------------------------- main


def parse_args(argv: Sequence[str] | None = None) -> Options:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", help="comma-separated N (default 1000,3000,10000)")
    parser.add_argument("--quick", action="store_true", help=f"N = {QUICK_SIZES}, smoke test")
    parser.add_argument("--skip-vanilla", action="store_true", help="only our builds")
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="cProfile at N")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--workdir", type=Path, help="keep inputs/outputs here (default: temp)")
    parser.add_argument("--keep", action="store_true", help="keep the built sites")
    parser.add_argument("--live", action="store_true", help="build in the repo, not a snapshot")
    parser.add_argument("--baseline", type=Path, help="another checkout: its cold build too")
    args = parser.parse_args(argv)
    sizes = QUICK_SIZES if args.quick else DEFAULT_SIZES
    if args.sizes:
        sizes = tuple(int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip())
    profile_only = args.profile and not args.sizes and not args.quick
    return Options(
        sizes=() if profile_only else sizes,
        corpus=args.corpus,
        skip_vanilla=args.skip_vanilla,
        keep=args.keep or args.workdir is not None,
        profile=args.profile,
        workdir=args.workdir,
        live=args.live,
        baseline=args.baseline,
    )


def bench_baseline(
    n: int, files: Sequence[Path], options: Options, folder: Path, root: Path
) -> Run:
    """The baseline checkout's cold build of the same N articles, its own plugin first."""
    chosen = items(files, n)
    write_seeds(chosen, folder / "seeds")
    write_sidecar(chosen, options.corpus, folder / "metadata.csv")
    logger.info("N=%d: baseline cold build", n)
    command = ["env", f"PYTHONPATH={root / 'plugins'}", *ours_command(folder)]
    return measure(command, root, folder / "baseline.log")


def baseline_table(results: Sequence[SizeResult], baselines: Sequence[Run]) -> str:
    lines = [
        "| N | ours cold s | baseline cold s | ours/baseline | ours CPU s | baseline CPU s "
        "| CPU ours/baseline | ours MB | baseline MB |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r, b in zip(results, baselines, strict=True):
        lines.append(
            f"| {r.n:,} | {r.ours.wall:.1f} | {b.wall:.1f} | {_ratio(r.ours.wall, b.wall)} "
            f"| {r.ours.cpu:.1f} | {b.cpu:.1f} | {_ratio(r.ours.cpu, b.cpu)} "
            f"| {r.ours.peak_mb:.0f} | {b.peak_mb:.0f} |" + ("" if b.ok else " BUILD FAILED")
        )
    return "\n".join(lines)


def run(options: Options, files: Sequence[Path], workdir: Path) -> int:
    root = REPO if options.live else snapshot_repo(workdir / "repo")
    base_root = None
    if options.baseline:
        base_root = snapshot_repo(workdir / "baseline-repo", options.baseline.resolve())
    results, baselines = [], []
    for n in options.sizes:
        if base_root is not None:  # first, so neither build gets a warmer page cache
            baselines.append(bench_baseline(n, files, options, workdir / f"base-{n}", base_root))
        results.append(bench_size(n, files, options, workdir, root))
        logger.info("N=%d done: %s", n, table_row(results[-1]))
    if results:
        print("\n" + format_table(results))
        if baselines:
            print(f"\nCold build against the baseline checkout {options.baseline}:")
            print(baseline_table(results, baselines))
        print_details(results)
        print(f"\nCommand: python bench/build_bench.py {' '.join(sys.argv[1:])}".rstrip())
    if options.profile:
        profile_build(options.profile, files, options, workdir, root)
    failed = any(not r.ours.ok or (r.vanilla and not r.vanilla.ok) for r in results)
    return 1 if failed else 0


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", datefmt="%H:%M:%S")
    options = parse_args(argv)
    files = corpus_files(options.corpus) if options.corpus.is_dir() else []
    if not files or not (options.corpus / "metadata.csv").is_file():
        print(f"Benchmark skipped: no corpus at {options.corpus} (articles/*.txt, metadata.csv)")
        return 0
    if options.workdir is not None:
        options.workdir.mkdir(parents=True, exist_ok=True)
        return run(options, files, options.workdir)
    workdir = Path(tempfile.mkdtemp(prefix="digest-bench-"))
    try:
        return run(options, files, workdir)
    finally:
        if not options.keep:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
