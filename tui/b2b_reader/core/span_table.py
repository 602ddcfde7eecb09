"""The analysis' spans as columns of integers (``core.compact``: the cache entry's form, and
what the analysis child process sends).

A 5M-character document has ~300,000 spans: unpickling them as rows and building a
``Span`` for each cost the reader ~2.5 s before its first highlight. As columns
(``array`` of offsets, strings as indices into one table) they load in milliseconds, and
:class:`ParagraphSpans` / :class:`ParagraphCuts` make the spans (or the cut points) of a
paragraph when it is first asked for: a frame draws a few dozen paragraphs.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Mapping, Sequence
from itertools import chain
from operator import attrgetter, le

from .models import Span


def _span_order(span: Span) -> tuple:
    return (span.paragraph, span.start, span.end, span.layer, span.type, span.key)


class SpanTable:
    """Spans in columns, their rows in ``Span`` order (paragraph first: each paragraph's
    spans are one slice, found by bisection)."""

    def __init__(self, columns: Sequence[array], strings: Sequence[str]) -> None:
        self.paragraph, self.start, self.end, self.layer, self.type, self.key = columns
        self.strings = list(strings)

    @classmethod
    def from_spans(cls, spans: Sequence[Span]) -> SpanTable:
        """The columns of ``spans`` (``map`` and ``attrgetter``: no Python loop per span)."""
        paragraphs = array("i", map(attrgetter("paragraph"), spans))
        if not all(map(le, paragraphs[:-1], paragraphs[1:])):
            spans = sorted(spans, key=_span_order)  # (the analysis gives them sorted: never here)
            paragraphs = array("i", map(attrgetter("paragraph"), spans))
        names = ("layer", "type", "key")
        strings = list(dict.fromkeys(chain(*(map(attrgetter(name), spans) for name in names))))
        code = {text: i for i, text in enumerate(strings)}.__getitem__
        return cls([paragraphs, *(array("i", map(attrgetter(name), spans)) for name in ("start", "end")),
                    *(array("i", map(code, map(attrgetter(name), spans))) for name in names)], strings)

    def columns(self) -> list[array]:
        return [self.paragraph, self.start, self.end, self.layer, self.type, self.key]

    def to_transfer(self) -> tuple:
        """Plain picklable data (arrays pickle as their bytes); :meth:`from_transfer` reads it."""
        return self.columns(), self.strings

    @classmethod
    def from_transfer(cls, data) -> SpanTable:
        """From :meth:`to_transfer` data, or the same with lists for arrays (JSON's)."""
        columns, strings = data
        try:
            columns = [c if isinstance(c, array) else array("i", c) for c in columns]
        except OverflowError:
            raise ValueError("not a span table") from None
        if len(columns) != 6 or len({len(c) for c in columns}) > 1 or not isinstance(strings, list):
            raise ValueError("not a span table")
        return cls(columns, strings)

    def __len__(self) -> int:
        return len(self.paragraph)

    def spans(self, lo: int = 0, hi: int | None = None) -> list[Span]:
        """The spans of rows ``lo`` to ``hi``."""
        strings = self.strings
        hi = len(self) if hi is None else hi
        return [Span(p, s, e, strings[a], strings[b], strings[c]) for p, s, e, a, b, c in
                zip(self.paragraph[lo:hi], self.start[lo:hi], self.end[lo:hi],
                    self.layer[lo:hi], self.type[lo:hi], self.key[lo:hi])]

    def entities(self) -> Iterator[tuple[str, str, tuple[int, int, int]]]:
        """(type, key, (paragraph, start, end)) of the entity spans, in order."""
        strings = self.strings
        if "entity" not in strings:
            return
        entity = strings.index("entity")
        for p, s, e, layer, kind, key in zip(*self.columns()):
            if layer == entity:
                yield strings[kind], strings[key], (p, s, e)

    def rows_of(self, paragraph: int) -> tuple[int, int]:
        """The rows (``lo``, ``hi``) of a paragraph's spans."""
        return bisect_left(self.paragraph, paragraph), bisect_right(self.paragraph, paragraph)

    def paragraphs(self) -> list[int]:
        """The paragraphs with spans, in order."""
        return list(dict.fromkeys(self.paragraph))


class ParagraphSpans(Mapping[int, list[Span]]):
    """``Analysis.by_paragraph`` of a :class:`SpanTable`: each paragraph's list made when
    first asked for (then kept)."""

    def __init__(self, table: SpanTable) -> None:
        self._table = table
        self._made: dict[int, list[Span]] = {}
        self._keys: list[int] | None = None

    def __getitem__(self, paragraph: int) -> list[Span]:
        spans = self._made.get(paragraph)
        if spans is None:
            if type(paragraph) is not int:
                raise KeyError(paragraph)
            spans = self._table.spans(*self._table.rows_of(paragraph))
            if not spans:
                raise KeyError(paragraph)
            spans.sort(key=_span_order)  # (sorted already: the table's rows are)
            self._made[paragraph] = spans
        return spans

    def _paragraphs(self) -> list[int]:
        if self._keys is None:
            self._keys = self._table.paragraphs()
        return self._keys

    def __iter__(self) -> Iterator[int]:
        return iter(self._paragraphs())

    def __len__(self) -> int:
        return len(self._paragraphs())


class ParagraphCuts(Mapping[int, list[int]]):
    """``Analysis.cuts`` of a :class:`SpanTable`: a paragraph's span boundaries, read from
    the columns when asked for (``Views`` asks for those of the paragraphs it converts)."""

    def __init__(self, table: SpanTable) -> None:
        self._table = table

    def __getitem__(self, paragraph: int) -> list[int]:
        if type(paragraph) is not int:
            raise KeyError(paragraph)
        lo, hi = self._table.rows_of(paragraph)
        if lo == hi:
            raise KeyError(paragraph)
        return [x for pair in zip(self._table.start[lo:hi], self._table.end[lo:hi]) for x in pair]

    def __iter__(self) -> Iterator[int]:
        return iter(self._table.paragraphs())

    def __len__(self) -> int:
        return len(self._table.paragraphs())
