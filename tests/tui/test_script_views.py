"""Script views in the reader: spans land on their words in every variant; a traditional
source opens as written, and the chosen view is remembered."""

from __future__ import annotations

from b2b_reader.widgets.annotation_styles import foreground
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
        person = str(foreground(article.get_component_rich_style("article--person")))
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


# A Taiwan news article, written the Taiwan way: 台積電 (not 臺積電), 公布 (not 公佈).
TAIWAN = """# 台積電公布第三季財報

台積電董事長魏哲家表示，公司今年第三季營收創新高，並公布財報。

## 台積電公布擴大投資

台積電將在台灣與日本擴大投資，新廠預計明年量產。
"""


def _title(app) -> str:
    return app.screen.query_one("#title").render_line(0).text.strip()


def _taiwan(tmp_path) -> pipeline.Loaded:
    path = tmp_path / "tsmc.md"
    path.write_text(TAIWAN, encoding="utf-8")
    return pipeline.load_path(str(path))


async def test_a_traditional_source_opens_as_written_and_the_choice_is_remembered(tmp_path):
    from b2b_reader.core import state

    from .conftest import article_lines, status_text

    loaded = _taiwan(tmp_path)
    assert loaded.document.script == "traditional"
    app = ReaderApp(loaded)
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        assert "Source as given" in status_text(app)
        text = "\n".join(article_lines(app))
        assert "台積電董事長魏哲家表示" in text and "公布財報" in text
        assert "臺積電" not in text and "公佈" not in text
        assert _title(app) == "台積電公布第三季財報"
        await wait_for_analysis(pilot)
        outline = app.screen.query_one("#outline")
        headings = [str(outline.get_option_at_index(i).prompt) for i in range(outline.option_count)]
        assert any("台積電公布擴大投資" in h for h in headings)  # the outline as written too
        await pilot.press("t")  # converted views one key away
        assert "Simplified" in status_text(app)
        assert "台积电董事长魏哲家" in "\n".join(article_lines(app))
        await pilot.press("T")  # the traditional variants, rewritten by OpenCC
        assert "Traditional" in status_text(app)
        assert "公佈財報" in "\n".join(article_lines(app))
        await pilot.press("s")  # back to the text as written
        assert "Source as given" in status_text(app)
        await pilot.press("t")
        assert "Simplified" in status_text(app)
    settings = state.load_settings()[0]
    assert settings.traditional_script == "simplified"  # remembered for traditional sources
    assert settings.script == "traditional"  # simplified sources keep their own choice
    again = ReaderApp(_taiwan(tmp_path))
    async with again.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        assert "Simplified" in status_text(again)


async def test_a_simplified_source_still_opens_converted():
    from .conftest import status_text

    loaded = pipeline.load_text("# 京东\n\n京东集团首席执行官许冉表示，用户规模持续增长。\n", "jd.md")
    assert loaded.document.script == "simplified"
    app = ReaderApp(loaded)
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        assert "Traditional (Taiwan)" in status_text(app)
    default = ReaderApp(pipeline.load_default())  # the embedded article: converted, as before
    async with default.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        assert "Traditional (Taiwan)" in status_text(default)
