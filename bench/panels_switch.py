"""Cost of a view switch (``t``) with the side panels shown, on the 1M-character document.

Builds the document of ``bench/make_big.py``, analyses it (cached in a temporary
``B2B_READER_HOME`` unless one is given), mounts the side panels at 160×50 and times
``SidePanels.show`` for alternating views (traditional Taiwan ⇄ simplified) up to the
next frame, with each tab open. ``before`` is what a switch cost when every panel was
refilled on it (the three panels' ``show``), measured in the same run for the ratio.

    python bench/panels_switch.py [--repeat 3] [--chars 1000000]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_big import make  # noqa: E402

VIEWS = (("traditional", "tw"), ("simplified", "std"))


async def measure(result, repeat: int) -> dict[str, list[float]]:
    from textual.app import App
    from textual.widgets import TabbedContent

    from b2b_reader.widgets.highlight_colours import HighlightColours
    from b2b_reader.widgets.panels import EntityPanel, GlossaryPanel, TimelinePanel
    from b2b_reader.widgets.side import SidePanels

    class Bench(HighlightColours, App):  # the panels' CSS uses the article's $hl-* colours
        def compose(self):
            yield SidePanels(result.views)

    figures: dict[str, list[float]] = {}
    app = Bench()
    async with app.run_test(size=(160, 50)) as pilot:
        side = app.query_one(SidePanels)
        tabs = app.query_one("#side-tabs", TabbedContent)
        for tab in ("tab-entities", "tab-timeline"):
            tabs.active = tab
            await pilot.pause()
            side.show(result.analysis, *VIEWS[1])
            await pilot.pause()
            for i in range(repeat * 2):
                script, variant = VIEWS[i % 2]
                start = time.perf_counter()
                side.show(result.analysis, script, variant)
                await pilot.pause()
                figures.setdefault(f"t, {tab[4:]} tab open", []).append(time.perf_counter() - start)
            for i in range(repeat * 2):
                script, variant = VIEWS[i % 2]
                start = time.perf_counter()
                for panel in (EntityPanel, GlossaryPanel, TimelinePanel):
                    side.query_one(panel).show(result.analysis, result.views, script, variant)
                await pilot.pause()
                figures.setdefault(f"before, {tab[4:]} tab open", []).append(time.perf_counter() - start)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--chars", type=int, default=1_000_000)
    args = parser.parse_args()
    os.environ.setdefault("B2B_READER_HOME", tempfile.mkdtemp(prefix="b2b-panels-"))
    from b2b_reader.core import pipeline

    loaded = pipeline.load_text(make(args.chars), "big.md")
    views = pipeline.make_views(loaded.document)
    result = pipeline.analysed(loaded.document, views)
    print(f"{loaded.document.char_count:,} characters, {len(result.analysis.events):,} events, "
          f"{len(result.analysis.spans):,} spans")
    figures = asyncio.run(measure(result, args.repeat))
    for name, values in figures.items():
        median = statistics.median(values)
        before = statistics.median(figures[name.replace("t, ", "before, ")])
        print(f"{name:26} median {median * 1000:7.0f} ms  max {max(values) * 1000:7.0f} ms  "
              f"ratio to before {median / before:.2f}")


if __name__ == "__main__":
    main()
