"""The grouped lexicon matcher gives exactly what one regex of every name gives."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from b2b_reader.core.lexicon import load_lexicon
from b2b_reader.core.trie_match import GroupedMatcher, trie_pattern

NEWS = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "news_business_dev"


def spans(matcher, text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in matcher.finditer(text)]


def test_longest_name_at_the_leftmost_position_across_groups():
    words = ["中国", "中国平安", "平安银行", "银行", "安徽", "国平"]
    # one first character per group: every name's competitors live in other regexes
    matcher = GroupedMatcher(words, trie_pattern, group_size=1)
    assert len(matcher.patterns) == 5
    text = "中国平安银行与安徽银行"
    assert spans(matcher, text) == [(0, 4, "中国平安"), (4, 6, "银行"), (7, 9, "安徽"), (9, 11, "银行")]
    assert spans(matcher, text) == spans(re.compile(trie_pattern(words)), text)
    assert spans(matcher, "") == []


@pytest.mark.parametrize("group_size", [1, 7, 48, 10_000])
def test_same_matches_as_one_regex_on_whole_business_articles(group_size):
    if not NEWS.is_dir():
        pytest.skip(f"{NEWS} is not here")
    words = list(load_lexicon().surfaces())
    one = re.compile(trie_pattern(words))
    grouped = GroupedMatcher(words, trie_pattern, group_size=group_size)
    total = 0
    for path in sorted(NEWS.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            expected = spans(one, line)
            assert spans(grouped, line) == expected, line
            total += len(expected)
    assert total >= 500  # 512 names matched today: the comparison is not vacuous


def test_one_trie_pattern_finds_the_longest_word_with_its_end_rule_and_case():
    import re

    words = ["电商", "电商平台", "gmv", "618"]
    rx = re.compile(trie_pattern(words, lambda w: "(?![0-9])" if w.isdigit() else "", fold_case=True))
    text = "天猫电商平台的GMV在6188和618期间"
    assert [m.group() for m in rx.finditer(text)] == ["电商平台", "GMV", "618"]
    assert re.compile(trie_pattern(["阿里", "阿里巴巴"])).findall("阿里巴巴和阿里") == ["阿里巴巴", "阿里"]
