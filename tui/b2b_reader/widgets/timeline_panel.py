"""The timeline panel: the document's dated events in chronological order."""

from __future__ import annotations

from datetime import date, timedelta

from rich.style import Style
from rich.text import Span, Text

from typing import TYPE_CHECKING

from ..core.inert import inert
from .annotation_styles import foreground
from .panel_base import ListPanel, Target

if TYPE_CHECKING:  # importing core.timeline compiles its rules: keep it off start-up
    from ..core.pipeline import Analysis
    from ..core.script import Views
    from ..core.timeline import Event

#: Thirds of a month, by the first day they cover.
_PART_OF_MONTH = ((21, "下旬"), (11, "中旬"), (1, "上旬"))


def _span_label(first: date, last: date) -> str:
    """The coarsest exact label of a run of days: whole years, whole months, or days."""
    if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31):
        a, b = f"{first.year}", f"{last.year}"
    elif first.day == 1 and (last + timedelta(days=1)).day == 1:  # whole months
        a, b = first.isoformat()[:7], last.isoformat()[:7]
    else:
        a, b = first.isoformat(), last.isoformat()
    return a if a == b else f"{a} → {b}"


def date_label(event: Event) -> str:
    """How the timeline names an event's date: ``2023-10 下旬``, ``2020 H1``, ``2023-Q3``, ``2021-11 → 2023-11``."""
    first, last = date.fromisoformat(event.start), date.fromisoformat(event.end)
    if event.kind != "point":
        return _span_label(first, last)
    precision = event.precision
    if precision == "day":
        return first.isoformat() if first == last else _span_label(first, last)
    if precision == "month":
        return first.isoformat()[:7]
    if precision == "part-of-month":
        part = next(name for day, name in _PART_OF_MONTH if first.day >= day)
        return f"{first.isoformat()[:7]} {part}"
    if precision == "half":
        return f"{first.year} H{1 if first.month <= 6 else 2}"
    if precision == "quarter":
        return f"{first.year}-Q{(first.month - 1) // 3 + 1}"
    if precision == "year":
        return _span_label(first, last)
    return event.date


def _row(event: Event, key: str, phrase: str, text: str, date_style: Style, phrase_style: Style,
         text_style: Style) -> Text:
    """One event's row: ``~2023-10 (range)  phrase`` over its clause, dimmed, the phrase marked.

    Built as one plain string and its spans (a ``Text.append`` per piece cost ~8 µs, most
    of filling 10,000 rows); control characters are made inert when the rows are listed.
    """
    phrase, text = inert(phrase), inert(text)  # offsets below: Rich would strip a BEL after they were counted
    head = ("~" if event.inferred else "") + key
    kind = f" ({event.kind})" if event.kind != "point" else ""
    at_phrase = len(head) + len(kind) + 2
    at_text = at_phrase + len(phrase) + 1
    spans = [Span(0, len(head), date_style)]
    if kind:
        spans.append(Span(len(head), len(head) + len(kind), text_style))
    spans.append(Span(at_phrase, at_text - 1, phrase_style))
    spans.append(Span(at_text, at_text + len(text), text_style))
    at = text.find(phrase)
    if phrase and at >= 0:
        spans.append(Span(at_text + at, at_text + at + len(phrase), phrase_style))
    return Text(f"{head}{kind}  {phrase}\n{text}", spans=spans)


class TimelinePanel(ListPanel):
    """Dated events, earliest first: date (``~`` when inferred), the phrase, the event text."""

    TITLE = "Timeline"

    COMPONENT_CLASSES = {"timeline-panel--date", "timeline-panel--phrase", "timeline-panel--text"}

    DEFAULT_CSS = """
    TimelinePanel {
        & > .timeline-panel--date { color: $hl-date; text-style: bold; }
        & > .timeline-panel--phrase { text-style: underline; }
        & > .timeline-panel--text { color: $text-muted; }
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.events: list[Event] = []
        """The events shown, one per row."""
        self._views: Views | None = None
        self._rows_of: Analysis | None = None
        self._rows: dict[tuple, list[tuple[Text, Target]]] = {}

    def show(self, analysis: Analysis | None, views: Views, script: str, variant: str) -> None:
        """List the events of ``analysis`` in the given view (None: still analysing)."""
        self._views = views
        self.events = []
        if analysis is None:
            self.note("analysing…")
            return
        if not analysis.events:
            self.note("No dated events found.")
            return
        self.events = analysis.events_in_order()  # sorted once per analysis
        date_style = foreground(self.get_component_rich_style("timeline-panel--date"))
        phrase_style = foreground(self.get_component_rich_style("timeline-panel--phrase"))
        text_style = foreground(self.get_component_rich_style("timeline-panel--text"))
        styles = (date_style, phrase_style, text_style)
        if self._rows_of is not analysis:  # rows kept per view while the analysis lasts
            self._rows_of, self._rows = analysis, {}
        rows = self._rows.get((id(views), script, variant, styles))
        if rows is None:
            rows = self._rows[id(views), script, variant, styles] = []
            for event in self.events:
                key = date_label(event)
                phrase = views.text(script, variant, event.phrase)
                label = _row(event, key, phrase, views.text(script, variant, event.text), *styles)
                mention = (event.paragraph, event.span_start, event.span_end)
                rows.append((label, Target("event", key, phrase, (mention,))))
        self.fill(rows, kept=True)

    def row_for(self, paragraph: int, offset: int) -> int | None:
        """The row of the event whose date phrase covers canonical ``offset`` in ``paragraph``.

        A date repeated in a paragraph is one event: a later repetition finds the same row.
        """
        for row, event in enumerate(self.events):
            if event.paragraph == paragraph and event.span_start <= offset < event.span_end:
                return row
        if self._views is None or not 0 <= paragraph < len(self._views):
            return None
        text = self._views.canonical(paragraph)
        for row, event in enumerate(self.events):
            n = len(event.phrase)
            if event.paragraph == paragraph:
                for start in range(max(0, offset - n + 1), offset + 1):
                    if text.startswith(event.phrase, start):
                        return row
        return None

