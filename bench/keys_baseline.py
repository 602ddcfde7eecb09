"""What a key costs a bare Textual app on this host now: the floor under ``keys_phases.py``.

A minimal Textual app (one ``Static`` with a screenful of Chinese text from the eval
articles, ``j`` moves a marker line down) runs in a pseudo-terminal of the same size, and
``j`` is sent every ``--interval`` and timed to the first bytes of the frame, as
``keys_phases.py`` times the reader. On a shared 2-core host the p90 of this app is what the
scheduler alone costs; a reader p90 near it is as good as the host allows at that load.

    python bench/keys_baseline.py [--keys 100] [--cols 160 --rows 40]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _pty import PtyProcess  # noqa: E402
from analysis_keys import _pct, _press, _wait_tick  # noqa: E402
from make_big import make  # noqa: E402

MARKER = "第1節".encode()


def app_main(path: str) -> None:
    from rich.text import Text
    from textual.app import App
    from textual.widgets import Static

    lines = Path(path).read_text(encoding="utf-8").splitlines()

    class Bare(App):
        BINDINGS = [("j", "down", "Down")]
        row = 0

        def compose(self):
            yield Static(self._text(), id="text")

        def _text(self) -> Text:
            shown = [("> " if i == self.row else "  ") + line for i, line in enumerate(lines[:60])]
            return Text("\n".join(shown))

        def action_down(self) -> None:
            self.row = (self.row + 1) % 40
            self.query_one("#text", Static).update(self._text())

    Bare().run()


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--app":
        app_main(sys.argv[2])
        return
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--keys", type=int, default=100)
    ap.add_argument("--interval", type=float, default=0.1)
    ap.add_argument("--cols", type=int, default=160)
    ap.add_argument("--rows", type=int, default=40)
    args = ap.parse_args()
    path = Path("/tmp") / f"b2b-keys-baseline-{os.getpid()}.md"
    path.write_text(make(20_000), encoding="utf-8")
    try:
        print("load %.2f %.2f %.2f" % os.getloadavg())
        proc = PtyProcess([sys.executable, __file__, "--app", str(path)], cols=args.cols, rows=args.rows)
        try:
            proc.first_frame(MARKER, timeout=60)
            _wait_tick(proc, time.perf_counter() + 0.5)
            times = []
            for _ in range(args.keys):
                times.append(_press(proc, b"j"))
                _wait_tick(proc, time.perf_counter() + args.interval)
        finally:
            proc.close()
    finally:
        path.unlink()
    ordered = sorted(times)
    print(f"bare Textual app, j x{len(times)} at {args.cols}x{args.rows}: p50 {ordered[len(ordered) // 2] * 1000:.1f} "
          f"p90 {_pct(times, 0.9) * 1000:.1f} max {max(times) * 1000:.1f} ms; "
          "load %.2f %.2f %.2f" % os.getloadavg())


if __name__ == "__main__":
    main()
