"""Dates and publication dates on whole business-news articles, as a user of the reader gets them.

Run: PYTHONPATH=tui python bench/dates_news.py [-v]

Data: /work/shared/eval/news_business_dev/ (12 articles, ``<id>.txt`` with gold ``<id>.json``:
``dates`` with resolved ``value`` and the article's ``doc_date``; see CONVENTIONS.md there).
Each ``.txt`` is opened through the normal path (``pipeline.load_path``, ``make_views``,
``analyze`` without the cache); the date highlights (``date`` spans) and the timeline events
are mapped back to offsets in the file (each paragraph's source text is found in the file
in order, character by character, skipping only the line breaks and Markdown marks that
cleaning drops; canonical offsets go through the view's offset map; paragraphs that cannot
be placed are counted and printed). Printed per article and in total:

* found: gold dates overlapped by a predicted date span;
* resolved: gold dates whose overlapping prediction, written at the gold's precision
  (``YYYY``, ``YYYY-Hn``, ``YYYY-Qn``, ``YYYY-MM``, ``YYYY-MM-DD``), is the gold value;
  a prediction coarser than the gold is wrong; for a range (2018-2024年) the first gold
  inside it takes the range's first day, a later one its last day;
* precision: predicted spans that overlap a gold date, of all predicted date spans (and of
  those with a resolved value only);
* publication date: the analysis's document date agrees with ``doc_date`` at the gold's
  precision (a finer prediction is cut to the gold's precision; a coarser one is wrong).

``-v`` lists every miss. Parts of the document that are not body paragraphs (a title) are
mapped too when the analysis reports spans for them (a span with ``part == "title"``);
otherwise their gold dates count as not found.
"""

from __future__ import annotations

import json
import os
import re
import sys
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

DATA = Path("/work/shared/eval/news_business_dev")
_RANK = {"day": 0, "part-of-month": 1, "month": 2, "quarter": 3, "half": 4, "year": 5}


@dataclass
class Pred:
    """One predicted date expression with file offsets."""

    start: int
    end: int
    value: str | None  # label, None when unresolved
    first: date | None = None
    last: date | None = None
    precision: str | None = None
    kind: str = "point"


def gold_precision(value: str) -> str:
    if re.fullmatch(r"\d{4}", value):
        return "year"
    if re.fullmatch(r"\d{4}-H[12]", value):
        return "half"
    if re.fullmatch(r"\d{4}-Q[1-4]", value):
        return "quarter"
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return "month"
    return "day"


def render(d: date, precision: str) -> str:
    """``d`` written at a gold precision."""
    if precision == "year":
        return f"{d.year:04d}"
    if precision == "half":
        return f"{d.year:04d}-H{1 if d.month <= 6 else 2}"
    if precision == "quarter":
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    if precision == "month":
        return f"{d.year:04d}-{d.month:02d}"
    return d.isoformat()


def value_at(pred: Pred, gold_value: str, use_last: bool) -> str | None:
    """The prediction written at the gold's precision, or None when it is coarser or unresolved."""
    if pred.first is None or pred.precision is None:
        return None
    gp = gold_precision(gold_value)
    if _RANK[pred.precision] > _RANK[gp]:
        return None
    return render(pred.last if use_last and pred.last else pred.first, gp)


def doc_date_right(pred: str | None, gold: str) -> bool:
    return bool(pred) and len(pred) >= len(gold) and pred[: len(gold)] == gold


#: What cleaning may drop from between a paragraph's characters (line breaks, Markdown marks).
_SKIPPABLE = set(" \t\r\n\u3000>*#|`")


def align(text: str, para: str, cursor: int) -> list[int] | None:
    """File offset of every character of ``para``, found in ``text`` from ``cursor``.

    Cleaning joins lines and drops Markdown marks, so the paragraph is matched character by
    character, skipping only such characters of the file; a space cleaning inserted maps to
    the file position it stands at. None when the paragraph is not found that way.
    """
    if not para:
        return None
    start = text.find(para[:6], cursor)
    while start >= 0:
        where = _align_at(text, para, start)
        if where is not None:
            return where
        start = text.find(para[:6], start + 1)
    return None


def _align_at(text: str, para: str, j: int) -> list[int] | None:
    where = []
    for ch in para:
        if ch.isspace():
            where.append(min(j, len(text) - 1))
            j += j < len(text) and text[j].isspace()
            continue
        while j < len(text) and text[j] != ch and text[j] in _SKIPPABLE:
            j += 1
        if j >= len(text) or text[j] != ch:
            return None
        where.append(j)
        j += 1
    return where


