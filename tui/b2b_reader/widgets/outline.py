"""The outline panel: the document's sections; choosing one moves the reading cursor."""

from __future__ import annotations

from rich.text import Text
from textual.widgets.option_list import Option

from ..core.script import Views
from .option_list import OptionList


class Outline(OptionList):
    """Sections of the document, in the current script, the current one highlighted."""

    BINDINGS = [("j", "cursor_down", "Down"), ("k", "cursor_up", "Up")]

    def __init__(self, views: Views, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.views = views
        self.border_title = "Outline"

    def show(self, script: str, variant: str, counts: dict[int, int] | None = None) -> None:
        """(Re)fill the list with section titles in a view; Text, never markup.

        ``counts``: search matches per section, shown after the titles that have some.
        """
        highlighted = self.highlighted
        self.clear_options()
        document = self.views.document
        options = []
        for section in document.sections:
            title = self.views.heading(script, variant, section.index) if section.title else None
            label = Text(title) if title else Text("(introduction)", style="italic")
            if counts and counts.get(section.index):
                label.append(f" ({counts[section.index]})", style="bold reverse")
            options.append(Option(label, id=f"section-{section.index}"))
        self.add_options(options)
        if highlighted is not None:
            self.highlighted = highlighted

    def mark(self, section: int) -> None:
        """Highlight the section that holds the reading cursor."""
        if self.highlighted != section and section < self.option_count:
            self.highlighted = section
