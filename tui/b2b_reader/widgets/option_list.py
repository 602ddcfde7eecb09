"""Textual's OptionList, safe to page before it has been laid out.

Textual 8.2's OptionList maps options to lines only when it renders; page up/down on a
list that has had no height yet (a 20×5 terminal, a panel just shown) raised KeyError.
Found by the random-key test (tests/tui/test_robustness.py).
"""

from __future__ import annotations

from textual.widgets import OptionList as _OptionList


class OptionList(_OptionList):
    """An OptionList whose page keys do nothing until there are lines to page through."""

    def _move_page(self, direction) -> None:
        if (self.highlighted or 0) not in self._index_to_line:
            return
        super()._move_page(direction)
