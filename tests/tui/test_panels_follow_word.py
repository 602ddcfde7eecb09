"""Pilot tests: the side panels select the entity or glossary term under the word cursor."""

from __future__ import annotations

from b2b_reader.widgets.panels import EntityPanel, GlossaryPanel

from .conftest import wait_for, wait_for_analysis

SIZE = (160, 48)


async def side_ready(pilot):
    screen = pilot.app.screen
    if not screen.area.has_class("-side"):
        await pilot.press("i")
    await wait_for(pilot, lambda: screen.area.side is not None
                   and len(screen.area.side.query_one(EntityPanel).targets) > 2)
    return screen.area.side


async def test_the_entity_under_the_word_cursor_is_selected_focus_stays(default_app):
    async with default_app.run_test(size=SIZE) as pilot:
        await wait_for_analysis(pilot)
        side = await side_ready(pilot)
        panel = side.query_one(EntityPanel)
        article = default_app.screen.article
        article.focus()
        first = panel.highlighted_target
        # An entity listed below the first row, put under the word cursor by a key (l).
        target = next(t for t in panel.targets if t is not None and t.key != first.key)
        paragraph, start, end = target.mentions[0]
        before = [w for w in article.words_of(paragraph) if w[1] <= start]
        article.set_word(paragraph, *before[-1]) if before else article.set_word(paragraph, start, end)
        if before:
            await pilot.press("l")
        await pilot.pause()
        assert article.word == (start, end)
        assert panel.highlighted_target.key == target.key
        assert default_app.focused is article  # selected in its panel, focus not taken


async def test_the_glossary_term_under_the_word_cursor_is_selected_when_its_tab_opens(default_app):
    async with default_app.run_test(size=SIZE) as pilot:
        await wait_for_analysis(pilot)
        side = await side_ready(pilot)
        panel = side.query_one(GlossaryPanel)
        article = default_app.screen.article
        article.set_word(15, 32, 36)  # 下沉市场, a glossary term, while the Entities tab is open
        await pilot.pause()
        assert default_app.focused is article
        side.query_one("#side-tabs").active = "tab-glossary"
        await pilot.pause()
        assert panel.highlighted_target is not None and panel.highlighted_target.key == "下沉市场"
        assert "lower-tier market" in str(side.query_one("#definition").render())  # its definition shown
        assert default_app.focused is article


async def test_the_word_cursor_after_t_selects_in_the_hidden_tab_once_opened(default_app):
    async with default_app.run_test(size=SIZE) as pilot:
        await wait_for_analysis(pilot)
        side = await side_ready(pilot)
        side.query_one("#side-tabs").active = "tab-glossary"
        await pilot.pause()
        side.query_one("#side-tabs").active = "tab-entities"
        await pilot.pause()
        before = [t.label for t in side.query_one(GlossaryPanel).targets if t and t.key == "下沉市场"]
        await pilot.press("t")  # the hidden glossary now lists the old view: it is refilled when opened
        article = default_app.screen.article
        article.set_word(15, 32, 36)  # 下沉市场
        await pilot.pause()
        panel = side.query_one(GlossaryPanel)
        side.query_one("#side-tabs").active = "tab-glossary"
        await pilot.pause()
        assert panel.highlighted_target.key == "下沉市场"
        swapped = panel.highlighted_target.label.translate(str.maketrans("场場", "場场"))
        assert before == [swapped]  # listed in the new view (场 ⇄ 場)
