"""The kinds of annotation the reader highlights: one registry, read by every place that
needs them (styles, legend, toggle keys, panels, excerpts, export, the date rule).

Adding a type is one entry here. Each has one colour, used alike in the article's text,
the legend and the side panels: a hue of its own, whose lightness each theme sets so it
reads at 4.5:1 or more on that theme's backgrounds (``widgets/highlight_colours.py``,
the CSS variable ``$hl-KEY``); and a mark that needs no colour (``NO_COLOR``, monochrome
terminals, colour blindness): a text style in the terminal, distinct per kind, and a
described mark in the HTML export.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class EntityType:
    """One highlighted kind: an entity type, or the glossary terms (``term``)."""

    key: str
    """What spans carry in ``Span.type`` (``term``: the term layer)."""
    label: str
    """Its name in prose and excerpts ("organisation")."""
    group: str
    """Heading of its group in the panel and in the export's notes ("Organisations")."""
    digit: str
    """The key that shows or hides it in the reader."""
    hue: float
    """Its hue in degrees (HSL): each kind its own, far enough apart to tell them apart."""
    text_style: str
    """The mark that needs no colour, as a Textual text style."""
    html_mark: str
    """How the HTML export marks it without colour, for the export's legend."""
    blocks_dates: bool = False
    """A date may not start inside it (its digits are a name, an amount or a model)."""
    background: str = ""
    """A background too (terms are shaded), as a TCSS value."""
    ansi: str = ""
    """Its colour under an ANSI theme (one of the terminal's named colours), where the
    theme's own colours are unknown and no lightness can be measured."""

    @property
    def color(self) -> str:
        """Its colour as a TCSS value, the same in the text, the legend and the panels."""
        return "$text" if self.key == "term" else f"$hl-{self.key}"

    @property
    def component(self) -> str:
        """The article's component class for it (``article--person``)."""
        return f"article--{self.key}"


#: The entity types, in legend order.
ENTITY_TYPES: tuple[EntityType, ...] = (
    EntityType("person", "person", "People", "1", 30, "underline", "underlined", blocks_dates=True,
               ansi="ansi_yellow"),
    EntityType("org", "organisation", "Organisations", "2", 205, "bold", "bold", blocks_dates=True,
               ansi="ansi_bright_blue"),
    EntityType("place", "place", "Places", "3", 115, "italic", "italic", ansi="ansi_green"),
    EntityType("date", "date", "Dates", "4", 275, "bold underline", "double underline", ansi="ansi_magenta"),
    EntityType("number", "number", "Numbers", "5", 175, "italic underline", "dotted underline",
               blocks_dates=True, ansi="ansi_cyan"),
    EntityType("event", "event", "Events", "6", 345, "bold italic", "wavy underline", ansi="ansi_red"),
    EntityType("product", "product", "Products", "7", 58, "bold italic underline", "⟨in brackets⟩",
               blocks_dates=True, ansi="ansi_bright_yellow"),
)

#: Glossary terms: not an entity, but highlighted, toggled and listed alike. The text's own
#: colour on a shade, overlined: a term adds its shade and line to an entity inside it.
TERM = EntityType("term", "glossary term", "Terms", "8", 0, "overline", "dashed, shaded",
                  background="$primary 25%")

#: What the legend shows and the digit keys toggle, in order.
HIGHLIGHTS: tuple[EntityType, ...] = (*ENTITY_TYPES, TERM)

#: Entity type keys, in legend order.
ENTITY_KEYS: tuple[str, ...] = tuple(t.key for t in ENTITY_TYPES)

#: Every highlighted kind by key.
BY_KEY: dict[str, EntityType] = {t.key: t for t in HIGHLIGHTS}

#: The entity types a date may not start inside (pipeline: dates after entities).
DATE_BLOCKING: frozenset[str] = frozenset(t.key for t in ENTITY_TYPES if t.blocks_dates)


def tcss_rules(selector: str) -> str:
    """TCSS rules giving each kind its colour and mark; ``selector`` formats the
    component class into a selector (``"AnnotationStyles > .{}"``)."""
    rules = []
    for kind in HIGHLIGHTS:
        background = f" background: {kind.background};" if kind.background else ""
        rules.append(f"{selector.format(kind.component)} {{ color: {kind.color}; "
                     f"text-style: {kind.text_style};{background} }}")
    return "\n".join(rules) + "\n"
