"""Whole business-news articles through the analysis a user gets, scored against their gold.

Each ``news_business_dev/<id>.txt`` is loaded with the reader's own loading path
(``pipeline.load_path``, ``make_views``, ``analyze(use_cache=False)``); every entity span
of the analysis is mapped to the source view (the author's characters) and from there to
offsets in the file: each paragraph's source text is located in the file in order (a
paragraph cleaning changed is aligned character by character). When the analysis also
reports entities of the title and headings (``Analysis.heads``), they are located the
same way and counted; gold in a line the analysis never shows is simply missed.

Used by ``bench/ner.py``; ``score``-compatible sets of ``(start, end, type)`` per article.
"""

from __future__ import annotations

import difflib
import json
from pathlib import Path

from b2b_reader.core import pipeline

NEWS = Path(__file__).resolve().parents[2] / "shared" / "eval" / "news_business_dev"
TYPES = ("person", "org", "place")


def articles() -> list[tuple[str, str, set]]:
    """``(id, file text, gold {(start, end, type)})`` of every article."""
    out = []
    for txt in sorted(NEWS.glob("*.txt")):
        text = txt.read_text(encoding="utf-8")
        gold = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
        spans = {(e["start"], e["end"], e["type"]) for e in gold["entities"] if e["type"] in TYPES}
        out.append((txt.stem, text, spans))
    return out


class _Locator:
    """Maps offsets of successive pieces of cleaned text to offsets in the file."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.cursor = 0

    def place(self, piece: str):
        """A function from offsets in ``piece`` to file offsets (None where unmapped)."""
        if not piece:
            return lambda i: None
        at = self.text.find(piece, self.cursor)
        if at >= 0:
            self.cursor = at + len(piece)
            return lambda i, at=at: at + i
        # cleaning changed it: align within a window after the cursor
        window = self.text[self.cursor:self.cursor + 2 * len(piece) + 200]
        sm = difflib.SequenceMatcher(None, piece, window, autojunk=False)
        table: dict[int, int] = {}
        for a, b, size in sm.get_matching_blocks():
            for k in range(size + 1):
                table.setdefault(a + k, self.cursor + b + k)
        base = self.cursor
        if table:
            self.cursor = max(table.values())
        return lambda i, base=base: table.get(i)


def _head_spans(text: str, document, analysis) -> set:
    """``{(start, end, type)}`` in file offsets of the names the analysis reports in the
    title and headings (``Analysis.heads``: spans whose ``part`` is "title" or "heading",
    ``paragraph`` the section; an analysis without it reports none). Each head's text is
    located in the file on its own, in order (title first)."""
    heads = getattr(analysis, "heads", None) or []
    if not heads:
        return set()
    loc = _Locator(text)
    maps = {}
    if document.title and not getattr(document, "named", False):
        maps["title", 0] = loc.place(document.title)
    for section in document.sections:
        if section.title:
            maps["heading", section.index] = loc.place(section.title)
    found = set()
    for span in heads:
        fmap = maps.get((getattr(span, "part", None), span.paragraph))
        if fmap is None or span.layer != "entity" or span.type not in TYPES:
            continue
        s, e = fmap(span.start), fmap(span.end - 1)  # (simplified sources: one for one)
        if s is not None and e is not None:
            found.add((s, e + 1, span.type))
    return found


def analyse_article(path: Path) -> set:
    """``{(start, end, type)}`` in file offsets: the analysis of the whole file."""
    text = path.read_text(encoding="utf-8")
    loaded = pipeline.load_path(str(path))
    document = loaded.document
    views = pipeline.make_views(document)
    analysis = pipeline.analyze(document, views, use_cache=False)
    views = pipeline.analysed_views(views, analysis)
    loc = _Locator(text)
    found = _head_spans(text, document, analysis)
    maps = {p.index: loc.place(p.text) for p in document.paragraphs}
    for span in analysis.spans:
        if span.layer != "entity" or span.type not in TYPES:
            continue
        view = views.get("original", "std", span.paragraph)
        vs, ve = view.map.to_view(span.start), view.map.to_view(span.end, end=True)
        fmap = maps[span.paragraph]
        s, e = fmap(vs), fmap(ve - 1)
        if s is not None and e is not None:
            found.add((s, e + 1, span.type))
    return found


def news_preds() -> tuple[list[str], list[set], list[set]]:
    """Article ids, golds and predictions of the current analysis."""
    ids, golds, preds = [], [], []
    for stem, _text, gold in articles():
        ids.append(stem)
        golds.append(gold)
        preds.append(analyse_article(NEWS / f"{stem}.txt"))
    return ids, golds, preds
