"""Names the lexicon does not know, from rjieba's part-of-speech tags, cleaned by rules.

jieba's tags are recall-heavy: its dictionary marks thousands of ordinary words as
names (古老, 齐全 ``nr``; 令人, 阿里巴巴 ``nrt``), and it splits names it does not know.
The rules here favour precision: a wrong highlight is worse than a missing one.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from itertools import accumulate, compress, count
from operator import itemgetter
from pathlib import Path

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
    "雷阵雨 荣幸 安全性 许可证 白痴 尼古丁 长达 滑坡 黑洞 两国 "
    "莫斯科 新德里 欧佩克 尤伯杯 汤姆斯杯 奥斯卡 诺贝尔 奥林匹克 马克思主义".split()
)
# Last characters of real organisation names; jieba's ``nt`` also covers 商品信息.
ORG_ENDINGS = frozenset("院校学部局委会所厅司行社团队台报馆党军厂店网署办处站盟宫社")
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
_STARTS = frozenset(_WANTED) | {"nz", "eng"}
# A jieba dictionary word tagged as a name but this frequent is an ordinary word.
_COMMON_FREQ = 300


@lru_cache(maxsize=1)
def common_dictionary_names() -> frozenset[str]:
    """Words that jieba's dictionary tags nr/nrt/ns/nt yet uses often (古老 2695 nr).

    Read once from jieba's dict.txt (the same dictionary rjieba embeds); empty if jieba
    is not installed, in which case only ``NOT_NAMES`` filters.
    """
    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        return frozenset()
    path = Path(spec.origin).with_name("dict.txt")
    out = set()
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.endswith((" nr\n", " nrt\n", " ns\n", " nt\n", " nrfg\n")):
                word, freq, tag = line.split()
                if int(freq) >= _COMMON_FREQ:
                    out.add(word)
    return frozenset(out)


def is_person_name(word: str, tag: str, common: frozenset[str]) -> bool:
    """True when ``word`` tagged ``tag`` looks like a real person's name."""
    if word in NOT_NAMES or not 2 <= len(word) <= 4:
        return False
    if tag == "nrt":  # transliterations: keep only longer ones (马斯克), not 令人/阿里巴巴
        return len(word) >= 3
    if word[:2] in COMPOUND_SURNAMES:
        return len(word) >= 3
    if word[0] not in SURNAMES:  # tried accepting these as transliterations: too noisy
        return False
    if word in common and len(word) == 2:
        return False
    return len(word) <= 3


def _plausible_place(word: str, common: frozenset[str]) -> bool:
    """A bare ``ns`` word outside the lexicon: not a frequent word, not a pair like 中美."""
    if word in common:
        return False
    return not (len(word) == 2 and word[0] in COUNTRY_ABBR and word[1] in COUNTRY_ABBR)


def tagged_names(
    tokens: list[tuple[str, str]], common: frozenset[str], offsets: Sequence[int] | None = None
) -> Iterator[tuple[int, int, str]]:
    """Spans ``(start, end, type)`` of person/place/org names in one tagged paragraph.

    ``offsets[i]`` is the start of token ``i`` (one more item for the end of the text);
    computed here when the caller has not already.
    """
    if offsets is None:
        offsets = list(accumulate(map(len, map(itemgetter(0), tokens)), initial=0))
    n = len(tokens)
    # Only name tags and nz/eng (brand + suffix) start anything; most tokens are neither,
    # and skipping them in C rather than one by one in Python halves this function's cost.
    starts = compress(count(), map(_STARTS.__contains__, map(itemgetter(1), tokens)))
    resume = 0  # tokens before this index were consumed by a previous match
    for i in starts:
        if i < resume:
            continue
        word, tag = tokens[i]
        start, pos = offsets[i], offsets[i + 1]
        kind = _WANTED.get(tag)
        if kind is None:
            # a brand or coined word glued to an org suffix: 华为/公司, 海牛/队
            if i + 1 < n and tokens[i + 1][0] in ORG_SUFFIXES:
                yield start, offsets[i + 2], "org"
                resume = i + 2
            continue
        if kind == "person":
            if is_person_name(word, tag, common):
                yield start, pos, "person"
            elif len(word) == 1 and word in SURNAMES and i + 1 < n:
                # a surname split from an unknown given name: 王/卓隽, or after a title
                # (县长/吴/方军, 记者/袁/步兵), where the given name may look like a word
                nxt, ntag = tokens[i + 1]
                after_title = i > 0 and tokens[i - 1][0] in TITLES
                if len(nxt) <= 2 and _HAN_ONLY(nxt) and (
                    (ntag in ("nr", "nrfg") and nxt not in common)
                    or (after_title and ntag in ("n", "ng", "nz", "a", "nr", "nrfg", "j"))
                ):
                    yield start, pos + len(nxt), "person"
                    resume = i + 2
            continue
        # place or org: glue a following suffix (浙江/省, 青岛/海牛/队, 北京市/公安局)
        end, j, final = pos, i + 1, kind
        if j < n:
            nxt, ntag = tokens[j]
            if kind == "place" and nxt in PLACE_SUFFIXES:
                end, j = end + len(nxt), j + 1
            elif nxt in ORG_SUFFIXES or (ntag == "nt" and nxt[-1] in ORG_ENDINGS):
                end, j, final = end + len(nxt), j + 1, "org"
            elif ntag in ("nz", "nt", "ns") and j + 1 < n and tokens[j + 1][0] in ORG_SUFFIXES:
                end, j, final = end + len(nxt) + len(tokens[j + 1][0]), j + 2, "org"
        glued = end > pos
        if end - start >= 2 and word not in NOT_NAMES:
            if final == "org" and (glued or word[-1] in ORG_ENDINGS):
                yield start, end, "org"
            elif final == "place" and (glued or _plausible_place(word, common)):
                yield start, end, "place"
        resume = j
