"""Search across scripts: one folded index per document, matches on canonical offsets.

Queries and text are compared after folding (:mod:`b2b_reader.core.fold`: scripts,
full-width forms, case), which keeps length, so a folded offset is a canonical one.

The index is one string (folded paragraphs joined by NUL) searched with ``str.find``;
a keystroke on a 1M-character document costs a few milliseconds unless the query
matches tens of thousands of times (see ``bench/search.py``).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import NamedTuple

from .fold import EXTRA_VARIANTS, NOT_FOLDED, TRADITIONAL_SOURCE_VARIANTS, fold, fold_table  # noqa: F401 (re-exported)
from .models import Document
from .script import OffsetMap, converter

#: Joins folded paragraphs in the index; a query containing it matches nothing.
SEPARATOR = "\x00"


class Match(NamedTuple):
    """A match on canonical text: ``paragraph``, ``[start, end)``; orders by position."""

    paragraph: int
    start: int
    end: int


@dataclass(frozen=True, eq=False)
class SearchIndex:
    """Folded text of every paragraph of one document (or one view of it).

    ``text`` is the folded paragraphs joined by :data:`SEPARATOR`; ``starts[i]`` is where
    paragraph ``i`` begins in it. ``maps`` is set for an index over a view's texts: its
    matches are mapped back to canonical offsets, and ``differs`` holds the stretches
    (sorted ``(start, end)`` in :attr:`text`) where the folded view text is not the
    folded canonical text: only a match touching one can be new.
    """

    text: str
    starts: tuple[int, ...]
    traditional_source: bool = False
    maps: tuple[OffsetMap, ...] | None = None
    differs: tuple[tuple[int, int], ...] = ()

    def __len__(self) -> int:
        return len(self.starts)

    def paragraph_end(self, paragraph: int) -> int:
        """End of ``paragraph`` in :attr:`text` (exclusive)."""
        if paragraph + 1 < len(self.starts):
            return self.starts[paragraph + 1] - 1
        return len(self.text)


def build_index(paragraphs: Sequence[str], source_script: str = "simplified",
                maps: Sequence[OffsetMap] | None = None) -> SearchIndex:
    """An index over ``paragraphs`` (``views.all_canonical()``); build once per document.

    ``source_script`` is ``Document.script``: ``traditional`` or ``mixed`` also folds
    ``着``/``著``. ``maps`` (one per paragraph) marks an index over view texts.
    """
    traditional = source_script in ("traditional", "mixed")
    starts = []
    pos = 0
    for text in paragraphs:
        starts.append(pos)
        pos += len(text) + 1
    text = SEPARATOR.join(paragraphs).translate(fold_table(traditional))
    return SearchIndex(text, tuple(starts), traditional, tuple(maps) if maps is not None else None)


def build_view_index(views, script: str, variant: str, canonical: SearchIndex) -> SearchIndex:
    """An index over one view's texts (``views`` is a ``script.Views``), to pass as
    ``view=`` to :func:`search`, so a query in the view's own wording matches.

    It matters for ``twp`` (``網際網路`` is not ``互联网`` folded) and a little for ``tw``
    (its ``著`` is canonical ``着``). It costs a whole-document conversion (~0.7 s for
    1M characters in ``twp``): build it off the UI thread.
    """
    texts = views.all_views(script, variant)
    index = build_index([v.text for v in texts], views.document.script, [v.map for v in texts])
    differs = []
    for i, view in enumerate(texts):
        start = index.starts[i]
        here = index.text[start:index.paragraph_end(i)]
        there = canonical.text[canonical.starts[i]:canonical.paragraph_end(i)]
        if here != there:
            differs.extend((start + a, start + b) for a, b in _differences(here, there, view.map))
    return replace(index, differs=tuple(differs))


def _differences(view: str, canonical: str, m: OffsetMap) -> Iterable[tuple[int, int]]:
    """Stretches of ``view`` (folded) unlike the aligned folded ``canonical``."""
    for a0, a1, b0, b1 in zip(m.a, m.a[1:], m.b, m.b[1:]):
        if a1 - a0 != b1 - b0:
            yield b0, b1  # a converted segment of another length: all of it
            continue
        run = None
        for k in range(b1 - b0):
            if view[b0 + k] != canonical[a0 + k]:
                run = (run[0] if run else b0 + k, b0 + k + 1)
            elif run:
                yield run
                run = None
        if run:
            yield run


def query_keys(query: str, traditional_source: bool = False) -> list[str]:
    """The folded forms a query is searched as: itself, and after a phrase-aware ``t2s``."""
    if not query or SEPARATOR in query:
        return []
    keys = [fold(query, traditional_source)]
    simplified = converter("t2s")(query)
    if len(simplified) == len(query):
        key = fold(simplified, traditional_source)
        if key != keys[0]:
            keys.append(key)
    return keys


def _positions(index: SearchIndex, key: str, paragraphs: Collection[int] | None) -> list[int]:
    if paragraphs is None:
        return _find_all(index.text, key, ((0, len(index.text)),))
    return _find_all(index.text, key, ((index.starts[p], index.paragraph_end(p))
                                       for p in sorted(paragraphs) if 0 <= p < len(index)))


def _view_positions(view: SearchIndex, key: str, paragraphs: Collection[int] | None) -> list[int]:
    """Positions of ``key`` in a view index that touch a stretch unlike canonical text."""
    stretches: Iterable[tuple[int, int]] = view.differs
    if paragraphs is not None:
        wanted, starts = set(paragraphs), view.starts
        stretches = [(a, b) for a, b in view.differs if bisect_right(starts, a) - 1 in wanted]
    # Widen each stretch by the key's length so every match touching it is inside; a
    # window may cross a paragraph's end, but no key holds the separator.
    reach = len(key) - 1
    windows: list[list[int]] = []
    for a, b in stretches:
        if windows and a - reach <= windows[-1][1]:
            windows[-1][1] = b + reach
        else:
            windows.append([max(0, a - reach), b + reach])
    return _find_all(view.text, key, windows)


def _find_all(text: str, key: str, ranges: Iterable[tuple[int, int]]) -> list[int]:
    """Non-overlapping positions of ``key`` inside each of ``ranges`` (sorted)."""
    find = text.find
    step = len(key)
    out: list[int] = []
    append = out.append
    for lo, hi in ranges:
        i = find(key, lo, hi)
        while i >= 0:
            append(i)
            i = find(key, i + step, hi)
    return out


def search(index: SearchIndex, query: str, paragraphs: Collection[int] | None = None,
           view: SearchIndex | None = None) -> Sequence[Match]:
    """Every match of ``query`` in document order, non-overlapping, on canonical offsets.

    Returns :class:`Matches` (a lazy sequence: use it as a list), or a list when
    ``view`` is given. ``paragraphs`` restricts the search (a filter, or the paragraphs
    of the previous matches when the query grew). ``view`` adds matches found in a
    view's own text (see :func:`build_view_index`).
    """
    keys = query_keys(query, index.traditional_source)
    if not keys:
        return []
    length = len(query)
    if len(keys) == 1:
        positions = _positions(index, keys[0], paragraphs)
    else:
        positions = sorted({p for key in keys for p in _positions(index, key, paragraphs)})
        kept: list[int] = []
        for p in positions:  # two keys may match overlapping places: keep the leftmost
            if not kept or p >= kept[-1] + length:
                kept.append(p)
        positions = kept
    matches = Matches(index, positions, length)
    if view is not None and view.differs:
        found = sorted({p for key in keys for p in _view_positions(view, key, paragraphs)})
        return _add_view_matches(matches, Matches(view, found, length))
    return matches


def _add_view_matches(matches: Matches, extra: Iterable[Match]) -> Matches:
    """``matches`` plus the view's own (canonical offsets) that overlap none of them."""
    starts, positions, length = matches.source.starts, matches.positions, matches.length
    lengths: dict[int, int] = {}
    end = -1
    for m in extra:  # in document order
        pos, size = starts[m.paragraph] + m.start, m.end - m.start
        i = bisect_right(positions, pos)
        if pos < end or (i and positions[i - 1] + length > pos) or (i < len(positions) and pos + size > positions[i]):
            continue
        lengths[pos] = size
        end = pos + size
    if not lengths:
        return matches
    return Matches(matches.source, sorted([*positions, *lengths]), length, lengths)


