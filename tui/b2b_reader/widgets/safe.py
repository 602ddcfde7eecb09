"""Rich Text through the terminal boundary's one rule (``core.inert``), styles kept."""

from __future__ import annotations

from rich.text import Text

from ..core.inert import inert


def inert_text(text: Text) -> Text:
    """``text`` with every control character made inert (``core.inert``), spans kept.

    The text is cut at its span boundaries and each piece made inert on its own, so a
    dropped bidi control shortens only its own piece. Returns ``text`` itself when it is
    already clean (the usual case, one C-speed check).
    """
    plain = text.plain
    if inert(plain) == plain:
        return text
    cuts = sorted({0, len(plain), *(s.start for s in text.spans), *(s.end for s in text.spans)})
    pieces = text.divide(cuts[1:-1]) if len(cuts) > 2 else [text.copy()]
    out = Text(style=text.style, justify=text.justify, overflow=text.overflow, no_wrap=text.no_wrap,
               end=text.end, tab_size=text.tab_size)
    for piece in pieces:
        piece.plain = inert(piece.plain)
        out.append_text(piece)
    return out
