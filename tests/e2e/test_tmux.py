"""The installed `b2b-reader` in a real terminal (tmux): toggle script, next section, quit."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

TMUX = shutil.which("tmux")
pytestmark = pytest.mark.skipif(TMUX is None, reason="tmux is not installed")


def _entry_point() -> str:
    found = Path(sys.executable).with_name("b2b-reader")
    assert found.exists(), "the b2b-reader console script is not installed in this environment"
    return str(found)


class Terminal:
    """A detached tmux session running one command."""

    def __init__(self, command: list[str], width: int = 100, height: int = 30, env: dict | None = None):
        self.name = f"b2b-{uuid.uuid4().hex[:8]}"
        self.socket = ["-L", self.name]
        env_args = [arg for key, value in (env or {}).items() for arg in ("-e", f"{key}={value}")]
        subprocess.run([TMUX, *self.socket, "new-session", "-d", "-s", self.name, "-x", str(width),
                        "-y", str(height), *env_args, *command], check=True)

    def screen(self) -> str:
        return subprocess.run([TMUX, *self.socket, "capture-pane", "-p", "-t", self.name],
                              capture_output=True, text=True).stdout

    def keys(self, *keys: str) -> None:
        subprocess.run([TMUX, *self.socket, "send-keys", "-t", self.name, *keys], check=True)

    def wait_for(self, text: str, timeout: float = 20) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} not on screen:\n{screen}")

    def alive(self) -> bool:
        return subprocess.run([TMUX, *self.socket, "has-session", "-t", self.name],
                              capture_output=True).returncode == 0

    def close(self) -> None:
        subprocess.run([TMUX, *self.socket, "kill-server"], capture_output=True)


@pytest.fixture
def terminal(tmp_path):
    terms: list[Terminal] = []

    def start(*args: str, before: str = "", **kwargs) -> Terminal:
        env = {"B2B_READER_HOME": str(tmp_path), "TERM": "xterm-256color", **kwargs.pop("env", {})}
        # `; sleep` keeps the pane after exit so the last screen can be read.
        command = f"{before}{_entry_point()} {' '.join(args)}; echo EXITED:$?; sleep 5"
        term = Terminal(["sh", "-c", command], env=env, **kwargs)
        terms.append(term)
        return term

    yield start
    for term in terms:
        term.close()


def test_toggle_script_next_section_and_quit(terminal):
    term = terminal()
    term.wait_for("雙11激戰正酣")
    assert "繁體 Traditional (Taiwan)" in term.screen()
    term.keys("t")
    term.wait_for("双11激战正酣")
    assert "简体 Simplified" in term.screen()
    term.keys("]")
    screen = term.wait_for("§ 不甘当淘宝配角")
    assert "众所周知" in screen
    term.keys("q")
    term.wait_for("EXITED:0")


ESCAPES = (
    "# 標題\x1b]2;pwned-title\x07\n\n"
    "第一段\x1b]52;c;cHduZWQtY2xpcGJvYXJk\x07有剪貼簿序列。\x1b[2J\x1b[31m紅字\x1b[0m\n\n"
    "第二段\x1b]8;;http://evil.example\x1b\\連結\x1b]8;;\x1b\\和\u202e反向\u202c文字，\x9b31m還有C1。\n"
)


def _tmux(term: Terminal, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([TMUX, *term.socket, *args], capture_output=True, text=True)


def test_escape_sequences_in_a_file_never_reach_the_terminal(terminal, tmp_path):
    evil = tmp_path / "evil.md"
    evil.write_text(ESCAPES, encoding="utf-8")
    term = terminal(str(evil))
    _tmux(term, "set-option", "-g", "set-clipboard", "on")
    _tmux(term, "set-option", "-g", "allow-passthrough", "on")
    screen = term.wait_for("有剪貼簿序列")
    assert "紅字" in screen and "連結" in screen
    term.keys("j", "t")
    term.wait_for("有剪贴簿序列")
    assert "pwned" not in _tmux(term, "display-message", "-p", "#{pane_title}").stdout
    buffers = _tmux(term, "list-buffers").stdout
    assert "pwned" not in buffers and "cHduZWQ" not in buffers
    term.keys("q")
    term.wait_for("EXITED:0")


def test_piped_document_then_keys_from_the_terminal(terminal, tmp_path):
    doc = tmp_path / "piped.txt"
    doc.write_text("管道標題\n\n從標準輸入讀到的文章，淘寶和天貓。\n\n第二段在這裡。\n", encoding="utf-8")
    term = terminal(before=f"cat {doc} | ")  # stdin is the pipe: keys must come from the terminal
    term.wait_for("從標準輸入讀到的文章")
    term.keys("t")
    term.wait_for("从标准输入读到的文章")
    term.keys("q")
    term.wait_for("EXITED:0")


def test_dumb_terminal_gets_plain_text(terminal):
    term = terminal(before="TERM=dumb ")  # tmux sets TERM in the pane itself
    screen = term.wait_for("EXITED:0")
    assert "就看1688能" in screen  # the article's last paragraph, printed
    assert "Outline" not in screen  # no reader UI drawn with escape sequences


def test_c_copies_through_tmux_into_its_buffer(terminal):
    term = terminal()
    _tmux(term, "set-option", "-g", "set-clipboard", "on")
    term.wait_for("雙11激戰正酣")
    term.keys("j", "c")
    term.wait_for("sent to terminal clipboard")
    deadline = time.monotonic() + 10
    buffer = ""
    while time.monotonic() < deadline and "1688這個熟悉又陌生的名字" not in buffer:
        buffer = _tmux(term, "show-buffer").stdout
        time.sleep(0.1)
    assert buffer.startswith("> 1688這個熟悉又陌生的名字")
    assert "paragraph 2" in buffer
    term.keys("q")
    term.wait_for("EXITED:0")


@pytest.mark.parametrize("env", ["LANG=C LC_ALL=C ", "NO_COLOR=1 "])
def test_c_locale_and_no_color(terminal, env):
    term = terminal(before=env)
    term.wait_for("雙11激戰正酣")
    term.keys("t")
    term.wait_for("双11激战正酣")
    term.keys("q")
    term.wait_for("EXITED:0")


def test_c_locale_printing_to_a_pipe(tmp_path):
    import os

    env = {**os.environ, "LANG": "C", "LC_ALL": "C", "B2B_READER_HOME": str(tmp_path)}
    env.pop("PYTHONIOENCODING", None)
    out = subprocess.run([_entry_point()], env=env, capture_output=True, stdin=subprocess.DEVNULL)
    assert out.returncode == 0, out.stderr
    assert "雙11激戰正酣" in out.stdout.decode("utf-8")


def test_a_hostile_file_name_and_overlays_never_reach_the_terminal(terminal, tmp_path):
    """Issue 17: an OSC 52 in a file name set tmux's clipboard at every redraw."""
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "lexicon.toml").write_text(
        '[[entity]]\nname = "星火\\u001b]2;pwned-title\\u0007科技"\ntype = "org"\naliases = ["星火科技"]\n\n'
        '[[entity]]\nname = "某人"\ntype = "persn\\u001b]52;c;cHduZWQtY2xpcGJvYXJk\\u0007"\n', encoding="utf-8")
    (tmp_path / "config" / "glossary.toml").write_text(
        '[[term]]\nterm = "供应链"\npinyin = "gōngyìng\\u001b]52;c;cHduZWQtY2xpcGJvYXJk\\u0007liàn"\n'
        'en = "supply chain \\u009b31m"\nzh = "从原料到用户"\ncategory = "supply-chain"\n', encoding="utf-8")
    name = tmp_path / "報告\x1b]52;c;cHduZWQtY2xpcGJvYXJk\x1b\\\x1b]2;pwned-title\x07.txt"
    name.write_text("星火科技的供应链平台今年3月上线。\n\n第二段，星火科技再次融资。\n", encoding="utf-8")
    env = {"DOC": str(name), "GONE": str(tmp_path / "無\x1b]2;pwned-title\x07.txt")}
    # the reader; then the plain output and an error that echoes a path, in the same pane
    term = terminal('"$DOC"; "$PREFIX"b2b-reader "$DOC" | cat; "$PREFIX"b2b-reader "$GONE"',
                    env={**env, "PREFIX": _entry_point()[: -len("b2b-reader")]}, width=170, height=40)
    _tmux(term, "set-option", "-g", "set-clipboard", "on")
    _tmux(term, "set-option", "-g", "allow-passthrough", "on")
    term.wait_for("星火科技的供應鏈平臺")
    term.keys("E")  # the side panels on Entities (opened if the width had not opened them)
    term.wait_for("Organisations")  # the overlay's names in the panel
    term.keys("BTab")  # back to the article (shift+tab from the panel list)
    time.sleep(0.3)
    term.keys("l", "Enter")
    term.wait_for("esc closes")
    term.keys("q")  # closes the lookup (an Escape followed by keys would read as alt+key)
    time.sleep(0.3)
    term.keys("j", "t")
    term.wait_for("星火科技的供应链平台")
    term.keys("q")
    screen = term.wait_for("EXITED:1")
    assert "no such file" in screen and "報告" in screen  # plain output and the error were printed
    assert "pwned" not in _tmux(term, "display-message", "-p", "#{pane_title}").stdout
    buffers = _tmux(term, "list-buffers").stdout
    assert "cHduZWQ" not in buffers and "pwned" not in buffers
