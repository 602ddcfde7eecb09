"""Clipboard routes: OSC 52 (plain and tmux passthrough), native tools, honest messages."""

from __future__ import annotations

import base64
import re
import subprocess

import pytest

from b2b_reader import clipboard
from b2b_reader.clipboard import OSC52_MAX_BYTES, copy, find_tool, osc52, tmux_clipboard_state

EXCERPT = "> 今年3月,淘特传出内部业务变动[@click=app.quit][/]\n\n— *阿里最古老的业务走向台前*, paragraph 18."
OSC = re.compile(r"\x1b\]52;c;([A-Za-z0-9+/=]*)(?:\x07|\x1b\\)")


def decode(sequence: str) -> str:
    match = OSC.fullmatch(sequence)
    assert match, repr(sequence[:40])
    return base64.b64decode(match.group(1), validate=True).decode("utf-8")


def which_of(*present: str):
    return lambda name: f"/usr/bin/{name}" if name in present else None


class FakeRun:
    """Records tool invocations; answers with a fixed status (or raises)."""

    def __init__(self, status: int = 0, err: str = "", raises: Exception | None = None):
        self.calls: list[tuple[list[str], bytes, float]] = []
        self.status, self.err, self.raises = status, err, raises

    def __call__(self, argv, data, timeout):
        self.calls.append((argv, data, timeout))
        if self.raises:
            raise self.raises
        return self.status, self.err


def test_osc52_decodes_back_to_the_text():
    assert decode(osc52(EXCERPT)) == EXCERPT
    assert decode(osc52(EXCERPT, terminator=clipboard.ST)) == EXCERPT
    assert osc52("hi") == "\x1b]52;c;aGk=\x07"


def test_osc52_payload_cannot_end_the_sequence_early():
    hostile = "x\x07\x1b\\\x1b]0;pwned\x07"
    sequence = osc52(hostile)
    assert sequence.count("\x1b") == 1 and sequence.count("\x07") == 1  # only the frame's own
    assert decode(sequence) == hostile


def test_tmux_passthrough_wraps_and_doubles_escapes():
    wrapped = osc52(EXCERPT, passthrough=True)
    assert wrapped.startswith("\x1bPtmux;\x1b\x1b]52;c;") and wrapped.endswith("\x07\x1b\\")
    inner = wrapped[len("\x1bPtmux;"):-2].replace("\x1b\x1b", "\x1b")
    assert decode(inner) == EXCERPT


def test_size_limit_refuses_large_text_with_a_clear_message():
    fits = "中" * (OSC52_MAX_BYTES // 3)
    assert clipboard.osc52_fits(fits) and not clipboard.osc52_fits(fits + "中")
    assert len(osc52(fits)) <= 100_000  # the sequence limit the constant is derived from
    written: list[str] = []
    result = copy(fits + "中" * 1000, written.append, env={}, which=which_of(), run=FakeRun())
    assert written == [] and not result.ok and not result.sent_to_terminal
    assert "too large for the terminal clipboard" in result.message and "save it to a file" in result.message
    assert "76 KB" in result.message and "73 KB" in result.message


@pytest.mark.parametrize("env, platform, present, expected", [
    ({"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}, "linux", ("wl-copy", "xclip", "xsel"), "wl-copy"),
    ({"DISPLAY": ":0"}, "linux", ("wl-copy", "xclip", "xsel"), "xclip"),
    ({"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}, "linux", ("xsel",), "xsel"),
    ({}, "linux", ("wl-copy", "xclip", "xsel"), None),  # no display: over SSH, say
    ({}, "darwin", ("pbcopy", "xclip"), "pbcopy"),
    ({"DISPLAY": ":0"}, "linux", (), None),
])
def test_native_tool_selection(env, platform, present, expected):
    argv = find_tool(env, which_of(*present), platform)
    assert (argv and argv[0].rsplit("/", 1)[-1]) == (expected or None)


def test_native_tool_confirms_and_osc52_is_also_sent():
    run, written = FakeRun(), []
    result = copy(EXCERPT, written.append, env={"DISPLAY": ":0"}, which=which_of("xclip"), run=run, platform="linux")
    assert result.ok and result.copied and result.sent_to_terminal and result.tool == "xclip"
    assert result.message == "copied (xclip) and sent to terminal clipboard"
    argv, data, timeout = run.calls[0]
    assert argv == ["/usr/bin/xclip", "-selection", "clipboard", "-in"] and data.decode() == EXCERPT
    assert timeout == 2.0
    assert decode(written[0]) == EXCERPT


def test_without_a_tool_it_is_sent_not_copied():
    written: list[str] = []
    result = copy(EXCERPT, written.append, env={}, which=which_of(), run=FakeRun(), platform="linux")
    assert result.ok and not result.copied and result.message == "sent to terminal clipboard (OSC 52)"
    assert decode(written[0]) == EXCERPT


@pytest.mark.parametrize("run, reason", [
    (FakeRun(status=1, err="Error: Can't open display: :0"), "xclip failed: Error: Can't open display: :0"),
    (FakeRun(raises=subprocess.TimeoutExpired(["xclip"], 2.0)), "xclip did not finish within 2 s"),
    (FakeRun(raises=PermissionError(13, "Permission denied")), "xclip could not run: Permission denied"),
])
def test_native_failure_is_reported(run, reason):
    written: list[str] = []
    result = copy(EXCERPT, written.append, env={"DISPLAY": ":0"}, which=which_of("xclip"), run=run, platform="linux")
    assert not result.copied and result.sent_to_terminal and result.reason == reason
    assert result.message == f"sent to terminal clipboard (OSC 52); {reason}"
    failed = copy(EXCERPT, None, env={"DISPLAY": ":0"}, which=which_of("xclip"), run=run, platform="linux")
    assert not failed.ok and failed.message.startswith(f"not copied: {reason}") and "save it to a file" in failed.message


def test_tmux_with_set_clipboard_off_is_named():
    written: list[str] = []
    result = copy(EXCERPT, written.append, env={"TMUX": "/tmp/x,1,0"}, which=which_of(), run=FakeRun(),
                  platform="linux", tmux_state="off")
    assert not result.ok and "set-clipboard off" in result.message
    assert copy(EXCERPT, written.append, env={}, which=which_of(), run=FakeRun(), tmux_state="off",
                passthrough=True).ok  # passthrough does not go through set-clipboard


def test_tmux_clipboard_state():
    def answer(stdout, status=0):
        return lambda argv, **kw: subprocess.CompletedProcess(argv, status, stdout, "")

    assert tmux_clipboard_state({}, answer("on\n")) is None  # not inside tmux
    inside = {"TMUX": "/tmp/tmux-0/default,1,0"}
    assert tmux_clipboard_state(inside, answer("external\n")) == "external"
    assert tmux_clipboard_state(inside, answer("off\n")) == "off"
    assert tmux_clipboard_state(inside, answer("", status=1)) is None

    def missing(argv, **kw):
        raise FileNotFoundError(2, "No such file or directory", "tmux")

    assert tmux_clipboard_state(inside, missing) is None


def test_real_tool_runner_reports_exit_status_and_stderr(tmp_path):
    """The default runner with a stand-in tool that forks a child holding stderr (as xclip does)."""
    tool = tmp_path / "fake-copy"
    tool.write_text("#!/bin/sh\ncat > \"$0.out\"\n(sleep 3 &)\necho 'done' >&2\nexit 3\n")
    tool.chmod(0o755)
    status, err = clipboard._run([str(tool)], EXCERPT.encode(), 2.0)
    assert (status, err) == (3, "done")
    assert (tmp_path / "fake-copy.out").read_text() == EXCERPT
