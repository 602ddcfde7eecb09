"""The article's rows on screen: the reading column's width (centred past the reading
width) and one visible row drawn as a Strip, with the margin (cursor bar, bookmark).

What the row holds (wrapped lines, the top) is the :class:`Viewport`'s, how its text is
styled ``article_text``'s; drawn rows are kept by the viewport (``Viewport.strip``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.style import Style
from textual.geometry import Size
from textual.strip import Strip

from ..core.state import DEFAULT_READING_WIDTH
from .strips import MARGIN, margin_strip

if TYPE_CHECKING:
    from .article import ArticleView


def centring(article: ArticleView) -> int:
    """The padding either side of the column: past the reading width (a setting; 0: the
    whole width), equal padding centres it."""
    settings = getattr(article.app, "settings", None)
    limit = getattr(settings, "reading_width", DEFAULT_READING_WIDTH)
    room = article.outer_size.width - 2 * MARGIN
    return (room - limit) // 2 if limit and room > limit else 0


def row_strip(article: ArticleView, y: int, size: Size, base: Style) -> Strip:
    """Row ``y`` of the article (``size``, ``base``: the frame's), from the viewport's cache."""
    viewport = article.viewport
    rows = viewport.rows(size.height)
    width = size.width
    if y >= len(rows):
        return Strip.blank(width, base)
    block_index, line = rows[y]
    block = viewport.blocks[block_index]
    lines = viewport.lines(block_index)
    on_cursor = block.kind != "heading" and block.index == article.cursor
    on_cursor = on_cursor and line < len(lines) - (block_index < len(viewport.blocks) - 1)
    mark = " "
    if line == 0 and block.kind != "heading" and block.index in article.bookmarks:
        mark = "•"  # a bookmark (m), on the paragraph's first line
    focused = on_cursor and article.has_focus
    key = (block_index, line, on_cursor, focused, mark, width, base)

    def draw() -> Strip:
        cursor = article.get_component_rich_style("article--cursor") if on_cursor else None
        bar = article.get_component_rich_style("article--cursor-bar") if focused else None
        return margin_strip(lines[line], article.app.console, base, width, mark, cursor, bar)
    return viewport.strip(key, draw)
