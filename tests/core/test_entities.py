"""Entity finding on real sentences of the default article and on arbitrary text."""

from __future__ import annotations

import re

import cn2an
import opencc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from b2b_reader.core.entities import find_entities
from b2b_reader.core.lexicon import load_lexicon
from b2b_reader.core.numbers import cn_to_int


_LEX = load_lexicon()


@pytest.fixture(scope="module")
def lexicon():
    return _LEX


def found(text: str, lexicon) -> dict[str, tuple[str, str]]:
    """Surface text → (type, key) for every entity in one paragraph."""
    return {text[s.start:s.end]: (s.type, s.key) for s in find_entities([text], lexicon)}


@pytest.fixture(scope="module")
def article(seed_raw) -> list[str]:
    """The default article's canonical paragraphs (approximation until the shipped one)."""
    text = re.sub(r"\([a-z\u00e0-\u00fc\u0100-\u01dc\u0300-\u036f]+\)", "", seed_raw)
    text = opencc.OpenCC("t2s").convert(text)
    return [p for p in re.split(r"(?<=[。？！?!”)])\s", text.strip()) if p.strip()]


ARTICLE_ENTITIES = {
    "戴珊": "person", "马云": "person", "汪海": "person", "余涌": "person", "王卓隽": "person",
    "淘天集团": "org", "闲鱼": "org", "1688": "org", "淘宝": "org", "淘特": "org",
    "天猫": "org", "盒马": "org", "阿里巴巴中国交易市场": "org", "亿欧网": "org",
    "小红书": "org", "微博": "org", "深圳励展华博展览公司": "org", "慧聪网": "org",
    "艾瑞咨询": "org", "京东": "org", "京东工业": "org", "国联股份": "org", "行云集团": "org",
    "药师帮": "org", "震坤行": "org", "SHEIN": "org", "百度": "org", "爱采购": "org",
    "阿里巴巴": "org", "深圳礼品展": "event", "源头厂货商人节": "event", "双11": "event",
    "牛牛": "product", "iOS": "product", "北美": "place",
}


def test_every_listed_entity_of_the_default_article_is_found(article, lexicon):
    spans = find_entities(article, lexicon)
    keys = {(s.key, s.type) for s in spans}
    missing = {k: t for k, t in ARTICLE_ENTITIES.items() if (k, t) not in keys}
    assert missing == {}


def test_article_sentences(lexicon):
    s = "亲自到一线指挥作战的淘天集团总裁戴珊最近抽空做了另一件大事:重新梳理国内电商业务板块,将闲鱼、1688提升为一级业务。"
    got = found(s, lexicon)
    assert got["淘天集团"] == ("org", "淘天集团")
    assert got["戴珊"] == ("person", "戴珊")
    assert got["闲鱼"] == ("org", "闲鱼")
    assert got["1688"] == ("org", "1688")

    s = "汪海(花名:七公)接管后,乘势推出广告业务、完善会员体系,1688全面和淘宝接轨。"
    got = found(s, lexicon)
    assert got["七公"] == ("person", "汪海")
    assert got["汪海"] == ("person", "汪海")

    s = "今年1月,1688总裁余涌(花名:朴初 )在商家跨年活动上表示,2023年要走出原来的小圈子"
    got = found(s, lexicon)
    assert got["朴初"] == ("person", "余涌")
    assert got["今年1月"][0] == "date"
    assert got["2023年"] == ("date", "2023")

    s = "10月下旬,1688联合深圳励展华博展览公司举行的第31届深圳礼品展暨1688源头厂货商人节如期揭幕"
    got = found(s, lexicon)
    assert got["10月下旬"][0] == "date"
    assert got["深圳励展华博展览公司"] == ("org", "深圳励展华博展览公司")
    assert got["深圳礼品展"][0] == "event"
    assert "31届" not in got  # an ordinal, not a count

    s = "在北美等地率先上线平台模式"
    assert found(s, lexicon)["北美"] == ("place", "北美")


def test_1688_is_an_org_not_a_year(lexicon):
    s = "亿欧网的统计则显示,2020年上半年1688年轻买家的占比提升接近10%。"
    got = found(s, lexicon)
    assert got["1688"] == ("org", "1688")
    assert not any(t == "date" and "1688" in text for text, (t, _) in got.items())
    assert got["2020年上半年"][0] == "date"
    assert got["10%"][0] == "number"
    assert got["亿欧网"][0] == "org"


def test_jieba_false_names_are_not_people(lexicon):
    text = "阿里最古老的业务,合并大淘宝的消息很快遭到辟谣,历史悠久、商品齐全的1688,或许会令人稍感诧异。"
    spans = find_entities([text], lexicon)
    people = {text[s.start:s.end] for s in spans if s.type == "person"}
    assert people == set()
    assert ("org", "阿里巴巴") in {(s.type, s.key) for s in spans}


