"""The publication date of a text, read as a careful reader would.

1. **Stated**: a date in the title, a headline first line or a byline among the first
   lines (``2019.5.31``, ``2019年5月31日``, ``2019-05-31 10:23 来源：…``), or a dateline (``新华社北京5月17日电``, ``本报讯 5月17日``; its year is
   inferred as below). Front matter and the user's ``D`` come first, in the pipeline.
2. **Inferred**: the newest date the text reports as past. Never a date it announces as
   future: one after 将/预计/计划/拟/有望/目标/力争/如果… earlier in its sentence, one
   followed by 将 or by 前/之前/以前 (a deadline), a bare year after 到/至 (到2026年).
   The year comes from the newest explicit past date; a news lead with no year (6月28日
   opening the text) that would fall more than a month before that date is from the next
   year (a text that writes 2018年11月13日 in full and opens with 6月28日 is from 2019).
   Bare dates and 今年N月 are then placed in that year; the newest past one is the date,
   at its own precision. A Double 11 under way (双11激战正酣) is November's news.
   Only the first :data:`READ_CHARS` characters are read.

Returns a label ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, whether it was stated, and why.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta
from typing import NamedTuple

from .dates import Base, Found, Parsed, label_of, parse_all, resolve
from .narrative import resolve_document, sentence_start

__all__ = ["PubDate", "publication_date", "is_future"]


class PubDate(NamedTuple):
    """The publication date found for a text: ``label`` None when the text gives none."""

    label: str | None
    stated: bool
    reason: str


_STATED = re.compile(
    r"(?<![\d.])(?P<y>(?:19|20)\d{2})\s*(?:[.\-/]\s*(?P<m>1[0-2]|0?[1-9])\s*[.\-/]\s*(?P<d>3[01]|[12]\d|0?[1-9])"
    r"|年\s*(?P<m2>1[0-2]|0?[1-9])\s*月\s*(?P<d2>3[01]|[12]\d|0?[1-9])\s*日)(?!\d)"
)
_DATELINE = re.compile(r"(?P<m>1[0-2]|0?[1-9])月(?P<d>3[01]|[12]\d|0?[1-9])日\s*电|本报讯.{0,16}?(?P<m2>1[0-2]|0?[1-9])月(?P<d2>3[01]|[12]\d|0?[1-9])日")
#: How much of the first paragraph is its "first line" for a dateline.
FIRST_LINE = 60
#: The longest first paragraph read as a headline (where a full date is the text's own).
HEADLINE = 80
#: Lines where a byline (source, time of posting) is looked for.
BYLINE_LINES = 4
_BYLINE = re.compile(r"来源|发布|时间|编辑|作者|记者|\d{1,2}:\d{2}")

_FUTURE_BEFORE = re.compile(r"将(?!近)|即将|预计|预期|计划|拟|有望|目标|力争|争取|如果|若(?!干)|假如|届时|最快|未来")
_FUTURE_AFTER = re.compile(r"\s*(?:(?:起|开始)\s*将|将于|将在|将要|即将|之前|以前|前(?![一二三四五六七八九十两\d几]))")
_DEADLINE = ("前", "之前", "以前")
_TO_YEAR = re.compile(r"(?:到|至)\s*$")
_DOUBLE11 = re.compile(r"双11|双十一")
_IN_PROGRESS = re.compile(r"激战正酣|正酣|进行中|正在进行|如火如荼|打响|开启|拉开帷幕|当天|期间|战报")
#: A news lead may trail the newest explicit date by this much (sources, follow-ups).
LEAD_SLACK = timedelta(days=31)


def is_future(text: str, start: int, end: int, precision: str | None = None) -> bool:
    """True when the text announces the date at ``text[start:end]`` as future (or as a deadline)."""
    if _FUTURE_BEFORE.search(text, sentence_start(text, start), start):
        return True
    if (_FUTURE_AFTER.match(text, end) or text[start:end].endswith(_DEADLINE)
            or (text[start:end].endswith(("起", "开始")) and text[end:end + 1] == "将")):
        return True  # 3月底将成立, 2021年12月底之前清理完毕: a plan or a deadline
    return precision == "year" and bool(_TO_YEAR.search(text[max(0, start - 2): start]))


def _stated(titles: Sequence[str], paragraphs: Sequence[str]) -> tuple[date | None, tuple[int, int] | None, str]:
    """A full date in a title or the first line, or a dateline's month and day."""
    lines = [*titles, paragraphs[0][:FIRST_LINE] if paragraphs else ""]
    # The first paragraph is a "first line" for a full date when it reads as a headline
    # (short, no sentence end); otherwise it opens the text itself (日产汽车于2006年10月19日…: an event, not the date of writing).
    def short(line: str) -> bool:
        return len(line) <= HEADLINE and not re.search("[。！？!?]", line)

    stamps = [*titles, *(paragraphs[:1] if paragraphs and short(paragraphs[0]) else [])]
    # A byline among the first lines (2019年05月31日 10:23 来源：新浪财经) states it too.
    stamps += [line for line in paragraphs[1:BYLINE_LINES] if short(line) and _BYLINE.search(line)]
    for line in stamps:
        m = _STATED.search(line)
        if m and not is_future(line, m.start(), m.end()):
            try:
                return date(int(m["y"]), int(m["m"] or m["m2"]), int(m["d"] or m["d2"])), None, f"stated: {m.group()}"
            except ValueError:
                pass
    for line in lines:
        m = _DATELINE.search(line)
        if m:
            return None, (int(m["m"] or m["m2"]), int(m["d"] or m["d2"])), f"dateline {m.group()}"
    return None, None, ""


