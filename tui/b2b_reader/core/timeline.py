"""The timeline of a document: its date expressions, the date it was written, and dated events.

Business articles jump between years (1999, 2007, 2012, 今年1月, 10月下旬, 最近两年); the
timeline puts what they say in order. ``core.dates`` recognises and resolves the
expressions; this module infers the document's own date from the text, resolves every
relative expression against it, and cuts the clause that carries each date into an event.

All offsets are Python indices into the canonical (simplified) paragraph texts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from .dates import label_of, parse_all, parse_base
from .models import Span
from .narrative import resolve_document
from .pubdate import publication_date
from .words import sentences as split_sentences

__all__ = [
    "TimeExpr",
    "Event",
    "infer_document_date",
    "date_document",
    "DatedText",
    "find_time_expressions",
    "build_timeline",
    "to_json",
]

#: Longest event text shown; longer clauses are cut around the date with an ellipsis.
MAX_EVENT_CHARS = 80


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A date expression found in a paragraph.

    ``start``/``end`` are offsets of ``text`` in the canonical paragraph. ``date`` is the
    design's label (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``) and ``date_start``/``date_end``
    the ISO first and last days it covers; all three are None when it cannot be resolved
    (a bare duration such as ``10多年``, a vague ``近些年``, or a relative date with no base).
    ``kind`` is ``point``, ``duration`` or ``range``; ``mod`` is ``since``/``before``/``after``
    for ``自2021年开始``, ``2015年前``. ``inferred`` is True for relative expressions, whose
    value depends on the document date.
    """

    paragraph: int
    start: int
    end: int
    text: str
    kind: str
    date: str | None
    date_start: str | None
    date_end: str | None
    precision: str | None
    inferred: bool
    mod: str = ""


@dataclass(frozen=True, slots=True)
class Event:
    """One dated thing the document says: the clause around a resolved date expression.

    ``start``/``end`` are ISO dates (as in the JSON schema); ``span_start``/``span_end`` are
    the offsets of ``phrase`` in paragraph ``paragraph``; ``sentence`` counts sentences
    within that paragraph from 0.
    """

    date: str
    start: str
    end: str
    precision: str
    inferred: bool
    kind: str
    text: str
    phrase: str
    paragraph: int
    sentence: int
    span_start: int
    span_end: int


# --------------------------------------------------------------------------- document date

def infer_document_date(paragraphs: Sequence[str], titles: Sequence[str] = ()) -> tuple[str | None, str]:
    """When the document was written: (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, or None; why).

    A date stated in the title or first line or a dateline, else the newest date the text
    reports as past, never a forecast (see ``core.pubdate``).
    """
    found = publication_date(paragraphs, None, titles)
    return found.label, found.reason


# --------------------------------------------------------------------------- expressions

@dataclass(frozen=True, slots=True)
class DatedText:
    """The date expressions of a document and the publication date they were resolved with."""

    date: str | None
    stated: bool  # the publication date was written in the text (a dateline, a title's date)
    reason: str
    expressions: list[TimeExpr]


def _vetoes(blocked: Sequence[Span]) -> dict[int, list[tuple[int, int, bool]]]:
    vetoes: dict[int, list[tuple[int, int, bool]]] = {}
    for span in blocked:
        if span.type != "date":
            vetoes.setdefault(span.paragraph, []).append((span.start, span.end, span.type == "number"))
    return vetoes


def date_document(
    paragraphs: Sequence[str], base: date | str | None = None, blocked: Sequence[Span] = (),
    titles: Sequence[str] = (),
) -> DatedText:
    """Every date expression of the canonical paragraphs, resolved in reading order.

    ``base`` is the publication date (a ``date``, or a label ``YYYY[-MM[-DD]]``); when None
    it is found in the text (``core.pubdate``: stated in ``titles`` or the first line, else
    the newest past date). Deictic words count from it, anaphors and bare dates from the
    narrative (``core.narrative``). ``blocked`` spans (names and numbers from the entity
    finder; ``date`` spans are ignored) veto any expression they overlap.
    """
    vetoes = _vetoes(blocked)
    parsed = [parse_all(text, vetoes.get(index, ())) for index, text in enumerate(paragraphs)]
    if base is None:
        found = publication_date(paragraphs, parsed, titles)
        label, stated, reason = found.label, found.stated, found.reason
    else:
        label, stated, reason = (base.isoformat() if isinstance(base, date) else base), True, "given"
    resolved = resolve_document(parsed, paragraphs, parse_base(label))
    out: list[TimeExpr] = []
    for index, (text, founds) in enumerate(zip(paragraphs, resolved)):
        for f in founds:
            value = label_of(f.first, f.precision) if f.first and f.precision else None
            out.append(TimeExpr(
                paragraph=index, start=f.start, end=f.end, text=text[f.start:f.end], kind=f.kind,
                date=value,
                date_start=f.first.isoformat() if value and f.first else None,
                date_end=f.last.isoformat() if value and f.last else None,
                precision=f.precision if value else None,
                inferred=f.relative, mod=f.mod,
            ))
    return DatedText(label, stated, reason, out)


