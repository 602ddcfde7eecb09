"""Date vocabulary beyond plain years, months and days, for ``core.dates``.

- **Era years**: 民国/中华民国 N年 (N + 1911) and the Qing reign names (光绪元年 = 1875).
- **Quarters in Latin form**: Q3, 2018Q4, Q3 2025, 2025 Q3; and 第二季 without 度.
- **Anaphors**, resolved against the narrative (the latest date before them in the text):
  同年/当年/次年/第二年/上年, 当月/次月, 同日/当日/当天/即日/次日/前一天.
- **Deictic words** resolved against the publication date: 近日 and 日前 (at the
  publication date's month), besides 今天/昨日 ... of ``core.dates``.
- **Weekdays** (周四, 星期三): the latest such day on or before the publication date.

Only regexes and tables live here; ``core.dates`` parses and resolves with them.
"""

from __future__ import annotations

import re

#: First year of each reign: year N of the era is FIRST + N - 1 (元年 is year 1).
ERA_FIRST_YEAR = {
    "中华民国": 1912, "民国": 1912, "宣统": 1909, "光绪": 1875, "同治": 1862, "咸丰": 1851,
    "道光": 1821, "嘉庆": 1796, "乾隆": 1736, "雍正": 1723, "康熙": 1662, "顺治": 1644,
}
ERA_YEAR = re.compile(
    r"(?P<era>中华民国|民国|宣统|光绪|同治|咸丰|道光|嘉庆|乾隆|雍正|康熙|顺治)"
    r"(?P<n>元|\d{1,3}|[〇零一二三四五六七八九十百]{1,5})\s?年(?![轻纪龄级])"
)

# 2018Q4, 2025 Q3, 2018年Q4 / Q3 2025 / Q3 alone (not glued to a Latin word or a digit).
YEAR_Q = re.compile(r"(?<![\d.])(?P<y>[12]\d{3})\s?年?\s?[Qq](?P<q>[1-4])(?![\dA-Za-z])")
Q_YEAR = re.compile(r"(?<![A-Za-z\d])[Qq](?P<q>[1-4])\s(?P<y>[12]\d{3})(?![\d年])")
# Q1：如何注册？ is a question of a FAQ, not a quarter.
Q_ALONE = re.compile(r"(?<![A-Za-z\d])[Qq](?P<q>[1-4])(?![\dA-Za-z：:、.．])")
# 第二季 (度 is read by core.dates); 《奔跑吧》第二季 and 第二季节目 are a season of a show.
QUARTER_WORD = re.compile(r"(?<!》)第(?P<q>[一二三四])季(?![节播综剧度])")

# Anaphors: (unit, offset from the anchor).
ANAPHOR_YEAR = {"同年": 0, "当年": 0, "该年": 0, "次年": 1, "翌年": 1, "第二年": 1,
                "转年": 1, "上年度": -1, "上年": -1, "前一年": -1}
ANAPHOR_MONTH = {"当月": 0, "同月": 0, "该月": 0, "次月": 1, "翌月": 1}
ANAPHOR_DAY = {"同一天": 0, "同一日": 0, "同日": 0, "当日": 0, "当天": 0, "即日": 0,
               "次日": 1, "翌日": 1, "第二天": 1, "隔天": 1, "前一天": -1, "前一日": -1}


def _alternation(words) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


# 连续第二年 counts years ("the second year running"), it names none.
ANA_YEAR = re.compile(rf"(?<!连续)(?P<w>{_alternation(ANAPHOR_YEAR)})(?![轻纪龄级份])")
ANA_MONTH = re.compile(rf"(?P<w>{_alternation(ANAPHOR_MONTH)})(?!份额)")
ANA_DAY = re.compile(rf"(?P<w>{_alternation(ANAPHOR_DAY)})")
NEAR = re.compile(r"(?P<w>近日|日前)")

WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
# A bare weekday (周四, 星期三); 每周一 is a recurrence and 周一至周五 a generic span.
WEEKDAY = re.compile(
    r"(?<![每逢上下本这个隔至到])(?:周|星期|礼拜)(?P<wd>[一二三四五六日天])(?![末\d])"
    r"(?!\s*(?:至|到|-|—|~|～)\s*(?:周|星期|礼拜))"
)

#: Day words that are also pieces of longer words (如今|日产, 节日|前): kept only where the
#: segmentation puts a word boundary at both ends.
NEEDS_BOUNDARY = frozenset({"今日", "今天", "昨日", "明日", "近日", "日前", "当日", "同日", "次日",
                            "即日", "翌日", "当天", "隔天", "当年", "同年", "上年", "当月",
                            "前年", "后年"})

#: Characters new expressions can start with, added to ``core.dates``'s trigger set.
TRIGGERS = "民宣光同咸道嘉乾雍康顺当该次翌第转上前即隔近日周星礼"  # Q and digits are core.dates's


#: Function characters a segmenter may glue to a day word (从今天起, 即日起): still the word.
_AFFIXES = set("从自起前后以来至到")


def on_word_boundaries(text: str, start: int, end: int) -> bool:
    """True when the segmentation keeps ``text[start:end]`` a word of its own.

    A window around the expression is segmented (rjieba, jieba's dictionary): 如今日产 is
    如今|日产 (no 今日), 节日前夕 is 节日|前夕 (no 日前), 用券后年化 has no 后年. One token
    made of the expression and function characters (从今天起, 即日起) counts.
    """
    import rjieba

    lo, hi = max(0, start - 8), min(len(text), end + 8)
    pos, starts, ends = lo, set(), set()
    for token in rjieba.cut(text[lo:hi]):
        a, pos = pos, pos + len(token)
        starts.add(a)
        ends.add(pos)
        if a <= start and end <= pos and set(text[a:start] + text[end:pos]) <= _AFFIXES:
            return True
    return start in starts and end in ends
