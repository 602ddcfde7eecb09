"""Finding one's way in the reader: less/vim counts and jumps, half pages, focus between
the article, the panels and the outline, and the side panels following the width.

Counts: ``12G`` or ``40%`` go to paragraph 12 or 40% of the way; ``:`` asks for either.
The digits stay what they are (each shows or hides a highlight type, as documented): a
count is noticed as the digits are typed, and when ``G`` or ``%`` ends it, the highlights
are put back as they were before the first digit.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual import events

    from ..widgets.article import ArticleView
    from .reader import ReaderScreen

#: ``12``, ``12G``, ``40%``, ``:12`` (spaces allowed): what ``:`` accepts.
_TARGET = re.compile(r"\s*:?\s*(\d+)\s*(%|[gG])?\s*$")

#: The side panels' tabs, by the name the keys use.
TABS = {"entities": "tab-entities", "glossary": "tab-glossary", "timeline": "tab-timeline"}


def paragraph_for(target: str, total: int) -> int | None:
    """The paragraph (0-based) ``N``, ``NG`` or ``N%`` names in a document of ``total``
    paragraphs, clamped to it; None when ``target`` is neither."""
    match = _TARGET.match(target)
    if match is None or total <= 0:
        return None
    number = int(match.group(1))
    if match.group(2) == "%":
        index = round(min(number, 100) * total / 100) - 1
    else:
        index = number - 1
    return max(0, min(index, total - 1))


class Navigation:
    """Counts, jumps and focus for one reader screen."""

    def __init__(self, screen: ReaderScreen, article: ArticleView) -> None:
        self.screen = screen
        self.article = article
        self.count = ""  # digits typed in the article so far
        self._before: tuple[bool, frozenset[str]] | None = None  # highlights before the count
        self.side_chosen = False  # i, E, W or Y was used: the width no longer decides
        self.came_from: tuple[str, str] | None = None  # the view s left for the source

    def next_view(self, change: str) -> tuple[str, str]:
        """The view ``t``, ``T`` or ``s`` switches to; ``s`` from the source goes back to
        the view it left."""
        from .keys import next_view

        screen = self.screen
        if change == "source" and screen.script != "original":
            self.came_from = (screen.script, screen.variant)
        return next_view(change, screen.script, screen.variant, screen.views.document.script, self.came_from)

    # -- counts -------------------------------------------------------------------------

    def key(self, event: events.Key) -> None:
        """Every key reaching the screen (before bindings): counts for ``G`` and ``%``."""
        if self.screen.focused is not self.article:
            self.count, self._before = "", None
            return
        if event.character is not None and event.character.isdigit():
            if not self.count:
                self._before = (self.article.highlight, frozenset(self.article.hidden_types))
            self.count += event.character
            return
        if self.count and event.key in ("G", "percent_sign"):
            event.stop()  # the binding (G: the bottom) does not run
            self._restore_highlights()
            self.go_to(self.count + ("%" if event.key == "percent_sign" else "G"))
        self.count, self._before = "", None

    def _restore_highlights(self) -> None:
        if self._before is None:
            return
        highlight, hidden = self._before
        if (highlight, hidden) != (self.article.highlight, frozenset(self.article.hidden_types)):
            self.article.highlight = highlight
            self.article.hidden_types = set(hidden)  # the screen redraws the legend (it watches them)

    def go_to(self, target: str) -> bool:
        """Put the reading cursor on the paragraph ``target`` names (``12``, ``12G``, ``40%``)."""
        index = paragraph_for(target, len(self.screen.views))
        if index is None:
            self.screen.notify(f"Not a paragraph: {target!r} (12, 12G or 40%)", severity="warning", timeout=2)
            return False
        self.article.cursor = index
        self.article.scroll_to_paragraph(index)
        self.article.focus()
        return True

    def ask(self) -> None:
        """``:``: ask for a paragraph number or a percentage."""
        from .goto import GoToDialog

        def chosen(target: str | None) -> None:
            if target:
                self.go_to(target)

        self.screen.app.push_screen(GoToDialog(len(self.screen.views)), chosen)

    def scroll(self, pages: float) -> None:
        """ctrl+d / ctrl+u (half a page), ctrl+f / ctrl+b (a page); the cursor follows."""
        height = max(self.article.size.height - (2 if abs(pages) >= 1 else 0), 2)
        self.article.scroll_lines(round(pages * height) or (1 if pages > 0 else -1))

    def section(self, delta: int) -> None:
        """``]`` / ``[``: the next section, or back: first to this section's start, then the previous."""
        if not self.article.step_section(delta) and delta > 0:
            self.screen.notify("Last section", timeout=1.5)

    async def date_to_timeline(self) -> None:
        """``d``: from a date in the text (under the word cursor, else the paragraph's
        first) to its timeline row."""
        if not await self.screen.area.show_date_event():
            self.screen.notify("No dated event in this paragraph", timeout=1.5)

    # -- focus --------------------------------------------------------------------------

    def outline(self) -> None:
        """``o``: show the outline and focus it; from the outline, hide it again."""
        area = self.screen.area
        outline = area.outline
        if outline is not None and outline.has_focus:
            area.toggle_outline()
            self.article.focus()
            return
        if not area.has_class("-outline"):
            area.toggle_outline()
        if outline is not None:
            outline.focus()

    async def panel(self, name: str) -> None:
        """``E``, ``W``, ``Y``: the side panels open on that tab, its list focused."""
        from textual.widgets import TabbedContent

        self.side_chosen = True
        await self.screen.open_side()
        tabs = self.screen.area.query_one("#side-tabs", TabbedContent)
        tabs.active = TABS[name]
        self.screen.call_after_refresh(self._focus_tab, name)

    def _focus_tab(self, name: str) -> None:
        from textual.widgets import OptionList

        self.screen.area.query_one(f"#{name}").query_one(OptionList).focus()

    async def toggle_side(self) -> None:
        """``i``: the user decides from now on (a resize no longer opens or closes them)."""
        self.side_chosen = True
        await self._show_side(not self.screen.area.has_class("-side"))

    async def width_changed(self, width: int) -> None:
        """The terminal was resized: the side panels show when it is wide enough, unless
        the user opened or closed them in this session."""
        from ..widgets.reading_area import WIDE

        if not self.side_chosen and (width >= WIDE) != self.screen.area.has_class("-side"):
            await self._show_side(width >= WIDE)

    async def _show_side(self, show: bool) -> None:
        area = self.screen.area
        if show:
            await self.screen.open_side()
            return
        focused = self.screen.focused
        await area.hide_side()
        if focused is not None and area.side is not None and area.side in focused.ancestors:
            self.article.focus()  # the focus must not stay on a hidden list
