"""Prove a refactoring changed no output: build with two checkouts, compare every written byte.

    python tools/output_identity.py snapshot --repo DIR --out before.json   # with the old code
    python tools/output_identity.py snapshot --repo .   --out after.json    # with the new code
    python tools/output_identity.py compare before.json after.json

`snapshot` builds the seeds and the first N ant_multisource articles (default 500, read from
../shared/corpus at run time and written to a temporary folder, never into the repository) with
the plugin of the checkout DIR, and records the SHA-256 of every file under each output folder.
`compare` prints, per build, how many files are identical, changed, missing or new, and exits 1
on any difference.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus" / "ant_multisource"


def _setting(value: Path) -> str:
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def corpus_folder(n: int, dest: Path) -> Path:
    """The first n corpus articles and their metadata rows, as a seeds folder."""
    seeds = dest / "seeds"
    seeds.mkdir(parents=True)
    files = sorted((CORPUS / "articles").glob("*.txt"))[:n]
    for path in files:
        shutil.copy(path, seeds / path.name)
    with (CORPUS / "metadata.csv").open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        wanted = {p.stem for p in files}
        rows = [row for row in reader if row["id"] in wanted]
        fields = list(reader.fieldnames or [])
    with (seeds / "metadata.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    return seeds


def build(repo: Path, seeds: Path, work: Path) -> Path:
    """`pelican content` run from the checkout's root with its own plugin first on the path."""
    output = work / "output"
    command = [
        sys.executable,
        "-m",
        "pelican",
        "content",
        "-s",
        "pelicanconf.py",
        "-o",
        str(output),
        "-e",
        f"DIGEST_SEEDS_PATH={_setting(seeds)}",
        f"CACHE_PATH={_setting(work / 'cache')}",
    ]
    env = {**os.environ, "PYTHONPATH": str(repo / "plugins")}
    subprocess.run(command, cwd=repo, env=env, check=True, capture_output=True)
    return output


def hashes(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def snapshot(repo: Path, n: int, out: Path) -> None:
    builds: dict[str, dict[str, str]] = {}
    with tempfile.TemporaryDirectory(prefix="identity-") as tmp:
        work = Path(tmp)
        builds["seeds"] = hashes(build(repo, repo / "seeds", work / "seeds"))
        if CORPUS.is_dir():
            seeds = corpus_folder(n, work / "corpus")
            builds[f"ant_multisource_{n}"] = hashes(build(repo, seeds, work / "corpus"))
        else:
            print(f"corpus not found at {CORPUS}: only the seeds were built")
    out.write_text(json.dumps(builds, indent=1, sort_keys=True), encoding="utf-8")
    for name, files in builds.items():
        print(f"{name}: {len(files)} files hashed")


def compare(before: Path, after: Path) -> int:
    old = json.loads(before.read_text(encoding="utf-8"))
    new = json.loads(after.read_text(encoding="utf-8"))
    print(f"{'build':<22} {'files':>6} {'same':>6} {'changed':>8} {'missing':>8} {'new':>5}")
    differs = False
    for name in sorted(set(old) | set(new)):
        a, b = old.get(name, {}), new.get(name, {})
        same = sum(1 for k in a if b.get(k) == a[k])
        changed = [k for k in a if k in b and b[k] != a[k]]
        missing = [k for k in a if k not in b]
        added = [k for k in b if k not in a]
        print(
            f"{name:<22} {len(a):>6} {same:>6} {len(changed):>8} {len(missing):>8} {len(added):>5}"
        )
        for k in (changed + missing + added)[:10]:
            print(f"    differs: {k}")
        differs = differs or bool(changed or missing or added)
    print("byte-identical" if not differs else "OUTPUT DIFFERS")
    return 1 if differs else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    snap = sub.add_parser("snapshot")
    snap.add_argument("--repo", type=Path, default=REPO)
    snap.add_argument("--out", type=Path, required=True)
    snap.add_argument("-n", type=int, default=500)
    comp = sub.add_parser("compare")
    comp.add_argument("before", type=Path)
    comp.add_argument("after", type=Path)
    args = parser.parse_args(argv)
    if args.command == "snapshot":
        snapshot(args.repo.resolve(), args.n, args.out)
        return 0
    return compare(args.before, args.after)


if __name__ == "__main__":
    raise SystemExit(main())
