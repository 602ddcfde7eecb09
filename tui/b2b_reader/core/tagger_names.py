"""The tagger's names as entity candidates, less what the text shows it got wrong.

``add_model_names`` turns the spans of ``core.ner_model`` into candidates where the
lexicon lets them be, after :func:`_plausible`'s checks against CC-CEDICT and the
sentence (马拉维 is a country, 法 of 法说会 no place, 王茶姬 of 霸王茶姬 no person) and
trims what surrounds a name (a glued preposition, a descriptor such as 官网 or App).
"""

from __future__ import annotations

import re

from .candidates import PRIO_BACKSTOP, PRIO_TAGGED
from .cedict_names import is_english_word
from .entity_rules import NOT_NAMES, ORG_ENDINGS, dictionary_name_words
from .gazetteer import NOT_NAMES_LATIN, NOT_ORGS, NOT_PLACES, PLACES
from .name_context import LEADING as _LEADING, STRONG_HEADS
from .ner_model import Inputs

NEVER_NAMES = NOT_NAMES | NOT_PLACES | NOT_ORGS
_MIN_PERSON = 2  # characters of the shortest person name the tagger may give
_HAN = re.compile(r"[\u4e00-\u9fff]")
_LATIN_TAIL = re.compile(r"[A-Za-z]+$")
_NOT_PERSON_ENDS = tuple("杯奖赛节")


_PLACE_CHARS = frozenset("省市县区镇乡村州岛山江河湖海港湾峡岭峰洲岸路街桥站馆园寺宫城")


def _place_evidence(name: str) -> bool:
    """Whether a tagger place shows any sign of being one: a place character (省, 村,
    岛, 路 ...), a gazetteer place, or a jieba dictionary name word inside it. 战场中心
    (走向战场中心: the centre of the battlefield) has none."""
    if not _PLACE_CHARS.isdisjoint(name) or len(name) == 1:
        return True
    words = dictionary_name_words()
    return any(name[i:j] in words or name[i:j] in PLACES
               for i in range(len(name)) for j in range(i + 2, min(len(name), i + 8) + 1))


def add_model_names(model, inputs: Inputs, cands: list[list], lexicon_taken) -> None:
    """The model's names of one block as candidates, where the lexicon lets them be.

    Gazetteer-place candidates the block already holds (``PRIO_BACKSTOP``) stay only
    where no tagger name overlaps them.
    """
    texts = inputs.texts
    named: dict[int, bytearray] = {}
    for p, start, end, etype in _plausible(inputs, model.paragraph_spans(inputs)):
        if etype == "person" and end - start < _MIN_PERSON:
            continue  # a surname alone (李先生, 王小姐): corpora disagree on its span
        name = texts[p][start:end]
        if name in NEVER_NAMES or (name.isascii() and name.upper() in NOT_NAMES_LATIN):
            continue  # reviewed words that are never names (中华, 城市, 古老, GMV)
        if etype == "person" and name.endswith(_NOT_PERSON_ENDS):
            continue  # 金鹿杯, 金鸡奖: an award or a contest is not a person
        if etype == "person" and not _HAN.search(name):
            continue  # Google, Online: a Latin word in Chinese text is a brand or a title
        if name.isascii() and name.isalpha() and is_english_word(name):
            continue  # Assistant, Limited, HUNT: an English word alone is no name
        if etype == "org" and len(name) >= 3:
            cut = _leading_cut(name)
            start += cut  # 由红岭控股, 对民民贷, 整治办对红岭创投: a preposition before the name
            name = name[cut:]
        if etype == "org" and len(name) > 3 and name[:-1].endswith(_STRONG) and name[-1] not in _ORG_ENDS:
            end -= 1  # 天风证券参(控股): the next word's first character
            name = name[:-1]
        if etype == "org":
            for word in _DESCRIPTORS:
                if name.endswith(word) and len(name) - len(word) >= 2:
                    end -= len(word)  # 华夏信财官网, 某某App: the descriptor is not the name
                    name = name[:-len(word)]
                    break
        tail = _LATIN_TAIL.search(name)
        if tail and tail.group().upper() in NOT_NAMES_LATIN and tail.start():
            end = start + tail.start()  # 阿里巴巴集团CEO: the group, not its CEO
            name = name[:tail.start()]
        if etype == "place" and not _place_evidence(name):
            continue  # (measured: -0.001 F1 on held-out People's Daily, within noise)
        taken = lexicon_taken[p]
        if taken is not None and 1 in taken[start:end]:
            # The lexicon wins (阿里 in a 阿里高层 "place", 马云 in 帮马云), except for an
            # org name around whole lexicon names (深圳 in 深圳某某展览公司, 联合国 in
            # 联合国安理会: requiring an org head there cost 0.004 F1 on People's Daily).
            crosses = (start and taken[start - 1] and taken[start]) or (
                end < len(taken) and taken[end - 1] and taken[end])
            if crosses or etype != "org":
                continue
        cands[p].append((start, end, PRIO_TAGGED, etype, None, ()))
        cover = named.get(p)
        if cover is None:
            cover = named[p] = bytearray(len(texts[p]))
        cover[start:end] = b"\x01" * (end - start)
    for p, para_cands in enumerate(cands):
        if any(c[2] == PRIO_BACKSTOP for c in para_cands):
            cover = named.get(p)
            if cover is not None:
                para_cands[:] = [c for c in para_cands
                                 if c[2] != PRIO_BACKSTOP or 1 not in cover[c[0]:c[1]]]