class Matches(Sequence[Match]):
    """The matches of one search, made into :class:`Match` tuples only when read.

    A one-character query matches ~25,000 times in a 1M-character document, and making
    every tuple (~1 µs each) would cost more than the search; a widget reads only the
    ones on screen. Indexing, slicing, iteration, ``len`` and ``bisect`` work as on a
    list; :func:`in_paragraph`, :func:`sections_with` and the cursor functions take a
    fast path on it. Offsets are canonical (mapped back when the index is a view's).
    """

    __slots__ = ("source", "positions", "length", "lengths")

    def __init__(self, index: SearchIndex, positions: list[int], length: int,
                 lengths: dict[int, int] | None = None):
        self.source = index  # (not ``index``: that is Sequence.index)
        self.positions = positions
        self.length = length
        self.lengths = lengths or {}  # position → length where a view match differs

    def __len__(self) -> int:
        return len(self.positions)

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        pos = self.positions[i]
        return self._match(bisect_right(self.source.starts, pos) - 1, pos)

    def __iter__(self):
        starts = self.source.starts
        p = 0
        for pos in self.positions:
            if p + 1 < len(starts) and pos >= starts[p + 1]:
                p = bisect_right(starts, pos, p) - 1
            yield self._match(p, pos)

    def __repr__(self) -> str:
        return f"Matches({len(self)}: {list(self[:3])}{'...' if len(self) > 3 else ''})"

    def _match(self, p: int, pos: int) -> Match:
        start = pos - self.source.starts[p]
        if self.source.maps is None:
            return Match(p, start, start + self.lengths.get(pos, self.length))
        m = self.source.maps[p]
        return Match(p, m.to_canonical(start), m.to_canonical(start + self.length, end=True))

    def position(self, paragraph: int, offset: int) -> int:
        """The index text position of (paragraph, offset), clamped inside the paragraph."""
        if paragraph >= len(self.source):
            return len(self.source.text) + 1
        if paragraph < 0:
            return -1
        start = self.source.starts[paragraph]
        offset = offset if self.source.maps is None else self.source.maps[paragraph].to_view(offset)
        return start + max(-1, min(offset, self.source.paragraph_end(paragraph) - start))

    def count_in(self, first: int, last: int) -> int:
        """How many matches lie in paragraphs ``first`` to ``last`` (inclusive)."""
        lo = bisect_left(self.positions, self.source.starts[first])
        return bisect_left(self.positions, self.source.paragraph_end(last), lo) - lo


