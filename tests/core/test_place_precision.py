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
])
def test_a_registered_name_runs_back_to_its_city_over_coined_words(text, org):
    assert names(text) == [(org, "org")]


def test_a_count_before_a_company_word_starts_no_registered_name():
    assert names("这笔钱转给了一家有限公司。") == []
    assert ("浙江", "place") in names("浙江公布了一家有限公司的名单。")
