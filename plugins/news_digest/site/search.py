"""Site search: a Pagefind index per language, built during `pelican content`.

Pagefind splits its index by language, so Arabic pages are searched from /search/ and English
ones from /en/search/. Arabic spelling varies in hamza, final ya/ta marbuta and diacritics, so
each record carries, after the page text, the folded spellings of every word folding changes;
the search page folds the query the same way (theme/static/js/search.js) before Pagefind sees
it. Pagefind indexes a scratch page per record (text plus a hidden folded copy), so the folded
words live only in the index, never in the pages people read.

Records come from the digest (search_records.py), so Pagefind starts as soon as the digest is
built and indexes in its own process while Python renders the pages; the bundle is collected
after the last page. When the records are the same as the last build's, Pagefind does not run.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path

from pelican.generators import Generator

from ..cache import output_cache
from .search_records import SearchRecord, search_records
from .writer import write_bytes_if_changed

logger = logging.getLogger(__name__)

INDEX_DIR = "pagefind"
# Pagefind's ready-made UIs: the search page has its own (theme/static/js/search.js), so these
# would only be dead weight in every deploy.
UNUSED_BUNDLE_FILES = ("pagefind-ui.*", "pagefind-*-ui.*", "pagefind-highlight.js")
# The page kinds worth a search result (lists and indexes are not); DIGEST_SEARCH_PAGES picks
# among articles, stories, sources and entities. Entity pages are left out by default: article
# pages already carry every name, and at archive scale entity pages are most of the site.
DEFAULT_PAGES = ("articles", "stories", "sources")
PAGEFIND_TIMEOUT = 3600
# Records per index shard (DIGEST_SEARCH_SHARD_SIZE): small enough that re-indexing the shard
# of one changed article is quick and one Pagefind process stays small at archive scale.
SHARD_SIZE = 1000
SHARDS_FILE = "shards.json"  # which shard bundles the search page merges
_LANG_PREFIX = re.compile(r"^[a-z]{2}/")


def index_page(record: SearchRecord) -> str:
    """The page Pagefind indexes for a record: its text and then its folded words. Written to a
    scratch folder only, so readers never get the folded copy."""
    return (
        f'<!DOCTYPE html><html lang="{escape(record.lang)}"><head><meta charset="utf-8">'
        f"<title>{escape(record.title)}</title>"
        f'<meta data-pagefind-meta="description[content]" content="{escape(record.description)}">'
        f"</head><body><main data-pagefind-body><h1>{escape(record.title)}</h1>"
        f"<p>{escape(record.text)}</p><p hidden>{escape(record.folded())}</p>"
        "</main></body></html>\n"
    )


def pagefind_executable() -> Path | None:
    try:
        from pagefind_bin import get_executable
    except ImportError:
        return None
    try:
        return get_executable()
    except FileNotFoundError:
        return None


def url_of(rel_path: str) -> str:
    """Site-relative URL of an output file: folders end in '/', as Pelican's URLs do."""
    return rel_path[: -len("index.html")] if rel_path.endswith("index.html") else rel_path


def scratch_name(record: SearchRecord) -> str:
    # The scratch page sits where the real one does, so Pagefind derives the same URL.
    return record.url + "index.html" if record.url.endswith("/") else record.url


@dataclass(frozen=True)
class ScratchSite:
    """Pagefind's input: one small page per record. Kept under CACHE_PATH between builds with
    a hash per page, so a rebuild folds and writes only the records that changed."""

    root: Path

    @property
    def _manifest(self) -> Path:
        return self.root.with_name(self.root.name + ".json")

    def _hashes(self) -> dict[str, str]:
        try:
            return json.loads(self._manifest.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}

    def sync(self, records: Sequence[SearchRecord], version: str) -> str:
        """Bring the pages in line with the records; return a hash of the whole set."""
        old, new = self._hashes(), {}
        for record in records:
            name = scratch_name(record)
            key = repr((version, record)).encode("utf-8")
            new[name] = hashlib.blake2b(key, digest_size=16).hexdigest()
            path = self.root / name
            if old.get(name) != new[name] or not path.is_file():
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(index_page(record), encoding="utf-8")
        for name in old.keys() - new.keys():
            (self.root / name).unlink(missing_ok=True)
        text = json.dumps(new, sort_keys=True)
        write_bytes_if_changed(self._manifest, text.encode("utf-8"))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


