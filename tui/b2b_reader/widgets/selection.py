"""The selection of the article view (``v``): a range of sentences or paragraphs to copy.

It starts on the word cursor's sentence (or the whole paragraph) and grows or shrinks
from its free end by sentence (``l``/``h``) or paragraph (``j``/``k``). Positions are
``(paragraph, canonical offset)``; in a filtered view it moves over the shown paragraphs.
"""

from __future__ import annotations


class SelectionMixin:
    """Selection state and movement, mixed into ArticleView."""

    anchor: tuple[tuple[int, int], tuple[int, int]] | None = None
    head: tuple[int, int] = (0, 0)

    def start_selection(self) -> None:
        """Select the word cursor's sentence, or without a word cursor the whole paragraph."""
        from ..core.words import sentence_bounds

        paragraph = self.cursor
        text = self.views.canonical(paragraph)
        start, end = 0, len(text)
        if self.word is not None:
            bounds = sentence_bounds(text)
            start = max(b for b in bounds if b <= self.word[0])
            end = min((b for b in bounds if b > self.word[0]), default=len(text))
        self.anchor = ((paragraph, start), (paragraph, end))
        self.head = (paragraph, end)
        self._selection_changed(None)

    def toggle_selection(self) -> None:
        """Start a selection, or leave the one there is."""
        self.clear_selection() if self.anchor is not None else self.start_selection()

    def clear_selection(self) -> None:
        """Leave selection mode."""
        if self.anchor is not None:
            old = self.selection_range()
            self.anchor = None
            self._selection_changed(old)

    def action_clear_selection(self) -> None:
        self.clear_selection()

    def selection_range(self) -> tuple[tuple[int, int], tuple[int, int]] | None:
        """First and last (paragraph, canonical offset) of the selection, or None."""
        if self.anchor is None:
            return None
        first, last = min(self.anchor[0], self.head), max(self.anchor[1], self.head)
        if last[1] == 0 and last[0] > first[0]:  # ends at a paragraph's very start: the one before
            before = self.viewport.step(last[0], -1)
            last = (before, len(self.views.canonical(before)))
        if first[1] == len(self.views.canonical(first[0])) and first[0] < last[0]:
            first = (self.viewport.step(first[0], 1), 0)
        return first, last

    def selection_note(self) -> str:
        """What the status line says while selecting ("" when not)."""
        selected = self.selection_range()
        if selected is None:
            return ""
        (first, _), (last, _) = selected
        where = f"¶{first + 1}" if first == last else f"¶{first + 1}–{last + 1}"
        return f"selecting {where}: j/k paragraph, l/h sentence, c copies, esc leaves"

    def _bounds(self, paragraph: int, unit: str) -> list[int]:
        text = self.views.canonical(paragraph)
        if unit == "paragraph":
            return [0, len(text)]
        from ..core.words import sentence_bounds

        return sentence_bounds(text)

    def extend_selection(self, unit: str, forward: bool) -> None:
        """Move the selection's free end to the next (previous) sentence or paragraph boundary."""
        old = self.selection_range()
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
            elif self.viewport.step(paragraph, 1) is not None:
                following = self.viewport.step(paragraph, 1)
                head = (following, self._bounds(following, unit)[1])
        else:
            before = [b for b in bounds if b < offset]
            if before:
                head = (paragraph, before[-1])
            elif self.viewport.step(paragraph, -1) is not None:
                preceding = self.viewport.step(paragraph, -1)
                head = (preceding, self._bounds(preceding, unit)[-2])
        self.head = head
        if head[0] != self.cursor:
            self.cursor = head[0]
        self._selection_changed(old)

    def _selection_changed(self, old) -> None:
        changed = [index for selected in (old, self.selection_range()) if selected
                   for index in range(selected[0][0], selected[1][0] + 1)]
        self.invalidate(changed)
        self.post_message(self.SelectionChanged(self))
