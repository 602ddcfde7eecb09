"""Parsers of one date expression at a position of simplified text (split from ``core.dates``):
points (years, months, days, parts), counted spans, durations, ranges and their bounds."""

from __future__ import annotations

import re

from . import date_words as W
from .numbers import _CN_DIGIT as _DIGITS
from .date_patterns import (
    _ABS_YEAR,
    _BARE_CN_DAY,
    _BARE_YEAR_RANGE,
    _BETWEEN,
    _CONNECT,
    _CONNECT_AND,
    _COUNT_POST,
    _COUNT_PRE,
    _DAY,
    _DECADE,
    _DURATION,
    _F,
    _FESTIVAL,
    _FESTIVALS,
    _FULLWIDTH,
    _MOD,
    _MOD_KIND,
    _MONTH,
    _MPART,
    _MPART_ALONE,
    _MPART_DAYS,
    _NUM_DATE,
    _PREFIX,
    _PREFIX_MOD,
    _RECENT,
    _REL_DAY,
    _REL_DAY_OFFSET,
    _REL_MONTH,
    _REL_MONTH_OFFSET,
    _REL_YEAR,
    _REL_YEAR_OFFSET,
    _SAME_DAY,
    _SHOPPING,
    _VAGUE,
    _WEEK,
    _YEAR_REPORT,
    _YPART,
    _YPART_ALONE,
    cn_number,
)


def _num(s: str) -> float | None:
    if s in ("几", "数"):
        return 3
    if s in ("十几",):
        return 10
    if s in ("几十", "数十"):
        return 20
    try:
        return float(s.translate(_FULLWIDTH))
    except ValueError:
        value = cn_number(s)
        return None if value is None else float(value)


def _abs_year(m: re.Match[str]) -> int | None:
    g = m.groupdict()
    if g["d4"]:
        y = int(g["d4"])
        return y if 1000 <= y <= 2100 else None
    if g["d2"] or g["d0"]:
        y = int(g["d2"] or g["d0"])
        return 2000 + y if y <= 50 else 1900 + y  # 07年 → 2007, 98年 → 1998
    if g["cz"]:
        return 2000 + _DIGITS[g["cz"][1]]
    text = g["c4"] or g["c3"] or g["cq"]
    return cn_number(text)


def _year_part(m: re.Match[str]) -> tuple[int, int, str] | None:
    g = m.groupdict()
    if g.get("half"):
        return (1, 6, "half") if g["half"][0] in "上前" else (7, 12, "half")
    q = g.get("q") or g.get("q2")
    if q:
        n = int(q) if q.isdigit() else _DIGITS[q]
        if g.get("qend"):
            return (3 * n, 3 * n, "month")  # 一季度末: the quarter's last month
        return (3 * n - 2, 3 * n, "quarter")
    if g.get("qn"):
        return (1, 3 * _DIGITS[g["qn"]], "quarter")
    if g.get("mn"):
        n = cn_number(g["mn"]) or 0
        return (1, n, "month") if 1 <= n <= 12 else None
    edge = g.get("edge")
    if edge:
        return (1, 1, "month") if edge.endswith("初") else (12, 12, "month")  # 年初 January, 年底 December
    if g.get("mid"):
        return (4, 9, "half")
    return None


def _parse_after_month(text: str, pos: int, f: _F) -> tuple[int, _F]:
    """Continue after a month: a day, a bare Chinese day (八月十五) or a part of the month."""
    m = _DAY.match(text, pos)
    if m:
        d = cn_number(m["d"])
        if d and 1 <= d <= 31:
            return m.end(), f._replace(day=d)
    m = _MPART.match(text, pos)
    if m:
        return m.end(), f._replace(days=_MPART_DAYS[m["p"]])
    if text[pos - 1: pos] == "月" and not text[pos - 2: pos - 1].isdigit():
        m = _BARE_CN_DAY.match(text, pos)
        if m:
            return m.end(), f._replace(day=cn_number(m["d"]))
    return pos, f


def _parse_after_year(text: str, pos: int, f: _F) -> tuple[int, _F]:
    """Continue after a year: a year part, a month (and day), or a festival."""
    m = _YPART.match(text, pos)
    if m and (part := _year_part(m)):
        return m.end(), f._replace(months=part)
    m = _MONTH.match(text, pos) or _MONTH.match(text, pos + (text[pos: pos + 1] == " "))
    if m:
        month = cn_number(m["m"])
        if month and 1 <= month <= 12:
            return _parse_after_month(text, m.end(), f._replace(month=month))
    m = _REL_MONTH.match(text, pos)
    if m and _REL_MONTH_OFFSET[m["w"]] == 0:
        return _parse_after_month(text, m.end(), f._replace(mrel=0))  # 去年本月十日
    m = _FESTIVAL.match(text, pos)
    if m:
        month, day = _FESTIVALS[m.group()]
        return m.end(), f._replace(month=month, day=day, festival=True)
    return pos, f


def _word(text: str, m: re.Match[str] | None) -> bool:
    """``m`` matched, and is a word of its own where it could be part of another (如今|日产)."""
    if m is None:
        return False
    return m["w"] not in W.NEEDS_BOUNDARY or W.on_word_boundaries(text, m.start(), m.end())


