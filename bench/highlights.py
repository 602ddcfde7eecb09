"""How long after the analysis result exists the reader shows its highlights (issue 18).

Runs the reader headless (``App.run_test``, side panels shown: 160 columns) on a big
document from ``bench/make_big.py`` with an empty cache, so the analysis runs in its child
process. The result "exists" when the child has written its cache entry (it sends the
result just after, so this counts the sending too); the highlights show when the screen
has applied the result (spans, headings) and the next frame is out. Printed:
that delay, split into the worker thread's part (reading the result, cutting the views,
grouping the spans) and the UI thread's part, and when the panels are filled (their
groups may be made after the highlights). Then ``t`` (a view switch, panels
regrouped) is timed a few times. Target: highlights <= 0.3 s at 1M and 5M characters.

    python bench/highlights.py [--chars 1000000 5000000]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_big import make  # noqa: E402

TARGET = 0.3
#: Full collections of the cyclic GC (start, seconds, thread), to see where pauses come from.
COLLECTIONS: list[tuple[float, float, str]] = []
_started: dict[int, float] = {}


def _gc_watch(phase: str, info: dict) -> None:
    if info["generation"] != 2:
        return
    if phase == "start":
        _started[threading.get_ident()] = time.perf_counter()
    elif (start := _started.pop(threading.get_ident(), None)) is not None:
        COLLECTIONS.append((start, time.perf_counter() - start, threading.current_thread().name))


def _watch(directory: Path, found: dict, stop: threading.Event) -> None:
    while not stop.is_set():
        if directory.is_dir() and any(p.suffix == ".json" for p in directory.iterdir()):
            found["cached"] = time.perf_counter()
            return
        time.sleep(0.005)


async def measure(chars: int) -> None:
    import gc

    gc.callbacks.append(_gc_watch)
    home = tempfile.mkdtemp(prefix="b2b-highlights-")
    os.environ["B2B_READER_HOME"] = home
    from b2b_reader.app import ReaderApp
    from b2b_reader.core import pipeline

    times: dict[str, float] = {}
    real_analysed = getattr(pipeline, "analysed", None)  # (absent before issue 18: no worker figure)

    def analysed(*args, **kwargs):
        result = real_analysed(*args, **kwargs)
        times["worker"] = time.perf_counter()
        return result

    if real_analysed is not None:
        pipeline.analysed = analysed
    from b2b_reader.widgets.article import ArticleView

    real_set_spans = ArticleView.set_spans

    def set_spans(self, spans):
        real_set_spans(self, spans)
        if spans and "applied" not in times:  # the next frame draws them
            times["applied"] = time.perf_counter()
            self.call_after_refresh(lambda: times.setdefault("shown", time.perf_counter()))

    ArticleView.set_spans = set_spans
    from b2b_reader.screens.reader import ReaderScreen

    real_show_analysis = ReaderScreen._show_analysis

    def show_analysis(self, analysis):  # the panels are filled (their groups may come after the highlights)
        real_show_analysis(self, analysis)
        if analysis is self.analysis:
            times.setdefault("panels", time.perf_counter())

    ReaderScreen._show_analysis = show_analysis
    path = Path(home) / "big.md"
    path.write_text(make(chars), encoding="utf-8")
    loaded = pipeline.load_path(str(path))
    found: dict[str, float] = {}
    stop = threading.Event()
    threading.Thread(target=_watch, args=(Path(home) / "cache" / "analysis", found, stop), daemon=True).start()
    app = ReaderApp(loaded, script="traditional", variant="tw")
    async with app.run_test(size=(160, 50)) as pilot:
        while "shown" not in times or "panels" not in times:
            await asyncio.sleep(0.005)
        await pilot.pause()
        panels = time.perf_counter()
        stop.set()
        switches = []
        for _ in range(4):
            t0 = time.perf_counter()
            await pilot.press("t")
            await pilot.pause()
            switches.append(time.perf_counter() - t0)
    ArticleView.set_spans = real_set_spans
    ReaderScreen._show_analysis = real_show_analysis
    if real_analysed is not None:
        pipeline.analysed = real_analysed
    times.setdefault("worker", times["applied"])
    t0 = found["cached"]
    pauses = [f"{(start - t0) * 1000:+.0f} ms: {secs * 1000:.0f} ms ({name})" for start, secs, name in COLLECTIONS
              if start >= t0 and secs >= 0.01 and start <= times["shown"]]
    delay = times["shown"] - t0
    print(f"{loaded.document.char_count:,} characters: highlights {delay:.2f} s after the result was cached "
          f"(worker done {times['worker'] - t0:.2f} s, applied {times['applied'] - t0:.2f} s, "
          f"frame {times['shown'] - times['applied']:.2f} s later) "
          f"vs target {TARGET} s: {'met' if delay <= TARGET else 'NOT met'}; "
          f"panels filled {panels - t0:.2f} s; t with panels: {', '.join(f'{s * 1000:.0f}' for s in switches)} ms")
    print(f"  full collections from the result to the highlights: {'; '.join(pauses) or 'none'}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--chars", type=int, nargs="+", default=[1_000_000])
    args = ap.parse_args()
    for chars in args.chars:  # one process per size: a clean cache and module state each
        if len(args.chars) > 1:
            os.spawnv(os.P_WAIT, sys.executable, [sys.executable, __file__, "--chars", str(chars)])
        else:
            asyncio.run(measure(chars))


if __name__ == "__main__":
    main()
