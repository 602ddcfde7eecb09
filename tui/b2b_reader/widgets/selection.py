"""The selection of the article view (``v``): a range of sentences or paragraphs to copy.

It starts on the word cursor's sentence (or the whole paragraph) and grows or shrinks
from its free end by sentence (``l``/``h``) or paragraph (``j``/``k``). Positions are
``(paragraph, canonical offset)``; in a filtered view it moves over the shown paragraphs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .article import ArticleView


class Selection:
    """The article's selection: it owns its state (``anchor``, ``head``) and reads the
    article's cursor, word cursor, views and shown paragraphs; the article draws it."""

    def __init__(self, article: ArticleView) -> None:
        self.article = article
        self.anchor: tuple[tuple[int, int], tuple[int, int]] | None = None
        self.head: tuple[int, int] = (0, 0)

    @property
    def active(self) -> bool:
        """In selection mode."""
        return self.anchor is not None

    def start(self) -> None:
        """Select the word cursor's sentence, or without a word cursor the whole paragraph."""
        from ..core.words import sentence_bounds

        paragraph = self.article.cursor
        text = self.article.views.canonical(paragraph)
        start, end = 0, len(text)
        if self.article.word is not None:
            bounds = sentence_bounds(text)
            start = max(b for b in bounds if b <= self.article.word[0])
            end = min((b for b in bounds if b > self.article.word[0]), default=len(text))
        self.anchor = ((paragraph, start), (paragraph, end))
        self.head = (paragraph, end)
        self._changed(None)

    def toggle(self) -> None:
        """Start a selection, or leave the one there is."""
        self.clear() if self.anchor is not None else self.start()

    def clear(self) -> None:
        """Leave selection mode."""
        if self.anchor is not None:
            old = self.range()
            self.anchor = None
            self._changed(old)

    def range(self) -> tuple[tuple[int, int], tuple[int, int]] | None:
        """First and last (paragraph, canonical offset) of the selection, or None."""
        if self.anchor is None:
            return None
        first, last = min(self.anchor[0], self.head), max(self.anchor[1], self.head)
        if last[1] == 0 and last[0] > first[0]:  # ends at a paragraph's very start: the one before
            before = self.article.viewport.step(last[0], -1)
            last = (before, len(self.article.views.canonical(before)))
        if first[1] == len(self.article.views.canonical(first[0])) and first[0] < last[0]:
            first = (self.article.viewport.step(first[0], 1), 0)
        return first, last

    def note(self) -> str:
        """What the status line says while selecting ("" when not)."""
        selected = self.range()
        if selected is None:
            return ""
        (first, _), (last, _) = selected
        where = f"¶{first + 1}" if first == last else f"¶{first + 1}–{last + 1}"
        return f"selecting {where}: j/k paragraph, l/h sentence, c copies, esc leaves"

    def _bounds(self, paragraph: int, unit: str) -> list[int]:
        text = self.article.views.canonical(paragraph)
        if unit == "paragraph":
            return [0, len(text)]
        from ..core.words import sentence_bounds

        return sentence_bounds(text)

    def extend(self, unit: str, forward: bool) -> None:
        """Move the selection's free end to the next (previous) sentence or paragraph boundary."""
        old = self.range()
        start, end = self.anchor
        head = self.head
        if forward and head == start:
            head = end  # growing the other way: first undo the shrink past the anchor
        elif not forward and head == end:
            head = start
        paragraph, offset = head
        bounds = self._bounds(paragraph, unit)
        if forward:
            after = [b for b in bounds if b > offset]
            if after:
                head = (paragraph, after[0])
            elif self.article.viewport.step(paragraph, 1) is not None:
                following = self.article.viewport.step(paragraph, 1)
                head = (following, self._bounds(following, unit)[1])
        else:
            before = [b for b in bounds if b < offset]
            if before:
                head = (paragraph, before[-1])
            elif self.article.viewport.step(paragraph, -1) is not None:
                preceding = self.article.viewport.step(paragraph, -1)
                head = (preceding, self._bounds(preceding, unit)[-2])
        self.head = head
        if head[0] != self.article.cursor:
            self.article.cursor = head[0]
        self._changed(old)

    def _changed(self, old) -> None:
        changed = [index for selected in (old, self.range()) if selected
                   for index in range(selected[0][0], selected[1][0] + 1)]
        self.article.invalidate(changed)
        self.article.post_message(self.article.SelectionChanged(self.article))
