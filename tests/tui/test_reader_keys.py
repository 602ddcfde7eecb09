"""Every key of the reader changes what the user sees as expected (Pilot)."""

from b2b_reader.app import ReaderApp
from b2b_reader.core import pipeline
from b2b_reader.widgets.article import ArticleView

from .conftest import article_lines, status_text, wait_for_analysis


async def test_opens_in_traditional_taiwan_with_cursor_on_first_paragraph(default_app):
    async with default_app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        lines = article_lines(default_app)
        assert lines[0].startswith("▌ 雙11激戰正酣")
        assert "Traditional (Taiwan)" in status_text(default_app)
        assert "¶ 1/43" in status_text(default_app)


async def test_t_toggles_simplified_and_traditional(default_app):
    async with default_app.run_test(size=(100, 30)) as pilot:
        await pilot.press("t")
        assert "双11激战正酣" in article_lines(default_app)[0]
        assert "Simplified" in status_text(default_app)
        await pilot.press("t")
        assert "雙11激戰正酣" in article_lines(default_app)[0]


async def test_source_view_and_variants(default_app):
    async with default_app.run_test(size=(120, 30)) as pilot:
        await pilot.press("s")
        assert "Source as given" in status_text(default_app)
        await pilot.press("s")
        await pilot.press("T")  # Taiwan -> Taiwan phrasing
        assert "Taiwan phrasing" in status_text(default_app)
        await pilot.press("T")
        assert "Hong Kong" in status_text(default_app)


async def test_j_k_and_arrows_move_the_reading_cursor(default_app):
    async with default_app.run_test(size=(100, 30)) as pilot:
        await pilot.press("j", "j", "down")
        assert "¶ 4/43" in status_text(default_app)
        marked = [line for line in article_lines(default_app) if line.startswith("▌")]
        assert marked and marked[0].startswith("▌ 儘管在阿里龐大的電商帝國裡")
        await pilot.press("k", "up")
        assert "¶ 2/43" in status_text(default_app)


async def test_paging_top_and_bottom(default_app):
    async with default_app.run_test(size=(100, 24)) as pilot:
        first = article_lines(default_app)[0]
        await pilot.press("space")
        assert article_lines(default_app)[0] != first
        await pilot.press("b")
        assert article_lines(default_app)[0][2:] == first[2:]
        await pilot.press("G")
        assert "¶ 43/43" in status_text(default_app)
        assert any("就看1688能否抓住了" in line for line in article_lines(default_app))
        await pilot.press("g")
        assert "¶ 1/43" in status_text(default_app)
        assert article_lines(default_app)[0] == first


async def test_sections_next_and_previous(default_app):
    async with default_app.run_test(size=(100, 30)) as pilot:
        await pilot.press("right_square_bracket")
        assert "不甘當淘寶配角" in status_text(default_app)
        assert article_lines(default_app)[0].strip().startswith("不甘當淘寶配角")
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert "D2C崛起" in status_text(default_app)
        await pilot.press("left_square_bracket")
        assert "承接下沉市場紅利" in status_text(default_app)


async def test_outline_toggle_focus_and_choose(default_app):
    async with default_app.run_test(size=(120, 30)) as pilot:
        outline = default_app.screen.query_one("#outline")
        assert outline.display  # wide: shown
        await pilot.press("o")  # o focuses the outline; from the outline it hides it
        assert outline.has_focus
        await pilot.press("o")
        assert not outline.display and isinstance(default_app.focused, ArticleView)
        await pilot.press("o")
        assert outline.display and outline.has_focus
        await pilot.press("down", "down", "enter")
        assert "承接下沉市場紅利" in status_text(default_app)
        assert isinstance(default_app.focused, ArticleView)


async def test_narrow_terminal_hides_the_outline(default_app):
    async with default_app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not default_app.screen.query_one("#outline").display
        assert article_lines(default_app)[0].startswith("▌ 雙11")


async def test_help_lists_keys_from_the_bindings(default_app):
    async with default_app.run_test(size=(100, 40)) as pilot:
        await pilot.press("question_mark")
        from b2b_reader.screens.help import HelpScreen

        assert isinstance(default_app.screen, HelpScreen)
        table = default_app.screen.query_one("#help-keys").content
        descriptions = [str(c) for c in table.columns[1]._cells]
        assert "简/繁" in descriptions and "Next §" in descriptions and "Page down" in descriptions
        await pilot.press("escape")
        assert not isinstance(default_app.screen, HelpScreen)
        await pilot.press("f1")
        assert isinstance(default_app.screen, HelpScreen)


async def test_q_quits(default_app):
    async with default_app.run_test(size=(100, 30)) as pilot:
        await pilot.press("q")
        await pilot.pause()
    assert default_app.return_code == 0


async def test_markup_in_a_document_is_shown_literally():
    loaded = pipeline.load_text("# [bold red]標題[/]\n\n正文 [@click=app.quit]點我[/] 和 [link=http://x]連結[/link]。\n", "evil.md")
    app = ReaderApp(loaded)
    async with app.run_test(size=(100, 20)) as pilot:
        await wait_for_analysis(pilot)
        text = "\n".join(article_lines(app))
        assert "[@click=app.quit]" in text and "[link=http://x]" in text
        await pilot.click("#article", offset=(10, 0))
        await pilot.pause()
        assert app.is_running
        title = app.screen.query_one("#title").render_line(0).text
        assert "[bold red]標題[/]" in title


async def test_key_bar_keeps_help_and_quit_at_80_columns(default_app):
    async with default_app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        keys = str(default_app.screen.query_one("#info").keys)
        assert keys.rstrip().endswith("?  All keys  q  Quit")
        assert keys.startswith(" i  Panels  /  Search ")  # the keys that matter most lead
        assert len(keys.rstrip()) <= 80
        await pilot.resize_terminal(200, 40)
        await pilot.pause()
        keys = str(default_app.screen.query_one("#info").keys)
        assert "j  Next ¶" in keys and keys.rstrip().endswith("q  Quit")
