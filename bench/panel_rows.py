"""Building the timeline panel's rows (issue 18): seven ``Text.append`` calls a row against
one string and its spans (``widgets/timeline_panel._row``), in the same process, on the
events of a big document from ``bench/make_big.py`` (analysed first, in this process).

    python bench/panel_rows.py [--chars 1000000]
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_big import make  # noqa: E402

ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
ap.add_argument("--chars", type=int, default=1_000_000)
args = ap.parse_args()
home = Path(tempfile.mkdtemp(prefix="b2b-rows-"))
os.environ["B2B_READER_HOME"] = str(home)
(home / "big.md").write_text(make(args.chars), encoding="utf-8")
from rich.style import Style  # noqa: E402
from rich.text import Text  # noqa: E402
from b2b_reader.core import pipeline  # noqa: E402
from b2b_reader.widgets.timeline_panel import _row, date_label  # noqa: E402
loaded = pipeline.load_path(str(home / "big.md"))
views = pipeline.make_views(loaded.document)
analysis = pipeline.analyze(loaded.document, views)
events = analysis.events_in_order()
d, p, t = Style(bold=True, color="yellow"), Style(underline=True), Style(dim=True)
texts = [(date_label(e), views.text("simplified", "std", e.phrase), views.text("simplified", "std", e.text)) for e in events]


def old():
    for e, (key, phrase, text) in zip(events, texts):
        label = Text.assemble(("~" if e.inferred else "", d), (key, d))
        if e.kind != "point":
            label.append(f" ({e.kind})", t)
        label.append("  ")
        label.append(phrase, p)
        label.append("\n")
        shown = Text(text, style=t)
        at = text.find(phrase)
        if phrase and at >= 0:
            shown.stylize(p, at, at + len(phrase))
        label.append(shown)


def new():
    for e, (key, phrase, text) in zip(events, texts):
        _row(e, key, phrase, text, d, p, t)

res = {"old": [], "new": []}
for _ in range(3):
    for name, f in (("old", old), ("new", new)):
        t0 = time.perf_counter(); f(); res[name].append(time.perf_counter() - t0)
med = {k: sorted(v)[1] for k, v in res.items()}
print(f"{len(events):,} timeline rows: Text.append {med['old']*1000:.0f} ms, one string + spans {med['new']*1000:.0f} ms (median of 3, ratio {med['new']/med['old']:.2f})")
