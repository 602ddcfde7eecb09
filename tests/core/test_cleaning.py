"""Each cleaning step on its own."""

from b2b_reader.core import cleaning


def test_glued_pinyin_removed_and_kept_as_data():
    text, hints = cleaning.strip_glued_pinyin("雙11激戰(zhàn)正酣,發(fā)布")
    assert text == "雙11激戰正酣,發布"
    assert hints == [(4, "zhàn"), (8, "fā")]
    assert text[4] == "戰" and text[8] == "發"


def test_parentheses_that_are_not_pinyin_stay():
    for text in ("汪海(花名:七公)接管後", "(圖片來自微博)", "余涌(花名:樸初 )在"):
        assert cleaning.strip_glued_pinyin(text) == (text, [])


def test_run_together_paragraphs_split_only_after_sentence_end():
    text = "第一段。 第二段有(花名:樸初 )和1688 AI應用! (圖片來自微博) 第三段?"
    assert cleaning.split_run_together(text) == [
        "第一段。", "第二段有(花名:樸初 )和1688 AI應用!", "(圖片來自微博)", "第三段?"]


def test_captions():
    assert cleaning.is_caption("(圖片來自小紅書)")
    assert cleaning.is_caption("（图片来自艾瑞咨询）")
    assert not cleaning.is_caption("(花名:七公)")
    assert not cleaning.is_caption("正文(圖片來自微博)")


def test_controls_replaced_and_bidi_dropped():
    nasty = "a\x1b]52;c;ZXZpbA==\x07b\x1b[2Jc\u202eabc\u2066\x9bd\te\nf"
    clean = cleaning.scrub_controls(nasty)
    assert "\x1b" not in clean and "\x07" not in clean and "\x9b" not in clean
    assert "\u202e" not in clean and "\u2066" not in clean
    assert "\t" in clean and "\n" in clean
    assert clean.count(cleaning.CONTROL_REPLACEMENT) == 4


def test_stray_trailing_line_dropped():
    assert cleaning.drop_stray_lines("抓住了。\n|") == "抓住了。"
    assert cleaning.drop_stray_lines("一行\n二行\n") == "一行\n二行"


def test_fullwidth_punctuation_between_cjk_only():
    assert cleaning.fullwidth_punctuation("正酣,各類(花名:七公)靠譜?") == "正酣，各類（花名：七公）靠譜？"
    assert cleaning.fullwidth_punctuation("1,000 and a:b (AI)") == "1,000 and a:b (AI)"
    text = "年輕,1688,快"
    assert len(cleaning.fullwidth_punctuation(text)) == len(text)


def test_a_huge_paragraph_is_cut_at_sentence_ends_into_workable_parts():
    from b2b_reader.core import pipeline
    from b2b_reader.core.cleaning import LONG_PARAGRAPH, long_paragraph_cuts

    text = "阿里巴巴的1688平台发布了新的战略，余涌表示要抓住下沉市场。" * 7000  # one line, 203,000 characters
    document = pipeline.load_text(text, "one-line.txt").document
    parts = [p.text for p in document.paragraphs]
    assert "".join(parts) == text  # nothing lost or added
    assert len(parts) > 100 and all(len(p) <= LONG_PARAGRAPH for p in parts)
    assert all(p.endswith("。") for p in parts[:-1])  # cut where a sentence ends
    assert long_paragraph_cuts("短段落。") == []
    assert len(long_paragraph_cuts("无句号的长文字" * 1000)) > 0  # no marks at all: hard cuts
