"""Pilot tests: a bookmark's label, asked for when adding and edited in the list, and the
list showing two lines of each paragraph."""

from __future__ import annotations

from textual.widgets import Input, OptionList

from b2b_reader.app import ReaderApp
from b2b_reader.core import pipeline
from b2b_reader.screens.dialogs import BookmarksScreen, LabelScreen

SIZE = (160, 48)


def rows(app) -> list[str]:
    return [str(o.prompt) for o in app.screen.query_one(OptionList).options]


async def test_label_asked_when_adding_then_edited_in_the_list_and_kept():
    async with ReaderApp(pipeline.load_default()).run_test(size=SIZE) as pilot:
        screen = pilot.app.screen
        await pilot.press("j", "j", "j", "m")
        assert isinstance(pilot.app.screen, LabelScreen)
        await pilot.press(*"1688 下沉", "enter")
        assert pilot.app.screen is screen and screen.article.bookmarks == {3}
        await pilot.press("apostrophe")
        assert isinstance(pilot.app.screen, BookmarksScreen)
        assert rows(pilot.app)[0].startswith("¶4") and "1688 下沉" in rows(pilot.app)[0]
        await pilot.press("e")
        assert isinstance(pilot.app.screen, LabelScreen)
        assert pilot.app.screen.query_one(Input).value == "1688 下沉"
        pilot.app.screen.query_one(Input).value = "批发平台"
        await pilot.press("enter")
        assert isinstance(pilot.app.screen, BookmarksScreen)
        assert "批发平台" in rows(pilot.app)[0] and "1688 下沉" not in rows(pilot.app)[0]
        await pilot.press("escape")
    async with ReaderApp(pipeline.load_default()).run_test(size=SIZE) as pilot:  # a new reader
        await pilot.press("apostrophe")
        assert "批发平台" in rows(pilot.app)[0]


async def test_the_list_shows_two_lines_of_the_paragraph():
    async with ReaderApp(pipeline.load_default()).run_test(size=SIZE) as pilot:
        screen = pilot.app.screen
        await pilot.press("j", "j", "m", "escape", "apostrophe")
        await pilot.pause()
        row = rows(pilot.app)[0]
        paragraph = " ".join(screen.views.get(screen.article.script, screen.article.variant, 2).text.split())
        shown = row.removeprefix("¶3").strip().rstrip("…")
        assert paragraph.startswith(shown)
        assert len(shown) > 40  # more than the old 30 characters: two lines of a wide dialog
