"""Key-to-frame latency while the analysis of a 1M-character document runs.

Starts ``b2b-reader`` on the document from ``bench/make_big.py`` in a pseudo-terminal with
an empty cache (``B2B_READER_HOME`` is a fresh temporary directory), and from the first
frame on sends ``j`` and page-down alternately about every 100 ms, timing each key to
the first bytes of the frame it causes. The analysis is running until its result appears
in the disk cache; keys are reported in three groups: while it runs, in the second after
it (the app applies the results on its UI thread), and idle afterwards. Target: p90
≤ 50 ms while analysis runs (issue 3).

``--variant switch`` runs the same app with ``sys.setswitchinterval(0.001)`` (GIL handed
over after 1 ms instead of 5 ms). ``--variant subprocess`` runs it with
``pipeline.analyze(..., isolated=True)``: the analysis runs in a child interpreter and
its JSON form comes back, so the worker thread only waits and the UI thread keeps the GIL. Both patches live in this script (no
app code changes); they show what the proposed fixes would buy.

    python bench/analysis_keys.py [--variant thread|switch|subprocess|all] [--cols 120 --rows 40]
"""

from __future__ import annotations

import argparse
import os
import select
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _pty import PtyProcess  # noqa: E402
from make_big import make  # noqa: E402

READER = str(Path(sys.executable).with_name("b2b-reader"))
MARKER = "中新網".encode()  # first words of the document, as drawn (Taiwan traditional)
KEYS = (b"j", b"\x1b[6~")  # j, page-down
INTERVAL = 0.1
TARGET_P90 = 0.050


# --------------------------------------------------------------------------- the variant app


def run_app_with_subprocess_analysis(argv: list[str]) -> int:
    """Run the reader with ``pipeline.analyze(..., isolated=True)``: the proposed fix."""
    import functools

    from b2b_reader import cli
    from b2b_reader.core import pipeline

    pipeline.analyze = functools.partial(pipeline.analyze, isolated=True)
    return cli.main(argv)


def run_app_with_short_switch_interval(argv: list[str]) -> int:
    """Run the reader unchanged but with a 1 ms GIL switch interval (default 5 ms).

    A CPU-bound thread keeps the GIL until another thread has waited a switch interval;
    the UI thread gives it up at every write and select, so each frame pays that wait
    several times over.
    """
    from b2b_reader import cli

    sys.setswitchinterval(0.001)
    return cli.main(argv)


VARIANTS = {
    "thread": ("b2b-reader (analysis in a worker thread, as shipped)", None),
    "switch": ("variant: worker thread, sys.setswitchinterval(0.001)", run_app_with_short_switch_interval),
    "subprocess": ("variant: pipeline.analyze(..., isolated=True) (child process)",
                   run_app_with_subprocess_analysis),
}

# --------------------------------------------------------------------------- measuring


def _analysis_cached(home: str) -> bool:
    directory = Path(home) / "cache" / "analysis"
    return directory.is_dir() and any(p.suffix == ".json" for p in directory.iterdir())


def _drain_now(proc: PtyProcess) -> None:
    """Read whatever output is already waiting, without blocking."""
    while select.select([proc.fd], [], [], 0)[0]:
        try:
            chunk = os.read(proc.fd, 65536)
        except OSError:
            return
        if not chunk:
            return
        proc.output += chunk


def _press(proc: PtyProcess, key: bytes, timeout: float = 10) -> float:
    _drain_now(proc)
    t0 = time.perf_counter()
    os.write(proc.fd, key)
    if not select.select([proc.fd], [], [], timeout)[0]:
        raise TimeoutError(f"no frame after {key!r}")
    proc.output += os.read(proc.fd, 65536)
    return time.perf_counter() - t0


def _wait_tick(proc: PtyProcess, until: float) -> None:
    """Keep reading output until ``until`` (so the app never blocks on a full pty)."""
    while (left := until - time.perf_counter()) > 0:
        if select.select([proc.fd], [], [], left)[0]:
            try:
                proc.output += os.read(proc.fd, 65536)
            except OSError:
                return


def measure(label: str, argv: list[str], path: str, cols: int, rows: int, idle_keys: int) -> None:
    with tempfile.TemporaryDirectory(prefix="b2b-keys-") as home:
        proc = PtyProcess([*argv, path], cols=cols, rows=rows, env={"B2B_READER_HOME": home})
        try:
            first = proc.first_frame(MARKER, timeout=120)
            during, after, idle = [], [], []
            done_at = None
            n = 0
            next_tick = time.perf_counter()
            while True:
                _wait_tick(proc, next_tick)
                if done_at is None and _analysis_cached(home):
                    done_at = time.perf_counter()
                if done_at is not None and time.perf_counter() - done_at > 1.0:
                    break
                latency = _press(proc, KEYS[n % 2])
                n += 1
                (during if done_at is None else after).append(latency)
                next_tick += INTERVAL
                if time.perf_counter() - proc.start > 120:
                    raise TimeoutError("analysis did not finish in 120 s")
            analysis_secs = done_at - proc.start - first
            _wait_tick(proc, time.perf_counter() + 2.0)  # settle: panels filled, lookup warmed
            for i in range(idle_keys):
                idle.append(_press(proc, KEYS[i % 2]))
                _wait_tick(proc, time.perf_counter() + INTERVAL)
        finally:
            proc.close()
    print(f"{label}: first frame {first * 1000:.0f} ms; analysis result cached "
          f"{analysis_secs:.1f} s after the first frame")
    for name, times in (("while analysing", during), ("first second after", after), ("idle afterwards", idle)):
        print(f"  {name:19s} {_summary(times)}")
    if during:
        p90 = _pct(during, 0.9)
        print(f"  p90 while analysing {p90 * 1000:.1f} ms vs target {TARGET_P90 * 1000:.0f} ms: "
              f"{'met' if p90 <= TARGET_P90 else 'NOT met'}")


def _pct(times: list[float], q: float) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _summary(times: list[float]) -> str:
    if not times:
        return "no keys"
    return (f"n={len(times):3d}  p50 {statistics.median(times) * 1000:6.1f} ms  "
            f"p90 {_pct(times, 0.9) * 1000:6.1f} ms  max {max(times) * 1000:6.1f} ms")


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--app-variant":
        sys.exit(VARIANTS[sys.argv[2]][1](sys.argv[3:]))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--variant", choices=(*VARIANTS, "all"), default="all")
    ap.add_argument("--cols", type=int, default=120)
    ap.add_argument("--rows", type=int, default=40)
    ap.add_argument("--idle-keys", type=int, default=20)
    args = ap.parse_args()
    with tempfile.NamedTemporaryFile("w", suffix=".md", delete=False, encoding="utf-8") as f:
        f.write(make())
    try:
        print(f"document: {f.name} ({len(Path(f.name).read_text(encoding='utf-8')):,} chars), "
              f"keys j / page-down every {INTERVAL * 1000:.0f} ms, {args.cols}x{args.rows}")
        for name, (label, run) in VARIANTS.items():
            if args.variant not in (name, "all"):
                continue
            argv = [READER] if run is None else [sys.executable, str(Path(__file__).resolve()), "--app-variant", name]
            measure(label, argv, f.name, args.cols, args.rows, args.idle_keys)
    finally:
        os.unlink(f.name)


if __name__ == "__main__":
    main()
