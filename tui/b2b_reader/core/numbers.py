"""Figures in canonical (simplified) Chinese text, found by rules, and Chinese numerals.

``find_figures(text)`` yields ``(start, end, kind)``, kind ``money``, ``percent`` or ``count``.
Numbers are money (1亿元, 300万美元, 数千万元), percentages (50%, 百分之五十, 25个百分点)
and counts (300多个, 数千名, 5-6个). Counts need digits or a Chinese numeral with a
place word (十百千万亿): 一个 / 两家 are everyday grammar, highlighting them is noise.
Dates are not read here: they have one grammar, ``core.date_patterns``, scanned by
``core.dates`` (the entity finder takes its dates from there).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_CN_DIGIT = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9, "壹": 1, "贰": 2, "叁": 3, "肆": 4,
             "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9}
_CN_UNIT = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_CN_BIG = {"万": 10_000, "亿": 100_000_000}

_D = "〇零一二两三四五六七八九"
_CNNUM = f"[{_D}十百千万亿]+"
_ARABIC = r"\d+(?:[,，]\d{3})*(?:\.\d+)?"
# A quantity: digits or Chinese numeral, optional 多/余/几, optional magnitude words.
_QTY = (rf"(?:{_ARABIC}(?:\s?[-~～至到]\s?{_ARABIC})?(?:多|余)?[十百千万亿]*(?:多|余)?"
        rf"|(?:数|几|上)[十百千万亿]+(?:多|余)?"
        rf"|[{_D}]*[十百千万亿][{_D}十百千万亿]*(?:多|余)?)")
_CURRENCY = "(?:元|美元|人民币|港元|港币|欧元|日元|英镑|韩元|卢布|块钱)"
_MEASURE = ("(?:个百分点|个|名|家|位|人次|人|件|款|种|项|台|辆|条|座|所|次|倍|岁|户|"
            "单|笔|吨|平方米|公里|米|年|天|小时|分钟|套|张|部|间|份|批|亩|篇|场|届)")

_PERCENT = re.compile(rf"{_ARABIC}\s?[%％]|百分之{_CNNUM}|{_QTY}个百分点")
_MONEY = re.compile(rf"{_QTY}{_CURRENCY}|{_ARABIC}(?:[十百千万亿]+)(?=\s|[，,。；;、）)]|$)")
_COUNT = re.compile(rf"{_QTY}{_MEASURE}")
# One scan instead of three: at each position percent is tried first (25个百分点 is not a
# count of 个), then money, then counts. It opens with a lookahead on the characters a
# match can start with: without it the engine walks every alternative at every position
# of the text (3-4x slower). The set must list every possible first character, or matches
# would be lost.
_FIGURE = re.compile(
    rf"(?=[\d{_D}十百千万亿数几上])"
    f"(?:(?P<percent>{_PERCENT.pattern})|(?P<money>{_MONEY.pattern})|(?P<count>{_COUNT.pattern}))"
)
_ASCII_WORD = re.compile(r"[A-Za-z0-9_.]")


def cn_to_int(s: str) -> int | None:
    """Value of a Chinese numeral (三千五百万 → 35000000, 二〇一二 → 2012), else None."""
    if not s:
        return None
    if all(c in _CN_DIGIT for c in s):  # digit-by-digit form: 二〇一二
        return int("".join(str(_CN_DIGIT[c]) for c in s))
    total, section, digit = 0, 0, None
    for c in s:
        if c in _CN_DIGIT:
            digit = _CN_DIGIT[c]
        elif c in _CN_UNIT:
            section += (1 if digit is None else digit) * _CN_UNIT[c]
            digit = None
        elif c in _CN_BIG:
            section += digit or 0
            if c == "亿":
                total = (total + section) * _CN_BIG[c]
            else:
                total += section * _CN_BIG[c]
            section, digit = 0, None
        else:
            return None
    return total + section + (digit or 0)


def find_figures(text: str) -> Iterator[tuple[int, int, str]]:
    """Numbers in ``text`` as ``(start, end, kind)``, kind ``money``, ``percent`` or ``count``.

    Overlaps are resolved by the caller (longest wins). Matches glued to an ASCII word
    (B2B, M2C, iPhone15) are dropped.
    """
    for m in _FIGURE.finditer(text):
        if _glued(text, m.start(), m.end()):
            continue
        yield m.start(), m.end(), m.lastgroup or "count"


def _glued(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    return bool(before and _ASCII_WORD.match(before) and text[start].isascii()) or bool(
        after and after.isascii() and after.isalnum() and text[end - 1].isascii()
    )
