"""The article's word cursor (``h``/``l``, a click): which word of the reading cursor's
paragraph it is on, where it goes next, and what a click on the text means.

Where it may stop is :class:`WordStops`' (``word_stops``); where a click lands, ``hit``'s.
The word itself is the article's state (``ArticleView.word``, drawn by ``article_text``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .strips import MARGIN
from .word_stops import Word, WordStops

if TYPE_CHECKING:
    from textual import events

    from .article import ArticleView


class WordCursor:
    """Moves the word cursor of one article (owned by it)."""

    def __init__(self, article: ArticleView) -> None:
        self.article = article
        self.stops = WordStops(article.views.canonical, article.viewport.step)

    def put(self, paragraph: int, start: int, end: int) -> None:
        """Put the word cursor on ``[start, end)`` of ``paragraph`` (the reading cursor follows)."""
        article = self.article
        if article.cursor != paragraph:
            article.cursor = paragraph
        article.word = (start, end)
        article.invalidate([paragraph])
        article.post_message(article.WordMoved(article, paragraph, article.word))  # the panels select what it is

    def step(self, step: int) -> None:
        """The next word (1); past the paragraph's last, the next paragraph's first. Or the
        previous one (-1); before the paragraph's first, the previous paragraph's last."""
        article = self.article
        found = (self.stops.after if step > 0 else self.stops.before)(article.cursor, article.word)
        if found:
            self.put(found[0], *found[1])

    async def click(self, event: events.Click) -> None:
        """A click puts the reading cursor on the paragraph and the word cursor on the word
        under it; a click on the word already under the word cursor looks it up."""
        article = self.article
        content = event.get_content_offset(article)  # inside the centring padding and focus bar
        rows = article.viewport.visible(article.size.height)
        if content is None or not 0 <= content.y < len(rows):
            return
        block_index, line = rows[content.y]
        block = article.viewport.blocks[block_index]
        if block.kind == "heading":
            return
        from .hit import word_clicked

        word: Word | None = word_clicked(article, block_index, line, content.x - MARGIN)
        if word is None:
            article.cursor = block.index
        elif block.index == article.cursor and word == article.word:
            await article.run_action("screen.lookup")
        else:
            self.put(block.index, *word)
