"""Annotated excerpts: a passage with its citation, entities, glossary terms and dates.

What a reader copies out of the tool carries its context. :func:`build_excerpt` gathers
everything about paragraphs ``first..last`` (optionally narrowed to a character range for
sentence selections) in the chosen script and variant; :func:`render` writes it as
Markdown (the default), plain text or JSON.

Every string that leaves this module went through ``cleaning.scrub_controls`` (no C0/C1
controls, no ESC, no bidi controls), and in Markdown the few characters that would make a
renderer act (raw HTML, images) are backslash-escaped. Rich markup such as
``[@click=app.quit]`` stays literal text: whoever displays it must not parse markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from .cleaning import scrub_controls
from .excerpt_render import (  # noqa: F401 (re-exported: callers import them from here)
    FORMATS, NOT_READY, TYPE_NAMES, citation, describe_date, md_escape, render, to_json)
from .models import Span
from .script import view_key

if TYPE_CHECKING:
    from .glossary import GlossaryItem
    from .pipeline import Analysis, Loaded
    from .script import Views

_LABEL = re.compile(r"^\d{4}(?:-\d{2}){0,2}$")
_PRECISION_OF_LABEL = {4: "year", 7: "month", 10: "day"}


@dataclass(frozen=True)
class EntityNote:
    """One thing named in the passage: its type, the forms shown, and its canonical name."""

    type: str
    text: str  # first form as shown in the passage
    forms: tuple[str, ...]  # every distinct form shown, in order
    canonical: str  # the lexicon's key (simplified)
    canonical_shown: str  # the canonical name in the excerpt's script


@dataclass(frozen=True)
class TermNote:
    """A glossary term found in the passage, with its one-line definitions."""

    term: str  # the glossary's key (simplified)
    text: str  # the form as shown in the passage
    pinyin: str
    en: str
    zh: str  # the Chinese definition in the excerpt's script
    category: str
    term_shown: str = ""  # the glossary's term in the excerpt's script, when the passage uses an alias


@dataclass(frozen=True)
class DateNote:
    """A date phrase of the passage and what it resolves to (``date`` None: unresolved)."""

    text: str
    date: str | None
    start: str | None
    end: str | None
    precision: str | None
    relative: bool | None  # resolved against the document date (None: not known)
    kind: str = "point"  # "point", "duration" (最近两年) or "range"


@dataclass(frozen=True)
class Excerpt:
    """Paragraphs ``first..last`` (0-based) of a document with citation and annotations."""

    title: str
    sections: tuple[str | None, ...]  # section titles covered, None for the introduction
    first: int
    last: int
    script: str
    variant: str
    paragraphs: tuple[str, ...]  # passage in the excerpt's script and variant
    simplified: tuple[str, ...]
    traditional: tuple[str, ...]  # in ``variant`` (standard when the variant is "std")
    source: str
    date: str | None
    date_inferred: bool
    annotated: bool  # False: analysis not ready, lists below are empty
    partial: bool = False  # narrowed to a character range inside the paragraphs
    entities: tuple[EntityNote, ...] = ()
    terms: tuple[TermNote, ...] = ()
    dates: tuple[DateNote, ...] = ()

    @property
    def numbers(self) -> str:
        """Paragraph numbers as shown to users (1-based): ``18`` or ``18–19``."""
        if self.first == self.last:
            return str(self.first + 1)
        return f"{self.first + 1}–{self.last + 1}"

    @property
    def traditional_variant(self) -> str:
        """The traditional variant the ``traditional`` texts are in."""
        return view_key("traditional", self.variant)[1]


def build_excerpt(
    loaded: Loaded,
    views: Views,
    analysis: Analysis | None,
    first: int,
    last: int,
    script: str = "simplified",
    variant: str = "tw",
    *,
    start: int | None = None,
    end: int | None = None,
) -> Excerpt:
    """The excerpt of paragraphs ``first..last`` (0-based, inclusive).

    ``start`` (a canonical offset in paragraph ``first``) and ``end`` (in ``last``) narrow
    it to a sentence selection. Annotations overlapping the passage are included. Views
    should have been cut at the analysis' spans (``pipeline.analysed_views``), as the reader and
    the CLI do, so offsets are exact in variants that change length.
    Raises ``IndexError`` for paragraphs outside the document.
    """
    document = loaded.document
    count = len(document.paragraphs)
    if not 0 <= first <= last < count:
        raise IndexError(f"paragraphs {first + 1}..{last + 1} outside 1..{count}")
    ranges = {}
    for i in range(first, last + 1):
        length = len(views.canonical(i))
        lo = start if i == first and start is not None else 0
        hi = end if i == last and end is not None else length
        ranges[i] = (max(0, min(lo, length)), max(0, min(hi, length)))

    def passage(s: str, v: str) -> tuple[str, ...]:
        return tuple(_clean(_slice(views, s, v, i, lo, hi)) for i, (lo, hi) in ranges.items())

    sections = []
    for i in ranges:
        section = document.section_of(i)
        title = _clean(views.heading(script, variant, section.index)) if section.title else None
        if not sections or sections[-1] != title:
            sections.append(title)
    date = analysis.date if analysis is not None else document.date
    inferred = analysis.date_inferred if analysis is not None else document.date_inferred
    excerpt = Excerpt(
        title=_clean(views.title(script, variant)), sections=tuple(sections),
        first=first, last=last, script=script, variant=variant,
        paragraphs=passage(script, variant),
        simplified=passage("simplified", "std"),
        traditional=passage("traditional", variant),
        source=_clean(" · ".join(x for x in (document.author, document.site if document.site not in document.source
                                               else "", document.source or _source_name(loaded.name)) if x)),
        date=date, date_inferred=bool(inferred and date),
        annotated=analysis is not None,
        partial=start is not None or end is not None,
    )
    if analysis is None:
        return excerpt
    spans = [s for s in analysis.spans if s.paragraph in ranges and _overlaps(s, ranges[s.paragraph])]
    spans.sort()
    return replace(
        excerpt,
        entities=_entities(spans, views, script, variant),
        terms=_terms(spans, analysis.glossary, views, script, variant),
        dates=_dates(spans, analysis, ranges, views, script, variant),
    )


# --------------------------------------------------------------------------- gathering

def _clean(text: str) -> str:
    return scrub_controls(text)


def _source_name(name: str) -> str:
    return "standard input" if name in ("", "-", "<stdin>") else name


def _overlaps(span: Span, bounds: tuple[int, int]) -> bool:
    lo, hi = bounds
    return span.start < hi and span.end > lo


def _slice(views: Views, script: str, variant: str, index: int, lo: int, hi: int) -> str:
    """Canonical ``[lo, hi)`` of a paragraph, in a view (snapping outward in changed segments)."""
    view = views.get(script, variant, index)
    return view.text[view.map.to_view(lo): view.map.to_view(hi, end=True)]


def shown(views: Views, script: str, variant: str, span: Span) -> str:
    """The text of ``span`` as shown in a view, cleaned."""
    return _clean(_slice(views, script, variant, span.paragraph, span.start, span.end))


def _entities(spans: list[Span], views: Views, script: str, variant: str) -> tuple[EntityNote, ...]:
    groups: dict[tuple[str, str], list[str]] = {}
    for span in spans:
        if span.layer != "entity" or span.type in ("date", ""):
            continue
        forms = groups.setdefault((span.type, span.key), [])
        text = shown(views, script, variant, span)
        if text not in forms:
            forms.append(text)
    return tuple(
        EntityNote(kind, forms[0], tuple(forms), _clean(key), _clean(views.text(script, variant, key)))
        for (kind, key), forms in groups.items()
    )


def _terms(spans: list[Span], glossary: list[GlossaryItem], views: Views, script: str, variant: str) -> tuple[TermNote, ...]:
    entries = {item.term: item for item in glossary}
    notes: dict[str, TermNote] = {}
    for span in spans:
        if span.layer != "term" or span.key in notes:
            continue
        item = entries.get(span.key)
        notes[span.key] = TermNote(
            term=_clean(span.key), text=shown(views, script, variant, span),
            pinyin=_clean(item.pinyin if item else ""), en=_clean(item.en if item else ""),
            zh=_clean(views.text(script, variant, item.zh if item else "")),
            category=item.category if item else span.type,
        )
        term_shown = _clean(views.text(script, variant, span.key))
        if term_shown != notes[span.key].text:  # an alias (主播 for 电商主播): name the entry too
            notes[span.key] = replace(notes[span.key], term_shown=term_shown)
    return tuple(notes.values())


def _dates(spans: list[Span], analysis: Analysis, ranges: dict[int, tuple[int, int]],
           views: Views, script: str, variant: str) -> tuple[DateNote, ...]:
    """Date phrases with their resolution; events carry the precision and the range."""
    events = [e for e in analysis.events
              if e.paragraph in ranges and ranges[e.paragraph][0] < e.span_end and e.span_start < ranges[e.paragraph][1]]
    at = {(e.paragraph, e.span_start, e.span_end): e for e in events}
    said = {(e.paragraph, e.phrase, e.date): e for e in events}
    found: list[tuple[tuple[int, int], DateNote]] = []
    used = set()
    for span in spans:
        if span.type != "date":
            continue
        phrase = views.canonical(span.paragraph)[span.start:span.end]
        event = at.get((span.paragraph, span.start, span.end)) or said.get((span.paragraph, phrase, span.key))
        text = shown(views, script, variant, span)
        if event is not None:
            used.add(id(event))
            note = _from_event(event, text)
        elif _LABEL.match(span.key):
            note = DateNote(text, span.key, None, None, _PRECISION_OF_LABEL[len(span.key)], None)
        else:
            note = DateNote(text, None, None, None, None, None)
        found.append(((span.paragraph, span.start), note))
    # Dated events the entity layer kept under another type (双11 is an event and a date).
    for e in events:
        if id(e) not in used:
            text = shown(views, script, variant, Span(e.paragraph, e.span_start, e.span_end))
            found.append(((e.paragraph, e.span_start), _from_event(e, text)))
    found.sort(key=lambda item: item[0])
    seen: set[tuple[str, str | None]] = set()
    notes = []
    for _, note in found:
        if (note.text, note.date) not in seen:
            seen.add((note.text, note.date))
            notes.append(note)
    return tuple(notes)


def _from_event(event, text: str) -> DateNote:
    return DateNote(text, event.date, event.start, event.end, event.precision, event.inferred, event.kind)


__all__ = ["Excerpt", "EntityNote", "TermNote", "DateNote", "FORMATS", "TYPE_NAMES",
           "build_excerpt", "render", "to_json", "citation", "md_escape", "describe_date", "shown"]
