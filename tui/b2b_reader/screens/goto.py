"""``:``: go to paragraph N or N% of the document (as in less and vim)."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from .dialogs import dialog_css
from .navigation import paragraph_for


class GoToDialog(ModalScreen[str | None]):
    """Asks for ``12`` (paragraph 12) or ``40%``; returns what was typed, checked."""

    DEFAULT_CSS = dialog_css("GoToDialog", "goto-body") + "#goto-error { height: auto; }"

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel")]

    def __init__(self, total: int) -> None:
        super().__init__()
        self.total = total

    def compose(self) -> ComposeResult:
        with Vertical(id="goto-body") as body:
            body.border_title = "Go to"
            yield Static(Text(f"Paragraph 1–{self.total}, or a percentage (40%). "
                              "In the article, 12G and 40% do the same without this dialog."))
            yield Input(placeholder="12 or 40%", id="goto-input")
            yield Static("", id="goto-error")

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        if not value:
            self.dismiss(None)
        elif paragraph_for(value, self.total) is None:
            self.query_one("#goto-error", Static).update(Text(f"Not a paragraph: {value!r}", style="bold red"))
        else:
            self.dismiss(value)
