"""One line of styled Text as a Strip: shared by the article and the one-line bars."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip


def text_strip(text: Text, console: Console, base: Style, width: int, lead: Sequence[Segment] = ()) -> Strip:
    """``lead`` then ``text`` over ``base``, exactly ``width`` cells, as a single Strip.

    ``text`` is styled in place: pass a copy of a Text that is kept.

    Every segment gets a style: Textual's NO_COLOR filter fails on a segment without one.
    Padding is added here, so a line costs one Strip rather than two (Textual builds seven
    caches per Strip).
    """
    text.stylize_before(base)  # (as a span: Text.render drops a span-less Text's own style)
    segments = list(lead)
    segments += [seg if seg.style else Segment(seg.text, base)
                 for seg in text.render(console) if seg.text != "\n"]
    cells = sum(seg.cell_length for seg in lead) + text.cell_len
    if cells < width:
        segments.append(Segment(" " * (width - cells), base))
        return Strip(segments, width)
    return Strip(segments).adjust_cell_length(width, base)


#: Cells left of the article's text: the cursor bar, then a bookmark's mark.
MARGIN = 2


def margin_strip(line: Text, console: Console, base: Style, width: int, mark: str,
                 cursor: Style | None, bar: Style | None) -> Strip:
    """An article row: the margin (``▌`` when ``bar``, the focused cursor's; ``mark``, a
    bookmark's) and a copy of ``line``, on the cursor's background when ``cursor``."""
    text = line.copy()
    if cursor is not None:
        text.stylize_before(Style(bgcolor=cursor.bgcolor))  # spans keep their own styles
    style = base + bar if cursor is not None and bar is not None else base
    lead = [Segment("▌" if cursor is not None else " ", style), Segment(mark + " " * (MARGIN - 2), style)]
    return text_strip(text, console, base, width, lead)
