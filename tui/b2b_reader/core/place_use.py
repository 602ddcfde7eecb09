"""Place names used as a time zone: 北京时间6月6日, 美国当地时间3月22日. The name before a
clock names no location of the events nor an actor of the text, and the business news and
People's Daily golds leave it unmarked (CLUENER marks it now and then).

(A country before its currency, 挪威克朗, stays a place: ``core.entity_rules`` reads it so
on purpose, and People's Daily marks it about as often as not.)
"""

from __future__ import annotations

import re

# A clock: 时间 then a date or a time of day (北京时间清晨4时45分, 当地时间3月22日)
_CLOCK = re.compile(r"(?:当地)?时间(?=[0-9０-９一二三四五六七八九十两今昨明前本上下早晚凌清中周星每])")


def is_qualifier(text: str, start: int, end: int) -> bool:
    """Whether the place ``text[start:end]`` qualifies a clock after it."""
    if end >= len(text) or text[end] not in "时当":
        return False
    return bool(_CLOCK.match(text, end))


def drop_qualifiers(text: str, kept: list) -> list:
    """``kept`` candidates ``(start, end, prio, type, ...)`` without the places that
    qualify a clock."""
    return [c for c in kept if c[3] != "place" or not is_qualifier(text, c[0], c[1])]
