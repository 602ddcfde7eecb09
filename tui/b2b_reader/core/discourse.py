"""One reading per discourse: a name found with confidence is found at every mention.

``spread(texts, spans, tokens)`` takes the names the entity layer kept in one run of
paragraphs and returns candidates for every other mention of them, with one type per
name: the type most of its mentions got, or org wherever a mention is followed by what
only follows an organisation (``name_context.org_by_context``). Aliases defined in the
text (``（下称“国购基金”）``) join the names with the type of the name before them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from itertools import accumulate

from .name_context import alias_definitions, org_by_context

NAME_TYPES = ("person", "org", "place")
_ASCII_ALNUM = re.compile(r"[A-Za-z0-9]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_ALIAS_MARK = re.compile(r"简称|下称")


def document_types(texts: Sequence[str], spans) -> dict[str, str]:
    """Each name's one type in the document, from ``spans``
    ``(paragraph, start, end, type)`` and the aliases the texts define."""
    votes: dict[str, Counter] = {}
    org_context: set[str] = set()
    ends: dict[tuple[int, int], str] = {}
    for p, s, e, t in spans:
        if t not in NAME_TYPES or e - s < 2:
            continue
        name = texts[p][s:e]
        votes.setdefault(name, Counter())[t] += 1
        ends[p, e] = t
        if t != "org" and org_by_context(texts[p], e):
            org_context.add(name)
    for p, text in enumerate(texts):
        if "称" not in text or not _ALIAS_MARK.search(text):
            continue
        for bracket, a, b in alias_definitions(text):
            etype = ends.get((p, bracket))
            if etype is not None:
                votes.setdefault(text[a:b], Counter())[etype] += 2
    types = {}
    for name, count in votes.items():
        types[name] = "org" if name in org_context else max(
            count.items(), key=lambda kv: (kv[1], kv[0] == "org"))[0]
    return types


def _pattern(names) -> re.Pattern[str]:
    from .entities import _trie_pattern

    return re.compile(_trie_pattern(sorted(names)))


def mentions(texts: Sequence[str], types: dict[str, str], tokens: Sequence[Sequence[tuple[str, str]]] | None):
    """``(paragraph, start, end, type)`` of every mention of the names of ``types``.

    A mention of a Latin name must stand alone (FF in FFI is not FF); a two-character
    Chinese one must fall on jieba's word boundaries (``tokens`` per paragraph; without
    them two-character names are not spread)."""
    if not types:
        return
    rx = _pattern(types)
    for p, text in enumerate(texts):
        bounds = None
        for m in rx.finditer(text):
            s, e = m.span()
            name = m.group()
            if _ASCII_ALNUM.match(name[0]) and s and _ASCII_ALNUM.match(text[s - 1]):
                continue
            if _ASCII_ALNUM.match(name[-1]) and e < len(text) and _ASCII_ALNUM.match(text[e]):
                continue
            if len(name) <= 2 and _HAN.match(name[0]):
                if tokens is None or not tokens[p]:
                    continue
                if bounds is None:
                    bounds = set(accumulate((len(w) for w, _t in tokens[p]), initial=0))
                if s not in bounds or e not in bounds:
                    continue
            yield p, s, e, types[name]
