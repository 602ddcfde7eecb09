"""Cost of one reading-state update (position, bookmark) with many documents remembered.

The store is SQLite in WAL mode (core/store.py): one indexed row per update. For
comparison, the former state.json (read, parse, change, rewrite whole, fsync) is timed
on the same data. Target: milliseconds whatever the number of documents.

    python bench/state.py [--documents 10000] [--updates 200]
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

from b2b_reader.core.files import write_atomically
from b2b_reader.core.state import StateStore, content_key


def fill(store: StateStore, documents: int) -> list[str]:
    keys = [content_key(f"第{i}篇文章") for i in range(documents)]
    db = store._connection()
    db.execute("BEGIN")
    for i, key in enumerate(keys):
        db.execute("INSERT INTO documents VALUES (?, ?, NULL, '2026-12-01T00:00:00Z')", (key, i % 40))
        for paragraph in (1, 7):
            db.execute("INSERT INTO bookmarks VALUES (?, ?, '', '2026-12-01T00:00:00Z')", (key, paragraph))
    db.execute("COMMIT")
    return keys


def legacy_json(path: Path, keys: list[str]) -> None:
    documents = {key: {"position": i % 40, "seen": "2026-12-01T00:00:00Z",
                       "bookmarks": [{"paragraph": p, "label": "", "created": "2026-12-01T00:00:00Z"} for p in (1, 7)]}
                 for i, key in enumerate(keys)}
    path.write_text(json.dumps({"version": 1, "documents": documents}, indent=1), encoding="utf-8")


def legacy_update(path: Path, key: str, paragraph: int) -> None:
    """What one update cost before: the whole file read, parsed, changed, rewritten, fsynced."""
    data = json.loads(path.read_bytes())
    data["documents"][key]["position"] = paragraph
    write_atomically(path, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))


def timed(action, count: int) -> list[float]:
    out = []
    for i in range(count):
        start = time.perf_counter()
        action(i)
        out.append((time.perf_counter() - start) * 1000)
    return out


def report(label: str, ms: list[float]) -> None:
    ms = sorted(ms)
    p90 = ms[int(0.9 * (len(ms) - 1))]
    print(f"{label:<34} median {statistics.median(ms):7.2f} ms  p90 {p90:7.2f} ms  ({len(ms)} runs)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--updates", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        store = StateStore(directory)
        keys = fill(store, args.documents)
        size = sum(p.stat().st_size for p in directory.iterdir()) / 2**20
        print(f"{args.documents:,} documents, 2 bookmarks each: state.db and its WAL {size:.1f} MiB")
        report("set_position", timed(lambda i: store.set_position(keys[i * 37 % len(keys)], i), args.updates))
        report("add_bookmark", timed(lambda i: store.add_bookmark(keys[i * 53 % len(keys)], 100 + i), args.updates))
        report("delete_bookmark", timed(lambda i: store.delete_bookmark(keys[i * 53 % len(keys)], 100 + i),
                                        args.updates))
        report("open + position + bookmarks (start)", timed(
            lambda i: (fresh := StateStore(directory)).position(keys[i]) or fresh.bookmarks(keys[i]), 50))
        legacy = directory / "legacy" / "state.json"
        legacy.parent.mkdir()
        legacy_json(legacy, keys)
        print(f"former state.json with the same data: {legacy.stat().st_size / 2**20:.1f} MiB")
        report("former JSON update (for comparison)", timed(lambda i: legacy_update(legacy, keys[i], i),
                                                           max(5, args.updates // 20)))


if __name__ == "__main__":
    main()
