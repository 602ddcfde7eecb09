"""The shape of plain text: titles, one-line paragraphs, hard wrapping, headings."""

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from b2b_reader.core import formats, pipeline, shape

NETEASE = [
    "網易公司於1997年由丁磊在廣州創立，公司商標使用傳統漢字網易。在初期網易的主要業務是出售郵件系統軟體授權，"
    "1998年推出了163.com為域名的免費Web郵件服務。",
    "網易於2000年在美國納斯達克上市，2001年的網際網路泡沫破滅，對網易產生了很大影響，股價一度降到低於一美元。",
    "經歷財務風波後，網易成功開拓了包括無線增值和網路遊戲在內的新業務，並逐步成為中國主要的網際網路公司之一。",
]
SPEECH = "他正准备掏钱，妈妈轻声说：“老师，这茶不卖……”"


def _plain(text: str, name: str = "a.txt"):
    return pipeline._parse(text, name)


def test_a_headline_first_line_is_the_title_not_a_heading_nor_the_file_name():
    document = _plain("網易\n\n" + "\n".join(NETEASE))
    assert document.title == "網易"
    assert [s.title for s in document.sections] == [None]
    assert [p.text for p in document.paragraphs] == NETEASE


def test_news_headlines_may_end_in_an_exclamation_or_question_mark():
    body = "6月15日，互金平台唐小僧宣布，将进行为期5天的系统升级，期间暂停运营。随后，其母公司资邦金服被查封。"
    for headline in ("又一网贷平台“爆雷”！唐小僧母公司被查，会成为下一个e租宝吗？",
                     "蚂蚁借呗、微粒贷、滴水贷齐发声，逾期将上报征信！"):
        document = _plain(f"{headline}\n\n{body}")
        assert document.title == headline
        assert [p.text for p in document.paragraphs] == [body]


def test_a_headline_without_a_blank_line_needs_a_sentence_after_it():
    document = _plain("东芝\n" + "東芝是日本八大旗艦電機製造商之一，也是日本最大的半導體製造商。")
    assert document.title == "东芝"
    # Two short lines with no sentence: a list, not a headline over its text.
    document = _plain("营收负增长\n同店GMV暴跌\n利润缩水", "list.txt")
    assert document.title == "list.txt"


def test_what_is_not_a_headline():
    body = "\n\n当晚不到7点，两人十指紧扣率先抵达酒店。这间酒店位于北京东三环，里面摆放很多雕塑。"
    # Speech, a sentence with a full stop, a lead-in, a numbered section, a caption, a
    # dateline, a credit line.
    for first in (SPEECH, "30日晚，高圆圆和赵又廷在京举行答谢宴。", "关键财务数据透视（2025 Q3）：",
                  "一、背景", "(圖片來自微博)", "新华社北京5月17日电", "来源：互联网金融电讯"):
        document = _plain(first + body, "a.txt")
        assert document.title == "a.txt", first
    assert [s.title for s in _plain("一、背景" + body).sections] == ["一、背景"]
    assert _plain(SPEECH + body).paragraphs[0].text == SPEECH
    # A text of one line is a paragraph, whatever it looks like.
    assert _plain("群星捧场 谢娜张杰亮相", "one.txt").title == "one.txt"


def test_one_line_is_one_paragraph_and_a_long_page_keeps_every_break():
    # A page of 18 single-newline paragraphs, over 2,000 characters: nothing merged or re-cut.
    lines = [f"第{i}段：{NETEASE[i % 3]}{NETEASE[(i + 1) % 3]}" for i in range(1, 19)]
    text = "\n".join(lines)
    assert len(text) > 2000
    document = _plain(text)
    assert [p.text for p in document.paragraphs] == lines


def test_the_encyclopedia_pages_of_the_dev_set_keep_their_paragraphs():
    import json

    from tests.conftest import SHARED

    path = SHARED / "eval" / "articles_dev.jsonl"
    if not path.exists():
        pytest.skip(f"{path} is not here")
    for line in path.read_text(encoding="utf-8").splitlines():
        article = json.loads(line)
        document = _plain(f"{article['title']}\n\n{article['text']}")
        assert document.title == article["title"]
        if article["id"].startswith("hant-drcd"):  # one paragraph a line
            assert [p.text for p in document.paragraphs] == article["text"].split("\n")


def test_indented_paragraphs_keep_their_breaks():
    text = "\n".join("\u3000\u3000" + p for p in NETEASE)
    assert [p.text for p in _plain(text).paragraphs] == NETEASE


def _wrap(paragraph: str, width: int) -> list[str]:
    return [paragraph[i:i + width] for i in range(0, len(paragraph), width)]


def test_hard_wrapped_text_is_joined_into_its_paragraphs():
    # Wrapped at 20 characters in mid-sentence, paragraphs set off by an indent.
    lines = [("\u3000\u3000" if j == 0 else "") + line
             for p in NETEASE for j, line in enumerate(_wrap(p, 20))]
    assert len(lines) > 10
    document = _plain("\n".join(lines))
    assert [p.text for p in document.paragraphs] == NETEASE
    # Wrapped, with blank lines between paragraphs and no indent.
    blocks = "\n\n".join("\n".join(_wrap(p, 20)) for p in NETEASE)
    assert [p.text for p in _plain(blocks).paragraphs] == NETEASE


