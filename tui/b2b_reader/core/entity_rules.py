"""Names the lexicon does not know, from rjieba's part-of-speech tags, cleaned by rules.

jieba's tags are recall-heavy: its dictionary marks thousands of ordinary words as
names (古老, 齐全 ``nr``; 令人, 阿里巴巴 ``nrt``), and it splits names it does not know.
The rules here favour precision: a wrong highlight is worse than a missing one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from itertools import accumulate, compress, count
from operator import itemgetter

from .gazetteer import (ABBR, ABBR_VERBS, GENERIC_HEADS, HONORIFICS, NOT_HEADS, NOT_ORGS, NOT_PLACES,
                        ORG_HEADS, ORG_INNER_TAGS, ORG_WORDS, PLACES, TRANSLIT)

# Common single-character surnames (the great majority of Chinese people carry one).
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余"
    "杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史"
    "陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟"
    "殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游"
    "辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫"
    "费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明"
    "佘池查麻苑迟邝"
)
COMPOUND_SURNAMES = frozenset(
    ["欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "令狐", "尉迟", "公孙", "慕容", "长孙",
     "宇文", "司徒", "夏侯", "端木", "呼延", "澹台", "轩辕"]
)
# Tokens that end an organisation name when glued to a place or proper name before them.
ORG_SUFFIXES = frozenset(
    ["集团", "公司", "有限公司", "股份", "控股", "银行", "科技", "网", "大学", "学院", "研究院",
     "研究所", "协会", "委员会", "基金会", "医院", "证券", "保险", "电器", "汽车", "传媒",
     "电视台", "日报", "出版社", "物流", "快递", "航空", "电子", "网络", "实业", "商会",
     "联合会", "中学", "小学", "政府", "人民政府", "法院", "检察院", "队", "俱乐部"]
)
PLACE_SUFFIXES = frozenset(["省", "市", "县", "区", "镇", "乡", "村", "州", "自治区", "自治州"])
# Frequent jieba "names" that are words; checked before the frequency rule below.
NOT_NAMES = frozenset(
    "古老 辟谣 齐全 令人 常年 成本 高达 向前 文明 明星 时代 方便 石油 白领 黄金 金融 史诗 "
    "龙头 牛市 甘心 安心 宁静 万分 于是 陈列 林立 高峰 江湖 关心 周全 高潮 任意 包容 "
    "华丽 华人 海外 宋体 明显 明日 申请 严重 和谐 平安 马上 路人 车主 全民 包装 吉祥物 "
    "雷阵雨 荣幸 安全性 许可证 白痴 尼古丁 长达 滑坡 黑洞 两国 达人 "
    "欧佩克 尤伯杯 汤姆斯杯 奥斯卡 诺贝尔 奥林匹克 马克思主义".split()
)
# Last characters of real organisation names; jieba's ``nt`` also covers 商品信息.
ORG_ENDINGS = frozenset("院校部局委会所厅司行社团队台报馆党军厂店网署办处站盟宫")
# One-character country abbreviations: jieba tags pairs (中美, 印巴) as one place.
COUNTRY_ABBR = frozenset("中美俄日韩朝印巴英法德意欧亚非澳加越泰以伊苏蒙港台两")
# Words after which a surname + word is a person: 县长吴方军, 记者袁步兵.
TITLES = frozenset(
    "记者 县长 市长 省长 书记 主任 总裁 总经理 董事长 部长 局长 校长 院长 厂长 经理 教授 "
    "作者 主席 总理 委员 代表 创始人 负责人 首席执行官 CEO 老师 同志 副总裁 合伙人 队长".split()
)
_HAN_ONLY = re.compile(r"[\u4e00-\u9fff]+$").match
_WANTED = {"nr": "person", "nrfg": "person", "nrt": "person", "ns": "place", "nt": "org"}
# Tags a name can start with: the name tags, and brands/coined words before an org suffix.
_STARTS = frozenset(_WANTED) | {"nz", "eng", "j"}
# Two-character tokens that hold two places (中美, 中俄) or a verb and a place (访华, 来京).
_SPLIT = frozenset(
    [a + b for a in ABBR for b in ABBR if a != b] + [v + a for v in ABBR_VERBS for a in ABBR]
) - {"中华", "中意", "在意", "华京", "京华", "港台", "中台"}
_PAIR_TAILS = frozenset(("关系", "两国", "双方"))
# Words that start a candidate whatever jieba tagged them (莫斯科 ``nr``, 市委 ``n``).
_SPECIAL = PLACES | ORG_WORDS | _SPLIT
_HEADS_LONGEST = tuple(sorted(ORG_HEADS, key=len, reverse=True))
_PERSON_TAGS = frozenset(("nr", "nrfg", "nrt"))
_NOT_HEAD_ENDINGS = tuple(NOT_HEADS)
_CURRENCY = ("克朗", "马克", "法郎", "卢布", "比索", "里拉", "英镑", "元")
# Transliterated names written with a middle dot: 芭芭拉·弗兰克林, 彼得·皮奥.
_T = "[" + "".join(sorted(TRANSLIT)) + "]"
_DOTTED = re.compile(rf"{_T}{{1,6}}(?:[·•・]{_T}{{1,8}})+")


@lru_cache(maxsize=1)
def _dictionary() -> tuple[frozenset[str], frozenset[str], frozenset[str], dict[str, int]]:
    """``(common, false_names, bad_given, names)`` from jieba's dict.txt (``core.jieba_tables``:
    one pass per install, then read from the cache).

    ``common``: words jieba tags nr/nrt/ns/nt yet uses often (古老 2695 nr);
    ``false_names``: words tagged ``nr`` that are a surname glued to an ordinary word;
    ``bad_given``: single characters that are verbs or measure words;
    ``names``: every name word of 2-8 characters → its type bit (person 1, place 8, org 64).
    All empty if jieba is not installed, in which case only the word lists filter.
    """
    from .jieba_tables import tables

    common, false_names, bad_given, names, frequent, heads = tables()
    _WORDS[0].update(frequent)
    _WORDS[1].update(heads)
    return common, false_names, bad_given, names


_FREQUENT = 100  # frequency from which frequent_words keeps a word (three digits: see _dictionary)


def frequent_words() -> dict[str, int]:
    """jieba's dictionary words of 1-4 characters used at least ``_FREQUENT`` times → their
    frequency: whether a stem before a business head is an ordinary word (消费 5133) or a
    coined one (甜菜 273, 花虾 absent). Filled by the pass of :func:`_dictionary`."""
    _dictionary()
    return _WORDS[0]


def head_words() -> set[str]:
    """jieba's dictionary words of 3-5 characters ending like a company (素质教育, 养老保险,
    网上银行): a word of that shape jieba lacks (民民贷) is a coined name."""
    _dictionary()
    return _WORDS[1]


_WORDS: tuple[dict[str, int], set[str]] = ({}, set())


def dictionary_name_words() -> dict[str, int]:
    """jieba's name words (nr/nrt/nrfg, ns, nt; 2-8 characters) → type bit."""
    return _dictionary()[3]


