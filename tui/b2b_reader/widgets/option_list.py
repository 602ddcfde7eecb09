"""Textual's OptionList, safe to page before it has been laid out.

Textual 8.2's OptionList maps options to lines only when it renders; page up/down on a
list that has had no height yet (a 20×5 terminal, a panel just shown) raised KeyError.
Found by the random-key test (tests/tui/test_robustness.py).
"""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import OptionList as _OptionList


class OptionList(_OptionList):
    """An OptionList whose page keys do nothing until there are lines to page through,
    with the article's less/vim keys: every list (panels, outline, bookmarks, library)
    moves as the article does."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("space,ctrl+f", "page_down", "Page down", show=False),
        Binding("b,ctrl+b", "page_up", "Page up", show=False),
        Binding("g", "first", "First", show=False),
        Binding("G", "last", "Last", show=False),
        Binding("ctrl+d", "half_page(1)", "Half page down", show=False),
        Binding("ctrl+u", "half_page(-1)", "Half page up", show=False),
    ]

    def action_half_page(self, direction: int) -> None:
        """Half the list's height down (1) or up (-1), as ctrl+d / ctrl+u in the article."""
        if self.option_count == 0:
            return
        step = max(self.scrollable_content_region.height // 2, 1)
        current = self.highlighted if self.highlighted is not None else 0
        target = max(0, min(current + direction * step, self.option_count - 1))
        while 0 < target < self.option_count - 1 and self.get_option_at_index(target).disabled:
            target += direction  # land on a choosable row
        self.highlighted = target

    def _move_page(self, direction) -> None:
        if (self.highlighted or 0) not in self._index_to_line:
            return
        super()._move_page(direction)
