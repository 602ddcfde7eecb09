"""Highlights, their toggles and the legend; panels choose targets; n/N walk mentions."""

from b2b_reader.widgets.annotation_styles import foreground
from b2b_reader.app import ReaderApp
from b2b_reader.core import pipeline

from .conftest import status_text, wait_for_analysis


def styled_runs(app, paragraph: int) -> dict[str, str]:
    """Text of the paragraph's view mapped to the style each character has on screen."""
    article = app.screen.query_one("#article")
    block = article.viewport.blocks[article.viewport.block_of[paragraph]]
    text = article.block_text(block)
    runs: dict[str, str] = {}
    for span in text.spans:
        runs[text.plain[span.start:span.end]] = str(span.style)
    return runs


async def test_entities_are_highlighted_per_type_and_can_be_hidden(default_app):
    async with default_app.run_test(size=(120, 30)) as pilot:
        await wait_for_analysis(pilot)
        article = default_app.screen.query_one("#article")
        styles = {kind: str(foreground(article.get_component_rich_style(f"article--{kind}")))
                  for kind in ("person", "org", "date", "term")}
        assert len(set(styles.values())) == 4  # every type its own style
        runs = styled_runs(default_app, 0)
        assert runs["戴珊"] == styles["person"]
        assert runs["淘天集團"] == styles["org"]
        await pilot.press("1")  # hide persons
        assert "戴珊" not in styled_runs(default_app, 0)
        assert "person" in article.hidden_types
        await pilot.press("1", "H")  # persons back; all highlighting off
        assert styled_runs(default_app, 0) == {}
        legend = str(default_app.screen.query_one("#info").legend)
        assert "highlighting off" in legend
        await pilot.press("H")
        assert "1:person" in str(default_app.screen.query_one("#info").legend)


async def test_protected_names_and_offsets_in_the_highlights():
    app = ReaderApp(pipeline.load_default(), script="traditional", variant="twp")
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_for_analysis(pilot)
        runs = styled_runs(app, 10)
        assert "余涌" in runs and "樸初" in runs and "餘湧" not in runs


async def test_second_open_shows_highlights_from_the_cache():
    first = ReaderApp(pipeline.load_default())
    async with first.run_test(size=(100, 30)) as pilot:
        await wait_for_analysis(pilot)
    from b2b_reader.core import cache

    assert list((cache.cache_dir() / "analysis").glob("*.json"))
    second = ReaderApp(pipeline.load_default())
    async with second.run_test(size=(100, 30)) as pilot:
        await wait_for_analysis(pilot)
        assert "戴珊" in styled_runs(second, 0)


async def test_malformed_user_lexicon_warns_and_the_reader_starts(tmp_path, monkeypatch):
    from b2b_reader.core import state

    config = state.config_dir()
    config.mkdir(parents=True, exist_ok=True)
    (config / "lexicon.toml").write_text('[[entity]]\nname = "某人"\ntype = "persn"\n', encoding="utf-8")
    app = ReaderApp(pipeline.load_default())
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_analysis(pilot)
        messages = [n.message for n in app._notifications]
        assert any("lexicon.toml:" in m and "persn" in m for m in messages), messages
        assert "戴珊" in styled_runs(app, 0)


async def test_reading_position_is_remembered(default_app):
    async with default_app.run_test(size=(100, 30)) as pilot:
        await pilot.press("j", "j", "j", "j", "j")
        await pilot.press("q")
    again = ReaderApp(pipeline.load_default())
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "¶ 6/43" in status_text(again)


async def test_choosing_an_entity_walks_its_mentions_with_n_and_N(default_app):
    async with default_app.run_test(size=(160, 40)) as pilot:
        await wait_for_analysis(pilot)
        panel = default_app.screen.query_one("#entities")
        panel.option_list.focus()
        await pilot.press("enter")  # the most-mentioned person, 余涌
        await pilot.pause()
        status = status_text(default_app)
        assert "余涌 1/6" in status and "¶ 11/43" in status
        article = default_app.screen.query_one("#article")
        paragraph, start, end = article.marked
        assert article.views.canonical(paragraph)[start:end] == "余涌"
        await pilot.press("n")
        assert "余涌 2/6" in status_text(default_app)
        await pilot.press("N", "N")
        assert "余涌 6/6" in status_text(default_app)  # wraps around


