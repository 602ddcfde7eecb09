"""Conversion with offset maps: a text converted by OpenCC, and where each offset went.

:func:`convert_paragraph` converts one paragraph and returns its :class:`ViewText`: the
converted text and an :class:`OffsetMap` to the original offsets. A configuration whose
every dictionary entry has the length of its key (:data:`LENGTH_KEEPING`) converts whole,
aligned character for character by construction; any other is converted segment by
segment (:func:`convert_segments`), each segment's edges an exact anchor. ``core.script``
builds a document's views from these.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache
from typing import NamedTuple

#: Configurations built only from dictionaries whose every entry (phrase or character)
#: has the length of its key, as shipped by OpenCC 1.1-1.4 (tests/core/test_script.py dumps
#: the installed dictionaries to check it). Their output is aligned with their input
#: character for character; s2twp's TWPhrases (and HK's s2hkp phrases) are not.
LENGTH_KEEPING = frozenset({"t2s", "tw2s", "s2t", "s2tw", "s2hk"})

_CHUNK_END = re.compile(r"[，。、；：？！,.;:?!“”「」（）()\s]")


@lru_cache(maxsize=None)
def converter(config: str) -> Callable[[str], str]:
    """A cached OpenCC converter (``s2twp`` takes ~70 ms to build: build it once)."""
    # Imported here: with the view restored from the disk cache the first frame converts
    # nothing, and loading OpenCC's library is ~3 ms of start-up.
    import opencc

    return opencc.OpenCC(config).convert


class OffsetMap(NamedTuple):
    """Piecewise alignment of canonical offsets (``a``) with view offsets (``b``).

    Between two consecutive anchors the texts either have equal length (aligned
    character by character) or not (a converted segment whose inside has no exact
    counterpart: positions inside snap to the segment's start or end).
    """

    a: tuple[int, ...]
    b: tuple[int, ...]

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        return cls((0, length), (0, length))

    @property
    def is_identity(self) -> bool:
        return len(self.a) == 2 and self.a == self.b

    def to_view(self, x: int, end: bool = False) -> int:
        """The view offset of canonical offset ``x`` (``end``: snap forward inside a segment)."""
        return _map(self.a, self.b, x, end)

    def to_canonical(self, y: int, end: bool = False) -> int:
        """The canonical offset of view offset ``y``."""
        return _map(self.b, self.a, y, end)


def _map(src: tuple[int, ...], dst: tuple[int, ...], x: int, end: bool) -> int:
    x = max(0, min(x, src[-1]))
    i = min(bisect_right(src, x) - 1, len(src) - 2)
    if x == src[i]:
        return dst[i]
    if x == src[i + 1]:  # the text's end (i stops at the last piece): its end, not its start
        return dst[i + 1]
    if src[i + 1] - src[i] == dst[i + 1] - dst[i]:
        return dst[i] + (x - src[i])
    return dst[i + 1] if end else dst[i]


class ViewText(NamedTuple):
    """One paragraph in one view, with its map to canonical text."""

    text: str
    map: OffsetMap


def convert_segments(
    text: str,
    cuts: Iterable[int],
    convert: Callable[[str], str],
    forms: Mapping[tuple[int, int], str] | None = None,
    refine: bool = False,
    reference: Callable[[str], str] | None = None,
) -> ViewText:
    """Convert ``text`` segment by segment between ``cuts``; ``forms`` fix some segments.

    Anchors are recorded only around segments whose length changes, so the map stays
    small. ``refine`` (a conversion that may change lengths inside a segment) splits a
    segment further where its two sides converted apart give the same text
    (:func:`_exact_parts`), so words around a replacement keep exact offsets: every
    segment whose length changes, and every other one unless it equals its conversion by
    ``reference``, a length-keeping conversion the other builds on (s2tw for s2twp), which
    means no phrase replacement moved anything inside it. ``forms`` maps (start, end) of
    a protected span to its written form.
    """
    forms = forms or {}
    points = sorted({0, len(text), *(c for c in cuts if 0 < c < len(text)), *(x for span in forms for x in span)})
    bounds = list(zip(points, points[1:]))
    free = [(start, end) for start, end in bounds if (start, end) not in forms]
    segments = [text[start:end] for start, end in free]
    converted = dict(zip(free, _convert_many(convert, segments)))
    refs: dict[tuple[int, int], str] = {}
    if refine and reference is not None:
        refs = dict(zip(free, _convert_many(reference, segments)))
    out: list[str] = []
    a = [0]
    b = [0]
    pos = 0
    for start, end in bounds:
        piece = forms.get((start, end))
        if piece is None:
            piece = converted[(start, end)]
            same = len(piece) == end - start
            ref = refs.get((start, end))
            if end - start > 1 and (not same or (refine and ref != piece)):
                parts = _exact_parts(text[start:end], piece, convert, ref)
            else:
                parts = [(end - start, piece)]
        else:
            parts = [(end - start, piece)]
        for length, part in parts:
            if len(part) != length:
                if a[-1] != start:
                    a.append(start)
                    b.append(pos)
                a.append(start + length)
                b.append(pos + len(part))
            out.append(part)
            pos += len(part)
            start += length
    if a[-1] != len(text):
        a.append(len(text))
        b.append(pos)
    return ViewText("".join(out), OffsetMap(tuple(a), tuple(b)))


def _convert_many(convert: Callable[[str], str], texts: Sequence[str]) -> list[str]:
    """Each text converted on its own, in one call: joined by newlines, which no OpenCC
    dictionary entry contains, so no phrase matches across them (a call per segment was
    most of a view's cost)."""
    if not texts:
        return []
    if len(texts) > 1 and not any("\n" in t for t in texts):
        out = convert("\n".join(texts)).split("\n")
        if len(out) == len(texts):
            return out
    return [convert(t) for t in texts]


def _exact_parts(segment: str, piece: str, convert: Callable[[str], str],
                 reference: str | None = None) -> list[tuple[int, str]]:
    """``segment`` (converted: ``piece``) as (length, conversion) parts that concatenate to
    ``piece``, each exactly its own conversion, so their edges are exact anchors by
    construction (其用户量 → 其 | 使用者 | 量, not one opaque piece).

    With ``reference`` (the segment's length-keeping conversion, aligned with it character
    for character) the common head and tail of ``reference`` and ``piece`` are one part
    each, aligned too, and only what lies between them is searched.
    """
    n = len(segment)
    if reference is not None and len(reference) == n:
        head = 0
        while head < min(n, len(piece)) and reference[head] == piece[head]:
            head += 1
        tail = 0
        while tail < min(n, len(piece)) - head and reference[n - 1 - tail] == piece[len(piece) - 1 - tail]:
            tail += 1
        edges = sorted({0, head, n - tail, n})
        pieces = [segment[i:j] for i, j in zip(edges, edges[1:])]
        converted = _convert_many(convert, pieces)
        if len(pieces) > 1 and "".join(converted) == piece:
            parts: list[tuple[int, str]] = []
            for (i, j), part in zip(zip(edges, edges[1:]), converted):
                inner = i == head and j == n - tail and j - i > 1  # the replacements' stretch
                parts.extend(_search_parts(segment[i:j], part, convert) if inner else [(j - i, part)])
            return parts
    return _search_parts(segment, piece, convert)


_SEARCH_LIMIT = 300


def _search_parts(segment: str, piece: str, convert: Callable[[str], str]) -> list[tuple[int, str]]:
    """:func:`_exact_parts` by trying every position: a cut where converting the two sides
    apart gives the same text (two conversions per position, in two calls). A stretch
    longer than :data:`_SEARCH_LIMIT` (a paragraph with no punctuation) stays one piece:
    its cost grows with the square of its length."""
    n = len(segment)
    if n > _SEARCH_LIMIT:
        return [(n, piece)]
    heads = _convert_many(convert, [segment[:k] for k in range(1, n)])
    tails = _convert_many(convert, [segment[k:] for k in range(1, n)])
    cuts = [k for k, head, tail in zip(range(1, n), heads, tails) if head + tail == piece]
    if cuts:
        edges = [0, *cuts, n]
        parts = _convert_many(convert, [segment[i:j] for i, j in zip(edges, edges[1:])])
        if "".join(parts) == piece:  # each part its own conversion: exact by construction
            return [(j - i, part) for i, j, part in zip(edges, edges[1:], parts)]
    return [(n, piece)]


def convert_paragraph(
    text: str,
    convert: Callable[[str], str],
    cuts: Iterable[int] = (),
    forms: Mapping[tuple[int, int], str] | None = None,
    keeps_length: bool = False,
    reference: Callable[[str], str] | None = None,
) -> ViewText:
    """Convert one paragraph: whole if ``convert`` keeps length entry by entry, else by segments.

    ``keeps_length`` is a property of the conversion (:data:`LENGTH_KEEPING`), never of one
    result: a paragraph whose total length is kept can still have ``用户`` → ``使用者`` and
    ``摩托车`` → ``機車`` inside it, with every word between them shifted. Without it the
    paragraph is cut at ``cuts`` (annotation boundaries) and at punctuation, so the map is
    exact at every cut, and refined between them (``reference``: see :func:`convert_segments`).
    """
    if keeps_length:
        whole = convert(text)
        if len(whole) == len(text):  # always, for a length-keeping conversion
            if not forms:
                return ViewText(whole, OffsetMap.identity(len(text)))
            if all(len(form) == end - start for (start, end), form in forms.items()):
                chars = list(whole)
                for (start, end), form in forms.items():
                    chars[start:end] = form
                return ViewText("".join(chars), OffsetMap.identity(len(text)))
    points = [*cuts, *(m.end() for m in _CHUNK_END.finditer(text))]
    return convert_segments(text, points, convert, forms, refine=not keeps_length, reference=reference)
