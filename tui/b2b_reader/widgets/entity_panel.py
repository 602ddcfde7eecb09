"""The entity panel: the document's people, organisations, places… grouped by type."""

from __future__ import annotations

from rich.text import Text

from ..core.models import ENTITY_TYPES
from ..core.pipeline import Analysis
from ..core.script import Views
from .panel_base import ListPanel, Target

#: Group headers, in legend order.
GROUP_NAMES = {
    "person": "People", "org": "Organisations", "place": "Places", "date": "Dates",
    "number": "Numbers", "event": "Events", "product": "Products",
}


class EntityPanel(ListPanel):
    """Entities grouped by type (legend order), most-mentioned first; choosing one follows its mentions."""

    TITLE = "Entities"

    COMPONENT_CLASSES = {
        "entity-panel--count",
        *(f"entity-panel--{kind}" for kind in ENTITY_TYPES),
    }

    DEFAULT_CSS = """
    EntityPanel {
        & > .entity-panel--count { color: $text-muted; }
        & > .entity-panel--person { color: $text-error; text-style: bold; }
        & > .entity-panel--org { color: $text-primary; text-style: bold; }
        & > .entity-panel--place { color: $text-success; text-style: bold; }
        & > .entity-panel--date { color: $text-warning; text-style: bold; }
        & > .entity-panel--number { color: $text-accent; text-style: bold; }
        & > .entity-panel--event { color: $text-secondary; text-style: bold; }
        & > .entity-panel--product { color: $text; text-style: bold underline; }
    }
    """

    def show(self, analysis: Analysis | None, views: Views, script: str, variant: str) -> None:
        """List the entities of ``analysis`` with names in the given view (None: still analysing)."""
        if analysis is None:
            self.note("analysing…")
            return
        groups = analysis.entity_groups()  # grouped and ranked once per analysis
        if not groups:
            self.note("No entities found.")
            return
        kinds = [k for k in ENTITY_TYPES if k in groups] + sorted(k for k in groups if k not in ENTITY_TYPES)
        count_style = self.get_component_rich_style("entity-panel--count")
        rows: list[tuple[Text, Target | None]] = []
        for kind in kinds:
            entities = groups[kind]
            style = self.get_component_rich_style(f"entity-panel--{kind}") if kind in ENTITY_TYPES else "bold"
            rows.append((Text.assemble((GROUP_NAMES.get(kind, kind or "Other"), style),
                                       (f" {len(entities)}", count_style)), None))
            for key, mentions in entities:  # most mentioned first; ties in order of first appearance
                shown = views.text(script, variant, key)
                label = Text.assemble(" ", shown, (f"  {len(mentions)}", count_style))
                rows.append((label, Target("entity", key, shown, mentions)))
        self.fill(rows)
