"""Nothing leaks: a hostile file name and hostile overlays never reach the terminal raw.

Every widget and dialog is drawn as the terminal would receive it (a full redraw of the
screen, escape codes and all) and searched for what an attacker needs: OSC (ESC ]), DCS
(ESC P), BEL, C1 CSI/OSC (U+009B, U+009D). Textual's own CSI colour codes are expected.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from b2b_reader.app import ReaderApp
from b2b_reader.core import pipeline

from .conftest import wait_for, wait_for_analysis

#: OSC 52 that would put `rm -rf ~` on the clipboard, an OSC 2 window title, a C1 CSI.
OSC52 = "\x1b]52;c;cm0gLXJmIH4=\x1b\\"
OSC2 = "\x1b]2;pwned\x07"
CSI = "\x9b31m"
HOSTILE_NAME = f"報告{OSC52}{OSC2}{CSI}.txt"
LEAKS = ("\x1b]", "\x1bP", "\x07", "\x9b", "\x9d")

TEXT = ("星火科技今年3月在杭州发布了新的供应链平台，GMV增长了百分之三十。\n\n"
        "星火科技的创始人表示，下沉市场仍是重点。\n\n"
        "## 第二节\n\n去年10月，星火科技完成了新一轮融资。\n")

LEXICON = (
    '[[entity]]\nname = "星火\\u001b]2;pwned\\u0007科技"\ntype = "org"\naliases = ["星火科技"]\n'
    'note = "a company \\u009b31m red"\n\n'
    '[[entity]]\nname = "某人"\ntype = "persn\\u001b]52;c;cm0gLXJmIH4=\\u001b\\\\"\n'
)
GLOSSARY = (
    '[[term]]\nterm = "供应链"\naliases = []\npinyin = "gōngyìng\\u001b]52;c;cm0gLXJmIH4=\\u001b\\\\liàn"\n'
    'en = "supply chain \\u009b31m"\nzh = "从原料到\\u001b]2;pwned\\u0007用户的链条"\ncategory = "supply-chain"\n'
)


def drawn(app: ReaderApp) -> str:
    """What a full redraw of the current screen writes to the terminal."""
    update = app.screen._compositor.render_update(full=True)
    return update.render_segments(app.console)


def assert_inert(output: str) -> None:
    for leak in LEAKS:
        assert leak not in output, f"{leak!r} reached the terminal"


@pytest.fixture
def hostile(tmp_path, _isolated_home) -> pipeline.Loaded:
    config = Path(_isolated_home) / "config"
    config.mkdir(parents=True, exist_ok=True)
    (config / "lexicon.toml").write_text(LEXICON, encoding="utf-8")
    (config / "glossary.toml").write_text(GLOSSARY, encoding="utf-8")
    path = tmp_path / HOSTILE_NAME
    path.write_text(TEXT, encoding="utf-8")  # no title: the file name is the title
    return pipeline.load_path(str(path))


async def test_every_widget_and_dialog_stays_inert(hostile):
    app = ReaderApp(hostile)
    async with app.run_test(size=(200, 40)) as pilot:
        await wait_for_analysis(pilot)
        await pilot.pause(0.3)
        output = drawn(app)
        assert_inert(output)
        assert "報告\ufffd]52;c;cm0gLXJmIH4=" in output  # the name is shown, defused
        # the overlays' warning (a bad type, quoted) was notified, and is on screen
        assert any("persn" in str(n.message) for n in app._notifications)
        # Entities and Glossary panels (wide terminal: shown), the glossary definition
        screen = app.screen
        assert screen.query_one("#main").has_class("-side")
        await wait_for(pilot, lambda: screen.query("#side-tabs"))
        await pilot.pause(0.2)
        output = drawn(app)
        assert_inert(output)
        assert "星火\ufffd]2;pwned" in output  # the canonical name, defused
        await pilot.press("tab", "tab")  # the glossary tab's list
        await pilot.pause(0.2)
        assert_inert(drawn(app))
        # the lookup dialog on the org and on the term
        for word in ("星火科技", "供应链"):
            article = screen.article
            article.cursor = 0
            start = screen.views.canonical(0).index(word)
            article.word = (start, start + len(word))
            await pilot.press("enter")
            await pilot.pause(0.5)
            output = drawn(app)
            assert_inert(output)
            await pilot.press("escape")
        # bookmarks, the date dialog, the export dialog (its default name is the file's)
        await pilot.press("m", "apostrophe")
        await pilot.pause(0.2)
        assert_inert(drawn(app))
        await pilot.press("escape", "D")
        await pilot.pause(0.2)
        assert_inert(drawn(app))
        await pilot.press("escape")
        screen.action_export()
        await pilot.pause(0.2)
        assert_inert(drawn(app))
        await pilot.press("escape", "question_mark")
        await pilot.pause(0.2)
        assert_inert(drawn(app))


async def test_a_hostile_setting_and_document_text_stay_inert(_isolated_home):
    config = Path(_isolated_home) / "config"
    config.mkdir(parents=True, exist_ok=True)
    (config / "settings.toml").write_text('theme = "x\\u001b]2;pwned\\u0007"\nscript = "\\u009b2J"\n',
                                          encoding="utf-8")
    loaded = pipeline.load_text(f"# 標題{OSC2}\n\n第一段{OSC52}淘寶。\n\n## 第二節{CSI}\n\n最後一段。\n", "x.md")
    app = ReaderApp(loaded)
    async with app.run_test(size=(160, 30)) as pilot:
        await wait_for_analysis(pilot)
        await pilot.pause(0.2)
        assert any("script" in str(n.message) for n in app._notifications)  # the bad setting, reported
        assert_inert(drawn(app))
        await pilot.press("o", "p", "w", "i")
        await pilot.pause(0.5)
        assert_inert(drawn(app))
