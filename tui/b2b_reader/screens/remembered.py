"""What the reader remembers of a document between readings: the reading position, the
bookmarks (``m``, ``'``) and a date given with ``D``. Stored by ``core.state``; failures
are warnings, never fatal.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ..core import pipeline, state

if TYPE_CHECKING:
    from textual.screen import Screen

    from ..core.script import Views
    from ..widgets.article import ArticleView


class Remembered:
    """Owned by the reader screen (``host``: its notifications and dialogs)."""

    def __init__(self, host: Screen, views: Views) -> None:
        self.host = host
        self.views = views
        self.store = state.StateStore()
        self.doc_key = pipeline.document_key(views.document)  # reading positions, bookmarks
        self.position = 0  # the reading cursor's paragraph, saved once it rests and on leaving
        self._save_timer = None

    def _warn(self) -> None:
        for warning in self.store.drain_warnings():
            self.host.notify(warning, severity="warning", markup=False)

    def restore(self, article: ArticleView) -> None:
        """Put the article's cursor where the last reading stopped, its bookmarks in the margin."""
        position = self.store.position(self.doc_key)
        self._warn()
        if position is not None and 0 < position < len(self.views):
            article.cursor = position
        article.set_bookmarks(self.bookmarked())
        self.position = article.cursor

    def moved(self, paragraph: int) -> None:
        """The reading cursor is on ``paragraph``: saved once it rests there for a second."""
        self.position = paragraph
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.host.set_timer(1.0, self.save_position)

    def save_position(self) -> None:
        """Write the reading position now (atomically); a failure is a warning, never fatal."""
        self.store.set_position(self.doc_key, self.position)
        self._warn()

    def date(self) -> str | None:
        """The document date given with ``D``, if any."""
        return self.store.date(self.doc_key)

    def choose_date(self, source, then: Callable[[str | None], None]) -> None:
        """Ask for the document's date (``source``: where it is now, analysis or document),
        remember it, and call ``then`` with it (None: the document's own) unless cancelled."""
        from .dialogs import DateScreen

        def chosen(value: str | None) -> None:
            if value is None:
                return
            self.store.set_date(self.doc_key, value or None)
            self._warn()
            then(value or None)
            self.host.notify(f"Document date set to {value}" if value else "Document date: as the document gives it",
                             timeout=2)

        self.host.app.push_screen(DateScreen(source.date, source.date_inferred), chosen)

    def bookmarks(self) -> list:
        """The document's bookmarks that fall inside it (state written for a longer copy of
        the same key, or edited by hand, may point beyond its end)."""
        return [b for b in self.store.bookmarks(self.doc_key) if 0 <= b.paragraph < len(self.views)]

    def bookmarked(self) -> set[int]:
        """The bookmarked paragraphs."""
        return {b.paragraph for b in self.bookmarks()}

    def toggle_bookmark(self, paragraph: int, article: ArticleView) -> None:
        """Bookmark ``paragraph``, or remove its bookmark."""
        if paragraph in article.bookmarks:
            if self.store.delete_bookmark(self.doc_key, paragraph):
                self.host.notify(f"Bookmark on ¶{paragraph + 1} removed", timeout=1.5)
        elif self.store.add_bookmark(self.doc_key, paragraph) is not None:
            self.host.notify(f"Bookmarked ¶{paragraph + 1} (' lists bookmarks)", timeout=1.5)
            self._ask_label(paragraph)  # saved already: the label is a bonus, escape skips it
        self._warn()
        article.set_bookmarks(self.bookmarked())

    def _ask_label(self, paragraph: int) -> None:
        from .dialogs import LabelScreen

        def chosen(label: str | None) -> None:
            if label:
                self.store.label_bookmark(self.doc_key, paragraph, label)
                self._warn()

        self.host.app.push_screen(LabelScreen(paragraph), chosen)

    def list_bookmarks(self, article: ArticleView) -> None:
        """List the document's bookmarks (each with its paragraph's start): jump to one or delete it."""
        from .dialogs import BookmarksScreen

        def excerpt(paragraph: int, cells: int) -> str:
            from rich.cells import cell_len, set_cell_size

            text = " ".join(self.views.get(article.script, article.variant, paragraph).text.split())
            return text if cell_len(text) <= cells else set_cell_size(text, cells - 1) + "…"

        def relabel(paragraph: int, label: str) -> bool:
            done = self.store.label_bookmark(self.doc_key, paragraph, label)
            self._warn()
            return done

        def delete(paragraph: int) -> bool:
            done = self.store.delete_bookmark(self.doc_key, paragraph)
            self._warn()
            article.set_bookmarks(article.bookmarks - {paragraph})
            return done

        def chosen(paragraph: int | None) -> None:
            if paragraph is not None and 0 <= paragraph < len(self.views):
                article.cursor = paragraph

        marks = self.bookmarks()
        self._warn()
        self.host.app.push_screen(BookmarksScreen(marks, excerpt, delete, relabel), chosen)
