"""Quitting ends the process at once, even while a large document is being analysed."""

from __future__ import annotations

import os
import pty
import select
import sys
import time
from pathlib import Path

import pytest

from b2b_reader.app import ReaderApp
from b2b_reader.core import isolation, pipeline

SENTENCE = "淘宝和天猫在今年3月公布了新的数字，1688的成交额增长了百分之五十。"


def _document(path: Path, chars: int) -> Path:
    paragraph = SENTENCE * 6
    path.write_text("\n\n".join(f"第{i}段。{paragraph}" for i in range(chars // len(paragraph))), encoding="utf-8")
    return path


async def test_quitting_terminates_the_analysis_child(tmp_path):
    loaded = pipeline.load_path(str(_document(tmp_path / "big.txt", 300_000)))
    app = ReaderApp(loaded)
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(200):  # the analysis starts after the first frame, in a child process
            if isolation._children:
                break
            await pilot.pause(0.05)
        (child,) = list(isolation._children)
        await pilot.press("q")
    for _ in range(60):
        if child.poll() is not None:
            break
        time.sleep(0.05)
    assert child.poll() is not None, "the analysis process outlived the reader"


def _read_until(fd: int, needle: bytes, timeout: float) -> bytes:
    seen = b""
    deadline = time.monotonic() + timeout
    while needle not in seen and time.monotonic() < deadline:
        if select.select([fd], [], [], 0.05)[0]:
            try:
                seen += os.read(fd, 65536)
            except OSError:
                break
    return seen


@pytest.mark.parametrize("chars", [50_000, 1_000_000])  # analysed in a thread, in a child process
def test_q_ends_the_installed_reader_during_analysis(tmp_path, chars):
    command = str(Path(sys.executable).with_name("b2b-reader"))
    path = _document(tmp_path / "doc.txt", chars)
    env = {**os.environ, "B2B_READER_HOME": str(tmp_path / "home"), "TERM": "xterm-256color"}
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(command, [command, str(path)], env)
    try:
        assert b"Quit" in _read_until(fd, b"Quit", 60), "no first frame"
        time.sleep(0.5)  # the analysis is under way (a fresh home: nothing cached)
        os.write(fd, b"q")
        start = time.monotonic()
        while not os.waitpid(pid, os.WNOHANG)[0]:
            _read_until(fd, b"\x00", 0.01)
            if time.monotonic() - start > 10:
                os.kill(pid, 9)
                pytest.fail("the reader was still running 10 s after q")
        elapsed = time.monotonic() - start
    finally:
        os.close(fd)
    assert elapsed < 3, f"q took {elapsed:.2f} s to end the process (bench/quit.py measures it)"
