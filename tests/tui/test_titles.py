"""A plain-text article's title and headings: shown as such, highlighted, searchable."""

from rich.style import Style

from b2b_reader.widgets.annotation_styles import foreground
from b2b_reader.app import ReaderApp
from b2b_reader.core import pipeline

from .conftest import status_text, wait_for, wait_for_analysis

ARTICLE = (
    "阿里巴巴将1688升为一级业务\n\n"
    "2023年11月，阿里巴巴宣布重新梳理国内电商业务板块，将闲鱼、1688提升为一级业务。\n"
    "淘天集团总裁戴珊亲自到一线指挥作战。\n\n"
    "戴珊与下沉市场\n\n"
    "1688这个熟悉又陌生的名字以这种方式走向台前，或许会令人稍感诧异。\n"
)


def _runs(text) -> dict[str, str]:
    return {text.plain[s.start:s.end]: str(s.style) for s in text.spans}


def _app() -> ReaderApp:
    return ReaderApp(pipeline.load_text(ARTICLE, "a.txt"), script="simplified")


async def test_the_title_bar_shows_the_headline_with_its_entity_highlighted():
    app = _app()
    async with app.run_test(size=(100, 24)) as pilot:
        await wait_for_analysis(pilot)
        title_bar = app.screen.query_one("#title")
        assert title_bar.render_line(0).text.startswith("阿里巴巴将1688升为一级业务")
        assert "a.txt" not in title_bar.render_line(0).text
        article = app.screen.query_one("#article")
        org = str(foreground(article.get_component_rich_style("article--org")))
        assert _runs(title_bar.content)["阿里巴巴"] == org
        # Paragraph numbering is the body's: the headline is not ¶ 1.
        assert article.views.document.paragraphs[0].text.startswith("2023年11月")
        await pilot.press("H")  # highlighting off: off in the title bar too
        assert "阿里巴巴" not in _runs(title_bar.content)


async def test_a_heading_line_is_highlighted_and_found_by_search():
    app = _app()
    async with app.run_test(size=(100, 24)) as pilot:
        await wait_for_analysis(pilot)
        article = app.screen.query_one("#article")
        heading = article.viewport.blocks[article.viewport.heading_block[1]]
        runs = _runs(article.block_text(heading))
        assert runs["戴珊"] == str(foreground(article.get_component_rich_style("article--person")))
        term = article.get_component_rich_style("article--term")  # a term adds its shade and line
        assert runs["下沉市场"] == str(Style(bgcolor=term.bgcolor, overline=True))
        await pilot.press("slash", *"下沉")
        await wait_for(pilot, lambda: article.search_query == "下沉")
        search = str(article.get_component_rich_style("article--search"))
        assert search in _runs(article.block_text(heading)).values()
        # The body never says 下沉: the status line says where the match is.
        await wait_for(pilot, lambda: "only in the title or headings (1)" in status_text(app))
        # The title bar marks a query the title holds.
        await pilot.press("escape")
        await pilot.press("slash", *"一级")
        await wait_for(pilot, lambda: article.search_query == "一级")
        title = app.screen.query_one("#title").content
        assert _runs(title).get("一级") == search


async def test_a_document_that_opens_on_a_heading_is_shown():
    # Its first block is a heading: laid out before the article had its styles, it crashed
    # the reader (KeyError on article--heading) instead of showing the document.
    text = "# 年度报告\n\n## 第一章 市场概况\n\n阿里巴巴宣布重新梳理国内电商业务板块。\n"
    app = ReaderApp(pipeline.load_text(text, "report.md"), script="simplified")
    async with app.run_test(size=(100, 24)) as pilot:
        await wait_for_analysis(pilot)
        article = app.screen.article
        assert article.viewport.blocks[0].kind == "heading"
        lines = [article.render_line(y).text.strip() for y in range(4)]
        assert lines[0] == "第一章 市场概况" and "阿里巴巴宣布" in lines[2]
