"""Putting text on the user's clipboard: native tools and the terminal (OSC 52), honestly.

Pure Python, no Textual: the reader screen calls :func:`copy` with a function that writes
to the terminal. Two routes are tried, because neither always works:

* a **native tool** (wl-copy on Wayland, xclip or xsel on X11, pbcopy on macOS): when it
  exits 0 the text is really on the clipboard, and we say "copied";
* **OSC 52** (``ESC ] 52 ; c ; base64 BEL``), which travels over SSH and through tmux
  (with ``set-clipboard on``) to the terminal. Nothing comes back, so all we can say is
  "sent to terminal clipboard": the terminal may ignore it (xterm does by default) or drop
  it when it is too long.

Everything here takes its environment, ``which`` and ``run`` as arguments, for tests.
"""

from __future__ import annotations

import base64
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass

#: Largest text (UTF-8 bytes) sent as OSC 52. The whole sequence then stays within
#: 100,000 bytes: hterm (Chrome OS, Secure Shell) drops longer ones, and the widely used
#: osc52.sh / "yank" scripts cap there for that reason (7-byte header, 1-byte BEL, 99,992
#: bytes of base64 = 74,994 bytes of text, ~25,000 Chinese characters). tmux's own limit
#: is larger (its input buffer is 1 MiB), kitty reassembles up to several MB, while some
#: terminals cut far lower (Termux ~6 KB, older kitty 8 KB); those we cannot detect, so
#: the status line says "sent", never "copied", for this route.
OSC52_MAX_BYTES = 74_994
#: Seconds a native clipboard tool may take before we give up on it.
TOOL_TIMEOUT = 2.0

BEL = "\a"
ST = "\x1b\\"

Which = Callable[[str], "str | None"]
#: ``run(argv, data, timeout) -> (exit status, stderr text)``; may raise OSError or
#: subprocess.TimeoutExpired.
Run = Callable[[list[str], bytes, float], "tuple[int, str]"]


@dataclass(frozen=True)
class CopyResult:
    """What happened to a copy request, in words for the status line.

    ``ok`` is True when at least one route took the text (a native tool confirmed it, or
    the OSC 52 sequence was written); ``copied`` only when a native tool confirmed it.
    ``reason`` says why a route failed; ``message`` is the one line to show.
    """

    ok: bool
    copied: bool
    sent_to_terminal: bool
    tool: str | None
    message: str
    reason: str = ""


def osc52(text: str, *, passthrough: bool = False, terminator: str = BEL) -> str:
    """The OSC 52 sequence that sets the clipboard to ``text``.

    ``passthrough`` wraps it for tmux's DCS passthrough (``ESC P tmux; … ESC \\``, every
    ESC inside doubled), which reaches the outer terminal directly but needs tmux's
    ``allow-passthrough on``. Without it, tmux itself handles the sequence when
    ``set-clipboard`` is ``on``, which is the better route. ``terminator`` is BEL
    (accepted most widely) or ST.
    """
    if terminator not in (BEL, ST):
        raise ValueError("terminator must be BEL or ST")
    payload = base64.b64encode(text.encode("utf-8")).decode("ascii")
    sequence = f"\x1b]52;c;{payload}{terminator}"
    if passthrough:
        return "\x1bPtmux;" + sequence.replace("\x1b", "\x1b\x1b") + ST
    return sequence


def osc52_fits(text: str) -> bool:
    """Whether ``text`` is small enough for OSC 52 (see :data:`OSC52_MAX_BYTES`)."""
    return len(text.encode("utf-8")) <= OSC52_MAX_BYTES


def too_large_message(text: str) -> str:
    """The refusal for text over the OSC 52 limit, with sizes a user can act on."""
    size = len(text.encode("utf-8"))
    return f"too large for the terminal clipboard ({size // 1024} KB; limit {OSC52_MAX_BYTES // 1024} KB)"


def _run(argv: list[str], data: bytes, timeout: float) -> tuple[int, str]:
    """Run a clipboard tool with ``data`` on stdin.

    stderr goes to a temporary file, not a pipe: xclip and wl-copy fork a child that keeps
    serving the selection, and it would hold a pipe open until our timeout.
    """
    with tempfile.TemporaryFile() as err:
        done = subprocess.run(argv, input=data, stdout=subprocess.DEVNULL, stderr=err,
                              timeout=timeout, check=False)
        err.seek(0)
        return done.returncode, err.read().decode("utf-8", "replace").strip()


