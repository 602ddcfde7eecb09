"""Pilot tests: inside the lookup dialog, stepping through words, following CC-CEDICT's
cross-references, a word it lacks, and an entity's mentions."""

from __future__ import annotations

from textual.widgets import Static

from b2b_reader.screens.lookup import LookupScreen, Subject

from .conftest import wait_for, wait_for_analysis

SIZE = (160, 48)


def shown_text(screen) -> str:
    return "\n".join(str(widget.render()) for widget in screen.query(Static))


async def looked_up(pilot) -> str:
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, LookupScreen)
                   and pilot.app.screen.query("#lookup-senses")
                   and "looking up" not in shown_text(pilot.app.screen))
    return shown_text(pilot.app.screen)


async def test_l_and_h_step_through_the_paragraph_without_closing(default_app):
    async with default_app.run_test(size=SIZE) as pilot:
        await wait_for_analysis(pilot)
        article = default_app.screen.article
        words = article.words_of(15)
        article.set_word(15, *words[0])
        await pilot.press("enter")
        dialog = default_app.screen
        await looked_up(pilot)
        await pilot.press("l")
        assert default_app.screen is dialog  # still open
        second = article.views.canonical(15)[slice(*words[1])]
        assert dialog.canonical == second and article.word == words[1]  # the article follows
        assert second in (await looked_up(pilot)).splitlines()[0]
        await pilot.press("h")
        assert dialog.canonical == article.views.canonical(15)[slice(*words[0])]
        await pilot.press("h")  # before the first word: stays, says so
        assert default_app.screen is dialog and article.word == words[0]
        assert any("First word" in str(n.message) for n in default_app._notifications)


async def test_digits_follow_a_variant_reference_and_backspace_returns(default_app):
    async with default_app.run_test(size=SIZE) as pilot:
        await wait_for_analysis(pilot)
        default_app.push_screen(LookupScreen(Subject("喫", "喫")))  # "variant of 吃[chī]"
        shown = await looked_up(pilot)
        assert "1 → 吃" in shown
        await pilot.press("1")
        shown = await looked_up(pilot)
        assert default_app.screen.canonical == "吃"
        assert "to eat" in shown and "backspace back" in shown
        await pilot.press("backspace")
        assert default_app.screen.canonical == "喫"


async def test_an_abbreviation_points_to_its_full_form(default_app):
    async with default_app.run_test(size=SIZE) as pilot:
        await wait_for_analysis(pilot)
        default_app.push_screen(LookupScreen(Subject("奥运", "奥运")))  # "abbr. for 奥林匹克运动会"
        assert "1 → 奥林匹克运动会" in await looked_up(pilot)
        await pilot.press("1")
        await looked_up(pilot)
        assert default_app.screen.canonical == "奥林匹克运动会"


async def test_a_name_missing_from_cedict_shows_its_characters_entries(default_app):
    async with default_app.run_test(size=SIZE) as pilot:
        await wait_for_analysis(pilot)
        default_app.push_screen(LookupScreen(Subject("余涌", "余涌")))
        shown = await looked_up(pilot)
        assert "Not in CC-CEDICT." in shown
        lines = shown.splitlines()
        assert any(line.startswith("余  [") for line in lines)
        assert any(line.startswith("涌  [") for line in lines)


async def test_an_entity_shows_its_mentions_and_m_goes_through_them(default_app):
    async with default_app.run_test(size=SIZE) as pilot:
        await wait_for_analysis(pilot)
        reader = default_app.screen
        analysis = reader.analysis
        kind, entities = next((k, e) for k, e in analysis.entity_groups().items() if e and len(e[0][1]) >= 2)
        key, mentions = entities[0]
        paragraph, start, end = mentions[0]
        reader.article.set_word(paragraph, start, end)
        await pilot.press("enter")
        shown = await looked_up(pilot)
        assert f"{len(mentions)} mentions in the document" in shown
        await pilot.press("m")
        assert default_app.screen is reader
        await pilot.pause()
        assert reader.following.target is not None
        assert reader.following.target.mentions == tuple(mentions)
        assert reader.article.marked == tuple(mentions[0])
        await pilot.press("n")
        assert reader.article.marked == tuple(mentions[1])


async def test_a_long_entry_scrolls_with_the_article_keys(default_app):
    """j/k, G/g and ctrl+d move through an entry longer than the dialog (业务 with its senses, at 80×12),
    as in the help and the lists; the dialog stays open."""
    async with default_app.run_test(size=(80, 12)) as pilot:
        await wait_for_analysis(pilot)
        article = default_app.screen.article
        paragraph, word = next((i, w) for i in range(len(article.views)) for w in article.words_of(i)
                               if article.views.canonical(i)[slice(*w)] == "业务")
        article.set_word(paragraph, *word)
        await pilot.press("enter")
        dialog = default_app.screen
        await looked_up(pilot)
        body = dialog.query_one("#lookup-body")
        await pilot.pause()
        assert body.max_scroll_y >= 1  # the entry is longer than the dialog
        await pilot.press("G")
        await pilot.pause()
        assert body.scroll_y == body.max_scroll_y
        await pilot.press("g")
        await pilot.pause()
        assert body.scroll_y == 0
        await pilot.press("j")
        await pilot.pause()
        assert body.scroll_y == 1
        await pilot.press("k")
        await pilot.pause()
        assert body.scroll_y == 0
        await pilot.press("ctrl+d")
        await pilot.pause()
        assert body.scroll_y >= 1 and default_app.screen is dialog
