"""The title bar and the lines under the article: plain Text from document data, never markup."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.strip import Strip
from textual.widget import Widget

from ..core.inert import inert
from .safe import inert_text
from .strips import text_strip

_KEY_NAMES = {"space": "space", "pagedown": "PgDn", "pageup": "PgUp", "question_mark": "?",
              "right_square_bracket": "]", "left_square_bracket": "[", "slash": "/",
              "home": "Home", "end": "End", "down": "↓", "up": "↑", "tab": "tab",
              "escape": "esc", "f1": "F1", "ctrl+p": "ctrl+p", "apostrophe": "'",
              "enter": "⏎", "left": "←", "right": "→", "colon": ":", "percent_sign": "%",
              "full_stop": ".", "comma": ",", "delete": "Del"}


def key_label(keys: str) -> str:
    """Readable form of a binding's keys (``j,down`` → ``j / ↓``)."""
    return " / ".join(_KEY_NAMES.get(k.strip(), inert(k.strip(), line=True)) for k in keys.split(","))



class Lines(Widget):
    """Named rows of styled Text, each drawn as a single Strip (data, never markup).

    Drawn through Static's content pipeline, a line like these cost a few milliseconds of
    the first frame and of every repaint. ``ROWS`` names the rows (each an attribute holding
    its Text); ``ROW_STYLES`` gives a row a component class for its base style.
    """

    ROWS: tuple[str, ...] = ("content",)
    ROW_STYLES: dict[str, str] = {}

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        for name in self.ROWS:
            setattr(self, name, Text())
        self._strips: dict[int, tuple[int, Style, Strip]] = {}  # row -> (width, base, strip)

    def _set(self, row: int, text: Text) -> None:
        """Show ``text`` on ``row``: a fixed number of lines, so never a layout pass.

        Titles, headings and notes come from documents and files: made inert here.
        """
        setattr(self, self.ROWS[row], inert_text(text))
        self._strips.pop(row, None)
        self.refresh()

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if y >= len(self.ROWS):
            return Strip.blank(width, self.rich_style)
        component = self.ROW_STYLES.get(self.ROWS[y])
        base = self.get_component_rich_style(component) if component else self.rich_style
        cached = self._strips.get(y)
        if cached is not None and cached[0] == width and cached[1] == base:
            return cached[2]
        text = getattr(self, self.ROWS[y]).copy()
        text.truncate(width, overflow="ellipsis")
        strip = text_strip(text, self.app.console, base, width)
        self._strips[y] = (width, base, strip)
        return strip

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()


class TitleBar(Lines):
    """The document's title in the current script (``content``)."""

    DEFAULT_CSS = "TitleBar { height: 1; }"

    def show_document(self, title: Text, date: str | None, inferred: bool, truncated: bool) -> None:
        """The title, the date relative dates are read against, and a banner when the
        document was too large to read whole (not only a notification that fades)."""
        note = f"{date} (inferred)" if date and inferred else (date or "")
        if truncated:
            note = f"{note}  ⚠ too large: only the first part was read".strip()
        self.show(title, note)

    def show(self, title: str | Text, note: str = "") -> None:
        """The title (plain, or Text with its annotations styled), then ``note`` dimmed."""
        text = Text("", style="bold", no_wrap=True, overflow="ellipsis")
        text.append_text(title if isinstance(title, Text) and title.plain else Text(str(title or "") or "(untitled)"))
        if note:
            text.append(f"  {note}", style="dim")
        self._set(0, text)


class InfoLines(Lines):
    """The three lines under the article: the highlight legend, the status line (script and
    variant, position, section, what analysis is doing) and the main keys.

    One widget, not three: before the first frame each widget costs its own styling,
    mounting and messages (two fewer: ~2.5% of start-up, bench/startup.py). Each line is
    plain Text drawn as one Strip; ``legend``, ``status`` and ``keys`` are those Texts.
    The keys line shows the keys that matter most first (a ranking the screen gives), as
    many as fit, and keeps Help ("all keys") and Quit at the end whatever the width, so
    an 80-column terminal still shows how to find the rest and leave.
    """

    DEFAULT_CSS = "InfoLines { height: 3; }"
    ROWS = ("legend", "status", "keys")
    ROW_STYLES = {"status": "info-lines--status", "keys": "info-lines--keys"}
    COMPONENT_CLASSES = set(ROW_STYLES.values())
    PINNED = ("help", "quit")
    _shown: tuple = ()

    def show_legend(self, article) -> None:
        """The highlight styles, one per type, with the key that shows or hides each."""
        from ..core.entity_types import HIGHLIGHTS

        text = Text(no_wrap=True, overflow="ellipsis")
        if not article.highlight:
            text.append(" highlighting off (H) ", style="dim")
        else:
            for kind in HIGHLIGHTS:
                text.append(f" {kind.digit}:", style="dim")
                hidden = kind.key in article.hidden_types
                text.append(kind.key, style="dim strike" if hidden else article.get_component_rich_style(kind.component))
        self._set(0, text)

    def show_status(self, view: str, section: str, paragraph: int, total: int, info: str = "") -> None:
        """Script and variant, position, section and what analysis is doing."""
        percent = round(100 * (paragraph + 1) / max(total, 1))
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(f" {view} ", style="reverse")
        text.append(f"  ¶ {paragraph + 1}/{total}  {percent}%")
        if section:
            text.append("  § ")
            text.append(section)
        if info:
            text.append(f"  {info}", style="dim")
        self._set(1, text)

    _labels: dict[str, str] = {}

    def show_bindings(self, bindings, rank: tuple[str, ...] = (), labels: dict[str, str] | None = None) -> None:
        """The main keys: those whose ids ``rank`` lists, in its order (without a ranking,
        the bindings marked ``show``); ``labels``: shorter descriptions by id."""
        by_id = {b.id: b for b in bindings if b.id}
        if rank:
            chosen = [by_id[i] for i in rank if i in by_id]
            self._shown = (*chosen, *(by_id[i] for i in self.PINNED if i in by_id))
        else:
            self._shown = tuple(b for b in bindings if b.show)
        self._labels = dict(labels or {})
        self._draw_keys()

    def on_resize(self) -> None:
        self._draw_keys()

    def _draw_keys(self) -> None:
        width = self.size.width or self.app.size.width
        pinned = [self._piece(b) for b in self._shown if b.id in self.PINNED]
        room = width - sum(p.cell_len for p in pinned)
        text = Text(no_wrap=True, overflow="ellipsis")
        others = [self._piece(b) for b in self._shown if b.id not in self.PINNED]
        for piece in others:  # in rank order; one too long is left out, a shorter may follow
            if piece.cell_len <= room:
                text.append_text(piece)
                room -= piece.cell_len
        for piece in pinned:
            text.append_text(piece)
        self._set(2, text)

    def _piece(self, binding) -> Text:
        """`` key  description`` for a binding."""
        key = key_label(binding.key).split(" / ")[0]
        piece = Text()
        piece.append(f" {key} ", style="bold reverse")  # the key alone in reverse video
        piece.append(f" {self._labels.get(binding.id, binding.description)} ")
        return piece
