"""The glossary panel: business terms found in the document, with a definition area."""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import OptionList, Static

from ..core.pipeline import Analysis
from ..core.script import Views
from .annotation_styles import foreground
from .panel_base import ListPanel, Target
from .safe import inert_text

if TYPE_CHECKING:
    from ..core.glossary import GlossaryItem


def pinyin_sort_key(item: GlossaryItem) -> tuple[str, str]:
    """Alphabetical key: pinyin without tone marks (the term itself when it has none, as GMV)."""
    spoken = item.pinyin or item.term
    plain = "".join(c for c in unicodedata.normalize("NFD", spoken) if not unicodedata.combining(c))
    return plain.casefold().replace(" ", ""), item.term


class GlossaryPanel(ListPanel):
    """Glossary terms of the document with counts; the highlighted term's definition below.

    ``a`` toggles the order (first appearance ⇄ pinyin A–Z); ``.`` toggles "this paragraph
    only" for the paragraph last given to :meth:`follow_paragraph` or :meth:`set_paragraph`.
    """

    TITLE = "Glossary"

    BINDINGS = [
        Binding("a", "toggle_sort", "Sort order ⇄ A–Z", id="glossary_sort"),
        Binding("full_stop", "toggle_paragraph", "This ¶ only", id="glossary_paragraph"),
    ]

    COMPONENT_CLASSES = {"glossary-panel--count", "glossary-panel--pinyin", "glossary-panel--term"}

    DEFAULT_CSS = """
    GlossaryPanel {
        & > .glossary-panel--count { color: $text-muted; }
        & > .glossary-panel--pinyin { color: $text-muted; text-style: italic; }
        & > .glossary-panel--term { color: $text; text-style: bold; }
        & > #definition {
            height: auto; max-height: 50%; border-top: hkey $foreground 30%; padding: 0 1 0 0;
        }
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.alphabetical = False
        """List terms A–Z by pinyin rather than by first appearance."""
        self.paragraph: int | None = None
        """When set, only the terms of this paragraph are listed."""
        self.reading: int | None = None
        """The reading cursor's paragraph, for the ``.`` toggle."""
        self._shown: tuple[Analysis | None, Views | None, str, str] = (None, None, "simplified", "std")

    def compose(self) -> ComposeResult:
        yield from super().compose()
        yield Static(id="definition")

    def show(self, analysis: Analysis | None, views: Views, script: str, variant: str) -> None:
        """List the glossary terms of ``analysis`` in the given view (None: still analysing)."""
        self._shown = (analysis, views, script, variant)
        self._refill()

    def set_paragraph(self, index: int | None) -> None:
        """List only the terms occurring in paragraph ``index``; None lists them all again."""
        self.paragraph = index
        if index is not None:
            self.reading = index
        self._refill()

    def follow_paragraph(self, index: int) -> None:
        """The reading cursor moved: remember it, and follow it when filtering by paragraph."""
        self.reading = index
        if self.paragraph is not None and self.paragraph != index:
            self.set_paragraph(index)

    def action_toggle_sort(self) -> None:
        """First appearance ⇄ alphabetical by pinyin."""
        self.alphabetical = not self.alphabetical
        self._refill()

    def action_toggle_paragraph(self) -> None:
        """All terms ⇄ the terms of the reading cursor's paragraph."""
        if self.paragraph is not None:
            self.set_paragraph(None)
        elif self.reading is not None:
            self.set_paragraph(self.reading)
        else:
            self.notify("No paragraph to filter by yet", timeout=1.5)

    def _refill(self) -> None:
        analysis, views, script, variant = self._shown
        self.border_subtitle = ("A–Z" if self.alphabetical else "in order") + (
            f" · ¶{self.paragraph + 1}" if self.paragraph is not None else "")
        if analysis is None or views is None:
            self.note("analysing…")
            self._define()
            return
        items = analysis.glossary
        if self.paragraph is not None:
            items = [g for g in items if any(o[0] == self.paragraph for o in g.occurrences)]
        if not items:
            self.note("No glossary terms in this paragraph." if analysis.glossary else "No glossary terms found.")
            self._define()
            return
        if self.alphabetical:
            items = sorted(items, key=pinyin_sort_key)
        else:
            items = sorted(items, key=lambda g: min(g.occurrences))
        count = foreground(self.get_component_rich_style("glossary-panel--count"))
        pinyin = foreground(self.get_component_rich_style("glossary-panel--pinyin"))
        rows = []
        for item in items:
            shown = views.text(script, variant, item.term)
            mentions = tuple(sorted((p, s, e) for p, s, e in item.occurrences))
            label = Text(shown)
            if item.pinyin:
                label.append(" " + item.pinyin, pinyin)
            label.append(f" {len(mentions)}", count)
            rows.append((label, Target("term", item.term, shown, mentions)))
        self.fill(rows)
        self._define()

    def definition(self) -> Text:
        """The highlighted term's definition as shown: term, pinyin, category, English, Chinese."""
        target = self.highlighted_target
        analysis, views, script, variant = self._shown
        if target is None or analysis is None or views is None:
            return Text()
        item = next(g for g in analysis.glossary if g.term == target.key)
        text = Text.assemble((target.label, foreground(self.get_component_rich_style("glossary-panel--term"))))
        if item.pinyin:
            text.append("  ")
            text.append(item.pinyin, foreground(self.get_component_rich_style("glossary-panel--pinyin")))
        if item.category:
            text.append(f"  {item.category}", foreground(self.get_component_rich_style("glossary-panel--count")))
        if item.en:
            text.append("\n" + item.en)
        if item.zh:
            text.append("\n" + views.text(script, variant, item.zh))
        return text

    def _define(self) -> None:
        self.query_one("#definition", Static).update(inert_text(self.definition()))

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._define()
