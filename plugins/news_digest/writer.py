"""A Pelican Writer that leaves output files alone when their bytes would not change.

Pelican's own Writer truncates and rewrites every page on every build, so each build touches
every file's mtime: rsync, `make github` and static hosts then re-upload the whole site, and
`pelican -r` watchers see changes that are not there. This Writer renders exactly as Pelican
does (same templates, same signals) and only differs at the last step: the rendered text is
collected in memory and written to disk only when it differs from the file already there.

Registered through Pelican's ``get_writer`` signal (``register`` in ``__init__.py``).
"""

from __future__ import annotations

import io
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import IO

from pelican.writers import FileOverwriteFailedError, Writer

logger = logging.getLogger(__name__)


@dataclass
class WriteStats:
    """What the writer did in one build; kept on the writer instance, read by tests and logs."""

    written: set[str] = field(default_factory=set)
    unchanged: set[str] = field(default_factory=set)


def write_bytes_if_changed(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` unless the file already holds exactly these bytes."""
    try:
        # Size first: a differing size settles it without reading the old file.
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_bytes(data)
    temporary.replace(path)  # atomic: a server never sees half a page
    return True


class _PendingFile(io.StringIO):
    """A text buffer standing in for Pelican's open file; committed to disk on a clean close."""

    def __init__(self, path: str, encoding: str, stats: WriteStats) -> None:
        super().__init__()
        self._path = path
        self._encoding = encoding
        self._stats = stats

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


class ChangedOnlyWriter(Writer):
    """Pelican's Writer, except that files whose content is unchanged are not rewritten."""

    def __init__(self, output_path: str, settings: dict | None = None) -> None:
        super().__init__(output_path, settings=settings)
        self.stats = WriteStats()

    def _open_w(self, filename: str, encoding: str, override: bool = False) -> IO[str]:
        target = self._claim(filename, override)
        if target == os.devnull:
            return open(os.devnull, "w", encoding=encoding)  # Pelican closes it
        return _PendingFile(target, encoding, self.stats)

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


def get_writer(pelican: object) -> type[Writer]:
    """``signals.get_writer`` receiver: Pelican instantiates the class it is given."""
    return ChangedOnlyWriter
