"""The library screen: the shelf of documents opened so far; enter reopens one where it was left."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets.option_list import Option

from ..core.library import Entry
from ..widgets.option_list import OptionList
from ..widgets.safe import inert_text
from .dialogs import dialog_css


class LibraryScreen(ModalScreen[Entry | None]):
    """Documents opened in the reader, last read first: enter reopens one (returns its
    entry), d takes it off the shelf. One that moved or vanished says so."""

    DEFAULT_CSS = dialog_css("LibraryScreen", "library-body") + "#library-list { height: auto; max-height: 24; }"

    BINDINGS = [
        Binding("escape,q,L", "dismiss(None)", "Close"),
        Binding("d,delete", "forget", "Take off the shelf"),
    ]

    def __init__(self, shelf: list[Entry], current: str, forget: Callable[[str], bool]) -> None:
        super().__init__()
        self.shelf = list(shelf)
        self.current = current  # key of the document being read
        self.forget = forget  # key → True if taken off the shelf

    def compose(self) -> ComposeResult:
        with Vertical(id="library-body") as body:
            body.border_title = "Library"
            body.border_subtitle = "enter open · d remove · esc close"
            yield OptionList(id="library-list")

    def on_mount(self) -> None:
        self._fill()
        self.query_one(OptionList).focus()

    def _fill(self) -> None:
        options = self.query_one(OptionList)
        options.clear_options()
        if not self.shelf:
            options.add_option(Option(Text("Nothing on the shelf yet.", style="dim"), disabled=True))
            return
        for entry in self.shelf:
            options.add_option(Option(inert_text(self._label(entry))))
        options.highlighted = 0

    def _label(self, entry: Entry) -> Text:
        label = Text(entry.title, style="bold")
        if entry.key == self.current:
            label.append("  (reading now)", style="dim")
        when = entry.last_read.replace("T", " ").removesuffix("Z")
        label.append(f"\n{entry.source}\n", style="dim")
        label.append(" · ".join(f for f in (entry.date or "no date", entry.progress, f"last read {when} UTC") if f))
        problem = entry.problem()
        if problem:
            label.append(f"\n{problem}", style="bold red")
        return label

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        entry = self.shelf[event.option_index]
        problem = entry.problem()
        if problem:
            self.notify(f"{entry.title}: {problem}", severity="error")
            return
        self.dismiss(entry)

    def action_forget(self) -> None:
        index = self.query_one(OptionList).highlighted
        if index is None or not self.shelf:
            return
        if self.forget(self.shelf[index].key):
            del self.shelf[index]
            self._fill()
