"""Saved Chinese news pages become Documents: the article's paragraphs and nothing else,
with the page's title, author, site, publication date and canonical URL."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from b2b_reader.core import html_input, pipeline
from b2b_reader.core.source import SourceError

PAGES = Path(__file__).resolve().parents[1] / "data" / "pages"

CATL_BODY = [
    "10月18日晚间，宁德时代发布2024年第三季度报告，公司前三季度实现营业收入2590亿元，同比下降12%。",
    "其中，第三季度实现净利润131亿元，同比增长25%，超出市场预期。公司表示，原材料价格下降带动毛利率回升。",
    "报告期内，宁德时代在匈牙利的工厂建设进展顺利，预计明年投产。公司海外收入占比已经超过三成。",
    "分析人士认为，随着欧洲市场需求回暖，公司海外业务有望继续保持较快增长。",
]
#: Text of the pages' navigation, sidebars, ads, comments, related links, scripts, footers.
CHROME = ["首页", "股票", "相关阅读", "比亚迪", "网友评论", "真厉害", "热门推荐", "降准0.5个百分点", "广告", "版权所有",
          "脚本", "正文", "来源", "主頁", "最多人看", "讀者留言", "賺錢", "恆指", "分享到", "标签", "推荐阅读"]


def encoded_page(name: str, encoding: str) -> bytes:
    """A page of tests/data/pages in the encoding a site of its kind serves."""
    return (PAGES / name).read_text(encoding="utf-8").encode(encoding)


def texts(document) -> list[str]:
    return [p.text for p in document.paragraphs]


def assert_no_chrome(document) -> None:
    everything = "\n".join([*texts(document), *(s.title or "" for s in document.sections)])
    leaked = [word for word in CHROME if word in everything]
    assert not leaked, f"page furniture in the text: {leaked}"


def test_gbk_portal_page_gives_the_article_its_heading_and_its_metadata():
    document = html_input.parse_html(encoded_page("portal_gbk.html", "gbk"), "portal.html")
    assert texts(document) == CATL_BODY
    assert [(s.title, s.paragraphs) for s in document.sections] == [(None, (0, 1)), ("海外业务加速扩张", (2, 3))]
    assert_no_chrome(document)
    assert document.title == "宁德时代三季度净利润同比增长25%"  # not the <title> with the site's suffix
    assert document.author == "王晓明"  # from the byline under the headline, which is not body text
    assert document.site == "华信财经"
    assert (document.date, document.date_inferred) == ("2024-10-18", False)
    assert document.source == "https://finance.example.com/stock/2024-10-18/doc-123.shtml"
    assert document.script == "simplified"


def test_big5_page_keeps_traditional_text_and_reads_author_and_date_from_meta():
    document = html_input.parse_html(encoded_page("hk_big5.html", "big5"), "hk.html")
    assert texts(document)[0].startswith("香港交易所週三公布，上半年股東應佔溢利為六十一億港元")
    assert len(document.paragraphs) == 3 and texts(document)[-1].endswith("國際金融中心的地位。")
    assert_no_chrome(document)
    assert (document.title, document.author, document.site) == ("港交所上半年盈利創新高", "陳家明", "港聞財經")
    assert (document.date, document.date_inferred) == ("2024-08-21", False)
    assert document.script == "traditional"


def test_a_date_only_in_meta_is_the_documents_date():
    document = html_input.parse_html(encoded_page("meta_date.html", "utf-8"), "rrr.html")
    assert (document.date, document.date_inferred) == ("2023-09-14", False)
    assert document.source == "https://news.example.cn/2023/rrr.html"
    assert texts(document)[0].startswith("中国人民银行今天宣布，将于9月15日下调")
    assert len(document.paragraphs) == 3
    assert_no_chrome(document)


@pytest.mark.parametrize("declared", ["", '<meta charset="utf-8">', '<meta charset="no-such-charset">'])
def test_gbk_bytes_are_read_as_gbk_whatever_the_page_declares(declared):
    page = (PAGES / "portal_gbk.html").read_text(encoding="utf-8")
    page = page.replace('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', declared)
    document = html_input.parse_html(page.encode("gbk"), "portal.html")
    assert texts(document) == CATL_BODY
    assert not document.warnings


def test_the_http_header_charset_comes_before_detection():
    page = encoded_page("hk_big5.html", "big5").replace(b'<meta charset="big5">', b"")
    text, codec, bad = html_input.decode_page(page, "hk.html", header="text/html; charset=Big5")
    assert codec == "cp950" and bad == 0 and "港交所上半年盈利創新高" in text


def test_markup_in_the_page_text_stays_text():
    page = ("<html><head><meta charset='utf-8'><title>测试</title></head><body><article>"
            "<p>公司公告称“[bold red]利好[/]”一词并非 &lt;b&gt;标记&lt;/b&gt;，投资者应理性看待本次股价的上涨。</p>"
            "<p>分析师认为，这家公司的基本面没有发生变化，短期波动不改长期趋势，建议继续观察。</p>"
            "</article></body></html>").encode("utf-8")
    document = html_input.parse_html(page, "markup.html")
    assert "“[bold red]利好[/]”一词并非 <b>标记</b>，" in texts(document)[0]


def test_a_page_without_article_text_is_refused_in_one_line():
    page = b"<html><head><title>x</title></head><body><nav><a href='/'>home</a></nav></body></html>"
    with pytest.raises(SourceError, match="no article text"):
        html_input.parse_html(page, "empty.html")


@pytest.mark.parametrize("data, name, expected", [
    (b"<!DOCTYPE html><html><body>", "page", True),
    (b"\xef\xbb\xbf  <html lang='zh'>", "-", True),
    (b"<!-- saved --><html>", "x", True),
    (b"<?xml version='1.0' encoding='utf-8'?>\n<!DOCTYPE html>\n<html xmlns='http://www.w3.org/1999/xhtml'>", "-", True),
    (b"<?xml version='1.0'?><rss version='2.0'>", "feed", False),
    ("公司发布<三季度>报告".encode(), "notes.txt", False),
    (b"# heading\n\n<html> in markdown", "a.md", False),
    (b"", "page.htm", True),
])
def test_html_is_known_by_suffix_or_by_how_it_begins(data, name, expected):
    assert html_input.looks_like_html(data, name) is expected


def test_the_pipeline_opens_a_saved_page_and_caches_the_document(tmp_path):
    path = tmp_path / "catl.html"
    path.write_bytes(encoded_page("portal_gbk.html", "gbk"))
    first = pipeline.load_path(str(path))
    assert texts(first.document) == CATL_BODY and first.origin == str(path)
    again = pipeline.load_path(str(path))
    assert again.document == first.document


def run(*args: str, input: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "b2b_reader", *args], input=input, capture_output=True, timeout=120)


def test_analyze_of_a_page_on_stdin_anchors_relative_dates_on_the_stated_date():
    result = run("analyze", "-", "--json", input=encoded_page("portal_gbk.html", "gbk"))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    document = data["document"]
    assert (document["date"], document["date_inferred"]) == ("2024-10-18", False)
    assert (document["author"], document["site"]) == ("王晓明", "华信财经")
    assert document["source"] == "https://finance.example.com/stock/2024-10-18/doc-123.shtml"
    assert [p["text"] for p in data["paragraphs"]] == CATL_BODY
    next_year = [e for e in data["timeline"] if "预计明年投产" in e["text"]]
    assert next_year and next_year[0]["date"] == "2025"


def test_excerpt_of_a_page_cites_its_canonical_url(tmp_path):
    path = tmp_path / "rrr.html"
    path.write_bytes(encoded_page("meta_date.html", "utf-8"))
    result = run("excerpt", str(path), "--paragraph", "2", "--format", "plain")
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    assert "央行有关负责人表示" in out and "https://news.example.cn/2023/rrr.html" in out
    assert "中国人民银行今天宣布" not in out  # paragraph 2 only


def test_opening_text_imports_no_extractor_or_http_client(tmp_path):
    path = tmp_path / "news.txt"
    path.write_text("央行宣布降准。\n\n此次降准释放长期资金超过5000亿元。\n", encoding="utf-8")
    code = ("import sys; from b2b_reader.core import pipeline; pipeline.load_path(sys.argv[1]); "
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'trafilatura', 'ebooklib', 'urllib3', 'lxml'}))")
    result = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_escape_sequences_in_a_page_never_reach_the_terminal():
    page = ("<html><head><meta charset='utf-8'><title>标题\x1b]2;pwned\x07</title>"
            "<meta property='og:title' content='央行降准\x1b]52;c;aGk=\x07'></head><body><article>"
            "<p>中国人民银行宣布下调存款准备金率\x1b[31m0.25个百分点\x9b2J，释放长期资金超过5000亿元。</p>"
            "<p>业内人士预计，年内仍有进一步降息降准的空间，市场利率有望继续下行，利好实体经济。</p>"
            "</article></body></html>").encode("utf-8")
    result = run("-", input=page)  # standard output is no terminal: the text is printed
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    assert "\x1b" not in out and "\x07" not in out and "\x9b" not in out
    assert "央行降准" in out.splitlines()[0] and "释放长期资金超过5000亿元。" in out


def test_a_saved_page_without_a_suffix_is_known_by_its_content(tmp_path):
    path = tmp_path / "downloaded-page"
    path.write_bytes(encoded_page("hk_big5.html", "big5"))
    document = pipeline.load_path(str(path)).document
    assert document.title == "港交所上半年盈利創新高" and len(document.paragraphs) == 3


def test_tables_lists_and_inline_markup_keep_their_text_and_nothing_else():
    document = html_input.parse_html((PAGES / "ipo_table.html").read_bytes(), "ipo.html")
    assert [(s.title, [document.paragraphs[i].text for i in s.paragraphs]) for s in document.sections] == [
        (None, ["智谱今日在港交所挂牌上市，首日股价上涨超过30%，市值突破千亿港元。"]),
        ("财务数据", ["招股书显示，公司近两年收入快速增长，但研发投入也随之大幅增加：",
                  "| 财务指标 | 2023年 | 2024年 |", "| 收入 | 1.245亿元 | 3.124亿元 |", "| 毛利率 | 64.6% | 56.3% |"]),
        ("资金用途", ["公司表示，募集资金将主要用于以下方面：一是大模型研发；二是商业化落地。",
                  "加大基础模型的研发投入，提升推理能力。", "拓展海外市场，建设本地化团队。",
                  "分析人士认为，随着人工智能应用加速落地，公司收入有望保持高速增长态势。"]),
    ]
    assert_no_chrome(document)
    assert "明天就去买" not in "".join(texts(document)) and "另一家" not in "".join(texts(document))
    assert (document.author, document.site, document.date) == ("刘洋", "科技财经网", "2026-01-08")


def test_an_excerpt_of_a_page_cites_author_site_and_canonical_url(tmp_path):
    path = tmp_path / "catl.html"
    path.write_bytes(encoded_page("portal_gbk.html", "gbk"))
    result = run("excerpt", str(path), "--paragraph", "3", "--format", "plain")
    assert result.returncode == 0, result.stderr
    assert ("Source: 王晓明 · 华信财经 · https://finance.example.com/stock/2024-10-18/doc-123.shtml. "
            "Date: 2024-10-18.") in result.stdout.decode()