def find_tool(env: Mapping[str, str] | None = None, which: Which = shutil.which,
              platform: str = sys.platform) -> list[str] | None:
    """The command line of the first usable native clipboard tool, or None.

    wl-copy only under Wayland, xclip/xsel only with an X display (they fail without
    one), pbcopy on macOS.
    """
    env = os.environ if env is None else env
    candidates: list[list[str]] = []
    if env.get("WAYLAND_DISPLAY"):
        candidates.append(["wl-copy"])
    if env.get("DISPLAY"):
        candidates += [["xclip", "-selection", "clipboard", "-in"], ["xsel", "--clipboard", "--input"]]
    if platform == "darwin":
        candidates.append(["pbcopy"])
    for argv in candidates:
        path = which(argv[0])
        if path:
            return [path, *argv[1:]]
    return None


def copy_native(text: str, env: Mapping[str, str] | None = None, which: Which = shutil.which,
                run: Run = _run, platform: str = sys.platform) -> tuple[str | None, str]:
    """Copy with a native tool: (tool name, "") on success, (tool name or None, reason) otherwise."""
    argv = find_tool(env, which, platform)
    if argv is None:
        return None, "no clipboard tool (wl-copy, xclip, xsel, pbcopy) for this session"
    name = os.path.basename(argv[0])
    try:
        status, err = run(argv, text.encode("utf-8"), TOOL_TIMEOUT)
    except subprocess.TimeoutExpired:
        return name, f"{name} did not finish within {TOOL_TIMEOUT:g} s"
    except OSError as error:
        return name, f"{name} could not run: {error.strerror or error}"
    if status != 0:
        detail = err.splitlines()[-1] if err else f"exit status {status}"
        return name, f"{name} failed: {detail}"
    return name, ""


def tmux_clipboard_state(env: Mapping[str, str] | None = None, run: Callable[..., subprocess.CompletedProcess] | None = None) -> str | None:
    """tmux's ``set-clipboard`` ("on", "external" or "off") when inside tmux, else None.

    None also when tmux cannot be run or answers something unexpected.
    """
    env = os.environ if env is None else env
    if not env.get("TMUX"):
        return None
    run = run or subprocess.run
    try:
        done = run(["tmux", "show-options", "-gv", "set-clipboard"], capture_output=True, text=True,
                   timeout=TOOL_TIMEOUT, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    value = (done.stdout or "").strip()
    return value if done.returncode == 0 and value in ("on", "external", "off") else None


def copy(
    text: str,
    write_terminal: Callable[[str], None] | None,
    *,
    env: Mapping[str, str] | None = None,
    which: Which = shutil.which,
    run: Run = _run,
    platform: str = sys.platform,
    passthrough: bool = False,
    tmux_state: str | None = None,
) -> CopyResult:
    """Copy ``text`` by every route available; say what happened in honest words.

    The native tool goes first (it is the only route that confirms). OSC 52 is also sent
    through ``write_terminal`` when given and the text fits, so a remote session still
    reaches the local clipboard. ``tmux_state`` (from :func:`tmux_clipboard_state`) lets
    the message warn that tmux will drop the sequence.
    """
    tool, native_error = copy_native(text, env, which, run, platform)
    copied = tool is not None and not native_error
    sent = False
    terminal_error = ""
    if write_terminal is None:
        terminal_error = "no terminal to send to"
    elif not osc52_fits(text):
        terminal_error = too_large_message(text)
    else:
        try:
            write_terminal(osc52(text, passthrough=passthrough))
            sent = True
        except OSError as error:
            terminal_error = f"could not write to the terminal: {error.strerror or error}"
    tmux_off = tmux_state == "off" and not passthrough
    if copied:
        message = f"copied ({tool})" + (" and sent to terminal clipboard" if sent and not tmux_off else "")
        return CopyResult(True, True, sent, tool, message)
    if sent:
        message = "sent to terminal clipboard (OSC 52)"
        if tmux_off:
            message += "; tmux has set-clipboard off, so it will not arrive (set -g set-clipboard on)"
        elif native_error and tool is not None:
            message += f"; {native_error}"
        return CopyResult(not tmux_off, False, True, tool, message, native_error)
    reason = "; ".join(r for r in (native_error, terminal_error) if r)
    advice = "copy a shorter passage or save it to a file" if not osc52_fits(text) else "save it to a file instead"
    return CopyResult(False, False, False, tool, f"not copied: {reason}; {advice}", reason)
