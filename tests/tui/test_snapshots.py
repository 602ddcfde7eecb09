"""SVG snapshots of the main screen at 80×24 and 160×48, after analysis has arrived."""

import pytest

from b2b_reader.app import ReaderApp
from b2b_reader.core import pipeline

from .conftest import wait_for_analysis


@pytest.mark.parametrize("size", [(80, 24), (160, 48)])
def test_main_screen(snap_compare, size):
    assert snap_compare(ReaderApp(pipeline.load_default()), terminal_size=size, run_before=wait_for_analysis)


def test_after_toggle_and_next_section(snap_compare):
    async def run_before(pilot):
        await wait_for_analysis(pilot)
        await pilot.press("t", "right_square_bracket", "j")

    assert snap_compare(ReaderApp(pipeline.load_default()), terminal_size=(100, 30), run_before=run_before)


def test_pinyin_on(snap_compare):
    async def run_before(pilot):
        await wait_for_analysis(pilot)
        await pilot.press("p")
        for _ in range(100):
            if pilot.app.screen.article.pinyin:
                break
            await pilot.pause(0.05)
        await pilot.pause()

    assert snap_compare(ReaderApp(pipeline.load_default()), terminal_size=(100, 30), run_before=run_before)


def test_lookup_of_a_glossary_term(snap_compare):
    async def run_before(pilot):
        await wait_for_analysis(pilot)
        pilot.app.screen.article.set_word(15, 32, 36)  # 下沉市场
        await pilot.press("enter")
        for _ in range(100):
            senses = pilot.app.screen.query("#lookup-senses")
            if senses and "looking up" not in str(senses.first().render()):
                break
            await pilot.pause(0.05)
        await pilot.pause()

    assert snap_compare(ReaderApp(pipeline.load_default()), terminal_size=(100, 30), run_before=run_before)


def test_plain_text_article_with_its_title(snap_compare):
    # A plain-text article: its headline is the title (in the title bar, with 阿里巴巴
    # highlighted), a short line is a heading, and each line is a paragraph.
    from .test_titles import ARTICLE

    loaded = pipeline.load_text(ARTICLE, "article.txt")
    app = ReaderApp(loaded, script="simplified")
    assert snap_compare(app, terminal_size=(100, 24), run_before=wait_for_analysis)
