"""What the reader remembers per document: position, bookmarks and the date set with D."""

from __future__ import annotations

from b2b_reader.app import ReaderApp
from b2b_reader.core import pipeline

from .conftest import wait_for, wait_for_analysis


async def test_the_document_date_set_with_d_is_used_at_the_next_open():
    app = ReaderApp(pipeline.load_default())
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_analysis(pilot)
        assert app.screen.analysis.date == "2023-11"  # inferred from the text
        await pilot.press("D")
        await pilot.pause()
        app.screen.query_one("#date-input").value = ""
        await pilot.press(*"2022-06", "enter")
        await wait_for(pilot, lambda: app.screen.analysis is not None and app.screen.analysis.date == "2022-06")
    again = ReaderApp(pipeline.load_default())
    async with again.run_test(size=(100, 30)) as pilot:
        await wait_for_analysis(pilot)
        screen = again.screen
        assert screen.date_override == "2022-06" and screen.analysis.date == "2022-06"
        assert not screen.analysis.date_inferred
        assert "2022-06" in str(screen.query_one("#title").content)
        # another document keeps its own date
    other = ReaderApp(pipeline.load_text("2021年，淘宝的成交额增长了。\n\n今年3月又增长了。\n", "other.txt"))
    async with other.run_test(size=(100, 30)) as pilot:
        await wait_for_analysis(pilot)
        assert other.screen.date_override is None and other.screen.analysis.date.startswith("2021")


async def test_a_date_given_on_the_command_line_wins_over_the_remembered_one():
    from b2b_reader.core import state

    loaded = pipeline.load_default()
    state.StateStore().set_date(pipeline.document_key(loaded.document), "2022-06")
    given = loaded._replace(document=loaded.document._replace(date="2021-01", date_inferred=False))
    app = ReaderApp(given, date="2021-01")  # b2b-reader --date 2021-01
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_analysis(pilot)
        assert app.screen.date_override is None and app.screen.analysis.date == "2021-01"


async def test_full_width_punctuation_chosen_last_time_is_on_at_the_next_start():
    text = "阿里巴巴宣布:闲鱼,1688提升为一级业务.\n"
    app = ReaderApp(pipeline.load_text(text, "a.txt"), script="simplified")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f")
        await pilot.pause()
    again = ReaderApp(pipeline.load_text(text, "a.txt"), script="simplified")
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        first = again.screen.article.render_line(0).text
        assert "阿里巴巴宣布：闲鱼，1688" in first
