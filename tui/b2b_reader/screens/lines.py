"""What the reader screen's title bar and info lines (legend, status, keys) say, from
the screen's state: the view, the position and section, a filter, what is going on."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..widgets.article import ArticleView
from ..widgets.status import InfoLines, TitleBar
from .keys import BAR_LABELS, KEY_BAR, view_label

if TYPE_CHECKING:
    from .reader import ReaderScreen


class ScreenLines:
    """Draws the title bar and the info lines of one reader screen."""

    def __init__(self, screen: ReaderScreen) -> None:
        self.screen = screen

    def keys(self) -> None:
        """The key bar: the keys that matter most first (``KEY_BAR``), help and quit last."""
        self.screen.query_one(InfoLines).show_bindings([*ArticleView.BINDINGS, *self.screen.BINDINGS],
                                                       KEY_BAR, BAR_LABELS)

    def title(self) -> None:
        """Title in the current view, with the date relative dates are read against."""
        screen = self.screen
        source = screen.analysis or screen.views.document
        date = source.date if screen.analysis else (screen.date_override or source.date)
        screen.query_one(TitleBar).show_document(screen.article.part_text("title"), date, source.date_inferred,
                                                 screen.loaded.truncated)

    def status(self) -> None:
        """View, position, section; a filtered view says so while it lasts; then the note."""
        screen = self.screen
        views, section = screen.views, screen.section()
        titled = section is not None and views.document.sections[section].title
        title = views.heading(screen.script, screen.variant, section) if titled else ""
        notes = [screen.following.filter_note(), screen.info]
        screen.query_one(InfoLines).show_status(view_label(screen.script, screen.variant), title,
                                                screen.article.cursor, len(views), "  ".join(n for n in notes if n))

    def legend(self) -> None:
        self.screen.query_one(InfoLines).show_legend(self.screen.article)

    def highlights(self) -> None:
        """The highlights changed: the legend, title bar and outline draw annotations as
        the article does, again."""
        self.legend()
        self.title()
        self.screen.area.relabel()
