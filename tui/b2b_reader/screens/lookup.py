"""Word lookup: pinyin and CC-CEDICT senses, plus the entity or glossary entry the word is.

Inside the dialog ``l``/``h`` step to the paragraph's next or previous word (the article's
word cursor follows), digits follow CC-CEDICT's cross-references ("see X", "variant of X")
and backspace comes back, and ``m`` closes it to go through the entity's or term's mentions
with n/N, as choosing it in a panel does.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static
from textual.worker import Worker

from ..widgets.safe import inert_text
from .dialogs import dialog_css
from .workers import background, report_failure
from .scrolling import move, scroll_bindings

if TYPE_CHECKING:
    from ..core.glossary import GlossaryItem
    from ..widgets.panel_base import Target

#: Dictionary entries shown; common words have a dozen and the first few are the point.
MAX_ENTRIES = 8
#: Entries shown per character of a word CC-CEDICT lacks.
MAX_CHARACTER_ENTRIES = 2

Mention = tuple[int, int, int]


@dataclass(frozen=True)
class Known:
    """What the document's analysis says the word is: an entity or a glossary term."""

    entities: tuple[tuple[str, str], ...] = ()  # (type, canonical name)
    term: GlossaryItem | None = None  # an ``Analysis.glossary`` item
    mentions: tuple[tuple[str, str, tuple[Mention, ...]], ...] = ()  # (layer, key, mentions)


@dataclass(frozen=True)
class Subject:
    """What the dialog shows: a word of the article (``place``) or a followed reference."""

    shown: str  # as in the current view
    canonical: str  # what is looked up
    known: Known = Known()
    place: Mention | None = None  # (paragraph, start, end) in the article, canonical


class LookupScreen(ModalScreen["Target | None"]):
    """Shows one word; the dictionary is read in a worker so the screen opens at once.

    Dismissed by ``m`` with a :class:`Target` (layer, key, label, mentions) for the reader
    to follow."""

    DEFAULT_CSS = dialog_css("LookupScreen", "lookup-body")

    BINDINGS = [
        Binding("escape,q,enter", "dismiss", "Close"),
        Binding("l,right", "step(1)", "Next word"),
        Binding("h,left", "step(-1)", "Previous word"),
        Binding("backspace,b", "back", "Back"),
        Binding("m", "mentions", "Mentions"),
        *(Binding(str(n), f"follow({n})", show=False) for n in range(1, 10)),
        *scroll_bindings(page_up="ctrl+b,pageup"),  # b is back
    ]

    def __init__(self, subject: Subject, convert=lambda text: text, step=None) -> None:
        super().__init__()
        self.subject = subject
        self.convert = convert  # canonical → current view, for Chinese explanations
        self.step_to = step  # (subject, ±1) → the paragraph's next/previous word, or None
        self.history: list[Subject] = []  # followed references: back returns
        self.references: list[str] = []  # the shown entries' cross-references, numbered

    @property
    def shown(self) -> str:
        return self.subject.shown

    @property
    def canonical(self) -> str:
        return self.subject.canonical

    def action_move(self, how: str) -> None:
        """A long entry scrolls with the article's keys (j/k, space, ctrl+d/ctrl+u, g/G)."""
        move(self.query_one("#lookup-body", VerticalScroll), how)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="lookup-body") as body:
            body.border_title = "Look up"
            yield Static(inert_text(self._head(None)), id="lookup-head")
            yield Static(inert_text(self._known()), id="lookup-known")
            yield Static(Text("looking up…", style="dim"), id="lookup-senses")
            yield Static(self._keys(), id="lookup-keys")

    def on_mount(self) -> None:
        self.look_up(self.subject.canonical)

    def show(self, subject: Subject) -> None:
        """Show another word (stepped to or followed) in the same dialog."""
        self.subject, self.references = subject, []
        self.query_one("#lookup-head", Static).update(inert_text(self._head(None)))
        self.query_one("#lookup-known", Static).update(inert_text(self._known()))
        self.query_one("#lookup-senses", Static).update(Text("looking up…", style="dim"))
        self.query_one("#lookup-keys", Static).update(self._keys())
        self.look_up(subject.canonical)

    @background(exclusive=True, group="lookup")
    def look_up(self, word: str) -> None:
        from ..core.dictionary import lookup

        result = lookup(word)
        self.app.call_from_thread(self._show, word, result)

    @on(Worker.StateChanged)
    def _failed(self, event: Worker.StateChanged) -> None:
        if report_failure(self, event):
            self.query_one("#lookup-senses", Static).update(Text("The dictionary could not be read.", style="dim"))

    def _show(self, word: str, result) -> None:
        if word != self.subject.canonical:
            return  # stepped on meanwhile
        from ..core.dictionary import references

        self.references = references(result.entries, word)[:9]
        self.query_one("#lookup-head", Static).update(inert_text(self._head(result)))
        self.query_one("#lookup-senses", Static).update(inert_text(self._senses(result)))
        self.query_one("#lookup-keys", Static).update(self._keys())

    # -- keys ------------------------------------------------------------------------------

    def action_step(self, delta: int) -> None:
        """The paragraph's next (previous) word, the article's word cursor following."""
        found = self.step_to(self.subject, delta) if self.step_to and self.subject.place else None
        if found is None:
            self.notify("Last word of the paragraph" if delta > 0 else "First word of the paragraph", timeout=1.5)
            return
        self.history.clear()
        self.show(found)

    def action_follow(self, number: int) -> None:
        """Follow cross-reference ``number`` ("see X", "variant of X") of the shown entries."""
        if not 1 <= number <= len(self.references):
            return
        word = self.references[number - 1]
        self.history.append(self.subject)
        self.show(Subject(self.convert(word), word))

    def action_back(self) -> None:
        """Back from a followed cross-reference."""
        if self.history:
            self.show(self.history.pop())

    def action_mentions(self) -> None:
        """Close, and go through the entity's (else the term's) mentions with n/N."""
        if not self.subject.known.mentions:
            self.notify("Not an entity or glossary term of this document", timeout=1.5)
            return
        from ..widgets.panel_base import Target

        layer, key, mentions = self.subject.known.mentions[0]
        self.dismiss(Target(layer, key, self.convert(key), mentions))  # the opener follows them (look_up)

    # -- text --------------------------------------------------------------------------------

    def _head(self, result) -> Text:
        text = Text(self.shown, style="bold")
        if self.shown != self.canonical:
            text.append(f"  {self.canonical}")
        if result is not None and result.pinyin:
            text.append(f"  {result.pinyin}", style="italic")
        return text

    def _known(self) -> Text:
        known = self.subject.known
        counts = {key: len(mentions) for _, key, mentions in known.mentions}
        text = Text()
        for kind, name in known.entities:
            text.append(f"{kind}", style="bold")
            text.append(f"  {self.convert(name)}")
            if name in counts:
                text.append(f"  {_times(counts[name])} in the document", style="dim")
            text.append("\n")
        term = known.term
        if term:
            text.append("glossary", style="bold")
            text.append(f"  {self.convert(term.term)}")
            if term.category:
                text.append(f"  ({term.category})", style="dim")
            if not known.entities and term.term in counts:
                text.append(f"  {_times(counts[term.term])} in the document", style="dim")
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
            for char, entries in result.characters:
                text.append(f"\n{self.convert(char)}", style="bold")
                if not entries:
                    text.append("  not in CC-CEDICT", style="dim")
                for entry in sorted(entries, key=_minor)[:MAX_CHARACTER_ENTRIES]:
                    text.append(f"  [{entry.pinyin}] ", style="italic")
                    text.append("; ".join(entry.definitions))
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

    def _keys(self) -> Text:
        """The dialog's keys, with the cross-references the digits follow."""
        text = Text()
        for number, word in enumerate(self.references, 1):
            text.append(f"{number}", style="bold")
            text.append(f" → {self.convert(word)}  ")
        if self.references:
            text.append("\n")
        keys = ["esc closes"]
        if self.subject.place is not None and self.step_to is not None:
            keys.append("h/l previous/next word")
        if self.history:
            keys.append("backspace back")
        if self.subject.known.mentions:
            keys.append("m its mentions (then n/N)")
        text.append("  ·  ".join(keys), style="dim")
        return text


