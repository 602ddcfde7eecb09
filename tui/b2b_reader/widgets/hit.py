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
