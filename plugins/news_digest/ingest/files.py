"""Containment: which entries of the seeds folder may be read, and reading them safely.

A seed must be a regular file inside the seeds folder. A symlink is followed only when its
target stays inside the folder (otherwise any file on the machine could be published), and
FIFOs, sockets and devices are skipped: they are never opened for reading, and even the final
open is non-blocking and re-checked with fstat, so a file swapped for a FIFO cannot hang the
build.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


class UnsafeSeed(ValueError):
    """An entry that must not be read; the message is the reason shown to the user."""


_KINDS = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISDIR, "a folder"),
)


def kind_of(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def is_candidate(entry: Path) -> bool:
    """Entries that are seeds or are skipped with a reason: everything but hidden names and
    real sub-folders (which are not seeds, as the README says)."""
    if entry.name.startswith("."):
        return False
    try:
        return not stat.S_ISDIR(entry.lstat().st_mode)
    except OSError:
        return True  # vanished or unreadable: read_bytes_safely says why


def resolve_inside(path: Path, root: Path | None) -> Path:
    """The file a seed entry really is; UnsafeSeed when it leads outside ``root``."""
    target = path.resolve()
    if root is not None and path.is_symlink():
        base = root.resolve()
        if target != base and base not in target.parents:
            raise UnsafeSeed(f"symlink to {target}, outside the seeds folder")
    return target


def read_bytes_safely(path: Path, max_bytes: int, root: Path | None = None) -> bytes:
    """The bytes of a regular file (at most max_bytes + 1 are read); UnsafeSeed otherwise."""
    target = resolve_inside(path, root)
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        raise UnsafeSeed("broken symlink or vanished file") from None
    if not stat.S_ISREG(mode):
        raise UnsafeSeed(f"not a regular file: {kind_of(mode)}")
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(target, flags)
    with os.fdopen(fd, "rb") as handle:
        mode = os.fstat(handle.fileno()).st_mode
        if not stat.S_ISREG(mode):  # swapped between the check and the open
            raise UnsafeSeed(f"not a regular file: {kind_of(mode)}")
        return handle.read(max_bytes + 1)
