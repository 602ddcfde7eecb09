"""The shelf: documents opened are recorded with title, source, date, progress and last
read; `b2b-reader library` lists them; one that moved or vanished says so."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

from b2b_reader.core import library, pipeline
from b2b_reader.core.source import SourceError
from b2b_reader.core.store import StateStore

ARTICLE = ("---\ntitle: 比亚迪十月销量创新高\ndate: 2024-11-01\n---\n\n"
           "比亚迪11月1日公布，10月新能源汽车销量超过50万辆，同比增长66%。\n\n"
           "其中，海外销量为3.1万辆，较上月有所回落。\n\n"
           "分析人士认为，年底前公司月销量有望继续攀升。\n\n"
           "公司股价当日上涨3%，市值接近万亿元。\n")


def opened(store: StateStore, path) -> pipeline.Loaded:
    loaded = pipeline.load_path(str(path))
    assert library.record(store, loaded)
    return loaded


def test_an_opened_document_is_on_the_shelf_with_its_progress(tmp_path):
    path = tmp_path / "byd.md"
    path.write_text(ARTICLE, encoding="utf-8")
    store = StateStore()
    loaded = opened(store, path)
    store.set_position(pipeline.document_key(loaded.document), 2)  # read up to the third paragraph
    (entry,) = library.entries(store)
    assert (entry.title, entry.origin, entry.date) == ("比亚迪十月销量创新高", str(path), "2024-11-01")
    assert entry.progress == "¶ 3/4 (75%)"
    assert entry.last_read.endswith("Z") and entry.problem() is None
    again, notes = library.reopen(entry)
    assert again.document == loaded.document and notes == []


def test_last_read_comes_first_and_the_embedded_article_reopens(tmp_path):
    store = StateStore()
    path = tmp_path / "byd.md"
    path.write_text(ARTICLE, encoding="utf-8")
    opened(store, path)
    embedded = pipeline.load_default()
    library.record(store, embedded)
    shelf = library.entries(store)
    assert [e.origin for e in shelf] == [pipeline.EMBEDDED, str(path)]
    entry = next(e for e in shelf if e.origin == pipeline.EMBEDDED)
    assert entry.source == "the embedded article"
    assert library.reopen(entry)[0].document == embedded.document


def test_a_moved_file_says_so_and_an_edited_one_opens_as_new(tmp_path):
    store = StateStore()
    moved, edited = tmp_path / "moved.md", tmp_path / "edited.md"
    moved.write_text(ARTICLE, encoding="utf-8")
    edited.write_text(ARTICLE.replace("较上月有所回落", "较上月略有回落"), encoding="utf-8")
    opened(store, moved)
    opened(store, edited)
    moved.rename(tmp_path / "elsewhere.md")
    edited.write_text(ARTICLE.replace("同比增长66%", "同比增长67%"), encoding="utf-8")
    by_origin = {e.origin: e for e in library.entries(store)}
    gone = by_origin[str(moved)]
    assert gone.problem() == f"moved or deleted: {moved} is not there any more"
    try:
        library.reopen(gone)
    except SourceError as error:
        assert "moved or deleted" in str(error)
    else:
        raise AssertionError("a vanished file reopened")
    _, notes = library.reopen(by_origin[str(edited)])
    assert notes and "changed since it was last read" in notes[0]


def test_an_older_state_database_gains_the_shelf_and_keeps_its_positions(tmp_path):
    directory = tmp_path / "state"
    directory.mkdir()
    db = sqlite3.connect(directory / "state.db")  # the layout before the shelf
    db.executescript("CREATE TABLE documents (key TEXT PRIMARY KEY, position INTEGER, date TEXT, "
                     "seen TEXT NOT NULL DEFAULT '');"
                     "CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT);"
                     "INSERT INTO meta VALUES ('migrated', '2026-01-01T00:00:00Z');"
                     "INSERT INTO documents VALUES ('k1', 7, NULL, '2026-01-01T00:00:00Z');")
    db.commit()
    db.close()
    store = StateStore(directory)
    assert store.position("k1") == 7
    assert library.entries(store) == []
    assert store.record_opened("k1", "旧文档", "/nowhere/old.txt", None, 10)
    (entry,) = library.entries(store)
    assert entry.position == 7 and entry.progress == "¶ 8/10 (80%)"
    assert not store.drain_warnings()


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "b2b_reader", *args], capture_output=True, timeout=120)


def test_cli_library_lists_the_shelf_as_inert_plain_text(tmp_path):
    assert run("library").stdout.decode() == "The shelf is empty: documents opened in the reader are listed here.\n"
    store = StateStore()
    path = tmp_path / "byd.md"
    path.write_text(ARTICLE.replace("比亚迪十月销量创新高", "比亚迪\x1b]52;c;aGk=\x07十月销量"), encoding="utf-8")
    loaded = opened(store, path)
    store.set_position(pipeline.document_key(loaded.document), 1)
    store.record_opened("gone", "已删除的文章", str(tmp_path / "deleted.txt"), None, 3)
    store.close()
    result = run("library")
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    assert "\x1b" not in out and "\x07" not in out
    assert "比亚迪\ufffd]52;c;aGk=\ufffd十月销量" in out
    assert str(path) in out and "2024-11-01 · ¶ 2/4 (50%) · last read " in out
    assert f"! moved or deleted: {tmp_path / 'deleted.txt'} is not there any more" in out


def test_rows_of_another_shape_are_skipped_not_shown(tmp_path):
    store = StateStore()
    assert store.record_opened("good", "好文章", str(tmp_path / "a.txt"), "2024-01-02", 5)
    store._connection().execute("INSERT INTO shelf VALUES ('bad', 7, x'00', 3.5, 'many', '')")
    assert [e.key for e in library.entries(store)] == ["good"]
