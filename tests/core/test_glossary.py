"""The glossary: reviewed data, and term matching on canonical text (the user's overlay:
test_glossary_overlay.py)."""

from __future__ import annotations

import re
from importlib import resources

import opencc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from b2b_reader.core.glossary import CATEGORIES, Glossary, find_terms, load_glossary

T2S = opencc.OpenCC("t2s").convert

# Every industry term of the default article (brief of issue 4).
ARTICLE_TERMS = (
    "B2B B2C D2C M2C B2小B2C 小B B端 C端 GMV DAU AAC AIGC 生成式AI 数字人主播 下沉市场 "
    "消费降级 产业互联网 消费互联网 直播电商 社区团购 种草 团长 买手 达人 产业带 源头厂货 询盘 "
    "分销 铺货 跨境电商 独角兽 快时尚 供应链 一级业务 私有化 大促 双11 花名 性价比 降本增效 "
    "赛道 品类 电商主播 垂类 理性消费 造血能力 估值 退市 市场份额 融资 数字化 智能物流"
).split()
FIELD_TERMS = (
    "SKU ROI 私域流量 复购率 客单价 转化率 拼团 一件代发 供应商 采购 批发 代运营 SaaS 新零售 "
    "全渠道 即时零售 跨境 独立站 保税仓 618 直播带货 KOL KOC MCN 白牌 贴牌 OEM ODM 柔性供应链 "
    "小单快反 C2M O2O"
).split()


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return load_glossary()


@pytest.fixture(scope="module")
def article() -> list[str]:
    """Canonical (simplified) body paragraphs of the shipped default article."""
    text = resources.files("b2b_reader.data").joinpath("article-1688.md").read_text("utf-8")
    body = text.split("---", 2)[2]
    return [
        T2S(p.strip())
        for p in body.split("\n\n")
        if p.strip() and not p.lstrip().startswith("#")
    ]


def keys(spans) -> list[str]:
    return [s.key for s in spans]


def found(text: str, glossary: Glossary) -> list[tuple[str, str]]:
    """(matched text, canonical term) for one paragraph."""
    return [(text[s.start : s.end], s.key) for s in find_terms([text], glossary)]


# ── data ─────────────────────────────────────────────────────────────────────────────


def test_packaged_glossary_is_large_and_clean(glossary):
    assert len(glossary) >= 120
    assert glossary.warnings == ()


@pytest.mark.parametrize("term", ARTICLE_TERMS + FIELD_TERMS)
def test_article_and_field_terms_are_present_and_complete(glossary, term):
    entry = glossary.get(term)
    assert entry is not None, term
    assert entry.en and re.search(r"[a-z]", entry.en)
    assert re.search(r"[\u4e00-\u9fff]", entry.zh)
    assert entry.category in CATEGORIES
    if re.search(r"[\u4e00-\u9fff]", entry.term):
        assert entry.pinyin and not re.search(r"[a-z][1-5]", entry.pinyin)


def test_aac_is_annual_active_consumers(glossary):
    aac = glossary.get("AAC")
    assert "annual active consumers" in aac.en
    assert glossary.get("年度活跃消费者") is aac


def test_pinyin_agrees_with_pypinyin_for_chinese_terms(glossary):
    from pypinyin import Style, lazy_pinyin

    # Where pypinyin's default is wrong for the business sense, the glossary is right.
    known = {"长尾": "chángwěi", "铺货": "pūhuò"}
    for t in glossary:
        if not re.fullmatch(r"[\u4e00-\u9fff]+", t.term):
            continue
        mine = re.sub(r"[\s']", "", t.pinyin)
        expected = known.get(t.term, "".join(lazy_pinyin(t.term, style=Style.TONE)))
        assert mine == expected, (t.term, t.pinyin, expected)


def test_every_category_is_used(glossary):
    assert {t.category for t in glossary} == set(CATEGORIES)


def test_no_traditional_characters_are_typed_in_the_data():
    text = resources.files("b2b_reader.data").joinpath("glossary.toml").read_text("utf-8")
    assert T2S(text) == text


# ── lookups in either script ─────────────────────────────────────────────────────────


