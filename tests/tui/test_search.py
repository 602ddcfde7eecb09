"""Pilot tests: search across scripts (/, n, N, count, outline), the filtered view, pinyin, spacing."""

from __future__ import annotations

from textual.widgets import Input

from b2b_reader.app import ReaderApp
from b2b_reader.core import pipeline
from b2b_reader.widgets.panels import EntityPanel, TargetChosen

from .conftest import article_lines, status_text, wait_for, wait_for_analysis

SIZE = (160, 48)


async def type_query(pilot, query: str) -> None:
    await pilot.press("slash")
    await pilot.press(*query)


async def search_bar(pilot):
    """The search bar, opened (its search is run directly, as typing would)."""
    await pilot.press("slash")
    await pilot.pause()
    return pilot.app.screen.query_one("#search")


def outline_labels(app) -> list[str]:
    return [str(o.prompt) for o in app.screen.query_one("#outline").options]


async def test_search_as_you_type_count_n_and_N(default_app):
    async with default_app.run_test(size=SIZE) as pilot:
        await wait_for_analysis(pilot)
        await type_query(pilot, "淘宝")
        bar = default_app.screen.query_one("#search")
        assert bar.display and bar.region.height == 1  # the query is visible as it is typed
        assert bar.value == "淘宝"
        assert "“淘宝” 1/9" in status_text(default_app)
        assert [label[-3:] for label in outline_labels(default_app)][1:3] == ["(6)", "(3)"]  # matches per section
        await pilot.press("enter")
        assert default_app.focused is default_app.screen.article
        assert bar.region.height == 0  # the bar closes, the result stays
        await pilot.press("n", "n")
        assert "“淘宝” 3/9" in status_text(default_app)
        await pilot.press("N")
        assert "“淘宝” 2/9" in status_text(default_app)
        paragraph, start, end = default_app.screen.article.marked
        assert default_app.screen.views.get("traditional", "tw", paragraph).text[start:end] == "淘寶"
        assert "淘寶" in "\n".join(article_lines(default_app))  # the match is on screen


async def test_either_script_and_latin_case_find_the_same(default_app):
    async with default_app.run_test(size=SIZE) as pilot:
        await wait_for_analysis(pilot)
        screen = default_app.screen
        screen.set_view("simplified")  # no view index to arrive half-way through
        counts = {}
        bar = await search_bar(pilot)
        for query in ("淘宝", "淘寶", "gmv", "ＧＭＶ"):
            bar.run(query)
            counts[query] = len(bar.matches)
        assert counts["淘宝"] == counts["淘寶"] == 9
        assert counts["gmv"] == counts["ＧＭＶ"] > 0


async def test_escape_goes_back_and_clears(default_app):
    async with default_app.run_test(size=SIZE) as pilot:
        await wait_for_analysis(pilot)
        await pilot.press("j", "j")
        await type_query(pilot, "1688")
        assert default_app.screen.article.cursor != 2 or default_app.screen.article.marked
        await pilot.press("escape")
        screen = default_app.screen
        assert screen.article.cursor == 2 and screen.article.search is None
        assert "“1688”" not in status_text(default_app)
        assert not any(label.endswith(")") and "(" in label[-5:] for label in outline_labels(default_app))


async def test_no_match_is_said(default_app):
    async with default_app.run_test(size=SIZE) as pilot:
        await wait_for_analysis(pilot)
        await type_query(pilot, "zzzz")
        assert "no match for “zzzz”" in status_text(default_app)


async def test_filter_to_a_search_then_back(default_app):
    async with default_app.run_test(size=SIZE) as pilot:
        await wait_for_analysis(pilot)
        await type_query(pilot, "SHEIN")
        await pilot.press("enter", "F")
        article = default_app.screen.article
        shown = {b.index for b in article.viewport.blocks if b.kind != "heading"}
        with_shein = {m.paragraph for m in default_app.screen.query_one("#search").matches}
        assert shown == with_shein and len(shown) >= 2
        first = article.cursor
        await pilot.press("j")
        assert article.cursor in with_shein and article.cursor != first
        await pilot.press("F")
        assert article.only is None and len(article.viewport.blocks) > len(shown)


