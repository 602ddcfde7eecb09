"""Pilot tests of the side panels on the default article's real analysis."""

from __future__ import annotations

import unicodedata

import pytest
from textual import on
from textual.app import App, ComposeResult

from b2b_reader.core import pipeline
from b2b_reader.core.glossary import GlossaryItem
from b2b_reader.core.models import Span
from b2b_reader.core.pipeline import Analysis
from b2b_reader.core.timeline import Event
from b2b_reader.widgets.panels import EntityPanel, GlossaryPanel, TargetChosen, TimelinePanel, date_label
from b2b_reader.widgets.highlight_colours import HighlightColours


@pytest.fixture
def analysed(default_analysed):
    _, views, analysis = default_analysed
    return analysis, views


class PanelApp(HighlightColours, App[None]):
    """One panel filling the screen; records every TargetChosen it hears."""

    def __init__(self, panel_class, analysis, views, script="simplified", variant="std") -> None:
        super().__init__()
        self.panel_class = panel_class
        self.shown = (analysis, views, script, variant)
        self.chosen: list[TargetChosen] = []

    def compose(self) -> ComposeResult:
        yield self.panel_class(id="panel")

    def on_mount(self) -> None:
        self.panel.show(*self.shown)
        self.panel.option_list.focus()

    @property
    def panel(self):
        return self.query_one("#panel")

    @on(TargetChosen)
    def _chosen(self, event: TargetChosen) -> None:
        self.chosen.append(event)


def mentions_of(analysis: Analysis, layer: str, key: str) -> list[tuple[int, int, int]]:
    return sorted((s.paragraph, s.start, s.end) for s in analysis.spans if s.layer == layer and s.key == key)


async def choose_row(pilot, text: str) -> TargetChosen:
    """Move the list's cursor to the first row starting with ``text`` (stripped) and press enter."""
    panel = pilot.app.panel
    row = next(i for i, r in enumerate(panel.rows()) if r.strip().startswith(text))
    panel.select_row(row)
    await pilot.press("enter")
    await pilot.pause()
    return pilot.app.chosen[-1]


async def test_entities_grouped_in_legend_order_most_mentioned_first(analysed):
    analysis, views = analysed
    app = PanelApp(EntityPanel, analysis, views)
    async with app.run_test(size=(40, 30)) as pilot:
        rows = app.panel.rows()
        headers = [r.split()[0] for r, t in zip(rows, app.panel.targets) if t is None]
        assert headers == ["People", "Organisations", "Places", "Dates", "Numbers", "Events", "Products"]
        orgs = rows.index(next(r for r in rows if r.startswith("Organisations")))
        org_count = len({s.key for s in analysis.spans if s.layer == "entity" and s.type == "org"})
        assert rows[orgs] == f"Organisations {org_count}"
        assert rows[orgs + 1].split() == ["1688", str(len(mentions_of(analysis, "entity", "1688")))]
        people = rows[1:rows.index(next(r for r in rows if r.startswith("Organisations")))]
        assert people[0].split()[0] == "余涌"
        # The nickname 朴初 is a mention of 余涌, counted with it.
        yu = mentions_of(analysis, "entity", "余涌")
        assert "朴初" in {views.canonical(p)[s:e] for p, s, e in yu}
        assert people[0].split()[1] == str(len(yu))
        chosen = await choose_row(pilot, "余涌")
        assert (chosen.layer, chosen.key, chosen.label) == ("entity", "余涌", "余涌")
        assert chosen.mentions == yu and chosen.control is app.panel


