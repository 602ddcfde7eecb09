"""The reader screen: lays out title, reading area and status lines, and wires the parts.

Each part owns its state: the article, the search bar, the reading area (outline, side
panels) and controllers for copying, reading aids, the target (``mentions``) and what is
remembered. Parts report by messages; the view (``script``, ``variant``) goes down by
``data_bind``.
"""

from __future__ import annotations

import inspect
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.reactive import reactive
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from .. import collector
from ..core import pipeline
from ..core.pipeline import Analysis, Loaded
from ..core.script import Views
from ..widgets.article import ArticleView
from ..widgets.reading_area import ReadingArea
from ..widgets.status import InfoLines, TitleBar
from .aids import ReadingAids
from .copying import Copier
from .keys import READER_KEYS
from .lines import ScreenLines
from .mentions import Following
from .navigation import Navigation
from .remembered import Remembered
from .workers import background, report_failure, warm_dictionary

if TYPE_CHECKING:
    from textual import events

    from ..widgets.panel_base import TargetChosen
    from ..widgets.search_bar import SearchBar


class ReaderScreen(Screen[None]):
    """Reads one document."""

    BINDINGS = READER_KEYS
    AUTO_FOCUS = "#article"

    # repaint=False: the parts bound to them redraw themselves; a repaint of the screen
    # redrew every widget on each t (~35 ms at 1M with the side panels shown).
    script: reactive[str] = reactive("simplified", init=False, repaint=False)
    """The script shown: ``original``, ``simplified`` or ``traditional`` (bound to the parts)."""
    variant: reactive[str] = reactive("std", init=False, repaint=False)
    """The traditional variant shown (bound to the parts)."""

    def __init__(self, loaded: Loaded, views: Views, script: str, variant: str, punctuation: bool = False) -> None:
        super().__init__()
        self.set_reactive(ReaderScreen.script, script)
        self.set_reactive(ReaderScreen.variant, variant)
        self.loaded, self.views = loaded, views
        self.analysis: Analysis | None = None
        self.generations = pipeline.Generations()  # which analysis is the newest asked for
        self.info = "analysing…"
        self.date_override: str | None = None  # set in the app (D); None: the document's own
        self.remembered = Remembered(self, views)
        self.copier = Copier(self, loaded, views)
        self.article = ArticleView(views, script, variant, id="article")  # never replaced
        self.article.set_reactive(ArticleView.punctuation, punctuation)  # nothing laid out yet
        self.aids = ReadingAids(self, self.article)
        self.following = Following(self, self.article)  # what n/N step through and F filters to
        self.lines = ScreenLines(self)  # the title bar, legend, status line and keys
        self.nav = Navigation(self, self.article)  # counts (12G, 40%), half pages, focus, width

    def compose(self) -> ComposeResult:
        yield TitleBar(id="title")
        self.area = ReadingArea(self.article.data_bind(ReaderScreen.script, ReaderScreen.variant),
                                self.app.size.width, id="main")
        yield self.area
        yield InfoLines(id="info")  # legend, status line, keys

    def on_mount(self) -> None:
        if self.area.has_class("-side"):
            self.call_later(self.open_side)
        self.lines.keys()
        self._show_view()
        self.lines.legend()
        # a new theme recolours the highlights (once its CSS is applied): legend, title, outline again
        self.app.theme_changed_signal.subscribe(self, lambda _: self.lines.highlights())
        for name in ("highlight", "hidden_types"):  # H, the digits: the legend and title bar too
            self.watch(self.article, name, self.lines.highlights, init=False)
        self.remembered.restore(self.article)
        if not getattr(self.app, "date_given", None):  # --date wins over what D remembered
            self.date_override = self.remembered.date()
        # Analysis starts once the first frame is out (ReaderApp.on_ready): started here, its
        # thread (JSON, jieba: long stretches holding the GIL) delayed that frame.

    def mount_deferred(self) -> None:
        """What the first frame does not show (the app calls it once that frame is out):
        the outline's list and the article's annotation styles."""
        self.article.mount_annotation_styles()
        self.lines.legend()  # now in the types' styles
        self.area.mount_outline()
        self._show_view()

    def analyse(self) -> None:
        """Start the slow pass (segmentation, entities, glossary, dates), off the UI thread."""
        self._analyse(self.generations.start(), self.views, self.date_override, (self.script, self.variant))

    @background(exclusive=True, group="analysis")
    def _analyse(self, generation: int, views: Views, date: str | None, view: tuple[str, str]) -> pipeline.Analysed:
        """The analysis and the views cut at it, swapped in by the UI thread if still the newest."""
        result = pipeline.analysed(self.loaded.document, views, date, generation, keep_view=view)
        collector.keep()  # as long-lived as the document: out of the collector's scans
        return result

    @on(Worker.StateChanged)
    def _worker_changed(self, event: Worker.StateChanged) -> None:
        """Every worker of the screen: failures are reported (one place), analysis shown."""
        failed = report_failure(self, event)
        if event.worker.group == "panels" and event.state == WorkerState.SUCCESS:
            self._show_analysis(event.worker.result)
        if event.worker.group != "analysis":
            return
        if event.state == WorkerState.SUCCESS:
            result = event.worker.result
            if not self.generations.is_current(result.generation):
                return  # superseded (the date changed meanwhile): a newer one is coming
            self.analysis, self.views = result.analysis, result.views
            self.article.views = self.copier.views = self.views  # cut at the spans: exact offsets
            if self.area.outline is not None:
                self.area.outline.views = self.views
            self.article.set_spans(self.analysis.by_paragraph())
            self.article.set_part_spans(self.analysis.part_spans())
            self.info = ""
            # The highlights first; the outline's labels, the panels (9,000 timeline rows for
            # a 1M-character book) and the rest after that frame, grouped first if need be.
            # (Queued by the article, after what set_spans queued: its spans are drawn then.)
            self.article.call_after_refresh(self._show_analysis if result.grouped else self._group, self.analysis)
        elif failed:
            self.info = "analysis failed"
        self.lines.status()

    @background(exclusive=True, group="panels")
    def _group(self, analysis: Analysis) -> Analysis:
        """The panels' groups of a long document's analysis, off the UI thread, once its
        highlights are drawn."""
        return pipeline.group(analysis)

    def _show_analysis(self, analysis: Analysis) -> None:
        """What the analysis adds besides the highlights (headings' labels, panels, title)."""
        if analysis is not self.analysis:
            return  # superseded meanwhile
        self.area.relabel()  # headings now carry their annotations
        self._show_view()
        collector.keep()  # the panels' rows are as long-lived
        for warning in analysis.warnings:
            self.notify(warning, severity="warning")
        # The app's worker (it reports failures too): the dictionary is the process's, and a
        # worker of this screen would keep it alive, replaced, until the dictionary is open.
        self.app.run_worker(warm_dictionary, thread=True, exclusive=True, group="warm", exit_on_error=False)

    def set_view(self, script: str, variant: str | None = None) -> None:
        """Switch script (and variant) everywhere on the screen."""
        self.script = script
        if variant:
            self.variant = variant
        self._show_view()

    def _show_view(self) -> None:
        self.area.show(self.analysis, self.section(), self.following.section_counts(self.views.document))
        self.lines.title()
        self.lines.status()

    def section(self) -> int | None:
        """The reading cursor's section (None: no paragraphs)."""
        return self.views.document.section_of(self.article.cursor).index if self.views.document.paragraphs else None

    async def open_side(self) -> None:
        """Show the side panels (mounted the first time), on the current view."""
        await self.area.open_side()
        self._show_view()

    @on(ArticleView.CursorMoved, "#article")
    def _cursor_moved(self, event: ArticleView.CursorMoved) -> None:
        self.remembered.moved(event.paragraph)
        self.area.follow(event.paragraph, self.section())
        self.lines.status()

    @on(ArticleView.SelectionChanged, "#article")
    def _selection_changed(self, event: ArticleView.SelectionChanged) -> None:
        self._note(self.article.selection.note() or ("" if self.info.startswith("selecting") else self.info))

    def on_target_chosen(self, event: TargetChosen) -> None:
        # Named handlers (not @on): the panels' and the bar's modules are imported when
        # first used, not at start-up.
        self._note(self.following.chosen(event.label, event.mentions))

    def on_search_bar_found(self, event: SearchBar.Found) -> None:
        self._note(self.following.found(event.query, event.matches, event.in_headings, event.bar.origin, event.jump))
        self._show_view()  # the outline counts matches, the title bar marks them

    def on_search_bar_closed(self, event: SearchBar.Closed) -> None:
        if not event.kept:
            self._note(self.following.cancelled(event.origin))
            self._show_view()
        self.article.focus()

    def _note(self, info: str | None) -> None:
        """What the status line says beside the position (None: unchanged)."""
        if info is not None:
            self.info = info
            self.lines.status()

    def on_unmount(self) -> None:
        pipeline.terminate_children()  # quitting: an analysis child must not outlive the reader
        # Until its next publish the signal holds its subscribers, and our callback holds us:
        # replaced from the library, this reader (its document, its analysis) must go.
        self.app.theme_changed_signal.unsubscribe(self)
        self.remembered.save_position()
        self.app.remember(self.script, self.variant, self.article.punctuation)

    def action_view(self, change: str) -> None:
        """``script`` (简 ⇄ 繁), ``variant`` (standard → Taiwan → Hong Kong) or ``source`` (and back)."""
        self.set_view(*self.nav.next_view(change))

    def on_key(self, event: events.Key) -> None:
        self.nav.key(event)  # before the bindings: 12G, 40%

    async def on_resize(self, event: events.Resize) -> None:
        await self.nav.width_changed(self.app.size.width)

    async def action_nav(self, name: str, *args) -> None:
        """Finding one's way (``Navigation``): sections, pages, ``:``, ``o``, ``i``, ``E``/``W``/``Y``, ``d``."""
        result = getattr(self.nav, name)(*args)
        if inspect.isawaitable(result):
            await result

    def action_aid(self, name: str, *args) -> None:
        """A reading aid: pinyin (and its style), spaces between words, punctuation, highlights."""
        getattr(self.aids, name)(*args)

    def action_mention(self, step: int) -> None:
        """The next (previous) mention of what was chosen in a panel or searched."""
        self._note(self.following.step(step))

    def action_search(self) -> None:
        """Open the search bar (a query in either script finds both)."""
        self.following.open_search()

    def action_filter(self) -> None:
        self.following.toggle_filter()
        self.lines.status()  # its position counts the shown paragraphs

    def action_lookup(self) -> None:
        """Look up the word under the word cursor (h/l place it; first word if none)."""
        from .lookup import look_up

        look_up(self, self.article, self.analysis)

    def action_set_date(self) -> None:
        """Ask for the document's date and resolve relative dates against it again."""
        self.remembered.choose_date(self.analysis or self.views.document, self._date_chosen)

    def _date_chosen(self, date: str | None) -> None:
        self.date_override, self.analysis = date, None
        self._note("analysing…")
        self.analyse()

    def action_select(self) -> None:
        """Start a selection (j/k grow it by paragraph, l/h by sentence), or leave it."""
        self.article.selection.toggle()

    def action_copy(self) -> None:
        self.copier.copy(self.article, self.analysis)

    def action_cycle_copy_format(self) -> None:
        self.copier.cycle_format()

    def action_export(self) -> None:
        self.copier.export(self.analysis, self.script, self.variant)

    def action_toggle_bookmark(self) -> None:
        self.remembered.toggle_bookmark(self.article.cursor, self.article)

    def action_bookmarks(self) -> None:
        self.remembered.list_bookmarks(self.article)

    def action_help(self) -> None:
        from .help import reader_help

        self.app.push_screen(reader_help(ArticleView.BINDINGS, self.BINDINGS, self.views, self.copier.tmux_state))
