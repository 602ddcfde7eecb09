"""The ``analyze --json`` object of the design: text and offsets in a chosen view."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .script import view_key

if TYPE_CHECKING:
    from .analysis import Analysis
    from .glossary import GlossaryItem
    from .pipeline import Loaded
    from .script import Views

SCHEMA = 1


def analysis_json(
    loaded: Loaded,
    views: Views,
    analysis: Analysis,
    script: str = "simplified",
    variant: str = "std",
) -> dict:
    """The ``analyze --json`` object: text and offsets in the chosen script and variant."""
    document = loaded.document
    views = views.with_cuts(analysis.cuts(), analysis.part_cuts())  # offsets exact in every view
    shown = views.all_views(script, variant)
    paragraphs = [{"index": p.index, "section": p.section, "kind": p.kind, "text": shown[p.index].text}
                  for p in document.paragraphs]
    entities = []
    for span in analysis.spans:
        if span.layer != "entity" and span.layer != "date":
            continue
        view = shown[span.paragraph]
        start = view.map.to_view(span.start)
        end = view.map.to_view(span.end, end=True)
        entities.append(
            {"paragraph": span.paragraph, "start": start, "end": end,
             "text": view.text[start:end], "type": span.type or span.layer, "canonical": span.key}
        )
    # A title's or heading's entities belong to it: listed with it, offsets in its text.
    in_titles: dict[tuple[str, int], list[dict]] = {}
    for (part, index), spans in analysis.part_spans().items():
        view = views.part_view(script, variant, part, index)
        for span in spans:
            if span.layer == "entity" or span.layer == "date":
                start, end = view.map.to_view(span.start), view.map.to_view(span.end, end=True)
                in_titles.setdefault((part, index), []).append(
                    {"start": start, "end": end, "text": view.text[start:end],
                     "type": span.type or span.layer, "canonical": span.key})
    from . import timeline

    events = []
    for event in analysis.events:
        item = timeline.to_json(event)
        item["text"] = views.text(script, variant, event.text)
        events.append(item)
    return {
        "schema": SCHEMA,
        "document": {
            "title": views.part_view(script, variant, "title").text,
            "date": analysis.date,
            "date_inferred": analysis.date_inferred,
            "source": document.source,
            "author": document.author or None,
            "site": document.site or None,
            "script": script,
            "variant": view_key(script, variant)[1] if script == "traditional" else None,
            "title_entities": in_titles.get(("title", 0), []),
        },
        "sections": [
            {"index": s.index,
             "title": views.part_view(script, variant, "heading", s.index).text if s.title else None,
             "paragraphs": list(s.paragraphs), "title_entities": in_titles.get(("heading", s.index), [])}
            for s in document.sections
        ],
        "paragraphs": paragraphs,
        "entities": entities,
        "glossary": [_glossary_json(item, views, script, variant)
                     for item in (*analysis.glossary, *analysis.head_glossary)],
        "timeline": events,
    }


def _glossary_json(item: GlossaryItem, views: Views, script: str, variant: str) -> dict:
    """A glossary item with its occurrences in the chosen view's offsets."""
    occurrences = []
    for paragraph, start, end in item.occurrences:
        view = views.get(script, variant, paragraph)
        occurrences.append([paragraph, view.map.to_view(start), view.map.to_view(end, end=True)])
    in_titles = []
    for part, index, start, end in item.heads:
        view = views.part_view(script, variant, part, index)
        in_titles.append({"part": part, "section": index if part == "heading" else None,
                          "start": view.map.to_view(start), "end": view.map.to_view(end, end=True)})
    return {"term": item.term, "pinyin": item.pinyin, "en": item.en, "zh": item.zh,
            "category": item.category, "occurrences": occurrences, "title_occurrences": in_titles}
