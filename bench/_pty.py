"""Run a command in a pseudo-terminal and time what it draws (benchmark helper)."""

from __future__ import annotations

import os
import pty
import select
import signal
import struct
import fcntl
import termios
import time


class PtyProcess:
    """A child process on a pty of a given size; collects everything it writes."""

    def __init__(self, argv: list[str], cols: int = 120, rows: int = 40, env: dict | None = None):
        self.start = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:  # child
            os.execvpe(argv[0], argv, {**os.environ, "TERM": "xterm-256color", **(env or {})})
        self.pid, self.fd = pid, fd
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.output = b""

    def read_until(self, marker: bytes, timeout: float = 30) -> float:
        """Seconds from now until ``marker`` appears in output written after this call."""
        t0 = time.perf_counter()
        seen = len(self.output)
        while time.perf_counter() - t0 < timeout:
            ready, _, _ = select.select([self.fd], [], [], 0.05)
            if ready:
                try:
                    chunk = os.read(self.fd, 65536)
                except OSError:
                    break
                self.output += chunk
                if marker in self.output[max(seen - len(marker), 0):]:
                    return time.perf_counter() - t0
        raise TimeoutError(f"{marker!r} not seen")

    def first_frame(self, marker: bytes, timeout: float = 30) -> float:
        """Seconds from process start until ``marker`` is drawn."""
        self.read_until(marker, timeout)
        return time.perf_counter() - self.start

    def drain(self, idle: float = 0.3) -> None:
        """Read until nothing arrives for ``idle`` seconds."""
        while True:
            ready, _, _ = select.select([self.fd], [], [], idle)
            if not ready:
                return
            try:
                self.output += os.read(self.fd, 65536)
            except OSError:
                return

    def key_to_frame(self, key: bytes, timeout: float = 10) -> float:
        """Seconds from writing ``key`` to the first bytes of the frame it causes."""
        self.drain(0.2)
        t0 = time.perf_counter()
        os.write(self.fd, key)
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            raise TimeoutError(f"no frame after {key!r}")
        self.output += os.read(self.fd, 65536)
        return time.perf_counter() - t0

    def close(self) -> None:
        try:
            os.kill(self.pid, signal.SIGTERM)
            os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        os.close(self.fd)
