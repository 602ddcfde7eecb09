"""Word-level pinyin: polyphones by word, tones, view offsets, the source's own pinyin."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings, strategies as st

from b2b_reader.core import pipeline
from b2b_reader.core.pinyin import (WordPinyin, char_readings, source_pinyin, source_pinyin_in_view,
                                    syllable_tones, tone, view_word_pinyin, word_pinyin)

_HAN = re.compile(r"[\u4e00-\u9fff]")


def _reading(sentence: str, word: str) -> str:
    """The pinyin given to ``word`` (a whole segmented word) in ``sentence``."""
    start = sentence.index(word)
    found = [w.pinyin for w in word_pinyin(sentence) if w.start == start and w.end == start + len(word)]
    assert found, (sentence, word, word_pinyin(sentence))
    return found[0]


@pytest.fixture(scope="module")
def article():
    loaded = pipeline.load_default()
    return loaded.document, pipeline.make_views(loaded.document)


@pytest.mark.parametrize("sentence, word, expected", [
    ("他去银行办事。", "银行", "yínháng"),
    ("这个行业发展很快。", "行业", "hángyè"),
    ("他在路上慢慢行走。", "行走", "xíngzǒu"),
    ("这件事很重要。", "重要", "zhòngyào"),
    ("我们重新开始吧。", "重新", "chóngxīn"),
    ("孩子长大了。", "长大", "zhǎngdà"),
    ("银行行长在会上讲话。", "银行行长", "yínhánghángzhǎng"),
    ("西安是一座古城。", "西安", "xī'ān"),
])
def test_polyphones_follow_their_word(sentence, word, expected):
    assert _reading(sentence, word) == expected


def test_context_rules_for_particles_and_long():
    assert "cháng" in "".join(w.pinyin for w in word_pinyin("这条路很长。"))
    assert [w.pinyin for w in word_pinyin("他跑得很快")][2] == "de"
    assert [w.pinyin for w in word_pinyin("慢慢地走")][1] == "de"
    # canonical text of a traditional source keeps 著 for the particle (随著时代)
    assert _reading("不过随著时代巨轮滚滚向前", "随著") == "suízhe"
    assert _reading("这是一家著名企业", "著名") == "zhùmíng"


def _wei(sentence: str, at: str) -> str:
    """The reading of the 为 that ends ``at`` in ``sentence``."""
    offset = sentence.index(at) + len(at) - 1
    return next(r.syllable for r in char_readings(sentence) if r.offset == offset)


@pytest.mark.parametrize("sentence, at, expected", [
    ("将闲鱼、1688提升为一级业务。", "提升为", "wéi"),  # "raise to": after a verb
    ("公司从电商平台转变为服务商。", "转变为", "wéi"),
    ("阿里巴巴的股票代码为BABA。", "代码为", "wéi"),  # "is": after a noun, no verb after it
    ("净利润为3.31亿元人民币（约合4820万美元），同比下滑。", "利润为", "wéi"),
    ("目前公众持股量仅为15.66%，接近红线。", "仅为", "wéi"),
    ("他被评为年度最佳企业家。", "评为", "wéi"),  # a verb in 为 pypinyin's phrases lack
    ("1688成为一级业务。", "成为", "wéi"),  # pypinyin's own phrase
    ("我们认为这很重要。", "认为", "wéi"),
    ("公司为客户提供一站式服务。", "公司为", "wèi"),  # "for": a verb follows in its clause
    ("这是国内第一款专为青少年定制的产品。", "专为", "wèi"),
    ("他为人民服务。", "他为", "wèi"),
    ("公告称，为保障投资者利益，平台将清盘。", "，为", "wèi"),
    ("因为下雨，活动取消了。", "因为", "wèi"),
])
def test_wei_after_a_verb_is_wei2_and_for_is_wei4(sentence, at, expected):
    assert _wei(sentence, at) == expected


def test_tones_per_character_for_colours():
    assert syllable_tones("银行行长说的") == [2, 2, 2, 3, 1, 5]
    assert [r.offset for r in char_readings("GMV增长了30%")] == [3, 4, 5]
    assert tone("lǜ") == 4 and tone("nǚ") == 3 and tone("ma") == 5


def test_only_han_words_get_pinyin_with_exact_offsets(article):
    document, views = article
    for index in (0, 24, 30):
        text = views.canonical(index)
        words = word_pinyin(text)
        covered = [i for w in words for i in range(w.start, w.end)]
        assert covered == sorted(set(covered))  # words do not overlap
        assert covered == [i for i, ch in enumerate(text) if _HAN.match(ch)]
        assert [r.offset for r in char_readings(text)] == covered


def test_offsets_in_a_traditional_view(article):
    document, views = article
    canonical = views.canonical(30)
    tw = views.get("traditional", "tw", 30)
    start = canonical.index("行业")
    word = next(w for w in view_word_pinyin(canonical, tw) if w.start == start)
    assert tw.text[word.start:word.end] == "行業" and word.pinyin == "hángyè"

    canonical = views.canonical(24)  # twp: 产业互联网 → 產業網際網路 (longer)
    twp = views.get("traditional", "twp", 24)
    words = view_word_pinyin(canonical, twp)
    read = {twp.text[w.start:w.end]: w.pinyin for w in words}
    assert read["網際網路"] == "wǎngjìwǎnglù" and read["產業"] == "chǎnyè" and read["余涌"] == "yúyǒng"
    ends = [twp.text[w.start:w.end] for w in words]
    assert ends[-1] == "買家" and all(_HAN.match(t[0]) or t[0] in "網際" for t in ends)


def test_source_pinyin_in_the_same_shape(article):
    document, views = article
    hints = source_pinyin(document)
    assert hints[0][0] == WordPinyin(4, 5, "zhàn")
    assert document.paragraphs[0].text[4] == "戰"
    assert sum(map(len, hints.values())) == len(document.pinyin)
    simplified = views.get("simplified", "std", 0).text
    moved = source_pinyin_in_view(document, views, "simplified", "std", 0)
    assert [simplified[w.start:w.end] for w in moved[:3]] == ["战", "战", "发"]
    assert source_pinyin_in_view(document, views, "original", "std", 0)[:3] == hints[0][:3]


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.sampled_from("银行长重的了得地着著中国人是在有和GMV1688，。 "), max_size=30))
def test_every_han_character_is_read_once(text):
    readings = char_readings(text)
    assert [r.offset for r in readings] == [i for i, ch in enumerate(text) if _HAN.match(ch)]
    assert all(r.syllable and 1 <= r.tone <= 5 for r in readings)
