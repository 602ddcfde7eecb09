"""Start-up: what is paused for the first frame runs again after it."""

from __future__ import annotations

import gc

from b2b_reader.app import ReaderApp
from b2b_reader.core import pipeline

from .conftest import article_lines, wait_for


async def test_collector_paused_by_the_command_line_runs_again_after_the_first_frame():
    # cli._read turns the collector off for start-up; the app must turn it back on, or a
    # long reading session would never collect cycles.
    app = ReaderApp(pipeline.load_default())
    gc.disable()
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_for(pilot, gc.isenabled)
            assert gc.get_freeze_count() > 0  # start-up's objects are out of later passes
            assert article_lines(app)[0].startswith("▌ 雙11")
    finally:
        gc.unfreeze()
        gc.enable()



async def test_the_analysis_is_kept_out_of_later_collections():
    # A full collection scanning 10^5 spans took 30-40 ms, landing on keys (1M-character
    # document: p90 of `t` 46-56 ms before, 18-22 after; bench/startup.py).
    from .conftest import wait_for_analysis

    app = ReaderApp(pipeline.load_default())
    gc.unfreeze()
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_for_analysis(pilot)
            await wait_for(pilot, lambda: gc.get_freeze_count() >= len(app.screen.analysis.spans))
    finally:
        gc.unfreeze()
