"""Pilot tests: the word cursor, word lookup, date → timeline, the document date, bookmarks."""

from __future__ import annotations

from textual.widgets import Input, OptionList, Static

from b2b_reader.app import ReaderApp
from b2b_reader.core import pipeline
from b2b_reader.screens.dialogs import BookmarksScreen, DateScreen
from b2b_reader.screens.lookup import LookupScreen

from .conftest import article_lines, wait_for, wait_for_analysis

SIZE = (160, 48)


def word_text(app) -> str:
    article = app.screen.article
    return app.screen.views.canonical(article.cursor)[slice(*article.word)]


def static_texts(screen) -> str:
    return "\n".join(str(widget.render()) for widget in screen.query(Static))


async def test_l_and_h_move_by_word_and_across_paragraphs(default_app):
    async with default_app.run_test(size=SIZE) as pilot:
        await wait_for_analysis(pilot)
        article = default_app.screen.article
        await pilot.press("l")
        assert article.word is not None and article.word[0] == 0 or word_text(default_app)
        first = article.word
        await pilot.press("l")
        assert article.word[0] >= first[1]
        await pilot.press("h")
        assert article.word == first
        # h before the first word goes to the end of the previous paragraph (none before ¶1).
        await pilot.press("h")
        assert article.cursor == 0 and article.word == first
        words = article.words_of(0)
        for _ in range(len(words) - 1):
            await pilot.press("l")
        await pilot.press("l")
        assert article.cursor == 1 and article.word == article.words_of(1)[0]
        await pilot.press("j")
        assert article.word is None  # moving the reading cursor drops the word cursor


async def test_glossary_term_is_one_word_and_lookup_shows_its_entry(default_app):
    async with default_app.run_test(size=SIZE) as pilot:
        await wait_for_analysis(pilot)
        screen = default_app.screen
        article = screen.article
        assert (32, 36) in article.words_of(15)  # 下沉市场: jieba splits it, the term does not
        article.set_word(15, 32, 36)
        await pilot.press("enter")
        assert isinstance(default_app.screen, LookupScreen)
        await wait_for(pilot, lambda: "looking up" not in static_texts(default_app.screen))
        shown = static_texts(default_app.screen)
        assert "下沉市场" in shown and "glossary" in shown
        assert "xiàchén" in shown.replace(" ", "")  # pinyin of the term
        await pilot.press("escape")
        assert default_app.screen is screen


async def test_lookup_of_a_person_in_traditional_shows_the_entity(default_app):
    async with default_app.run_test(size=SIZE) as pilot:
        await wait_for_analysis(pilot)
        default_app.screen.set_view("traditional", "tw")
        article = default_app.screen.article
        article.set_word(10, 52, 54)  # 朴初, the nickname of 余涌
        await pilot.press("enter")
        await wait_for(pilot, lambda: "looking up" not in static_texts(default_app.screen))
        shown = static_texts(default_app.screen)
        assert shown.startswith("樸初")
        assert "person  余涌" in shown


async def test_enter_without_word_cursor_looks_up_the_first_word(default_app):
    async with default_app.run_test(size=SIZE) as pilot:
        await wait_for_analysis(pilot)
        await pilot.press("enter")
        assert isinstance(default_app.screen, LookupScreen)
        assert default_app.screen.canonical == pilot.app.screen.canonical
        assert default_app.screen.canonical != ""


async def test_d_jumps_from_a_date_to_its_timeline_row(default_app):
    async with default_app.run_test(size=SIZE) as pilot:
        await wait_for_analysis(pilot)
        screen = default_app.screen
        screen.article.set_word(17, 33, 37)  # 今年3月
        await pilot.press("d")
        await pilot.pause()
        assert screen.query_one("#side-tabs").active == "tab-timeline"
        panel = screen.query_one("#timeline")
        event = panel.events[panel.option_list.highlighted]
        assert (event.paragraph, event.phrase, event.date) == (17, "今年3月", "2023-03")
        assert screen.article.marked == (17, 33, 37)


async def test_d_on_a_paragraph_without_dates_says_so(default_app):
    async with default_app.run_test(size=SIZE) as pilot:
        await wait_for_analysis(pilot)
        screen = default_app.screen
        no_dates = next(i for i in range(len(screen.views))
                        if not any(s.type == "date" for s in screen.article.spans.get(i, ())))
        screen.article.cursor = no_dates
        await pilot.press("d")
        assert any("No dated event" in str(n.message) for n in default_app._notifications)


async def test_setting_the_document_date_resolves_relative_dates_again(default_app):
    async with default_app.run_test(size=SIZE) as pilot:
        await wait_for_analysis(pilot)
        await pilot.press("D")
        assert isinstance(default_app.screen, DateScreen)
        dialog_input = default_app.screen.query_one(Input)
        dialog_input.value = "2024-13"
        await pilot.press("enter")
        assert isinstance(default_app.screen, DateScreen)  # refused, dialog stays
        assert "Not a date" in static_texts(default_app.screen)
        dialog_input.value = "2024-05"
        await pilot.press("enter")
        screen = default_app.screen
        await wait_for(pilot, lambda: screen.analysis is not None and screen.analysis.date == "2024-05")
        march = next(e for e in screen.analysis.events if e.phrase == "今年3月")
        assert march.date == "2024-03"
        assert "2024-05" in str(screen.query_one("#title").content)
        assert "inferred" not in str(screen.query_one("#title").content)


async def test_bookmarks_add_list_jump_delete_and_persist():
    async with ReaderApp(pipeline.load_default()).run_test(size=SIZE) as pilot:
        screen = pilot.app.screen
        await pilot.press("j", "j", "m")
        assert screen.article.bookmarks == {2}  # saved at once; the label asked for is optional
        await pilot.press("escape")  # no label
        assert pilot.app.screen is screen
        assert any("•" in line[:2] for line in article_lines(pilot.app))
        await pilot.press("j", "j", "j", "m", *"淘特", "enter", "g")
        await pilot.press("apostrophe")
        marks = pilot.app.screen
        assert isinstance(marks, BookmarksScreen)
        assert [b.paragraph for b in marks.bookmarks] == [2, 5]
        await pilot.press("down", "enter")
        assert pilot.app.screen is screen and screen.article.cursor == 5
        await pilot.press("apostrophe", "d")
        assert [b.paragraph for b in pilot.app.screen.bookmarks] == [5]
        await pilot.press("escape")
    # A new reader on the same document finds what was kept.
    async with ReaderApp(pipeline.load_default()).run_test(size=SIZE) as pilot:
        assert pilot.app.screen.article.bookmarks == {5}
        await pilot.press("apostrophe")
        labels = [str(o.prompt) for o in pilot.app.screen.query_one(OptionList).options]
        assert len(labels) == 1 and labels[0].startswith("¶6") and "淘特" in labels[0]


async def test_choosing_a_timeline_event_in_the_reader_goes_to_its_sentence(default_app):
    async with default_app.run_test(size=SIZE) as pilot:
        await wait_for_analysis(pilot)
        screen = default_app.screen
        await wait_for(pilot, lambda: screen.query("#timeline"))
        screen.query_one("#side-tabs").active = "tab-timeline"
        panel = screen.query_one("#timeline")
        await wait_for(pilot, lambda: panel.events)
        row = next(i for i, e in enumerate(panel.events) if e.phrase == "今年3月")
        panel.option_list.focus()
        panel.select_row(row)
        await pilot.press("enter")
        assert screen.article.cursor == 17 and screen.article.marked == (17, 33, 37)
        assert "今年3月" in "".join(article_lines(default_app))  # on screen (traditional: the same characters)
