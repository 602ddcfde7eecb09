"""Small modal dialogs of the reader: bookmarks list, document date, a file to write."""

from __future__ import annotations

import os

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static
from textual.widgets.option_list import Option

from ..core.models import check_date
from ..core.state import Bookmark
from ..core.inert import inert
from ..widgets.option_list import OptionList
from ..widgets.safe import inert_text


def dialog_css(screen: str, body: str, height: str = "auto") -> str:
    """Styles of a centred modal dialog ``screen`` whose framed body has id ``body``.

    Each dialog carries its own (``DEFAULT_CSS``), so Textual parses them when a dialog is
    first shown rather than before the reader's first frame.
    """
    return f"""
    {screen} {{ align: center middle; }}
    {screen} #{body} {{
        width: 80%; max-width: 90; height: {height}; max-height: 80%;
        border: round $accent; background: $surface; padding: 1 2;
    }}
    """


class BookmarksScreen(ModalScreen[int | None]):
    """The document's bookmarks, each with its label and the start of its paragraph (two
    lines of the width there is): enter jumps (returns the paragraph), e edits the label,
    d deletes."""

    DEFAULT_CSS = dialog_css("BookmarksScreen", "bookmarks-body") + "#bookmarks-list { height: auto; max-height: 24; }"

    BINDINGS = [
        Binding("escape,q", "dismiss(None)", "Close"),
        Binding("d,delete", "delete", "Delete bookmark"),
        Binding("e", "edit", "Edit label"),
    ]

    def __init__(self, bookmarks: list[Bookmark], excerpt, delete, relabel=None) -> None:
        super().__init__()
        self.bookmarks = list(bookmarks)
        self.excerpt = excerpt  # (paragraph index, cells) → the paragraph's start in that many cells
        self.delete = delete  # paragraph index → True if deleted
        self.relabel = relabel  # (paragraph index, label) → True if saved

    def compose(self) -> ComposeResult:
        with Vertical(id="bookmarks-body") as body:
            body.border_title = "Bookmarks"
            body.border_subtitle = "enter jump · e label · d delete · esc close"
            yield OptionList(id="bookmarks-list")

    def on_mount(self) -> None:
        self._fill()
        self.query_one(OptionList).focus()

    def on_resize(self) -> None:
        self._fill()  # the excerpts take the width there is

    def _fill(self) -> None:
        options = self.query_one(OptionList)
        highlighted = options.highlighted
        options.clear_options()
        if not self.bookmarks:
            options.add_option(Option(Text("No bookmarks yet: m marks the current paragraph.", style="dim"),
                                      disabled=True))
            return
        # Two lines of the list's width (less the indent) for the paragraph's start.
        width = max((options.size.width or 76) - 8, 20)
        for mark in self.bookmarks:
            label = Text(f"¶{mark.paragraph + 1:<6}", style="bold")
            if mark.label:
                label.append(inert(mark.label, line=True), style="bold")
                label.append("\n" + " " * 7)
            label.append(self.excerpt(mark.paragraph, 2 * width), style="dim" if mark.label else "")
            options.add_option(Option(inert_text(label)))
        options.highlighted = min(highlighted or 0, len(self.bookmarks) - 1)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.bookmarks[event.option_index].paragraph)

    def action_delete(self) -> None:
        index = self.query_one(OptionList).highlighted
        if index is None or not self.bookmarks:
            return
        if self.delete(self.bookmarks[index].paragraph):
            del self.bookmarks[index]
            self._fill()

    def action_edit(self) -> None:
        """Edit the highlighted bookmark's label."""
        index = self.query_one(OptionList).highlighted
        if index is None or not self.bookmarks or self.relabel is None:
            return
        mark = self.bookmarks[index]

        def chosen(label: str | None) -> None:
            if label is not None and self.relabel(mark.paragraph, label):
                self.bookmarks[index] = mark._replace(label=" ".join(label.split()))
                self._fill()

        self.app.push_screen(LabelScreen(mark.paragraph, mark.label), chosen)


