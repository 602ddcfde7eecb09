"""The outline panel: the document's sections; choosing one moves the reading cursor."""

from __future__ import annotations

from collections.abc import Callable

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text
from textual.widgets.option_list import Option

from ..core.script import Views
from .option_list import OptionList
from .safe import inert_text


#: How far a wrapped heading's later lines are indented.
HANGING = 2


class Heading:
    """A heading as an outline row: when it wraps, its later lines are indented (a hanging
    indent), so one long heading never reads as two. ``str()`` is its plain text, and its
    height follows from it (the outline keeps heights by it: a view switch re-measures
    only the headings whose words changed)."""

    plain_height = True

    def __init__(self, text: Text) -> None:
        self.text = text

    def __str__(self) -> str:
        return self.text.plain

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.text)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield from self._lines(console, self.text, options.max_width)

    def lines_at(self, console: Console, width: int) -> int:
        """How many lines it takes at ``width``: the lines of its plain text, not drawn
        (drawing them to count, as Textual does, cost ~4x: 648 headings on a 1M book)."""
        return sum(1 for _ in self._lines(console, Text(self.text.plain), width))

    @staticmethod
    def _lines(console: Console, text: Text, width: int):
        width = max(width, HANGING + 2)
        first = text.wrap(console, width, overflow="fold")[0] if text.plain else Text()
        yield first
        rest = text[len(first.plain):]
        if rest.plain.strip():
            for line in rest.wrap(console, width - HANGING, overflow="fold"):
                if line.plain.strip():
                    yield Text(" " * HANGING) + line


class Outline(OptionList):
    """Sections of the document, in the current script, the current one highlighted."""

    def __init__(self, views: Views, *, id: str | None = None, label: Callable[[int], Text] | None = None) -> None:
        super().__init__(id=id)
        self.views = views
        self.label = label  # a section's heading as drawn, annotations styled (else plain)
        self.border_title = "Outline"

    def relabel(self) -> None:
        """Draw the headings again (their annotations arrived)."""
        self._shown = None
        if self._wanted is not None:
            self.show(*self._wanted)

    _wanted: tuple | None = None  # what show() last asked for
    _shown: tuple | None = None  # what the list holds
    _pending = False
    _marked: int | None = None  # the reading cursor's section, kept for a later refill

    def show(self, script: str, variant: str, counts: dict[int, int] | None = None) -> None:
        """Show section titles in a view; Text, never markup.

        ``counts``: search matches per section, shown after the titles that have some.
        Refilling means laying out every title (hundreds in a long book), so it happens
        after the next frame (the article the key changed is drawn first), and not at
        all while the outline is hidden: :meth:`sync` catches up when it is shown.
        """
        self._wanted = (script, variant, dict(counts) if counts else None)
        if not self._pending and self._wanted != self._shown:
            self._pending = True
            self.call_after_refresh(self._refill)

    def sync(self) -> None:
        """Catch up with the last :meth:`show` (call when the outline becomes visible)."""
        if self._wanted is not None and self._wanted != self._shown:
            self._refill()

    def _refill(self) -> None:
        self._pending = False
        if self._wanted is None or self._wanted == self._shown or not self.display:
            return
        script, variant, counts = self._wanted
        self._shown = self._wanted
        highlighted = self.highlighted if self._marked is None else self._marked
        document = self.views.document
        options = []
        for section in document.sections:
            if not section.title:
                label = Text("(introduction)", style="italic")
            elif self.label is not None:  # in the article's script: it is shown alongside
                label = self.label(section.index)
            else:
                label = Text(self.views.heading(script, variant, section.index))
            if counts and counts.get(section.index):
                label.append(f" ({counts[section.index]})", style="bold reverse")
            options.append(Option(Heading(inert_text(label)), id=f"section-{section.index}"))
        self.set_options(options)  # not clear + add: an empty list between is a layout
        if highlighted is not None:
            self.highlighted = highlighted

    def mark(self, section: int) -> None:
        """Highlight the section that holds the reading cursor (now, or once filled)."""
        self._marked = section
        if self.highlighted != section and section < self.option_count:
            self.highlighted = section
