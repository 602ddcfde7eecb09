"""Script views: the source as given, simplified (canonical), and traditional variants.

Every view of a paragraph comes with an :class:`OffsetMap` to the canonical text, so a
span found on canonical text has exact offsets in any view. Conversion is done on the
whole paragraph when that keeps its length (the common case, and the best conversions,
since OpenCC sees whole phrases); when it does not (``互联网`` → ``網際網路`` in the Taiwan
variant), the paragraph is cut at every annotation boundary and each segment converted
on its own, so boundaries line up by construction. Protected names (from the lexicon)
take their own written form per script instead of OpenCC's guess (``余涌`` stays ``余涌``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache
from typing import NamedTuple

from .models import Document

#: OpenCC configuration for each view. "tw" is Taiwan character forms (s2tw); "twp"
#: also rewrites vocabulary the Taiwan way (s2twp: 互联网 → 網際網路), which changes
#: lengths and sometimes meaning (股票代码 → 股票程式碼), so it is opt-in.
CONFIGS: dict[tuple[str, str], str] = {
    ("simplified", "std"): "t2s",
    ("traditional", "std"): "s2t",
    ("traditional", "tw"): "s2tw",
    ("traditional", "twp"): "s2twp",
    ("traditional", "hk"): "s2hk",
}
SCRIPTS = ("original", "simplified", "traditional")
VARIANTS = ("std", "tw", "twp", "hk")
VARIANT_NAMES = {"std": "standard", "tw": "Taiwan", "twp": "Taiwan phrasing", "hk": "Hong Kong"}

_CHUNK_END = re.compile(r"[，。、；：？！,.;:?!“”「」（）()\s]")


@lru_cache(maxsize=None)
def converter(config: str) -> Callable[[str], str]:
    """A cached OpenCC converter (``s2twp`` takes ~70 ms to build: build it once)."""
    # Imported here: with the view restored from the disk cache the first frame converts
    # nothing, and loading OpenCC's library is ~3 ms of start-up.
    import opencc

    return opencc.OpenCC(config).convert


def view_key(script: str, variant: str) -> tuple[str, str]:
    """Normalise a (script, variant) pair: only traditional has variants."""
    return (script, variant if script == "traditional" else "std")


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
) -> ViewText:
    """Convert ``text`` segment by segment between ``cuts``; ``forms`` fix some segments.

    Anchors are recorded only around segments whose length changes, so the map stays
    small. ``forms`` maps (start, end) of a protected span to its written form.
    """
    forms = forms or {}
    points = sorted({0, len(text), *(c for c in cuts if 0 < c < len(text))})
    for start, end in forms:
        points = sorted({*points, start, end})
    out: list[str] = []
    a = [0]
    b = [0]
    pos = 0
    for start, end in zip(points, points[1:]):
        piece = forms.get((start, end))
        if piece is None:
            piece = convert(text[start:end])
        if len(piece) != end - start:
            if a[-1] != start:
                a.append(start)
                b.append(pos)
            a.append(end)
            b.append(pos + len(piece))
        out.append(piece)
        pos += len(piece)
    if a[-1] != len(text):
        a.append(len(text))
        b.append(pos)
    return ViewText("".join(out), OffsetMap(tuple(a), tuple(b)))


def convert_paragraph(
    text: str,
    convert: Callable[[str], str],
    cuts: Iterable[int] = (),
    forms: Mapping[tuple[int, int], str] | None = None,
) -> ViewText:
    """Convert one paragraph, whole when that keeps its length, else by segments.

    With no cuts given and a change of length, the paragraph is cut at punctuation so
    the map stays fine-grained.
    """
    whole = convert(text)
    if len(whole) == len(text):
        if forms:
            chars = list(whole)
            for (start, end), form in forms.items():
                if len(form) == end - start:
                    chars[start:end] = form
                else:
                    return convert_segments(text, cuts, convert, forms)
            whole = "".join(chars)
        return ViewText(whole, OffsetMap.identity(len(text)))
    cuts = list(cuts)
    if not cuts:
        cuts = [m.end() for m in _CHUNK_END.finditer(text)]
    return convert_segments(text, cuts, convert, forms)


def detect_script(texts: Iterable[str], sample: int = 5000) -> str:
    """``traditional``, ``simplified`` or ``mixed``, from how much each conversion changes."""
    chunk = ""
    for text in texts:
        chunk += text
        if len(chunk) >= sample:
            break
    chunk = chunk[:sample]
    to_simple = sum(x != y for x, y in zip(chunk, converter("t2s")(chunk)))
    to_trad = sum(x != y for x, y in zip(chunk, converter("s2t")(chunk)))
    if to_simple > 2 * to_trad:
        return "traditional"
    if to_trad > 2 * to_simple:
        return "simplified"
    return "mixed"


class ProtectedNames:
    """Names whose written form per view is fixed, found by one compiled pattern.

    ``forms`` maps (script, variant) to {simplified name: written form}.
    """

    def __init__(self, forms: Mapping[tuple[str, str], Mapping[str, str]]):
        self._forms = {key: dict(value) for key, value in forms.items() if value}
        names = sorted({n for value in self._forms.values() for n in value}, key=len, reverse=True)
        self._pattern = re.compile("|".join(map(re.escape, names))) if names else None

    def find(self, canonical: str, key: tuple[str, str]) -> dict[tuple[int, int], str]:
        """Protected spans in canonical text for a view, with their forms."""
        table = self._forms.get(key)
        if not table or self._pattern is None:
            return {}
        return {
            (m.start(), m.end()): table[m.group()]
            for m in self._pattern.finditer(canonical)
            if m.group() in table
        }


class Views:
    """All views of a document, built lazily paragraph by paragraph and cached.

    ``canonical[i]`` is the simplified text of paragraph ``i``; ``get(script, variant, i)``
    the paragraph in a view. ``set_cuts`` hands in annotation boundaries (after analysis),
    so views that change length are rebuilt cut at them.
    """

    def __init__(self, document: Document, protected: ProtectedNames | None = None):
        self.document = document
        self.protected = protected or ProtectedNames({})
        self._canonical: dict[int, ViewText] = {}
        self._views: dict[tuple[str, str], dict[int, ViewText]] = {}
        self._cuts: dict[int, tuple[int, ...]] = {}
        self._texts: dict[tuple[tuple[str, str], str], str] = {}
        self._parts: dict[tuple[str, str, str, int], ViewText] = {}
        self._part_cuts: dict[tuple[str, int], tuple[int, ...]] = {}

    def __len__(self) -> int:
        return len(self.document.paragraphs)

    def source_view(self, index: int) -> ViewText:
        """The source as given, mapped to canonical (canonical was converted from it)."""
        canon = self._canonical_view(index)
        return ViewText(self.document.paragraphs[index].text, _invert(canon.map))

    def _canonical_view(self, index: int) -> ViewText:
        cached = self._canonical.get(index)
        if cached is None:
            cached = convert_paragraph(self.document.paragraphs[index].text, converter("t2s"))
            self._canonical[index] = cached
        return cached

    def canonical(self, index: int) -> str:
        """Simplified text of paragraph ``index``: what analysis runs on."""
        return self._canonical_view(index).text

    def all_canonical(self) -> list[str]:
        """Simplified text of every paragraph."""
        return [self.canonical(i) for i in range(len(self))]

    def get(self, script: str, variant: str, index: int) -> ViewText:
        """Paragraph ``index`` in a view, with its map to canonical offsets."""
        if script == "original":
            return self.source_view(index)
        key = view_key(script, variant)
        cache = self._views.setdefault(key, {})
        cached = cache.get(index)
        if cached is None:
            canonical = self.canonical(index)
            if script == "simplified":
                forms = self.protected.find(canonical, key)
                if forms:
                    cached = convert_paragraph(canonical, lambda s: s, (), forms)
                else:
                    cached = ViewText(canonical, OffsetMap.identity(len(canonical)))
            else:
                cached = convert_paragraph(
                    canonical,
                    converter(CONFIGS[key]),
                    self._cuts.get(index, ()),
                    self.protected.find(canonical, key),
                )
            cache[index] = cached
        return cached

    def text(self, script: str, variant: str, text: str) -> str:
        """Any short text of the document (a title, a heading) in a view."""
        if script == "original":
            return text
        key = view_key(script, variant)
        cached = self._texts.get((key, text))
        if cached is None:
            canonical = converter("t2s")(text)
            forms = self.protected.find(canonical, key)
            convert = (lambda s: s) if script == "simplified" else converter(CONFIGS[key])
            cached = convert_paragraph(canonical, convert, (), forms).text
            self._texts[(key, text)] = cached
        return cached

    def heading(self, script: str, variant: str, section: int) -> str:
        """A section's title in a view ("" for the untitled introduction)."""
        return self.text(script, variant, self.document.sections[section].title or "")

    def title(self, script: str, variant: str) -> str:
        """The document's title in a view."""
        return self.text(script, variant, self.document.title)

    # -- the title and the headings, as texts with spans of their own ----------------------

    def part_source(self, part: str, index: int = 0) -> str:
        """The title (``part`` "title") or section ``index``'s heading as given ("" for none)."""
        if part == "title":
            return self.document.title
        return self.document.sections[index].title or ""

    def part_view(self, script: str, variant: str, part: str, index: int = 0) -> ViewText:
        """The title or a heading in a view with its map to canonical offsets, cut at the
        boundaries :meth:`set_part_cuts` handed in (as a paragraph is)."""
        key = (*view_key(script, variant), part, index)
        cached = self._parts.get(key)
        if cached is None:
            canonical = convert_paragraph(self.part_source(part, index), converter("t2s"))
            if script == "original":
                cached = ViewText(self.part_source(part, index), _invert(canonical.map))
            else:
                text, view = canonical.text, view_key(script, variant)
                convert = (lambda s: s) if script == "simplified" else converter(CONFIGS[view])
                cached = convert_paragraph(text, convert, self._part_cuts.get((part, index), ()),
                                           self.protected.find(text, view))
            self._parts[key] = cached
        return cached

    def set_part_cuts(self, cuts: Mapping[tuple[str, int], Sequence[int]]) -> None:
        """Annotation boundaries per (part, index) of the title and headings."""
        self._part_cuts = {k: tuple(sorted(set(c))) for k, c in cuts.items()}
        self._parts.clear()

    def export(self, script: str, variant: str) -> dict:
        """Every paragraph, title and heading of one view, as JSON-ready data (for the cache)."""
        key = view_key(script, variant)
        paragraphs = []
        for index in range(len(self)):
            view = self.get(script, variant, index)
            paragraphs.append([view.text, None if view.map.is_identity else [view.map.a, view.map.b]])
        texts = [self.title(script, variant)] + [self.heading(script, variant, s.index) for s in self.document.sections]
        return {"view": list(key), "paragraphs": paragraphs, "texts": texts}

    def restore(self, data: dict) -> bool:
        """Fill one view from :meth:`export` data; False (nothing changed) if it does not fit."""
        try:
            key = tuple(data["view"])
            rows = data["paragraphs"]
            texts = data["texts"]
            if len(rows) != len(self) or len(texts) != len(self.document.sections) + 1:
                return False
            views = {
                index: ViewText(text, OffsetMap.identity(len(text)) if m is None else OffsetMap(tuple(m[0]), tuple(m[1])))
                for index, (text, m) in enumerate(rows)
            }
        except (KeyError, TypeError, ValueError):
            return False
        self._views.setdefault(key, {}).update(views)
        sources = [self.document.title] + [s.title or "" for s in self.document.sections]
        self._texts.update({(key, source): text for source, text in zip(sources, texts)})
        return True

    def set_cuts(self, cuts: Mapping[int, Sequence[int]]) -> None:
        """Annotation boundaries per paragraph; drops cached views that must be re-cut."""
        self._cuts = {i: tuple(sorted(set(c))) for i, c in cuts.items()}
        for cache in self._views.values():
            for index in list(cache):
                if not cache[index].map.is_identity:
                    del cache[index]


def _invert(m: OffsetMap) -> OffsetMap:
    return OffsetMap(m.b, m.a)
