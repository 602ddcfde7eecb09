"""How long `q` takes to end the process while a large document is being analysed.

The installed `b2b-reader` runs in a pseudo-terminal on a generated document; once its
first frame is out (the analysis has started), `q` is sent and the time until the
process has exited is measured. Target: 0.5 s at any size (issue 17 measured 3.6 s at
1M characters and 23 s at 5M before the analysis child was terminated on quit).

    python bench/quit.py [--sizes 100000 1000000 5000000] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import pty
import select
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

SENTENCE = "淘宝和天猫在今年3月公布了新的数字，1688的成交额增长了百分之五十。"


def entry_point() -> str:
    found = Path(sys.executable).with_name("b2b-reader")
    return str(found) if found.exists() else shutil.which("b2b-reader") or "b2b-reader"


def document(directory: Path, chars: int) -> Path:
    paragraph = SENTENCE * 6
    count = max(1, chars // len(paragraph))
    path = directory / f"doc-{chars}.txt"
    path.write_text("\n\n".join(f"第{i}段。{paragraph}" for i in range(count)), encoding="utf-8")
    return path


def read_until(fd: int, needle: bytes, timeout: float) -> bytes:
    seen = b""
    deadline = time.monotonic() + timeout
    while needle not in seen and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                seen += os.read(fd, 65536)
            except OSError:
                break
    return seen


def quit_time(path: Path, home: Path, settle: float) -> float:
    """Seconds from `q` to the process's exit (-1 if it never drew its first frame)."""
    env = {**os.environ, "B2B_READER_HOME": str(home), "TERM": "xterm-256color", "COLUMNS": "100", "LINES": "30"}
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(entry_point(), [entry_point(), str(path)], env)
    try:
        if b"Quit" not in read_until(fd, b"Quit", 60):
            return -1.0
        time.sleep(settle)  # the analysis is under way (it starts after the first frame)
        os.write(fd, b"q")
        start = time.monotonic()
        while True:
            read_until(fd, b"\x00never", 0.01)  # keep the terminal's output drained
            done, _ = os.waitpid(pid, os.WNOHANG)
            if done:
                return time.monotonic() - start
            if time.monotonic() - start > 300:
                os.kill(pid, 9)
                return float("inf")
    finally:
        os.close(fd)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000, 5_000_000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--settle", type=float, default=1.0, help="seconds between the first frame and q")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        for chars in args.sizes:
            path = document(directory, chars)
            times = []
            for run in range(args.runs):
                home = directory / f"home-{chars}-{run}"  # a fresh cache: the analysis really runs
                times.append(quit_time(path, home, args.settle))
            shown = ", ".join(f"{t:.3f}" for t in times)
            print(f"{chars:>9,} chars: q to exit median {statistics.median(times):.3f} s "
                  f"(runs: {shown}; target 0.5)")


if __name__ == "__main__":
    main()
