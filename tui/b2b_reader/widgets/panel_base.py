"""What the side panels share: the message they post and a bordered option list of targets.

A panel row is either a header or note (no target, not selectable) or a *target*: a thing
with mentions in the document. Choosing a target posts :class:`TargetChosen`; the screen
moves the reading cursor through its mentions. Every label is a ``rich.text.Text`` built
from data: document text may contain ``[/]`` or ``[@click=app.quit]``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widget import Widget
from .option_list import OptionList
from .safe import inert_text
from textual.widgets.option_list import Option

#: A mention: (paragraph, start, end) on canonical text.
Mention = tuple[int, int, int]


class TargetChosen(Message):
    """The user chose something in a panel: move the reading cursor through its mentions."""

    def __init__(self, panel: Widget, layer: str, key: str, label: str, mentions: Sequence[Mention]) -> None:
        super().__init__()
        self.panel = panel
        self.layer = layer
        """``entity``, ``term`` or ``event``."""
        self.key = key
        """What identifies the target: canonical name, glossary term or date label."""
        self.label = label
        """The target as shown (current script), for the status line."""
        self.mentions = list(mentions)
        """(paragraph, start, end) canonical offsets, in document order."""

    @property
    def control(self) -> Widget:
        """The panel that posted the message."""
        return self.panel


@dataclass(frozen=True, slots=True)
class Target:
    """A choosable row: what :class:`TargetChosen` will carry."""

    layer: str
    key: str
    label: str
    mentions: tuple[Mention, ...]


#: Row lists whose options a panel keeps (two views and a spare).
_KEPT_LISTS = 3


class ListPanel(Widget):
    """A bordered panel around an option list whose rows may carry targets."""

    DEFAULT_CSS = """
    ListPanel {
        height: 1fr;
        border: round $foreground 30%;
        border-title-color: $text-muted;
        &:focus-within { border: round $accent; border-title-color: $text; }
        & > OptionList { height: 1fr; border: none; padding: 0; background: transparent; }
        & > OptionList:focus { border: none; }
    }
    """

    BINDINGS = [
        Binding("j", "cursor('down')", "Down", show=False),
        Binding("k", "cursor('up')", "Up", show=False),
    ]

    #: Shown as the border title.
    TITLE = ""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.border_title = self.TITLE
        self.targets: list[Target | None] = []
        self._options: dict[int, tuple[Iterable, list[Option]]] = {}  # id(kept rows) -> (rows, options)

    def compose(self) -> ComposeResult:
        yield OptionList()

    @property
    def option_list(self) -> OptionList:
        """The list of rows."""
        return self.query_one(OptionList)

    @property
    def highlighted_target(self) -> Target | None:
        """The target under the list's cursor, if any."""
        index = self.option_list.highlighted
        return self.targets[index] if index is not None and index < len(self.targets) else None

    def rows(self) -> list[str]:
        """Every row's text as shown (for tests and screen readers)."""
        return [str(option.prompt) for option in self.option_list.options]

    def fill(self, rows: Iterable[tuple[Text, Target | None]], *, kept: bool = False) -> None:
        """Replace the rows, keeping the cursor on the same target when it is still listed.

        ``kept``: the panel keeps this list of rows, unchanged, and may pass it again (its
        rows per view: ``t`` back and forth); its options are then reused, with what the
        list measured of them."""
        option_list = self.option_list
        before = self.highlighted_target
        options = self._options.get(id(rows)) if kept else None
        again = options is not None and options[0] is rows
        if not again:
            given = rows
            rows = list(rows)
            options = (given, [Option(inert_text(label), disabled=target is None) for label, target in rows])
            if kept:
                if len(self._options) >= _KEPT_LISTS:
                    del self._options[next(iter(self._options))]
                self._options[id(given)] = options
        self.targets = [target for _, target in rows]
        # One replacement, not clear + add: an empty list in between hides the scrollbar and
        # shows it again, a layout of the whole screen.
        option_list.set_options(options[1], keep_drawn=again)
        same = None
        if before is not None:
            layer, key = before.layer, before.key
            same = next((i for i, t in enumerate(self.targets)
                         if t is not None and t.key == key and t.layer == layer), None)
        option_list.highlighted = same if same is not None else next((i for i, t in enumerate(self.targets) if t), None)

    def note(self, text: str) -> None:
        """Show a one-line note instead of rows ("analysing…", "nothing found")."""
        self.fill([(Text(text, style="italic"), None)])

    def select_row(self, index: int) -> None:
        """Put the list's cursor on row ``index`` and scroll it into view."""
        option_list = self.option_list
        if 0 <= index < option_list.option_count:
            option_list.highlighted = index
            option_list.scroll_to_highlight()

    def select_target(self, layer: str, key: str) -> bool:
        """Put the list's cursor on the row of target ``(layer, key)`` if listed (focus stays
        where it is); False when it is not listed."""
        row = next((i for i, t in enumerate(self.targets) if t is not None and (t.layer, t.key) == (layer, key)), None)
        if row is not None:
            self.select_row(row)
        return row is not None

    def action_cursor(self, direction: str) -> None:
        """j / k move the list's cursor, as in the article."""
        option_list = self.option_list
        option_list.action_cursor_down() if direction == "down" else option_list.action_cursor_up()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()  # the screen hears TargetChosen, not the list's own message
        target = self.targets[event.option_index] if event.option_index < len(self.targets) else None
        if target is not None:
            self.post_message(TargetChosen(self, target.layer, target.key, target.label, target.mentions))