def predictions(path: Path) -> tuple[list[Pred], str | None, bool, int]:
    """Predicted date spans of one article in file offsets, its document date, date_inferred."""
    from b2b_reader.core import pipeline

    text = path.read_text(encoding="utf-8")
    loaded = pipeline.load_path(str(path))
    document = loaded.document
    views = pipeline.make_views(document)
    analysis = pipeline.analyze(document, views, use_cache=False)
    # Where each character of each paragraph's source text is in the file, in order.
    origin: dict[int, list[int]] = {}
    cursor = 0
    for p in document.paragraphs:
        where = align(text, p.text, cursor)
        if where is not None:
            origin[p.index] = where
            cursor = where[-1] + 1 if where else cursor
    title_at = text.find(document.title) if document.title else -1

    def file_span(paragraph: int, start: int, end: int, part: str | None) -> tuple[int, int] | None:
        if part == "title":
            return (title_at + start, title_at + end) if title_at >= 0 else None
        if paragraph not in origin:
            return None
        view = views.get("original", "std", paragraph)
        where = origin[paragraph]
        a, b = view.map.to_view(start), view.map.to_view(end, end=True)
        return where[a], where[b - 1] + 1

    preds: dict[tuple[int, int], Pred] = {}
    # Events carry precision and first/last days; date spans are every highlight.
    by_phrase: dict[tuple[int, str, str], object] = {}
    for ev in analysis.events:
        part = getattr(ev, "part", None)
        span = file_span(ev.paragraph, ev.span_start, ev.span_end, part)
        by_phrase[(ev.paragraph, ev.phrase, ev.date)] = ev
        if span:
            preds[span] = Pred(*span, ev.date, date.fromisoformat(ev.start), date.fromisoformat(ev.end),
                               ev.precision, ev.kind)
    for s in analysis.spans:
        if s.type != "date":
            continue
        part = getattr(s, "part", None)
        span = file_span(s.paragraph, s.start, s.end, part)
        if not span or span in preds:
            continue
        label = s.key if re.fullmatch(r"\d{4}(-\d{2}){0,2}", s.key or "") else None
        phrase = text[span[0]:span[1]]
        ev = by_phrase.get((s.paragraph, phrase, label)) if label else None
        if ev is not None:
            preds[span] = Pred(*span, label, date.fromisoformat(ev.start), date.fromisoformat(ev.end),
                               ev.precision, ev.kind)
        else:
            preds[span] = Pred(*span, label)
    unplaced = len(document.paragraphs) - len(origin)
    return sorted(preds.values(), key=lambda p: p.start), analysis.date, analysis.date_inferred, unplaced


def score(path: Path, verbose: bool) -> dict[str, int]:
    gold = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    text = path.read_text(encoding="utf-8")
    preds, doc_date, inferred, unplaced = predictions(path)
    c = {"gold": len(gold["dates"]), "found": 0, "resolved": 0, "pred": len(preds),
         "pred_ok": 0, "pred_resolved": 0, "pred_resolved_ok": 0}
    used: dict[int, int] = {}  # prediction index -> golds matched so far
    misses = []
    for g in gold["dates"]:
        hits = [i for i, p in enumerate(preds) if p.start < g["end"] and g["start"] < p.end]
        if not hits:
            misses.append(f"    not found  {g['text']:<14} {g['value']:<11} …{text[max(0, g['start'] - 12):g['start']]}|")
            continue
        c["found"] += 1
        i = hits[0]
        p = preds[i]
        use_last = p.kind == "range" and used.get(i, 0) > 0
        used[i] = used.get(i, 0) + 1
        got = value_at(p, g["value"], use_last)
        if got == g["value"]:
            c["resolved"] += 1
        else:
            shown = got or f"{p.value}/{p.precision}"
            misses.append(f"    wrong      {g['text']:<14} {g['value']:<11} got {shown:<11} "
                          f"[{text[p.start:p.end]}] …{text[max(0, g['start'] - 12):g['start']]}|")
    spans = [(g["start"], g["end"]) for g in gold["dates"]]
    for p in preds:
        ok = any(p.start < e and s < p.end for s, e in spans)
        c["pred_ok"] += ok
        if p.value:
            c["pred_resolved"] += 1
            c["pred_resolved_ok"] += ok
        elif verbose and not ok:
            pass
        if verbose and not ok:
            misses.append(f"    extra      [{text[p.start:p.end]}] {p.value} …{text[max(0, p.start - 12):p.start]}|")
    c["doc_ok"] = int(doc_date_right(doc_date, gold["doc_date"]))
    flag = "ok " if c["doc_ok"] else "BAD"
    print(f"{path.stem[:40]:<40} found {c['found']:>3}/{c['gold']:<3} resolved {c['resolved']:>3}/{c['gold']:<3}"
          f" precision {c['pred_ok']:>3}/{c['pred']:<3} date {flag} {doc_date or '-'} (gold {gold['doc_date']}"
          f"{', inferred' if inferred else ''})" + (f" [{unplaced} paragraphs not placed]" if unplaced else ""))
    if verbose:
        for line in misses:
            print(line)
    return c


def main() -> None:
    os.environ.setdefault("B2B_READER_HOME", tempfile.mkdtemp(prefix="b2b-bench-"))
    verbose = "-v" in sys.argv
    total: dict[str, int] = {}
    for path in sorted(DATA.glob("*.txt")):
        for k, v in score(path, verbose).items():
            total[k] = total.get(k, 0) + v

    def pct(a: str, b: str) -> str:
        return f"{total[a]}/{total[b]} ({total[a] / total[b]:.1%})" if total[b] else "-"

    print(f"\ntotal: gold dates found {pct('found', 'gold')}; resolved to the gold value {pct('resolved', 'gold')};")
    print(f"  precision of predicted date spans {pct('pred_ok', 'pred')} "
          f"(resolved ones only {pct('pred_resolved_ok', 'pred_resolved')});")
    print(f"  publication date right at the gold's precision {total['doc_ok']}/12")


if __name__ == "__main__":
    main()
