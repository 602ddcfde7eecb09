"""Word stops inside a paragraph, for the reader's word cursor (``h``/``l``) and lookup.

Words come from rjieba (jieba's dictionary, in Rust: a paragraph costs microseconds, so
they are computed when the cursor enters a paragraph, not stored). Annotation spans are
kept whole, so a glossary term jieba splits (下沉|市场) or an entity (艾瑞|咨询) is one
stop and its lookup finds the glossary or entity entry. Punctuation and spaces are not
stops.
"""

from __future__ import annotations

from collections.abc import Iterable

from .models import Span


def word_bounds(text: str, spans: Iterable[Span] = ()) -> list[tuple[int, int]]:
    """``[start, end)`` of every word of canonical ``text``, annotation spans merged whole."""
    import rjieba

    words: list[tuple[int, int]] = []
    pos = 0
    for token in rjieba.cut(text):
        end = pos + len(token)
        if any(c.isalnum() for c in token):
            words.append((pos, end))
        pos = end
    # Longest spans first, so a term inside an entity (or the reverse) does not split it.
    kept: list[tuple[int, int]] = []
    for span in sorted(spans, key=lambda s: s.start - s.end):
        if span.end > span.start and not any(s < span.end and span.start < e for s, e in kept):
            kept.append((span.start, span.end))
    if not kept:
        return words
    merged = [w for w in words if not any(s < w[1] and w[0] < e for s, e in kept)]
    return sorted(merged + kept)


def word_at(words: list[tuple[int, int]], offset: int) -> int | None:
    """Index of the word covering ``offset``, else of the first word after it (None: none)."""
    for i, (start, end) in enumerate(words):
        if offset < end:
            return i
    return None


#: A sentence ends after one of these, plus any closing quotes or brackets that follow.
_ENDS = "。！？!?；;…"
_CLOSERS = "”’」』）)》】\"'"


def sentence_bounds(text: str) -> list[int]:
    """Offsets where sentences of ``text`` start or end: ``[0, ..., len(text)]``, ascending."""
    bounds = [0]
    i, n = 0, len(text)
    while i < n:
        if text[i] in _ENDS:
            j = i + 1
            while j < n and (text[j] in _ENDS or text[j] in _CLOSERS):
                j += 1
            while j < n and text[j] == " ":
                j += 1
            if j < n:
                bounds.append(j)
            i = j
        else:
            i += 1
    bounds.append(n)
    return bounds
