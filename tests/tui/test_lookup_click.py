"""Pilot tests: a click on a word puts the word cursor there; a second click looks it up."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from b2b_reader.screens.lookup import LookupScreen
from b2b_reader.widgets.strips import MARGIN

from .conftest import wait_for_analysis

SIZE = (160, 48)


def cell_of(article, paragraph: int, word: tuple[int, int]) -> tuple[int, int]:
    """The screen cell (x, y in the article) of ``word``'s first character, on a shown line."""
    viewport = article.viewport
    block = viewport.block_of[paragraph]
    rows = viewport.visible(article.size.height)
    y = rows.index((block, 0))
    first_line = viewport.lines(block)[0].plain
    view = article.views.get(article.script, article.variant, paragraph)
    start = view.map.to_view(word[0])
    assert start < len(first_line)
    inset = article.content_region.x - article.region.x  # centring padding, focus bar
    return inset + MARGIN + cell_len(first_line[:start]), y


@pytest.mark.parametrize("size", [SIZE, (260, 48)])  # 260: the column centred in padding
async def test_click_on_a_word_puts_the_word_cursor_then_a_second_click_looks_it_up(default_app, size):
    async with default_app.run_test(size=size) as pilot:
        await wait_for_analysis(pilot)
        article = default_app.screen.article
        paragraph = article.viewport.blocks[article.viewport.visible(article.size.height)[2][0]].index
        words = article.words_of(paragraph)
        first_line = len(article.viewport.lines(article.viewport.block_of[paragraph])[0].plain)
        word = next(w for w in words[2:] if w[1] - w[0] >= 2 and w[1] <= first_line)
        x, y = cell_of(article, paragraph, word)
        await pilot.click("#article", offset=(x + 1, y))  # the word's second cell: the same word
        assert article.cursor == paragraph and article.word == word
        assert isinstance(default_app.screen, type(default_app.screen))  # no dialog yet
        assert not isinstance(default_app.screen, LookupScreen)
        await pilot.click("#article", offset=(x, y))
        await pilot.pause()
        assert isinstance(default_app.screen, LookupScreen)
        assert default_app.screen.canonical == article.views.canonical(paragraph)[slice(*word)]


async def test_click_on_another_word_moves_the_word_cursor_without_looking_up(default_app):
    async with default_app.run_test(size=SIZE) as pilot:
        await wait_for_analysis(pilot)
        article = default_app.screen.article
        paragraph = article.viewport.blocks[article.viewport.visible(article.size.height)[2][0]].index
        words = [w for w in article.words_of(paragraph)
                 if w[1] <= len(article.viewport.lines(article.viewport.block_of[paragraph])[0].plain)]
        await pilot.click("#article", offset=cell_of(article, paragraph, words[0]))
        await pilot.click("#article", offset=cell_of(article, paragraph, words[1]))
        assert article.word == words[1]
        assert not isinstance(default_app.screen, LookupScreen)
