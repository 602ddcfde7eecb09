"""A document's date expressions resolved in reading order, as HeidelTime does for narratives.

Time has two anchors (DESIGN.md): deictic words (今年, 去年, 近日, 昨日) count from the
publication date; anaphors and underspecified dates count from the narrative.

- An **anaphor** (同年, 当年, 次年, 上年, 当月, 同日, 当日, 次日, 前一天) takes the latest date
  before it in the text that is precise enough (同日 needs a day, 当月 a month, 同年 a year),
  across sentences and paragraphs: it points back by definition.
- Today in a dated dispatch (7月11日消息，…今天发布) is the dispatch's day.
- A **bare** date (4月14日, 12月下旬, 一季度, 31日) takes its year (and, for a bare day, its
  month) from the latest explicit date (its year written) earlier in its *sentence*
  (2015年5月在QQ上线，9月在微信上线), else from the latest explicit date of its *paragraph*
  that moves the narrative (known to the month or day; not a plan, a cut-off 截至… or a
  parenthesis: 1949年11月1日，邮电部成立…；12月27日… is 1949), else from the publication
  date. Measured on whole business articles, a bare date after a paragraph break, or
  after a background year (成立于2013年), follows the publication date far more often than
  the last explicit year: news and digests jump back to "now" after each aside. An
  anaphor's scope is the whole text before it.

Pure functions over ``core.dates`` results; offsets are untouched.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import re

from .dates import Base, Found, Parsed, resolve
from .words import SENTENCE_END
from .words import sentences as _sentences

__all__ = ["resolve_document", "anchor_of", "sentences", "sentence_start"]

# A space between two Chinese characters: Chinese prose has none inside a sentence, so it
# is where a heading or list item glued to the text ends (高管曹阳将离职 3月25日，…).
_DISPATCH = re.compile(r"\s*(?:消息|电|讯)")
_CJK_SPACE = re.compile(r"(?<=[^\x00-\x7f])\s+(?=[^\x00-\x7f])")


#: How far back a sentence's start is looked for (a sentence longer than this is cut there).
LOOKBACK = 200


def sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding ``pos`` starts (as :func:`sentences` cuts), looking back at
    most :data:`LOOKBACK` characters."""
    lo = max(0, pos - LOOKBACK)
    start = lo
    for m in SENTENCE_END.finditer(text, lo, pos):
        start = m.end()
    for m in _CJK_SPACE.finditer(text, start, pos):
        start = m.end()
    return start


def sentences(text: str) -> list[tuple[int, int]]:
    """``words.sentences``, also cut where a space stands between Chinese characters."""
    out = []
    for start, end in _sentences(text):
        for m in _CJK_SPACE.finditer(text, start, end):
            out.append((start, m.end()))
            start = m.end()
        out.append((start, end))
    return out

_BASE_PRECISION = {"day": "day", "part-of-month": "month", "month": "month",
                   "quarter": "year", "half": "year", "year": "year"}


def anchor_of(found: Found) -> Base | None:
    """What a resolved expression tells later ones: its day, month or year (a range: its end)."""
    if found.first is None or found.precision is None or found.kind == "duration":
        return None
    precision = _BASE_PRECISION[found.precision]
    day = found.last if found.kind == "range" and found.last else found.first
    if precision == "month":
        day = date(day.year, day.month, 1)
    elif precision == "year":
        day = date(day.year, 1, 1)
    return Base(day, precision)


class _Discourse:
    """The latest date of each precision seen so far in the text."""

    def __init__(self) -> None:
        self.day: Base | None = None
        self.month: Base | None = None
        self.year: Base | None = None

    def anchor_for(self, unit: str) -> Base | None:
        if unit == "day":  # the latest date known to the month at least (次日 of 12月下旬: December)
            return self.month or self.year
        if unit == "month":
            return self.month or self.year
        return self.year

    def note(self, base: Base) -> None:
        self.year = base
        if base.precision in ("month", "day"):
            self.month = base
        if base.precision == "day":
            self.day = base


def _narrative_point(text: str, p: Parsed) -> bool:
    """An explicit date that moves the narrative: not a plan (将于…), not a data cut-off
    (截至…), not a parenthesis (（2018年9月1日至…）)."""
    from .pubdate import is_future

    if text[p.start:p.end].startswith(("截至", "截止")) or is_future(text, p.start, p.end):
        return False
    opened = max(text.rfind("（", 0, p.start), text.rfind("(", 0, p.start))
    return opened == -1 or max(text.find("）", opened, p.start), text.find(")", opened, p.start)) != -1


def resolve_document(parsed: Sequence[Sequence[Parsed]], texts: Sequence[str], doc: Base | None) -> list[list[Found]]:
    """Every paragraph's expressions resolved: deictic ones against ``doc`` (the publication
    date), anaphors against the narrative, bare dates against their sentence or paragraph,
    else ``doc``."""
    discourse = _Discourse()
    out: list[list[Found]] = []
    for text, items in zip(texts, parsed):
        last_end = 0  # where the previous expression ended: sentence breaks are looked for after it
        local = dispatch = paragraph_anchor = None
        pending: list[tuple[Base, Parsed]] = []  # explicit dates not yet checked as narrative points
        found: list[Found] = []
        for p in items:
            if local is not None or dispatch is not None or paragraph_anchor is not None or pending:
                if _CJK_SPACE.search(text, last_end, p.start):
                    local = dispatch = paragraph_anchor = None  # a new item glued to the paragraph (… 第五则 …)
                    pending = []
                elif SENTENCE_END.search(text, last_end, p.start):
                    local = dispatch = None
            last_end = p.end
            kind = p.kind
            base = doc
            if p.a.drel is not None and dispatch is not None:
                base = dispatch  # 7月11日消息，…今天正式发布: the dispatch's today
            elif kind == "anaphor":
                base = discourse.anchor_for(p.a.ana[0]) or doc
            elif kind == "bare" and (local is not None or paragraph_anchor is not None or pending):
                if local is None and pending:  # checked only when a bare date needs it
                    paragraph_anchor = next((b for b, q in reversed(pending) if _narrative_point(text, q)),
                                            paragraph_anchor)
                    pending = []
                needs_month = p.a.month is None and p.a.months is None and p.a.day is not None
                cand = local or paragraph_anchor
                if cand is not None and (not needs_month or cand.precision != "year"):
                    base = cand
            f = resolve(p, base)
            found.append(f)
            anchor = anchor_of(f)
            if anchor is not None and kind != "none" and not (kind == "anaphor" and p.a.ana[1] < 0):
                discourse.note(anchor)  # 上年同期 compares, it does not move the narrative
                if kind == "explicit":
                    local = anchor
                    if anchor.precision in ("month", "day"):
                        pending.append((anchor, p))
                if anchor.precision == "day" and _DISPATCH.match(text, p.end):
                    dispatch = anchor
        out.append(found)
    return out