def _times(count: int) -> str:
    return f"{count} mention" + ("s" if count != 1 else "")


def _minor(entry) -> tuple[bool, bool]:
    """Sort key putting "old variant of" senses and surnames (capitalised readings) last."""
    variant = all(d.startswith(("old variant of", "variant of", "archaic variant of")) for d in entry.definitions)
    return variant, entry.pinyin[:1].isupper()


def subject_at(article, analysis, paragraph: int, start: int, end: int) -> Subject:
    """The lookup subject of ``[start, end)`` of ``paragraph``, with what the analysis knows."""
    views, script, variant = article.views, article.script, article.variant
    spans = article.spans_at(paragraph, start, end)
    entities = tuple(dict.fromkeys((s.type, s.key) for s in spans if s.layer == "entity"))
    terms = {s.key for s in spans if s.layer == "term"}
    term = next((g for g in analysis.glossary if g.term in terms), None) if analysis else None
    mentions: list[tuple[str, str, tuple[Mention, ...]]] = []
    if analysis is not None:
        groups = analysis.entity_groups()
        for kind, key in entities:
            found = next((m for k, m in groups.get(kind, ()) if k == key), None)
            if found:
                mentions.append(("entity", key, found))
        if term is not None and term.occurrences:
            mentions.append(("term", term.term, tuple(term.occurrences)))
    view = views.get(script, variant, paragraph)
    shown = view.text[view.map.to_view(start):view.map.to_view(end, end=True)]
    return Subject(shown, views.canonical(paragraph)[start:end], Known(entities, term, tuple(mentions)),
                   (paragraph, start, end))


def look_up(host, article, analysis) -> None:
    """Show the lookup of the word under the article's word cursor (its first word if
    none), with what the analysis knows of it."""
    if article.word is None:
        article.action_word_next()
        if article.word is None:
            host.notify("No word in this paragraph", timeout=1.5)
            return

    def step(subject: Subject, delta: int) -> Subject | None:
        paragraph, start, end = subject.place
        words = article.words_of(paragraph)
        following = [w for w in words if w[0] >= end] if delta > 0 else [w for w in words if w[1] <= start]
        if not following:
            return None
        word = following[0] if delta > 0 else following[-1]
        article.set_word(paragraph, *word)
        return subject_at(article, analysis, paragraph, *word)

    subject = subject_at(article, analysis, article.cursor, *article.word)
    script, variant, views = article.script, article.variant, article.views
    def chosen(target: Target | None) -> None:  # m: the mentions, followed as if chosen in a panel
        if target is not None:
            from ..widgets.panel_base import TargetChosen

            host.post_message(TargetChosen(host, target.layer, target.key, target.label, target.mentions))

    host.app.push_screen(LookupScreen(subject, lambda text: views.text(script, variant, text), step), chosen)
