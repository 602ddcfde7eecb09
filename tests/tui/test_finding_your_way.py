"""Pilot tests of issue 19, "Finding your way": the key bar, less/vim keys, s back, focus
order and panel keys, the outline's wrapped headings, the status line, palette and help."""

from __future__ import annotations

from textual.widgets import OptionList, TabbedContent

from b2b_reader.app import ReaderApp
from b2b_reader.core import pipeline
from b2b_reader.screens.navigation import paragraph_for
from b2b_reader.widgets.article import ArticleView

from .conftest import article_lines, status_text, wait_for, wait_for_analysis

WIDE = (200, 60)


def keys_line(app) -> str:
    return str(app.screen.query_one("#info").keys).rstrip()


async def test_key_bar_ranks_keys_and_hints_help_at_each_width(default_app):
    async with default_app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        narrow = keys_line(default_app)
        for shown in (" i  Panels", "/  Search", "p  Pinyin", "⏎  Look up", "t  简/繁"):
            assert shown in narrow
        assert narrow.endswith("?  All keys  q  Quit") and len(narrow) <= 80
        await pilot.resize_terminal(*WIDE)
        await pilot.pause()
        wide = keys_line(default_app)
        assert narrow[:-len("?  All keys  q  Quit")].strip() in wide  # the same lead, more after it
        assert "o  Outline" in wide and "]  Next §" in wide and "'  Bookmarks" in wide


async def test_side_panels_follow_the_width_until_the_user_chooses(default_app):
    async with default_app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        area = default_app.screen.area
        assert not area.has_class("-side")
        await pilot.resize_terminal(*WIDE)
        await wait_for(pilot, lambda: area.has_class("-side") and area.side is not None)
        await pilot.resize_terminal(120, 30)
        await wait_for(pilot, lambda: not area.has_class("-side"))
        await pilot.press("i")  # chosen explicitly: the width no longer decides
        await pilot.pause()
        assert area.has_class("-side")
        await pilot.resize_terminal(100, 30)
        await pilot.pause(0.1)
        assert area.has_class("-side")


async def test_half_pages_and_pages_with_ctrl_keys(default_app):
    async with default_app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        first = article_lines(default_app)[0]
        await pilot.press("ctrl+d")
        half = article_lines(default_app)
        assert half[0] != first and first[2:] not in half  # the top line went by
        await pilot.press("ctrl+u")
        assert article_lines(default_app)[0][2:] == first[2:]
        await pilot.press("ctrl+f")
        paged = article_lines(default_app)[0]
        await pilot.press("ctrl+b")
        assert article_lines(default_app)[0][2:] == first[2:]
        await pilot.press("ctrl+f")
        assert article_lines(default_app)[0] == paged  # ctrl+f pages as space does
        await pilot.press("ctrl+u", "ctrl+u")  # two halves back: the first page again
        assert article_lines(default_app)[0][2:] == first[2:]


def test_paragraph_targets():
    assert paragraph_for("12", 43) == 11
    assert paragraph_for(":12", 43) == 11
    assert paragraph_for("12G", 43) == 11
    assert paragraph_for("50%", 43) == 21
    assert paragraph_for("100%", 43) == 42
    assert paragraph_for("999", 43) == 42
    assert paragraph_for("twelve", 43) is None


async def test_count_g_and_percent_go_to_a_paragraph_and_keep_the_highlights(default_app):
    async with default_app.run_test(size=(100, 30)) as pilot:
        await wait_for_analysis(pilot)
        article = default_app.screen.article
        hidden, highlight = set(article.hidden_types), article.highlight
        await pilot.press("1", "2", "G")
        assert "¶ 12/43" in status_text(default_app)
        assert article.hidden_types == hidden and article.highlight == highlight
        await pilot.press("5", "0", "percent_sign")
        assert "¶ 22/43" in status_text(default_app)
        assert article.hidden_types == hidden
        await pilot.press("G")  # no count: the bottom, as always
        assert "¶ 43/43" in status_text(default_app)
        await pilot.press("1", "j")  # a digit not ended by G stays a highlight toggle
        assert article.hidden_types != hidden
        assert "¶ 43/43" in status_text(default_app)


async def test_colon_asks_for_a_paragraph_or_percentage(default_app):
    async with default_app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("colon")
        await pilot.pause()
        from b2b_reader.screens.goto import GoToDialog

        assert isinstance(default_app.screen, GoToDialog)
        await pilot.press(*"abc", "enter")
        assert isinstance(default_app.screen, GoToDialog)  # refused, said so
        assert "Not a paragraph" in str(default_app.screen.query_one("#goto-error").content)
        await pilot.press("ctrl+a", "ctrl+k", *"20", "enter")
        await pilot.pause()
        assert "¶ 20/43" in status_text(default_app)
        await pilot.press("colon")
        await pilot.pause()
        await pilot.press(*"25%", "enter")
        await pilot.pause()
        assert "¶ 11/43" in status_text(default_app)


