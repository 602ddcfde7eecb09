"""Candidate spans of the entity layer and how they resolve into non-overlapping spans.

A candidate is ``(start, end, priority, type, key, extra)`` in paragraph offsets; key None
stands for its own text. :func:`resolve` keeps the longest that do not overlap (ties go
to the stronger source, the lower ``PRIO_*``); :func:`in_context` drops the names a
bracket, a quote or a work's title rules out first.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from operator import itemgetter

from .name_context import bracket_ok, work_titles

PRIO_LEXICON, PRIO_DATE, PRIO_TAGGED, PRIO_DISCOURSE, PRIO_NUMBER, PRIO_BACKSTOP = 0, 1, 2, 3, 4, 5
NAME_TYPES = frozenset(("person", "org", "place"))
MARKS = frozenset("（(《“「『【[〈‘）)》”」』】]〉’\"")
_MARK_RX = re.compile("[" + re.escape("".join(sorted(MARKS))) + "]")


def in_context(text: str, cands: list) -> None:
    """Drop name candidates that cross a bracket, quote or book-title mark, or that sit
    inside the title of a work; a title that only names a newspaper (《证券时报》) is that org."""
    titles = list(work_titles(text)) if "《" in text else []
    marks = [m.start() for m in _MARK_RX.finditer(text)]
    keep = []
    for c in cands:
        start, end, etype = c[0], c[1], c[3]
        i = bisect_left(marks, start)
        if (i == len(marks) or marks[i] >= end) and not titles:
            keep.append(c)  # no mark inside it, no title in the paragraph
            continue
        if etype in NAME_TYPES or etype in ("product", "event"):
            if not bracket_ok(text, start, end):
                continue
            if any(a <= start and end <= b and not (press and (a, b) == (start, end))
                   for a, b, press in titles):
                continue
        keep.append(c)
    for a, b, press in titles:
        if press:
            keep.append((a, b, PRIO_TAGGED, "org", None, ()))
    cands[:] = keep


def resolve(text: str, cands: list) -> list[tuple]:
    """Keep the longest candidates that do not overlap; ties go to the stronger source.

    A candidate's key None stands for its own text (names found by rules or model).
    """
    cands.sort(key=lambda c: (c[0] - c[1], c[2], c[0]))
    used = bytearray(len(text))
    kept = []
    for cand in cands:
        start, end = cand[0], cand[1]
        if end <= start or 1 in used[start:end]:
            continue
        used[start:end] = b"\x01" * (end - start)
        kept.append(cand)
    # Kept spans do not overlap, so their start alone gives Span order (no Span.__lt__).
    kept.sort(key=itemgetter(0))
    return kept