def test_unknown_names_from_tagging(lexicon):
    got = found("王建国和李小璐来到浙江省杭州市。", lexicon)
    assert got["王建国"][0] == "person"
    assert got["李小璐"][0] == "person"
    assert got["浙江省"][0] == "place"


def test_two_character_names_inside_words_are_not_matched(lexicon):
    got = found("这项工作已经完成都是大家的功劳,他们是一个完美团队。", lexicon)
    assert "成都" not in got and "美团" not in got
    assert found("他去了成都。", lexicon)["成都"][0] == "place"


@pytest.mark.parametrize(
    ("text", "figure", "kind"),
    [
        ("2022年B2B行业1亿元以上的大额融资占比达到50%", "1亿元", "money"),
        ("2022年B2B行业1亿元以上的大额融资占比达到50%", "50%", "percent"),
        ("比2020年高了超过25个百分点", "25个百分点", "percent"),
        ("融资300万美元", "300万美元", "money"),
        ("投入数千万元", "数千万元", "money"),
        ("占比百分之五十", "百分之五十", "percent"),
        ("数千名工程师、300多个自研系统", "数千名", "count"),
        ("数千名工程师、300多个自研系统", "300多个", "count"),
        ("节省了5-6个人力成本", "5-6个", "count"),
        ("以25-35岁年龄段为主", "25-35岁", "count"),
    ],
)
def test_numbers(lexicon, text, figure, kind):
    spans = [s for s in find_entities([text], lexicon) if text[s.start:s.end] == figure]
    assert len(spans) == 1
    assert spans[0].type == "number"
    assert dict(spans[0].extra)["kind"] == kind


@pytest.mark.parametrize(
    ("text", "date", "key"),
    [
        ("阿里在1999年成立之初", "1999年", "1999"),
        ("今年3月,淘特传出", "今年3月", "今年3月"),
        ("10月下旬,1688联合", "10月下旬", "10月下旬"),
        ("二〇一二年退市", "二〇一二年", "2012"),
        ("2023年1月上线", "2023年1月", "2023-01"),
        ("2023年11月11日零点", "2023年11月11日", "2023-11-11"),
    ],
)
def test_dates(lexicon, text, date, key):
    got = found(text, lexicon)
    assert got[date] == ("date", key)


def test_no_figures_in_ordinary_grammar_or_model_names(lexicon):
    got = found("这是一个重要目标,B2B和M2C模式,第一桶金。", lexicon)
    assert not any(t in ("number", "date") for t, _ in got.values())
    assert "5-6个" in found("节省了5-6个人力成本", lexicon)
    assert all(t != "date" for t, _ in found("节省了5-6个人力成本", lexicon).values())


@pytest.mark.parametrize("numeral", ["三千五百万", "一亿两千万", "十一", "二十三", "一百零五", "五万亿", "二〇一二", "两千"])
def test_chinese_numerals_agree_with_cn2an(numeral):
    assert cn_to_int(numeral) == cn2an.cn2an(numeral, "smart")


_TEXT = st.lists(
    st.sampled_from(
        ["阿里", "巴巴", "1688", "年", "月", "10", "%", "个", "多", "亿元", "王", "建国", "省",
         "淘天集团", "京东", "方", "双11", "SHEIN", "a", " ", "。", "，", "百分之", "五十", "深圳"]
    )
    | st.text(max_size=3),
    max_size=25,
).map("".join)


@settings(max_examples=150, deadline=None)
@given(st.lists(_TEXT, min_size=1, max_size=3))
def test_spans_are_in_bounds_sorted_and_disjoint(paragraphs):
    spans = find_entities(paragraphs, _LEX)
    assert spans == sorted(spans)
    for s in spans:
        assert 0 <= s.start < s.end <= len(paragraphs[s.paragraph])
        assert s.layer == "entity" and s.type and s.key
    for a, b in zip(spans, spans[1:]):
        if a.paragraph == b.paragraph:
            assert a.end <= b.start



@pytest.mark.parametrize("text, years", [("2018-2024年，公司营收翻了三倍。", "2018-2024年"),
                                         ("2019至2021年，阿里巴巴的营收增长了两倍。", "2019至2021年"),
                                         ("上世纪70年代，这家工厂开始生产电视机。", "70年代"),
                                         ("自09年起，公司每年分红。", "自09年")])
def test_years_written_as_ranges_decades_or_short_are_dates_not_counts(text, years):
    # The entity finder's dates are the timeline's: a range of years, a decade, a year
    # "since '09" are held as dates against the count of years they also read as
    # (70年, 09年), and highlighted as dates.
    from b2b_reader.core import pipeline

    loaded = pipeline.load_text(text, "range.txt")
    analysis = pipeline.analyze(loaded.document, pipeline.make_views(loaded.document), use_cache=False)
    start = text.index(years)
    over = [s.type for s in analysis.spans if s.layer == "entity" and s.start < start + len(years) and start < s.end]
    assert over == ["date"]