async def test_vim_keys_in_the_outline_panels_and_bookmarks(default_app):
    async with default_app.run_test(size=WIDE) as pilot:
        await wait_for_analysis(pilot)
        await pilot.press("o")
        outline = default_app.screen.query_one("#outline")
        assert outline.has_focus
        await pilot.press("G")
        assert outline.highlighted == outline.option_count - 1
        await pilot.press("g")
        assert outline.highlighted == 0
        await pilot.press("j", "j", "k")
        assert outline.highlighted == 1
        await pilot.press("W")  # the glossary, focused
        await pilot.pause()
        glossary = default_app.screen.query_one("#glossary").query_one(OptionList)
        assert glossary.has_focus
        await pilot.press("G")
        last = glossary.highlighted
        assert last is not None and last > 5
        await pilot.press("g", "space")
        assert 0 < glossary.highlighted < last
        await pilot.press("escape", "tab")  # back to the article: bookmark two paragraphs
        default_app.screen.article.focus()
        await pilot.press("m", "escape", "j", "j", "m", "escape", "apostrophe")  # escape: no label
        await pilot.pause()
        listed = default_app.screen.query_one("#bookmarks-list")
        await pilot.press("G")
        assert listed.highlighted == listed.option_count - 1
        await pilot.press("g")
        assert listed.highlighted == 0


