"""Where a click lands: the character of a paragraph's wrapped lines under a screen cell."""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.text import Text


def offset_at(lines: Sequence[Text], line: int, column: int) -> int | None:
    """Offset in the block's painted text of the character at ``column`` (cells from the
    text's left edge) of wrapped line ``line``; None left of the text or past its end."""
    if column < 0 or not 0 <= line < len(lines):
        return None
    before = sum(len(lines[i].plain) for i in range(line))
    used = 0
    for i, char in enumerate(lines[line].plain):
        used += cell_len(char)
        if column < used:
            return before + i
    return None


def word_at(words: Sequence[tuple[int, int]], offset: int) -> tuple[int, int] | None:
    """The word stop holding canonical ``offset``, if any (punctuation holds none)."""
    return next((w for w in words if w[0] <= offset < w[1]), None)


def word_clicked(article, block_index: int, line: int, column: int) -> tuple[int, int] | None:
    """The word stop of ``article`` under a click on wrapped ``line`` of block
    ``block_index``, or None (pinyin or spaces drawn in, punctuation, the margin)."""
    if article.pinyin or article.spacing:  # the painted text is not the view's: no offset to map
        return None
    offset = offset_at(article.viewport.lines(block_index), line, column)
    if offset is None:
        return None
    index = article.viewport.blocks[block_index].index
    view = article.views.get(article.script, article.variant, index)
    if offset >= len(view.text):
        return None
    return word_at(article.words_of(index), view.map.to_canonical(offset))
