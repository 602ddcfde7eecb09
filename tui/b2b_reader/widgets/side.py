"""The side panels in their tabs, mounted the first time they are shown.

Seventeen widgets a narrow terminal never sees cost ~40 ms of start-up to mount and
style, so the reader composes an empty ``#side`` and mounts this into it on demand.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import OptionList, TabbedContent, TabPane, Tabs

from ..core.pipeline import Analysis
from ..core.script import Views
from ..core.timeline import Event
from .panels import EntityPanel, GlossaryPanel, TimelinePanel

#: The panel of each tab.
_PANELS = {"tab-entities": EntityPanel, "tab-glossary": GlossaryPanel, "tab-timeline": TimelinePanel}


class SidePanels(Vertical):
    """Entities, Glossary and Timeline tabs (``#side-tabs``), shown for one document."""

    DEFAULT_CSS = "SidePanels, #side-tabs { height: 1fr; }"

    #: While a panel has the focus (in the article, h/l move the word cursor).
    BINDINGS = [
        Binding("h,left", "tab(-1)", "Previous panel tab", show=False),
        Binding("l,right", "tab(1)", "Next panel tab", show=False),
    ]
    TAB_ORDER = ("tab-entities", "tab-glossary", "tab-timeline")

    def __init__(self, views: Views) -> None:
        super().__init__()
        self.views = views
        self._wanted: tuple | None = None  # (analysis, script, variant) the panels should list
        self._listed: dict[type, tuple] = {}  # per panel class, the (analysis, script, variant) it lists
        self._selecting: dict[type, tuple[str, str]] = {}  # per panel class, the (layer, key) to select once filled

    def compose(self) -> ComposeResult:
        with TabbedContent(id="side-tabs"):
            with TabPane("Entities", id="tab-entities"):
                yield EntityPanel(id="entities")
            with TabPane("Glossary", id="tab-glossary"):
                yield GlossaryPanel(id="glossary")
            with TabPane("Timeline", id="tab-timeline"):
                yield TimelinePanel(id="timeline")

    def on_mount(self) -> None:
        # tab goes article → panel list → outline: the tab strip is reached with h/l or a click
        self.query_one(Tabs).can_focus = False

    def action_tab(self, step: int) -> None:
        """The next (previous) tab, its list focused."""
        tabs = self.query_one("#side-tabs", TabbedContent)
        order = self.TAB_ORDER
        tabs.active = order[(order.index(tabs.active) + step) % len(order)] if tabs.active in order else order[0]
        self.call_after_refresh(lambda: self.query_one(f"#{tabs.active}").query_one(OptionList).focus())

    def show(self, analysis: Analysis | None, script: str, variant: str) -> None:
        """List ``analysis`` in this view (None: still analysing).

        Only the panel of the open tab is filled now; the others when their tab is opened.
        On a 1M-character document the timeline alone has ~10,000 rows (a second and more
        to build): a view switch (``t``) must not pay for the lists no one is looking at.
        """
        self._wanted = (analysis, script, variant)
        self._bring_up(_PANELS.get(self.query_one("#side-tabs", TabbedContent).active, EntityPanel))

    def _bring_up(self, panel: type) -> None:
        """Fill ``panel`` with what is wanted, unless it already lists it."""
        wanted = self._wanted
        if wanted is None or self._lists_wanted(panel):
            return
        self._listed[panel] = wanted
        self.query_one(panel).show(wanted[0], self.views, wanted[1], wanted[2])
        if (selecting := self._selecting.pop(panel, None)) is not None:
            self.query_one(panel).select_target(*selecting)

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        """A tab opened: its panel lists the current analysis and view."""
        if event.pane is not None and event.pane.id in _PANELS:
            self._bring_up(_PANELS[event.pane.id])

    def follow(self, paragraph: int) -> None:
        """The reading cursor is on ``paragraph`` (the glossary may list just its terms)."""
        self.query_one(GlossaryPanel).follow_paragraph(paragraph)

    def follow_word(self, spans) -> None:
        """The word cursor is on these annotations: select its entity and glossary term.

        A panel that does not list the current view yet (its tab hidden since the last
        ``t`` or analysis) is not filled on the keystroke (~0.1 s at 1M characters): the
        selection is remembered and made when its tab opens."""
        for span in spans:
            panel = {"entity": EntityPanel, "term": GlossaryPanel}.get(span.layer)
            if panel is None:
                continue
            if self._lists_wanted(panel):
                self._selecting.pop(panel, None)
                self.query_one(panel).select_target(span.layer, span.key)
            else:
                self._selecting[panel] = (span.layer, span.key)

    def _lists_wanted(self, panel: type) -> bool:
        wanted, listed = self._wanted, self._listed.get(panel)
        return wanted is not None and listed is not None and listed[0] is wanted[0] and listed[1:] == wanted[1:]

    def show_event(self, paragraph: int, offsets: list[int]) -> Event | None:
        """The timeline's row of the first dated event at one of ``offsets`` of ``paragraph``,
        selected in its tab; None when there is none."""
        self._bring_up(TimelinePanel)
        panel = self.query_one(TimelinePanel)
        row = next((r for r in (panel.row_for(paragraph, offset) for offset in offsets) if r is not None), None)
        if row is None:
            return None
        self.query_one("#side-tabs", TabbedContent).active = "tab-timeline"
        panel.select_row(row)
        return panel.events[row]
