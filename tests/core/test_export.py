"""Export of the whole annotated document as Markdown, JSON and self-contained HTML."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser

import pytest

from b2b_reader.core import pipeline
from b2b_reader.core.export import export


@pytest.fixture(scope="module")
def article():
    loaded = pipeline.load_default()
    views = pipeline.make_views(loaded.document)
    analysis = pipeline.analyze(loaded.document, views, use_cache=False)
    return loaded, views, analysis


@pytest.fixture(scope="module")
def page(article) -> str:
    return export(*article, "html")


class Collector(HTMLParser):
    """Tags, attributes and text of a page, as a browser would parse them."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.stack: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in ("meta", "br"):
            self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1:]}>"
        self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def parse(page: str) -> Collector:
    collector = Collector()
    collector.feed(page)
    collector.close()
    assert collector.stack == [], "unclosed elements"
    return collector


def test_html_is_self_contained_and_well_nested(page):
    doc = parse(page)
    tags = {tag for tag, _ in doc.tags}
    assert "script" not in tags and "link" not in tags and "img" not in tags
    assert not re.search(r"(src|href)=\"(https?:)?//", page) and "@import" not in page and "url(" not in page
    assert all(attrs["href"].startswith("#") for tag, attrs in doc.tags if tag == "a")
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page


def test_html_styles_entities_and_terms_with_a_legend(page):
    doc = parse(page)
    classes = [attrs.get("class", "") for _, attrs in doc.tags]
    for kind in ("person", "org", "place", "date", "number", "event", "product"):
        assert f"e-{kind}" in classes, kind
        # each type has a mark that is not a colour
        rule = re.search(rf"\.e-{kind} \{{([^}}]*)\}}", page).group(1)
        assert re.search(r"text-decoration|font-weight|font-style", rule) or f".e-{kind}::before" in page, kind
    legend = next(attrs for tag, attrs in doc.tags if attrs.get("class") == "legend")
    assert legend is not None and "glossary term" in page
    person = [attrs for tag, attrs in doc.tags if attrs.get("class") == "e-person"]
    assert {"title": "person: 余涌", "class": "e-person"} in person
    b2b = [attrs["title"] for tag, attrs in doc.tags if attrs.get("class") == "t" and attrs.get("title", "").startswith("B2B —")]
    assert b2b and "business-to-business" in b2b[0]
    text = "".join(doc.text)
    assert "今年1月,1688总裁余涌(花名:朴初 )在商家跨年活动上表示" in text  # spans do not break the text
    assert "Glossary" in text and "business-to-business" in text


def test_html_paragraphs_are_numbered_as_in_the_reader(page):
    doc = parse(page)
    ids = [attrs["id"] for tag, attrs in doc.tags if tag == "p" and "id" in attrs]
    assert ids == [f"p{i}" for i in range(1, 44)]
    assert sum(attrs.get("class") == "caption" for tag, attrs in doc.tags if tag == "p") == 3


def test_html_of_a_hostile_document_is_inert():
    text = "# 标题<script>alert(1)</script>\n\n阿里巴巴<script>alert(1)</script>在杭州<img src=x onerror=alert(2)>。\x1b]0;x\x07\n"
    loaded = pipeline.load_text(text, "evil.md")
    views = pipeline.make_views(loaded.document)
    analysis = pipeline.analyze(loaded.document, views, use_cache=False)
    page = export(loaded, views, analysis, "html")
    doc = parse(page)
    assert "<script>" not in page and "<img" not in page and "\x1b" not in page and "\x07" not in page
    assert {tag for tag, _ in doc.tags} <= {"html", "head", "meta", "title", "style", "body", "h1", "p", "a", "span",
                                            "h2", "dl", "dt", "dd", "br"}
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "阿里巴巴<script>alert(1)</script>在杭州" in html.unescape("".join(doc.text))


def test_markdown_export_has_sections_notes_and_glossary(article):
    md = export(*article, "md")
    assert md.startswith("# 阿里最古老的业务走向台前：1688升为一级业务\n")
    assert md.count("\n## ") == 4  # three sections and the glossary
    assert "## 承接下沉市场红利　1688比淘特更靠谱?" in md
    assert "\n*(图片来自小红书)*\n" in md  # a caption, in italics
    notes = md.split("## 不甘当淘宝配角")[1].split("\n## ")[0]
    assert "> - *People*: " in notes and "余涌 (朴初)" in notes
    assert "今年1月 → 2023-01 (month; relative to the document date)" in notes
    glossary = md.split("## Glossary")[1]
    assert "- **B2B**: business-to-business" in glossary
    assert glossary.count("\n- ") == len(article[2].glossary)


def test_markdown_export_in_traditional(article):
    md = export(*article, "md", script="traditional", variant="tw")
    assert "1688總裁余涌(花名:樸初 )" in md and "餘湧" not in md


def test_json_export_is_the_analysis(article):
    data = json.loads(export(*article, "json"))
    assert data["schema"] == 1 and data["annotated"] is True
    assert len(data["paragraphs"]) == 43
    for entity in data["entities"]:
        assert data["paragraphs"][entity["paragraph"]]["text"][entity["start"]:entity["end"]] == entity["text"]


def test_export_without_analysis_says_so(article):
    loaded, views, _ = article
    md = export(loaded, views, None, "md")
    assert "not ready" in md and "双11激战正酣" in md and "## Glossary" not in md
    assert json.loads(export(loaded, views, None, "json"))["entities"] == []
    assert "Annotations were not ready" in export(loaded, views, None, "html")


def test_unknown_format(article):
    with pytest.raises(ValueError):
        export(*article, "pdf")


def test_export_of_a_saved_page_cites_its_author_site_and_canonical_url():
    """The page's metadata is the document's, in the export's header as in an excerpt's citation."""
    from .test_html_input import encoded_page

    loaded = pipeline.load_page(encoded_page("portal_gbk.html", "gbk"), "portal.html")
    views = pipeline.make_views(loaded.document)
    markdown = export(loaded, views, None, "md")
    assert markdown.startswith("# 宁德时代三季度净利润同比增长25%\n")
    assert ("Source: 王晓明 · 华信财经 · https://finance.example.com/stock/2024-10-18/doc-123.shtml. "
            "Date: 2024-10-18.") in markdown
    assert "10月18日晚间，宁德时代发布2024年第三季度报告" in markdown
