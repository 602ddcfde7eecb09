"""Reading state and settings: remembered, shared safely between processes, never lost."""

from __future__ import annotations

import json
import multiprocessing
import os
import tempfile
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
    assert json.loads((tmp_path / "state" / "state.json").read_text())["documents"]


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


def test_corrupt_state_moved_aside_and_warned(tmp_path) -> None:
    (tmp_path / "state.json").write_text('{"version": 1, "documents": {', encoding="utf-8")
    store = StateStore(tmp_path)
    assert store.position("k") is None
    assert len(store.warnings) == 1
    assert str(tmp_path / "state.json") in store.warnings[0]
    aside = [p for p in tmp_path.iterdir() if p.name.startswith("state.json.corrupt-")]
    assert len(aside) == 1 and aside[0].read_text() == '{"version": 1, "documents": {'
    assert store.set_position("k", 5) and StateStore(tmp_path).position("k") == 5


def test_wrong_layout_is_corrupt_too(tmp_path) -> None:
    (tmp_path / "state.json").write_text("[1, 2, 3]", encoding="utf-8")
    store = StateStore(tmp_path)
    store.add_bookmark("k", 1)
    assert "unexpected layout" in store.warnings[0]
    assert [b.paragraph for b in store.bookmarks("k")] == [1]


def test_malformed_entries_skipped_but_kept(tmp_path) -> None:
    raw = {"version": 1, "documents": {"k": {"position": "x", "bookmarks": [{"paragraph": "x"}, {"paragraph": 3}]}}}
    (tmp_path / "state.json").write_text(json.dumps(raw), encoding="utf-8")
    store = StateStore(tmp_path)
    assert store.position("k") is None
    assert [b.paragraph for b in store.bookmarks("k")] == [3]
    store.add_bookmark("k", 4)
    saved = json.loads((tmp_path / "state.json").read_text())["documents"]["k"]["bookmarks"]
    assert {"paragraph": "x"} in saved  # not ours to throw away


def test_state_dir_that_cannot_be_created(tmp_path) -> None:
    # Root ignores chmod, so make the directory impossible instead: its parent is a file.
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    store = StateStore(blocker / "state")
    assert store.position("k") is None and store.bookmarks("k") == []
    assert store.set_position("k", 3) is False
    assert store.add_bookmark("k", 1) is None
    assert len(store.warnings) == 1 and "not saved" in store.warnings[0]


def test_read_only_state_keeps_reads_working(tmp_path, monkeypatch) -> None:
    store = StateStore(tmp_path)
    store.set_position("k", 9)
    store.add_bookmark("k", 2, "开头")

    def read_only(*args, **kwargs):
        raise PermissionError(30, "Read-only file system")

    monkeypatch.setattr(tempfile, "mkstemp", read_only)
    assert store.set_position("k", 10) is False
    assert "Read-only file system" in store.warnings[-1]
    assert store.position("k") == 9 and [b.label for b in store.bookmarks("k")] == ["开头"]


def test_corrupt_file_that_cannot_be_moved_is_not_overwritten(tmp_path, monkeypatch) -> None:
    path = tmp_path / "state.json"
    path.write_text("{oops", encoding="utf-8")
    real_replace = os.replace

    def no_rename(src, dst):
        if str(dst).startswith(str(path) + ".corrupt"):
            raise PermissionError(13, "Permission denied")
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", no_rename)
    store = StateStore(tmp_path)
    assert store.position("k") is None
    assert store.set_position("k", 1) is False
    assert path.read_text() == "{oops"
    assert "could not move it aside" in store.warnings[0]


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
