"""The side panels (entities, glossary, timeline) and the message they post, in one import."""

from __future__ import annotations

from .entity_panel import EntityPanel
from .glossary_panel import GlossaryPanel
from .panel_base import ListPanel, Target, TargetChosen
from .timeline_panel import TimelinePanel, date_label

__all__ = ["EntityPanel", "GlossaryPanel", "ListPanel", "Target", "TargetChosen", "TimelinePanel", "date_label"]
