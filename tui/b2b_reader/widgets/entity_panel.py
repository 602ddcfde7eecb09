"""The entity panel: the document's people, organisations, places… grouped by type."""

from __future__ import annotations

from rich.text import Span, Text

from ..core.entity_types import BY_KEY, ENTITY_KEYS, ENTITY_TYPES
from ..core.inert import inert
from ..core.pipeline import Analysis
from ..core.script import Views
from .annotation_styles import foreground
from .panel_base import ListPanel, Target

class EntityPanel(ListPanel):
    """Entities grouped by type (legend order), most-mentioned first; choosing one follows its mentions."""

    TITLE = "Entities"

    COMPONENT_CLASSES = {"entity-panel--count", *(f"entity-panel--{kind.key}" for kind in ENTITY_TYPES)}

    # Each type's group in the colour it has in the text (one palette: core/entity_types.py).
    DEFAULT_CSS = "EntityPanel > .entity-panel--count { color: $text-muted; }\n" + "".join(
        f"EntityPanel > .entity-panel--{kind.key} {{ color: {kind.color}; text-style: bold; }}\n"
        for kind in ENTITY_TYPES)

    def show(self, analysis: Analysis | None, views: Views, script: str, variant: str) -> None:
        """List the entities of ``analysis`` with names in the given view (None: still analysing)."""
        if analysis is None:
            self.note("analysing…")
            return
        groups = analysis.entity_groups()  # grouped and ranked once per analysis
        if not groups:
            self.note("No entities found.")
            return
        kinds = [k for k in ENTITY_KEYS if k in groups] + sorted(k for k in groups if k not in ENTITY_KEYS)
        count_style = foreground(self.get_component_rich_style("entity-panel--count"))
        styles = tuple(foreground(self.get_component_rich_style(f"entity-panel--{k}"))
                       for k in kinds if k in ENTITY_KEYS)
        if self._rows_of is not analysis:  # rows kept per view while the analysis lasts
            self._rows_of, self._rows = analysis, {}
        view = (id(views), script, variant, count_style, styles)
        if (rows := self._rows.get(view)) is None:
            rows = self._rows[view] = self._build(groups, kinds, views, script, variant, count_style)
        self.fill(rows, kept=True)

    _rows_of: Analysis | None = None
    _rows: dict[tuple, list]  # set with _rows_of

    def _build(self, groups, kinds, views: Views, script: str, variant: str, count_style) -> list:
        rows: list[tuple[Text, Target | None]] = []
        for kind in kinds:
            entities = groups[kind]
            known = kind in ENTITY_KEYS
            style = foreground(self.get_component_rich_style(f"entity-panel--{kind}")) if known else "bold"
            rows.append((Text.assemble((BY_KEY[kind].group if known else kind or "Other", style),
                                       (f" {len(entities)}", count_style)), None))
            for key, mentions in entities:  # most mentioned first; ties in order of first appearance
                shown = views.text(script, variant, key)
                count = f"  {len(mentions)}"  # one string and a span: Text.assemble cost ~5x
                name = inert(shown)  # spans are offsets: Rich would strip a BEL after they were counted
                at = len(name) + 1
                label = Text(f" {name}{count}", spans=[Span(at, at + len(count), count_style)])
                rows.append((label, Target("entity", key, shown, mentions)))
        return rows
