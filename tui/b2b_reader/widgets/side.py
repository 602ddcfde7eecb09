"""The side panels in their tabs, mounted the first time they are shown.

Seventeen widgets a narrow terminal never sees cost ~40 ms of start-up to mount and
style, so the reader composes an empty ``#side`` and mounts this into it on demand.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import TabbedContent, TabPane

from .panels import EntityPanel, GlossaryPanel, TimelinePanel


class SidePanels(Vertical):
    """Entities, Glossary and Timeline tabs (``#side-tabs``)."""

    DEFAULT_CSS = "SidePanels, #side-tabs { height: 1fr; }"

    def compose(self) -> ComposeResult:
        with TabbedContent(id="side-tabs"):
            with TabPane("Entities", id="tab-entities"):
                yield EntityPanel(id="entities")
            with TabPane("Glossary", id="tab-glossary"):
                yield GlossaryPanel(id="glossary")
            with TabPane("Timeline", id="tab-timeline"):
                yield TimelinePanel(id="timeline")
