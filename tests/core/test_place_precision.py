"""A place is not read where the text names something else that begins or looks like one.

Sentences written for these tests (none is in the tagger's training data)."""

from __future__ import annotations

import pytest

from b2b_reader.core.entities import find_entities
from b2b_reader.core.lexicon import load_lexicon

_LEX = load_lexicon()
NAMES = ("person", "org", "place")


def names(text: str) -> list[tuple[str, str]]:
    return [(text[s.start:s.end], s.type) for s in find_entities([text], _LEX) if s.type in NAMES]


@pytest.mark.parametrize(("text", "org"), [
    ("出借人起诉了上海拾贝金融信息服务有限公司。", "上海拾贝金融信息服务有限公司"),  # 拾贝: a "verb"
    ("出资人为成都百家教育咨询有限公司。", "成都百家教育咨询有限公司"),  # 百家: a "number"
    # a partnership's legal form, its bracket included
    ("资金最终流向了宁波春晓汇商股权投资合伙企业（有限合伙）。", "宁波春晓汇商股权投资合伙企业（有限合伙）"),
    ("该基金的管理人为杭州拾贝投资管理合伙企业。", "杭州拾贝投资管理合伙企业"),
])
def test_a_registered_name_runs_back_to_its_city_over_coined_words(text, org):
    assert names(text) == [(org, "org")]


def test_a_count_before_a_company_word_starts_no_registered_name():
    assert names("这笔钱转给了一家有限公司。") == []
    assert ("浙江", "place") in names("浙江公布了一家有限公司的名单。")


@pytest.mark.parametrize(("text", "country"), [
    ("据中国地震台网测定，北京时间6月6日19时，当地发生4.2级地震。", "北京"),
    ("美国当地时间周五，这家公司在纽约证券交易所挂牌。", "美国"),
])
def test_a_country_before_its_clock_is_no_place(text, country):
    assert (country, "place") not in names(text)


def test_a_place_before_other_words_stays_a_place():
    assert ("美国", "place") in names("美国时间紧迫，谈判必须在本周结束。")


def test_a_short_form_of_a_company_no_gazetteer_knows_as_a_place_is_the_company():
    doc = ["深圳红岭创投电子商务股份有限公司今天发布公告。",
           "红岭社区的用户反映，红岭的提现已经暂停。"]
    got = [(p, doc[p][s.start:s.end], s.type) for p in range(2)
           for s in find_entities(doc, _LEX) if s.paragraph == p and s.type in NAMES]
    assert {t for p, n, t in got if n == "红岭"} == {"org"}
    # a real place at the start of a company stays a place (北京银行: 北京)
    bank = ["北京银行发布了年报。", "北京的分行数量最多。"]
    assert ("北京", "place") in [(bank[s.paragraph][s.start:s.end], s.type)
                                 for s in find_entities(bank, _LEX)]


def test_a_factoring_company_is_named_by_its_head():
    assert names("此前，天元保理已经起诉了借款人。") == [("天元保理", "org")]
    assert names("国内商业保理行业发展迅速。") == []  # an ordinary stem names no company
