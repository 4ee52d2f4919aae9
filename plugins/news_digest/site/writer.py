"""A Pelican Writer that leaves output files alone when their bytes would not change, and does
not even render a page whose inputs have not changed since the last build.

Pelican's own Writer truncates and rewrites every page on every build, so each build touches
every file's mtime: rsync, `make github` and static hosts then re-upload the whole site, and
`pelican -r` watchers see changes that are not there. This Writer renders exactly as Pelican
does (same templates, same signals) and differs at two steps:

* the rendered text is collected in memory and written to disk only when it differs from the
  file already there;
* a page that comes with a page key (page_keys.py) is not rendered at all when the manifest of
  the last build (under CACHE_PATH) holds the same key and the file on disk is the one that
  build wrote (same size and mtime). Keys are only trusted under the same build fingerprint.

It also notes each page's <head> facts (language, noindex, hreflang alternates) as the page goes
by, so the sitemap needs no second pass over the output.

Registered through Pelican's ``get_writer`` signal (``register`` in ``__init__.py``).
"""

from __future__ import annotations

import filecmp
import html
import io
import json
import logging
import os
import re
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from markupsafe import Markup
from pelican.utils import sanitised_join
from pelican.writers import FileOverwriteFailedError, Writer

from ..cache import output_cache
from ..ingest.isolation import StageWarning, describe, note
from .feed_meta import feed_lang, feed_subtitle, feed_title

logger = logging.getLogger(__name__)


@dataclass
class WriteStats:
    """What the writer did in one build; kept on the writer instance, read by tests and logs."""

    written: set[str] = field(default_factory=set)
    unchanged: set[str] = field(default_factory=set)
    not_rendered: set[str] = field(default_factory=set)  # also in `unchanged`


@dataclass(frozen=True)
class PageHead:
    """What a written page says about itself in <html> and <head>."""

    lang: str = ""
    noindex: bool = False
    alternates: tuple[tuple[str, str], ...] = ()  # (hreflang, href) as written


_HTML_LANG = re.compile(r'<html[^>]*\slang="([^"]*)"')
_NOINDEX = re.compile(r'<meta name="robots" content="[^"]*noindex')
_ALTERNATE = re.compile(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]*)"')


def read_head(text: str) -> PageHead:
    """The head facts of a page our theme wrote (its tags and attribute order are ours)."""
    head = text.split("<body", 1)[0]
    lang = _HTML_LANG.search(head)
    alternates = {html.unescape(k): html.unescape(v) for k, v in _ALTERNATE.findall(head)}
    return PageHead(
        lang=html.unescape(lang.group(1)) if lang else "",
        noindex=bool(_NOINDEX.search(head)),
        alternates=tuple(alternates.items()),
    )


MANIFEST_VERSION = 2


@dataclass(frozen=True)
class PageEntry:
    """A page as the last build left it: its key, the file's size and mtime, its head."""

    key: str
    size: int
    mtime_ns: int
    head: PageHead

    def to_json(self) -> list[Any]:
        # A flat list, not asdict(): tens of thousands of entries are saved on every build.
        head = self.head
        return [self.key, self.size, self.mtime_ns, head.lang, head.noindex, head.alternates]

    @classmethod
    def from_json(cls, data: list[Any]) -> PageEntry:
        key, size, mtime_ns, lang, noindex, alternates = data
        head = PageHead(lang, noindex, tuple((k, v) for k, v in alternates))
        return cls(key, size, mtime_ns, head)


@dataclass
class PageManifest:
    """Page keys of the last build of one output folder, trusted only under one fingerprint."""

    path: Path | None  # None: no cache, nothing remembered
    fingerprint: str = ""
    previous: dict[str, PageEntry] = field(default_factory=dict)
    current: dict[str, PageEntry] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path | None, fingerprint: str) -> PageManifest:
        manifest = cls(path, fingerprint)
        if path is None:
            return manifest
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return manifest
        except (OSError, ValueError) as err:
            logger.warning("Ignoring unreadable page manifest %s: %s", path, err)
            return manifest
        if data.get("fingerprint") == fingerprint and data.get("version") == MANIFEST_VERSION:
            pages = data.get("pages", {})
            manifest.previous = {k: PageEntry.from_json(v) for k, v in pages.items()}
        return manifest

    def fresh(self, rel: str, key: str, file: Path) -> PageEntry | None:
        """The last build's entry when it had this key and the file is still the one it wrote."""
        entry = self.previous.get(rel)
        if entry is None or entry.key != key:
            return None
        try:
            stat = file.stat()
        except FileNotFoundError:
            return None
        if (stat.st_size, stat.st_mtime_ns) != (entry.size, entry.mtime_ns):
            return None
        return entry

    def save(self) -> None:
        if self.path is None:
            return
        pages = {rel: self.current[rel].to_json() for rel in sorted(self.current)}
        data = {"version": MANIFEST_VERSION, "fingerprint": self.fingerprint, "pages": pages}
        write_bytes_if_changed(self.path, json.dumps(data, ensure_ascii=False).encode("utf-8"))


