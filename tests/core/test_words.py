"""Word stops for the word cursor: jieba words, annotations whole, no punctuation."""

from hypothesis import given
from hypothesis import strategies as st

from b2b_reader.core.models import Span
from b2b_reader.core.words import word_bounds


def texts(text, bounds):
    return [text[s:e] for s, e in bounds]


def test_words_skip_punctuation_and_spaces():
    text = "余涌说，“下沉市场 GMV增长50%。”"
    words = texts(text, word_bounds(text))
    assert "余涌" in words and "GMV" in words
    assert not any(w.strip("，。“” ") == "" for w in words)


def test_annotation_spans_are_one_stop():
    text = "下沉市场的用户"
    assert texts(text, word_bounds(text))[:2] == ["下沉", "市场"]
    term = Span(0, 0, 4, "term", "market", "下沉市场")
    assert texts(text, word_bounds(text, [term]))[0] == "下沉市场"


def test_overlapping_spans_keep_the_longest():
    text = "淘天集团旗下"
    spans = [Span(0, 0, 2, "entity", "org", "淘天"), Span(0, 0, 4, "entity", "org", "淘天集团")]
    assert texts(text, word_bounds(text, spans))[0] == "淘天集团"



@given(st.text(alphabet="阿里巴巴的下沉市场用户增长，了 GMV50%。", max_size=40))
def test_words_are_ordered_disjoint_and_inside(text):
    bounds = word_bounds(text)
    assert all(0 <= s < e <= len(text) for s, e in bounds)
    assert all(a[1] <= b[0] for a, b in zip(bounds, bounds[1:]))


def test_sentences_end_after_marks_and_closing_quotes():
    from b2b_reader.core.words import sentence_bounds

    text = "他说：“走吧！”我们就走了。真的？是的"
    bounds = sentence_bounds(text)
    parts = [text[a:b] for a, b in zip(bounds, bounds[1:])]
    assert parts == ["他说：“走吧！”", "我们就走了。", "真的？", "是的"]
    assert sentence_bounds("") == [0, 0]