def common_dictionary_names() -> frozenset[str]:
    """Words that jieba's dictionary tags nr/nrt/ns/nt yet uses often (古老 2695 nr)."""
    return _dictionary()[0]


def is_person_name(word: str, tag: str, common: frozenset[str]) -> bool:
    """True when ``word`` tagged ``tag`` looks like a real person's name."""
    if word in NOT_NAMES or word in PLACES or not 2 <= len(word) <= 4:
        return False
    if tag == "nrt":  # transliterations: keep only longer ones (马斯克), not 令人/阿里巴巴
        return len(word) >= 3
    if word[:2] in COMPOUND_SURNAMES:
        return len(word) >= 3
    if word[0] not in SURNAMES:  # tried accepting these as transliterations: too noisy
        return False
    if word in common and len(word) == 2:
        return False
    _common, false_names, bad_given, _names = _dictionary()
    if word in false_names:
        return False
    if len(word) == 2 and word[1] in bad_given and tag == "nr":
        return False
    return len(word) <= 3


def dotted_names(text: str) -> Iterator[tuple[int, int, str]]:
    """Transliterated full names joined by a middle dot (芭芭拉·弗兰克林) as persons."""
    if "·" not in text and "•" not in text and "・" not in text:
        return
    for m in _DOTTED.finditer(text):
        yield m.start(), m.end(), "person"


