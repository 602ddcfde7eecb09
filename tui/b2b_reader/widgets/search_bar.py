"""The reader's search (``/``): the bar, and the search it owns.

Matching is the core's (``core.search``: either script finds both, variant forms fold,
Latin ignores case). The bar searches as you type and posts :class:`SearchBar.Found`;
``enter`` keeps the result and ``escape`` cancels, both posting :class:`SearchBar.Closed`.
It owns the query, the matches and the indexes; the screen binds ``script`` and
``variant`` to it. Imported and mounted on the first ``/`` (not at start-up).
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Input
from textual.worker import Worker

from ..core.script import Views
from ..core.search import build_index, build_view_index, find_in_text, heading_counts, search
from ..screens.workers import background, report_failure


class SearchBar(Input):
    """The one-line search input: searches as you type; enter keeps the result, escape cancels."""

    # Parsed when the bar is first mounted (the first /), not before the first frame.
    # Docked at the bottom on a layer of its own, it covers the keys line (as vim's command
    # line) instead of taking a line from the article: opening it resizes nothing, where a
    # shorter reading area made every list re-measure and every widget redraw (~0.2 s at 1M).
    DEFAULT_CSS = """
    SearchBar {
        display: none; height: 1; border: none; padding: 0 1; background: $panel;
        layer: search; dock: bottom;
    }
    SearchBar:focus { border: none; }
    SearchBar.-open { display: block; }
    """
    BINDINGS = [("escape", "cancel", "Cancel search")]

    script: reactive[str] = reactive("simplified", init=False)
    """The view searched in its own wording too (bound to the screen's)."""
    variant: reactive[str] = reactive("std", init=False)

    class Found(Message):
        """The search ran: ``matches`` (None for an empty query)."""

        def __init__(self, bar: SearchBar, query: str, matches: Sequence | None, in_headings: int,
                     jump: bool) -> None:
            super().__init__()
            self.bar, self.query, self.matches = bar, query, matches
            self.in_headings = in_headings
            """Matches in the title and headings (not targets of n/N)."""
            self.jump = jump
            """Whether to show the first match from where the search began now (typing)."""

        @property
        def control(self) -> SearchBar:
            return self.bar

    class Closed(Message):
        """The bar closed: ``kept`` the matches (enter), or cancelled back to ``origin``."""

        def __init__(self, bar: SearchBar, kept: bool, origin: int | None) -> None:
            super().__init__()
            self.bar, self.kept, self.origin = bar, kept, origin

        @property
        def control(self) -> SearchBar:
            return self.bar

    def __init__(self, views: Views, *, id: str | None = None) -> None:
        super().__init__("", placeholder="search (either script; enter keeps, esc cancels)", id=id)
        self.views = views
        self.searched = ""  # the last query (not ``query``: that is DOMNode.query)
        self.matches: Sequence | None = None
        self.origin: int | None = None
        self._index = None
        self._view_indexes: dict[tuple[str, str], object] = {}

    def open(self, origin: int) -> None:
        """Show the last query again, to edit; a result is found from paragraph ``origin``."""
        self.origin = origin
        self.add_class("-open")
        self.value = self.searched
        self.call_after_refresh(self.focus)

    def index(self):
        """The folded text of the whole document, built on the first search."""
        if self._index is None:
            self._index = build_index(self.views.all_canonical(), self.views.document.script)
        return self._index

    def view_index(self):
        """The current view's own index (its wording: 網際網路 for 互联网), or None until built.

        Only traditional views need one; it is built in a worker on the first search.
        """
        if self.script != "traditional":
            return None
        key = (self.script, self.variant)
        if key not in self._view_indexes:
            self._view_indexes[key] = None
            self._build_view_index(key)
        return self._view_indexes[key]

    @background(group="search-index")
    def _build_view_index(self, key: tuple[str, str]) -> None:
        index = build_view_index(self.views, *key, self.index())
        self.app.call_from_thread(self._view_index_ready, key, index)

    def _view_index_ready(self, key: tuple[str, str], index) -> None:
        self._view_indexes[key] = index
        if self.searched and (self.script, self.variant) == key:
            self.run(self.searched)  # the view's own wording may add matches

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        report_failure(self, event)

    def run(self, query: str, jump: bool = False) -> None:
        """Find ``query`` and post what was found; ``jump``: show the first from the origin."""
        self.searched = query
        self.matches = search(self.index(), query, view=self.view_index()) if query.strip() else None
        in_headings = 0 if self.matches or not query.strip() else sum(self.heading_counts().values())
        self.post_message(self.Found(self, query, self.matches, in_headings, jump))

    def heading_counts(self) -> dict[int, int]:
        """Matches in the title (key -1) and each section's heading: marked there, but not
        targets of n/N nor in the counts, which are the body's."""
        if not self.searched.strip():
            return {}
        counts = heading_counts(self.views, self.script, self.variant, self.searched)
        in_title = find_in_text(self.views.title(self.script, self.variant), self.searched, self.views.document.script)
        return {**counts, -1: len(in_title)} if in_title else counts

    def _close(self, kept: bool) -> None:
        origin, self.origin = self.origin, None
        self.remove_class("-open")
        if not kept:
            self.searched, self.matches = "", None
        self.post_message(self.Closed(self, kept, origin))

    def action_cancel(self) -> None:
        self._close(False)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.run(event.value, jump=True)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._close(bool(self.matches))