def find_time_expressions(
    paragraphs: Sequence[str], base: date | str | None = None, blocked: Sequence[Span] = ()
) -> list[TimeExpr]:
    """Every date expression of the canonical paragraphs (:func:`date_document`'s list)."""
    return date_document(paragraphs, base, blocked).expressions


# --------------------------------------------------------------------------- events

_CLAUSE_END = re.compile(r"[，,：:]")


def _clause_start(text: str, lo: int, pos: int) -> int:
    """Start of the clause holding ``pos``: just after the last comma or colon before it."""
    cut = lo
    for m in _CLAUSE_END.finditer(text, lo, pos):
        cut = m.end()
    return cut


def _trim(text: str, phrase_at: int) -> str:
    """Shorten an event text to :data:`MAX_EVENT_CHARS`, keeping the date phrase in view."""
    text = text.strip()
    if len(text) <= MAX_EVENT_CHARS:
        return text
    left = max(0, min(phrase_at - 10, len(text) - MAX_EVENT_CHARS))
    head = "…" if left else ""
    return head + text[left: left + MAX_EVENT_CHARS - len(head) - 1] + "…"


def build_timeline(
    paragraphs: Sequence[str], base: date | str | None = None, blocked: Sequence[Span] = (),
    expressions: Sequence[TimeExpr] | None = None,
) -> list[Event]:
    """Dated events of the document in date order (earliest first, then reading order).

    An event is the text around a resolved date expression: the sentence when it holds
    one date, otherwise from the date's clause to the next date's clause. Durations and
    ranges keep their ``kind``; bare durations and vague spans (``10多年`` alone,
    ``近些年``) have no date and are left out. ``expressions``, when given, are the result
    of ``find_time_expressions(paragraphs, base, blocked)`` already computed by the caller
    (the pipeline needs both; scanning twice doubled the cost of dates), possibly on a
    normalised copy of the same length (full-width digits as ASCII): texts and phrases
    are taken from ``paragraphs``.
    """
    if expressions is None:
        expressions = find_time_expressions(paragraphs, base, blocked)
    exprs = [e for e in expressions if e.date]
    events: list[Event] = []
    by_paragraph: dict[int, list[TimeExpr]] = {}
    for e in exprs:
        by_paragraph.setdefault(e.paragraph, []).append(e)
    for index, items in by_paragraph.items():
        text = paragraphs[index]
        sentences = split_sentences(text)
        for e in items:
            if e.date is None or e.date_start is None or e.date_end is None or e.precision is None:
                continue  # (resolved is all four or none: exprs holds the resolved)
            number = next((i for i, (s, t) in enumerate(sentences) if s <= e.start < t), len(sentences) - 1)
            s_lo, s_hi = sentences[number] if sentences else (0, len(text))
            peers = [p for p in items if s_lo <= p.start < s_hi]
            lo, hi = s_lo, s_hi
            if len(peers) > 1:
                lo = _clause_start(text, s_lo, e.start)
                later = [p for p in peers if p.start > e.start]
                if later:
                    hi = max(_clause_start(text, s_lo, later[0].start), e.end)
            events.append(Event(
                date=e.date, start=e.date_start, end=e.date_end, precision=e.precision,
                inferred=e.inferred, kind=e.kind, text=_trim(text[lo:hi], e.start - lo),
                phrase=text[e.start:e.end], paragraph=index, sentence=number, span_start=e.start, span_end=e.end,
            ))
    # One event per thing said: a date repeated in a paragraph (双11 … 双11) is one event.
    seen: set[tuple[int, str, str]] = set()
    unique = []
    for ev in sorted(events, key=lambda ev: (ev.paragraph, ev.span_start)):
        if (ev.paragraph, ev.phrase, ev.date) not in seen:
            seen.add((ev.paragraph, ev.phrase, ev.date))
            unique.append(ev)
    unique.sort(key=lambda ev: (ev.start, ev.paragraph, ev.span_start))
    return unique


def to_json(event: Event) -> dict[str, object]:
    """An event as the ``timeline`` item of ``analyze --json`` (plus its ``kind``)."""
    return {
        "date": event.date, "start": event.start, "end": event.end,
        "precision": event.precision, "inferred": event.inferred, "kind": event.kind,
        "text": event.text, "paragraph": event.paragraph, "sentence": event.sentence,
    }