async def test_glossary_definition_sort_and_paragraph_filter(analysed):
    analysis, views = analysed
    app = PanelApp(GlossaryPanel, analysis, views)
    async with app.run_test(size=(50, 30)) as pilot:
        panel = app.panel
        in_order = panel.rows()
        assert in_order[0].split()[0] == "双11"  # the article's first words
        assert "Double 11" in str(panel.query_one("#definition").render())
        await pilot.press("down")
        await pilot.pause()
        second = next(g for g in analysis.glossary if g.term == in_order[1].split()[0])
        assert second.en in str(panel.definition()) and second.pinyin in str(panel.definition())

        await pilot.press("a")
        await pilot.pause()
        alphabetical = panel.rows()
        assert sorted(alphabetical) == sorted(in_order) and alphabetical != in_order
        by_term = {g.term: g for g in analysis.glossary}
        spoken = [by_term[t.key].pinyin or t.key for t in panel.targets]
        toneless = ["".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))
                    .casefold().replace(" ", "") for s in spoken]
        assert toneless == sorted(toneless)
        await pilot.press("a")
        await pilot.pause()
        assert panel.rows() == in_order

        panel.set_paragraph(11)
        await pilot.pause()
        terms = {r.split()[0] for r in panel.rows()}
        expected = {g.term for g in analysis.glossary if any(o[0] == 11 for o in g.occurrences)}
        assert terms == expected and "小B" in terms and "双11" not in terms
        await pilot.press("full_stop")  # off: every term again
        await pilot.pause()
        assert panel.rows() == in_order
        await pilot.press("full_stop")  # on again, same paragraph
        await pilot.pause()
        assert {r.split()[0] for r in panel.rows()} == expected

        chosen = await choose_row(pilot, "小B")
        assert (chosen.layer, chosen.key) == ("term", "小B")
        assert chosen.mentions == mentions_of(analysis, "term", "小B")


async def test_timeline_order_labels_and_choice(analysed):
    analysis, views = analysed
    app = PanelApp(TimelinePanel, analysis, views)
    async with app.run_test(size=(60, 60)) as pilot:
        panel = app.panel
        firsts = [r.split("\n")[0].split("  ")[0] for r in panel.rows()]  # date  phrase
        assert firsts.index("1999") < firsts.index("2007") < firsts.index("2012")
        assert "~2023-10 下旬" in firsts  # 10月下旬: inferred from the document's year
        assert "2020 H1" in firsts
        assert "~2021-11 → 2023-11 (duration)" in firsts  # 最近两年
        starts = [e.start for e in panel.events]
        assert starts == sorted(starts)

        row = firsts.index("~2023-10 下旬")
        event = panel.events[row]
        assert panel.rows()[row].split("\n")[0] == "~2023-10 下旬  10月下旬"
        assert "1688联合深圳" in panel.rows()[row].split("\n")[1]  # the event's clause
        assert panel.row_for(event.paragraph, event.span_start + 1) == row
        assert panel.row_for(event.paragraph, event.span_end) != row
        panel.select_row(0)
        panel.select_row(row)
        await pilot.press("enter")
        await pilot.pause()
        chosen = app.chosen[-1]
        assert (chosen.layer, chosen.key, chosen.label) == ("event", "2023-10 下旬", "10月下旬")
        assert chosen.mentions == [(event.paragraph, event.span_start, event.span_end)]


async def test_traditional_script_labels(analysed):
    analysis, views = analysed
    app = PanelApp(EntityPanel, analysis, views, script="traditional", variant="std")
    async with app.run_test(size=(40, 30)) as pilot:
        names = {r.split()[0] for r in app.panel.rows()}
        assert {"余涌", "淘寶", "阿里巴巴"} <= names and "淘宝" not in names
        chosen = await choose_row(pilot, "淘寶")
        assert (chosen.key, chosen.label) == ("淘宝", "淘寶")  # key stays canonical

    app = PanelApp(GlossaryPanel, analysis, views, script="traditional", variant="std")
    async with app.run_test(size=(50, 30)):
        assert app.panel.rows()[0].split()[0] == "雙11"
        definition = str(app.panel.definition())
        assert "雙" in definition and "双" not in definition


