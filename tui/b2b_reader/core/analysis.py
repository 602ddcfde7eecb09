"""The analysis of a document as one record (:class:`Analysis`), and its JSON form (the
disk cache's, and what the analysis child process sends back)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .models import Span

if TYPE_CHECKING:
    from .glossary import GlossaryItem
    from .span_table import SpanTable
    from .timeline import Event

#: Fields an analysis from the child process (:meth:`Analysis.deferred`) makes when first read.
_LAZY = ("spans", "events")


@dataclass
class Analysis:
    """Everything the slow pass found, on canonical text.

    ``date`` is the date relative expressions were resolved against, ``date_inferred``
    whether it came from the text rather than the document or the user.
    """

    spans: list[Span] = field(default_factory=list)
    glossary: list[GlossaryItem] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    date: str | None = None
    date_inferred: bool = False
    warnings: list[str] = field(default_factory=list)
    #: Spans in the title and the section headings (``Span.part`` says which); ``spans``
    #: holds the body's, so paragraph numbering is the body's everywhere.
    heads: list[Span] = field(default_factory=list)
    #: Glossary items found only in the title or headings (``glossary`` holds those the
    #: body has); each item of either lists its title and heading mentions in ``heads``.
    head_glossary: list[GlossaryItem] = field(default_factory=list)

    #: The grouped forms below, computed once (an analysis is complete once returned:
    #: the UI regrouped ~60k spans of a 1M-character book for every panel on every ``t``).
    _memo: dict = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def deferred(cls, table: SpanTable, events: Callable[[], list[Event]], **values) -> Analysis:
        """An analysis whose ``spans`` (from the columns of ``table``) and ``events`` are
        made when first read, on whichever thread reads them: the reader draws its first
        highlights from :meth:`by_paragraph` and :meth:`cuts`, which read ``table`` a
        paragraph at a time, and groups the panels' lists after that frame."""
        analysis = cls(**values)
        del analysis.spans, analysis.events  # now read through __getattr__
        analysis._memo.update({"table": table, "make spans": table.spans, "make events": events})
        return analysis

    def __getattr__(self, name: str):
        # Called only for an attribute not set: the fields ``deferred`` left out.
        make = self.__dict__.get("_memo", {}).get(f"make {name}") if name in _LAZY else None
        if make is None:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        with _MAKING:
            if name not in self.__dict__:  # (another thread made it meanwhile)
                with collector_paused():
                    self.__dict__[name] = make()
        return self.__dict__[name]

    def has_deferred(self) -> bool:
        """Whether some field :meth:`deferred` left out is still to be made."""
        return any(f"make {name}" in self._memo and name not in self.__dict__ for name in _LAZY)

    def _once(self, name: str, make: Callable[[], object]):
        value = self._memo.get(name)
        if value is None:
            value = self._memo[name] = make()
        return value

    def by_paragraph(self) -> Mapping[int, list[Span]]:
        """Spans grouped per paragraph, in order."""
        def make() -> Mapping[int, list[Span]]:
            if "table" in self._memo:
                from .span_table import ParagraphSpans

                return ParagraphSpans(self._memo["table"])
            grouped: dict[int, list[Span]] = {}
            for span in sorted(self.spans, key=_span_order):
                grouped.setdefault(span.paragraph, []).append(span)
            return grouped
        return self._once("by_paragraph", make)

    def part_spans(self) -> dict[tuple[str, int], list[Span]]:
        """Spans of the title (``("title", 0)``) and of each heading (``("heading", section)``)."""
        def make() -> dict[tuple[str, int], list[Span]]:
            grouped: dict[tuple[str, int], list[Span]] = {}
            for span in sorted(self.heads, key=_span_order):
                grouped.setdefault((span.part, span.paragraph), []).append(span)
            return grouped
        return self._once("part_spans", make)

    def entity_groups(self) -> dict[str, list[tuple[str, tuple[tuple[int, int, int], ...]]]]:
        """The body's entities per type (dict in first-seen order), each type's canonical
        keys most mentioned first (ties: first mention, then key), with their sorted
        mentions (paragraph, start, end): what the entity panel lists, in any view."""
        def make() -> dict:
            groups: dict[str, dict[str, list[tuple[int, int, int]]]] = {}
            table = self._memo.get("table") if "spans" not in self.__dict__ else None
            # (read from the columns when the spans are not made: no Span per row)
            found = table.entities() if table is not None else (
                (span.type, span.key, (span.paragraph, span.start, span.end)) for span in self.spans
                if span.layer == "entity")
            for kind, key, mention in found:
                groups.setdefault(kind or "", {}).setdefault(key, []).append(mention)
            return {kind: sorted(((key, tuple(sorted(m))) for key, m in entities.items()),
                                 key=lambda item: (-len(item[1]), item[1][0], item[0]))
                    for kind, entities in groups.items()}
        return self._once("entity_groups", make)

    def events_in_order(self) -> list[Event]:
        """The timeline's events in date order (then where they are read)."""
        return self._once("events", lambda: sorted(self.events, key=lambda e: (e.start, e.end, e.paragraph, e.span_start)))

    def part_cuts(self) -> dict[tuple[str, int], list[int]]:
        """Span boundaries in the title and headings, for :meth:`Views.with_cuts`."""
        return {key: [x for span in spans for x in (span.start, span.end)] for key, spans in self.part_spans().items()}

    def cuts(self) -> Mapping[int, list[int]]:
        """Span boundaries per paragraph, for cutting views that change length."""
        if "table" in self._memo:
            from .span_table import ParagraphCuts

            return ParagraphCuts(self._memo["table"])
        cuts: dict[int, list[int]] = {}
        for span in self.spans:
            cuts.setdefault(span.paragraph, []).extend((span.start, span.end))
        return cuts


