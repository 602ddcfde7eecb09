"""Keys p90 in every phase of a big document's analysis, and the analysis time they cost.

Issue 18's targets: the keys ``t`` ``]`` space ``j`` ``/`` answer with p90 ≤ 50 ms in every
phase, side panels shown (terminal ≥ 150 columns) or not, and the analysis takes at most
1.2× as long while keys are pressed as when the reader is left alone.

For each document size and each terminal width (120 columns: no side panels; 160: shown),
``b2b-reader`` runs on the document from ``bench/make_big.py`` in a pseudo-terminal with an
empty cache (``B2B_READER_HOME`` a fresh temporary directory), twice:

* idle: no keys; the analysis time is from the first frame to its result in the disk
  cache (the child process writes the entry just before it sends the result);
* keys: from the first frame, one key every ``--interval`` (100 ms) in the cycle
  ``t ] space j /`` (after ``/`` the search bar is closed by Escape, not timed, and the
  next key waits 0.3 s: sooner, Textual would read Escape and it as one alt+key). Each key is
  timed from its write to the first bytes of the frame it causes (as ``analysis_keys.py``).
  Phases: ``running`` (no result yet), ``after`` (the ``--after`` seconds after the
  result exists: the reader reads it, cuts its views and shows highlights and panels), and
  ``settled`` (after a 2 s pause, ``--settled-rounds`` cycles).

It prints per phase and per key n, p50, p90 and max, whether p90 ≤ 50 ms, and the
analysis time idle vs under keys with their ratio. The load average (``os.getloadavg``)
is printed at each run's start: the machine is shared, and figures move with it. A first
idle run, not counted, warms the interpreter's .pyc files and the OS file cache (its
analysis took 12-19 s at 1M characters, the counted runs 7-15 s, on a host at load 7-9).
One idle and one keys run per width: on a shared host, compare ratios across runs.

``--profile FILE`` runs only the keys runs with the reader's main (UI) thread under
cProfile and prints its top functions; the latencies it prints are inflated by the profiler.

    python bench/keys_phases.py [--sizes 1000000,5000000] [--cols 120,160] [--rows 40]
    python bench/keys_phases.py --sizes 1000000 --cols 160 --profile /tmp/keys.prof
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _pty import PtyProcess  # noqa: E402
from analysis_keys import MARKER, READER, _analysis_cached, _pct, _press, _wait_tick  # noqa: E402
from make_big import make  # noqa: E402

KEYS = (("t", b"t"), ("]", b"]"), ("space", b" "), ("j", b"j"), ("/", b"/"))
ESCAPE = b"\x1b"
ESCAPE_GAP = 0.3
TARGET_P90 = 0.050
TARGET_RATIO = 1.2
PHASES = ("running", "after", "settled")
TIMEOUT = 600


def _load() -> str:
    return "load %.2f %.2f %.2f" % os.getloadavg()


#: ``--profile FILE``: the reader runs under cProfile (its UI thread: the main thread) and
#: writes its stats to FILE when the bench ends it.
PROFILE: str | None = None


def run_app_profiled(out: str, argv: list[str]) -> None:
    """The reader under cProfile; SIGTERM (``PtyProcess.close``) writes the stats and exits."""
    import cProfile
    import signal

    from b2b_reader import cli

    profiler = cProfile.Profile()

    def finish(*_) -> None:
        profiler.disable()
        profiler.dump_stats(out)
        os._exit(0)

    signal.signal(signal.SIGTERM, finish)
    profiler.enable()
    cli.main(argv)
    finish()


def _start(path: str, home: str, cols: int, rows: int) -> tuple[PtyProcess, float]:
    argv = [READER] if PROFILE is None else [sys.executable, __file__, "--app-profile", PROFILE]
    proc = PtyProcess([*argv, path], cols=cols, rows=rows, env={"B2B_READER_HOME": home})
    return proc, proc.first_frame(MARKER, timeout=180)


def idle_run(path: str, cols: int, rows: int) -> float:
    """Seconds from the first frame to the analysis result, no keys pressed."""
    with tempfile.TemporaryDirectory(prefix="b2b-keys-") as home:
        proc, first = _start(path, home, cols, rows)
        try:
            while not _analysis_cached(home):
                _wait_tick(proc, time.perf_counter() + 0.05)
                if time.perf_counter() - proc.start > TIMEOUT:
                    raise TimeoutError("analysis did not finish")
            return time.perf_counter() - proc.start - first
        finally:
            proc.close()


def _one_key(proc: PtyProcess, n: int) -> tuple[str, float]:
    name, key = KEYS[n % len(KEYS)]
    latency = _press(proc, key)
    if key == b"/":
        _wait_tick(proc, time.perf_counter() + 0.05)
        os.write(proc.fd, ESCAPE)  # close the search bar again (not timed)
        # Textual reads ESC and a key within ESCDELAY (100 ms) as alt+key: the search bar
        # would stay open and take the next keys as a query.
        _wait_tick(proc, time.perf_counter() + ESCAPE_GAP)
    return name, latency


def keys_run(path: str, cols: int, rows: int, interval: float, after: float,
             settled_rounds: int) -> tuple[float, dict]:
    """The analysis time under a steady key stream, and latencies per phase and key."""
    times: dict = {phase: {name: [] for name, _ in KEYS} for phase in PHASES}
    with tempfile.TemporaryDirectory(prefix="b2b-keys-") as home:
        proc, first = _start(path, home, cols, rows)
        try:
            done_at = None
            n = 0
            next_tick = time.perf_counter()
            while True:
                _wait_tick(proc, next_tick)
                now = time.perf_counter()
                if done_at is None and _analysis_cached(home):
                    done_at = now
                if done_at is not None and now - done_at > after:
                    break
                if now - proc.start > TIMEOUT:
                    raise TimeoutError("analysis did not finish")
                name, latency = _one_key(proc, n)
                n += 1
                times["running" if done_at is None else "after"][name].append(latency)
                next_tick = max(next_tick + interval, time.perf_counter())
            analysis_secs = done_at - proc.start - first
            _wait_tick(proc, time.perf_counter() + 2.0)  # settle: panels filled, lookup warmed
            for i in range(settled_rounds * len(KEYS)):
                name, latency = _one_key(proc, i)
                times["settled"][name].append(latency)
                _wait_tick(proc, time.perf_counter() + interval)
        finally:
            proc.close()
    return analysis_secs, times


def _row(label: str, values: list[float]) -> str:
    if not values:
        return f"    {label:8s} no keys"
    p90 = _pct(values, 0.9)
    return (f"    {label:8s} n={len(values):3d}  p50 {sorted(values)[len(values) // 2] * 1000:6.1f}  "
            f"p90 {p90 * 1000:6.1f}  max {max(values) * 1000:6.1f} ms  "
            f"{'ok' if p90 <= TARGET_P90 else 'OVER'}")


def report(size: int, cols: int, idle: float, analysis: float, times: dict) -> list[str]:
    panels = "side panels shown" if cols >= 150 else "no side panels"
    print(f"\n{size:,} chars, {cols} columns ({panels})")
    over = []
    for phase in PHASES:
        every = [t for values in times[phase].values() for t in values]
        print(f"  {phase}: {_row('all keys', every).strip()}")
        for name, _ in KEYS:
            line = _row(name, times[phase][name])
            print(line)
            if line.endswith("OVER"):
                over.append(f"{size:,}/{cols}/{phase}/{name}")
    ratio = analysis / idle
    if ratio != ratio:  # --profile: no idle run
        print(f"  analysis under keys (profiled) {analysis:.1f} s")
        return over
    print(f"  analysis: idle {idle:.1f} s, under keys {analysis:.1f} s, ratio {ratio:.2f} "
          f"(target ≤ {TARGET_RATIO}: {'met' if ratio <= TARGET_RATIO else 'NOT met'})")
    return over


def main() -> None:
    global PROFILE
    if len(sys.argv) > 2 and sys.argv[1] == "--app-profile":
        run_app_profiled(sys.argv[2], sys.argv[3:])
        return
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000000", help="comma-separated character counts")
    ap.add_argument("--cols", default="120,160", help="comma-separated terminal widths")
    ap.add_argument("--rows", type=int, default=40)
    ap.add_argument("--interval", type=float, default=0.1)
    ap.add_argument("--after", type=float, default=2.0, help="seconds after the result counted as 'after'")
    ap.add_argument("--settled-rounds", type=int, default=8)
    ap.add_argument("--profile", metavar="FILE", help="keys runs only, the reader under cProfile "
                    "(slower: use for where the time goes, not for the figures); stats to FILE")
    args = ap.parse_args()
    PROFILE = args.profile
    over = []
    warm = PROFILE is not None
    for size in (int(s) for s in args.sizes.split(",")):
        with tempfile.NamedTemporaryFile("w", suffix=".md", delete=False, encoding="utf-8") as f:
            f.write(make(size))
        try:
            chars = len(Path(f.name).read_text(encoding="utf-8"))
            if not warm:  # the first run compiles .pyc files and fills the OS file cache
                width = int(args.cols.split(",")[0])
                print(f"warm-up run (not counted): analysis {idle_run(f.name, width, args.rows):.1f} s, "
                      f"{_load()}", flush=True)
                warm = True
            for cols in (int(c) for c in args.cols.split(",")):
                print(f"\n[{time.strftime('%H:%M:%S')}] {chars:,} chars, {cols}x{args.rows}, {_load()}",
                      flush=True)
                idle = idle_run(f.name, cols, args.rows) if PROFILE is None else float("nan")
                print(f"[{time.strftime('%H:%M:%S')}] {_load()}: keys run (one every "
                      f"{args.interval * 1000:.0f} ms)", flush=True)
                analysis, times = keys_run(f.name, cols, args.rows, args.interval, args.after,
                                           args.settled_rounds)
                over += report(size, cols, idle, analysis, times)
                sys.stdout.flush()
        finally:
            os.unlink(f.name)
    if PROFILE is not None:
        import pstats

        pstats.Stats(PROFILE).sort_stats("cumulative").print_stats(40)
    print(f"\nkeys over {TARGET_P90 * 1000:.0f} ms p90 (size/cols/phase/key): {', '.join(over) or 'none'}")


if __name__ == "__main__":
    main()
