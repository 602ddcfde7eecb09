"""Word stops inside a paragraph, for the reader's word cursor (``h``/``l``) and lookup.

Words come from rjieba (jieba's dictionary, in Rust: a paragraph costs microseconds, so
they are computed when the cursor enters a paragraph, not stored). Annotation spans are
kept whole, so a glossary term jieba splits (下沉|市场) or an entity (艾瑞|咨询) is one
stop and its lookup finds the glossary or entity entry. Punctuation and spaces are not
stops. :class:`TermBoundaries` is the glossary's word-boundary rule, on a segmentation that
knows the glossary's terms; sentences are at the end.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import accumulate

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


class TermBoundaries:
    """Whether a glossary hit sits on word boundaries of the glossary-aware segmentation
    (``core.glossary``'s rule), or is exactly an entity, and is not inside a compound of
    another sense (a term's ``not_in``).

    jieba segments each run of :data:`_BLOCK` characters on its own, so only the runs that
    hold a hit are segmented, when a hit first needs them: the same words as a whole
    paragraph's segmentation, for a tenth of the text.
    """

    def __init__(self, paragraphs: Sequence[str], terms: frozenset[str], compounds: Iterable[str] = (),
                 entities: Iterable[Span] = ()) -> None:
        self.paragraphs = paragraphs
        self._cut = _segmenter(terms).cut
        self._blocks: dict[int, tuple[list[int], list[int]]] = {}  # paragraph -> starts, ends
        self._bounds: dict[tuple[int, int], set[int]] = {}  # (paragraph, block start) -> offsets
        self._entities: set[tuple[int, int, int]] = {(s.paragraph, s.start, s.end) for s in entities}
        longest = sorted(set(compounds), key=len, reverse=True)
        self._compounds = re.compile("|".join(map(re.escape, longest))) if longest else None
        self._inside: dict[int, list[tuple[int, int]]] = {}

    def __call__(self, index: int, start: int, end: int) -> bool:
        if self._compounds is not None:
            inside = self._inside.get(index)
            if inside is None:
                inside = self._inside[index] = [m.span() for m in self._compounds.finditer(self.paragraphs[index])]
            if any(s <= start and end <= e for s, e in inside):
                return False
        if (index, start, end) in self._entities:
            return True
        return self._boundary(index, start) and self._boundary(index, end)

    def _boundary(self, index: int, offset: int) -> bool:
        """Whether a word of the segmentation starts or ends at ``offset``."""
        blocks = self._blocks.get(index)
        if blocks is None:
            found = [m.span() for m in _BLOCK.finditer(self.paragraphs[index])]
            blocks = self._blocks[index] = ([s for s, _ in found], [e for _, e in found])
        starts, ends = blocks
        i = bisect_right(starts, offset) - 1
        if i < 0 or offset >= ends[i]:  # outside every run (punctuation): a boundary
            return True
        block = starts[i]
        if offset == block:
            return True
        bounds = self._bounds.get((index, block))
        if bounds is None:
            words = self._cut(self.paragraphs[index][block:ends[i]], False)
            bounds = self._bounds[(index, block)] = set(accumulate(map(len, words), initial=block))
        return offset in bounds


#: What jieba segments as one run (its ``re_han_default``); anything else separates runs.
_BLOCK = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&._%\-]+")


#: The frequency glossary terms get in the segmenter's dictionary: that of a common word
#: (jieba's 主播 and 达人 are rare, and lose to 群主 in 这群主播 or 人大 in 达人大多), not so
#: high that a term wins against a real word around it (达|人民币, 毒品|类, 出售|后).
_TERM_FREQUENCY = 1000


@lru_cache(maxsize=2)
def _segmenter(forms: frozenset[str]):
    """A private rjieba instance (~0.1 s to build) that knows the glossary's terms.

    Private because the shared one feeds the name tagger, whose features were learnt on
    jieba's own dictionary, and the word cursor.
    """
    import rjieba

    jieba = rjieba.Jieba()
    for form in sorted(forms):
        jieba.add_word(form, _TERM_FREQUENCY, None)
    return jieba
