"""Benchmark word-level pinyin for a screenful; prints figures (not a test).

    PYTHONPATH=tui python bench/pinyin.py

* first call in a fresh subprocess: importing the module, pypinyin's tables and
  rjieba's dictionary, then the first screenful;
* a screenful (~1,600 characters: 40 lines × 80 cells of Chinese) of paragraphs not seen
  before, p50/p90 over many screens against the 16 ms target, with the per-paragraph
  cache cleared; then the same screen again (cached, as when scrolling back);
* the same for a traditional view that changes length (``twp``).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = Path("/work/shared/eval/articles_dev.jsonl")
TARGET_MS = 16.0
SCREEN = 1600

FIRST = """
import time
t0 = time.perf_counter()
from b2b_reader.core import pinyin
t1 = time.perf_counter()
pinyin.warm_up()
t2 = time.perf_counter()
pinyin.word_pinyin({text!r})
t3 = time.perf_counter()
print(t1 - t0, t2 - t1, t3 - t2)
"""


def screens(paragraphs: list[str]) -> list[list[str]]:
    """Consecutive runs of paragraphs of about SCREEN characters."""
    out, screen, size = [], [], 0
    for text in paragraphs:
        screen.append(text)
        size += len(text)
        if size >= SCREEN:
            out.append(screen)
            screen, size = [], 0
    return out


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[int(q * (len(values) - 1))]


def main() -> None:
    sys.path.insert(0, str(ROOT / "tui"))
    from b2b_reader.core import pinyin

    texts = [json.loads(line)["text"] for line in EVAL.open(encoding="utf-8")]
    paragraphs = [p for t in texts for p in t.split("\n") if p.strip()]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "tui")}
    firsts = []
    for _ in range(3):
        out = subprocess.run([sys.executable, "-c", FIRST.format(text="".join(paragraphs)[:SCREEN])],
                             env=env, capture_output=True, text=True, check=True).stdout.split()
        firsts.append([float(x) * 1000 for x in out])
    imp, warm, first = (statistics.median(col) for col in zip(*firsts))
    print(f"first use (median of 3 fresh processes): import module {imp:.0f} ms, "
          f"warm_up (pypinyin tables + rjieba) {warm:.0f} ms, first screenful {first:.1f} ms")

    pinyin.warm_up()
    from b2b_reader.core.script import converter

    canonical = [converter("t2s")(p) for p in paragraphs]
    cold, warm_times = [], []
    for screen in screens(canonical) * 3:
        pinyin.clear_cache()
        t = time.perf_counter()
        for text in screen:
            pinyin.word_pinyin(text)
            pinyin.char_readings(text)
        cold.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        for text in screen:
            pinyin.word_pinyin(text)
            pinyin.char_readings(text)
        warm_times.append((time.perf_counter() - t) * 1000)
    p90 = pct(cold, 0.9)
    print(f"screenful ({SCREEN} chars), words + tones, uncached: {len(cold)} screens  "
          f"p50 {statistics.median(cold):.2f} ms  p90 {p90:.2f} ms  max {max(cold):.2f} ms  "
          f"(p90 is {p90 / TARGET_MS:.2f}× the {TARGET_MS:.0f} ms target)")
    print(f"same screen again (cached): p50 {statistics.median(warm_times):.2f} ms  p90 {pct(warm_times, 0.9):.2f} ms")

    from b2b_reader.core.models import Document, Paragraph, Section
    from b2b_reader.core.script import Views

    doc = Document("t", None, False, "", "simplified", (Section(0, None, tuple(range(len(canonical)))),),
                   tuple(Paragraph(i, 0, "body", t) for i, t in enumerate(canonical)))
    views = Views(doc)
    twp = [views.get("traditional", "twp", i) for i in range(len(canonical))]
    changed = sum(not v.map.is_identity for v in twp)
    times = []
    for start in range(0, len(canonical) - 20, 20):
        pinyin.clear_cache()
        t = time.perf_counter()
        size = 0
        i = start
        while size < SCREEN and i < len(canonical):
            pinyin.view_word_pinyin(canonical[i], twp[i])
            size += len(canonical[i])
            i += 1
        times.append((time.perf_counter() - t) * 1000)
    print(f"twp view screenful, uncached ({changed} of {len(twp)} paragraphs change length): "
          f"p50 {statistics.median(times):.2f} ms  p90 {pct(times, 0.9):.2f} ms")


if __name__ == "__main__":
    main()
