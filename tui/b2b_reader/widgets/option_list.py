"""Textual's OptionList, safe to page before it has been laid out, and cheap to refill.

Textual 8.2's OptionList maps options to lines only when it renders; page up/down on a
list that has had no height yet (a 20×5 terminal, a panel just shown) raised KeyError.
Found by the random-key test (tests/tui/test_robustness.py).

Refilling it measures every option (wraps its prompt to the width: ~0.15 ms a row), and
any resize, even one that changes only the height (the search bar opening), measures them
all again. On a 1M-character document that is 10,000 timeline rows and 648 outline
headings, on every ``t`` and ``/``. This list keeps each option's height by its plain text
and the width, so a view switch measures only the rows whose words it changed, and a
resize that keeps the width keeps the lines.
"""

from __future__ import annotations

from rich._wrap import divide_line
from rich.cells import cell_len
from rich.text import Text
from textual.content import Content
from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Size
from textual.widgets import OptionList as _OptionList
from textual.widgets.option_list import Option

#: Heights kept per list, at most (a view switch of a long timeline adds ~10,000).
_MAX_HEIGHTS = 100_000


def _wrapped_lines(plain: str, width: int) -> int:
    """The lines Textual's Content wraps ``plain`` to at ``width`` (its ``get_height`` with
    the default rules), counted without formatting them: a line that fits is one line,
    a longer one as many as ``divide_line`` cuts it into. Tabs are counted as Textual does."""
    height = 0
    for line in plain.split("\n"):
        if "\t" in line:
            line = Content(line).expand_tabs(8).plain
        height += 1 if cell_len(line) <= width else len(divide_line(line, width, fold=True)) + 1
    return height


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

    _measured_width: int | None = None  # the width the lines were counted at
    _known_heights: dict | None = None  # (kind, plain text, width) -> lines

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

    def set_options(self, options, *, keep_drawn: bool = False):
        """Replace the options. ``keep_drawn``: they are options this list showed before, each
        at the same index (a panel's rows for a view, shown again after ``t`` and back):
        what it drew of them is kept, not drawn again (~0.5 ms a row)."""
        if not keep_drawn:
            return super().set_options(options)
        drawn = self._option_render_cache  # by (option, style, padding): same option, same strips
        self._option_render_cache = LRUCache(drawn.maxsize)  # the one Textual's set_options clears
        try:
            return super().set_options(options)
        finally:
            self._option_render_cache = drawn

    def _on_resize(self, event: events.Resize) -> None:
        # Textual's handler forgets every option's lines; they depend on the width only.
        if self.scrollable_content_region.width == self._measured_width:
            event.prevent_default()
            self.refresh()

    def _height(self, option: Option, width: int) -> int:
        """The option's height in lines at ``width``, measured once per plain text and width.

        Only a rich ``Text`` prompt or a renderable whose ``str()`` is its plain text (the
        outline's headings, marked by ``plain_height``) is kept: its height depends on
        nothing else for a given list (same styles, same padding)."""
        prompt = option.prompt
        key = None
        if isinstance(prompt, Text):
            key = (Text, prompt.plain, prompt.no_wrap, width)
        elif getattr(prompt, "plain_height", False):
            key = (type(prompt), str(prompt), width)
        heights = self._known_heights
        if heights is None:
            heights = self._known_heights = {}
        if key is not None and (known := heights.get(key)) is not None:
            return known
        if (lines_at := getattr(prompt, "lines_at", None)) is not None:  # counts without drawing
            height = lines_at(self.app.console, width)
        elif key is not None and key[0] is Text and self._plain_wrap():
            height = _wrapped_lines(prompt.plain, width)
        else:
            height = self._get_visual(option).get_height(self.styles, width)
        if key is not None:
            if len(heights) >= _MAX_HEIGHTS:
                heights.clear()
            heights[key] = height
        return height

    def _plain_wrap(self) -> bool:
        """Whether rows wrap as Textual wraps by default (words, folding long ones, no padding
        of lines): then a row's height is counted from its plain text by _wrapped_lines."""
        get = self.styles.get  # what Content.get_height reads
        return (get("text_wrap", "wrap") == "wrap" and get("text_overflow", "fold") == "fold"
                and not get("line_pad", 0))

    def _update_lines(self) -> None:
        # Textual 8.2's, with heights from _height().
        if not self.scrollable_content_region:
            return
        line_cache = self._line_cache
        lines = line_cache.lines
        next_index = lines[-1][0] + 1 if lines else 0
        width = self.scrollable_content_region.width - self._get_left_gutter_width()
        self._measured_width = self.scrollable_content_region.width
        if next_index < len(self.options):
            padding = self.get_component_styles("option-list--option").padding
            height_of = self._height
            for index, option in enumerate(self.options[next_index:], next_index):
                line_cache.index_to_line[index] = len(lines)
                line_count = height_of(option, width - padding.width) + option._divider
                line_cache.heights[index] = line_count
                lines.extend([(index, line_no) for line_no in range(line_count)])
        last_divider = self.options and self.options[-1]._divider
        virtual_size = Size(width, len(lines) - (1 if last_divider else 0))
        if virtual_size != self.virtual_size:
            self.virtual_size = virtual_size
            self._scroll_update(virtual_size)
