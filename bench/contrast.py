"""Print each highlight's WCAG contrast in every theme the reader offers, as the app
resolves them (Textual's own theme and CSS variables), and the nearest two kinds' colour
distance (CIE76 ΔE). Usage: python bench/contrast.py"""

from __future__ import annotations

import asyncio
import itertools
import math
import os
import tempfile

# Switching themes saves the choice in the settings: keep the user's own out of it.
os.environ["B2B_READER_HOME"] = tempfile.mkdtemp(prefix="b2b-contrast-")

from textual.color import Color, rgb_to_lab

from b2b_reader.app import ReaderApp
from b2b_reader.core import pipeline
from b2b_reader.core.entity_types import ENTITY_TYPES, TERM
from b2b_reader.widgets.highlight_colours import contrast


def resolved(app: ReaderApp) -> tuple[dict[str, Color], dict[str, Color]]:
    """(kind -> colour drawn, background name -> colour) as the running app resolves them."""
    article = app.screen.article
    surface = article.background_colors[1]
    panel = app.screen.background_colors[1]
    term = Color.from_rich_color(article.get_component_rich_style(TERM.component).bgcolor)
    cursor = Color.from_rich_color(article.get_component_rich_style("article--cursor").bgcolor)
    fg = {k.key: Color.from_rich_color(article.get_component_rich_style(k.component).color) for k in ENTITY_TYPES}
    fg["term"] = Color.from_rich_color(article.get_component_rich_style(TERM.component).color)
    return fg, {"article": surface, "panel": panel, "cursor line": cursor, "term shade": term}


def delta_e(a: Color, b: Color) -> float:
    return math.dist(tuple(rgb_to_lab(a)), tuple(rgb_to_lab(b)))


async def main() -> None:
    app = ReaderApp(pipeline.load_default())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.5)
        print(f"{'theme':22} {'worst (kind on background)':38} {'min ΔE (kinds)':18} mono")
        for name in app.available_themes:
            app.theme = name
            await pilot.pause()
            fg, bgs = resolved(app)
            if any(c.ansi is not None for c in (*fg.values(), *bgs.values())):
                print(f"{name:22} ANSI theme: the terminal's own palette, not measurable")
                continue
            worst = min((contrast(c, b), k, where) for k, c in fg.items() for where, b in bgs.items()
                        if k != "term" or where != "panel")
            de = min((delta_e(fg[a.key], fg[b.key]), a.key, b.key) for a, b in itertools.combinations(ENTITY_TYPES, 2))
            mono = min(contrast(c.monochrome, b.monochrome) for c in fg.values() for b in bgs.values())
            print(f"{name:22} {worst[0]:5.2f} ({worst[1]} on {worst[2]}){'':14} {de[0]:5.1f} ({de[1]}/{de[2]})"
                  f"  {mono:5.2f}")
            if name in ("textual-dark", "textual-light"):
                print("    " + "  ".join(f"{k} {c.hex} {contrast(c, bgs['article']):.1f}" for k, c in fg.items()))


if __name__ == "__main__":
    asyncio.run(main())