def _quarter(q: str) -> tuple[int, int, str]:
    n = int(q) if q.isdigit() else _DIGITS[q]
    return (3 * n - 2, 3 * n, "quarter")


def _parse_point(text: str, pos: int) -> tuple[int, _F] | None:
    """A date that can stand at one end of a range: year/month/day forms, parts, festivals."""
    m = W.YEAR_Q.match(text, pos) or W.Q_YEAR.match(text, pos)
    if m:
        return m.end(), _F(year=int(m["y"]), months=_quarter(m["q"]))
    m = _NUM_DATE.match(text, pos)
    if m:
        y, mo, d = (m["y"], m["m"], m["d"]) if m["y"] else (m["y2"], m["m2"], m["d2"])
        return m.end(), _F(year=int(y), month=int(mo), day=int(d))
    m = _ABS_YEAR.match(text, pos)
    if m and (y := _abs_year(m)) is not None:
        return _parse_after_year(text, m.end(), _F(year=y))
    m = W.ERA_YEAR.match(text, pos)
    if m and (n := 1 if m["n"] == "元" else cn_number(m["n"])):
        return _parse_after_year(text, m.end(), _F(year=W.ERA_FIRST_YEAR[m["era"]] + n - 1))
    m = _YEAR_REPORT.match(text, pos)
    if m:
        return m.end(), _F(year=int(m["y"]))
    m = _REL_YEAR.match(text, pos)
    if _word(text, m):
        return _parse_after_year(text, m.end(), _F(yrel=_REL_YEAR_OFFSET[m["w"]]))
    m = W.ANA_YEAR.match(text, pos)
    if _word(text, m):
        return _parse_after_year(text, m.end(), _F(ana=("year", W.ANAPHOR_YEAR[m["w"]])))
    m = _REL_MONTH.match(text, pos)
    if m:
        return _parse_after_month(text, m.end(), _F(mrel=_REL_MONTH_OFFSET[m["w"]]))
    m = W.ANA_MONTH.match(text, pos)
    if _word(text, m):
        return _parse_after_month(text, m.end(), _F(ana=("month", W.ANAPHOR_MONTH[m["w"]])))
    if text[max(0, pos - 3): pos].endswith(("每", "每年", "每月", "每个月")):
        return None  # 每月11日, 每年3月: a recurrence, not a date
    m = _MONTH.match(text, pos)
    if m and (month := cn_number(m["m"])) and 1 <= month <= 12:
        return _parse_after_month(text, m.end(), _F(month=month))
    m = _DAY.match(text, pos)
    if m and (d := cn_number(m["d"])) and 1 <= d <= 31:
        return m.end(), _F(day=d)
    m = _YPART_ALONE.match(text, pos)
    if m and (part := _year_part(m)):
        return m.end(), _F(months=part, bare_part=not m["edge"])
    m = W.Q_ALONE.match(text, pos) or W.QUARTER_WORD.match(text, pos)
    if m:
        return m.end(), _F(months=_quarter(m["q"]), bare_part=True)
    m = _MPART_ALONE.match(text, pos)
    if m:
        return m.end(), _F(mrel=0, days=_MPART_DAYS[m["p"].lstrip("月")])
    m = _REL_DAY.match(text, pos)
    if _word(text, m):
        return m.end(), _F(drel=_REL_DAY_OFFSET[m["w"]])
    m = W.ANA_DAY.match(text, pos)
    if _word(text, m):
        return m.end(), _F(ana=("day", W.ANAPHOR_DAY[m["w"]]))
    m = W.NEAR.match(text, pos)
    if _word(text, m):
        return m.end(), _F(near=True)
    m = W.WEEKDAY.match(text, pos)
    if m:
        return m.end(), _F(weekday=W.WEEKDAYS[m["wd"]])
    m = _WEEK.match(text, pos)
    if m:
        w = m["w"].rstrip("个")
        return m.end(), _F(week={"上上": -2, "下下": 2, "上": -1, "下": 1}.get(w, 0))
    m = _DECADE.match(text, pos)
    if m:
        return m.end(), _F(decade=_decade(m))
    m = _FESTIVAL.match(text, pos)
    if m and (m.group() != "618" or _SHOPPING.search(text, max(0, pos - 12), m.end() + 12)):
        month, day = _FESTIVALS[m.group()]
        return m.end(), _F(month=month, day=day, festival=True)
    return None


def _decade(m: re.Match[str]) -> tuple[int, int]:
    if m["y4"]:
        y = int(m["y4"])
        return y, y + 9
    dd = cn_number(m["dd"]) or 0
    if m["cent"] == "本世纪":
        century = 2000
    elif m["cent"] == "上世纪":
        century = 1900
    elif m["c"]:
        century = ((cn_number(m["c"]) or 20) - 1) * 100
    else:
        century = 1900  # 90年代 in a modern text is the 1990s
    return century + dd, century + dd + 9


