"""Pilot tests: the save/export dialog keeps stray keys out of its file name and shows its
folder; the tmux clipboard setting is read again at each copy."""

from __future__ import annotations

import os

from textual.widgets import Input, Static

from b2b_reader.screens.dialogs import PathScreen

from .conftest import wait_for, wait_for_analysis

SIZE = (160, 48)


def dialog_text(screen) -> str:
    return "\n".join(str(widget.render()) for widget in screen.query(Static))


async def test_keys_pressed_as_the_export_dialog_opens_do_not_enter_the_name(default_app, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    async with default_app.run_test(size=SIZE) as pilot:
        await wait_for_analysis(pilot)
        default_app.screen.action_export()
        await pilot.press("j", "k", "x", "1")  # at once, as a reader still reading would
        dialog = default_app.screen
        assert isinstance(dialog, PathScreen)
        name = dialog.query_one(Input).value
        assert name.endswith(".html") and not name.startswith(("j", "k", "x"))
        assert f"Folder: {tmp_path}" in dialog_text(dialog)
        await pilot.press("tab")  # into the name, deliberately
        dialog.query_one(Input).value = ""
        await pilot.press(*"sub/out.md")
        assert dialog.query_one(Input).value == "sub/out.md"
        assert f"Folder: {tmp_path / 'sub'}" in dialog_text(dialog)


async def test_enter_in_the_save_dialog_writes_the_name_shown(default_app, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    async with default_app.run_test(size=SIZE) as pilot:
        await wait_for_analysis(pilot)
        default_app.screen.copier._save_to_file("银行业务回暖。", "excerpt-3.md", "Save it to this file instead?")
        await pilot.press("j", "enter")  # j does nothing; enter writes to the default name
        await wait_for(pilot, (tmp_path / "excerpt-3.md").exists)
        assert (tmp_path / "excerpt-3.md").read_text(encoding="utf-8") == "银行业务回暖。"


async def test_tmux_set_clipboard_is_read_again_at_each_copy(default_app, tmp_path, monkeypatch):
    # A stand-in tmux answering what a file says; no X or Wayland clipboard tool.
    state = tmp_path / "state"
    state.write_text("off\n")
    fake = tmp_path / "bin" / "tmux"
    fake.parent.mkdir()
    fake.write_text(f"#!/bin/sh\ncat {state}\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake.parent}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("TMUX", "/tmp/tmux-test,1,0")
    for name in ("DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    async with default_app.run_test(size=SIZE) as pilot:
        await wait_for_analysis(pilot)
        notes = lambda: [str(n.message) for n in default_app._notifications]  # noqa: E731
        await pilot.press("c")
        await wait_for(pilot, lambda: any("¶1" in m for m in notes()))
        assert any("set-clipboard off" in m for m in notes())
        await wait_for(pilot, lambda: isinstance(default_app.screen, PathScreen))  # offers to save
        await pilot.press("escape")
        default_app.clear_notifications()
        state.write_text("on\n")  # tmux set -g set-clipboard on, while the reader runs
        await pilot.press("c")
        await wait_for(pilot, lambda: any("¶1" in m for m in notes()))
        assert any("sent to terminal clipboard" in m for m in notes())
        assert not any("set-clipboard off" in m for m in notes())


async def test_the_export_dialog_refuses_an_unknown_extension(default_app, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    async with default_app.run_test(size=SIZE) as pilot:
        await wait_for_analysis(pilot)
        default_app.screen.action_export()
        await pilot.pause()
        default_app.screen.query_one(Input).value = "out.pdf"
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(default_app.screen, PathScreen)
        notes = [str(n.message) for n in default_app._notifications]
        assert any("Not exported" in m and ".pdf" in m and ".html" in m for m in notes)
        assert not (tmp_path / "out.pdf").exists()
