"""Throughput and peak memory of the whole analysis on a ~1M-character document.

Builds the document with ``bench/make_big.py``, loads it as the reader does, then runs
``pipeline.analyze(..., use_cache=False)`` (entities, dates, timeline, glossary) and prints
characters per second against the 330k/s target of issue 3. Peak memory is the RSS
high-water mark (``resource.getrusage``) of a fresh subprocess that does nothing else
(target ≤ 400 MB); that process also times a cold analysis (jieba's dictionary, the
lexicon and the regexes built first, as in the app's first analysis of a session). The
timed runs are warm (after a small analysis); CPU time is printed next to wall time
because other work on the two shared cores inflates wall time. A per-stage breakdown
follows, so the slow part is visible (stages timed one by one).

``--isolated`` times ``analyze(..., isolated=True)`` (the work in a child process, as the
app would run it for a large document) instead of the in-process call.

    PYTHONPATH=tui python bench/analysis.py [--runs 3] [--no-memory] [--isolated] [--profile N]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_big import make  # noqa: E402

TARGET_CPS = 330_000
TARGET_MB = 400


def load_big():
    """The 1M-character document, loaded and with views, as the app would have them."""
    from b2b_reader.core import pipeline

    loaded = pipeline.load_text(make(), "big.md")
    return loaded, pipeline.make_views(loaded.document)


def whole(runs: int, isolated: bool = False) -> None:
    from b2b_reader.core import pipeline

    t0 = time.perf_counter()
    loaded, views = load_big()
    t_load = time.perf_counter() - t0
    t0 = time.perf_counter()
    paragraphs = views.all_canonical()  # canonical (simplified) text: OpenCC t2s
    t_canon = time.perf_counter() - t0
    chars = sum(map(len, paragraphs))
    print(f"document: {chars:,} canonical chars in {len(paragraphs):,} paragraphs "
          f"(load {t_load:.2f} s, canonical views {t_canon:.2f} s)")
    # warm-up on a small document: lexicon/glossary parsing, regex compilation, jieba dict
    small = pipeline.load_default()
    pipeline.analyze(small.document, pipeline.make_views(small.document), use_cache=False)
    times, cpu = [], []
    analysis = None
    for _ in range(runs):
        fresh = pipeline.make_views(loaded.document)  # so each run also converts to canonical text
        t0, c0 = time.perf_counter(), time.process_time()
        analysis = pipeline.analyze(loaded.document, fresh, use_cache=False, isolated=isolated)
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    best, med = min(times), statistics.median(times)
    print(f"pipeline.analyze (use_cache=False{', isolated=True' if isolated else ''}, canonical text included), {runs} run(s): median {med:.2f} s, best {best:.2f} s "
          f"-> {chars / med:,.0f} chars/s median, {chars / best:,.0f} best (target >= {TARGET_CPS:,})")
    # CPU time is what other processes on the shared cores cannot inflate much
    print(f"  {'CPU of this process' if isolated else 'CPU time'} median {statistics.median(cpu):.2f} s -> "
          f"{chars / statistics.median(cpu):,.0f} chars per CPU-second{' (child not counted)' if isolated else ''}; "
          f"load average {os.getloadavg()[0]:.2f} (wall figures are unreliable when it is well above 1)")
    print(f"  {len(analysis.spans):,} spans, {len(analysis.events):,} events, {len(analysis.glossary)} glossary terms")
    stages(loaded.document, paragraphs)


def stages(document, paragraphs: list[str]) -> None:
    """Time each stage of ``pipeline._analyze`` on its own."""
    from b2b_reader.core import timeline
    from b2b_reader.core.entities import find_entities
    from b2b_reader.core.glossary import find_terms, load_glossary
    from b2b_reader.core.lexicon import load_lexicon

    chars = sum(map(len, paragraphs))
    lexicon, glossary = load_lexicon(), load_glossary()
    rows = []

    def timed(name, fn):
        t0 = time.perf_counter()
        out = fn()
        rows.append((name, time.perf_counter() - t0))
        return out

    date = timed("infer document date", lambda: timeline.infer_document_date(paragraphs)[0])
    date = document.date or date
    entities = timed("entities (find_entities)", lambda: find_entities(paragraphs, lexicon))
    blocking = [s for s in entities if s.type in ("org", "number", "person", "product")]
    exprs = timed("time expressions", lambda: timeline.find_time_expressions(paragraphs, date, blocked=blocking))
    timed("timeline events from them", lambda: timeline.build_timeline(paragraphs, date, blocked=blocking,
                                                                      expressions=exprs))
    timed("glossary (find_terms)", lambda: find_terms(paragraphs, glossary))
    print("per stage (each timed alone):")
    for name, secs in rows:
        print(f"  {name:28s} {secs:6.2f} s  {chars / secs / 1000:8.0f} k chars/s")


def memory_child() -> None:
    """Run in a fresh process: load, analyse, report the RSS high-water marks as JSON.

    ``ru_maxrss`` survives fork and exec on Linux (a child starts with its parent's
    high-water mark), so the parent runs this before loading anything big; ``VmHWM`` from
    /proc, which exec resets, is printed next to it as a check.
    """
    from b2b_reader.core import pipeline

    import_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    loaded, views = load_big()
    loaded_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    pipeline.analyze(loaded.document, views, use_cache=False)
    cold = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    hwm = next((int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:")), 0)
    chars = sum(map(len, views.all_canonical()))
    print(json.dumps({"import": import_rss, "loaded": loaded_rss, "peak": peak, "hwm": hwm, "cold": cold, "chars": chars}))


def memory() -> None:
    env = {**os.environ, "B2B_READER_HOME": tempfile.mkdtemp(prefix="b2b-bench-")}
    out = subprocess.run([sys.executable, __file__, "--memory-child"], env=env, check=True,
                         capture_output=True, text=True).stdout
    kb = json.loads(out.strip().splitlines()[-1])
    cold, chars = kb.pop("cold"), kb.pop("chars")
    mb = {k: v / 1024 for k, v in kb.items()}
    print(f"peak RSS (fresh process): {mb['peak']:.0f} MB (target <= {TARGET_MB}); "
          f"after imports {mb['import']:.0f} MB, after loading the document {mb['loaded']:.0f} MB; "
          f"VmHWM {mb['hwm']:.0f} MB")
    print(f"cold analysis in that process (jieba dictionary, lexicon, regexes built first): {cold:.2f} s "
          f"-> {chars / cold:,.0f} chars/s")


def profile(top: int) -> None:
    import cProfile
    import pstats

    from b2b_reader.core import pipeline

    loaded, views = load_big()
    views.all_canonical()
    small = pipeline.load_default()
    pipeline.analyze(small.document, pipeline.make_views(small.document), use_cache=False)
    prof = cProfile.Profile()
    prof.runcall(pipeline.analyze, loaded.document, views, use_cache=False)
    pstats.Stats(prof).sort_stats("tottime").print_stats(top)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--no-memory", action="store_true")
    ap.add_argument("--isolated", action="store_true", help="time analyze(..., isolated=True)")
    ap.add_argument("--profile", type=int, default=0, metavar="N", help="print the top N functions by own time")
    ap.add_argument("--memory-child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.memory_child:
        memory_child()
    elif args.profile:
        profile(args.profile)
    else:
        if not args.no_memory:
            memory()  # first, while this process is small (see memory_child)
        whole(args.runs, args.isolated)


if __name__ == "__main__":
    main()
