"""The reader never raises: any terminal size, live resizing, random key sequences."""

from __future__ import annotations

import asyncio

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from b2b_reader.app import ReaderApp
from b2b_reader.core import pipeline

from .conftest import article_lines, wait_for_analysis

HOSTILE = pipeline.load_text(
    "# [bold]標題[/] \x1b]2;x\x07\n\n第一段 [@click=app.quit]點[/] 淘寶和天貓，今年3月。\n\n"
    + "很長的段落，" * 400 + "\n\n## 第二節\n\n最後一段，2023年10月下旬。\n",
    "hostile.md",
)


@pytest.mark.parametrize("size", [(20, 5), (40, 10), (80, 24), (300, 100)])
async def test_any_size_shows_text_and_keys_work(size):
    app = ReaderApp(pipeline.load_default())
    async with app.run_test(size=size) as pilot:
        await wait_for_analysis(pilot)
        assert any(line.strip() for line in article_lines(app))
        await pilot.press("G", "l", "l", "]", "[", "i", "o", "pagedown", "g")
        assert app.is_running


async def test_paging_a_list_that_has_no_height_yet():
    app = ReaderApp(pipeline.load_default())
    async with app.run_test(size=(20, 5)) as pilot:
        await wait_for_analysis(pilot)
        await pilot.press("o", "i", "tab", "pagedown", "pageup", "tab", "pagedown")
        assert app.is_running


async def test_live_resizing_keeps_the_reading_position():
    app = ReaderApp(pipeline.load_default())
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_analysis(pilot)
        await pilot.press(*"jjjjj")
        for size in [(20, 5), (300, 100), (33, 7), (80, 24), (21, 6), (160, 48)]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
            assert app.screen.article.cursor == 5
        text = "".join(article_lines(app))
        paragraph = app.screen.views.get(app.screen.script, app.screen.variant, 5).text
        assert paragraph[:10] in text  # the cursor's paragraph is on screen


KEYS = ["j", "k", "l", "h", "space", "b", "g", "G", "right_square_bracket", "left_square_bracket",
        "t", "T", "s", "o", "f", "i", "n", "N", "H", *"12345678", "d", "m", "apostrophe", "enter",
        "escape", "tab", "shift+tab", "question_mark", "up", "down", "left", "right", "pagedown",
        "pageup", "home", "end", "D", "x", "2", "0", "slash", "p", "c", "v", "backspace"]


async def _press_all(keys: list[str], loaded) -> None:
    app = ReaderApp(loaded)
    async with app.run_test(size=(90, 26)) as pilot:
        for key in keys:
            await pilot.press(key)
            assert app.is_running, f"the reader stopped after {key!r}"
        await wait_for_analysis(pilot)
        await pilot.press("escape", "escape", "escape")
        assert app.is_running


@settings(max_examples=2, deadline=None, suppress_health_check=list(HealthCheck))
@given(keys=st.lists(st.sampled_from(KEYS), min_size=300, max_size=320), hostile=st.booleans())
def test_random_keys_never_raise(keys, hostile):
    asyncio.run(_press_all(keys, HOSTILE if hostile else pipeline.load_default()))


async def test_no_color_renders_and_types_stay_apart(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = ReaderApp(pipeline.load_default())
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_analysis(pilot)
        await pilot.press("j", "l", "v", "p", "t")
        await pilot.pause(0.5)
        assert app.is_running and any(line.strip() for line in article_lines(app))
        article = app.screen.article
        styles = {kind: article.get_component_rich_style(f"article--{kind}") for kind in ("person", "org", "place", "date")}
        marks = {kind: (s.underline, s.bold, s.italic) for kind, s in styles.items()}
        assert len(set(marks.values())) == len(marks)  # told apart without colour


async def test_a_truncated_file_shows_a_banner(tmp_path, monkeypatch):
    from functools import partial

    from b2b_reader.core import source

    big = tmp_path / "big.txt"
    big.write_text("財經新聞，" * 5000, encoding="utf-8")
    monkeypatch.setattr(source, "read_path", partial(source.read_path, max_bytes=1000))
    loaded = pipeline.load_path(str(big))
    assert loaded.truncated and any("too large" in w for w in loaded.warnings)
    app = ReaderApp(loaded)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        assert "only the first part was read" in str(app.screen.query_one("#title").content)


async def test_a_single_200000_character_line_reads_and_pages():
    loaded = pipeline.load_text("淘宝和天猫在今年3月公布了新的数字，增长了百分之五十。" * 8000, "one-line.txt")
    app = ReaderApp(loaded)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("G", "pagedown", "k", "t", "l", "g")
        assert app.is_running and app.screen.article.cursor == 0
        assert "淘寶和天貓" in "".join(article_lines(app)) or "淘宝和天猫" in "".join(article_lines(app))
