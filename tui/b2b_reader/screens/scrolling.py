"""less/vim scrolling keys for a dialog's scrolled body (help, lookup): j/k, space and
page keys, ctrl+d/ctrl+u, g/G."""

from __future__ import annotations

from textual.binding import Binding
from textual.containers import ScrollableContainer


def scroll_bindings(page_up: str = "b,ctrl+b,pageup") -> list[Binding]:
    """Bindings to ``action_move(how)``; ``page_up``: the keys for a page up (a dialog that
    gives ``b`` another meaning passes its own)."""
    return [Binding(keys, f"move('{how}')", description, show=False) for keys, how, description in (
        ("j,down", "scroll_down", "Down"), ("k,up", "scroll_up", "Up"),
        ("space,ctrl+f,pagedown", "page_down", "Page down"), (page_up, "page_up", "Page up"),
        ("ctrl+d", "half_down", "Half page down"), ("ctrl+u", "half_up", "Half page up"),
        ("g,home", "scroll_home", "Top"), ("G,end", "scroll_end", "Bottom"))]


def move(body: ScrollableContainer, how: str) -> None:
    """Scroll ``body`` as ``how`` (one of the actions of ``scroll_bindings``) says."""
    if how == "scroll_home":
        body.scroll_home(animate=False)
    elif how == "scroll_end":
        body.scroll_end(animate=False)
    else:
        page = max(body.scrollable_content_region.height, 2)
        lines = {"scroll_down": 1, "scroll_up": -1, "page_down": page - 1, "page_up": 1 - page,
                 "half_down": page // 2, "half_up": -(page // 2)}[how]
        body.scroll_relative(y=lines, animate=False)
