"""Nothing crashes: the reader's failure paths of issue 17 end in a message, the reader usable."""

from __future__ import annotations

import json
from pathlib import Path

from b2b_reader.app import ReaderApp
from b2b_reader.core import cache, pipeline, state

from .conftest import article_lines, status_text, wait_for, wait_for_analysis
from .test_search import type_query

SIZE = (100, 30)


def messages(app: ReaderApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_a_failed_analysis_is_a_message_and_the_reader_goes_on(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("the tagger's model file is damaged")

    monkeypatch.setattr(pipeline, "analyze", broken)
    app = ReaderApp(pipeline.load_default())
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: "analysis failed" in status_text(app))
        assert any("Analysis failed (RuntimeError: the tagger's model file is damaged)" in m for m in messages(app))
        await pilot.press("j", "j", "t", "right_square_bracket", "slash", *"1688", "enter", "c")
        assert app.is_running and app.screen.article.cursor > 0
        assert any("1688" in line for line in article_lines(app))


async def test_section_jumps_and_bookmarks_leave_a_filtered_view(default_app):
    async with default_app.run_test(size=SIZE) as pilot:
        await wait_for_analysis(pilot)
        screen = default_app.screen
        article = screen.article
        await type_query(pilot, "SHEIN")
        await pilot.press("enter", "F")
        shown = set(article.only)
        for key in ("right_square_bracket", "right_square_bracket", "left_square_bracket", "left_square_bracket"):
            await pilot.press(key)
            assert default_app.is_running
        # a section's first paragraph the filter hid: the whole document is back, cursor on it
        assert article.only is None or article.cursor in article.only
        hidden = next(i for i in range(len(screen.views)) if i not in shown)
        screen.remembered.store.add_bookmark(screen.remembered.doc_key, hidden)
        await type_query(pilot, "SHEIN")
        await pilot.press("enter", "F")
        assert article.only == shown
        await pilot.press("apostrophe")
        await pilot.pause()
        await pilot.press("enter")  # jump to the bookmark the filter hides
        await pilot.pause()
        assert article.cursor == hidden and article.only is None
        assert screen.views.get(screen.script, screen.variant, hidden).text[:6] in "".join(article_lines(default_app))


async def test_a_bookmark_beyond_the_end_is_left_out(default_app):
    store = state.StateStore()
    key = pipeline.document_key(default_app.loaded.document)
    store.add_bookmark(key, 5)
    store.add_bookmark(key, 4000)  # written for a longer document, or by hand
    async with default_app.run_test(size=SIZE) as pilot:
        await pilot.press("apostrophe")
        await pilot.pause()
        dialog = default_app.screen
        assert [m.paragraph for m in dialog.bookmarks] == [5]
        await pilot.press("enter")
        await pilot.pause()
        assert default_app.screen.article.cursor == 5


async def test_a_deeply_nested_state_file_is_set_aside(_isolated_home):
    directory = Path(_isolated_home) / "state"
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "state.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    app = ReaderApp(pipeline.load_default())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert any("nested too deeply" in m and "moved to state.json.corrupt-" in m for m in messages(app))
        await pilot.press("j", "m")
        await pilot.pause()
    assert [b.paragraph for b in state.StateStore().bookmarks(pipeline.document_key(app.loaded.document))] == [1]


async def test_an_impossible_date_in_the_front_matter_in_the_reader():
    loaded = pipeline.load_text("---\ntitle: 淘宝\ndate: 2023-02-30\n---\n\n2023年淘宝今年3月的成交额增长了。\n", "d.md")
    app = ReaderApp(loaded)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_analysis(pilot)
        await pilot.pause(1.2)  # the reader once failed a second after opening
        assert app.is_running and app.screen.analysis is not None
        assert any("'2023-02-30' is not a date" in m for m in messages(app))
        assert app.screen.analysis.date.startswith("2023")


def _mutations(entry: dict) -> list:
    """Valid JSON of the wrong shape, as a damaged or hand-edited cache holds it (the
    compact form: spans as six columns and a string table, events as rows)."""
    (paragraphs, starts, ends, layers, types, keys), strings = entry["spans"]
    events = entry["events"]

    def spans(**changed):
        columns = {"p": paragraphs, "s": starts, "e": ends, "l": layers, "t": types, "k": keys, **changed}
        return {**entry, "spans": [list(columns.values()), strings]}

    return [
        {**entry, "spans": {}}, spans(p=["0", *paragraphs[1:]]), spans(s=[ends[0] + 1, *starts[1:]]),
        {**entry, "spans": [entry["spans"][0][:4], strings]}, spans(p=[True, *paragraphs[1:]]),
        spans(p=[-1, *paragraphs[1:]]), spans(k=[len(strings), *keys[1:]]), spans(p=paragraphs[:-1]),
        {**entry, "spans": [entry["spans"][0], [1]]}, {**entry, "glossary": [{"term": 1}]},
        {**entry, "glossary": [{**entry["glossary"][0], "occurrences": [[0, "a", 1]]}]},
        {**entry, "events": [[*events[0][:8], "一", *events[0][9:]]]}, {**entry, "events": [{"date": "2023"}]},
        {**entry, "events": [[1, 2]]}, {**entry, "date": 2023}, {**entry, "date": "2023-13-45"},
        {**entry, "date_inferred": "yes"}, {**entry, "warnings": "oops"}, {**entry, "warnings": [1]},
        {k: v for k, v in entry.items() if k != "events"}, {**entry, "form": 1}, [entry], "analysis",
    ]


async def test_cache_entries_of_the_wrong_shape_are_misses(default_analysed):
    loaded, views, analysis = default_analysed
    pipeline.analyze(loaded.document, pipeline.make_views(loaded.document))  # writes the entry
    (entry_path,) = (cache.cache_dir() / "analysis").glob("*.json")
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    spans = len(entry["spans"][0][0])
    for mutation in _mutations(entry):
        entry_path.write_text(json.dumps(mutation, ensure_ascii=False), encoding="utf-8")
        again = pipeline.analyze(loaded.document, pipeline.make_views(loaded.document))
        assert len(again.spans) == spans, mutation if not isinstance(mutation, dict) else list(mutation)
    # and a damaged view entry: the reader opens on the converted text all the same
    pipeline.store_view(views, "traditional", "tw")
    for path in (cache.cache_dir() / "views").glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        data["paragraphs"][0] = [7, None]
        data["paragraphs"][1][1] = [[0, 99], [5]]
        path.write_text(json.dumps(data), encoding="utf-8")
    app = ReaderApp(pipeline.load_default(), script="traditional", variant="tw")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_analysis(pilot)
        assert any("雙11激戰正酣" in line for line in article_lines(app))
