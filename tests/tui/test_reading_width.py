"""A wide terminal: the article's lines stop at the reading width, the column centred."""

from __future__ import annotations

from rich.cells import cell_len

from b2b_reader.app import ReaderApp
from b2b_reader.core import pipeline, state
from b2b_reader.core.state import Settings, save_settings

from .conftest import article_lines, wait_for_analysis




async def test_a_wide_terminal_centres_a_column_of_about_forty_characters():
    app = ReaderApp(pipeline.load_default())
    async with app.run_test(size=(200, 50)) as pilot:
        await wait_for_analysis(pilot)
        await pilot.pause(0.2)
        article = app.screen.article
        text_width = article.size.width - 4  # the margin: cursor bar and mark
        assert 76 <= text_width <= 80  # lines of 170 cells before
        rows = [row for row in article_lines(app) if row.strip()]
        widths = [cell_len(row[2:].rstrip()) for row in rows]
        assert 70 <= max(widths) <= 81  # ~40 Chinese characters a line (a closing mark may hang)
        pad = article.styles.padding
        assert abs(pad.left - pad.right) <= 1 and pad.left > 10  # centred in its area
        assert app.screen.query_one("#side").display  # the side panels still fit beside it


async def test_the_reading_width_is_a_setting_and_0_means_the_whole_width():
    save_settings(Settings(reading_width=0), state.config_dir() / state.SETTINGS_FILE)
    app = ReaderApp(pipeline.load_default())
    async with app.run_test(size=(200, 50)) as pilot:
        await wait_for_analysis(pilot)
        article = app.screen.article
        assert article.styles.padding.left == 0
        assert max(cell_len(row[2:].rstrip()) for row in article_lines(app)) > 100


async def test_a_narrow_terminal_keeps_its_whole_width():
    app = ReaderApp(pipeline.load_default())
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_analysis(pilot)
        assert app.screen.article.styles.padding.left == 0
