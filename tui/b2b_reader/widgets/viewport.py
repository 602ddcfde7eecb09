"""Where the article is: its blocks in reading order, their wrapped lines per view, and
the block and line at the top of the screen.

Scrolling is anchored on a block (a heading or a paragraph) and a line inside it, so the
cost of a frame, a page or a script toggle depends on the screen, not on the document.
Wrapped lines and the strips drawn from them are cached per view (toggling back to a view
just seen redraws from cache); :meth:`Viewport.invalidate` is the one place they are
dropped, whatever changed (a mark, a word, a selection, an option, a theme, the width).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from typing import NamedTuple

from rich.text import Text
from textual.strip import Strip

from ..core.models import Document
from .wrap import line_ranges


class Block(NamedTuple):
    """A heading (``section``) or a paragraph (``index``) as laid out in the article."""

    kind: str  # "heading" | "body" | "caption"
    index: int  # section index for headings, paragraph index otherwise


class _ViewCache:
    """One view's wrapped lines per block, and strips per (block, line, cursor, …)."""

    def __init__(self) -> None:
        self.lines: dict[int, list[Text]] = {}
        self.strips: dict[tuple, Strip] = {}

    def drop(self, blocks: set[int] | None) -> None:
        if blocks is None:
            self.lines.clear()
            self.strips.clear()
            return
        for block in blocks:
            self.lines.pop(block, None)
        if self.strips:
            for key in [k for k in self.strips if k[0] in blocks]:
                del self.strips[key]


