"""Search (``/``), the filtered view (``F``) and the reading aids (``p``, ``P``, ``w``) of the reader.

Matching is the core's (``core.search``: either script finds both, variant forms fold,
Latin ignores case); this is the glue: a search bar that searches as you type, the count,
``enter`` to keep the result as the target of ``n``/``N``, ``escape`` to go back.
"""

from __future__ import annotations

from textual import work


PINYIN_MODES = ("word", "tones", "source")
PINYIN_NAMES = {"word": "tone marks", "tones": "tone colours", "source": "the source's own pinyin"}


class SearchActions:
    """Mixed into ReaderScreen."""

    _search_index = None
    _search_origin: int | None = None
    search_query = ""
    search_matches = None

    # -- search ------------------------------------------------------------------------

    def search_index(self):
        """The folded text of the whole document, built on the first search."""
        if self._search_index is None:
            from ..core.search import build_index

            self._search_index = build_index(self.views.all_canonical(), self.views.document.script)
        return self._search_index

    _view_indexes: dict | None = None

    def view_index(self):
        """The current view's own index (its wording: 網際網路 for 互联网), or None until built.

        Only traditional views need one; it is built in a worker on the first search.
        """
        if self.script != "traditional":
            return None
        if self._view_indexes is None:
            self._view_indexes = {}
        key = (self.script, self.variant)
        if key not in self._view_indexes:
            self._view_indexes[key] = None
            self.build_view_index(*key)
        return self._view_indexes[key]

    @work(thread=True, group="search-index", exit_on_error=False)  # failures: workers.report_failure
    def build_view_index(self, script: str, variant: str) -> None:
        from ..core.search import build_view_index

        index = build_view_index(self.views, script, variant, self.search_index())
        self.app.call_from_thread(self._view_index_ready, (script, variant), index)

    def _view_index_ready(self, key, index) -> None:
        self._view_indexes[key] = index
        if self.search_query and (self.script, self.variant) == key:
            self.run_search(self.search_query)  # the view's own wording may add matches

    def action_search(self) -> None:
        """Open the search bar (a query in either script finds both)."""
        self._search_origin = self.article.cursor
        self.add_class("-searching")
        bars = self.query("#search")
        if bars:
            bars.first().value = self.search_query
            bars.first().focus()
            return
        # Mounted on first use: an Input is start-up time most readings never need.
        from ..widgets.search_bar import SearchBar

        bar = SearchBar(self.search_query, placeholder="search (either script; enter keeps, esc cancels)", id="search")
        self.mount(bar, before="#info")
        self.call_after_refresh(bar.focus)

    def run_search(self, query: str, jump: bool = False) -> None:
        """Find ``query``, highlight the matches, count them; ``jump``: show the first from the origin."""
        from ..core.search import first_from, search

        self.search_query = query
        matches = search(self.search_index(), query, view=self.view_index()) if query.strip() else None
        self.search_matches = matches
        self.article.set_search(matches, query if query.strip() else "")
        self._show_search_outline()
        self._show_title()  # the title bar marks the query too
        if not matches:
            in_headings = sum(self._heading_counts().values())
            self.info = (f"“{query}” only in the title or headings ({in_headings})" if in_headings else
                         f"no match for “{query}”") if query.strip() else ""
            self._update_status()
            return
        origin = self._search_origin if self._search_origin is not None else self.article.cursor
        index = first_from(matches, origin, 0)
        self.target = (f"“{query}”", matches, index)
        if jump:
            self._go_to_mention(index)

    def _heading_counts(self) -> dict[int, int]:
        """Matches of the search in the title (key -1) and each section's heading: marked
        there, but not targets of n/N nor in the counts, which are the body's."""
        if not self.search_query.strip():
            return {}
        from ..core.search import find_in_text, heading_counts

        counts = heading_counts(self.views, self.script, self.variant, self.search_query)
        in_title = find_in_text(self.views.title(self.script, self.variant), self.search_query,
                                self.views.document.script)
        return {**counts, -1: len(in_title)} if in_title else counts

    def _show_search_outline(self) -> None:
        counts = None
        if self.search_matches:
            from ..core.search import sections_with  # not before the first search

            counts = sections_with(self.views.document, self.search_matches)
        if self.outline is not None:
            self.outline.show(self.script, self.variant, counts)

    def finish_search(self) -> None:
        """Keep the matches as the target of n/N and go back to reading."""
        self.remove_class("-searching")
        self.article.focus()
        if not self.search_matches:
            self.cancel_search()
            return
        self._search_origin = None

    def cancel_search(self) -> None:
        """Close the search bar, clear the matches and go back to where the search began."""
        self.remove_class("-searching")
        origin = self._search_origin
        self._search_origin = None
        self.search_query = ""
        self.search_matches = None
        self.article.set_search(None)
        self._show_search_outline()
        self._show_title()
        if self.target and self.target[0].startswith("“"):
            self.target = None
            self.info = ""
        if origin is not None:
            self.article.cursor = origin
        self.article.focus()
        self._update_status()

    # -- filtered view -----------------------------------------------------------------

    def action_filter(self) -> None:
        """Show only the paragraphs of the current target (search, entity, term), or all again."""
        article = self.article
        if article.only is not None:
            article.set_filter(None)
            self.notify("Whole document", timeout=1.5)
            self._update_status()
            return
        if self.target is None:
            self.notify("Search (/) or choose an entity or term in a panel first", timeout=2)
            return
        label, mentions, _ = self.target
        paragraphs = {m[0] for m in mentions}
        article.set_filter(paragraphs)
        self.notify(f"Only paragraphs with {label}: {len(paragraphs)} (F shows all)", timeout=2, markup=False)
        self._update_status()

    # -- reading aids ------------------------------------------------------------------

    pinyin_style = "word"
    pinyin_ready = False

    def action_toggle_pinyin(self) -> None:
        """Pinyin after each word, on or off (style: P)."""
        article = self.article
        mode = None if article.pinyin else self.pinyin_style
        if mode and not self.pinyin_ready:
            self.notify("Loading pinyin…", timeout=1)
            self.warm_pinyin(mode)
            return
        article.set_pinyin(mode)

    def action_cycle_pinyin(self) -> None:
        """Tone marks → tone colours → the source's own pinyin (when it has some)."""
        modes = [m for m in PINYIN_MODES if m != "source" or self.views.document.pinyin]
        current = self.pinyin_style if self.pinyin_style in modes else modes[0]
        self.pinyin_style = modes[(modes.index(current) + 1) % len(modes)]
        if not self.pinyin_ready:
            self.warm_pinyin(self.pinyin_style)
        else:
            self.article.set_pinyin(self.pinyin_style)
        self.notify(f"Pinyin: {PINYIN_NAMES[self.pinyin_style]}", timeout=1.5)

    def action_toggle_spacing(self) -> None:
        """A half-width space between words (word-segmented reading)."""
        article = self.article
        article.set_spacing(not article.spacing)
        self.notify("Spaces between words " + ("on" if article.spacing else "off"), timeout=1.5)