async def test_markup_in_names_is_shown_literally():
    text = "[@click=app.quit]x 与 [/] 和 [b]y"
    views = pipeline.make_views(pipeline.load_text(text, "t.txt").document)
    spans = [Span(0, 0, 18, "entity", "org", "[@click=app.quit]x"), Span(0, 21, 24, "entity", "person", "[/]"),
             Span(0, 27, 31, "term", "market", "[b]y")]
    analysis = Analysis(spans=spans, glossary=[GlossaryItem("[b]y", "", "[red]gloss", "[/]", "market",
                                                             ((0, 27, 31),))])
    app = PanelApp(EntityPanel, analysis, views)
    async with app.run_test(size=(40, 10)) as pilot:
        rows = app.panel.rows()
        option_list = app.panel.option_list
        drawn = [option_list.render_line(y).text.strip() for y in range(option_list.size.height)]
        assert "[@click=app.quit]x  1" in drawn and "[/]  1" in drawn
        await pilot.click(app.panel.option_list, offset=(3, rows.index(next(r for r in rows if "@click" in r))))
        await pilot.pause()
        assert app.is_running and app.chosen[-1].key == "[@click=app.quit]x"
    app = PanelApp(GlossaryPanel, analysis, views)
    async with app.run_test(size=(40, 10)):
        assert str(app.panel.definition()).splitlines()[1:] == ["[red]gloss", "[/]"]


async def test_notes_and_tiny_size(analysed):
    analysis, views = analysed
    for panel_class in (EntityPanel, GlossaryPanel, TimelinePanel):
        app = PanelApp(panel_class, None, views)
        async with app.run_test(size=(20, 5)) as pilot:
            assert app.panel.rows() == ["analysing…"]
            assert app.panel.border_title
            app.panel.show(Analysis(), views, "simplified", "std")
            await pilot.pause()
            assert len(app.panel.rows()) == 1 and "No " in app.panel.rows()[0]
            app.panel.show(analysis, views, "traditional", "hk")
            await pilot.press("down", "down", "a", "full_stop", "enter", "up")
            await pilot.pause()
            assert app.panel.outer_size == (20, 5)
            line = app.panel.option_list.render_line(0)
            assert line.text.strip() and line.cell_length <= 18  # drawn inside the border


@pytest.mark.parametrize(("start", "end", "precision", "kind", "label"), [
    ("2023-07-01", "2023-09-30", "quarter", "point", "2023-Q3"),
    ("2020-07-01", "2020-12-31", "half", "point", "2020 H2"),
    ("2023-10-01", "2023-10-10", "part-of-month", "point", "2023-10 上旬"),
    ("2023-10-11", "2023-10-20", "part-of-month", "point", "2023-10 中旬"),
    ("2023-01-01", "2023-01-31", "month", "point", "2023-01"),
    ("2023-11-11", "2023-11-11", "day", "point", "2023-11-11"),
    ("2015-01-01", "2023-12-31", "year", "range", "2015 → 2023"),
    ("2023-11-06", "2023-11-12", "day", "range", "2023-11-06 → 2023-11-12"),
])
def test_date_labels(start, end, precision, kind, label):
    event = Event(date=start[:4], start=start, end=end, precision=precision, inferred=False, kind=kind,
                  text="", phrase="", paragraph=0, sentence=0, span_start=0, span_end=0)
    assert date_label(event) == label


async def test_each_entity_type_has_one_colour_in_the_text_and_in_the_panel(default_app):
    # Person was $warning in the text and $text-error in the panel: a reader matching
    # the panel's "People" to the names in the text saw two colours.
    from b2b_reader.core.entity_types import ENTITY_TYPES

    from .conftest import wait_for, wait_for_analysis

    async with default_app.run_test(size=(160, 40)) as pilot:
        await wait_for_analysis(pilot)
        screen = default_app.screen
        await wait_for(pilot, lambda: screen.query(EntityPanel))
        panel, article = screen.query_one(EntityPanel), screen.article
        colours = {kind.key: article.get_component_rich_style(kind.component).color for kind in ENTITY_TYPES}
        for kind in ENTITY_TYPES:
            assert panel.get_component_rich_style(f"entity-panel--{kind.key}").color == colours[kind.key]


