"""Line breaking of mixed Chinese and Latin text (the article's wrap)."""

import re

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from b2b_reader.widgets.wrap import line_ranges


def lines(text, width):
    return [text[a:b] for a, b in line_ranges(text, width)]


def test_chinese_breaks_anywhere_but_latin_words_stay_whole():
    assert lines("阿里巴巴SHEIN电商", 10) == ["阿里巴巴", "SHEIN电商"]


def test_closing_punctuation_never_starts_a_line():
    assert lines("一二三四，五六", 8) == ["一二三", "四，五六"]


def test_pinyin_after_a_word_is_not_cut_and_keeps_its_bracket():
    text = "银行(yínháng)行业(hángyè)的"
    assert lines(text, 18) == ["银行(yínháng)行业", "(hángyè)的"]
    assert lines("更重(gèngzhòng)的", 12) == ["更重", "(gèngzhòng)", "的"]


@given(st.text(alphabet="阿里巴巴电商，。(yínháng) SHEIN“”", max_size=60), st.integers(4, 30))  # the article never wraps narrower than 4 cells
def test_lines_cover_the_text_and_fit(text, width):
    parts = lines(text, width)
    assert "".join(parts) == text
    # A space or a closing mark where a line breaks may hang past the edge; nothing else does.
    assert all(cell_len(p.rstrip(" ，。”")) <= width for p in parts)


def test_a_closing_mark_after_a_word_takes_the_whole_word_down():
    text = "心思(xīnsī)放在"
    assert lines(text, 10) == ["心思", "(xīnsī)放", "在"]


@given(st.lists(st.sampled_from(["心思", "(xīnsī)", "放在", "(fàngzài)", "，", "GMV"]), max_size=30),
       st.integers(10, 40))
def test_pinyin_words_are_never_cut_when_they_fit_a_line(parts, width):
    text = "".join(parts)
    inside = set()
    for word in re.finditer(r"[A-Za-z\u00c0-\u024f]+", text):  # glued parts make one word
        if word.end() - word.start() <= width:
            inside.update(range(word.start() + 1, word.end()))
    assert not {a for a, _ in line_ranges(text, width)} & inside


def test_a_word_filling_its_line_is_not_cut_to_carry_a_closing_mark():
    # Found by the property test above: the word could not go down whole, so it was cut
    # (GMVGMVGM / V，). Keeping the word whole wins over the closing-mark rule here.
    assert lines("GMVGMVGMV，的", 10) == ["GMVGMVGMV", "，的"]
    assert lines("EEEE)", 4) == ["EEEE", ")"]
