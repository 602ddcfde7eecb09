"""Every highlight reads in every theme the reader offers, each kind its own colour, and
each its own mark without colour: measured on the colours the running app resolves."""

from __future__ import annotations

import itertools
import math

from rich.style import Style
from textual.color import Color, rgb_to_lab

from b2b_reader.core.entity_types import ENTITY_TYPES, HIGHLIGHTS, TERM
from b2b_reader.widgets.highlight_colours import MIN_CONTRAST, contrast

from .conftest import wait_for_analysis

#: Two kinds closer than this (CIE76 ΔE) would be told apart only side by side.
MIN_DELTA_E = 15
#: Marks that are reverse video: what they cover keeps its colour, as their background.
REVERSED = ("article--search", "article--match", "article--word", "article--selection")


def _colour(value) -> Color:
    return Color.from_rich_color(value)


async def test_each_highlight_reads_and_differs_in_every_theme(default_app):
    async with default_app.run_test(size=(120, 40)) as pilot:
        await wait_for_analysis(pilot)
        article, screen = default_app.screen.article, default_app.screen
        measured = 0
        for theme in default_app.available_themes:
            default_app.theme = theme
            await pilot.pause()
            term = article.get_component_rich_style(TERM.component)
            behind = {"article": article.background_colors[1], "panels": screen.background_colors[1],
                      "cursor line": _colour(article.get_component_rich_style("article--cursor").bgcolor),
                      "term shade": _colour(term.bgcolor)}
            colours = {k.key: _colour(article.get_component_rich_style(k.component).color) for k in ENTITY_TYPES}
            if any(c.ansi is not None for c in (*behind.values(), *colours.values())):
                continue  # ansi-dark/-light: the terminal's own palette, named colours
            measured += 1
            for key, colour in {**colours, "term": _colour(term.color)}.items():
                for where, background in behind.items():
                    if key == "term" and where == "panels":
                        continue  # a term is drawn on its shade
                    ratio = contrast(colour, background)
                    assert ratio >= MIN_CONTRAST, f"{theme}: {key} on {where} is {ratio:.2f}:1"
                    grey = contrast(colour.monochrome, background.monochrome)
                    assert grey >= MIN_CONTRAST, f"{theme}, NO_COLOR: {key} on {where} is {grey:.2f}:1"
            for a, b in itertools.combinations(colours, 2):
                distance = math.dist(tuple(rgb_to_lab(colours[a])), tuple(rgb_to_lab(colours[b])))
                assert distance >= MIN_DELTA_E, f"{theme}: {a} and {b} are ΔE {distance:.1f} apart"
            # the legend shows each kind in the article's colour
            legend = screen.query_one("#info").legend
            drawn = {legend.plain[s.start:s.end]: s.style for s in legend.spans}
            for kind in ENTITY_TYPES:
                assert _colour(drawn[kind.key].color) == colours[kind.key], (theme, kind.key)
            for component in REVERSED:  # reversed, with no colour of their own: the same contrast
                style = article.get_component_rich_style(component)
                assert style.reverse, component
                assert (_colour(style.color), _colour(style.bgcolor)) == (
                    _colour(article.rich_style.color), behind["article"]), component
        assert measured >= 19  # textual-dark, textual-light and the other RGB themes


def _mark(style: Style) -> tuple[bool, ...]:
    return tuple(bool(getattr(style, flag)) for flag in ("bold", "italic", "underline", "reverse", "overline"))


async def test_without_colour_each_kind_has_its_own_mark(default_app, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    async with default_app.run_test(size=(120, 40)) as pilot:
        await wait_for_analysis(pilot)
        article = default_app.screen.article
        components = [k.component for k in HIGHLIGHTS] + list(REVERSED)
        marks = {c: _mark(article.get_component_rich_style(c)) for c in components}
        assert all(any(mark) for mark in marks.values()), marks
        assert len(set(marks.values())) == len(components), marks
        # date and product were both bold italic
        assert marks["article--date"] != marks["article--product"]


def test_a_type_added_to_the_registry_has_its_colour_under_an_ansi_theme(monkeypatch):
    # One palette: a new entity type is one registry entry, its ANSI colour included (a
    # second table of ANSI colours by type raised KeyError for a type it lacked).
    from dataclasses import replace

    from b2b_reader.widgets import highlight_colours

    brand = replace(highlight_colours.ENTITY_TYPES[0], key="brand", ansi="ansi_bright_magenta")
    monkeypatch.setattr(highlight_colours, "ENTITY_TYPES", (*highlight_colours.ENTITY_TYPES, brand))
    variables = highlight_colours.highlight_variables({"background": "ansi_default"})
    assert variables["hl-brand"] == "ansi_bright_magenta"
    assert variables["hl-person"] == "ansi_yellow"
