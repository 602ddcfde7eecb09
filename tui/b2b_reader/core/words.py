"""Word stops inside a paragraph, for the reader's word cursor (``h``/``l``) and lookup.

Words come from rjieba (jieba's dictionary, in Rust: a paragraph costs microseconds, so
they are computed when the cursor enters a paragraph, not stored). Annotation spans are
kept whole, so a glossary term jieba splits (下沉|市场) or an entity (艾瑞|咨询) is one
stop and its lookup finds the glossary or entity entry. Punctuation and spaces are not
stops.
"""

from __future__ import annotations

import re
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


#: Sentence-final marks, and the closing quotes and brackets that stay with them. The one
#: definition of a sentence for the timeline (events), the selection (v) and the cutting
#: of over-long paragraphs.
_ENDS = "。！？!?；;"
_CLOSERS = "”’」』)）"
SENTENCE_END = re.compile(f"[{_ENDS}]+[{_CLOSERS}]*")
_SENTENCE = re.compile(f"[^{_ENDS}]*(?:[{_ENDS}]+[{_CLOSERS}]*|$)")


def sentences(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence of ``text``; a last one without a mark included."""
    return [(m.start(), m.end()) for m in _SENTENCE.finditer(text) if m.end() > m.start()]


def sentence_bounds(text: str) -> list[int]:
    """Offsets where sentences of ``text`` start or end: ``[0, ..., len(text)]``, ascending."""
    return [0, *(end for _, end in sentences(text) if end < len(text)), len(text)]
