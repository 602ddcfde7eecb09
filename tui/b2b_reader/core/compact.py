"""The analysis in its compact form: the analysis cache entry, and what the analysis child
process sends the reader (``core.isolation``).

Spans are columns of integers (``core.span_table.SpanTable``: strings as indices into one
table) and events are rows, so an entry is written and read without a ``Span`` or an
event dict per row: a 5M-character book has ~300,000 spans, whose rows cost the reader
~2.5 s to unpickle and build. The analysis read back (:func:`from_compact`) makes its
spans and events when first read (``Analysis.deferred``); its spans per paragraph and the
cut points of its views are read from the columns a paragraph at a time.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from .analysis import Analysis, from_json
from .span_table import SpanTable

if TYPE_CHECKING:
    from .timeline import Event

#: Bump when the compact form changes (an entry of another form is a cache miss).
FORM = 2


def event_names() -> list[str]:
    from dataclasses import fields

    from .timeline import Event

    return [f.name for f in fields(Event)]


def to_compact(analysis: Analysis, table: SpanTable | None = None) -> dict:
    """JSON-ready data of ``analysis`` (``table``: its spans' columns, if made already)."""
    table = table or SpanTable.from_spans(analysis.spans)
    names = event_names()
    return {
        "form": FORM,
        "spans": [[column.tolist() for column in table.columns()], table.strings],
        "heads": [[s.paragraph, s.start, s.end, s.layer, s.type, s.key, s.part] for s in analysis.heads],
        "head_glossary": [item.to_json() for item in analysis.head_glossary],
        "glossary": [item.to_json() for item in analysis.glossary],
        "events": [[getattr(e, name) for name in names] for e in analysis.events],
        "date": analysis.date, "date_inferred": analysis.date_inferred,
        "warnings": analysis.warnings,
    }


def from_compact(data: dict, events: Callable[[], list] | None = None) -> Analysis:
    """The analysis of :func:`to_compact` data (its columns lists or arrays); ``events``
    gives the event rows when they are not in ``data`` (the child sends them after)."""
    if data.get("form") != FORM:
        raise ValueError("an analysis of another form")
    table = SpanTable.from_transfer(data["spans"])
    rows = data["events"]

    def make_events() -> list[Event]:
        from .timeline import Event

        return [Event(*row) for row in (rows if events is None else events())]

    rest = from_json({**data, "spans": [], "events": []})
    return Analysis.deferred(table, make_events, heads=rest.heads, head_glossary=rest.head_glossary,
                             glossary=rest.glossary, date=rest.date, date_inferred=rest.date_inferred,
                             warnings=rest.warnings)


def _ints(column) -> bool:
    return isinstance(column, list) and set(map(type, column)) <= {int} and (not column or min(column) >= 0)


def check(data: dict) -> bool:
    """Whether ``data`` (a cache entry, parsed) has the shape :func:`to_compact` writes."""
    from .cache import _count, _texts
    from .models import check_date

    if data.get("form") != FORM or not all(isinstance(data[k], list)
                                           for k in ("heads", "glossary", "head_glossary", "events", "spans")):
        return False
    columns, strings = data["spans"]  # (ValueError if not two: a miss)
    if not (isinstance(columns, list) and len(columns) == 6 and all(map(_ints, columns)) and _texts(strings)
            and len({len(c) for c in columns}) == 1 and (not columns[3] or max(max(c) for c in columns[3:]) < len(strings))
            and all(map(int.__le__, columns[1], columns[2])) and all(max(c, default=0) < 2 ** 31 for c in columns[:3])):
        return False
    for row in data["heads"]:
        if not (isinstance(row, list) and len(row) == 7 and all(_count(v) for v in row[:3]) and row[1] <= row[2]
                and all(isinstance(v, str) for v in row[3:]) and row[6] in ("title", "heading")):
            return False
    for item in data["glossary"] + data["head_glossary"]:
        if not (all(isinstance(item.get(k), str) for k in ("term", "pinyin", "en", "zh", "category"))
                and all(isinstance(o, list) and len(o) == 3 and all(_count(v) for v in o) for o in item["occurrences"])):
            return False
    types = _event_types()
    for row in data["events"]:
        if not (isinstance(row, list) and len(row) == len(types)
                and all(t is None or type(v) is t for v, t in zip(row, types))):
            return False
    date = data["date"]
    return ((date is None or (isinstance(date, str) and check_date(date) == date))
            and type(data["date_inferred"]) is bool and _texts(data["warnings"]))


def _event_types() -> list[type | None]:
    from dataclasses import fields

    from .timeline import Event

    types = {"str": str, "int": int, "bool": bool}
    return [types.get(str(f.type)) for f in fields(Event)]
