"""The title and headings as texts analysed with the body, and their spans put back.

The analysis runs on the body's paragraphs followed by the title and each heading (see
``pipeline._analyze``); :func:`to_parts` then moves every span found after the body to the
part it lies in (``Span.part``, ``Analysis.heads``), so body paragraph numbers never change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .models import Document, PartKind, Span

if TYPE_CHECKING:
    from .analysis import Analysis
    from .glossary import GlossaryItem


def head_parts(document: Document) -> list[tuple[PartKind, int]]:
    """(part, index) of the texts of a document outside its body, in reading order: the
    title (unless it is only the file's name), then each section's heading."""
    heads: list[tuple[PartKind, int]] = [] if document.named or not document.title else [("title", 0)]
    return heads + [("heading", s.index) for s in document.sections if s.title]


def head_texts(document: Document, heads: list[tuple[PartKind, int]]) -> list[str]:
    """The canonical (simplified) text of each of ``heads``."""
    from .script import converter

    to_simplified = converter("t2s")
    return [to_simplified(document.title if part == "title" else document.sections[index].title or "")
            for part, index in heads]


def to_parts(analysis: Analysis, body: int, heads: list[tuple[PartKind, int]]) -> Analysis:
    """An analysis of ``body`` paragraphs followed by ``heads``, the heads' spans and
    mentions moved to their parts."""
    spans = analysis.spans
    analysis.spans = [s for s in spans if s.paragraph < body]
    analysis.heads = [Span(heads[s.paragraph - body][1], s.start, s.end, s.layer, s.type, s.key, s.extra,
                           heads[s.paragraph - body][0]) for s in spans if s.paragraph >= body]
    analysis.events = [e for e in analysis.events if e.paragraph < body]  # the timeline is the body's
    glossary: list[GlossaryItem] = []
    for item in analysis.glossary:
        occurrences = item.occurrences
        item = item._replace(occurrences=tuple(o for o in occurrences if o[0] < body),
                             heads=tuple((*heads[p - body], s, e) for p, s, e in occurrences if p >= body))
        (glossary if item.occurrences else analysis.head_glossary).append(item)
    analysis.glossary = glossary
    return analysis
