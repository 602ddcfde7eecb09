"""Find entities (people, organisations, places, dates, numbers, events, products).

``find_entities(paragraphs, lexicon)`` works on canonical simplified paragraphs and
returns sorted, non-overlapping :class:`Span` objects (``layer="entity"``). Three sources
feed it, strongest first:

1. the lexicon: every name and alias, matched with one trie-shaped regex;
2. rules for dates and figures (``core.numbers``), which never override a lexicon name
   (``1688年轻买家`` holds the org 1688, not the year 1688);
3. rjieba part-of-speech tags for names the lexicon lacks, filtered for precision
   (``core.entity_rules``).

Overlaps resolve longest first; on equal length the stronger source wins.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import accumulate
from operator import itemgetter

import rjieba

from .entity_rules import common_dictionary_names, dotted_names, tagged_names
from .lexicon import Lexicon
from .models import Span
from .numbers import find_figures

_PRIO_LEXICON, _PRIO_DATE, _PRIO_TAGGED, _PRIO_NUMBER = 0, 1, 2, 3
_ASCII_ALNUM = re.compile(r"[A-Za-z0-9]")
_HAN = re.compile(r"[\u4e00-\u9fff]")


def _trie_pattern(words: Sequence[str]) -> str:
    """A regex matching any of ``words``, longest first, shaped as a trie.

    A flat alternation of hundreds of names retries every name at every position; a trie
    lets the regex engine reject a position on its first character.
    """
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        terminal = "" in node
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 and not terminal else "(?:" + "|".join(alts) + ")"
        if terminal:
            body = (body if body.startswith("(?:") else "(?:" + body + ")") + "?"
        return body

    return build(root)


def lexicon_matcher(lexicon: Lexicon) -> re.Pattern[str]:
    """The compiled matcher for ``lexicon``'s names and aliases (cached on the lexicon)."""
    rx = lexicon.cache.get("matcher")
    if rx is None:
        rx = re.compile(_trie_pattern(list(lexicon.surfaces())))
        lexicon.cache["matcher"] = rx
    return rx


def _lexicon_hits(text: str, rx: re.Pattern[str], lexicon: Lexicon, bounds: set[int]):
    surfaces = lexicon.surfaces()
    for m in rx.finditer(text):
        start, end = m.span()
        name = m.group()
        # ASCII names must stand alone: Meta in Metaverse, 1688 in 16888 are not names.
        if _ASCII_ALNUM.match(name[0]) and start and _ASCII_ALNUM.match(text[start - 1]):
            continue
        if _ASCII_ALNUM.match(name[-1]) and end < len(text) and _ASCII_ALNUM.match(text[end]):
            continue
        # Two-character Chinese names hide inside words (完成都 → 成都, 完美团队 → 美团):
        # accept them only where jieba's segmentation also has a word boundary.
        if len(name) <= 2 and _HAN.match(name[0]) and (start not in bounds or end not in bounds):
            continue
        entry = surfaces[name]
        yield start, end, entry.type, entry.name


def find_entities(paragraphs: Sequence[str], lexicon: Lexicon) -> list[Span]:
    """Entities in canonical ``paragraphs``: sorted, non-overlapping ``Span``s."""
    rx = lexicon_matcher(lexicon)
    common = common_dictionary_names()
    spans: list[Span] = []
    for p, text in enumerate(paragraphs):
        if not text:
            continue
        tokens = rjieba.tag(text)
        # token start offsets (and the text's end), computed once for both uses below
        offsets = list(accumulate(map(len, map(itemgetter(0), tokens)), initial=0))
        bounds = set(offsets)
        cands: list[tuple[int, int, int, str, str, tuple]] = []
        taken = bytearray(len(text))
        for start, end, etype, key in _lexicon_hits(text, rx, lexicon, bounds):
            cands.append((start, end, _PRIO_LEXICON, etype, key, ()))
            taken[start:end] = b"\x01" * (end - start)
        for start, end, etype, key, kind in find_figures(text):
            if 1 in taken[start:end]:
                continue  # a lexicon name is never read as a number or date
            if kind == "count" and start and text[start - 1] == "第":
                continue  # ordinals (第31届) are not counts
            prio = _PRIO_DATE if etype == "date" else _PRIO_NUMBER
            cands.append((start, end, prio, etype, key, (("kind", kind),)))
        for start, end, etype in tagged_names(tokens, common, offsets):
            cands.append((start, end, _PRIO_TAGGED, etype, text[start:end], ()))
        for start, end, etype in dotted_names(text):
            cands.append((start, end, _PRIO_TAGGED, etype, text[start:end], ()))
        spans.extend(_resolve(p, len(text), cands))
    return spans


def _resolve(p: int, length: int, cands: list) -> list[Span]:
    """Keep the longest candidates that do not overlap; ties go to the stronger source."""
    cands.sort(key=lambda c: (c[0] - c[1], c[2], c[0]))
    used = bytearray(length)
    kept = []
    for cand in cands:
        start, end = cand[0], cand[1]
        if end <= start or 1 in used[start:end]:
            continue
        used[start:end] = b"\x01" * (end - start)
        kept.append(cand)
    # Kept spans do not overlap, so their start alone gives Span order (no Span.__lt__).
    kept.sort(key=itemgetter(0))
    return [Span(p, start, end, "entity", etype, key, extra) for start, end, _prio, etype, key, extra in kept]
