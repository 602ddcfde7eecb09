"""A saved web page in the reader: the article's paragraphs and headings, nothing of the page around it."""

from __future__ import annotations

from pathlib import Path

from b2b_reader.app import ReaderApp
from b2b_reader.core import pipeline

from .conftest import article_lines, wait_for_analysis

PAGES = Path(__file__).resolve().parents[1] / "data" / "pages"


async def test_a_gbk_page_reads_as_its_article(tmp_path):
    path = tmp_path / "catl.html"
    path.write_bytes((PAGES / "portal_gbk.html").read_text("utf-8").encode("gbk"))
    app = ReaderApp(pipeline.load_path(str(path)), script="simplified")
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_for_analysis(pilot)
        shown = "\n".join(article_lines(app))
        assert "10月18日晚间，宁德时代发布2024年第三季度报告" in shown
        assert "海外业务加速扩张" in shown  # the section heading
        for furniture in ("首页", "相关阅读", "网友评论", "热门推荐", "广告", "作者："):
            assert furniture not in shown
        title = str(app.screen.query_one("#title").content)
        assert "宁德时代三季度净利润同比增长25%" in title and "2024-10-18" in title
        assert app.screen.analysis.date == "2024-10-18" and not app.screen.analysis.date_inferred
