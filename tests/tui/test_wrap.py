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


def word_lines(text, width):
    return [text[a:b] for a, b in line_ranges(text, width, whole_words=True)]


def test_with_pinyin_a_word_and_its_reading_wrap_as_one():
    text = "雙11(shuāng)激戰(jīzhàn)正酣(zhènghān)，頭部(tóubù)電商(diànshāng)平臺(píngtái)"
    assert word_lines(text, 30) == ["雙11(shuāng)激戰(jīzhàn)", "正酣(zhènghān)，頭部(tóubù)",
                                    "電商(diànshāng)平臺(píngtái)"]
    # a word longer than the line is still cut, rather than run past the edge
    cut = word_lines("頭部(tóubù)", 6)
    assert len(cut) > 1 and "".join(cut) == "頭部(tóubù)" and all(cell_len(p) <= 6 for p in cut)


def test_with_spaces_between_words_a_line_breaks_only_at_a_space_or_a_mark():
    text = "雙11 激戰 正酣，各類 戰報 密集 發布，頭部 電商 平臺 再次 卷出 新高度。"
    parts = word_lines(text, 12)
    assert parts[:3] == ["雙11 激戰 ", "正酣，各類 ", "戰報 密集 "]
    assert parts[-1] == "新高度。"  # 新高度 stays whole, its full stop with it


@given(st.text(alphabet="阿里巴巴电商，。(yínháng) SHEIN“”", max_size=60), st.integers(4, 30))
def test_word_mode_lines_cover_the_text_and_fit(text, width):
    parts = word_lines(text, width)
    assert "".join(parts) == text
    assert all(cell_len(p.rstrip(" ，。”")) <= width for p in parts)


async def test_pinyin_and_word_spaces_never_break_a_word_on_screen():
    from b2b_reader.app import ReaderApp
    from b2b_reader.core import pipeline

    from .conftest import article_lines, wait_for_analysis

    def split_words():
        """Pairs of wrapped lines of a paragraph where a word runs on: 頭 | 部(tóubù)."""
        viewport = app.screen.article.viewport
        pairs = []
        for block in range(min(len(viewport.blocks), 12)):
            rows = [line.plain for line in viewport.lines(block) if line.plain]
            pairs += [(a, b) for a, b in zip(rows, rows[1:]) if _wordish(a[-1]) and (_wordish(b[0]) or b[0] == "(")]
        return pairs

    app = ReaderApp(pipeline.load_default())
    async with app.run_test(size=(70, 40)) as pilot:
        await wait_for_analysis(pilot)
        await pilot.press("p")  # pinyin after each word
        await pilot.pause(0.3)
        screen = "".join(row[2:] for row in article_lines(app))
        assert "(tóubù)" in screen and "提升(tíshēng)為(wéi)" in screen  # 提升为: wéi, not wèi
        assert split_words() == []
        await pilot.press("p", "w")  # spaces between words instead
        await pilot.pause(0.3)
        assert any("頭部 電商" in row for row in article_lines(app))
        assert split_words() == []


def _wordish(char: str) -> bool:
    return char.isalnum()