async def test_filter_to_an_entity_and_copy_from_it(default_app):
    async with default_app.run_test(size=SIZE) as pilot:
        await wait_for_analysis(pilot)
        screen = default_app.screen
        mentions = [(s.paragraph, s.start, s.end) for s in screen.analysis.spans if s.key == "余涌"]
        screen.post_message(TargetChosen(screen.query_one(EntityPanel), "entity", "余涌", "余涌", mentions))
        await pilot.pause()
        await pilot.press("F")
        assert screen.article.only == {p for p, _, _ in mentions}
        text = "\n".join(article_lines(default_app))
        assert "余涌" in text
        await pilot.press("c")
        await wait_for(pilot, lambda: default_app.clipboard)
        assert "余涌" in default_app.clipboard


async def test_p_shows_word_pinyin_with_polyphones_in_context(default_app):
    async with default_app.run_test(size=SIZE) as pilot:
        await wait_for_analysis(pilot)
        await pilot.press("j", "j", "p")
        await wait_for(pilot, lambda: default_app.screen.article.pinyin == "word")
        text = "".join(article_lines(default_app))
        assert "行業(hángyè)" in text  # 行 in 行业 is háng
        assert "電商(diànshāng)" in text
        await pilot.press("P")  # tone colours: same text, styled per tone
        assert default_app.screen.article.pinyin == "tones"
        await pilot.press("P")  # the source's own pinyin (the seed had some)
        assert default_app.screen.article.pinyin == "source"
        await pilot.press("p")
        assert "(hángyè)" not in "".join(article_lines(default_app))


async def test_w_puts_spaces_between_words(default_app):
    async with default_app.run_test(size=SIZE) as pilot:
        await wait_for_analysis(pilot)
        await pilot.press("w")
        assert "雙11 激戰 正酣" in "".join(article_lines(default_app))


async def test_help_shows_reading_statistics(default_app):
    async with default_app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        notes = " ".join(str(w.render()) for w in default_app.screen.query(".help-note"))
        assert "3,898 characters" in notes and "min" in notes


async def test_taiwan_phrasing_is_found_in_its_own_wording(default_app):
    async with default_app.run_test(size=SIZE) as pilot:
        await wait_for_analysis(pilot)
        screen = default_app.screen
        screen.set_view("traditional", "twp")
        bar = await search_bar(pilot)
        bar.run("網際網路")  # twp's word for 互联网: not the canonical text folded
        await wait_for(pilot, lambda: bar.matches)
        paragraph, start, end = bar.matches[0]
        assert "互联网" in screen.views.canonical(paragraph)[start - 3:end + 3]


async def test_pinyin_keeps_the_reading_cursor_on_screen(default_app):
    async with default_app.run_test(size=(100, 30)) as pilot:
        await wait_for_analysis(pilot)
        await pilot.press("j", "j", "j", "j", "p")
        await wait_for(pilot, lambda: default_app.screen.article.pinyin)
        await pilot.pause()
        assert any(line.startswith("▌") for line in article_lines(default_app))


async def test_copying_a_selection_in_a_filtered_view_copies_only_what_it_shows(default_app):
    async with default_app.run_test(size=SIZE) as pilot:
        await wait_for_analysis(pilot)
        screen = default_app.screen
        screen.set_view("simplified")
        bar = await search_bar(pilot)
        bar.run("SHEIN")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.press("F")
        shown = sorted(screen.article.only)
        p, q = next((a, b) for a, b in zip(shown, shown[1:]) if b > a + 1)  # a gap between them
        screen.article.cursor = p
        await pilot.press("v", "j", "c")
        await wait_for(pilot, lambda: default_app.clipboard)
        copied = default_app.clipboard
        assert f"paragraph {p + 1}." in copied and f"paragraph {q + 1}." in copied
        assert screen.views.canonical(p + 1)[:15] not in copied  # hidden: not copied
