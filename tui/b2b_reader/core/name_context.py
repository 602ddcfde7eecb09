"""Names read from their context in the sentence and in the whole document.

What a character tagger trained on sentences cannot see, business news shows in its
wording:

- :func:`business_orgs`: a coined stem before a business head is a company (花虾 + 金融,
  天风 + 证券, 宜人 + 贷, 首汽 + 约车, 京东 + 支付); a stem that is an ordinary word
  (互联网金融, 消费金融, 商业银行) is not.
- :func:`bracket_ok`: a span never crosses a bracket, a quote or a book-title mark
  (``广州）全国高校党建``, ``进步日报》``); :func:`work_titles` gives the spans of 《…》
  titles, whose insides are never mined for names, except a title that only names a
  newspaper or magazine (《证券时报》 names the org 证券时报).
- :func:`org_by_context`: a name followed by 母公司, 股价, 平台, 官网 ... is an
  organisation wherever it appears (唐小僧母公司: a platform, not a person).
- ``core.source_names``: who a report comes from is a media organisation (来源：网贷天眼,
  据澎湃新闻报道).
- :func:`alias_definitions`: ``（下称“国购基金”）``, ``（以下简称“X”）``: the quoted short name
  is a name of the same type as the one before the bracket.

``core.entities`` applies them, then spreads every name found with confidence to all its
mentions in the document (one reading per discourse).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence

from .entity_rules import SURNAMES, dictionary_name_words, frequent_words, head_words
from .gazetteer import NOT_HEADS, PLACES

# Heads of company names in business news: a stem + one of these is a company.
STRONG_HEADS = frozenset(
    "银行 证券 集团 创投 金服 金科 约车 贷 信托 期货 置业 药业 影业 电商 快递".split())
# Heads that also end ordinary phrases (注册资本, 全资控股, 财务数据): the stem must look
# coined (a name word, or one jieba's dictionary lacks or hardly uses), never a place.
WEAK_HEADS = frozenset(
    "控股 股份 资本 基金 保险 租赁 资管 实业 地产 汽车 电器 医药 传媒 物流 航空 出行 "
    "金融 科技 支付 理财 网络 网 新闻 财经 数据 智能 电子 能源 钱包 财富 保理".split())
HEADS = STRONG_HEADS | WEAK_HEADS
_HEAD_WORDS = tuple(HEADS | {"公司", "集团", "银行", "协会", "中心", "委员会"})
_NOT_AFTER_KNOWN = frozenset("新闻 财经 数据 网络 网 智能 电子 能源".split())
_HEAD_END = re.compile("|".join(sorted(map(re.escape, HEADS), key=len, reverse=True)))
# Ordinary words that stand before those heads without naming a company.
GENERIC_STEMS = frozenset(
    "互联网 普惠 消费 供应链 数字 传统 民营 网络 移动 智能 绿色 农村 城市 地方 国有 私募 公募 "
    "外资 中资 合资 商业 投资 金融 证券 合作 个人 全球 国际 国内 海外 境外 相关 旗下 大型 中小 "
    "小型 头部 新兴 科技 信息 产业 风险 创业 股权 产业链 区块链 人工 房地产 网贷 信贷 小额 "
    "社会 财产 人寿 健康 医疗 汽车 新能源 交通 文化 教育 体育 电子 在线 线上 线下 跨境 社交 "
    "共享 平台 公司 企业 机构 行业 市场 主流 多家 各家 该 其 本 此 这家 那家 一家 两家 多元 "
    "综合 专业 独立 第三方 全国 中央 央行 央企 国企 上市 挂牌 发展 开发 政策 村镇 城商 农商 "
    "股份制 民间 影子 直销 零售 批发 理财 资产 财富 基金 保险 期货 信托 银行 集团 控股 股份 "
    "实体 虚拟 加密 数字化 智慧 金服 支付 移动支付 第三方支付 聚合 扫码 网上 手机 电话 "
    "前沿 尖端 高新 高端 硬 软 黑 灰 新 老 大 小 好 旧 中国 世界 亚洲 美国 网 注册 全资 银行业 "
    "证监会 银保监会 监管 财务 乘客 用户 客户 限售 非限售 流通 另类 录入 实缴 认缴 下称 简称 以下简称 "
    "称 系 为".split())
# What follows an organisation and never a person or a place: 唐小僧母公司, 霸王茶姬股价.
ORG_CONTEXT = ("母公司", "子公司", "董事会", "股价", "市值", "平台", "官网", "App", "APP",
               "招股书", "门店", "财报", "营收", "净利润", "运营主体")
_ORG_CONTEXT = re.compile("|".join(sorted(map(re.escape, ORG_CONTEXT), key=len, reverse=True)))
_NAME_TAGS = frozenset("nr nrt nrfg ns nz nt j eng".split())
_STEM_TAGS_BAD = frozenset("v vd vn p c u uj ul ud uz ug uv r d m mq q f t a ad an b z e y o x "
                           "zg vg ag dg tg k h l i".split())
_VERBISH = frozenset("v vd vn vg p c u uj ul ud uz ug uv r".split())
# A preposition or verb jieba glued to the front of a coined name: 对红岭 + 创投, 称融数 + 集团.
LEADING = frozenset("由对向在和与及被将把从为给让据经并或是于称")
_HAN = re.compile(r"[\u4e00-\u9fff]+$")
_MAX_STEM = 4
_COMMON_STEM_FREQ = 1000  # a stem used this often in jieba's dictionary is an ordinary word
_COINED_FREQ = 300  # before a weak head, a stem must be rarer than this


def _stem_token(word: str, tag: str, frequent, strong: bool) -> bool:
    if not _HAN.match(word) or word in GENERIC_STEMS or word in HEADS:
        return False
    if tag in ("l", "i") or word.endswith(_HEAD_WORDS):
        return False  # 合理布局 + 科技, 保险公司 + 投资: an idiom or a whole org word
    if tag in _NAME_TAGS or word in PLACES:
        return True
    if word not in frequent and word[-1] in LEADING:
        return False  # 办对 + 红岭创投: jieba glued a preposition to what came before
    if word not in frequent:  # coined, or rare: 银都, 亿通, 春晓 (whatever jieba guessed)
        return tag not in _VERBISH or (strong and len(word) > 1)
    if tag in _STEM_TAGS_BAD:
        return False  # 还有, 对此, 旗下: function words and verbs of the sentence
    return frequent[word] < (_COMMON_STEM_FREQ if strong else _COINED_FREQ)


def business_orgs(text: str, tokens: Sequence[tuple[str, str]], offsets: Sequence[int], lex_orgs: set[int]
                  ) -> Iterator[tuple[int, int, str]]:
    """``(start, end, "org")`` of stem + business head runs in one paragraph's tokens.

    The stem is the one to three tokens before the head (2-4 characters, each a coined
    or name word, none an ordinary one). ``lex_orgs``: token start offsets where the
    lexicon has an org (京东 + 支付: a known company's service is named whole).
    A single token out of jieba's dictionary that ends with a head (民民贷, 亿钱贷) is one too.
    """
    ends = [m.end() for m in _HEAD_END.finditer(text)]
    if not ends:
        return  # (most paragraphs: one regex pass, no loop over tokens)
    frequent = frequent_words()
    words = dictionary_name_words()
    seen = set()
    for e in ends:
        i = bisect_left(offsets, e) - 1
        if i in seen or i < 0 or offsets[i + 1] != e:
            continue  # the head ends inside a token
        seen.add(i)
        word, tag = tokens[i]
        head = word in HEADS
        if not head:
            if (3 <= len(word) <= 5 and _HAN.match(word) and word not in frequent
                    and word not in words and word not in head_words() and (word[-1] in HEADS or word[-2:] in HEADS)
                    and word[:-1] not in GENERIC_STEMS and word[:-2] not in GENERIC_STEMS):
                start = offsets[i] + (word[0] in LEADING and len(word) > 3)
                stem = len(word) - (2 if word[-2:] in HEADS else 1)
                if stem == 1 and i and len(tokens[i - 1][0]) == 1 and _HAN.match(tokens[i - 1][0]) \
                        and tokens[i - 1][1] not in _TICKER_STOP_TAGS - {"m"}:
                    start = offsets[i - 1]  # 亿 + 通科技: jieba split the stem
                yield start, offsets[i + 1], "org"
            continue
        strong = word in STRONG_HEADS
        size, j = 0, i
        while j > 0:
            w, t = tokens[j - 1]
            # 小米 + 金融: a known company's business (not 证监会 + 新闻发言人)
            known = offsets[j - 1] in lex_orgs and word not in _NOT_AFTER_KNOWN
            if size + len(w) > _MAX_STEM or not (known or _stem_token(w, t, frequent, strong)):
                break
            if not strong and (w in PLACES or t == "ns" and w in frequent) and offsets[j - 1] not in lex_orgs:
                break  # 中国金融, 深圳科技: a known place before a weak head is a description
            size += len(w)
            j -= 1
        if j == i or size < 2:
            continue
        if i + 1 < len(tokens) and tokens[i + 1][0] in HEADS and tokens[i + 1][0] != word:
            i += 1  # 京东金融科技: the heads run on
        first = tokens[j][0]
        lead = first[0] in LEADING and len(first) > 2 and first not in frequent
        yield offsets[j] + lead, offsets[i + 1], "org"


_OPEN = "（(《“「『【[〈‘"
_CLOSE = "）)》”」』】]〉’"
_PAIRS = dict(zip(_OPEN, _CLOSE))
_MARKS = frozenset(_OPEN + _CLOSE + '"')


def bracket_ok(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` crosses no bracket, quote or 《》: any it holds are
    balanced inside it (中天城投（贵州）普惠金融服务有限公司) and it does not begin or end on
    one, but for the legal form of a partnership (…投资合伙企业（有限合伙）)."""
    piece = text[start:end]
    if _MARKS.isdisjoint(piece):
        return True
    if piece[0] in _MARKS or piece[-1] in _MARKS and not piece.endswith(_LEGAL_BRACKETS):
        return False
    stack = []
    for ch in piece:
        if ch in _PAIRS:
            stack.append(_PAIRS[ch])
        elif ch in _CLOSE or ch == '"':
            if not stack or stack.pop() != ch:
                return False
    return not stack


_LEGAL_BRACKETS = ("（有限合伙）", "(有限合伙)")
_TITLE = re.compile(r"《([^《》\n]{1,60})》")
_PRESS = re.compile(r"(?:日报|晚报|早报|时报|商报|周刊|周报|杂志|画报|报)$")


def work_titles(text: str) -> Iterator[tuple[int, int, bool]]:
    """``(start, end, press)`` of each 《…》's inside; ``press``: it only names a
    newspaper or magazine (《证券时报》), which is the org it names."""
    for m in _TITLE.finditer(text):
        inner = m.group(1)
        press = bool(_PRESS.search(inner)) and len(inner) <= 10 and not any(c in inner for c in "：:，,、 ")
        yield m.start(1), m.end(1), press


def org_by_context(text: str, end: int) -> bool:
    """Whether what follows ``text[:end]`` marks the name before it as an organisation."""
    return _ORG_CONTEXT.match(text, end) is not None


_ALIAS = re.compile(r"[（(]\s*(?:以下|下文)?(?:简称|下称|称)[为:：]?\s*(?:[“\"「]([^”\"」（）()]{2,12})[”\"」]"
                    r"|([^”\"」（）()，,、\s]{2,10})[）)])")


def alias_definitions(text: str) -> Iterator[tuple[int, int, int]]:
    """``(bracket start, alias start, alias end)`` of each ``（下称“X”）`` in ``text``."""
    for m in _ALIAS.finditer(text):
        g = 1 if m.group(1) else 2  # quoted, or bare up to the bracket
        yield m.start(), m.start(g), m.end(g)


_LEGAL = re.compile(r"[（(]([\u4e00-\u9fff]{2,4})[）)][\u4e00-\u9fff]{0,20}?"
                    r"(?:股份有限公司|有限责任公司|有限公司|集团有限公司|集团|分公司)")
_LEGAL_STOP_TAGS = frozenset("p c u uj ul ud uz ug uv r d x m q f t y e o zg".split())
_MAX_LEGAL_STEM = 20


def legal_names(text: str, tokens: Sequence[tuple[str, str]], offsets: Sequence[int]
                ) -> Iterator[tuple[int, int, str]]:
    """``(start, end, "org")`` of registered company names with a bracketed place
    (华奥六宝投资基金管理（北京）有限公司): the name runs back from the bracket over the
    words of the clause, to the first function word, verb or punctuation."""
    if "公司" not in text and "集团" not in text and "合伙企业" not in text:
        return
    where: dict[int, int] = {}
    for m in _LEGAL.finditer(text):
        if m.group(1) not in PLACES and not m.group(1).endswith(("省", "市", "区", "县")):
            continue
        where = where or {o: i for i, o in enumerate(offsets)}
        yield from _run_back(m.start(), m.end(), tokens, offsets, where, False)
    # without a bracket: a place, then the words of the name (深圳市前海国购...管理有限公司)
    for m in _REGISTERED.finditer(text):
        where = where or {o: i for i, o in enumerate(offsets)}
        yield from _run_back(m.start(), m.end(), tokens, offsets, where, True)


def _run_back(start: int, end: int, tokens, offsets, where, from_place: bool, longest: int = 20):
    """The org ``[s, end)`` whose name runs back from ``start`` over the clause's words
    (to a function word, verb or punctuation); ``from_place``: it must begin with a place."""
    i = where.get(start)
    if i is None:
        return
    j = i
    while j > 0:
        w, t = tokens[j - 1]
        # inside a name: single characters jieba calls verbs or positions (前海国购: 前, 购);
        # from a place, coined words jieba reads as verbs, times or numbers too
        # (浙江佐助金融, 石河子春晓股权, 北京好课多信息技术), never a count (一家)
        inner = len(w) == 1 and t in ("v", "f") or (
            from_place and t in _COINED_TAGS and len(w) >= 2 and _NUMERAL.isdisjoint(w)
            and frequent_words().get(w, 0) < _COINED_MAX_FREQ)  # (not 成立, 发布)
        if (t in _LEGAL_STOP_TAGS or t == "v") and not inner or not _HAN.match(w) \
                or w in _RUN_STOP or w[-1] == "系" and len(w) > 1 or start - offsets[j - 1] > longest:
            break
        j -= 1
    if from_place:
        # the name starts at its (last) city or province: 本次失联的 | 深圳市前海...
        admin = [k for k in range(j, i) if tokens[k][0] in PLACES or (
            tokens[k][1] == "ns" and tokens[k][0][-1:] in _PLACE_TAILS)]
        j = admin[-1] if admin else i
        if j == i or tokens[j][0][-1:] in _PLACE_TAILS and j + 1 == i:
            return
    if start - offsets[j] >= 2:
        yield offsets[j], end, "org"


# Words that relate two companies, and end a registered name running back (华夏信财隶属于 | ...,
# 甜菜金融系 | 天丰天财（武汉）...: a token ending in 系 too)
_RUN_STOP = frozenset("隶属于 属于 隶属 旗下 母公司 子公司 控股 系 即 原名 现为 是 为 和 与 及".split())
_COINED_TAGS = frozenset(("v", "m", "t"))
_COINED_MAX_FREQ = 1000  # jieba's count under which such a word reads as coined (百家 136)
_NUMERAL = frozenset("0123456789０１２３４５６７８９一二三四五六七八九十两几数每各某半")
_REGISTERED = re.compile(r"(?:股份有限公司|有限责任公司|有限公司|合伙企业(?:（有限合伙）|\(有限合伙\))?)")



_TICKER = re.compile(r"[（(]\s*(?:NASDAQ|NYSE|Nasdaq|纳斯达克|纽交所|港交所|HK|SH|SZ|股票代码|证券代码)"
                     r"|[（(]\s*\d{4,6}\.(?:HK|SH|SZ|US)\s*[）)]|[（(]\s*[A-Z]{1,5}\.(?:US|N|O)\s*[）)]")
_TICKER_STOP_TAGS = frozenset("p c u uj ul ud uz ug uv r d x m q f t y e o zg v".split())
_MAX_LISTED = 6


def listed_names(text: str, tokens: Sequence[tuple[str, str]], offsets: Sequence[int]
                 ) -> Iterator[tuple[int, int, str]]:
    """``(start, end, "org")`` of the name before a listing bracket (霸王茶姬（NASDAQ: CHA）,
    腾讯（00700.HK）): what has a ticker is a company. The name runs back over the
    clause's coined and name words, up to six characters."""
    if "（" not in text and "(" not in text:
        return
    frequent = frequent_words()
    where = {o: i for i, o in enumerate(offsets)}
    for m in _TICKER.finditer(text):
        i = where.get(m.start())
        if i is None:
            continue
        j = i
        while j > 0:
            w, t = tokens[j - 1]
            if (t in _TICKER_STOP_TAGS or not re.match(r"[\u4e00-\u9fffA-Za-z]+$", w)
                    or frequent.get(w, 0) >= _COMMON_STEM_FREQ or m.start() - offsets[j - 1] > _MAX_LISTED):
                break
            j -= 1
        if m.start() - offsets[j] >= 2:
            yield offsets[j], m.start(), "org"


_LEGAL_TAIL = re.compile(r"(?:股份有限公司|有限责任公司|集团有限公司|集团股份有限公司|有限公司)$")
# Industry words between a registered name's trade name and its legal form
_INDUSTRY = ("科技", "信息技术", "技术", "网络", "信息", "投资", "管理", "咨询", "服务", "金融信息服务",
             "金融服务", "金融", "电子商务", "商务", "数据服务", "数据", "软件", "贸易", "实业", "控股",
             "股权投资基金管理", "投资基金管理", "基金管理", "资产管理", "投资管理", "普惠金融服务",
             "文化传媒", "传媒", "智能", "电子", "发展", "建设", "医疗", "教育", "互联网", "能源",
             "商业保理", "保理", "融资租赁", "租赁", "供应链管理", "供应链")
_PLACE_TAILS = frozenset("省市区县")
_INDUSTRY_RX = re.compile("(?:" + "|".join(sorted(map(re.escape, _INDUSTRY), key=len, reverse=True)) + ")+$")


def trade_name(name: str) -> str | None:
    """The trade name inside a registered company name (北京智谱华章科技股份有限公司 →
    智谱华章), or None: the place before it, the industry words and legal form after it
    dropped."""
    m = _LEGAL_TAIL.search(name)
    if m is None:
        return None
    core = name[:m.start()]
    core = re.sub(r"[（(][^）)]*[）)]", "", core)
    for _ in range(2):  # 深圳市 + 前海: a city, then a district
        for place in sorted((p for p in PLACES if core.startswith(p)), key=len, reverse=True)[:1]:
            core = core[len(place):]
            core = core[1:] if core[:1] in _PLACE_TAILS else core
    core = _INDUSTRY_RX.sub("", core)
    return core if 2 <= len(core) <= 6 and _HAN.match(core) else None


# Heads of government bodies after a place: 贵阳市观山湖区金融办, 温州市公安局鹿城区分局
_GOV_HEADS = ("办", "局", "分局", "支队", "大队", "委", "委员会", "厅", "署", "法院", "检察院", "中心", "所")
_GOV_INNER_TAGS = frozenset("n nt ns nz vn j".split())
_GOV_HEAD_RX = re.compile("|".join(sorted(("办", "局", "队", "委", "会", "厅", "署", "院", "心", "所"), key=len)))
_NOT_GOV = tuple(NOT_HEADS)  # 当局, 大局, 格局: words that end like a head
# The words in 会 that name a standing body (not 社会, 机会, 博览会, 晚会)
_BODY_MEETINGS = ("委员会", "协会", "商会", "学会", "基金会", "联合会", "工会", "联谊会", "促进会", "研究会",
                  "理事会", "公会", "总会", "分会", "议会", "董事会", "监事会")
_GENERIC_TEAMS = frozenset("球队 车队 队 梯队 团队 战队".split())
_MAX_GOV = 16


def government_orgs(text: str, tokens: Sequence[tuple[str, str]], offsets: Sequence[int]
                    ) -> Iterator[tuple[int, int, str]]:
    """``(start, end, "org")`` of a government body named from its city or province on:
    the place, then nouns of the clause up to a body's head, the longest such run
    (温州市公安局鹿城区分局; 北京市公安局朝阳分局经济犯罪侦查支队 stops at 分局). Only tokens
    that end like a head are looked at, then the run back to the place."""
    for m in _GOV_HEAD_RX.finditer(text):
        j = bisect_left(offsets, m.end()) - 1
        if j < 0 or offsets[j + 1] != m.end():
            continue  # the head ends inside a token
        w, t = tokens[j]
        if w.endswith(_NOT_GOV) or not (t in _GOV_INNER_TAGS or t == "v" and w == "办"):
            continue  # (会 after a place is mostly "will": 香港会在; 金融|办 is cut so)
        if w[-1] == "会" and not w.endswith(_BODY_MEETINGS) or w in _GENERIC_TEAMS:
            continue  # 社会, 博览会: no body; 球队: a team, not a name
        if t == "nt" and any(w[:i] in PLACES for i in range(2, len(w))):
            yield offsets[j], offsets[j + 1], "org"  # 南非队: the place is in the token (马赛战胜|南非队)
            continue
        start = None
        k = j
        while k >= 0 and offsets[j + 1] - offsets[k] <= _MAX_GOV:
            word, tag = tokens[k]
            if word in PLACES or tag in ("ns", "nt") and word[-1:] in _PLACE_TAILS | {"局"}:
                bare = k + 1 == j and w in _GOV_HEADS  # 北京市中心: the city's centre
                if k < j and not bare or k == j and not (word[-1:] in _PLACE_TAILS or word in PLACES):
                    start = k
            elif tag not in _GOV_INNER_TAGS and k < j:
                break
            k -= 1
        if start is not None:
            yield offsets[start], offsets[j + 1], "org"


# A role a business text names someone by, right before the name (宜人贷CEO方以涵辞职,
# 实控人阳端为, 原股东韩影签订, 董事罗鹏，)
_ROLE = re.compile(r"(?:CEO|COO|CFO|CTO|董事长|副董事长|总裁|副总裁|总经理|副总经理|联合创始人|创始人|"
                    r"实际控制人|实控人|法定代表人|法人代表|法人|大股东|股东|董事|监事|董秘|行长|合伙人|"
                    r"负责人|首席执行官)(?=[\u4e00-\u9fff])")
# What follows a name rather than being its third character (韩越仍为, 阳端为, 罗鹏，)
_AFTER_NAME = frozenset("因为在是将于对和与及称表仍曾已也说等的了被向从自以并均就都还则却又")


def titled_people(text: str) -> Iterator[tuple[int, int, str]]:
    """``(start, end, "person")`` of a name right after a role (CEO方以涵, 股东韩影):
    a common surname and one or two more characters, the third only if it is no word's
    start and not what follows a name; never an ordinary word (股东方面)."""
    frequent = None
    for m in _ROLE.finditer(text):
        if frequent is None:
            frequent = frequent_words()
        s = m.end()
        if text[s] not in SURNAMES or text[s] in _AFTER_NAME and text[s + 1:s + 3] in frequent:
            continue  # (股东曾出现: 曾 is "once" before a word)
        three = text[s:s + 3]
        long = (len(three) == 3 and _HAN.match(three[2]) and three[2] not in _AFTER_NAME
                and text[s + 2:s + 4] not in frequent and three not in frequent)
        name = three if long else text[s:s + 2]
        if len(name) < 2 or not _HAN.match(name[1]) or name[1] in "某总氏" or name in frequent:
            continue
        yield s, s + len(name), "person"
