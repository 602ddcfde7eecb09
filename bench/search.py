"""Benchmark incremental search on a ~1M-character document; prints figures (not a test).

    PYTHONPATH=tui python bench/search.py

Builds the document of ``bench/make_big.py`` (traditional and simplified eval articles
repeated), its canonical text and the search index, then "types" each query one
character at a time. One keystroke is what the UI does per key: ``search`` on the whole
document, ``sections_with`` for the outline and ``first_from`` for where the search lands.
Prints p50/p90/max per keystroke against the 50 ms target, and the index build costs.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import make_big  # noqa: E402

from b2b_reader.core import pipeline  # noqa: E402
from b2b_reader.core.search import (build_index, build_view_index, first_from, fold_table,  # noqa: E402
                                    search, sections_with)

TARGET_MS = 50.0
#: Typed one character at a time: traditional, simplified, Latin, common characters
#: (的 and 中国 match tens of thousands of times: the worst case).
QUERIES = ["網易公司", "中华人民共和国", "netflix", "ＣＣＴＶ", "半導體製造商", "的确", "中国", "马可波罗", "郵政"]


def _ms(seconds: float) -> float:
    return seconds * 1000


def main() -> None:
    t = time.perf_counter()
    loaded = pipeline.load_text(make_big.make(), "big.md")
    t_load = time.perf_counter() - t
    document = loaded.document
    views = pipeline.make_views(document)
    t = time.perf_counter()
    canonical = views.all_canonical()
    t_canon = time.perf_counter() - t
    t = time.perf_counter()
    fold_table(document.script in ("traditional", "mixed"))
    t_table = time.perf_counter() - t
    t = time.perf_counter()
    index = build_index(canonical, document.script)
    t_index = time.perf_counter() - t
    chars = sum(map(len, canonical))
    print(f"document: {chars:,} characters, {len(canonical):,} paragraphs, source script {document.script}")
    print(f"load+clean {_ms(t_load):.0f} ms; canonical (t2s) {_ms(t_canon):.0f} ms; "
          f"fold table {_ms(t_table):.1f} ms; index {_ms(t_index):.1f} ms")

    times: list[float] = []
    for query in QUERIES:
        row = []
        for k in range(1, len(query) + 1):
            typed = query[:k]
            t = time.perf_counter()
            matches = search(index, typed)
            sections_with(document, matches)
            first_from(matches, len(canonical) // 2, 0)
            elapsed = _ms(time.perf_counter() - t)
            times.append(elapsed)
            row.append(f"{typed}:{len(matches)}/{elapsed:.1f}ms")
        print("  " + "  ".join(row))
    times.sort()
    p50 = statistics.median(times)
    p90 = times[int(0.9 * (len(times) - 1))]
    print(f"keystrokes: {len(times)}  p50 {p50:.2f} ms  p90 {p90:.2f} ms  max {times[-1]:.2f} ms  "
          f"(p90 is {p90 / TARGET_MS:.2f}× the {TARGET_MS:.0f} ms target)")

    t = time.perf_counter()
    view = build_view_index(views, "traditional", "twp", index)
    t_view = time.perf_counter() - t
    twp = []
    for query in ("網際網路", "軟體", "網易", "的"):
        t = time.perf_counter()
        matches = search(index, query, view=view)
        twp.append(_ms(time.perf_counter() - t))
        print(f"  with the twp view index: {query}: {len(matches)} matches in {twp[-1]:.1f} ms")
    print(f"twp view index (whole-document s2twp conversion included): {_ms(t_view):.0f} ms; "
          f"{len(view.differs):,} stretches differ from canonical when folded")


if __name__ == "__main__":
    main()