def _org_head(word: str, tag: str) -> bool:
    """Whether ``word`` ends an organisation name (委员会, 财政部, 水泥厂, 队)."""
    if tag not in ORG_INNER_TAGS or word.endswith(_NOT_HEAD_ENDINGS) or word in NOT_ORGS:
        return False
    return word.endswith(_HEADS_LONGEST)


def _org_end(words: Sequence[str], tags: Sequence[str], i: int) -> int:
    """Index after the last token of an org name starting at token ``i``, or ``i``.

    A name (place, org, brand) followed by at most five name-like words, the last of
    them an org head: 美国/财政部, 国务院/残疾人/工作/协调/委员会, 琉璃河/水泥厂.
    A verb may sit inside (协调) but not right after the name (北京/召开/委员会).
    """
    best = i
    for j in range(i + 1, min(len(words), i + 6)):
        tag = tags[j]
        if tag not in ORG_INNER_TAGS and not (
            tag == "v" and j > i + 1 and j + 1 < len(words) and _org_head(words[j + 1], tags[j + 1])
        ):
            break
        if _org_head(words[j], tag):
            best = j + 1
    if best == i + 2 and words[i + 1] in GENERIC_HEADS and (words[i] in PLACES or tags[i] == "ns"):
        return i  # 美国公司, 菲律宾政府: a place and a common noun, not a name
    return best


def _person(words: Sequence[str], tags: Sequence[str], i: int, common: frozenset[str]):
    """``(length, tokens used)`` of a person name at token ``i``, or None."""
    word, tag = words[i], tags[i]
    n = len(words)
    if word[0] in SURNAMES and 2 <= len(word) <= 3 and word[1:] in HONORIFICS:
        return None  # 李先生, 吴老: a surname alone (corpora disagree on its span)
    if len(word) == 3 and word[-1] == "说" and word[0] in SURNAMES:
        return 2, 1  # 赵华说 → 赵华
    if is_person_name(word, tag, common):
        return len(word), 1
    if (3 <= len(word) <= 5 and word not in common and word not in NOT_NAMES
            and all(map(TRANSLIT.__contains__, word))):
        return len(word), 1  # 基里延科, 若斯潘 (nr) whose first character is no surname
    if len(word) == 1 and word in SURNAMES and i + 1 < n:
        # a surname split from an unknown given name: 王/卓隽, or after a title
        # (县长/吴/方军, 记者/袁/步兵), where the given name may look like a word
        nxt, ntag = words[i + 1], tags[i + 1]
        after_title = i > 0 and words[i - 1] in TITLES
        if len(nxt) <= 2 and _HAN_ONLY(nxt) and (
            (ntag in ("nr", "nrfg") and nxt not in common)
            or (after_title and ntag in ("n", "ng", "nz", "a", "nr", "nrfg", "j"))
        ):
            return 1 + len(nxt), 2
    return None


def _place_ok(word: str, tag: str, common: frozenset[str]) -> bool:
    """A place word outside the lexicon: a known place, or an ``ns`` word that is no word."""
    if word in PLACES:
        return True
    if tag != "ns" or len(word) < 2 or word in NOT_PLACES or word in NOT_NAMES:
        return False
    if len(word) == 2 and word[0] in COUNTRY_ABBR and word[1] in COUNTRY_ABBR:
        return False
    # frequent dictionary ns words are mostly real places (北京, 长江); the exceptions
    # (城市, 东西, 英雄) are in NOT_PLACES
    return True