class LabelScreen(ModalScreen[str | None]):
    """Asks for a bookmark's label (empty: none); escape leaves it as it was."""

    DEFAULT_CSS = dialog_css("LabelScreen", "label-body")

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel")]

    def __init__(self, paragraph: int, current: str = "") -> None:
        super().__init__()
        self.paragraph = paragraph
        self.current = inert(current, line=True)

    def compose(self) -> ComposeResult:
        with Vertical(id="label-body") as body:
            body.border_title = f"Bookmark ¶{self.paragraph + 1}"
            yield Static(Text("Label (enter saves, empty for none; esc leaves it as it was):"))
            yield Input(value=self.current, placeholder="e.g. 下沉市场 figures", id="label-input")

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip())


class DateScreen(ModalScreen[str | None]):
    """Asks for the document's date (YYYY, YYYY-MM or YYYY-MM-DD); empty resets to inferred."""

    DEFAULT_CSS = dialog_css("DateScreen", "date-body") + "#date-error { height: auto; }"

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel")]

    def __init__(self, current: str | None, inferred: bool) -> None:
        super().__init__()
        self.current = inert(current or "", line=True)
        self.inferred = inferred

    def compose(self) -> ComposeResult:
        with Vertical(id="date-body") as body:
            body.border_title = "Document date"
            note = "inferred from the text" if self.inferred else "given"
            yield Static(Text(f"Relative dates (今年, 去年3月) are resolved against it. Now: "
                              f"{self.current or 'unknown'} ({note}).\nYYYY-MM or YYYY-MM-DD; empty: infer from the text."))
            yield Input(value=self.current, placeholder="2023-11", id="date-input")
            yield Static("", id="date-error")

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        if not value:
            self.dismiss("")
            return
        checked = check_date(value)
        if checked is None:
            self.query_one("#date-error", Static).update(Text(f"Not a date: {value!r}", style="bold red"))
            return
        self.dismiss(checked)


class PathScreen(ModalScreen[str | None]):
    """Asks for a file name to write to (an export, an excerpt too large to copy).

    It opens with the name unfocused: keys typed while it appears (the reader's j, k, …,
    or type-ahead while a copy was failing) do nothing. Enter writes to the name shown;
    tab (or e) goes into the name to edit it. The folder written to is shown as it changes.
    """

    DEFAULT_CSS = dialog_css("PathScreen", "path-body") + "#path-folder, #path-keys { height: auto; }"

    AUTO_FOCUS = ""  # nothing focused: a key pressed as the dialog opens cannot land in the name

    BINDINGS = [
        Binding("escape", "dismiss(None)", "Cancel"),
        Binding("enter", "submit", "Write", show=False),
        Binding("e", "edit", "Edit the name", show=False),
    ]

    def __init__(self, title: str, message: str, default: str) -> None:
        super().__init__()
        self.title_text = title
        self.message = message
        self.default = default

    def compose(self) -> ComposeResult:
        with Vertical(id="path-body") as body:
            body.border_title = self.title_text
            yield Static(Text(inert(self.message)))
            yield Input(value=inert(self.default, line=True), id="path-input")
            yield Static(self._folder(self.default), id="path-folder")
            yield Static(Text("enter writes · tab or e edits the name · esc cancels", style="dim"), id="path-keys")

    @staticmethod
    def _folder(name: str) -> Text:
        """Where ``name`` would be written (as the core resolves it: ~ expanded, relative to here)."""
        folder = os.path.dirname(os.path.abspath(os.path.expanduser(name.strip() or ".")))
        return Text.assemble(("Folder: ", "dim"), inert(folder, line=True))

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        self.query_one("#path-folder", Static).update(self._folder(event.value))

    def action_edit(self) -> None:
        self.query_one(Input).focus()

    def action_submit(self) -> None:
        self.dismiss(self.query_one(Input).value.strip() or None)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip() or None)
