"""The vocabulary of ``core.dates``: numerals, the regular expressions of every date form and
``_F``, what one expression says before resolution (split from ``core.dates``)."""

from __future__ import annotations

import re
from typing import NamedTuple

from .numbers import cn_to_int


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
