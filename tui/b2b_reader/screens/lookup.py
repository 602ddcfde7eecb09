"""Word lookup: pinyin and CC-CEDICT senses, plus the entity or glossary entry the word is."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static
from textual.worker import Worker

from ..widgets.safe import inert_text
from .dialogs import dialog_css
from .workers import background, report_failure

if TYPE_CHECKING:
    from ..core.glossary import GlossaryItem

#: Dictionary entries shown; common words have a dozen and the first few are the point.
MAX_ENTRIES = 8


@dataclass(frozen=True)
class Known:
    """What the document's analysis says the word is: an entity or a glossary term."""

    entities: tuple[tuple[str, str], ...] = ()  # (type, canonical name)
    term: GlossaryItem | None = None  # an ``Analysis.glossary`` item


class LookupScreen(ModalScreen[None]):
    """Shows one word; the dictionary is read in a worker so the screen opens at once."""

    DEFAULT_CSS = dialog_css("LookupScreen", "lookup-body")

    BINDINGS = [("escape,q,enter", "dismiss", "Close")]

    def __init__(self, shown: str, canonical: str, known: Known, convert=lambda text: text) -> None:
        super().__init__()
        self.shown = shown
        self.canonical = canonical
        self.known = known
        self.convert = convert  # canonical → current view, for Chinese explanations

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="lookup-body") as body:
            body.border_title = "Look up"
            yield Static(inert_text(self._head(None)), id="lookup-head")
            yield Static(inert_text(self._known()), id="lookup-known")
            yield Static(Text("looking up…", style="dim"), id="lookup-senses")
            yield Static(Text("esc closes", style="dim"))

    def on_mount(self) -> None:
        self.look_up()

    @background(exclusive=True, group="lookup")
    def look_up(self) -> None:
        from ..core.dictionary import lookup

        result = lookup(self.canonical)
        self.app.call_from_thread(self._show, result)

    @on(Worker.StateChanged)
    def _failed(self, event: Worker.StateChanged) -> None:
        if report_failure(self, event):
            self.query_one("#lookup-senses", Static).update(Text("The dictionary could not be read.", style="dim"))

    def _show(self, result) -> None:
        self.query_one("#lookup-head", Static).update(inert_text(self._head(result)))
        self.query_one("#lookup-senses", Static).update(inert_text(self._senses(result)))

    def _head(self, result) -> Text:
        text = Text(self.shown, style="bold")
        if self.shown != self.canonical:
            text.append(f"  {self.canonical}")
        if result is not None and result.pinyin:
            text.append(f"  {result.pinyin}", style="italic")
        return text

    def _known(self) -> Text:
        text = Text()
        for kind, name in self.known.entities:
            text.append(f"{kind}", style="bold")
            text.append(f"  {self.convert(name)}\n")
        term = self.known.term
        if term:
            text.append("glossary", style="bold")
            text.append(f"  {self.convert(term.term)}")
            if term.category:
                text.append(f"  ({term.category})", style="dim")
            if term.en:
                text.append(f"\n{term.en}")
            if term.zh:
                text.append(f"\n{self.convert(term.zh)}")
            text.append("\n")
        return text

    def _senses(self, result) -> Text:
        text = Text()
        if not result.entries:
            text.append("Not in CC-CEDICT." if result.note is None else result.note, style="dim")
            return text
        for entry in sorted(result.entries, key=_minor)[:MAX_ENTRIES]:
            form = entry.simplified if entry.simplified == entry.traditional else f"{entry.traditional} / {entry.simplified}"
            text.append(form, style="bold")
            text.append(f"  [{entry.pinyin}]\n", style="italic")
            text.append("  " + "; ".join(entry.definitions) + "\n")
        if len(result.entries) > MAX_ENTRIES:
            text.append(f"… {len(result.entries) - MAX_ENTRIES} more", style="dim")
        if result.note:
            text.append("\n" + result.note, style="dim")
        return text


def _minor(entry) -> tuple[bool, bool]:
    """Sort key putting "old variant of" senses and surnames (capitalised readings) last."""
    variant = all(d.startswith(("old variant of", "variant of", "archaic variant of")) for d in entry.definitions)
    return variant, entry.pinyin[:1].isupper()


def look_up(host, article, analysis) -> None:
    """Show the lookup of the word under the article's word cursor (its first word if
    none), with what the analysis knows of it."""
    if article.word is None:
        article.action_word_next()
        if article.word is None:
            host.notify("No word in this paragraph", timeout=1.5)
            return
    paragraph, (start, end) = article.cursor, article.word
    views, script, variant = article.views, article.script, article.variant
    spans = article.spans_at(paragraph, start, end)
    entities = tuple(dict.fromkeys((s.type, s.key) for s in spans if s.layer == "entity"))
    terms = {s.key for s in spans if s.layer == "term"}
    term = next((g for g in analysis.glossary if g.term in terms), None) if analysis else None
    view = views.get(script, variant, paragraph)
    shown = view.text[view.map.to_view(start):view.map.to_view(end, end=True)]
    host.app.push_screen(LookupScreen(shown, views.canonical(paragraph)[start:end], Known(entities, term),
                                      lambda text: views.text(script, variant, text)))
