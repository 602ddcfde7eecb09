"""Pilot tests: c copies an annotated excerpt (app.clipboard and the OSC 52 sent), v selects, export."""

from __future__ import annotations

import base64
import re

from textual.widgets import Input

from b2b_reader.app import ReaderApp
from b2b_reader.core import pipeline, state
from b2b_reader.screens.dialogs import PathScreen

from .conftest import wait_for, wait_for_analysis

SIZE = (160, 48)


def capture_terminal(app) -> list[str]:
    """Everything the app writes to the terminal from now on."""
    written: list[str] = []
    write = app._driver.write
    app._driver.write = lambda data: (written.append(data), write(data))[1]
    return written


def osc52_payloads(written: list[str]) -> list[str]:
    return [base64.b64decode(m).decode("utf-8")
            for data in written for m in re.findall(r"\x1b\]52;c;([A-Za-z0-9+/=]*)", data)]


def messages(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_c_copies_the_paragraph_with_its_annotations(default_app):
    async with default_app.run_test(size=SIZE) as pilot:
        await wait_for_analysis(pilot)
        written = capture_terminal(default_app)
        screen = default_app.screen
        screen.set_view("simplified")
        screen.article.cursor = 10  # the paragraph with 余涌 (花名 朴初) and 今年1月
        await pilot.press("c")
        await wait_for(pilot, lambda: default_app.clipboard)
        copied = default_app.clipboard
        assert copied.startswith("> " + screen.views.get("simplified", "std", 10).text[:20])
        assert "paragraph 11" in copied
        assert "余涌, 朴初 → 余涌 (person)" in copied
        assert "今年1月 → 2023-01" in copied
        assert "**B2小B2C**" in copied
        assert osc52_payloads(written) == [copied]
        await wait_for(pilot, lambda: any("sent to terminal clipboard" in m for m in messages(default_app)))


async def test_v_selects_paragraphs_and_sentences(default_app):
    async with default_app.run_test(size=SIZE) as pilot:
        await wait_for_analysis(pilot)
        screen = default_app.screen
        screen.set_view("simplified")
        screen.article.cursor = 16
        await pilot.press("v", "j", "j")
        assert "selecting ¶17–19" in str(screen.query_one("#info").status)
        await pilot.press("c")
        await wait_for(pilot, lambda: default_app.clipboard)
        assert "paragraphs 17–19" in default_app.clipboard
        assert screen.article.selection.anchor is None  # copying leaves the selection
        # A sentence: the word cursor's sentence only, then one more with l.
        text = screen.views.canonical(17)
        screen.article.set_word(17, 33, 37)  # 今年3月, in the paragraph's second sentence
        await pilot.press("v")
        (first, start), (last, end) = screen.article.selection.range()
        assert (first, last) == (17, 17) and text[start:end].startswith("今年3月") and text[end - 1] == "。"
        await pilot.press("c")
        await wait_for(pilot, lambda: "(part)" in default_app.clipboard)
        assert "为了分食下沉市场" not in default_app.clipboard  # the first sentence is not in it


async def test_escape_leaves_the_selection(default_app):
    async with default_app.run_test(size=SIZE) as pilot:
        await pilot.press("v", "j")
        assert default_app.screen.article.selection.anchor is not None
        await pilot.press("escape")
        assert default_app.screen.article.selection.anchor is None
        assert "selecting" not in str(default_app.screen.query_one("#info").status)


async def test_C_changes_the_format_and_remembers_it(default_app):
    async with default_app.run_test(size=SIZE) as pilot:
        await wait_for_analysis(pilot)
        await pilot.press("C")
        assert default_app.settings.excerpt_format == "md-both"
        await pilot.press("c")
        await wait_for(pilot, lambda: default_app.clipboard)
        assert "**Simplified**" in default_app.clipboard and "**Traditional (Taiwan)**" in default_app.clipboard
    assert state.load_settings()[0].excerpt_format == "md-both"


async def test_markup_and_escapes_are_copied_inert():
    loaded = pipeline.load_text("標題\n\n正文[/] [@click=app.quit]點我[/] \x1b]0;pwned\x07和\x1b[31m紅字。\n", "evil.txt")
    app = ReaderApp(loaded)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_analysis(pilot)
        await pilot.press("c")
        await wait_for(pilot, lambda: app.clipboard)
        assert "[@click=app.quit]點我[/]" in app.clipboard
        assert "\x1b" not in app.clipboard and "\x07" not in app.clipboard
        assert app.is_running
        assert not any("pwned" in m and "\x1b" in m for m in messages(app))


async def test_too_large_to_copy_offers_to_save(tmp_path):
    loaded = pipeline.load_text("大\n\n" + "很長的段落內容，" * 5000 + "\n", "big.txt")
    app = ReaderApp(loaded)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_analysis(pilot)
        article = app.screen.article
        await pilot.press("v")  # select all 40,000 characters (cut into paragraphs of 2,000 at most)
        for _ in range(len(loaded.document.paragraphs)):
            article.selection.extend("paragraph", True)
        assert article.selection.range()[1][0] == len(loaded.document.paragraphs) - 1
        await pilot.press("c")
        await wait_for(pilot, lambda: isinstance(app.screen, PathScreen))
        assert any("not copied" in m for m in messages(app))
        target = tmp_path / "saved.md"
        app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        await wait_for(pilot, target.exists)
        assert "很長的段落內容" in target.read_text(encoding="utf-8")


async def test_export_command_writes_html(default_app, tmp_path):
    async with default_app.run_test(size=SIZE) as pilot:
        await wait_for_analysis(pilot)
        default_app.screen.action_export()
        await pilot.pause()
        target = tmp_path / "out.html"
        default_app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        await wait_for(pilot, target.exists)
        html = target.read_text(encoding="utf-8")
        assert html.startswith("<!DOCTYPE html>") and "余涌" in html
        await wait_for(pilot, lambda: any(f"Saved to {target}" in m for m in messages(default_app)))


async def test_help_warns_when_tmux_drops_the_clipboard(default_app, monkeypatch):
    monkeypatch.setenv("TMUX", "/tmp/tmux-0/default,1,0")
    async with default_app.run_test(size=SIZE) as pilot:
        from b2b_reader import clipboard

        monkeypatch.setattr(clipboard, "tmux_clipboard_state", lambda: "off")  # tmux answering "off"
        await pilot.press("question_mark")
        notes = " ".join(str(w.render()) for w in default_app.screen.query(".help-note"))
        assert "set-clipboard on" in notes
