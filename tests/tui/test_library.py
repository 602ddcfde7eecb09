"""The library screen (L, or the palette's "Library"): lists what was read; enter reopens a
document where it was left; one that vanished says so and stays closed."""

from __future__ import annotations

import gc
import re
import weakref

from b2b_reader.app import ReaderApp
from b2b_reader.core import pipeline
from b2b_reader.screens.library import LibraryScreen
from b2b_reader.screens.reader import ReaderScreen

from .conftest import article_lines, wait_for, wait_for_analysis

BOOK = ("---\ntitle: 美团第三季度营收增长22%\ndate: 2024-11-29\n---\n\n"
        "美团11月29日发布第三季度财报，营收936亿元，同比增长22%。\n\n"
        "核心本地商业分部经营利润为146亿元，同比增长39%。\n\n"
        "新业务分部经营亏损收窄至10亿元，主要得益于运营效率提升。\n\n"
        "公司表示，将继续加大在海外市场的投入。\n\n"
        "财报公布后，美团股价在盘后交易中上涨逾5%。\n")
OTHER = ("---\ntitle: 腾讯回购股份\n---\n\n"
         "腾讯控股今日在港交所回购股份，耗资约10亿港元。\n\n"
         "今年以来，腾讯累计回购金额已超过900亿港元。\n")


def readers(app: ReaderApp) -> list[ReaderScreen]:
    """The readers on the screen stack (under them: the app's empty default screen)."""
    return [s for s in app.screen_stack if isinstance(s, ReaderScreen)]


def shown_titles(screen: LibraryScreen) -> list[str]:
    options = screen.query_one("#library-list")
    return [str(options.get_option_at_index(i).prompt).split("\n")[0] for i in range(options.option_count)]


async def test_l_lists_the_shelf_and_enter_reopens_where_it_was_left(tmp_path):
    meituan, tencent = tmp_path / "meituan.md", tmp_path / "tencent.md"
    meituan.write_text(BOOK, encoding="utf-8")
    tencent.write_text(OTHER, encoding="utf-8")
    first = ReaderApp(pipeline.load_path(str(meituan)))
    async with first.run_test(size=(100, 30)) as pilot:
        await wait_for_analysis(pilot)
        await pilot.press("j", "j", "j")  # read on to the fourth paragraph
        await wait_for(pilot, lambda: first.screen.remembered.position == 3)
    app = ReaderApp(pipeline.load_path(str(tencent)))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_analysis(pilot)
        await pilot.press("L")
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen))
        titles = shown_titles(app.screen)
        assert titles == ["腾讯回购股份  (reading now)", "美团第三季度营收增长22%"]
        label = str(app.screen.query_one("#library-list").get_option_at_index(1).prompt)
        assert str(meituan) in label and "2024-11-29 · ¶ 4/5 (80%)" in label
        assert re.search(r"· last read 20\d\d-\d\d-\d\d \d\d:\d\d(:\d\d)? UTC", label)
        await pilot.press("down", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen) and app.screen.loaded.origin == str(meituan))
        await wait_for_analysis(pilot)
        assert app.screen.article.cursor == 3  # where it was left
        assert "第三季度" in str(app.screen.query_one("#title").content)  # its title, in the view chosen
        assert app.loaded.origin == str(meituan)
        await pilot.press("L")  # and back: the reader opened from the library is replaced
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen))
        assert shown_titles(app.screen)[0] == "美团第三季度营收增长22%  (reading now)"
        await pilot.press("down", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen) and app.screen.loaded.origin == str(tencent))
        assert readers(app) == [app.screen] and app.loaded.origin == str(tencent)