# Words that begin with a one-character country abbreviation, jieba cuts after it
_NOT_ABBR = ("法说会", "法说明会")
# What follows a company's name without being part of it (X|App, X|平台, X|官网)
_DESCRIPTORS = ("旗下公司", "公司官网", "营业部", "官网", "平台", "旗下", "App", "APP", "app", "公众号", "客户端",
                "贴吧", "微博", "均", "等")
_MONTH = re.compile(r"[一二三四五六七八九十正腊]{1,2}月")


def _plausible(inputs: Inputs, spans):
    """The tagger's spans, less what CC-CEDICT and the sentence show it got wrong, and
    with CC-CEDICT's type where the tagger read a place or company as a person (马拉维).

    A one-character place is not the first character of a word (法 of 法说会), and a
    pair that is also an ordinary word (中巴: a minibus) is not split into two places; a place CC-CEDICT knows
    only as an ordinary word (都市, 河川) is none; a name before a month is part of an
    idiom (阳春三月).
    """
    from .cedict_names import ambiguous, name_type

    texts = inputs.texts
    spans = list(spans)
    singles = {(p, s) for p, s, e, t in spans if t == "place" and e - s == 1}
    for p, start, end, etype in spans:
        text = texts[p]
        name = text[start:end]
        if etype == "place" and end - start == 1:
            pair = text[start:start + 2] if (p, start + 1) in singles else (
                text[start - 1:end] if (p, start - 1) in singles else "")
            if pair and ambiguous(pair) or text.startswith(_NOT_ABBR, start):
                continue
            if not pair and first_of_word(start, inputs.tokens[2 * p]):
                continue
            if abbreviation_in_word(text, start, inputs.tokens[2 * p]):
                continue
        elif etype in ("place", "person") and _MONTH.match(text, end):
            continue
        elif etype == "person" and start and _inside_word(text, start, inputs.tokens[2 * p]):
            continue
        else:
            kind = name_type(name)
            if kind == "common" and etype == "place":
                continue
            if etype == "person" and kind in ("place", "org") and not ambiguous(name):
                etype = "org" if kind == "org" else "place"
        yield p, start, end, etype


def _leading_cut(name: str) -> int:
    """Characters of a tagger org that come before the name: a preposition jieba glued to
    it (对民民贷), or a clause up to a preposition before a company name (整治办对红岭创投)."""
    from .entity_rules import frequent_words
    from .name_context import HEADS

    if name[0] in _LEADING and name[:2] not in frequent_words():
        return 1
    for k in range(1, len(name) - 3):
        if name[k] in _LEADING and name[k:k + 2] not in frequent_words() and (
                name[-2:] in HEADS or name[-1:] in HEADS):
            return k + 1
    return 0


_WORD_TAGS = frozenset("n v vn a ad an d".split())


def first_of_word(start: int, tokens) -> bool:
    """Whether ``start`` begins a two-character ordinary word of jieba's (港 of 港股, 法 of
    法说): an abbreviation there is part of the word, not a place."""
    from .entity_rules import _SPLIT

    pos = 0
    for word, tag in tokens:
        if pos == start:
            return len(word) == 2 and tag in _WORD_TAGS and word not in _SPLIT
        if pos > start:
            return False
        pos += len(word)
    return False


_STRONG = tuple(STRONG_HEADS)
_ORG_ENDS = frozenset(ORG_ENDINGS) | frozenset("网贷")
_MARKET_NEXT = frozenset("股指市")
_MARKET_PAIRS = frozenset(("沪深", "深沪"))
_PERSON_TAGS = frozenset(("nr", "nrt", "nrfg"))


def abbreviation_in_word(text: str, start: int, tokens) -> bool:
    """Whether the one-character abbreviation at ``start`` names a market or belongs to a
    person, not a place: 沪指, 美股, 沪深两市 (markets), 韩越 (a person jieba reads whole)."""
    nxt = text[start + 1:start + 2]
    if nxt in _MARKET_NEXT or text[start:start + 2] in _MARKET_PAIRS or text[start - 1:start + 1] in _MARKET_PAIRS:
        return True
    pos = 0
    for word, tag in tokens:
        if pos <= start < pos + len(word):
            return len(word) == 2 and tag in _PERSON_TAGS
        pos += len(word)
    return False


def _inside_word(text: str, start: int, tokens) -> bool:
    """Whether a person starting at ``start`` would begin inside an ordinary word (王茶姬
    of 霸王茶姬: 霸王 is one): jieba's token there straddles the start and is a frequent
    dictionary word."""
    from .entity_rules import frequent_words

    pos = 0
    for word, _tag in tokens:
        nxt = pos + len(word)
        if nxt > start:
            return pos < start and len(word) == 2 and word in frequent_words()
        pos = nxt
    return False