def write_bytes_if_changed(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` unless the file already holds exactly these bytes."""
    try:
        # Size first: a differing size settles it without reading the old file.
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    write_atomically(path, data)
    return True


def temporary_beside(path: Path) -> Path:
    """A new, unique temporary file in path's folder (same file system, so os.replace is
    atomic; unique, so two builds writing the same file never share one)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    return Path(name)


def write_atomically(path: Path, data: bytes) -> None:
    """Readers see the old file or the new one, never half of one."""
    temporary = temporary_beside(path)
    try:
        temporary.write_bytes(data)
        os.chmod(temporary, 0o644)  # mkstemp makes it 0600; pages must stay world-readable
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_chunks_if_changed(path: Path, chunks: Iterable[str]) -> bool:
    """write_bytes_if_changed for text too large to hold twice: streamed to a temporary file,
    which replaces `path` only when the bytes differ."""
    temporary = temporary_beside(path)
    try:
        with temporary.open("w", encoding="utf-8", newline="\n") as handle:
            handle.writelines(chunks)
        if path.is_file() and filecmp.cmp(temporary, path, shallow=False):
            temporary.unlink()
            return False
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return True


class _PendingFile(io.StringIO):
    """A text buffer standing in for Pelican's open file; committed to disk on a clean close."""

    def __init__(
        self, path: str, encoding: str, stats: WriteStats, done: Callable[[str, str], None]
    ) -> None:
        super().__init__()
        self._path = path
        self._encoding = encoding
        self._stats = stats
        self._done = done

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        # A template that failed half-way must not replace a good page with half a page.
        if kind is None:
            self.commit()
        self.close()

    def commit(self) -> None:
        text = self.getvalue()
        if os.linesep != "\n":  # what open(..., "w") would have done to the newlines
            text = text.replace("\n", os.linesep)
        if write_bytes_if_changed(Path(self._path), text.encode(self._encoding)):
            self._stats.written.add(self._path)
        else:
            self._stats.unchanged.add(self._path)
            logger.debug("Unchanged, not rewritten: %s", self._path)
        self._done(self._path, text)


class ChangedOnlyWriter(Writer):
    """Pelican's Writer, except that files whose content is unchanged are not rewritten and
    pages whose key is unchanged are not rendered."""

    def __init__(self, output_path: str, settings: dict | None = None) -> None:
        super().__init__(output_path, settings=settings)
        self.stats = WriteStats()
        self.heads: dict[str, PageHead] = {}  # output-relative path -> head, this build's pages
        self._keys: dict[str, str] = {}  # path -> key of the page being written
        self._manifest: PageManifest | None = None
        # Article id -> pages of it that failed to render (digest.json lists them per article).
        self.render_warnings: dict[str, list[StageWarning]] = {}
        self._feed_lang: str | None = None  # language of the feed being written

    @property
    def manifest(self) -> PageManifest:
        if self._manifest is None:
            from .page_keys import build_fingerprint  # imports the pipeline: only when needed

            folder = output_cache(self.settings, self.output_path, "pages")
            path = folder / "manifest.json" if folder else None
            fingerprint = build_fingerprint(self.settings) if path else ""
            self._manifest = PageManifest.load(path, fingerprint)
        return self._manifest

    def write_feed(self, elements, context, *args, **kwargs):
        """Pelican's write_feed, with the feed's title, subtitle and xml:lang in its language."""
        self._feed_lang = feed_lang(elements, self.settings)
        return super().write_feed(elements, context, *args, **kwargs)

    def _create_new_feed(self, feed_type, title, context):
        feed = super()._create_new_feed(feed_type, title, context)
        lang = getattr(self, "_feed_lang", None) or self.settings.get("DEFAULT_LANG", "ar")
        name = feed_title(lang, context)
        feed.feed["title"] = Markup(f"{name} - {title}" if title else name).striptags()
        feed.feed["subtitle"] = feed.feed["description"] = feed_subtitle(lang, context)
        feed.feed["language"] = lang
        return feed

    def write_file(self, name, template, context, *args, **kwargs) -> None:
        """Pelican's write_file, unless the page's key says the file on disk is still right.

        A digest article's page that fails to render is left out with a warning (the build
        goes on) unless DIGEST_STRICT is set."""
        digest = getattr(kwargs.get("article"), "digest", None)
        if digest is None or self.settings.get("DIGEST_STRICT", False):
            self._write_file(name, template, context, *args, **kwargs)
            return
        try:
            self._write_file(name, template, context, *args, **kwargs)
        except Exception as err:  # one article's page must not cost the other pages
            warning = StageWarning("render", f"{name}: {describe(err)}")
            note(
                digest.doc.source_file, warning, self.render_warnings.setdefault(digest.doc.id, [])
            )

    def _write_file(self, name, template, context, *args, **kwargs) -> None:
        key = kwargs.pop("page_key", None)
        if key is None:
            key = _article_key(context, kwargs)
        if key is not None and name and not kwargs.get("paginated"):
            path = sanitised_join(self.output_path, name)
            if self._reuse(path, key, kwargs.get("override_output", False)):
                return
            self._keys[path] = key
        super().write_file(name, template, context, *args, **kwargs)

    def _reuse(self, path: str, key: str, override: bool) -> bool:
        rel = self._rel(path)
        entry = self.manifest.fresh(rel, key, Path(path))
        if entry is None:
            return False
        self._claim(path, override)
        self.stats.unchanged.add(path)
        self.stats.not_rendered.add(path)
        self.heads[rel] = entry.head
        self.manifest.current[rel] = entry
        return True

    def _rel(self, path: str) -> str:
        root = os.path.abspath(self.output_path) + os.sep
        if path.startswith(root):  # sanitised_join's paths: a cheap slice, not relpath
            return path[len(root) :].replace(os.sep, "/")
        return Path(os.path.relpath(path, self.output_path)).as_posix()

    def _committed(self, path: str, text: str) -> None:
        """A page is on disk: note its head, and its key for the next build."""
        rel, head = self._rel(path), read_head(text)
        self.heads[rel] = head
        key = self._keys.pop(path, None)
        if key is not None:
            stat = os.stat(path)
            self.manifest.current[rel] = PageEntry(key, stat.st_size, stat.st_mtime_ns, head)

    def finish(self) -> None:
        """Save the page manifest; called once every page is written (feeds.SitemapGenerator)."""
        self.manifest.save()
        logger.info(
            "Pages: %d written, %d unchanged (%d of them not rendered again)",
            len(self.stats.written),
            len(self.stats.unchanged),
            len(self.stats.not_rendered),
        )

    def _open_w(self, filename: str, encoding: str, override: bool = False) -> IO[str]:
        target = self._claim(filename, override)
        if target == os.devnull:
            return open(os.devnull, "w", encoding=encoding)  # Pelican closes it
        return _PendingFile(target, encoding, self.stats, self._committed)

    def _claim(self, filename: str, override: bool) -> str:
        """Pelican 4.12's ``Writer._open_w`` bookkeeping, minus the open (which would truncate).

        Returns the path to write, or os.devnull when an earlier overriding write wins.
        """
        if filename in self._overridden_files:
            if override:
                raise FileOverwriteFailedError(
                    f'Failed to overwrite "{filename}" a second time (was previously overwritten)'
                )
            logger.info('Skipping "%s", not overwriting', filename)
            return os.devnull
        if filename in self._written_files:
            if not override:
                raise FileOverwriteFailedError(
                    f'Failed to overwrite "{filename}" as Pelican has already written to it '
                    "previously (set `override=True` if intended)"
                )
            logger.info('Overwriting "%s"', filename)
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)
        return filename


def _article_key(context: dict, kwargs: dict) -> str | None:
    """The key of a digest article page (Pelican's article generator passes `article=`)."""
    article, keys = kwargs.get("article"), context.get("digest_page_keys")
    if keys is None or getattr(article, "digest", None) is None:
        return None
    return keys.article(article)


def get_writer(pelican: object) -> type[Writer]:
    """``signals.get_writer`` receiver: Pelican instantiates the class it is given."""
    return ChangedOnlyWriter