async def test_reopening_replaces_the_reader_it_does_not_stack_on_it(tmp_path):
    """Reopening from the shelf replaces the reader, the first one too. Escape does not bring back the old document, its position is saved, it is freed."""
    meituan, tencent = tmp_path / "meituan.md", tmp_path / "tencent.md"
    meituan.write_text(BOOK, encoding="utf-8")
    tencent.write_text(OTHER, encoding="utf-8")
    first = ReaderApp(pipeline.load_path(str(tencent)))
    async with first.run_test(size=(100, 30)) as pilot:
        await wait_for_analysis(pilot)  # the Tencent article is on the shelf now
    app = ReaderApp(pipeline.load_path(str(meituan)))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_analysis(pilot)
        await pilot.press("j", "j")  # the third paragraph of the Meituan report
        await wait_for(pilot, lambda: app.screen.remembered.position == 2)
        old = weakref.ref(app.screen.analysis)  # what a long document makes big
        old_article = weakref.ref(app.screen.article)
        await pilot.press("L")
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen))
        await pilot.press("down", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen) and app.screen.loaded.origin == str(tencent))
        await wait_for_analysis(pilot)
        # the new analysis is kept out of later collections (frozen), the old reader not with it
        await wait_for(pilot, lambda: gc.get_freeze_count() >= len(app.screen.analysis.spans))
        assert readers(app) == [app.screen]  # nothing stale below it
        await pilot.press("escape")
        await pilot.pause()
        assert readers(app) == [app.screen] and app.screen.loaded.origin == str(tencent)
        gc.collect()
        assert old() is None and old_article() is None  # the Meituan analysis and text are released
        await pilot.press("L")
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen))
        label = str(app.screen.query_one("#library-list").get_option_at_index(1).prompt)
        assert "¶ 3/5 (60%)" in label  # the replaced reader saved where it was left
        await pilot.press("down", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen) and app.screen.loaded.origin == str(meituan))
        await wait_for_analysis(pilot)
        assert app.screen.article.cursor == 2
        assert any("收窄至10" in line for line in article_lines(app))  # its third paragraph is shown


async def test_a_document_that_arrives_while_a_dialog_is_open_replaces_both(tmp_path):
    """A link is fetched off the UI thread: meanwhile the reader may open help. The document
    that arrives then is shown (the help closed), not dropped or stacked over it."""
    meituan, tencent = tmp_path / "meituan.md", tmp_path / "tencent.md"
    meituan.write_text(BOOK, encoding="utf-8")
    tencent.write_text(OTHER, encoding="utf-8")
    app = ReaderApp(pipeline.load_path(str(tencent)))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_analysis(pilot)
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: not isinstance(app.screen, ReaderScreen))
        await app.open_document(pipeline.load_path(str(meituan)))  # as the shelf's worker calls it
        await wait_for_analysis(pilot)
        assert readers(app) == [app.screen] and app.screen.loaded.origin == str(meituan)
        assert any("11月29日" in line for line in article_lines(app))  # its first paragraph


async def test_a_vanished_document_says_so_and_the_reader_stays(tmp_path):
    gone, here = tmp_path / "gone.md", tmp_path / "here.md"
    gone.write_text(BOOK, encoding="utf-8")
    here.write_text(OTHER, encoding="utf-8")
    first = ReaderApp(pipeline.load_path(str(gone)))
    async with first.run_test(size=(100, 30)) as pilot:
        await wait_for_analysis(pilot)
    gone.unlink()
    app = ReaderApp(pipeline.load_path(str(here)))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_analysis(pilot)
        await pilot.press("L")
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen))
        label = str(app.screen.query_one("#library-list").get_option_at_index(1).prompt)
        assert f"moved or deleted: {gone} is not there any more" in label
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)  # nothing to open: the list stays
        assert any("moved or deleted" in n.message for n in app._notifications)
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        assert app.screen.loaded.origin == str(here)


async def test_the_library_is_in_help_and_in_the_command_palette(default_app):
    async with default_app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        commands = [c.title for c in default_app.get_system_commands(default_app.screen)]
        assert "Library" in commands
        binding = next(b for b in ReaderScreen.BINDINGS if b.id == "library")
        assert (binding.key, binding.description) == ("L", "Library")
        await pilot.press("question_mark")
        await pilot.pause()
        groups = default_app.screen.groups  # what the help screen lists
        assert any(b.description == "Library" and b.key == "L" for _, bindings in groups for b in bindings)