async def test_help_scrolls_with_j_space_and_G(default_app):
    async with default_app.run_test(size=(100, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        body = default_app.screen.query_one("#help-body")
        assert body.max_scroll_y > 0
        await pilot.press("j")
        assert body.scroll_y == 1
        await pilot.press("G")
        assert body.scroll_y == body.max_scroll_y
        await pilot.press("g", "space")
        assert body.scroll_y > 1
        descriptions = [str(c) for c in default_app.screen.query_one("#help-keys").content.columns[1]._cells]
        for new in ("Half page down", "Go to ¶ N or N%", "Entities panel", "Glossary (words) panel",
                    "Timeline (years) panel", "Previous / next tab (Entities, Glossary, Timeline)"):
            assert new in descriptions


async def test_s_goes_back_to_the_view_it_left(default_app):
    async with default_app.run_test(size=(100, 30)) as pilot:
        await pilot.press("t")
        assert "Simplified" in status_text(default_app)
        await pilot.press("s")
        assert "Source as given" in status_text(default_app)
        await pilot.press("s")
        assert "简体 Simplified" in status_text(default_app)
        assert "双11激战正酣" in article_lines(default_app)[0]
        await pilot.press("t", "T", "s", "s")  # traditional, Taiwan phrasing: back to it too
        assert "Taiwan phrasing" in status_text(default_app)


async def test_tab_goes_article_panels_outline_and_back(default_app):
    async with default_app.run_test(size=WIDE) as pilot:
        await wait_for_analysis(pilot)
        screen = default_app.screen
        await wait_for(pilot, lambda: screen.area.side is not None)
        entities = screen.query_one("#entities").query_one(OptionList)
        outline = screen.query_one("#outline")
        assert isinstance(default_app.focused, ArticleView)
        await pilot.press("tab")
        assert entities.has_focus
        await pilot.press("tab")
        assert outline.has_focus
        await pilot.press("tab")
        assert isinstance(default_app.focused, ArticleView)
        await pilot.press("shift+tab")
        assert outline.has_focus
        await pilot.press("shift+tab")
        assert entities.has_focus
        # h/l switch tabs while a panel has the focus ...
        tabs = screen.query_one("#side-tabs", TabbedContent)
        await pilot.press("l")
        await pilot.pause()
        assert tabs.active == "tab-glossary"
        assert screen.query_one("#glossary").query_one(OptionList).has_focus
        await pilot.press("h", "h")
        await pilot.pause()
        assert tabs.active == "tab-timeline"
        # ... and move the word cursor in the article
        screen.article.focus()
        await pilot.press("l")
        assert screen.article.word is not None and tabs.active == "tab-timeline"
        await pilot.press("E")
        await pilot.pause()
        assert tabs.active == "tab-entities" and entities.has_focus


async def test_a_panel_key_opens_the_panels_on_a_narrow_terminal(default_app):
    async with default_app.run_test(size=(120, 30)) as pilot:
        await wait_for_analysis(pilot)
        await pilot.press("Y")
        await wait_for(pilot, lambda: default_app.screen.area.has_class("-side"))
        await pilot.pause()
        assert default_app.screen.query_one("#side-tabs", TabbedContent).active == "tab-timeline"
        assert default_app.screen.query_one("#timeline").query_one(OptionList).has_focus


async def test_a_wrapped_outline_heading_is_indented():
    heading = "中国企业海外并购的风险与机遇以及跨境电商平台的全球化布局分析"
    loaded = pipeline.load_text(f"# 标题\n\n## {heading}\n\n正文第一段。\n\n## 短标题\n\n正文第二段。\n", "long.md")
    app = ReaderApp(loaded)
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_for_analysis(pilot)
        app.screen.set_view("simplified")
        outline = app.screen.query_one("#outline")
        await wait_for(pilot, lambda: outline.option_count >= 2)
        await pilot.pause()
        await pilot.pause()
        rows = [outline.render_line(y).text.rstrip() for y in range(outline.size.height)]
        start = next(i for i, row in enumerate(rows) if row.lstrip().startswith(heading[:4]))
        indent = len(rows[start]) - len(rows[start].lstrip())
        continued = rows[start + 1]
        assert continued.strip() and heading.startswith(rows[start].strip())
        assert len(continued) - len(continued.lstrip()) >= indent + 2  # hanging: reads as one heading
        assert "".join(row.strip() for row in rows[start:start + 4]).startswith(heading)


async def test_status_line_says_filtered_and_wrapped(default_app):
    async with default_app.run_test(size=(160, 48)) as pilot:
        await wait_for_analysis(pilot)
        await pilot.press("slash", *"淘宝", "enter")
        await pilot.press("F")
        assert "filtered:" in status_text(default_app) and "“淘宝”" in status_text(default_app)
        await pilot.press("j")
        assert "filtered:" in status_text(default_app)  # while it lasts, not a toast
        await pilot.press("F")
        assert "filtered:" not in status_text(default_app)
        await pilot.press("N")  # from the first match back: wraps to the last
        assert "9/9" in status_text(default_app) and "wrapped to bottom" in status_text(default_app)
        await pilot.press("n")
        assert "1/9" in status_text(default_app) and "wrapped to top" in status_text(default_app)
        await pilot.press("n")
        assert "2/9" in status_text(default_app) and "wrapped" not in status_text(default_app)


async def test_search_from_below_the_last_match_says_it_wrapped(default_app):
    async with default_app.run_test(size=(160, 48)) as pilot:
        await wait_for_analysis(pilot)
        await pilot.press("G", "slash", *"淘宝")
        await pilot.pause()
        assert "search wrapped to top" in status_text(default_app)


async def test_palette_shows_keys_as_people_write_them(default_app):
    async with default_app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        helps = {c.title: c.help for c in default_app.get_system_commands(default_app.screen)}
        assert helps["Next §"] == "Key: ]" and helps["Bookmarks"] == "Key: '"
        assert helps["Search"] == "Key: /" and helps["Help"] == "Key: ? / F1"
        assert helps["Half page down"] == "Key: ctrl+d"
        assert not any("square_bracket" in h or "apostrophe" in h for h in helps.values())
        from textual.binding import Binding

        assert default_app.get_key_display(Binding("right_square_bracket", "x")) == "]"


async def test_j_k_g_G_in_the_library(tmp_path):
    from b2b_reader.screens.library import LibraryScreen
    from b2b_reader.screens.reader import ReaderScreen

    paths = []
    for name, text in (("meituan", "美团发布第三季度财报，营收同比增长22%。\n"),
                       ("tencent", "腾讯控股今日在港交所回购股份。\n"),
                       ("byd", "比亚迪十月新能源汽车销量再创新高。\n")):
        path = tmp_path / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
        async with ReaderApp(pipeline.load_path(str(path))).run_test(size=(100, 30)) as pilot:
            await wait_for_analysis(pilot)
    app = ReaderApp(pipeline.load_path(str(paths[-1])))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_analysis(pilot)
        await pilot.press("L")
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen))
        shelf = app.screen.query_one("#library-list")
        await pilot.press("G")
        assert shelf.highlighted == shelf.option_count - 1 == 2
        await pilot.press("g", "j")
        assert shelf.highlighted == 1
        await pilot.press("k", "j", "enter")  # the second read last: tencent
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen) and app.loaded.origin == str(paths[1]))


async def test_help_at_80_columns_keeps_each_key_beside_its_description(default_app):
    async with default_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        keys = default_app.screen.query_one("#help-keys")
        lines = [keys.render_line(y).text.rstrip() for y in range(keys.size.height)]
        assert any(line.startswith("ctrl+d / ctrl+u") and "Half page down / up" in line for line in lines)
        assert any(line.startswith("h / l") and "Previous / next tab" in line for line in lines)
        assert any(line.startswith("tab") and "article → panel list" in line for line in lines)


async def test_the_focused_part_is_framed(default_app):
    async with default_app.run_test(size=(120, 30)) as pilot:  # the outline beside the article
        await wait_for_analysis(pilot)
        screen = default_app.screen
        article, box = screen.article, screen.query_one("#outline-box")
        assert article.has_focus
        framed = article.styles.border_left[1]  # the accent bar at the article's left
        assert box.styles.border_top[1] != framed
        await pilot.press("o")  # the outline has the focus: its frame takes the accent, the article's goes
        assert screen.query_one("#outline").has_focus
        assert article.styles.border_left[1] != framed and box.styles.border_top[1] == framed
        await pilot.press("tab")
        assert article.has_focus and article.styles.border_left[1] == framed
