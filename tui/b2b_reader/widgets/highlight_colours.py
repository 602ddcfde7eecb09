"""The highlight colours of the current theme: each kind's hue, at a lightness that reads.

A theme's own variables ($warning, $accent…) were the entity colours: dates were 1.7:1 on
the default theme, and person and organisation were the same orange. Now each kind keeps
its hue (``core.entity_types``) in every theme, and the theme decides only its lightness:
the first, from a mid lightness towards white (dark themes) or black (light themes),
that reaches :data:`MIN_CONTRAST` against every background a highlight is drawn on, in
colour and in the greys of ``NO_COLOR``.
They are CSS variables (``$hl-person``…) added to the theme's by the App, so the text,
the legend and the panels resolve the same colour through Textual's own CSS.
"""

from __future__ import annotations

from collections.abc import Mapping

from textual.color import Color

from ..core.entity_types import ENTITY_TYPES

#: WCAG AA for body text; the lightness search aims a little above it.
MIN_CONTRAST = 4.5
_AIM = 4.6
#: Saturation of every highlight colour (HSL): as vivid as the contrast allows.
_SATURATION = 0.8


def luminance(colour: Color) -> float:
    """WCAG relative luminance."""
    def channel(value: int) -> float:
        v = value / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.r) + 0.7152 * channel(colour.g) + 0.0722 * channel(colour.b)


def contrast(a: Color, b: Color) -> float:
    """WCAG contrast ratio of two opaque colours (1 to 21)."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def backgrounds(variables: Mapping[str, str]) -> dict[str, Color]:
    """What highlights are drawn on, from a theme's resolved variables: the article
    ($surface), the panels ($background), the cursor's line ($boost over the article)
    and a glossary term's shade ($primary 25%, an entity inside a term)."""
    surface = Color.parse(variables["surface"])
    return {
        "article": surface,
        "panel": Color.parse(variables["background"]),
        "cursor line": surface + Color.parse(variables["boost"]),
        "term shade": surface.blend(Color.parse(variables["primary"]), 0.25),
    }


def highlight_colour(hue: float, behind: list[Color]) -> Color:
    """The colour of ``hue`` that reads on all of ``behind``: lightest (dark themes) or
    darkest (light themes) only as far as needed."""
    dark = luminance(behind[0]) < 0.18
    steps = range(55, 100) if dark else range(45, -1, -1)
    colour = Color.from_hsl(hue / 360, _SATURATION, 1.0 if dark else 0.0)
    for step in steps:
        candidate = Color.from_hsl(hue / 360, _SATURATION, step / 100)
        # in colour, and in the greys NO_COLOR turns both into (Textual's monochrome filter)
        if min(min(contrast(candidate, b), contrast(candidate.monochrome, b.monochrome)) for b in behind) >= _AIM:
            colour = candidate
            break
    return colour


def highlight_variables(variables: Mapping[str, str]) -> dict[str, str]:
    """``hl-KEY`` for each entity type, for a theme's resolved variables (an ANSI theme
    has no known colours: there the terminal's own named colours are used)."""
    try:
        behind = list(backgrounds(variables).values())
    except Exception:  # ANSI themes: "ansi_default" has no value to measure against
        behind = []
    if not behind or any(c.ansi is not None for c in behind):
        return {f"hl-{kind.key}": kind.ansi for kind in ENTITY_TYPES}
    return {f"hl-{kind.key}": highlight_colour(kind.hue, behind).hex for kind in ENTITY_TYPES}


class HighlightColours:
    """An App mixin: the theme's CSS variables plus the highlight colours measured
    against them (``$hl-person``…), recomputed whenever the theme changes."""

    def get_css_variables(self) -> dict[str, str]:
        variables = super().get_css_variables()  # type: ignore[misc]
        return {**variables, **highlight_variables(variables)}
