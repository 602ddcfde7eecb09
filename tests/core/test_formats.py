"""From decoded text to documents: the default article, Markdown, plain text."""

from b2b_reader.core import articles, formats, pipeline


def test_default_article_regenerates_from_the_raw_seed(seed_raw):
    markdown, hints = articles.build_default_article(seed_raw)
    assert markdown == articles.default_article_text()
    assert hints == articles.default_pinyin_text()
    shipped = pipeline.load_default().document.pinyin
    assert [tuple(line.split("\t")) for line in hints.splitlines()] == [
        (str(p.paragraph), str(p.offset), p.syllable) for p in shipped]


def test_default_article_shape():
    document = pipeline.load_default().document
    kinds = [p.kind for p in document.paragraphs]
    assert kinds.count("body") == 40 and kinds.count("caption") == 3
    assert [len(s.paragraphs) for s in document.sections][0] == 4
    assert document.sections[0].title is None
    assert [s.title.split("\u3000")[0] for s in document.sections[1:]] == [
        "不甘當淘寶配角", "承接下沉市場紅利", "D2C崛起、AIGC普及"]
    assert document.sections[1].title.endswith("阿里最古老的業務走向臺前")
    assert document.paragraphs[4].text.startswith("眾所周知,")
    assert document.date == "2023-11" and document.date_inferred
    text = "".join(p.text for p in document.paragraphs)
    assert "(zh" not in text and "|" not in text
    assert "轉變為淘寶的“制器”,專注于為淘寶商家服務。" in text  # mojibake repaired
    assert "貨源——歷史悠久" in text
    assert "樘詫" not in text


def test_pinyin_hints_point_at_their_characters():
    document = pipeline.load_default().document
    by_char = {(h.paragraph, h.offset): h.syllable for h in document.pinyin}
    assert len(by_char) > 250
    p0 = document.paragraphs[0].text
    assert by_char[(0, p0.index("戰"))] == "zhàn"


def test_mojibake_marks_agree_with_the_gbk_shift():
    # The repair is what re-encoding the garbled run as GBK and decoding it one byte
    # earlier gives (for the part of the run the shift recovers).
    marks = articles.load_marks(articles._data("article-1688.marks.toml"))
    garbled, repaired = marks.repairs[0]
    run = garbled[garbled.index("樘"): garbled.index("保") + 1]
    shifted = run.encode("gbk")[1:].decode("gbk", errors="replace")
    assert shifted.startswith("淘寶的“制器”")
    assert "淘寶的“制器”" in repaired


def test_markdown_front_matter_headings_and_paragraphs():
    text = "---\ntitle: 標題\ndate: 2024-05\nsource: 某報\n---\n\n導語一行\n續行。\n\n## 第一節\n\n正文。\n\n(圖片來自微博)\n"
    document = formats.parse(text, "a.md")
    assert document.title == "標題" and document.date == "2024-05" and document.source == "某報"
    assert [s.title for s in document.sections] == [None, "第一節"]
    assert [p.text for p in document.paragraphs] == ["導語一行續行。", "正文。", "(圖片來自微博)"]
    assert document.paragraphs[2].kind == "caption"


def test_markdown_h1_is_the_title():
    document = formats.parse("# 大標題\n\n第一段。\n\n## 小節\n\n第二段。\n", "x.md")
    assert document.title == "大標題"
    assert [s.title for s in document.sections] == [None, "小節"]


def test_plain_text_lines_paragraphs_and_short_headings():
    text = "一、背景\n\n第一段文字，說明情況。\n第二段另起一行。\n\n二、做法\n\nSecond paragraph in English.\n"
    document = formats.parse(text, "notes.txt")
    assert document.title == ""  # a numbered line starts a section: no headline
    assert [s.title for s in document.sections] == ["一、背景", "二、做法"]
    assert [p.text for p in document.paragraphs] == [
        "第一段文字，說明情況。", "第二段另起一行。", "Second paragraph in English."]


def test_run_together_text_is_detected():
    raw = "第一段。 第二段戰(zhàn)報。 第三段發(fā)布。 第四段業(yè)務。"
    assert formats.detect_format(raw) == "run-together"
    document = formats.parse(raw)
    assert [p.text for p in document.paragraphs] == ["第一段。", "第二段戰報。", "第三段發布。", "第四段業務。"]


def test_markup_and_escapes_in_a_document_are_data():
    document = formats.parse("[bold]x[/] [@click=app.quit]y[/]\x1b]2;title\x07\n\n正文。", "a.txt")
    joined = document.title + "".join(p.text for p in document.paragraphs) + "".join(s.title or "" for s in document.sections)
    assert "[@click=app.quit]" in joined
    assert "\x1b" not in joined and "\x07" not in joined
