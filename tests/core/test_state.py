"""Reading state and settings: remembered, shared safely between processes, never lost."""

from __future__ import annotations

import json
import multiprocessing
import os
import time
import tomllib

import pytest

from b2b_reader.core import state
from b2b_reader.core.state import (
    Settings,
    StateStore,
    config_dir,
    content_key,
    load_settings,
    save_settings,
    state_dir,
)

ARTICLE = "阿里巴巴集团于1999年在杭州成立。\n\n二〇一四年，公司在纽约上市。"


def test_content_key_follows_text_not_name() -> None:
    key = content_key(ARTICLE)
    assert len(key) == 32 and key == content_key(str(ARTICLE))
    assert content_key(ARTICLE + "。") != key


def test_home_env_roots_config_and_state(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("B2B_READER_HOME", str(tmp_path))
    assert config_dir() == tmp_path / "config"
    assert state_dir() == tmp_path / "state"
    StateStore().set_position(content_key(ARTICLE), 4)
    assert (tmp_path / "state" / "state.db").is_file()
    assert StateStore().position(content_key(ARTICLE)) == 4


def test_position_restored_by_a_new_store(tmp_path) -> None:
    key = content_key(ARTICLE)
    assert StateStore(tmp_path).position(key) is None
    assert StateStore(tmp_path).set_position(key, 12)
    assert StateStore(tmp_path).position(key) == 12
    StateStore(tmp_path).set_position(key, 3)
    assert StateStore(tmp_path).position(key) == 3


def test_bookmarks_add_list_delete(tmp_path) -> None:
    store = StateStore(tmp_path)
    key = content_key(ARTICLE)
    store.add_bookmark(key, 7, "上市")
    store.add_bookmark(key, 2, "成立")
    store.add_bookmark(key, 7, "纽约上市")  # same paragraph: relabelled, not doubled
    marks = StateStore(tmp_path).bookmarks(key)
    assert [(b.paragraph, b.label) for b in marks] == [(2, "成立"), (7, "纽约上市")]
    assert marks[0].created.endswith("Z")
    assert store.delete_bookmark(key, 2)
    assert not store.delete_bookmark(key, 2)
    assert [b.paragraph for b in store.bookmarks(key)] == [7]
    assert store.bookmarks(content_key("另一篇")) == []
    assert store.warnings == []


def _add_many(directory: str, start: int) -> None:
    store = StateStore(directory)
    for paragraph in range(start, start + 50):
        assert store.add_bookmark("shared-doc", paragraph, f"p{paragraph}") is not None


def test_two_processes_adding_bookmarks_lose_nothing(tmp_path) -> None:
    ctx = multiprocessing.get_context("fork")
    workers = [ctx.Process(target=_add_many, args=(str(tmp_path), start)) for start in (0, 50)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(30)
        assert worker.exitcode == 0
    marks = StateStore(tmp_path).bookmarks("shared-doc")
    assert [b.paragraph for b in marks] == list(range(100))
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_corrupt_database_moved_aside_and_warned(tmp_path) -> None:
    (tmp_path / "state.db").write_bytes(b"this is not a database, it is a letter" * 100)
    store = StateStore(tmp_path)
    assert store.position("k") is None
    assert len(store.warnings) == 1 and str(tmp_path / "state.db") in store.warnings[0]
    aside = [p for p in tmp_path.iterdir() if p.name.startswith("state.db.corrupt-")]
    assert len(aside) == 1 and aside[0].read_bytes().startswith(b"this is not a database")
    assert store.set_position("k", 5) and StateStore(tmp_path).position("k") == 5


def test_state_json_is_migrated_and_kept(tmp_path) -> None:
    raw = {"version": 1, "documents": {
        "k": {"position": 7, "seen": "2026-11-30T10:00:00Z",
              "bookmarks": [{"paragraph": 3, "label": "上市", "created": "2026-11-30T10:00:00Z"}]},
        "bad": {"position": "x", "bookmarks": [{"paragraph": "x"}, {"paragraph": 2}]}}}
    text = json.dumps(raw, ensure_ascii=False)
    (tmp_path / "state.json").write_text(text, encoding="utf-8")
    store = StateStore(tmp_path)
    assert store.position("k") == 7 and [(b.paragraph, b.label) for b in store.bookmarks("k")] == [(3, "上市")]
    assert store.position("bad") is None and [b.paragraph for b in store.bookmarks("bad")] == [2]
    assert store.set_position("k", 8)
    assert (tmp_path / "state.json").read_text(encoding="utf-8") == text  # kept as it was
    # imported once: an older version writing state.json later does not undo newer state
    (tmp_path / "state.json").write_text(json.dumps({"version": 1, "documents": {"k": {"position": 1}}}))
    assert StateStore(tmp_path).position("k") == 8 and store.warnings == []


def test_a_corrupt_or_odd_state_json_is_set_aside_on_migration(tmp_path) -> None:
    (tmp_path / "state.json").write_text('{"version": 1, "documents": {', encoding="utf-8")
    store = StateStore(tmp_path)
    store.add_bookmark("k", 1)
    assert "not valid JSON" in store.warnings[0] and "moved to state.json.corrupt-" in store.warnings[0]
    assert [b.paragraph for b in store.bookmarks("k")] == [1]
    other = tmp_path / "other"
    other.mkdir()
    (other / "state.json").write_text("[1, 2, 3]", encoding="utf-8")
    assert StateStore(other).position("k") is None
    (deep := tmp_path / "deep").mkdir()
    (deep / "state.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    store = StateStore(deep)
    assert store.position("k") is None and "nested too deeply" in store.warnings[0]


def test_a_fifo_as_state_does_not_hang(tmp_path) -> None:
    os.mkfifo(tmp_path / "state.json")
    os.mkfifo(tmp_path / "state.db")
    store = StateStore(tmp_path)
    assert store.set_position("k", 4) and store.position("k") == 4  # no writer: it would block
    assert any("not a regular file" in w for w in store.warnings)


def test_state_dir_that_cannot_be_created(tmp_path) -> None:
    # Root ignores chmod, so make the directory impossible instead: its parent is a file.
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    store = StateStore(blocker / "state")
    assert store.position("k") is None and store.bookmarks("k") == []
    assert store.set_position("k", 3) is False
    assert store.add_bookmark("k", 1) is None
    assert len(store.warnings) == 1 and "not saved" in store.warnings[0]


def test_a_database_locked_by_another_writer_keeps_reads_working(tmp_path) -> None:
    import sqlite3

    store = StateStore(tmp_path, timeout=0.1)
    store.set_position("k", 9)
    store.add_bookmark("k", 2, "开头")
    other = sqlite3.connect(tmp_path / "state.db", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another reader in the middle of a write
    try:
        assert store.set_position("k", 10) is False
        assert "locked" in store.warnings[-1]
        assert store.position("k") == 9 and [b.label for b in store.bookmarks("k")] == ["开头"]
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert store.set_position("k", 10) and store.position("k") == 10


def test_corrupt_file_that_cannot_be_moved_is_not_overwritten(tmp_path, monkeypatch) -> None:
    path = tmp_path / "state.db"
    path.write_bytes(b"{oops" * 200)
    real_replace = os.replace

    def no_rename(src, dst):
        if str(dst).startswith(str(path) + ".corrupt"):
            raise PermissionError(13, "Permission denied")
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", no_rename)
    store = StateStore(tmp_path)
    assert store.position("k") is None
    assert store.set_position("k", 1) is False
    assert path.read_bytes() == b"{oops" * 200
    assert "could not move it aside" in store.warnings[0]


def test_the_document_date_is_remembered_per_document(tmp_path) -> None:
    store = StateStore(tmp_path)
    assert store.date("k") is None
    assert store.set_date("k", "2023-11") and StateStore(tmp_path).date("k") == "2023-11"
    assert StateStore(tmp_path).date("other") is None
    assert store.set_date("k", None) and StateStore(tmp_path).date("k") is None


def test_orphaned_temporary_files_are_cleaned(tmp_path) -> None:
    from b2b_reader.core.files import clean_orphans

    old = tmp_path / ".settings.toml.abc123.tmp"
    new = tmp_path / ".settings.toml.def456.tmp"
    mine = tmp_path / "notes.tmp"
    for path in (old, new, mine):
        path.write_text("x")
    os.utime(old, (time.time() - 7200, time.time() - 7200))  # a writer killed an hour ago
    assert clean_orphans(tmp_path) == 1
    assert not old.exists() and new.exists() and mine.exists()  # a live write, and not ours


# --------------------------------------------------------------------------- settings


def test_settings_defaults_when_missing(tmp_path) -> None:
    settings, warnings = load_settings(tmp_path / "settings.toml")
    assert settings == Settings() and warnings == []
    assert (settings.script, settings.variant, settings.theme, settings.punctuation) == (
        "traditional",
        "tw",
        "textual-dark",
        False,
    )


def test_settings_round_trip(tmp_path) -> None:
    path = tmp_path / "config" / "settings.toml"
    mine = Settings(script="simplified", variant="hk", theme="nord", punctuation=True, keymap={"quit": "q,ctrl+q"})
    assert save_settings(mine, path) == []
    assert load_settings(path) == (mine, [])


def test_settings_tiny_writer_is_valid_toml() -> None:
    data = {"script": "original", "theme": 'a "quoted" \\ theme', "punctuation": False,
            "keymap": {"app.quit": "ctrl+q", "toggle \"x\"": "t"}}
    assert tomllib.loads(state._tiny_toml(data)) == data


def test_bad_setting_values_fall_back_one_by_one(tmp_path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('script = "klingon"\nvariant = "hk"\npunctuation = "yes"\ncolour = 1\n[keymap]\nquit = 5\n')
    settings, warnings = load_settings(path)
    assert (settings.script, settings.variant, settings.punctuation, settings.keymap) == ("traditional", "hk", False, {})
    assert len(warnings) == 4 and all(str(path) in w for w in warnings)
    assert path.exists()  # a valid file with bad values is the user's to fix, not moved


def test_corrupt_settings_moved_aside(tmp_path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('script = "simplified\n')
    settings, warnings = load_settings(path)
    assert settings == Settings()
    assert "not valid TOML" in warnings[0] and str(path) in warnings[0]
    assert not path.exists()
    assert [p.read_text() for p in tmp_path.glob("settings.toml.corrupt-*")] == ['script = "simplified\n']


def test_settings_save_failure_is_a_warning(tmp_path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    warnings = save_settings(Settings(), blocker / "settings.toml")
    assert len(warnings) == 1 and "settings not saved" in warnings[0]


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only directories")
def test_read_only_directory_really_read_only(tmp_path) -> None:
    StateStore(tmp_path).set_position("k", 2)
    tmp_path.chmod(0o500)
    try:
        store = StateStore(tmp_path)
        assert store.set_position("k", 3) is False and store.position("k") == 2
    finally:
        tmp_path.chmod(0o700)


def test_every_view_the_reader_offers_can_be_saved_and_read_back(tmp_path):
    from b2b_reader.core.script import VARIANTS
    from b2b_reader.core.state import Settings, load_settings, save_settings

    path = tmp_path / "settings.toml"
    for variant in VARIANTS:
        save_settings(Settings(script="traditional", variant=variant), path)
        settings, warnings = load_settings(path)
        assert settings.variant == variant and warnings == []


def test_two_readers_changing_different_settings_keep_both(tmp_path):
    from b2b_reader.core.state import update_settings

    path = tmp_path / "settings.toml"
    # A and B start on the same (default) settings; A switches the copy format, B the
    # script, then A quits having changed nothing else: both changes survive.
    assert update_settings({"excerpt_format": "plain"}, path) == []
    assert update_settings({"script": "simplified"}, path) == []
    assert update_settings({}, path) == []
    settings, warnings = load_settings(path)
    assert (settings.excerpt_format, settings.script, warnings) == ("plain", "simplified", [])


async def test_two_readers_on_one_home_lose_no_setting():
    from b2b_reader.app import ReaderApp
    from b2b_reader.core import pipeline

    first, second = ReaderApp(pipeline.load_default()), ReaderApp(pipeline.load_default())
    async with first.run_test(size=(100, 30)) as pilot:
        await pilot.press("C")  # copy format: md -> md-both, saved at once
        assert first.settings.excerpt_format == "md-both"
        async with second.run_test(size=(100, 30)) as other:  # started before A's change
            await other.press("t")
        await pilot.press("j")
    settings, _ = load_settings()
    assert settings.excerpt_format == "md-both" and settings.script == "simplified"


def test_a_read_only_database_is_not_set_aside(tmp_path, monkeypatch) -> None:
    import sqlite3

    first = StateStore(tmp_path)
    first.set_position("k", 6)
    first.close()
    plain = sqlite3.connect(tmp_path / "state.db")
    plain.execute("PRAGMA journal_mode=DELETE")  # so that opening it in WAL must write
    plain.close()
    real_connect = sqlite3.connect
    monkeypatch.setattr(sqlite3, "connect", lambda *a, **k: real_connect(
        f"file:{tmp_path / 'state.db'}?mode=ro", uri=True, isolation_level=None))
    store = StateStore(tmp_path)
    assert store.set_position("k", 7) is False and "not saved" in store.warnings[0]
    assert not [p for p in tmp_path.iterdir() if ".corrupt-" in p.name]
    monkeypatch.undo()
    assert StateStore(tmp_path).position("k") == 6


def test_reading_width_setting(tmp_path) -> None:
    path = tmp_path / "settings.toml"
    assert load_settings(path)[0].reading_width == 80  # about 40 Chinese characters
    path.write_text("reading_width = 120\n")
    assert load_settings(path) == (Settings(reading_width=120), [])
    path.write_text("reading_width = 0\n")  # no limit: the whole width
    assert load_settings(path)[0].reading_width == 0
    for bad in ('"wide"', "5", "true"):
        path.write_text(f"reading_width = {bad}\n")
        settings, warnings = load_settings(path)
        assert settings.reading_width == 80 and "reading_width" in warnings[0]
    save_settings(Settings(reading_width=100), path)
    assert load_settings(path)[0].reading_width == 100


def test_a_bookmark_is_labelled_later_keeping_its_time_and_the_others(tmp_path) -> None:
    store = StateStore(tmp_path)
    key = content_key("阿里巴巴1688的下沉市场")
    first = store.add_bookmark(key, 4)  # added without a label, as m does at once
    store.add_bookmark(key, 9, "淘特")
    assert store.label_bookmark(key, 4, "  批发\n 业务 ")  # one line, spaces squeezed
    assert not store.label_bookmark(key, 5, "无")  # no bookmark there: nothing created
    marks = StateStore(tmp_path).bookmarks(key)  # reopened: on disk
    assert [(b.paragraph, b.label) for b in marks] == [(4, "批发 业务"), (9, "淘特")]
    assert marks[0].created == first.created