def _parse_other(text: str, pos: int) -> tuple[int, _F] | None:
    """Forms that do not join ranges: counted spans, durations, vague spans, 最近."""
    best: tuple[int, _F] | None = None
    for candidate in (_count_pre(text, pos), _count_post(text, pos), _duration(text, pos)):
        if candidate and (best is None or candidate[0] > best[0]):
            best = candidate
    if best:
        return best
    m = _VAGUE.match(text, pos)
    if m:
        return m.end(), _F(vague=True, duration=True)
    m = _RECENT.match(text, pos)
    if m and not re.search(r"[离距]", text[max(0, pos - 6): pos]):
        return m.end(), _F(recent=True)
    return None


_UNIT_NAME = {"年": "year", "个月": "month", "个多月": "month", "月": "month", "个星期": "week",
              "星期": "week", "周": "week", "天": "day", "日": "day"}


_VAGUE_N = ("几", "数", "十几", "几十", "数十")


def _count_pre(text: str, pos: int) -> tuple[int, _F] | None:
    m = _COUNT_PRE.match(text, pos)
    if not m:
        return None
    if m["n"] in _VAGUE_N:
        return m.end(), _F(vague=True, duration=True)  # 这几年, 近十几年: no definite extent
    n = _num(m["n"])
    if n is None or n <= 0 or n > 100:
        return None
    if m["pre"] == "这" and n < 2:
        return None  # 这一年 points back in the text, not to the writing date
    direction = "future" if m["pre"].startswith(("未来", "今后", "接下来")) else "past"
    return m.end(), _F(count=(n, _UNIT_NAME[m["unit"]], direction), duration=True)


def _count_post(text: str, pos: int) -> tuple[int, _F] | None:
    m = _COUNT_POST.match(text, pos)
    if not m or m["n"].isdigit() and len(m["n"]) == 4:
        return None  # 2015年前 is a year with a bound, not 2015 years ago
    n = _num(m["n"])
    if n is None or n <= 0 or n > 100:
        return None
    post = m["post"]
    if post in ("来", "以来"):
        return m.end(), _F(count=(n, _UNIT_NAME[m["unit"]], "past"), duration=True)
    direction = "ago" if post in ("前", "以前", "之前") else "later"
    return m.end(), _F(count=(n, _UNIT_NAME[m["unit"]], direction))


def _duration(text: str, pos: int) -> tuple[int, _F] | None:
    m = _DURATION.match(text, pos)
    if not m:
        return None
    if m["n"] is not None:
        n = _num(m["n"])
        if n is None or n <= 0 or n >= 1000:
            return None
    return m.end(), _F(duration=True)


# --------------------------------------------------------------------------- ranges and bounds

def _inherit(a: _F, b: _F) -> _F:
    """Fill the fields the second end of a range leaves out from the first (9日至15日)."""
    if b.year is None and b.yrel is None and b.decade is None and a.decade is None:
        b = b._replace(year=a.year, yrel=a.yrel)
        if b.month is None and b.mrel is None and b.months is None and b.day is not None:
            b = b._replace(month=a.month, mrel=a.mrel)
    return b


def _parse_at(text: str, pos: int) -> tuple[int, int, _F, _F | None, str] | None:
    """The longest expression starting at ``pos``: (start, end, first end, second end, mod)."""
    start = pos
    prefix = _PREFIX.match(text, pos)
    body = prefix.end() if prefix else pos
    bare = _BARE_YEAR_RANGE.match(text, body)
    if bare and (prefix or bare["nian"] or "-" not in bare.group()):
        a, b = int(bare["a"]), int(bare["b"])
        if a < b:
            return (start if prefix else body), bare.end(), _F(year=a), _F(year=b), ""
    point = _parse_point(text, body)
    if point is None:
        other = _parse_other(text, pos)
        return (pos, other[0], other[1], None, "") if other else None
    end, first = point
    second, mod = None, ""
    conn = _CONNECT.match(text, end) or _CONNECT_AND.match(text, end)
    if conn:
        nxt = _parse_point(text, conn.end())
        if nxt:
            between = _BETWEEN.match(text, nxt[0])
            if _CONNECT.match(text, end) or between:
                second = _inherit(first, nxt[1])
                if nxt[1].year is None and nxt[1].yrel is None and second.year is not None:
                    second = second._replace(wrap=True)
                end = between.end() if between else nxt[0]
    same_day = _SAME_DAY.match(text, end)
    if second is None and same_day and (first.day or first.festival):
        end = same_day.end()  # 6月16日当天, 618当天: the date itself
    if second is None and (first.year is not None or first.yrel is not None or first.month or first.day):
        m = _MOD.match(text, end)
        if m:
            mod = _MOD_KIND[m["m"].lstrip("或及")]
            end = m.end()
    if prefix and second is None and not mod:
        mod = _PREFIX_MOD.get(prefix.group(), "")
        if not mod:
            start = body
    # A counted span may be longer (最近两年 is not 最近 + 两年).
    other = _parse_other(text, pos)
    if other and other[0] > end:
        return pos, other[0], other[1], None, ""
    return start, end, first, second, mod


# --------------------------------------------------------------------------- scanning

# Characters an expression can start with; only these positions are tried.
