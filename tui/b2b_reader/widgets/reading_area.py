"""The reader's middle row: the outline, the article and the side panels.

It owns which of the outline and the panels show (classes ``-outline`` and ``-side``),
mounts each when first needed (the outline just after the first frame, the panels when
first shown) and keeps them on the article's view.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.containers import Horizontal, Vertical
from textual.widgets import OptionList

from ..core.pipeline import Analysis
from .article import ArticleView

if TYPE_CHECKING:
    from textual.widget import AwaitMount

    from .outline import Outline
    from .side import SidePanels

#: Below this width the outline starts hidden, leaving the article the whole screen.
NARROW = 100
#: Below this width the side panels start hidden.
WIDE = 150


class ReadingArea(Horizontal):
    """Outline, article and side panels, side by side (``#main``)."""

    def __init__(self, article: ArticleView, width: int, *, id: str | None = None) -> None:
        # Which panels show depends on the terminal's width; deciding it before the first
        # styling pass spares a restyle of every widget per class changed after mount.
        classes = " ".join(name for name, on in (("-outline", width >= NARROW), ("-side", width >= WIDE)) if on)
        super().__init__(id=id, classes=classes or None)
        self.article = article
        self._wide = width >= NARROW
        self.outline: Outline | None = None  # mounted after the first frame: mount_outline()
        self.side: SidePanels | None = None  # once mounted (when first shown): open_side()
        self._side_mounting: AwaitMount | None = None  # ... once: later callers wait for the same mount

    def compose(self):
        # The outline's list (an OptionList: ~10 ms of styles and mounting) is mounted into
        # its frame just after the first frame; the frame keeps the article's width.
        with Vertical(id="outline-box") as box:
            box.border_title = "Outline"
        yield self.article
        yield Vertical(id="side")  # the side panels are mounted into it when first shown

    def mount_outline(self) -> None:
        """Mount the outline's list (once the first frame is out)."""
        if self.outline is None:
            from .outline import Outline

            self.outline = Outline(self.article.views, id="outline",
                                   label=lambda i: self.article.part_text("heading", i))
            self.query_one("#outline-box").mount(self.outline)

    async def open_side(self) -> SidePanels:
        """Show the side panels, mounting them the first time (later callers wait for it)."""
        self.add_class("-side")
        from .side import SidePanels

        if self._side_mounting is None:
            self._side_mounting = self.query_one("#side").mount(SidePanels(self.article.views))
        await self._side_mounting
        self.side = self.query_one("#side").query_one(SidePanels)
        return self.side

    async def show_date_event(self) -> bool:
        """The timeline's row of the date at the article's cursor, marked in the text;
        False when the paragraph has no dated event."""
        article = self.article
        dates = [s for s in article.spans.get(article.cursor, ()) if s.type == "date"]
        if article.word is not None:  # the date under the word cursor, else the paragraph's
            dates = [s for s in article.spans_at(article.cursor, *article.word) if s.type == "date"] or dates
        event = (await self.open_side()).show_event(article.cursor, [s.start for s in dates])
        if event is not None:
            article.mark(event.paragraph, event.span_start, event.span_end)
        return event is not None

    async def hide_side(self) -> None:
        self.remove_class("-side")

    def toggle_outline(self) -> None:
        self.toggle_class("-outline")
        if self.has_class("-outline") and self.outline is not None:
            self.outline.sync()

    def show(self, analysis: Analysis | None, section: int | None, search_counts: dict[int, int] | None) -> None:
        """Outline and panels in the article's view; ``section`` is the reading cursor's."""
        article = self.article
        if self.side is not None and self.has_class("-side"):
            self.side.show(analysis, article.script, article.variant)
            self.side.follow(article.cursor)
        if self.outline is not None:
            self.outline.show(article.script, article.variant, search_counts)
            if section is not None:
                self.outline.mark(section)

    def relabel(self) -> None:
        """The outline's headings again (their annotations changed)."""
        if self.outline is not None:
            self.outline.relabel()

    def follow(self, paragraph: int, section: int | None) -> None:
        """The reading cursor moved to ``paragraph`` in ``section``."""
        if self.side is not None:
            self.side.follow(paragraph)
        if self.outline is not None and section is not None:
            self.outline.mark(section)

    @on(ArticleView.WordMoved)
    def _word_moved(self, event: ArticleView.WordMoved) -> None:
        """The side panels select the entity or term under the word cursor."""
        if self.side is not None:
            self.side.follow_word(self.article.spans_at(event.paragraph, *event.word))

    @on(OptionList.OptionSelected, "#outline")
    def _section_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.article.show_section(event.option_index)
        self.article.focus()

    def on_resize(self) -> None:
        wide = self.app.size.width >= NARROW
        if wide != self._wide:
            self.set_class(wide, "-outline")  # crossing the threshold resets the panel
            if wide and self.outline is not None:
                self.outline.sync()
        self._wide = wide