# ── filters and summaries ────────────────────────────────────────────────────────────


def sections_with(document: Document, matches: Sequence[Match]) -> dict[int, int]:
    """Section index → number of matches in it (sections without matches left out)."""
    counts: dict[int, int] = {}
    if isinstance(matches, Matches):
        for section in document.sections:
            ps = section.paragraphs
            if not ps:
                continue
            if ps == tuple(range(ps[0], ps[-1] + 1)):
                n = matches.count_in(ps[0], ps[-1])
            else:
                n = sum(matches.count_in(p, p) for p in ps)
            if n:
                counts[section.index] = n
        return counts
    for m in matches:
        section = document.paragraphs[m.paragraph].section
        counts[section] = counts.get(section, 0) + 1
    return counts


def in_paragraph(matches: Sequence[Match], paragraph: int) -> list[Match]:
    """The matches of one paragraph (``matches`` sorted): for a widget drawing one line."""
    if isinstance(matches, Matches):
        lo = bisect_left(matches.positions, matches.position(paragraph, 0))
        hi = bisect_left(matches.positions, matches.position(paragraph + 1, -1), lo)
        return matches[lo:hi]
    lo = bisect_left(matches, (paragraph,))
    return list(matches[lo:bisect_left(matches, (paragraph + 1,), lo)])


# ── moving between matches ───────────────────────────────────────────────────────────


def first_from(matches: Sequence[Match], paragraph: int, offset: int) -> int | None:
    """Index of the first match at or after (paragraph, offset), wrapping to 0 (where the
    reader's search lands; ``n``/``N`` then step through the matches as mentions)."""
    if not matches:
        return None
    if isinstance(matches, Matches):
        i = bisect_left(matches.positions, matches.position(paragraph, offset))
    else:
        i = bisect_left(matches, (paragraph, offset))
    return i if i < len(matches) else 0


def find_in_text(text: str, query: str, source_script: str = "simplified") -> list[tuple[int, int]]:
    """``[start, end)`` of every match of ``query`` in one short text in any view (a title,
    a heading), non-overlapping, with the folding a document search uses."""
    traditional = source_script in ("traditional", "mixed")
    keys = query_keys(query, traditional)
    if not keys:
        return []
    folded = fold(text, traditional)
    found: list[tuple[int, int]] = []
    for start in sorted({p for key in keys for p in _find_all(folded, key, ((0, len(folded)),))}):
        if not found or start >= found[-1][1]:
            found.append((start, start + len(query)))
    return found


def heading_counts(views, script: str, variant: str, query: str) -> dict[int, int]:
    """Section index → matches of ``query`` in its heading as a view draws it (``views``
    is a ``script.Views``); sections whose heading has none are left out."""
    counts: dict[int, int] = {}
    for section in views.document.sections:
        if section.title:
            found = find_in_text(views.heading(script, variant, section.index), query, views.document.script)
            if found:
                counts[section.index] = len(found)
    return counts
