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
    """The cached JSON object, or None when absent or unreadable."""
    path = cache_dir() / kind / f"{key}.json"
    try:
        with path.open(encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def has(kind: str, key: str) -> bool:
    """Whether an entry exists (without reading it)."""
    return (cache_dir() / kind / f"{key}.json").is_file()


def store(kind: str, key: str, data: dict) -> bool:
    """Write a JSON object atomically; False (and no exception) if the cache is not writable."""
    from .files import write_atomically

    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    try:
        write_atomically(cache_dir() / kind / f"{key}.json", payload, durable=False)
    except OSError:
        return False
    return True