async def test_a_theme_change_restyles_the_highlights(default_app):
    async with default_app.run_test(size=(120, 30)) as pilot:
        await wait_for_analysis(pilot)
        article = default_app.screen.query_one("#article")
        before = str(foreground(article.get_component_rich_style("article--org")))
        assert styled_runs(default_app, 0)["淘天集團"] == before
        default_app.theme = "textual-light" if default_app.theme != "textual-light" else "nord"
        await pilot.pause()
        after = str(foreground(article.get_component_rich_style("article--org")))
        assert after != before  # the org colour at the new theme's lightness
        assert styled_runs(default_app, 0)["淘天集團"] == after


def drawn_style(app, word: str):
    """The style ``word`` is drawn with on screen (the article's rendered lines)."""
    article = app.screen.query_one("#article")
    for y in range(article.size.height):
        for segment in article.render_line(y):
            if word in segment.text:
                return segment.style
    raise AssertionError(f"{word} not on screen")


async def test_a_view_toggled_back_to_shows_what_changed_meanwhile(default_app):
    # Each view keeps its drawn lines, so toggling back is quick; a change made in the other
    # view (highlight toggles, marks) must still show there.
    async with default_app.run_test(size=(120, 30)) as pilot:
        await wait_for_analysis(pilot)
        assert drawn_style(default_app, "戴珊").underline  # a person: underlined
        await pilot.press("t")
        assert drawn_style(default_app, "戴珊").underline  # 戴珊 is the same in simplified
        await pilot.press("1")  # persons hidden, in simplified
        assert not drawn_style(default_app, "戴珊").underline
        await pilot.press("t")  # back to traditional, whose lines were drawn before
        await pilot.pause()
        assert not drawn_style(default_app, "戴珊").underline
        await pilot.press("1", "t", "t")
        assert drawn_style(default_app, "戴珊").underline


async def test_an_entity_inside_a_glossary_term_keeps_its_own_style(default_app):
    # 雙11 is a glossary term and a date: it was drawn as a term only. Now the date keeps its
    # colour and mark, and the term adds its shade and overline on top.
    async with default_app.run_test(size=(120, 30)) as pilot:
        await wait_for_analysis(pilot)
        article = default_app.screen.query_one("#article")
        block = article.viewport.blocks[article.viewport.block_of[0]]
        text = article.block_text(block)
        at = text.plain.index("雙11")
        drawn = text.get_style_at_offset(default_app.console, at + 1)
        date = article.get_component_rich_style("article--date")
        term = article.get_component_rich_style("article--term")
        types = {s.type for s in article.spans[0] if s.layer != "term" and s.start <= at < s.end}
        kind = "date" if "date" in types else next(iter(types))
        own = article.get_component_rich_style(f"article--{kind}")
        assert drawn.color == own.color and drawn.color != term.color
        assert drawn.bold == own.bold and drawn.underline == own.underline
        assert drawn.bgcolor == term.bgcolor and drawn.overline
        assert date.color != term.color


async def test_the_cursor_line_shows_through_the_highlights(default_app):
    # Entities kept the article's background inside the cursor's line: dark holes in it.
    async with default_app.run_test(size=(120, 30)) as pilot:
        await wait_for_analysis(pilot)
        article = default_app.screen.query_one("#article")
        cursor = article.get_component_rich_style("article--cursor").bgcolor
        shade = article.get_component_rich_style("article--term").bgcolor
        row = article.render_line(0)  # the first paragraph, where the cursor is
        assert "阿里" in row.text  # an organisation, highlighted on this line
        backgrounds = {s.style.bgcolor for s in row if s.text.strip(" ▌") and s.style is not None}
        assert cursor in backgrounds and backgrounds <= {cursor, shade}