def _row_backgrounds(panel, lines: range) -> set:
    """The backgrounds drawn across the whole width of the option list's ``lines``."""
    option_list = panel.option_list
    return {segment.style.bgcolor for y in lines for segment in option_list.render_line(y)
            if segment.style is not None and segment.text}


async def test_the_highlight_bar_has_no_holes(analysed):
    # The timeline's selected row was tinted only after its text, and the entity counts kept
    # the panel's dark background inside the bar.
    analysis, views = analysed
    for panel_class, row, lines in ((TimelinePanel, 0, range(0, 2)), (EntityPanel, 1, range(1, 2))):
        app = PanelApp(panel_class, analysis, views)
        async with app.run_test(size=(60, 30)) as pilot:
            app.panel.select_row(row)
            await pilot.pause()
            highlighted = _row_backgrounds(app.panel, lines)
            assert len(highlighted) == 1, (panel_class.__name__, highlighted)
            below = _row_backgrounds(app.panel, range(lines.stop + 2, lines.stop + 3))
            assert highlighted != below  # the bar is drawn, in one colour across the row


async def test_a_view_switch_reaches_a_hidden_tab_when_it_is_opened(analysed):
    """``t`` refills only the open tab's panel; the timeline, opened afterwards, is in the new view."""
    from textual.widgets import TabbedContent

    from b2b_reader.widgets.side import SidePanels

    analysis, views = analysed
    event = next(e for e in analysis.events_in_order()
                 if views.text("traditional", "tw", e.text) != views.text("simplified", "std", e.text))
    simplified, traditional = (views.text(*view, event.text) for view in (("simplified", "std"), ("traditional", "tw")))

    class SideApp(HighlightColours, App[None]):
        def compose(self) -> ComposeResult:
            yield SidePanels(views)

    app = SideApp()
    async with app.run_test(size=(100, 30)) as pilot:
        side = app.query_one(SidePanels)
        side.show(analysis, "simplified", "std")
        tabs = app.query_one("#side-tabs", TabbedContent)
        tabs.active = "tab-timeline"
        await pilot.pause()
        assert any(simplified in row for row in app.query_one(TimelinePanel).rows())
        tabs.active = "tab-entities"
        await pilot.pause()
        side.show(analysis, "traditional", "tw")  # t, the entities open
        await pilot.pause()
        names = app.query_one(EntityPanel).rows()
        assert any(views.text("traditional", "tw", key) in "".join(names)
                   for key, _ in next(iter(analysis.entity_groups().values())))
        tabs.active = "tab-timeline"
        await pilot.pause()
        rows = app.query_one(TimelinePanel).rows()
        assert any(traditional in row for row in rows) and not any(simplified in row for row in rows)


@pytest.mark.parametrize("width", [24, 37])
async def test_wrapped_rows_are_drawn_whole_in_both_views(analysed, width):
    """A narrow panel wraps the timeline's clauses over several lines: every line of every
    row is drawn, none lost or left blank, in one view, after a switch and back (the list
    counts a row's lines from its text, and reuses them per view)."""
    analysis, views = analysed
    app = PanelApp(TimelinePanel, analysis, views)
    async with app.run_test(size=(width, 400)) as pilot:
        panel, option_list = app.panel, app.panel.option_list

        def drawn() -> str:
            lines = [option_list.render_line(y).text.rstrip() for y in range(option_list.size.height)]
            used = len(option_list._lines)
            assert used < option_list.size.height  # the whole list fits: every line is on screen
            assert all(line.strip() for line in lines[:used])  # no row has a blank line in it
            assert not any(line.strip() for line in lines[used:])
            return "".join("".join(line.split()) for line in lines)

        for script, variant in (("simplified", "std"), ("traditional", "tw"), ("simplified", "std")):
            panel.show(analysis, views, script, variant)
            await pilot.pause()
            wrapped = sum(1 for row in panel.rows() for line in row.split("\n") if len(line) * 2 > width)
            assert wrapped > 3  # the width makes rows wrap
            assert drawn() == "".join("".join(row.split()) for row in panel.rows())
