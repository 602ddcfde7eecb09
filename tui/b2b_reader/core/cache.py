"""On-disk cache of analysis results, keyed by content hash and pipeline version.

A second open of the same document shows its highlights at once. Entries are JSON files
written atomically; an unreadable entry is a miss, never an error.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from .state import HOME_ENV


def cache_dir() -> Path:
    """``$B2B_READER_HOME/cache`` when set, else the platformdirs user cache directory."""
    home = os.environ.get(HOME_ENV)
    if home:
        return Path(home) / "cache"
    import platformdirs

    return Path(platformdirs.user_cache_dir("b2b-reader"))


def cache_key(*parts: str) -> str:
    """A file-name-safe digest of everything the cached result depends on."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()[:40]


def load(kind: str, key: str) -> dict | None:
    """The cached JSON object, or None when absent, unreadable or of the wrong shape.

    A cache is data like any input: an entry that parses but has another shape (an older
    version's, or edited by hand) is a miss, recomputed and overwritten, never a crash.
    """
    path = cache_dir() / kind / f"{key}.json"
    try:
        with path.open(encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(data, dict):
        return None
    check = _SHAPES.get(kind)
    try:
        if check is None or check(data):
            return data
    except (KeyError, TypeError, ValueError, AttributeError):
        pass
    path.unlink(missing_ok=True)  # set aside for good: a cache entry is always recomputable
    return None


def _count(value) -> bool:
    """An offset or index: a non-negative int (JSON's true is no number here)."""
    return type(value) is int and value >= 0


def _texts(value) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _analysis_ok(data: dict) -> bool:
    """The shape ``compact.to_compact`` writes."""
    from .compact import check

    return check(data)


def _views_ok(data: dict) -> bool:
    """The shape ``Views.export`` writes: texts, and offset maps of two ascending int lists."""
    if not (_texts(data["view"]) and _texts(data["texts"]) and isinstance(data["paragraphs"], list)):
        return False
    for text, mapping in data["paragraphs"]:
        if not isinstance(text, str):
            return False
        if mapping is not None:
            a, b = mapping
            if not (isinstance(a, list) and isinstance(b, list) and len(a) == len(b) >= 2
                    and all(_count(v) for v in a + b) and a == sorted(a) and b == sorted(b)
                    and b[-1] == len(text)):
                return False
    return True


#: Shape checks per kind of entry (documents check themselves: ``Document.from_json``).
_SHAPES = {"analysis": _analysis_ok, "views": _views_ok}


def has(kind: str, key: str) -> bool:
    """Whether an entry exists (without reading it)."""
    return (cache_dir() / kind / f"{key}.json").is_file()


_cleaned: set[str] = set()


def store(kind: str, key: str, data: dict) -> bool:
    """Write a JSON object atomically; False (and no exception) if the cache is not writable."""
    from .files import write_atomically

    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    if kind not in _cleaned:  # once per kind and process: entries killed midway
        from .files import clean_orphans

        _cleaned.add(kind)
        clean_orphans(cache_dir() / kind)
    try:
        write_atomically(cache_dir() / kind / f"{key}.json", payload, durable=False)
    except OSError:
        return False
    return True
