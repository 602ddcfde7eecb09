"""Where the word cursor (``h``/``l``) stops: each paragraph's words, annotations whole.

Computed per paragraph on first use (segmenting is the core's: ``core.words``) and
dropped when the annotations change, since they are word stops too.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from ..core.models import Span

Word = tuple[int, int]  # canonical [start, end) in its paragraph


class WordStops:
    """Word stops of every paragraph; ``step(index, ±1)`` gives the next shown paragraph."""

    def __init__(self, canonical: Callable[[int], str], step: Callable[[int, int], int | None]) -> None:
        self._canonical = canonical
        self._step = step
        self._spans: Mapping[int, Sequence[Span]] = {}
        self._words: dict[int, list[Word]] = {}

    def set_spans(self, spans: Mapping[int, Sequence[Span]]) -> None:
        """Annotations changed: they are word stops, so every paragraph's are recomputed."""
        self._spans = spans
        self._words.clear()

    def of(self, index: int) -> list[Word]:
        """Word stops of paragraph ``index``."""
        words = self._words.get(index)
        if words is None:
            from ..core.words import word_bounds

            words = self._words[index] = word_bounds(self._canonical(index), self._spans.get(index, ()))
        return words

    def after(self, index: int, word: Word | None) -> tuple[int, Word] | None:
        """The word after ``word`` in paragraph ``index``; past its last, the next paragraph's first."""
        following = [w for w in self.of(index) if word is None or w[0] >= word[1]]
        while not following and self._step(index, 1) is not None:
            index = self._step(index, 1)
            following = self.of(index)
        return (index, following[0]) if following else None

    def before(self, index: int, word: Word | None) -> tuple[int, Word] | None:
        """The word before ``word`` (without one: the paragraph's last); before its first,
        the previous paragraph's last."""
        words = self.of(index)
        preceding = words[-1:] if word is None else [w for w in words if w[1] <= word[0]]
        while not preceding and self._step(index, -1) is not None:
            index = self._step(index, -1)
            preceding = self.of(index)
        return (index, preceding[-1]) if preceding else None