def test_get_finds_terms_in_any_script_and_case(glossary):
    assert glossary.get("下沉市場").term == "下沉市场"
    assert glossary.get("產業互聯網").term == "产业互联网"
    assert glossary.get("網際網路").term == "互联网"  # Taiwan phrasing
    assert glossary.get("gmv").term == "GMV"
    assert glossary.get("OEM").term == "贴牌"
    assert glossary.get("雙十一").term == "双11"
    assert glossary.get("不存在的词") is None


def test_traditional_forms_are_derived_not_typed(glossary):
    assert "下沉市場" in glossary.get("下沉市场").traditional
    assert "雙11" in glossary.get("双11").traditional


# ── matching ─────────────────────────────────────────────────────────────────────────


def test_article_terms_are_found_in_the_default_article(glossary, article):
    seen = set(keys(find_terms(article, glossary)))
    # 种草 appears only inside 种草博主, where the longer term wins.
    assert set(ARTICLE_TERMS) - {"种草"} <= seen
    assert "种草博主" in seen and "种草" not in seen


def test_spans_point_at_their_terms_in_the_article(glossary, article):
    for s in find_terms(article, glossary):
        text = article[s.paragraph][s.start : s.end]
        assert glossary.get(text).term == s.key
        assert s.layer == "term" and s.type == glossary.get(s.key).category


def test_longest_match_wins(glossary):
    text = "余涌所说的“小B2C”新形态里,“小B”是指电商主播,特别是抓住“B2小B2C”的新增量。"
    assert found(text, glossary) == [
        ("小B2C", "B2小B2C"),
        ("小B", "小B"),
        ("电商主播", "电商主播"),
        ("B2小B2C", "B2小B2C"),
        ("新增量", "增量"),
    ]
    text = "加深消费互联网和产业互联网的融合"
    assert found(text, glossary) == [("消费互联网", "消费互联网"), ("产业互联网", "产业互联网")]
    assert found("依托互联网技术", glossary) == [("互联网", "互联网")]


def test_latin_terms_do_not_match_inside_latin_words(glossary):
    assert found("B2B2C模式", glossary) == [("B2B2C", "B2B2C")]
    only_b2b = Glossary([t for t in glossary if t.term != "B2B2C"])
    assert found("B2B2C模式", only_b2b) == []
    assert found("xB2B", glossary) == []
    # Matching goes on after a refused hit, in the same paragraph and the next ones.
    spans = find_terms(["xB2B和B2C", "ai和GMV"], glossary)
    assert [(s.paragraph, s.start, s.key) for s in spans] == [(0, 5, "B2C"), (1, 3, "GMV")]
    assert found("时下最热的AIGC技术", glossary) == [("AIGC", "AIGC")]
    assert found("He SAID that AI is hot", glossary) == [("AI", "AI")]
    assert found("1688 AI应用负责人", glossary) == [("AI", "AI")]
    assert found("C端消费者和B端卖家", glossary) == [("C端", "C端"), ("B端", "B端")]


def test_case_rules_for_latin_terms(glossary):
    # Runs of three or more characters match in any case ...
    assert found("gmv规模和Saas工具", glossary) == [("gmv", "GMV"), ("Saas", "SaaS")]
    assert found("传统b2b模式", glossary) == [("b2b", "B2B")]
    # ... shorter ones only as written.
    assert found("ai技术", glossary) == []
    assert found("b端卖家", glossary) == []
    assert found("生成式ai", glossary) == []
    assert found("生成式AI", glossary) == [("生成式AI", "生成式AI")]


def test_numeric_terms_are_not_quantities(glossary):
    assert found("今年618大促期间", glossary) == [("618大促", "618")]
    assert found("年中618期间", glossary) == [("618", "618")]
    assert found("营收6180万元", glossary) == []
    assert found("花了618万元", glossary) == []
    assert found("版本1.618", glossary) == []
    assert found("双11激战正酣", glossary) == [("双11", "双11")]
    assert found("双111", glossary) == []


def test_traditional_input_converted_finds_the_same_terms(glossary, article):
    s2t = opencc.OpenCC("s2t").convert
    traditional = [s2t(p) for p in article]
    assert traditional != article
    back = [T2S(p) for p in traditional]
    assert keys(find_terms(back, glossary)) == keys(find_terms(article, glossary))


