"""Start-up work done beside other work: a forked child computes while the parent goes on.

The first open of a saved web page spends ~90 ms importing trafilatura and ~70 ms more
extracting the article (with the script detection every document has), before the reader's
own imports (~130 ms, Textual's) even begin. On the command line, nothing else runs yet, so
the extraction can go to a forked child while the parent imports the reader (the
``meanwhile`` the command line passes down to :func:`beside`): the first frame then waits
for the longer of the two, not their sum.

That gains only with a core free for the child. On a busy machine the two processes take
turns on one core and the split costs more than it saves: both import what the reader and
trafilatura share, ~90 ms more CPU than one process doing both (``bench/page_startup.py
--busy``). So the child is forked only when the kernel counts fewer runnable tasks than the
cores this process may use (:func:`core_free`); else the work is done in place, one after
the other.

Only the command line passes ``meanwhile``, for the document given; everywhere else (a
reader reopening from the library, with threads running, where forking is unsafe) work is
done in place, as without this module. A child that fails in any other way than a
``SourceError`` leaves the work to the parent, so the outcome is the same either way.
"""

from __future__ import annotations

import os
from collections.abc import Callable

#: Standard modules both sides import (Textual is built on asyncio; trafilatura's urllib3
#: imports ssl, socket and concurrent.futures as asyncio does; both log and read JSON):
#: imported once before forking, not by both processes (~30 ms of CPU less in all).
SHARED = ("asyncio", "datetime", "json", "logging")


def core_free() -> bool:
    """Whether a core is idle now: the tasks runnable at this moment (``/proc/loadavg``'s
    fourth field, this process included) fewer than the cores this process may run on.
    Where the system does not say (no ``/proc``), assumed so."""
    try:
        with open("/proc/loadavg", encoding="ascii") as handle:
            runnable = int(handle.read().split()[3].split("/")[0])
        cores = len(os.sched_getaffinity(0))
    except (OSError, ValueError, IndexError, AttributeError):
        return True
    return runnable < cores


def beside(compute: Callable[[], object], meanwhile: Callable[[], object] | None = None) -> object:
    """``compute()`` (JSON-ready data), in a forked child while the parent runs
    ``meanwhile()``, if a core is free for it; else ``compute()`` then ``meanwhile()``
    here. Without ``meanwhile`` (or ``fork``), simply ``compute()`` here. A
    ``SourceError`` of the child is raised here."""
    if meanwhile is None or not hasattr(os, "fork"):
        return compute()
    if not core_free():
        result = compute()
        meanwhile()
        return result
    import importlib
    import json

    from .encodings import SourceError

    for name in SHARED:
        importlib.import_module(name)
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: compute, send, leave without running the parent's exit handlers
        try:
            os.close(read_end)
            try:
                payload = {"result": compute()}
            except SourceError as error:
                payload = {"error": str(error)}
            with os.fdopen(write_end, "wb") as out:
                out.write(json.dumps(payload, ensure_ascii=False).encode("utf-8"))
        finally:
            os._exit(0)
    os.close(write_end)
    try:
        meanwhile()
    finally:
        with os.fdopen(read_end, "rb") as received:
            data = received.read()
        os.waitpid(pid, 0)
    try:
        payload = json.loads(data)
    except ValueError:
        return compute()  # the child died before it answered: the same work, here
    if "error" in payload:
        raise SourceError(payload["error"])
    return payload["result"]