#: A text's date is read from its first this many characters: an article is shorter, and a
#: book's "newest past date" is no date of writing (and would cost a second pass over it).
READ_CHARS = 100_000


def _opening(paragraphs: Sequence[str]) -> Sequence[str]:
    total = 0
    for i, text in enumerate(paragraphs):
        total += len(text)
        if total > READ_CHARS:
            return paragraphs[: i + 1]
    return paragraphs


def _key(f: Found) -> date:
    """When an expression's time begins (a range: where its last part begins)."""
    if f.kind == "range" and f.last and f.precision == "day":
        return f.last
    if f.kind == "range" and f.last:
        return date(f.last.year, f.last.month, 1) if f.precision in ("month", "part-of-month") else date(f.last.year, 1, 1)
    return f.first


def publication_date(paragraphs: Sequence[str], parsed: Sequence[Sequence[Parsed]] | None = None,
                     titles: Sequence[str] = ()) -> PubDate:
    """The publication date of the canonical ``paragraphs`` (``parsed``: their ``parse_all``)."""
    paragraphs = _opening(paragraphs)
    parsed = [parse_all(text) for text in paragraphs] if parsed is None else parsed[: len(paragraphs)]
    day, dateline, why = _stated(titles, paragraphs)
    if day is not None:
        return PubDate(day.isoformat(), True, why)
    explicit = [(resolve(p, None), i, p) for i, items in enumerate(parsed) for p in items if p.explicit]
    explicit = [(f, is_future(paragraphs[i], p.start, p.end, f.precision)) for f, i, p in explicit if f.first]
    # A period announced as future once (将于2021年12月底) is not past where a plan is
    # restated without the marker (红岭创投2021年12月底清盘…); a year is too long to say so.
    announced = [(f.first, f.last) for f, future in explicit if future and f.precision not in ("year", "half", "quarter")]
    past = [f for f, future in explicit if not future and not any(a <= f.first and f.last <= b for a, b in announced)]
    if not past:
        return PubDate(None, False, "no year in the text")
    newest = max(past, key=_key)
    year = newest.first.year
    reason = f"newest past date with its year: {label_of(newest.first, newest.precision)}"
    lead = dateline or _lead(paragraphs, parsed)
    if lead is not None:
        try:
            if date(year, *lead) < _key(newest) - LEAD_SLACK:
                year += 1
                reason += f"; the lead's {lead[0]}月{lead[1]}日 is later, so {year}"
        except ValueError:
            pass
    if dateline is not None:
        try:
            return PubDate(date(year, *dateline).isoformat(), True, f"{why}, year {year}")
        except ValueError:
            pass
    return _newest_in(paragraphs, parsed, Base(date(year, 1, 1), "year"), reason, announced)


def _lead(paragraphs: Sequence[str], parsed: Sequence[Sequence[Parsed]]) -> tuple[int, int] | None:
    """Month and day of the first bare date (no year in its sentence before it), if it is past."""
    for text, items in zip(paragraphs, parsed):
        for p in items:
            if p.kind == "explicit":
                return None
            if p.kind == "bare" and p.a.month and not is_future(text, p.start, p.end):
                return p.a.month, p.a.day or 1
    return None


def _newest_in(paragraphs: Sequence[str], parsed: Sequence[Sequence[Parsed]], doc: Base, reason: str,
               announced: Sequence[tuple[date, date]]) -> PubDate:
    """The newest past date once bare dates and 今年N月 are placed in ``doc``'s year."""
    resolved = resolve_document(parsed, paragraphs, doc)
    best: Found | None = None
    for text, items, founds in zip(paragraphs, parsed, resolved):
        for p, f in zip(items, founds):
            if not f.first or f.precision is None or f.kind == "duration":
                continue
            if p.kind in ("deictic", "anaphor") and p.a.month is None:
                continue  # 今天, 近日, 本月: the publication date itself, not evidence of it
            if (p.a.yrel or 0) > 0 or (p.a.mrel or 0) > 0 or any(a <= f.first and f.last <= b for a, b in announced):
                continue  # 明年1月: ahead of the writing by its own words
            if p.kind == "none" or p.a.bare_part or p.a.festival or is_future(text, p.start, p.end, f.precision):
                continue  # Q4 or 双11 alone: which one depends on the date being sought
            if best is None or _key(f) > _key(best):
                best = f
    label = label_of(best.first, best.precision) if best else f"{doc.day.year:04d}"
    if best and best.precision in ("quarter", "half"):
        label = f"{best.first.year:04d}"
    if len(label) == 4 or (len(label) >= 7 and int(label[5:7]) < 11):
        for index, text in enumerate(paragraphs):
            m = _DOUBLE11.search(text)
            if m and _IN_PROGRESS.search(text, max(0, m.start() - 10), m.end() + 12):
                return PubDate(f"{label[:4]}-11", False, f"{reason}; Double 11 under way in paragraph {index}")
    return PubDate(label, False, f"{reason}; newest past date: {label}")
