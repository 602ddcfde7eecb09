"""Script views in the reader: spans land on their words in every variant; a traditional
source opens as written, and the chosen view is remembered."""

from __future__ import annotations

from b2b_reader.app import ReaderApp
from b2b_reader.core import pipeline
from b2b_reader.core.script import converter

from .conftest import wait_for_analysis
from .test_annotations import styled_runs

# 首席执行官 → 執行長 (-2) before 许冉, 互联网 → 網際網路 and 用户 → 使用者 (+1 each) after it:
# the Taiwan-phrasing paragraph keeps its total length while every word in between moves.
CEO = "京东集团首席执行官许冉表示，互联网用户增长了，京东物流的订单也在增加。"


async def test_taiwan_phrasing_highlights_land_on_their_words():
    loaded = pipeline.load_text(f"# 京东\n\n{CEO}\n", "ceo.md")
    app = ReaderApp(loaded, script="traditional", variant="twp")
    async with app.run_test(size=(100, 24)) as pilot:
        await wait_for_analysis(pilot)
        screen = app.screen
        article = screen.query_one("#article")
        person = str(article.get_component_rich_style("article--person"))
        runs = styled_runs(app, 0)
        assert runs.get("許冉") == person
        assert "表示" not in runs
        view = screen.views.get("traditional", "twp", 0)
        canonical = screen.views.canonical(0)
        spans = [s for s in screen.analysis.spans if s.paragraph == 0]
        assert spans
        for span in spans:  # every span's text in the view is its own conversion
            start, end = view.map.to_view(span.start), view.map.to_view(span.end, end=True)
            assert view.text[start:end] == converter("s2twp")(canonical[span.start:span.end])
