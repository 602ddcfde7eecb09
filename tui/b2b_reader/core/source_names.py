"""Who a report comes from: the outlets a text cites as its source are organisations.

来源：网贷天眼, 据澎湃新闻报道, 中国联合商报报道称, 告诉券商中国记者, and a digest's credit
in brackets after an item's last sentence (…依然接近九成。（澎湃）). ``core.entities``
adds them as candidates and as marks for the tagger.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .gazetteer import PLACES

_STOP = r"\s，。,；;:：（）()【】\[\]“”\"《》、！？!?"
_SOURCE = re.compile(rf"(?:来源|转载自|转自|文章来源|稿件来源)[:：]\s*([^{_STOP}]{{2,10}})(?=[{_STOP}]|$)")
_ACCORDING = re.compile(rf"据([^{_STOP}据]{{2,8}}?)(?:报道|消息|援引|披露|统计|数据显示|发布的)")
# Who a report comes from without naming anyone
_NO_SOURCE = frozenset("媒体 外媒 港媒 台媒 日媒 美媒 知情人士 业内人士 相关人士 官方 公开资料 公开信息 "
                       "不完全统计 统计 公告 数据 报道 消息 网络 网友 互联网 本报 本刊 本网 记者 了解 悉 "
                       "介绍 有关部门 相关部门 新闻 资料 官网 最新 该报 该刊 我报 报社 摄影 文字 实习 特约 "
                       "驻站 前方 随行 多名 一名 两名 当地".split())


# A newspaper reporting (中国联合商报报道称) or an outlet's reporter at a clause's start or
# after whom one speaks to (券商中国记者查询, 告诉券商中国记者)
_PAPER = re.compile(r"((?<![\u4e00-\u9fff])[\u4e00-\u9fff]{2,8}(?:日报|晚报|早报|时报|商报|周刊))(?:报道|援引|记者)")
_TOLD = ("告诉", "接受", "向", "对", "据")
_REPORTER = re.compile(rf"(?:^|[{_STOP}]|告诉|向|对|接受)([^{_STOP}]{{2,8}}?)记者(?!会|节|站)")


def source_names(text: str) -> Iterator[tuple[int, int, str]]:
    """``(start, end, "org")`` of the outlets a text cites as its source.

    Before 记者 only an outlet's name counts: not a count of reporters (一位法国记者:
    a reporter from France), a country (法国记者), a clause (总理若斯潘在记者招待会上)."""
    yield from _credits(text)
    if "来源" not in text and "转" not in text and "据" not in text and "报" not in text \
            and "记者" not in text:
        return
    for rx in (_SOURCE, _ACCORDING, _PAPER, _REPORTER):
        for m in rx.finditer(text):
            start, name = m.start(1), m.group(1)
            cut = max(name.rfind(w) + len(w) if w in name else 0 for w in _TOLD)
            start, name = start + cut, name[cut:]
            if rx is _REPORTER:
                count = _COUNTED.match(name)
                if count:
                    start, name = start + count.end(), name[count.end():]
                if name in PLACES or _CLAUSE.search(name) or text.startswith(_PRESS_EVENTS, m.end(1) + 2):
                    continue
            if len(name) >= 2 and name not in _NO_SOURCE and not name.startswith(("本", "多家", "相关", "有关")):
                yield start, m.end(1), "org"


# 一位, 两名, 多位, 这位, 该: how many reporters, or which, before whose outlet (if any)
_COUNTED = re.compile(r"(?:[一二两三四五六七八九十几多数每各这那该此][位名个]?|[0-9]+[位名个])")
# A word no outlet's name holds: the text before 记者 is a clause, not a name
_CLAUSE = re.compile(r"[在说对向于和与及时的了是]")
# 记者 as part of an event's name (记者招待会, 记者见面会, 记者问): no reporter of an outlet
_PRESS_EVENTS = ("招待会", "见面会", "问", "提问", "团")


# A digest's credit: an outlet in brackets right after a sentence's end, before the next
# item, line or the end (…接近九成。（澎湃） 9、…; …出口到欧洲市场。（Economic Times）)
_CREDIT = re.compile(r"[。！？!?”]\s*[（(]([\u4e00-\u9fff]{2,8}|[A-Za-z][A-Za-z0-9 .&-]{1,24}[A-Za-z.])[）)]"
                     r"(?=\s|$|[0-9一二三四五六七八九十]+[、.]|【)")
# What such brackets say that is no outlet (（完）, （待续）, （图）, （记者 …）)
_NOT_CREDIT = ("完", "待续", "未完", "全文完", "图", "记者", "编辑", "责编", "作者", "本报", "原标题")


def _credits(text: str) -> Iterator[tuple[int, int, str]]:
    if "（" not in text and "(" not in text:
        return
    for m in _CREDIT.finditer(text):
        name = m.group(1)
        if name.startswith(_NOT_CREDIT) or name in PLACES:
            continue
        yield m.start(1), m.end(1), "org"