class Viewport:
    """The article's blocks, lines and top position (no widget: the article owns one).

    ``paint(block)`` gives a block's styled text in the current view; ``width()`` the
    width lines wrap at.
    """

    #: A few screens of strips; past it the strip cache starts again.
    MAX_STRIPS = 4000

    def __init__(self, document: Document, view: tuple[str, str], paint: Callable[[Block], Text],
                 width: Callable[[], int]) -> None:
        self.document = document
        self._paint = paint
        self._width_of = width
        self.only: set[int] | None = None  # a filtered view shows just these paragraphs
        self._order: list[int] | None = None  # ... in order
        self.blocks: list[Block] = []
        self.block_of: dict[int, int] = {}
        self.heading_block: dict[int, int] = {}
        self.top = (0, 0)  # (block, line within block)
        self._views: dict[tuple[str, str], _ViewCache] = {}
        self._view = self._views.setdefault(view, _ViewCache())  # nothing laid out before the first frame
        self._width = 0
        self.whole_words = False  # pinyin or word spaces shown: never break inside a word
        self._rows_key: tuple | None = None
        self._rows: list[tuple[int, int]] = []
        self._build()

    # -- what is shown ---------------------------------------------------------------

    def _build(self) -> None:
        """Headings and paragraphs in reading order (in a filtered view: the shown ones)."""
        document = self.document
        self.blocks, self.block_of, self.heading_block = [], {}, {}
        for section in document.sections:
            shown = [i for i in section.paragraphs if self.only is None or i in self.only]
            if section.title and (shown or self.only is None):
                self.heading_block[section.index] = len(self.blocks)
                self.blocks.append(Block("heading", section.index))
            for index in shown:
                self.block_of[index] = len(self.blocks)
                self.blocks.append(Block(document.paragraphs[index].kind, index))

    def set_filter(self, paragraphs: set[int] | None) -> None:
        """Show only ``paragraphs`` (with their sections' headings), or everything."""
        self.only = set(paragraphs) if paragraphs is not None else None
        self._order = sorted(self.only) if self.only is not None else None
        self._build()
        self.invalidate()
        self.top = (0, 0)

    def nearest_shown(self, index: int) -> int:
        """``index`` if shown, else the next shown paragraph (the last one at the end)."""
        if self._order is None or not self._order or index in self.only:
            return index
        later = bisect.bisect_right(self._order, index)
        return self._order[later] if later < len(self._order) else self._order[-1]

    @property
    def order(self) -> list[int] | None:
        """The shown paragraphs in order when filtered, else None."""
        return self._order

    def shown(self, index: int) -> bool:
        """Whether paragraph ``index`` is in the view (always, unless filtered)."""
        return self.only is None or index in self.only

    def step(self, index: int, delta: int) -> int | None:
        """The shown paragraph ``delta`` (±1) away from ``index``, or None at either end."""
        if self._order is None:
            target = index + delta
            return target if 0 <= target < len(self.document.paragraphs) else None
        at = bisect.bisect_left(self._order, index)
        at = at + delta if delta > 0 and at < len(self._order) and self._order[at] == index else (
            at if delta > 0 else at - 1)
        return self._order[at] if 0 <= at < len(self._order) else None

    def set_view(self, key: tuple[str, str]) -> None:
        """Lines of another script or variant (its own cache), keeping the top block."""
        self._view = self._views.setdefault(key, _ViewCache())
        self._rows_key = None
        self.keep_top()

    # -- the one invalidation point -----------------------------------------------------

    def invalidate(self, paragraphs: Iterable[int] | None = None) -> None:
        """Lay out again: these paragraphs' blocks in every view, or everything (None)."""
        blocks = None if paragraphs is None else {self.block_of[i] for i in paragraphs if i in self.block_of}
        for view in self._views.values():
            view.drop(blocks)
        self._view.drop(blocks)
        self._rows_key = None

    # -- lines ----------------------------------------------------------------------------

    def lines(self, block: int) -> list[Text]:
        """The wrapped lines of ``block`` (with the blank line after it, but the last)."""
        width = self._width_of()
        if width != self._width:
            self._width = width
            self.invalidate()
        lines = self._view.lines.get(block)
        if lines is None:
            text = self._paint(self.blocks[block])
            ranges = line_ranges(text.plain, width, whole_words=self.whole_words)
            lines = list(text.divide([end for _, end in ranges[:-1]])) if len(ranges) > 1 else [text]
            if block < len(self.blocks) - 1:
                lines.append(Text(""))  # one blank line between blocks
            self._view.lines[block] = lines
        return lines

    def strip(self, key: tuple, draw: Callable[[], Strip]) -> Strip:
        """The strip for ``key`` (its first item the block), drawn once."""
        strips = self._view.strips
        strip = strips.get(key)
        if strip is None:
            if len(strips) > self.MAX_STRIPS:
                strips.clear()
            strip = strips[key] = draw()
        return strip

    def advance(self, pos: tuple[int, int], count: int) -> tuple[int, int]:
        """Move a (block, line) position by ``count`` lines, clamped to the document."""
        block, line = pos
        line += count
        while line < 0 and block > 0:
            block -= 1
            line += len(self.lines(block))
        while block < len(self.blocks) - 1 and line >= len(self.lines(block)):
            line -= len(self.lines(block))
            block += 1
        return block, max(0, min(line, len(self.lines(block)) - 1))

    def last_top(self, height: int) -> tuple[int, int]:
        """The top that shows the end of the document at the bottom of the screen (or the start)."""
        last = len(self.blocks) - 1
        return max(self.advance((last, len(self.lines(last)) - 1), -(height - 1)), (0, 0))

    def visible(self, height: int) -> list[tuple[int, int]]:
        """(block, line) of each screen row from the top."""
        rows = []
        block, line = self.top
        while len(rows) < height and block < len(self.blocks):
            lines = self.lines(block)
            while line < len(lines) and len(rows) < height:
                rows.append((block, line))
                line += 1
            block, line = block + 1, 0
        return rows

    def rows(self, height: int) -> list[tuple[int, int]]:
        """:meth:`visible`, kept until the top, the height or a layout changes."""
        key = (self.top, height, self._width, len(self._view.lines))
        if self._rows_key != key:
            self._rows = self.visible(height)
            self._rows_key = (self.top, height, self._width, len(self._view.lines))
        return self._rows

    # -- moving the top ---------------------------------------------------------------

    def keep_top(self) -> None:
        """Keep the top block in place, its line within the block's (new) line count."""
        block, line = self.top
        if self.blocks:
            self.top = (block, min(line, len(self.lines(block)) - 1))

    def scroll(self, count: int, height: int) -> None:
        """Scroll by ``count`` lines, never past the end."""
        self.top = min(self.advance(self.top, count), self.last_top(height))

    def bring_into_view(self, index: int, height: int) -> None:
        """Bring paragraph ``index`` into view, moving as little as possible."""
        block = self.block_of[index]
        count = len(self.lines(block)) - (1 if block < len(self.blocks) - 1 else 0)  # without the gap
        if height:
            rows = self.visible(height)
            if (block, 0) in rows and ((block, count - 1) in rows or rows[0] == (block, 0)):
                return
        if height and block > self.top[0] and count <= height:
            # Below the screen: scroll down just until its last line is at the bottom.
            self.top = self.advance((block, count - 1), -(height - 1))
        else:
            self.top = (block, 0)
            if block > 0 and self.blocks[block - 1].kind == "heading":
                self.top = (block - 1, 0)  # show the section's heading with it
        if height:
            self.top = min(self.top, self.last_top(height))

    def section_step(self, paragraph: int, delta: int) -> int | None:
        """The section ``delta`` (±1) from ``paragraph``'s; back (-1) from inside a section
        is first its own start. None when there is none that way."""
        section = self.document.section_of(paragraph)
        target = section.index if delta < 0 and paragraph != section.paragraphs[0] else section.index + delta
        return target if 0 <= target < len(self.document.sections) else None

    def show_section(self, section: int, cursor_block: int, height: int) -> None:
        """Put a section's heading (or else its first paragraph) at the top."""
        block = self.heading_block.get(section, cursor_block)
        self.top = min((block, 0), self.last_top(height))
