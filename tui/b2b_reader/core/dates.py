"""Rule-based recognition and resolution of Chinese date expressions on simplified text.

This is the parsing half of the timeline (``core.timeline`` builds events from it). It
knows the date vocabulary of news writing: years (``2012年``, ``二〇一二年``, ``07年``),
months, days, halves and quarters, parts of months (``10月下旬``), relative years, months
and days (``今年3月``, ``去年``, ``明天``), counted spans (``最近两年``, ``过去一年``,
``5年前``), durations (``10多年``), decades, ranges (``2018年12月9日至15日``) and
festivals that name a solar date (``双11``, ``618`` in a shopping context).

Era years, Latin quarters (Q3 2025), anaphors (同年, 次日) and weekdays come from
``core.date_words``; resolving anaphors and bare dates against the narrative is
``core.narrative``'s work (``parse_all`` + ``resolve`` here). It does not read clock
times or lunar dates: a business article's timeline is made of years, months and days. Guards keep numbers that
are names or counts (``1688年轻``, ``5-6个人力``, ``25-35岁``) from becoming dates.
The vocabulary (regular expressions, ``_F``) is ``core.date_patterns``, the parsers of one
expression ``core.date_parse``; this module scans a text with them.
Pure functions, no third-party imports (JioNLP was measured and not shipped; see
``bench/timeline.py``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from . import date_words as W
from .date_values import Base, Found, label_of, parse_base, resolve
from .date_parse import _parse_at
from .date_patterns import (
    _ABS_YEAR,
    _BARE_YEAR_RANGE,
    _CONNECT,
    _COUNT_POST,
    _COUNT_PRE,
    _DAY,
    _DECADE,
    _DURATION,
    _F,
    _FESTIVAL,
    _MONTH,
    _MPART_ALONE,
    _NUM_DATE,
    _PREFIX,
    _RECENT,
    _REL_DAY,
    _REL_MONTH,
    _REL_YEAR,
    _VAGUE,
    _WEEK,
    _YEAR_REPORT,
    _YPART_ALONE,
    cn_number,
)

__all__ = ["Base", "Found", "Parsed", "calendar_dates", "parse_base", "parse_all", "resolve", "scan", "label_of",
           "cn_number", "written_label"]

# --------------------------------------------------------------------------- scanning

# Characters an expression can start with; only these positions are tried.
_TRIGGER_CHARS = r"\d０-９〇零一二两三四五六七八九十今去前明后大本上下这近过最未自从昨半数几第双元情女妇植愚劳青儿建教国万平圣光多之截Qq"
#: Every character an expression can start with (the reference scan in the tests tries them all).
ALL_TRIGGERS = _TRIGGER_CHARS + W.TRIGGERS


def _prefilter_source(pattern: str) -> str:
    """``pattern`` without named groups, so several can share one regex (a looser copy)."""
    return re.sub(r"\(\?P<\w+>", "(?:", pattern.replace("(?P=s)", "[-/.]"))


# Most trigger characters (一, 上, 这, 前 ...) start nothing: trying every parser at each of
# them in Python cost ~10 µs a position, most of the analysis time. One regex that matches
# wherever any parser of ``_parse_at`` could match (it accepts a superset: any prefix,
# any point form, any counted or vague form) rejects them in C first.
_CANDIDATE = re.compile(
    f"(?:{_PREFIX.pattern})?(?:"
    + "|".join(_prefilter_source(p.pattern) for p in (
        _BARE_YEAR_RANGE, _NUM_DATE, _ABS_YEAR, _REL_YEAR, _REL_MONTH, _MONTH, _DAY, _YPART_ALONE,
        _MPART_ALONE, _REL_DAY, _WEEK, _DECADE, _FESTIVAL, _YEAR_REPORT, W.YEAR_Q, W.Q_YEAR, W.Q_ALONE))
    + ")|"
    + "|".join(f"(?:{_prefilter_source(p.pattern)})" for p in (_COUNT_PRE, _COUNT_POST, _DURATION, _VAGUE, _RECENT))
)
# The words of ``core.date_words`` start with characters common in any text (日, 道, 民, 上):
# trying every form at each of them cost as much again. They get their own trigger set and
# their own, short, alternation (an expression may still open with a prefix: 从次日起).
_CANDIDATE_WORDS = re.compile(
    f"(?:{_PREFIX.pattern})?(?:"
    + "|".join(_prefilter_source(p.pattern) for p in (
        W.QUARTER_WORD, W.ERA_YEAR, W.ANA_YEAR, W.ANA_MONTH, W.ANA_DAY, W.NEAR, W.WEEKDAY))
    + ")"
)
_CANDIDATE_AT = re.compile(
    f"(?=[{_TRIGGER_CHARS}])(?={_CANDIDATE.pattern})|(?=[自从截{W.TRIGGERS}])(?={_CANDIDATE_WORDS.pattern})"
)


def _in_book_title(text: str, start: int, end: int) -> bool:
    """True inside 《…》: 《明日之后》 is a title, not tomorrow."""
    open_ = text.rfind("《", 0, start)
    return open_ != -1 and text.rfind("》", open_, start) == -1 and text.find("》", end) != -1


class Parsed(NamedTuple):
    """One expression as written, before resolution: offsets, its one or two ends, its bound."""

    start: int
    end: int
    a: _F
    b: _F | None
    mod: str

    @property
    def explicit(self) -> bool:
        """The year is written (2018年, 17年3月, 民国104年, 2019.5.31), not implied."""
        return self.a.year is not None

    @property
    def kind(self) -> str:
        """``deictic`` (今年, 近日: the publication date), ``anaphor`` (同年, 次日: the narrative),
        ``bare`` (4月14日, Q4: the sentence's year, else the publication date's) or ``explicit``."""
        a = self.a
        if a.year is not None or a.decade is not None:
            return "explicit"
        if a.ana is not None:
            return "anaphor"
        if (a.yrel is not None or a.mrel is not None or a.drel is not None or a.week is not None
                or a.count is not None or a.recent or a.near or a.weekday is not None):
            return "deictic"
        return "bare" if (a.month or a.day or a.months or a.days or a.festival) else "none"


def parse_all(text: str, blocked: Sequence[tuple[int, int] | tuple[int, int, bool]] = ()) -> list[Parsed]:
    """Every date expression of ``text`` as written, left to right, longest first, none overlapping.

    ``blocked`` holds ``(start, end)`` offsets of names and numbers that veto any expression
    overlapping them (``1688`` the company is never the year 1688); a third item True marks a
    soft veto (a figure such as 17年, "17 years"), lifted for a longer date holding it
    (17年3月). Inside a book title only a date with its year or a reported quarter is kept
    (《2019年2月P2P网贷报告》, 《Q3财报营收下滑》), not 《明日之后》 nor 《三月的故事》.
    """
    found: list[Parsed] = []
    pos = 0
    for trigger in _CANDIDATE_AT.finditer(text):
        i = trigger.start()
        if i < pos:
            continue
        kept = accept(text, _parse_at(text, i), blocked)
        if kept:
            found.extend(kept)
            pos = kept[-1].end
    return found


def accept(text: str, parsed: tuple | None, blocked: Sequence[tuple] = ()) -> list[Parsed]:
    """What :func:`parse_all` keeps of one ``_parse_at`` result (none, it, or its two dates)."""
    if parsed is None:
        return []
    start, end, a, b, mod = parsed
    if end <= start or (a.year is None and not a.bare_part and _in_book_title(text, start, end)):
        return []
    if any(_vetoes(block, start, end, a) for block in blocked) or _generic_month(text, start, end, a, b):
        return []
    if a.year is not None and text.startswith("民国", start) and text[start - 2:start] == "中华":
        start -= 2  # 中华民国96年: 中, too common a character to try, is not a trigger
    return _split_inverted(text, Parsed(start, end, a, b, mod))


# What a month stands for when it labels a climate figure (一月份平均气温为-3.7℃): every January.
_CLIMATE = re.compile(r"\s?(?:份)?的?(?:平均|日均|月均)?(?:最高|最低)?(?:气温|温度|降水|降雨|降雪|日照|湿度)")


def _generic_month(text: str, start: int, end: int, a: _F, b: _F | None) -> bool:
    """A bare month that labels a figure of every year, not a time: the subject of a climate
    figure (一月份平均气温), or a table cell holding only the month (| 一月 | 二月 |)."""
    if b is not None or a.month is None or a.year is not None or a.yrel is not None or a.day or a.days or a.ana:
        return False
    if _CLIMATE.match(text, end):
        return True
    left, right = text.rfind("|", 0, start), text.find("|", end)
    return left != -1 and right != -1 and not text[left + 1:start].strip() and not text[end:right].strip()


def _split_inverted(text: str, p: Parsed) -> list[Parsed]:
    """A range whose written ends run backwards (2018年9月1日至2018年5月31日, a typo) as its
    two dates, each as written."""
    a, b = p.a, p.b
    if b is None or a.year is None or b.year is None:
        return [p]
    if (b.year, b.month or 0, b.day or 0) >= (a.year, a.month or 0, a.day or 0):
        return [p]
    conn = _CONNECT.search(text, p.start, p.end)
    if conn is None:
        return [p]
    return [Parsed(p.start, conn.start(), a, None, ""), Parsed(conn.end(), p.end, b, None, "")]


def _vetoes(block: tuple, start: int, end: int, a: _F) -> bool:
    s, e = block[0], block[1]
    if not (s < end and start < e):
        return False
    soft = len(block) > 2 and block[2]
    return not (soft and start <= s and e <= end and e - s < end - start and (a.month or a.day))


def scan(text: str, base: Base | None, blocked: list[tuple[int, int]] = ()) -> list[Found]:
    """All date expressions in ``text`` resolved against one ``base`` (see :func:`parse_all`).

    Anaphors and bare dates take ``base`` here; ``core.narrative`` resolves a whole
    document, where they follow the narrative instead.
    """
    return [resolve(p, base) for p in parse_all(text, blocked)]


def calendar_dates(text: str, blocked: Sequence[tuple[int, int]] = ()) -> list[Parsed]:
    """The expressions of :func:`parse_all` that name a place on the calendar by its year,
    month or decade (2019年, 今年3月, 去年上半年, 10月下旬, 2010-01-29, 1980年代): the dates
    the entity finder holds against figures and names before the tagger runs. Not counts,
    durations, anaphors, days alone or words (近日, 今天): the pipeline dates those later,
    once the names are known."""
    return [p for p in parse_all(text, blocked) if _calendar(p.a)]


def _calendar(a: _F) -> bool:
    if a.decade is not None:
        return True
    if (a.count or a.duration or a.vague or a.ana or a.festival or a.near or a.recent
            or a.week is not None or a.weekday is not None or a.drel is not None or a.mrel is not None):
        return False
    return a.year is not None or a.month is not None or (a.yrel is not None and a.months is not None)


def written_label(p: Parsed) -> str | None:
    """The label (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``) of an expression whose year is
    written, as it resolves with no publication date; None for the others."""
    if p.a.year is None and p.a.decade is None:
        return None
    found = resolve(p, None)
    return label_of(found.first, found.precision) if found.first and found.precision else None
