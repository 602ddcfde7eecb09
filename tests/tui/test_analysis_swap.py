"""Analysis results reach the reader one way: new views and analysis, swapped in by the UI
thread, and a superseded analysis (the date changed while it ran) never shows."""

from __future__ import annotations

import threading

from b2b_reader.app import ReaderApp
from b2b_reader.core import pipeline

from .conftest import wait_for

SIZE = (100, 30)


async def test_an_analysis_superseded_by_a_new_date_never_overwrites_the_newer_one(monkeypatch):
    real = pipeline.analyze
    release, finished = threading.Event(), threading.Event()
    dates: list[str | None] = []

    def first_one_late(document, views, date=None, **kwargs):
        dates.append(date)
        result = real(document, views, date, **kwargs)
        if len(dates) == 1:  # the analysis with the document's own date ends last
            release.wait(60)
            finished.set()
        return result

    monkeypatch.setattr(pipeline, "analyze", first_one_late)
    app = ReaderApp(pipeline.load_default())
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: dates == [None], tries=400)
        screen = app.screen
        before = screen.views
        await pilot.press("D")
        await pilot.pause()
        app.screen.query_one("#date-input").value = ""
        await pilot.press(*"2021-05", "enter")
        await wait_for(pilot, lambda: screen.analysis is not None, tries=400)
        newer, views = screen.analysis, screen.views
        assert newer.date == "2021-05" and not newer.date_inferred
        assert views is not before  # new views, cut at the new analysis
        release.set()
        await wait_for(pilot, finished.is_set)
        for _ in range(5):
            await pilot.pause(0.05)
        assert screen.analysis is newer and screen.views is views and screen.article.views is views
        assert "2021-05" in str(screen.query_one("#title").content)


def test_only_the_newest_generation_is_current():
    generations = pipeline.Generations()
    first = generations.start()
    second = generations.start()  # the date changed: a new analysis
    assert not generations.is_current(first) and generations.is_current(second)


def test_analysed_views_are_new_and_the_old_ones_unchanged():
    loaded = pipeline.load_text("首席执行官许冉表示，互联网用户增长了。\n\n京东集团发布了财报。", "t.txt")
    views = pipeline.make_views(loaded.document)
    uncut = views.get("traditional", "twp", 0)
    result = pipeline.analysed(loaded.document, views, generation=3)
    assert result.generation == 3 and result.views is not views
    assert views.get("traditional", "twp", 0) is uncut
    for span in result.analysis.spans:  # every span has its own text in the cut view
        view = result.views.get("traditional", "twp", span.paragraph)
        shown = view.text[view.map.to_view(span.start):view.map.to_view(span.end, end=True)]
        assert shown and view.map.to_canonical(view.map.to_view(span.start)) == span.start