_MAKING = threading.Lock()


def _span_order(span: Span) -> tuple:
    """The order of ``Span``'s compared fields, as a key: sorting through the dataclass's
    generated ``__lt__`` was a tenth of a second on a 1M-character document."""
    return (span.paragraph, span.start, span.end, span.layer, span.type, span.key)


def to_json(analysis: Analysis) -> dict:
    from dataclasses import fields

    from .timeline import Event

    # Event's fields are plain values: reading them directly gives what dataclasses.asdict
    # gives, without its recursive copying (a quarter of a second for 10,000 events).
    names = [f.name for f in fields(Event)]
    return {
        "spans": [[s.paragraph, s.start, s.end, s.layer, s.type, s.key] for s in analysis.spans],
        "heads": [[s.paragraph, s.start, s.end, s.layer, s.type, s.key, s.part] for s in analysis.heads],
        "head_glossary": [item.to_json() for item in analysis.head_glossary],
        "glossary": [item.to_json() for item in analysis.glossary],
        "events": [{name: getattr(e, name) for name in names} for e in analysis.events],
        "date": analysis.date, "date_inferred": analysis.date_inferred,
        "warnings": analysis.warnings,
    }


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic collector off meanwhile: building 10^5 spans (or rows) made it run full
    collections (0.1 s each at 1M characters) over objects that hold no cycles."""
    import gc

    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def from_json(data: dict) -> Analysis:
    """The analysis of :func:`to_json` data."""
    with collector_paused():
        return _from_json(data)


def _from_json(data: dict) -> Analysis:
    from .glossary import GlossaryItem
    from .timeline import Event

    return Analysis(
        spans=[Span(*row) for row in data["spans"]],
        heads=[Span(p, s, e, layer, kind, key, part=part) for p, s, e, layer, kind, key, part in data["heads"]],
        head_glossary=[GlossaryItem.from_json(item) for item in data["head_glossary"]],
        glossary=[GlossaryItem.from_json(item) for item in data["glossary"]],
        events=[Event(**e) for e in data["events"]],
        date=data["date"], date_inferred=data["date_inferred"],
        warnings=list(data["warnings"]),
    )
