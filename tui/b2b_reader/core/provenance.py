"""What shapes a cached result besides its input: the package and the data it ships.

An upgrade that changes ``lexicon.toml``, ``glossary.toml`` or the tagger's weights, or an
installed OpenCC or rjieba of another version, must not leave users with stale analyses,
documents or views; bumping ``PIPELINE_VERSION`` by hand was forgotten more than once.
:func:`packaged_digest` is a digest of the package version, every file in the packaged
``data/`` folder and the installed libraries that convert and segment text; every cache
key includes it.

Hashing the data (2 MB of weights) costs ~2-4 ms, and the document and view keys are
needed before the first frame: the digest is remembered in the cache directory under the
files' ``stat`` signature (size, modification time, inode), which any rewrite changes.
"""

from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from pathlib import Path

#: Libraries whose installed files shape results: conversion (views, canonical text),
#: segmentation and tagging (entities, glossary boundaries, the tagger's inputs).
LIBRARIES = ("opencc", "rjieba", "jieba", "numpy")


def data_dir() -> Path:
    """The packaged data folder (a function, so tests can point it at a copy)."""
    from .. import data

    return data.HERE


@lru_cache(maxsize=4)
def packaged_digest(folder: Path | None = None) -> str:
    """Digest of the package version, the packaged data files and the libraries' files."""
    from .. import __version__

    folder = folder or data_dir()
    files = sorted((entry.name, entry.path) for entry in os.scandir(folder)
                   if entry.is_file() and not entry.name.startswith(("_", ".")))
    signature = hashlib.sha256(__version__.encode())
    for name, path in files:
        st = os.stat(path)
        signature.update(f"{name}\0{st.st_size}\0{st.st_mtime_ns}\0{st.st_ino}\0".encode())
    signature.update(library_stamp().encode())
    memo_key = signature.hexdigest()[:40]

    from . import cache

    memo = cache.load("provenance", memo_key)
    if memo is not None and isinstance(memo.get("digest"), str):
        return memo["digest"]
    digest = hashlib.sha256(__version__.encode() + b"\0")
    for name, path in files:
        digest.update(name.encode() + b"\0")
        digest.update(Path(path).read_bytes())
        digest.update(b"\0")
    digest.update(library_stamp().encode())
    value = digest.hexdigest()
    cache.store("provenance", memo_key, {"digest": value})
    return value


def library_stamp() -> str:
    """Where each library of :data:`LIBRARIES` is installed and its file's size and time,
    found without importing it (``importlib.metadata`` alone costs ~35 ms of start-up)."""
    import importlib.util

    parts = []
    for name in LIBRARIES:
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            spec = None
        origin = spec.origin if spec is not None else None
        if not origin:
            parts.append(f"{name}:-")
            continue
        try:
            st = os.stat(origin)
        except OSError:
            parts.append(f"{name}:{origin}")
            continue
        parts.append(f"{name}:{origin}:{st.st_size}:{st.st_mtime_ns}")
    return "|".join(parts)
