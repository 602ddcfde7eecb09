"""Script views: the source as given, simplified (canonical), and traditional variants.

Every view of a paragraph comes with an :class:`OffsetMap` to the canonical text, so a
span found on canonical text has exact offsets in any view (``core.conversion``). A
configuration whose every dictionary entry has the length of its key (t2s, s2t, s2tw,
s2hk) converts a whole paragraph character for character, so OpenCC sees whole phrases and
the map is the identity by construction. Taiwan phrasing (s2twp: ``用户`` → ``使用者``,
``首席执行官`` → ``執行長``) is never trusted by a paragraph's total length, which
replacements inside it can keep while moving every word in between: the paragraph is cut
at every annotation boundary (and punctuation), each segment converted on its own so every
boundary is an anchor, and a segment where a phrase was replaced (it differs from its s2tw
form) is cut further wherever its two sides converted apart give the same text. Protected
names (from the lexicon) take their own written form per script instead of OpenCC's guess
(``余涌`` stays ``余涌``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence

# The conversion layer, re-exported: views, search, pinyin and tests use these names here.
from .conversion import LENGTH_KEEPING, OffsetMap, ViewText, convert_paragraph, converter
from .conversion import convert_segments as convert_segments
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
#: Bump when the views built from the same text change (the view cache is keyed by it).
VIEWS_VERSION = "2"
SCRIPTS = ("original", "simplified", "traditional")
VARIANTS = ("std", "tw", "twp", "hk")
#: Canonical (simplified) text from the source. tw2s is t2s after OpenCC's Taiwan-variant
#: step, which reads 著 as the particle 着 where it is one (等待著它 → 等待着它, 隨著 → 随着,
#: but 著名, 显著): on UD Chinese-GSD's 500 hand-checked pairs it makes 92 character
#: errors where t2s makes 108, and it changes nothing else in the articles of ../shared/eval.
CANONICAL = "tw2s"
#: Taiwan phrasing reads every 代码 as program code (程式碼); in these words it is the
#: code of a listed security, which Taiwan writes 代碼 (股票代碼), so they keep s2tw's form.
TWP_KEPT = ("股票代码", "证券代码", "基金代码", "债券代码")
_TWP_KEPT = re.compile("|".join(TWP_KEPT))
VARIANT_NAMES = {"std": "standard", "tw": "Taiwan", "twp": "Taiwan phrasing", "hk": "Hong Kong"}


def view_key(script: str, variant: str) -> tuple[str, str]:
    """Normalise a (script, variant) pair: only traditional has variants."""
    return (script, variant if script == "traditional" else "std")


def _keeps_length(config: str) -> bool:
    return config in LENGTH_KEEPING


#: For a configuration that changes lengths, the length-keeping one it adds phrases to.
REFERENCE = {"s2twp": "s2tw"}


def _reference(config: str) -> Callable[[str], str] | None:
    base = REFERENCE.get(config)
    return converter(base) if base else None


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

    def paragraphs_with(self, canonical: Sequence[str], indices: Sequence[int], key: tuple[str, str]) -> set[int]:
        """Which of ``indices`` hold a name with a fixed form in a view (one search, not one
        per paragraph)."""
        table = self._forms.get(key)
        if not table or self._pattern is None or not indices:
            return set()
        from bisect import bisect_right

        texts = [canonical[i] for i in indices]
        starts, at = [], 0
        for text in texts:
            starts.append(at)
            at += len(text) + 1
        return {indices[bisect_right(starts, m.start()) - 1]
                for m in self._pattern.finditer("\n".join(texts)) if m.group() in table}

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


def _convert_all(texts: list[str], convert: Callable[[str], str]) -> list[str] | None:
    """``texts`` converted by a length-keeping configuration in one call (its phrases never
    hold a newline, so each text converts as it would alone); None if they cannot be told
    apart afterwards (a text with a newline of its own)."""
    if len(texts) < 2 or any("\n" in t for t in texts):
        return None
    pieces = convert("\n".join(texts)).split("\n")
    if len(pieces) != len(texts) or any(len(p) != len(t) for p, t in zip(pieces, texts)):
        return None
    return pieces


def _fixed_forms(protected: ProtectedNames, canonical: str, key: tuple[str, str]) -> dict[tuple[int, int], str]:
    """Spans of ``canonical`` with a fixed form in a view: protected names, and for Taiwan
    phrasing the words of :data:`TWP_KEPT` (where no name overlaps them)."""
    forms = protected.find(canonical, key)
    if key == ("traditional", "twp") and "代码" in canonical:
        for m in _TWP_KEPT.finditer(canonical):
            if not any(s < m.end() and m.start() < e for s, e in forms):
                forms[m.span()] = converter("s2tw")(m.group())
    return forms


class Views:
    """All views of a document, built lazily paragraph by paragraph.

    ``canonical(i)`` is the simplified text of paragraph ``i``; ``get(script, variant, i)``
    the paragraph in a view. A ``Views`` never changes what it answers: the annotation
    boundaries (``cuts``, after analysis) that views changing length are cut at are given
    when it is made, and :meth:`with_cuts` makes the views of an analysed document (what
    they share with this one is reused). The caches inside only remember answers.
    """

    def __init__(self, document: Document, protected: ProtectedNames | None = None,
                 cuts: Mapping[int, Sequence[int]] | None = None,
                 part_cuts: Mapping[tuple[str, int], Sequence[int]] | None = None):
        self.document = document
        self.protected = protected or ProtectedNames({})
        self._canonical: dict[int, ViewText] = {}
        self._views: dict[tuple[str, str], dict[int, ViewText]] = {}
        self._given_cuts: Mapping[int, Sequence[int]] = cuts or {}
        self._cuts: dict[int, tuple[int, ...]] = {}  # sorted when a paragraph is first cut
        self._texts: dict[tuple[tuple[str, str], str], str] = {}
        self._parts: dict[tuple[str, str, str, int], ViewText] = {}
        self._part_cuts: dict[tuple[str, int], tuple[int, ...]] = _sorted_cuts(part_cuts or {})

    def with_cuts(self, cuts: Mapping[int, Sequence[int]],
                  part_cuts: Mapping[tuple[str, int], Sequence[int]] | None = None) -> Views:
        """The same document's views cut at annotation boundaries per paragraph (and per
        (part, index) of the title and headings); this one is unchanged.

        The new views share the canonical texts, the short texts and every paragraph
        aligned by construction (an identity map in a view whose conversion keeps
        lengths): only the others must be re-cut, lazily, when asked for.
        """
        views = Views(self.document, self.protected, cuts, part_cuts)
        views._canonical = self._canonical  # the same texts whatever the cuts
        views._texts = self._texts
        for key, cache in self._views.items():
            if key[0] == "simplified" or _keeps_length(CONFIGS[key]):
                views._views[key] = {i: v for i, v in cache.items() if v.map.is_identity}
        return views

    def __len__(self) -> int:
        return len(self.document.paragraphs)

    def source_view(self, index: int) -> ViewText:
        """The source as given, mapped to canonical (canonical was converted from it)."""
        canon = self._canonical_view(index)
        return ViewText(self.document.paragraphs[index].text, _invert(canon.map))

    def _canonical_view(self, index: int) -> ViewText:
        cached = self._canonical.get(index)
        if cached is None:
            cached = convert_paragraph(self.document.paragraphs[index].text, converter(CANONICAL), keeps_length=True)
            self._canonical[index] = cached
        return cached

    def canonical(self, index: int) -> str:
        """Simplified text of paragraph ``index``: what analysis runs on."""
        return self._canonical_view(index).text

    def all_canonical(self) -> list[str]:
        """Simplified text of every paragraph (converted in one call, not one per paragraph)."""
        missing = [i for i in range(len(self)) if i not in self._canonical]
        pieces = _convert_all([self.document.paragraphs[i].text for i in missing], converter(CANONICAL))
        for i, piece in zip(missing, pieces or ()):
            self._canonical[i] = ViewText(piece, OffsetMap.identity(len(piece)))
        return [self.canonical(i) for i in range(len(self))]

    def all_views(self, script: str, variant: str) -> list[ViewText]:
        """Every paragraph in a view, as :meth:`get` gives them; a view converted character
        for character is converted in one call, paragraphs with a name of fixed form aside
        (100,000 short paragraphs cost 5x the conversion one by one)."""
        key = view_key(script, variant)
        if script != "original" and (script == "simplified" or _keeps_length(CONFIGS[key])):
            cache = self._views.setdefault(key, {})
            canonical = self.all_canonical()
            plain = [i for i in range(len(self)) if i not in cache]
            named = self.protected.paragraphs_with(canonical, plain, key)
            plain = [i for i in plain if i not in named]
            if script == "simplified":
                cache.update((i, ViewText(canonical[i], OffsetMap.identity(len(canonical[i])))) for i in plain)
            else:
                pieces = _convert_all([canonical[i] for i in plain], converter(CONFIGS[key]))
                cache.update((i, ViewText(piece, OffsetMap.identity(len(piece)))) for i, piece in zip(plain, pieces or ()))
        return [self.get(script, variant, i) for i in range(len(self))]

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
                    cached = convert_paragraph(canonical, _same, self._cuts_of(index), forms, True)
                else:
                    cached = ViewText(canonical, OffsetMap.identity(len(canonical)))
            else:
                config = CONFIGS[key]
                cached = convert_paragraph(
                    canonical,
                    converter(config),
                    self._cuts_of(index),
                    _fixed_forms(self.protected, canonical, key),
                    _keeps_length(config),
                    _reference(config),
                )
            cache[index] = cached
        return cached

    def _cuts_of(self, index: int) -> tuple[int, ...]:
        """Paragraph ``index``'s annotation boundaries, sorted (read from ``cuts`` when first
        needed: sorting those of every paragraph of a 5M-character book took 0.1 s)."""
        cuts = self._cuts.get(index)
        if cuts is None:
            cuts = self._cuts[index] = tuple(sorted(set(self._given_cuts.get(index, ()))))
        return cuts

    def text(self, script: str, variant: str, text: str) -> str:
        """Any short text of the document (a title, a heading) in a view."""
        if script == "original":
            return text
        key = view_key(script, variant)
        cached = self._texts.get((key, text))
        if cached is None:
            canonical = converter(CANONICAL)(text)
            forms = _fixed_forms(self.protected, canonical, key)
            config = "t2s" if script == "simplified" else CONFIGS[key]
            convert = _same if script == "simplified" else converter(config)
            cached = convert_paragraph(canonical, convert, (), forms, _keeps_length(config), _reference(config)).text
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
        ``part_cuts`` boundaries (as a paragraph is)."""
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

    def export(self, script: str, variant: str) -> dict:
        """Every paragraph, title and heading of one view, as JSON-ready data (for the cache)."""
        key = view_key(script, variant)
        paragraphs = []
        for view in self.all_views(script, variant):
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


def _sorted_cuts(cuts: Mapping) -> dict:
    return {k: tuple(sorted(set(c))) for k, c in cuts.items()}


def _same(text: str) -> str:
    return text


def _invert(m: OffsetMap) -> OffsetMap:
    return OffsetMap(m.b, m.a)
