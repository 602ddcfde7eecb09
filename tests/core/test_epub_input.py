"""An EPUB book built in the test (with ebooklib) opens with its chapters, in spine order,
as sections, and the book's title, author and date as the document's."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from ebooklib import epub

from b2b_reader.core import pipeline
from b2b_reader.core.source import SourceError

CHAPTERS = {
    "exports.xhtml": ("第二章 出口的新动能",
                      "<h2>第二章 出口的新动能</h2>"
                      "<p>2023年，中国新能源汽车出口量首次超过120万辆，同比增长77.6%，成为外贸的一大亮点。</p>"
                      "<blockquote><p>“出口的结构正在发生深刻变化。”一位商务部官员说。</p></blockquote>"),
    "shift.xhtml": ("第一章 产业转移",
                    "<h1>第一章 产业转移</h1>"
                    "<p>过去十年，沿海地区的劳动密集型制造业持续向中西部和东南亚转移。</p>"
                    "<p>与此同时，高端制造环节留在了长三角和珠三角，形成新的分工格局。</p>"
                    "<script>document.write('脚本不是正文')</script>"),
    "notitle.xhtml": ("第三章 展望", "<p>展望未来，制造业的竞争将更多地取决于技术和品牌，而不是成本。</p>"),
}


def build_book(path, spine=("shift.xhtml", "exports.xhtml", "notitle.xhtml")) -> None:
    book = epub.EpubBook()
    book.set_identifier("b2b-test-book")
    book.set_title("中国制造业观察")
    book.set_language("zh")
    book.add_author("李华")
    book.add_metadata("DC", "date", "2024-03-01T08:00:00Z")
    book.add_metadata("DC", "publisher", "经济观察出版社")
    cover = epub.EpubHtml(title="封面", file_name="cover.xhtml", lang="zh")
    cover.content = "<html><body><h1>中国制造业观察</h1></body></html>"  # no paragraph: not a chapter
    book.add_item(cover)
    items = {}
    for file_name, (title, body) in CHAPTERS.items():
        item = epub.EpubHtml(title=title, file_name=file_name, lang="zh")
        item.content = f"<html><body>{body}</body></html>"
        book.add_item(item)
        items[file_name] = item
    book.toc = tuple(items[name] for name in spine)
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    book.spine = ["nav", cover, *(items[name] for name in spine)]
    epub.write_epub(str(path), book)


def test_chapters_in_spine_order_become_sections_with_the_books_metadata(tmp_path):
    path = tmp_path / "book.epub"
    build_book(path)
    loaded = pipeline.load_path(str(path))
    document = loaded.document
    titles = [s.title for s in document.sections]
    assert titles == ["第一章 产业转移", "第二章 出口的新动能", "第三章 展望"]  # spine order, not file order
    texts = [[document.paragraphs[i].text for i in s.paragraphs] for s in document.sections]
    assert texts[0] == ["过去十年，沿海地区的劳动密集型制造业持续向中西部和东南亚转移。",
                        "与此同时，高端制造环节留在了长三角和珠三角，形成新的分工格局。"]
    assert texts[1][1] == "“出口的结构正在发生深刻变化。”一位商务部官员说。"
    assert texts[2] == ["展望未来，制造业的竞争将更多地取决于技术和品牌，而不是成本。"]
    assert "脚本" not in "".join(p.text for p in document.paragraphs)
    assert (document.title, document.author, document.site) == ("中国制造业观察", "李华", "经济观察出版社")
    assert (document.date, document.date_inferred) == ("2024-03-01", False)
    assert loaded.origin == str(path)


def test_a_different_spine_gives_a_different_order(tmp_path):
    path = tmp_path / "book.epub"
    build_book(path, spine=("exports.xhtml", "shift.xhtml", "notitle.xhtml"))
    titles = [s.title for s in pipeline.load_path(str(path)).document.sections]
    assert titles[:2] == ["第二章 出口的新动能", "第一章 产业转移"]


def test_a_damaged_book_is_a_one_line_error(tmp_path):
    path = tmp_path / "broken.epub"
    path.write_bytes(b"PK\x03\x04 this is no zip archive")
    with pytest.raises(SourceError, match="not a readable EPUB book") as caught:
        pipeline.load_path(str(path))
    assert "\n" not in str(caught.value)


def test_cli_analyze_of_a_book(tmp_path):
    path = tmp_path / "book.epub"
    build_book(path)
    result = subprocess.run([sys.executable, "-m", "b2b_reader", "analyze", str(path), "--json"],
                            capture_output=True, timeout=120)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert [s["title"] for s in data["sections"]] == ["第一章 产业转移", "第二章 出口的新动能", "第三章 展望"]
    assert data["document"]["title"] == "中国制造业观察" and data["document"]["author"] == "李华"
    assert any(e["date"] == "2023" and "新能源汽车出口量" in e["text"] for e in data["timeline"])
    broken = tmp_path / "broken.epub"
    broken.write_bytes(b"not a book at all")
    failed = subprocess.run([sys.executable, "-m", "b2b_reader", "analyze", str(broken), "--json"],
                            capture_output=True, timeout=120)
    assert failed.returncode == 1 and failed.stderr.decode().startswith("b2b-reader: ")
    assert failed.stderr.decode().count("\n") == 1
