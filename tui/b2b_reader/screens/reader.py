"""The reader screen: article, outline, title and status; script and section commands."""

from __future__ import annotations

import gc
import os
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.containers import Vertical
from textual.widgets import OptionList
from textual.worker import Worker, WorkerState

from ..core import pipeline, state
from ..core.entity_types import HIGHLIGHTS
from ..core.pipeline import Analysis, Loaded
from ..core.script import VARIANT_NAMES, VARIANTS, Views
from ..widgets.article import ArticleView
from ..widgets.status import InfoLines, TitleBar
from .copying import CopyActions
from .searching import SearchActions
from .workers import background, report_failure

if TYPE_CHECKING:
    from ..widgets.outline import Outline
    from ..widgets.panel_base import TargetChosen

#: Below this width the outline starts hidden, leaving the article the whole screen.
NARROW = 100
#: Below this width the side panels start hidden.
WIDE = 150


class ReaderScreen(CopyActions, SearchActions, Screen[None]):
    """Reads one document."""

    BINDINGS = [
        Binding("t", "toggle_script", "简/繁", id="toggle_script"),
        Binding("T", "cycle_variant", "Variant", id="cycle_variant", show=False),
        Binding("s", "show_source", "Source", id="show_source", show=False),
        Binding("right_square_bracket", "next_section", "Next §", id="next_section"),
        Binding("left_square_bracket", "previous_section", "Prev §", id="previous_section"),
        Binding("o", "toggle_outline", "Outline", id="toggle_outline"),
        Binding("f", "toggle_punctuation", "Full-width punct.", id="toggle_punctuation", show=False),
        Binding("i", "toggle_side", "Panels", id="toggle_side"),
        Binding("n", "next_mention", "Next mention", id="next_mention", show=False),
        Binding("N", "previous_mention", "Prev mention", id="previous_mention", show=False),
        Binding("slash", "search", "Search", id="search"),
        Binding("F", "filter", "Filter to target", id="filter", show=False),
        Binding("p", "toggle_pinyin", "Pinyin", id="toggle_pinyin"),
        Binding("P", "cycle_pinyin", "Pinyin style", id="cycle_pinyin", show=False),
        Binding("w", "toggle_spacing", "Spaces between words", id="toggle_spacing", show=False),
        Binding("enter", "lookup", "Look up", id="lookup"),
        Binding("c", "copy", "Copy", id="copy"),
        Binding("C", "cycle_copy_format", "Copy format", id="cycle_copy_format", show=False),
        Binding("v", "select", "Select", id="select", show=False),
        Binding("d", "date_to_timeline", "Date → timeline", id="date_to_timeline", show=False),
        Binding("D", "set_date", "Document date…", id="set_date", show=False),
        Binding("m", "toggle_bookmark", "Bookmark ¶", id="toggle_bookmark", show=False),
        Binding("apostrophe", "bookmarks", "Bookmarks", id="bookmarks", show=False),
        Binding("H", "toggle_highlight", "Highlights on/off", id="toggle_highlight", show=False),
        *(Binding(kind.digit, f"toggle_type('{kind.key}')", f"Show/hide {kind.key}", id=f"toggle_{kind.key}",
                  show=False) for kind in HIGHLIGHTS),
        Binding("question_mark,f1", "help", "Help", id="help"),
        Binding("q", "app.quit", "Quit", id="quit"),
    ]

    AUTO_FOCUS = "#article"

    def __init__(self, loaded: Loaded, views: Views, script: str, variant: str, punctuation: bool = False) -> None:
        # Which panels show depends on the terminal's width; deciding it before the first
        # styling pass spares a restyle of every widget per class changed after mount.
        width = self.app.size.width
        self._wide = width >= NARROW
        classes = " ".join(name for name, on in (("-outline", self._wide), ("-side", width >= WIDE)) if on)
        super().__init__(classes=classes or None)
        self.punctuation = punctuation
        self.position = 0
        self.store = state.StateStore()
        self.doc_key = pipeline.document_key(loaded.document)  # reading positions, bookmarks
        self.loaded = loaded
        self.views = views
        self.script = script
        self.variant = variant
        self.analysis: Analysis | None = None
        self.info = "analysing…"
        self.target: tuple[str, list[tuple[int, int, int]], int] | None = None  # label, mentions, index
        self.date_override: str | None = None  # set in the app (D); None: the document's own
        self._outline: Outline | None = None  # mounted after the first frame: mount_deferred()

    def compose(self) -> ComposeResult:
        yield TitleBar(id="title")
        with Horizontal(id="main"):
            # The outline's list (an OptionList: ~10 ms of styles and mounting) is mounted
            # into its frame just after the first frame; the frame keeps the article's width.
            with Vertical(id="outline-box") as box:
                box.border_title = "Outline"
            yield ArticleView(self.views, self.script, self.variant, id="article")
            # The side panels' frame (#side) is mounted here when first shown: open_side().
        yield InfoLines(id="info")  # legend, status line, keys

    @property
    def article(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def outline(self) -> Outline | None:
        """The outline's list, once mounted (just after the first frame)."""
        return self._outline

    def mount_deferred(self) -> None:
        """What the first frame does not show (the app calls it once that frame is out):
        the outline's list and the article's annotation styles."""
        self.article.mount_annotation_styles()
        self._show_legend()  # now in the types' styles
        if self._outline is None:
            from ..widgets.outline import Outline

            self._outline = Outline(self.views, id="outline", label=lambda i: self.article.part_text("heading", i))
            self.query_one("#outline-box").mount(self._outline)
            self._show_search_outline()
            self._update_status()  # marks the reading cursor's section

    def on_mount(self) -> None:
        if self.has_class("-side"):
            self.open_side()
        self.query_one(InfoLines).show_bindings([*ArticleView.BINDINGS, *self.BINDINGS])
        if self.punctuation:
            self.article.set_punctuation(True)
        self._show_view()
        self._show_legend()  # types and keys: the same in every script
        self._restore_position()
        # Analysis starts once the first frame is out (ReaderApp.on_ready): its thread holds
        # the GIL for long stretches (JSON, jieba) and, started here, it delayed that frame
        # by ~80 ms.

    # -- analysis in a worker --------------------------------------------------------------

    @background(exclusive=True, group="analysis")
    def analyse(self) -> Analysis:
        """The slow pass (segmentation, entities, glossary, dates), off the UI thread.

        It also caches the current view, cut at the annotations, for the next open.
        """
        # A large document analysed in a thread of this process holds the GIL and slows every
        # key (bench/analysis_keys.py: p90 65-128 ms in a thread, 27-38 ms in a child process).
        large = self.loaded.document.char_count >= pipeline.ISOLATE_FROM_CHARS
        analysis = pipeline.analyze(self.loaded.document, self.views, self.date_override, isolated=large)
        self.views.set_cuts(analysis.cuts())
        self.views.set_part_cuts(analysis.part_cuts())
        pipeline.store_view(self.views, self.script, self.variant)
        return analysis

    @on(Worker.StateChanged)
    def _worker_changed(self, event: Worker.StateChanged) -> None:
        """Every worker of the screen: failures are reported (one place), analysis shown."""
        failed = report_failure(self, event)
        if event.worker.group != "analysis":
            return
        if event.state == WorkerState.SUCCESS:
            self.analysis = event.worker.result
            self.article.set_spans(self.analysis.by_paragraph())
            self.article.set_part_spans(self.analysis.part_spans())
            if self._outline is not None:
                self._outline.relabel()  # headings now carry their annotations
            # The analysis (10^5 spans for a long book) lives as long as the document: out of
            # the collector's scans, a full collection cannot land on a keystroke. Frozen
            # objects are still freed by reference counting when replaced.
            gc.freeze()
            self._show_panels()
            self.info = ""
            self._show_title()
            for warning in self.analysis.warnings:
                self.notify(warning, severity="warning", markup=False)
            self.warm_lookup()
        elif failed:
            self.info = "analysis failed"
        self._update_status()

    # -- views ------------------------------------------------------------------------------

    def view_label(self) -> str:
        """Human name of the current view."""
        if self.script == "original":
            return "Source as given"
        if self.script == "simplified":
            return "简体 Simplified"
        return f"繁體 Traditional ({VARIANT_NAMES[self.variant]})"

    def set_view(self, script: str, variant: str | None = None) -> None:
        """Switch script (and variant) everywhere on the screen."""
        self.script = script
        if variant:
            self.variant = variant
        self._show_view()

    def _show_panels(self) -> None:
        """Refill the side panels (only while shown: on a large document they are long)."""
        self._panels_stale = not self.has_class("-side") or self._side != "mounted"
        if self._panels_stale:
            return
        from ..widgets.panels import EntityPanel, GlossaryPanel, TimelinePanel

        for panel in (EntityPanel, GlossaryPanel, TimelinePanel):
            self.query_one(panel).show(self.analysis, self.views, self.script, self.variant)

    _side = ""  # "", "mounting" or "mounted": the panels are mounted when first shown
    _side_then: list

    def open_side(self, then=None) -> None:
        """Show the side panels, mounting them the first time; then call ``then()``."""
        self.add_class("-side")
        if self._side == "mounted":
            if self._panels_stale:
                self._show_panels()
            if then:
                then()
            return
        if self._side == "mounting":
            if then:
                self._side_then.append(then)
            return
        from ..widgets.side import SidePanels

        self._side, self._side_then = "mounting", [then] if then else []
        mounting = self.query_one("#main").mount(Vertical(SidePanels(), id="side"))

        async def mounted() -> None:
            await mounting
            self._side = "mounted"
            self._show_panels()
            self._follow_glossary(self.article.cursor)
            for callback in self._side_then:
                callback()

        self.call_later(mounted)

    def _follow_glossary(self, paragraph: int) -> None:
        from ..widgets.panels import GlossaryPanel

        for panel in self.query(GlossaryPanel):
            panel.follow_paragraph(paragraph)

    def _show_view(self) -> None:
        self.article.set_view(self.script, self.variant)
        self._show_panels()
        self._show_search_outline()
        self._show_title()
        self._update_status()

    def _show_title(self) -> None:
        """Title in the current view, with the date relative dates are read against."""
        date = self.analysis.date if self.analysis else (self.date_override or self.views.document.date)
        inferred = self.analysis.date_inferred if self.analysis else self.views.document.date_inferred
        note = f"{date} (inferred)" if date and inferred else (date or "")
        if self.loaded.truncated:  # a banner, not only a notification that fades
            note = f"{note}  ⚠ too large: only the first part was read".strip()
        self.query_one(TitleBar).show(self.article.part_text("title"), note)

    def _update_status(self) -> None:
        article = self.article
        paragraph = article.cursor
        document = self.views.document
        section = document.section_of(paragraph) if document.paragraphs else None
        title = self.views.heading(self.script, self.variant, section.index) if section and section.title else ""
        percent = round(100 * (paragraph + 1) / max(len(document.paragraphs), 1))
        self.query_one(InfoLines).show_status(self.view_label(), title, paragraph, len(document.paragraphs), percent, self.info)
        if section is not None and self._outline is not None:
            self._outline.mark(section.index)

    @on(ArticleView.SelectionChanged)
    def _selection_changed(self, event: ArticleView.SelectionChanged) -> None:
        selected = self.article.selection_range()
        if selected is None:
            self.info = self.info if not self.info.startswith("selecting") else ""
        else:
            (first, _), (last, _) = selected
            where = f"¶{first + 1}" if first == last else f"¶{first + 1}–{last + 1}"
            self.info = f"selecting {where}: j/k paragraph, l/h sentence, c copies, esc leaves"
        self._update_status()

    @on(ArticleView.CursorMoved)
    def _cursor_moved(self, event: ArticleView.CursorMoved) -> None:
        self.position = event.paragraph
        self._follow_glossary(event.paragraph)
        self._update_status()
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(1.0, self.save_position)

    # -- remembered state -------------------------------------------------------------------

    _save_timer = None

    def _restore_position(self) -> None:
        position = self.store.position(self.doc_key)
        if position is not None and 0 < position < len(self.views):
            self.article.cursor = position
        self.article.bookmarks = {b.paragraph for b in self._bookmarks()}
        if not getattr(self.app, "date_given", None):  # --date wins over what D remembered
            self.date_override = self.store.date(self.doc_key)
        self._warn_state()

    def _bookmarks(self) -> list:
        """The document's bookmarks that fall inside it (state written for a longer copy of
        the same key, or edited by hand, may point beyond its end)."""
        return [b for b in self.store.bookmarks(self.doc_key) if 0 <= b.paragraph < len(self.views)]

    def save_position(self) -> None:
        """Write the reading position now (atomically; a failure is a warning, never fatal)."""
        self.store.set_position(self.doc_key, self.position)
        self._warn_state()

    def _warn_state(self) -> None:
        for warning in self.store.drain_warnings():
            self.notify(warning, severity="warning", markup=False)

    def on_unmount(self) -> None:
        pipeline.terminate_children()  # quitting: an analysis child must not outlive the reader
        self.save_position()
        self.app.remember(self.script, self.variant, self.punctuation)

    @on(OptionList.OptionSelected, "#outline")
    def _section_chosen(self, event: OptionList.OptionSelected) -> None:
        self.go_to_section(event.option_index)
        self.article.focus()

    def on_resize(self) -> None:
        wide = self.app.size.width >= NARROW
        if wide != self._wide:
            self.set_class(wide, "-outline")  # crossing the threshold resets the panel
            if wide and self._outline is not None:
                self._outline.sync()
        self._wide = wide

    # -- actions ----------------------------------------------------------------------------

    def action_toggle_script(self) -> None:
        """Simplified ⇄ traditional (from the source view: to the other script)."""
        if self.script == "original":
            self.set_view("simplified" if self.views.document.script == "traditional" else "traditional")
        else:
            self.set_view("traditional" if self.script == "simplified" else "simplified")

    def action_cycle_variant(self) -> None:
        """Traditional: standard → Taiwan → Hong Kong."""
        variant = VARIANTS[(VARIANTS.index(self.variant) + 1) % len(VARIANTS)]
        self.set_view("traditional", variant)

    def action_show_source(self) -> None:
        """The text as the file gave it (after cleaning), or back to the converted view."""
        if self.script == "original":
            self.set_view("traditional" if self.views.document.script != "traditional" else "simplified")
        else:
            self.set_view("original")

    def go_to_section(self, section: int) -> None:
        """Put the reading cursor on a section's first paragraph, its heading at the top."""
        sections = self.views.document.sections
        section = max(0, min(section, len(sections) - 1))
        if sections[section].paragraphs:
            article = self.article
            article.cursor = sections[section].paragraphs[0]
            block = article.heading_block.get(section, article.block_of[article.cursor])
            article.top = min((block, 0), max(article._last_top(), (0, 0)))
            article.refresh()

    def action_next_section(self) -> None:
        current = self.views.document.section_of(self.article.cursor).index
        if current + 1 < len(self.views.document.sections):
            self.go_to_section(current + 1)
        else:
            self.notify("Last section", timeout=1.5)

    def action_previous_section(self) -> None:
        document = self.views.document
        section = document.section_of(self.article.cursor)
        # Like an editor: first back to the start of this section, then to the previous.
        if self.article.cursor != section.paragraphs[0]:
            self.go_to_section(section.index)
        elif section.index > 0:
            self.go_to_section(section.index - 1)

    def action_toggle_outline(self) -> None:
        self.toggle_class("-outline")
        if self.has_class("-outline") and self._outline is not None:
            self._outline.sync()

    def action_toggle_punctuation(self) -> None:
        article = self.article
        article.set_punctuation(not article.punctuation)
        self.punctuation = article.punctuation
        self.notify("Full-width punctuation " + ("on" if article.punctuation else "off"), timeout=1.5)

    # -- annotations: highlighting, panels, mentions --------------------------------------

    def _show_legend(self) -> None:
        self.query_one(InfoLines).show_legend(self.article)

    def action_toggle_highlight(self) -> None:
        article = self.article
        article.set_highlight(not article.highlight, article.hidden_types)
        self._show_legend()
        self._restyle_titles()

    def action_toggle_type(self, kind: str) -> None:
        article = self.article
        article.set_highlight(True, article.hidden_types ^ {kind})
        self._show_legend()
        self._restyle_titles()

    def _restyle_titles(self) -> None:
        """The title bar and the outline draw annotations as the article does: again."""
        self._show_title()
        if self._outline is not None:
            self._outline.relabel()

    _panels_stale = False

    def action_toggle_side(self) -> None:
        if self.has_class("-side"):
            self.remove_class("-side")
        else:
            self.open_side()

    def on_target_chosen(self, event: TargetChosen) -> None:
        # Named handler rather than @on(TargetChosen): the panels' module (and its
        # dataclasses) is imported when a panel is first shown, not at start-up.
        if not event.mentions:
            return
        self.target = (event.label, list(event.mentions), 0)
        self._go_to_mention(0)

    def _go_to_mention(self, index: int) -> None:
        label, mentions, _ = self.target
        index %= len(mentions)
        self.target = (label, mentions, index)
        paragraph, start, end = mentions[index]
        self.article.mark(paragraph, start, end)
        self.info = f"{label} {index + 1}/{len(mentions)}"
        self._update_status()

    def action_next_mention(self) -> None:
        if self.target is None:
            self.notify("Choose an entity, term or date in a panel first (i, then tab)", timeout=2)
            return
        self._go_to_mention(self.target[2] + 1)

    def action_previous_mention(self) -> None:
        if self.target is None:
            self.notify("Choose an entity, term or date in a panel first (i, then tab)", timeout=2)
            return
        self._go_to_mention(self.target[2] - 1)

    # -- words: cursor, lookup, dates --------------------------------------------------

    @background(exclusive=True, group="warm")
    def warm_lookup(self) -> None:
        """Open the dictionary and load pypinyin now, so the first lookup is quick."""
        from ..core.dictionary import warm_up

        warm_up()

    @background(exclusive=True, group="warm-pinyin")
    def warm_pinyin(self, mode: str) -> None:
        """Load pypinyin's tables (~0.5 s), then show pinyin: keys are answered meanwhile."""
        from ..core import pinyin

        pinyin.warm_up()
        self.pinyin_ready = True
        self.app.call_from_thread(self.article.set_pinyin, mode)

    def _spans_at(self, paragraph: int, start: int, end: int) -> list:
        """Annotations overlapping ``[start, end)`` of ``paragraph``."""
        return [s for s in self.article.spans.get(paragraph, ()) if s.start < end and start < s.end]

    def action_lookup(self) -> None:
        """Look up the word under the word cursor (h/l place it; first word if none)."""
        article = self.article
        if article.word is None:
            article.action_word_next()
            if article.word is None:
                self.notify("No word in this paragraph", timeout=1.5)
                return
        from .lookup import Known, LookupScreen

        paragraph = article.cursor
        start, end = article.word
        spans = self._spans_at(paragraph, start, end)
        entities = tuple(dict.fromkeys((s.type, s.key) for s in spans if s.layer == "entity"))
        terms = {s.key for s in spans if s.layer == "term"}
        term = next((g for g in self.analysis.glossary if g["term"] in terms), None) if self.analysis else None
        view = self.views.get(self.script, self.variant, paragraph)
        shown = view.text[view.map.to_view(start):view.map.to_view(end, end=True)]
        canonical = self.views.canonical(paragraph)[start:end]
        self.app.push_screen(LookupScreen(shown, canonical, Known(entities, term),
                                          lambda text: self.views.text(self.script, self.variant, text)))

    def action_date_to_timeline(self) -> None:
        """From a date in the text (under the word cursor, else the paragraph's first) to its timeline row."""
        article = self.article
        paragraph = article.cursor
        dates = [s for s in article.spans.get(paragraph, ()) if s.type == "date"]
        if article.word is not None:
            under = self._spans_at(paragraph, *article.word)
            dates = [s for s in under if s.type == "date"] or dates
        self.open_side(lambda: self._timeline_row(paragraph, dates))

    def _timeline_row(self, paragraph: int, dates: list) -> None:
        from ..widgets.panels import TimelinePanel

        panel = self.query_one(TimelinePanel)
        row = next((r for r in (panel.row_for(paragraph, s.start) for s in dates) if r is not None), None)
        if row is None:
            self.notify("No dated event in this paragraph", timeout=1.5)
            return
        self.query_one("#side-tabs").active = "tab-timeline"
        panel.select_row(row)
        event = panel.events[row]
        self.article.mark(event.paragraph, event.span_start, event.span_end)

    def action_set_date(self) -> None:
        """Ask for the document's date and resolve relative dates against it again."""
        from .dialogs import DateScreen

        date = self.analysis.date if self.analysis else self.views.document.date
        inferred = self.analysis.date_inferred if self.analysis else self.views.document.date_inferred
        self.app.push_screen(DateScreen(date, inferred), self._date_chosen)

    def _date_chosen(self, value: str | None) -> None:
        if value is None:
            return
        self.date_override = value or None
        self.store.set_date(self.doc_key, self.date_override)
        self._warn_state()
        self.analysis = None
        self.info = "analysing…"
        self._update_status()
        self.analyse()
        self.notify(f"Document date set to {value}" if value else "Document date: as the document gives it",
                    timeout=2)

    # -- bookmarks ----------------------------------------------------------------------

    def _excerpt(self, paragraph: int, width: int = 30) -> str:
        text = self.views.get(self.script, self.variant, paragraph).text
        return text if len(text) <= width else text[:width] + "…"

    _stats: str | None = None

    def action_toggle_bookmark(self) -> None:
        """Bookmark the current paragraph, or remove its bookmark."""
        paragraph = self.article.cursor
        if paragraph in self.article.bookmarks:
            if self.store.delete_bookmark(self.doc_key, paragraph):
                self.notify(f"Bookmark on ¶{paragraph + 1} removed", timeout=1.5)
        elif self.store.add_bookmark(self.doc_key, paragraph) is not None:
            self.notify(f"Bookmarked ¶{paragraph + 1} (' lists bookmarks)", timeout=1.5)
        self._warn_state()
        self.article.bookmarks = {b.paragraph for b in self._bookmarks()}

    def action_bookmarks(self) -> None:
        """List the document's bookmarks: jump to one or delete it."""
        from .dialogs import BookmarksScreen

        def delete(paragraph: int) -> bool:
            done = self.store.delete_bookmark(self.doc_key, paragraph)
            self._warn_state()
            self.article.bookmarks.discard(paragraph)
            self.article.refresh()
            return done

        def chosen(paragraph: int | None) -> None:
            if paragraph is not None and 0 <= paragraph < len(self.views):
                self.article.cursor = paragraph

        marks = self._bookmarks()
        self._warn_state()
        self.app.push_screen(BookmarksScreen(marks, self._excerpt, delete), chosen)

    def action_help(self) -> None:
        groups = [
            ("Reading", list(ArticleView.BINDINGS)),
            ("Document", list(self.BINDINGS)),
            ("Everywhere", [Binding("tab", "focus_next", "Move focus: article ⇄ panels"),
                            Binding("ctrl+p", "command_palette", "Command palette")]),
        ]
        if self._stats is None:  # segmenting a long document takes a while: once per screen
            from ..core.stats import describe, reading_stats

            self._stats = "This document: " + describe(reading_stats(self.views.document, self.views.all_canonical()))
        notes = [self._stats]
        if os.environ.get("TMUX") and self.tmux_state() == "off":
            notes.append("tmux has set-clipboard off: copies (c) reach no clipboard through tmux. "
                         "Add 'set -g set-clipboard on' to ~/.tmux.conf.")
        from .help import HelpScreen

        self.app.push_screen(HelpScreen(groups, notes))
