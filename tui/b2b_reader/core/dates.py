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
Pure functions, no third-party imports (JioNLP was measured and not shipped; see
``bench/timeline.py``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from . import date_words as W
from .date_values import Base, Found, label_of, parse_base, resolve
from .numbers import _CN_DIGIT as _DIGITS
from .numbers import cn_to_int

__all__ = ["Base", "Found", "Parsed", "parse_base", "parse_all", "resolve", "scan", "label_of", "cn_number"]

# --------------------------------------------------------------------------- numerals

def cn_number(text: str) -> int | None:
    """Value of an Arabic or Chinese numeral (``"2012"``, ``"二〇一二"``, ``"二十四"``, ``"两千零四"``)."""
    text = text.translate(_FULLWIDTH).strip()
    if not text:
        return None
    if text.isdigit():
        return int(text)
    return cn_to_int(text)  # one Chinese-numeral reader for the whole core


_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")

# --------------------------------------------------------------------------- patterns

_N = r"(?:\d+(?:\.\d+)?|[０-９]+|[零〇一二两三四五六七八九十百千]+|十几|几十|数十|几|数)"
_CN_MONTH = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_CN_DAY = r"(?:3[01]|[12]\d|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])"
# After 年, words that make the character part of a noun (年轻 "young", 年龄 "age"...).
_NOT_AFTER_NIAN = "轻纪龄级薪费货限头华检迈长代老少息利化报均画夜"

_ABS_YEAR = re.compile(
    r"(?<![\dA-Za-z.%])(?:(?P<d4>[12]\d{3})|(?P<d2>\d{2})(?=\s?年\s?(?:\d{1,2}|[一二三四五六七八九十]{1,2})\s?月)|(?P<d0>0\d)"
    r"|(?P<c4>[〇零一二三四五六七八九]{4})|(?P<c3>[〇零一二三四五六七八九]{3})(?=年[一二三四五六七八九十]+月)"
    r"|(?P<cz>零[一二三四五六七八九])|(?P<cq>两千(?:零?[一二三四五六七八九十]{1,3})?))"
    rf"\s?财?年(?:度)?(?![{_NOT_AFTER_NIAN}])"
)
# 2019半年报, 2018年报 (the report of a year): a bare year before the report's name.
_YEAR_REPORT = re.compile(r"(?<![\d.A-Za-z])(?P<y>(?:19|20)\d{2})(?=半年报|半年度报告|年报|年度报告|财报|中报|[一三]季报)")
_REL_YEAR = re.compile(r"(?P<w>大前年|大后年|今年|去年|前年|明年|后年|本年|(?<!马)上一年|下一年)(?:度)?(?!轻|纪|龄|级)")
_REL_YEAR_OFFSET = {"大前年": -3, "前年": -2, "去年": -1, "上一年": -1, "今年": 0, "本年": 0,
                    "明年": 1, "下一年": 1, "后年": 2, "大后年": 3}
_MONTH = re.compile(rf"(?<![\d个第])(?P<m>{_CN_MONTH})\s?月(?:份)?(?![亮光饼嫂薪费卡票供付租球])")
_REL_MONTH = re.compile(r"(?P<w>本月|这个月|上个月|上月|下个月|下月)(?!份额)")
_REL_MONTH_OFFSET = {"本月": 0, "这个月": 0, "上个月": -1, "上月": -1, "下个月": 1, "下月": 1}
_DAY = re.compile(rf"(?<![\d第])(?P<d>{_CN_DAY})\s?(?:日|号)(?![元币报记志本常间期子游内线楼店房院门位机])")
# A Chinese day with no 日 after a month: 八月十五, 一月二十三.
_BARE_CN_DAY = re.compile(r"(?P<d>三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])(?![十百千万亿个名人家天年%多余位点岁月])")
_NUM_DATE = re.compile(
    r"(?<![\d.])(?P<y>[12]\d{3})(?P<s>[-/.])(?P<m>1[0-2]|0?[1-9])(?P=s)(?P<d>3[01]|[12]\d|0?[1-9])(?!\d|\.\d)"
    r"|(?<![\d.])(?P<y2>[12]\d{3}) (?P<m2>1[0-2]|0[1-9]) (?P<d2>3[01]|[12]\d|0[1-9])(?!\d)"
)
_YPART = re.compile(
    r"的?(?:(?P<half>上半年|下半年|前半年|后半年)|(?:第)?(?P<q>[一二三四1-4])季度(?P<qend>末|底)?|[Qq](?P<q2>[1-4])(?!\d)"
    r"|前(?P<qn>[二三])季度|前(?P<mn>[一二三四五六七八九十]{1,2}|1[01]|[2-9])个月"
    r"|(?P<edge>年?初|年?底|年?末)(?![步期次衷始代])(?!年)"
    r"|(?P<mid>年?中)(?=[，。、,；期]))"
)
_YPART_ALONE = re.compile(
    r"(?P<half>上半年|下半年)|(?:第)?(?P<q>[一二三四])季度(?P<qend>末|底)?|前(?P<qn>[二三])季度|(?P<edge>年初|年底|年末)(?![步期次衷始])"
)
_MPART = re.compile(r"(?P<p>上中旬|中下旬|上旬|中旬|下旬|上半月|下半月|初|底|末)(?![步期次衷始])")
_MPART_DAYS = {"上旬": (1, 10), "中旬": (11, 20), "下旬": (21, 0), "上中旬": (1, 20),
               "中下旬": (11, 0), "上半月": (1, 15), "下半月": (16, 0), "初": (1, 10),
               "底": (21, 0), "末": (21, 0)}
_MPART_ALONE = re.compile(r"(?P<p>上半月|下半月|月初|月底|月末)(?![步期次衷始])")
_REL_DAY = re.compile(r"(?P<w>大前天|大后天|今天|今日|昨天|昨日|前天|明天|明日|后天)(?![猫条头之])")
_REL_DAY_OFFSET = {"大前天": -3, "前天": -2, "昨天": -1, "昨日": -1, "今天": 0, "今日": 0,
                   "明天": 1, "明日": 1, "后天": 2, "大后天": 3}
_WEEK = re.compile(r"(?P<w>上上个?|下下个?|上个?|下个?|本|这个?)(?:周|星期|礼拜)(?![一二三四五六七日天末])")
_UNIT = r"(?P<unit>年|个月|个星期|星期|周(?![年岁])|天|日)"
_COUNT_PRE = re.compile(
    rf"(?P<pre>最近|过去的?|过往|近|这|前|未来的?|今后|接下来的?)\s?(?P<n>{_N})\s?(?P<more>多|余)?\s?{_UNIT}"
    rf"(?![{_NOT_AFTER_NIAN}级])"
)
_COUNT_POST = re.compile(
    rf"(?<![\d.])(?P<n>{_N})(?P<more>多|余)?{_UNIT}(?P<post>以来|以前|以后|之前|之后|来|前|后)(?![一二三四五六七八九十两\d几半])"
)
_DURATION = re.compile(
    rf"(?<![\d.第每])(?P<n>{_N})(?P<more>多|余)?\s?(?P<unit>年|个月|个多月|个星期|周(?![年岁])|天)(?P<half>半)?"
    rf"(?![{_NOT_AFTER_NIAN}级前后来内])|半(?:个)?(?P<hunit>年|月)(?![{_NOT_AFTER_NIAN}])"
)
_VAGUE = re.compile(
    r"近些年来?|近几年来?|近年来?|最近几年|这几年|这些年来?|前几年|前些年|之前几年|多年来|过去几年|过去的几年|十多年来"
)
_RECENT = re.compile(r"最近(?![一二三四五六七八九十两几\d的]|期间|时期)")
_DECADE = re.compile(
    r"(?:(?P<cent>上世纪|本世纪|(?P<c>\d{2}|[一二]?十[一二三四五六七八九]?)世纪))?"
    r"(?P<dd>[1-9]0|[一二三四五六七八九]十)年代|(?P<y4>1\d{2}0|20\d0)年代"
)
# Festivals with a fixed solar date. 618 needs a shopping context (it is also a number).
_FESTIVALS = {
    "双十一": (11, 11), "双11": (11, 11), "光棍节": (11, 11), "双十二": (12, 12), "双12": (12, 12),
    "元旦节": (1, 1), "元旦": (1, 1), "情人节": (2, 14), "女生节": (3, 7), "妇女节": (3, 8), "植树节": (3, 12),
    "愚人节": (4, 1), "劳动节": (5, 1), "五一": (5, 1), "青年节": (5, 4), "儿童节": (6, 1),
    "建军节": (8, 1), "教师节": (9, 10), "国庆节": (10, 1), "万圣节": (10, 31),
    "平安夜": (12, 24), "圣诞节": (12, 25), "618": (6, 18),
}
_FESTIVAL = re.compile(
    r"(?<![\dA-Za-z])(?:" + "|".join(sorted(map(re.escape, _FESTIVALS), key=len, reverse=True))
    + r")(?![\dA-Za-z%万亿元个])"
)
_SHOPPING = re.compile(r"大促|购物节|促销|电商|狂欢|年中|预售|京东|天猫|淘宝|抖音|当天|期间|大战|战报|GMV|成交|活动|节")
_CONNECT = re.compile(r"\s*(?:至|到|——|－|-|—|–|~|～)\s*")
_CONNECT_AND = re.compile(r"\s*(?:与|和)\s*")
_BETWEEN = re.compile(r"之?间")
_MOD = re.compile(
    r"(?P<m>(?:或|及)(?:以来|之前|以前|之后|以后)|以来|以前|以后|之前|之后|开始|起"
    r"|前(?![一二三四五六七八九十两\d几半三季])|后(?![一二三四五六七八九十两\d几半]))"
)
_MOD_KIND = {"以来": "since", "开始": "since", "起": "since", "之后": "after", "以后": "after",
             "后": "after", "之前": "before", "以前": "before", "前": "before"}
_SAME_DAY = re.compile(r"当天|当日")
_PREFIX = re.compile(r"自从|自|从|截至|截止到|截止")
# Prefixes that bound a date on their own (截至2023年6月底, 自2018年): the rest need 起/以来/至.
_PREFIX_MOD = {"自从": "since", "自": "since", "截至": "before", "截止到": "before", "截止": "before"}
_BARE_YEAR_RANGE = re.compile(
    r"(?<![\d.])(?P<a>(?:19|20)\d{2})\s*(?:-|－|—|–|~|～|至|到)\s*(?P<b>(?:19|20)\d{2})(?P<nian>\s?年)?(?![\d.%万亿元个件人])"
)


# --------------------------------------------------------------------------- parsed pieces

class _F(NamedTuple):
    """What one expression says, before resolution against a base date (a NamedTuple:
    ``_replace`` is what parsing does most, ~20 times cheaper than a dataclass's)."""

    year: int | None = None
    yrel: int | None = None  # offset in years from the base year
    month: int | None = None
    mrel: int | None = None  # offset in months from the base month
    day: int | None = None
    drel: int | None = None  # offset in days from the base day
    months: tuple[int, int, str] | None = None  # (first month, last month, precision) of a year part
    days: tuple[int, int] | None = None  # (first day, last day or 0 = month end) of a month part
    decade: tuple[int, int] | None = None
    count: tuple[float, str, str] | None = None  # (n, unit, "past" | "future" | "ago" | "later")
    week: int | None = None
    recent: bool = False
    vague: bool = False
    duration: bool = False
    festival: bool = False
    wrap: bool = False  # second end of 8月至2月: may run into the next year
    ana: tuple[str, int] | None = None  # anaphor: (unit, offset) from the narrative's date (同年, 次日)
    near: bool = False  # 近日, 日前: the publication date's month
    weekday: int | None = None  # 周四: the latest such day up to the publication date
    bare_part: bool = False  # a quarter or half without a year (Q4, 上半年): the latest begun


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