def test_hard_wrapped_english_is_joined_with_spaces():
    words = ("The platform connects small factories with retailers across the country and "
             "promises them faster payment and cheaper credit than the banks have offered so far").split()
    lines, line = [], ""
    for word in words * 2:
        if len(line) + len(word) + 1 > 40:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    document = _plain("\n".join(lines))
    assert [p.text for p in document.paragraphs] == [" ".join(words * 2)]


def test_one_paragraph_per_line_is_not_taken_for_wrapping():
    # Lines of every length, each ending a sentence: never joined.
    assert shape.wrap_width(shape.line_blocks("\n".join(NETEASE * 3))) is None
    # A list: lines of similar length with no sentence marks, but not of one width.
    items = ["营收负增长：Q3净收入32.08亿元人民币", "同店GMV暴跌：中国同店销售额同比下降27.9%",
             "利润缩水：归母净利润3.94亿元", "海外业务：Q3海外GMV超3亿元，同比增长75.3%",
             "门店扩张：门店总数扩张至7338家", "行业背景：价格战与消费降级的双重绞杀",
             "竞对表现：奈雪的茶股价长期在1港元左右徘徊", "宏观数据：新茶饮市场增速降至个位数"]
    document = _plain("\n".join(["霸王茶姬财报透视", "", *items]))
    assert [p.text for p in document.paragraphs] == items


def test_a_heading_is_never_a_sentence():
    body = "记者了解到，出席答谢宴的宾客近百人，其中不少都是女方的高中同学。"
    text = "\n\n".join(["高圆圆赵又廷北京答谢宴", body, "宾客近百人，获赠礼物", body, SPEECH, body,
                       "（截至2025年12月26日）", body, "| 当前股价  | $11.90     | 创上市以来新低      |", body])
    document = _plain(text)
    assert document.title == "高圆圆赵又廷北京答谢宴"
    assert [s.title for s in document.sections] == [None, "宾客近百人，获赠礼物"]
    texts = [p.text for p in document.paragraphs]
    assert SPEECH in texts and "（截至2025年12月26日）" in texts and texts[-1] == body
    # Scare quotes are not speech; a quotation with punctuation inside is.
    assert shape.is_heading("法律用美国的：被用来修理黑帮的美国联邦法律也能“顺便”对付中国贪官")
    assert not shape.is_heading("他直言：“我没有参加台湾婚礼”")
    assert not shape.is_heading("张杰压轴抵达酒店，透露因刚下飞机所以未和妻子同行。")
    # The page's metadata is not a section.
    assert not shape.is_heading("2019-05-31 来源：新浪财经")
    assert not shape.is_heading("责任编辑：张三")


def test_a_heading_line_between_single_newline_paragraphs():
    text = "\n".join(["如何在美国把贪官送进监狱", NETEASE[0], "结语", NETEASE[1]])
    document = _plain(text)
    assert document.title == "如何在美国把贪官送进监狱"
    assert [s.title for s in document.sections] == [None, "结语"]
    assert [p.text for p in document.paragraphs] == NETEASE[:2]


def test_a_headline_over_run_together_text_is_its_title():
    title = "甜菜金融大规模逾期后被甩锅 存管方众邦银行踩雷"
    body = ("宣传称运营3年零逾期的甜菜金融被曝无法兑付。 日前，上证e互动平台有投资者称，甜菜金融出现大规模逾期。"
            " 对此天风证券回复称，甜菜金融系天丰天财金融信息服务有限公司运营平台。 " * 20)
    text = f"{title}\n\n{body}\n"
    assert formats.detect_format(text) == "run-together"
    document = _plain(text)
    assert document.title == title
    assert document.paragraphs[0].text == "宣传称运营3年零逾期的甜菜金融被曝无法兑付。"


SENTENCES = [
    *NETEASE,
    "2023年11月，阿里巴巴宣布重新梳理国内电商业务板块，将闲鱼、1688提升为一级业务。",
    "淘天集团总裁戴珊亲自到一线指挥作战。",
    "截至12月26日收盘，其股价报11.9美元，较4月上市首日的最高点41.8美元已跌去超70%。",
    "北京智谱华章科技股份有限公司已正式通过港交所上市聆讯，并于12月19日更新了聆讯后资料集。",
]


def _wrap_columns(paragraph: str, columns: int) -> list[str]:
    """Wrapped at a number of terminal columns (a CJK character takes two), as editors do."""
    lines, line = [], ""
    for ch in paragraph:
        if shape._width(line + ch) > columns:
            lines.append(line)
            line = ""
        line += ch
    return [*lines, line]


@given(st.lists(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=4).map("".join), min_size=2, max_size=6),
       st.integers(min_value=14, max_value=40), st.booleans(), st.booleans())
@settings(max_examples=80, deadline=None)
def test_any_chinese_text_wrapped_at_any_width_comes_back_as_its_paragraphs(paragraphs, width, indented, columns):
    indent = "\u3000\u3000" if indented else ""  # paragraphs set off by an indent, no blank lines
    wrapped = [_wrap_columns(indent + p, 2 * width) if columns else _wrap(indent + p, width) for p in paragraphs]
    assume(sum(len(lines) - 1 for lines in wrapped) >= 8)  # enough wrapped lines to tell
    if indented:
        text = "\n".join(line for lines in wrapped for line in lines)
    else:
        text = "\n\n".join("\n".join(lines) for lines in wrapped)
    assert [p.text for p in _plain(text).paragraphs] == paragraphs