def tagged_names(
    tokens: list[tuple[str, str]], common: frozenset[str], offsets: Sequence[int] | None = None
) -> Iterator[tuple[int, int, str]]:
    """Spans ``(start, end, type)`` of person/place/org names in one tagged paragraph.

    ``offsets[i]`` is the start of token ``i`` (one more item for the end of the text);
    computed here when the caller has not already.
    """
    if offsets is None:
        offsets = list(accumulate(map(len, map(itemgetter(0), tokens)), initial=0))
    words = list(map(itemgetter(0), tokens))
    tags = list(map(itemgetter(1), tokens))
    n = len(tokens)
    # Only name tags, nz/eng/j and listed words start anything; most tokens are none, and
    # selecting the rest in C rather than one by one in Python keeps this cheap.
    starts = set(compress(count(), map(_STARTS.__contains__, tags)))
    starts.update(compress(count(), map(_SPECIAL.__contains__, words)))
    resume = 0  # tokens before this index were consumed by a previous match
    for i in sorted(starts):
        if i < resume:
            continue
        word, tag = words[i], tags[i]
        start, pos = offsets[i], offsets[i + 1]
        if word in _SPLIT or (
            len(word) == 2 and tag == "ns" and i + 1 < n and words[i + 1].startswith("两国")
        ) or (word[:2] in _SPLIT and word[0] in ABBR and word[2:] in _PAIR_TAILS):
            # 中美 → 中 + 美; 访华 → 华; 中美关系; 墨美/两国 (Mexico, USA)
            if word[0] in ABBR or word not in _SPLIT:
                yield start, start + 1, "place"
            yield start + 1, start + 2, "place"
            continue
        if len(word) == 1 and tag in ("ns", "j") and word in ABBR:
            # a lone abbreviation: 中/美, 对/俄, 在/京
            if i and words[i - 1] == "中" and tags[i - 1] == "f":
                yield offsets[i - 1], start, "place"
                yield start, pos, "place"
            elif i and tags[i - 1] == "p":
                yield start, pos, "place"
            continue
        if word in ORG_WORDS:
            end = _org_end(words, tags, i)
            yield start, offsets[end] if end > i else pos, "org"
            resume = max(end, i + 1)
            continue
        is_place = word in PLACES
        if tag in _PERSON_TAGS and len(word) >= 3 and word[-1] in "县村镇乡":
            yield start, pos, "place"  # 薛埠镇, 伍德县 tagged as names
            continue
        if tag in _PERSON_TAGS and not is_place:
            found = _person(words, tags, i, common)
            if found:
                length, used = found
                yield start, start + length, "person"
                resume = i + used
                continue
            if tag != "nrt" or len(word) < 3:
                continue  # an rejected person word does not start an org either
        if word in NOT_NAMES or word in NOT_ORGS or word in NOT_PLACES:
            continue
        # an org name: place/org/brand + words + an org head (美国/财政部, 华为/公司)
        end = _org_end(words, tags, i)
        if end > i:
            yield start, offsets[end], "org"
            resume = end
            continue
        if tag == "nt" and len(word) >= 2 and word[-1] in ORG_ENDINGS:
            head = next((h for h in GENERIC_HEADS if word.endswith(h)), "")
            if head and word[: -len(head)] in PLACES:
                yield start, pos - len(head), "place"  # 美国公司: a place and a noun
            else:
                yield start, pos, "org"
            continue
        if tag == "ns" and word.endswith(_CURRENCY):
            for cur in _CURRENCY:  # 挪威克朗: the country is the place
                if word.endswith(cur) and word[: -len(cur)] in PLACES:
                    yield start, pos - len(cur), "place"
                    break
            continue
        if is_place or tag == "ns":
            # glue a place suffix (浙江/省)
            if i + 1 < n and words[i + 1] in PLACE_SUFFIXES and tag == "ns":
                yield start, offsets[i + 2], "place"
                resume = i + 2
            elif _place_ok(word, tag, common):
                yield start, pos, "place"
