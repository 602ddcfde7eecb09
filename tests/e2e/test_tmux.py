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

    def start(*args: str, **kwargs) -> Terminal:
        env = {"B2B_READER_HOME": str(tmp_path), "TERM": "xterm-256color", **kwargs.pop("env", {})}
        # `; sleep` keeps the pane after exit so the last screen can be read.
        term = Terminal(["sh", "-c", f"{_entry_point()} {' '.join(args)}; echo EXITED:$?; sleep 5"], env=env, **kwargs)
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
