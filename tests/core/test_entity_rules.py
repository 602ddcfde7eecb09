"""The tag rules for names the lexicon lacks, on real news sentences (People's Daily style)."""

from __future__ import annotations

import rjieba
from hypothesis import given, settings
from hypothesis import strategies as st

from b2b_reader.core.entities import find_entities
from b2b_reader.core.entity_rules import common_dictionary_names, dotted_names, tagged_names
from b2b_reader.core.lexicon import load_lexicon

_LEX = load_lexicon()
_NAMED = ("person", "org", "place")


def names(text: str) -> dict[str, str]:
    """Surface → type of every person/org/place found in one paragraph."""
    return {text[s.start:s.end]: s.type for s in find_entities([text], _LEX) if s.type in _NAMED}


def test_foreign_name_with_middle_dot_is_one_person():
    text = "新华社北京5月7日电国务院副总理李岚清今天在中南海会见了美国前商务部长芭芭拉·弗兰克林。"
    got = names(text)
    assert got["芭芭拉·弗兰克林"] == "person"
    assert got["李岚清"] == "person"
    assert got["中南海"] == "place"
    assert "部长芭芭拉" not in "".join(got)  # the title stays outside the name


def test_org_names_are_composed_from_tokens():
    got = names("“视觉第一中国行动”是国务院残疾人工作协调委员会、卫生部和中国残联从国际狮子会争取的项目。")
    assert got["国务院残疾人工作协调委员会"] == "org"
    assert got["卫生部"] == "org"
    assert names("琉璃河水泥厂的工人")["琉璃河水泥厂"] == "org"
    assert names("美国财政部发表声明")["美国财政部"] == "org"


def test_a_place_and_a_common_noun_is_not_an_org():
    got = names("多家美国公司表示欢迎，菲律宾政府也作出回应。")
    assert got.get("美国") == "place"
    assert "美国公司" not in got and "菲律宾政府" not in got
    # 西部 is a direction, not a department (部)
    assert "中国西部" not in names("他们在中国西部投资。")


def test_dictionary_words_tagged_as_names_are_not_people():
    text = "他摘取了这项比赛的桂冠，观众无不陶醉，高增值产品随之热销，任凭风吹雨打。"
    assert [t for t in names(text).values() if t == "person"] == []


def test_real_names_still_found():
    got = names("记者刘谦报道，县长吴方军和王卓隽在浙江省杭州市考察。")
    assert got["刘谦"] == "person"
    assert got["吴方军"] == "person"
    assert got["王卓隽"] == "person"


def test_transliterated_names_and_places_tagged_as_names():
    got = names("基里延科是在俄罗斯处于困难时期出任总理的。")
    assert got["基里延科"] == "person"
    assert got["俄罗斯"] == "place"
    got = names("代表团随后抵达莫斯科和吉隆坡。")  # jieba tags both cities nr
    assert got["莫斯科"] == "place"
    assert got["吉隆坡"] == "place"


def test_country_abbreviations_are_places():
    got = names("克林顿访华期间重申，健康稳定的中美关系符合两国利益。")
    assert got["克林顿"] == "person"
    assert got["华"] == "place"
    assert got["中"] == "place" and got["美"] == "place"
    # everyday words made of the same characters are left alone
    assert names("大家都很在意这件事，中华文化源远流长。") == {}


def test_frequent_dictionary_place_words_that_are_not_places():
    assert names("这座城市是连接南北的桥头堡，东西都很新鲜。") == {}


def test_currency_names_give_the_country():
    assert names("一美元约合7.8挪威克朗。") == {"挪威": "place"}


def test_a_surname_with_an_honorific_is_not_highlighted():
    assert names("李先生说，这事要问王小姐。") == {}


def test_dotted_names_need_a_dot():
    assert list(dotted_names("芭芭拉弗兰克林")) == []
    assert [(s, e) for s, e, _ in dotted_names("会见彼得·皮奥时")] == [(2, 7)]


_PIECES = st.sampled_from(
    ["美国", "财政部", "中美", "关系", "访华", "莫斯科", "李", "先生", "委员会", "·", "芭芭拉",
     "克林", "西部", "公司", "挪威克朗", "市委", "中", "美", "对", "俄", "两国", "。", "，", "桂冠"]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES | st.text(max_size=3), max_size=20).map("".join))
def test_tagged_spans_are_in_bounds_and_typed(text):
    tokens = rjieba.tag(text)
    spans = list(tagged_names(tokens, common_dictionary_names())) + list(dotted_names(text))
    for start, end, kind in spans:
        assert 0 <= start < end <= len(text)
        assert kind in _NAMED
