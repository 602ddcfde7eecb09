"""The help screen: every key, generated from the bindings in force."""

from __future__ import annotations

from functools import lru_cache

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ..widgets.status import key_label
from .dialogs import dialog_css
from .scrolling import move, scroll_bindings

def binding_rows(groups: list[tuple[str, list[Binding]]]) -> Table:
    """A two-column table of keys and what they do, grouped."""
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    for title, bindings in groups:
        table.add_row(Text(title, style="underline"), Text(""))
        for binding in bindings:
            table.add_row(Text(key_label(binding.key)), Text(binding.description or binding.action))
        table.add_row("", "")
    return table


class HelpScreen(ModalScreen[None]):
    """Keys of the reader, from the bindings of the screen below and its widgets."""

    DEFAULT_CSS = dialog_css("HelpScreen", "help-body", height="80%") + "#help-title { margin-bottom: 1; }"

    BINDINGS = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close help"),
        *scroll_bindings(),
    ]

    def __init__(self, groups: list[tuple[str, list[Binding]]], notes: list[str] | None = None) -> None:
        super().__init__()
        self.groups = groups
        self.notes = notes or []

    def action_move(self, how: str) -> None:
        """The article's keys, in the help text (j/k, space/b, ctrl+d/ctrl+u, g/G)."""
        move(self.query_one("#help-body", VerticalScroll), how)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Static(Text("b2b-reader — keys", style="bold"), id="help-title")
            yield Static(binding_rows(self.groups), id="help-keys")
            for note in self.notes:
                yield Static(Text(note), classes="help-note")
            yield Static(Text("ctrl+p opens the command palette: every action by name. esc closes this help.", style="dim"))


def reader_help(reading: list[Binding], document: list[Binding], views, tmux_state) -> HelpScreen:
    """The reader's help: its keys, the document's size, and a tmux clipboard warning
    (``tmux_state()`` asks tmux, only when running in it)."""
    import os

    groups = [
        ("Reading", list(reading)),
        ("Document", list(document)),
        ("Counts", [Binding("G", "", "12G in the article: to paragraph 12 (the digits toggle highlights until G)"),
                    Binding("percent_sign", "", "40%: to 40% of the document")]),
        ("In a panel", [Binding("h,l", "", "Previous / next tab (Entities, Glossary, Timeline)")]),
        ("In lists", [Binding("j,k", "", "Down / up (panels, outline, bookmarks, library, this help)"), Binding("space,b", "", "Page down / up"),
          Binding("ctrl+d,ctrl+u", "", "Half page down / up"), Binding("g,G", "", "First / last")]),
        ("Everywhere", [Binding("tab", "focus_next", "Move focus: article → panel list → outline (shift+tab back)"),
                        Binding("ctrl+p", "command_palette", "Command palette")]),
    ]
    notes = [_stats(views)]
    if os.environ.get("TMUX") and tmux_state() == "off":
        notes.append("tmux has set-clipboard off: copies (c) reach no clipboard through tmux. "
                     "Add 'set -g set-clipboard on' to ~/.tmux.conf.")
    return HelpScreen(groups, notes)


@lru_cache(maxsize=1)
def _stats(views) -> str:
    """The document's size and reading time (segmenting a long one takes a while: once)."""
    from ..core.stats import describe, reading_stats

    return "This document: " + describe(reading_stats(views.document, views.all_canonical()))