def test_empty_glossary_and_text():
    assert find_terms(["B2B"], Glossary([])) == []
    assert find_terms([], load_glossary()) == []


_pieces = st.sampled_from(
    ["B2B", "B2C", "小B", "B2小B2C", "产业互联网", "互联网", "AI", "AIGC", "GMV", "618",
     "x", "2", "的", "电商", "主播", " ", "，", "SAID", "b2b"]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_pieces, max_size=12))
def test_matches_are_ordered_disjoint_and_bounded(parts):
    glossary = _shared()
    text = "".join(parts)
    spans = find_terms([text], glossary)
    last = 0
    for s in spans:
        assert s.start >= last and s.end > s.start
        last = s.end
        hit = text[s.start : s.end]
        assert glossary.get(hit).term == s.key
        # Latin edges never touch another Latin letter or digit.
        if hit[0].isascii() and s.start:
            assert not (text[s.start - 1].isascii() and text[s.start - 1].isalnum())
        if hit[-1].isascii() and s.end < len(text):
            assert not (text[s.end].isascii() and text[s.end].isalnum())


_cache: list[Glossary] = []


def _shared() -> Glossary:
    if not _cache:
        _cache.append(load_glossary())
    return _cache[0]


# ── word boundaries ──────────────────────────────────────────────────────────────────


@pytest.mark.parametrize("sentence, inside", [
    ("公司收到一笔十亿达人民币的投资。", "达人"),  # 达|人民币
    ("该平台专为国外贸易企业提供结算服务。", "外贸"),  # 为|国外贸易
    ("今年全省科技成果转化率明显提高。", "转化率"),  # another sense: not_in
    ("报告期内金融资产投资亏损。", "融资"),  # 金融资产
    ("蚂蚁金融股权出售后，收益大增。", "售后"),  # 出售|后
    ("平台清理淫秽色情类、毒品类、赌博类信息。", "品类"),  # 毒品|类
    ("公司未披露现金流量表。", "现金流"),  # 现金流量表
])
def test_a_term_inside_a_longer_word_is_not_a_match(glossary, sentence, inside):
    assert inside in sentence
    assert inside not in [text for text, _ in found(sentence, glossary)]


@pytest.mark.parametrize("sentence, term", [
    ("而这群主播、达人大多活跃在各个平台。", "主播"),  # not 群主|播
    ("而这群主播、达人大多活跃在各个平台。", "达人"),  # not 人大
    ("提升店铺的转化率是运营的关键。", "转化率"),
    ("外贸形势好转，订单回升。", "外贸"),
    ("聚焦产业互联网服务的公司。", "产业互联网"),
    ("收购多个快时尚品牌。", "快时尚"),
    ("他是一名带货达人。", "带货达人"),
    ("江苏多家上市公司发布公告。", "上市公司"),  # the word, a term of its own
    ("苹果将在印度代工厂生产的手机运回美国。", "代工厂"),  # the word, a term of its own
])
def test_a_term_that_is_a_word_of_the_sentence_matches(glossary, sentence, term):
    assert term in [text for text, _ in found(sentence, glossary)]


def test_a_term_that_is_exactly_an_entity_matches_across_word_boundaries(glossary):
    from b2b_reader.core.models import Span

    text = "达人民宿在成都开业。"  # segmented 达|人民|宿: 达人 crosses a word
    assert "达人" not in [t for t, _ in found(text, glossary)]
    # Had the entity finder found exactly 达人 there, the term would stand with it.
    entity = Span(0, 0, 2, "entity", "org", "达人")
    spans = find_terms([text], glossary, [entity])
    assert [(text[s.start:s.end], s.key) for s in spans] == [("达人", "达人")]


def test_every_term_of_the_default_article_is_still_found(glossary, article):
    """The boundary rule removes no match from the embedded article (171 before and after)."""
    from b2b_reader.core.glossary import TermMatcher

    spans = find_terms(article, glossary)
    unchecked = TermMatcher(glossary.entries).find(article)  # no word-boundary check
    assert [(s.paragraph, s.start, s.end) for s in spans] == [(s.paragraph, s.start, s.end) for s in unchecked]
    assert len(spans) >= 150