def shard_count(records: int, size: int) -> int:
    """Shards of at most about `size` records, a power of two so that growth rarely reshuffles
    them (the count changes only when the archive doubles)."""
    needed = max(1, -(-records // max(1, size)))
    return 1 << (needed - 1).bit_length()


def shard_of(record: SearchRecord, count: int) -> int:
    """A stable shard per page; both language versions of an article share one."""
    key = _LANG_PREFIX.sub("", record.url)
    return int(hashlib.blake2b(key.encode("utf-8"), digest_size=8).hexdigest(), 16) % count


@dataclass(frozen=True)
class Shard:
    """One shard's scratch site, the hash of its pages and where its bundle goes."""

    number: int
    site: Path
    state: str
    stamp: Path  # holds `state` once this shard's bundle is installed

    def installed(self, target: Path) -> bool:
        try:
            indexed = self.stamp.read_text(encoding="utf-8") == self.state
        except FileNotFoundError:
            return False
        return indexed and (target / str(self.number) / "pagefind-entry.json").is_file()


@dataclass
class Indexing:
    """Pagefind run on each changed shard in turn, in a background thread, so indexing
    overlaps page rendering and only one Pagefind process (one shard's memory) is alive."""

    shards: list[Shard]
    executable: Path
    workdir: tempfile.TemporaryDirectory
    thread: threading.Thread | None = None
    failure: BaseException | None = None
    seconds: float = 0.0

    def start(self) -> Indexing:
        self.thread = threading.Thread(target=self._run, name="pagefind", daemon=True)
        self.thread.start()
        return self

    def bundle(self, shard: Shard) -> Path:
        return Path(self.workdir.name) / str(shard.number)

    def _run(self) -> None:
        started = time.monotonic()
        try:
            for shard in self.shards:
                command = [str(self.executable), "--site", str(shard.site), "--silent"]
                command += ["--output-path", str(self.bundle(shard))]
                subprocess.run(command, check=True, capture_output=True, timeout=PAGEFIND_TIMEOUT)
        except (OSError, subprocess.SubprocessError) as err:
            self.failure = err
        self.seconds = time.monotonic() - started

    def install(self, target: Path) -> None:
        """Wait for Pagefind, then put each new shard bundle in place under target/<n>/."""
        try:
            assert self.thread is not None
            self.thread.join()
            if self.failure is not None:
                raise RuntimeError(f"pagefind failed: {self.failure}") from self.failure
            logger.info("Pagefind: %d shards in %.1f s", len(self.shards), self.seconds)
            for shard in self.shards:
                bundle = self.bundle(shard)
                sort_entry_file(bundle / "pagefind-entry.json")
                for pattern in UNUSED_BUNDLE_FILES:
                    for path in bundle.glob(pattern):
                        path.unlink()
                sync_tree(bundle, target / str(shard.number))
                write_bytes_if_changed(shard.stamp, shard.state.encode("utf-8"))
        finally:
            self.workdir.cleanup()


def remove_stale(target: Path, keep: set[str]) -> None:
    """Drop what an earlier layout or a larger shard count left in the bundle folder."""
    if not target.is_dir():
        return
    for path in target.iterdir():
        if path.name in keep:
            continue
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink()


def sync_tree(source: Path, target: Path) -> None:
    """Make `target` hold exactly `source`'s files, rewriting only files whose bytes differ
    (unchanged index files keep their times, for cheap deploys) and removing stale ones
    (fragment names are content hashes, so old ones would pile up)."""
    wanted = {p.relative_to(source) for p in source.rglob("*") if p.is_file()}
    if target.is_dir():
        for path in sorted(target.rglob("*"), reverse=True):
            rel = path.relative_to(target)
            if path.is_file() and rel not in wanted:
                path.unlink()
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    for rel in sorted(wanted):
        write_bytes_if_changed(target / rel, (source / rel).read_bytes())


def sort_entry_file(path: Path) -> None:
    """Pagefind lists its languages in hash-map order, which changes from run to run: sort the
    keys so two builds of the same site are byte-identical."""
    entry = json.loads(path.read_text(encoding="utf-8"))
    text = json.dumps(entry, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    write_bytes_if_changed(path, text.encode("utf-8"))  # atomic, as every other output


class SearchGenerator(Generator):
    """Starts Pagefind once the digest exists and installs its bundles after the last page.

    The index is split into shards (output/pagefind/<n>/, listed in output/pagefind/shards.json
    and merged by the search page), so a rebuild re-indexes only the shards whose pages changed.
    Registered after every page-writing generator, so its generate_output runs last."""

    def generate_context(self) -> None:
        self.indexing: Indexing | None = None
        self.shards: list[Shard] = []
        self.scratch: tempfile.TemporaryDirectory | None = None
        if not self.settings.get("DIGEST_SEARCH", True):
            return
        digest, site = self.context.get("NEWS_DIGEST"), self.context.get("digest_articles")
        if digest is None or site is None:
            return
        executable = pagefind_executable()
        if executable is None:
            logger.warning("Search index not built: pagefind-bin is not installed")
            return
        kinds = tuple(self.settings.get("DIGEST_SEARCH_PAGES", DEFAULT_PAGES))
        records = search_records(digest, site, kinds)
        self.shards = self._sync_shards(records, str(executable))
        target = Path(self.output_path) / INDEX_DIR
        changed = [s for s in self.shards if not s.installed(target)]
        logger.info(
            "Search index: %d pages in %d shards, %d to index",
            len(records),
            len(self.shards),
            len(changed),
        )
        if changed:
            workdir = tempfile.TemporaryDirectory(prefix="digest-pagefind-")
            self.indexing = Indexing(changed, executable, workdir).start()

    def _sync_shards(self, records: Sequence[SearchRecord], version: str) -> list[Shard]:
        cache = output_cache(self.settings, self.output_path, "search")
        if cache is None:
            self.scratch = tempfile.TemporaryDirectory(prefix="digest-scratch-")
            cache = Path(self.scratch.name)
        size = int(self.settings.get("DIGEST_SEARCH_SHARD_SIZE", SHARD_SIZE))
        count = shard_count(len(records), size)
        groups: list[list[SearchRecord]] = [[] for _ in range(count)]
        for record in records:
            groups[shard_of(record, count)].append(record)
        shards = []
        for number, group in enumerate(groups):
            if not group and number:
                continue  # an empty shard has nothing to merge; shard 0 always exists
            folder = cache / f"{count}-{number}"
            state = ScratchSite(folder / "site").sync(group, version)
            shards.append(Shard(number, folder / "site", state, folder / "indexed.sha256"))
        for old in cache.glob("*-*"):  # shards of an earlier shard count
            if old.is_dir() and not old.name.startswith(f"{count}-"):
                shutil.rmtree(old)
        return shards

    def generate_output(self, writer) -> None:
        if not self.shards:
            return
        target = Path(self.output_path) / INDEX_DIR
        try:
            if self.indexing is not None:
                self.indexing.install(target)
        finally:
            if self.scratch is not None:
                self.scratch.cleanup()
        names = [str(s.number) for s in self.shards]
        remove_stale(target, {*names, SHARDS_FILE})
        listing = json.dumps({"shards": names}, separators=(",", ":"))
        write_bytes_if_changed(target / SHARDS_FILE, listing.encode("utf-8"))


def get_generators(pelican) -> type[Generator]:
    return SearchGenerator
