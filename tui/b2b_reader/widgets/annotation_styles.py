"""The styles of what analysis, search and selection add to the article's text.

They are component classes of :class:`AnnotationStyles`, a child of the article that is
never shown and is mounted just after the first frame: Textual restyles every component
class of a widget each time it restyles the widget (three times before the first frame,
~5 ms for these thirteen; bench/startup.py), and the first frame shows none of them.
Entity and term styles come from the registry (``core.entity_types``).
"""

from __future__ import annotations

from rich.style import Style
from textual.widget import Widget

from ..core.entity_types import HIGHLIGHTS, tcss_rules
from ..styles import ANNOTATIONS_CSS

#: Component class names of the annotations.
ANNOTATION_CLASSES = frozenset({
    "article--match",
    "article--word",
    "article--selection",
    "article--search",
    "article--pinyin",
    *(kind.component for kind in HIGHLIGHTS),
})


class AnnotationStyles(Widget):
    """Never shown: holds the article's annotation styles (a theme restyles them here).

    Until it is mounted annotations are unstyled, and there are none to show.
    """

    # Its own file, parsed when it is mounted: these rules were half of app.tcss.
    DEFAULT_CSS = ("AnnotationStyles { display: none; }\n" + ANNOTATIONS_CSS.read_text(encoding="utf-8")
                   + tcss_rules("AnnotationStyles > .{}"))
    COMPONENT_CLASSES = ANNOTATION_CLASSES


def foreground(style: Style) -> Style:
    """``style`` without its background: a component's style carries its widget's
    background, which would punch a hole in a list's highlight bar."""
    return Style(color=style.color, bold=style.bold, dim=style.dim, italic=style.italic,
                 underline=style.underline, overline=style.overline, strike=style.strike,
                 reverse=style.reverse)
