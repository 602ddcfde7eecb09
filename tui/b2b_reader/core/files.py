"""Writing a file all at once: the one way the project replaces a file.

A temporary file in the same directory, then ``os.replace``: a crash or a full disk
leaves the old file or the new one, never half of either. State and exports are also
fsynced (they are the user's); caches are not (they can be recomputed).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def write_atomically(path: str | Path, data: bytes, *, durable: bool = True, public: bool = False,
                     parents: bool = True) -> Path:
    """Replace ``path`` with ``data``; its absolute path. Raises ``OSError``.

    ``durable``: fsync the file and its directory. ``public``: the mode a plain
    ``open(path, "w")`` would give (kept from an existing file), instead of mkstemp's
    private 0600: for files the user writes out, such as exports. ``parents``: create
    missing directories (our own state and caches; not a path the user typed).
    """
    path = Path(path).expanduser().absolute()
    if path.is_dir():
        raise IsADirectoryError(21, "it is a directory", str(path))
    if parents:
        path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        if public:
            os.chmod(tmp, _plain_mode(path))
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    if durable:
        _fsync_dir(path.parent)
    return path


def _plain_mode(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _fsync_dir(directory: Path) -> None:
    """Make the rename itself durable; some filesystems cannot fsync a directory."""
    try:
        fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return  # the data file is already fsynced; only the rename's durability is at stake
    try:
        with contextlib.suppress(OSError):  # some filesystems refuse (EINVAL)
            os.fsync(fd)
    finally:
        os.close(fd)


#: A temporary file this old was left by a writer that died (``kill -9``, power loss):
#: a live write takes milliseconds.
ORPHAN_AGE = 3600.0


def clean_orphans(directory: str | Path, max_age: float = ORPHAN_AGE) -> int:
    """Remove the temporary files of :func:`write_atomically` older than ``max_age``
    seconds from ``directory``; how many. Only our own pattern (``.<name>.<random>.tmp``)."""
    import time

    removed = 0
    limit = time.time() - max_age
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return 0
    for entry in entries:
        name = entry.name
        if not (name.startswith(".") and name.endswith(".tmp") and name.count(".") >= 3):
            continue
        try:
            if entry.is_file(follow_symlinks=False) and entry.stat(follow_symlinks=False).st_mtime < limit:
                os.unlink(entry.path)
                removed += 1
        except OSError:
            continue
    return removed
