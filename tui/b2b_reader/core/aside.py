"""Start-up work done beside other work: a forked child computes while the parent goes on.

The first open of a saved web page spends ~150 ms importing trafilatura and more extracting
the article, before the reader's own imports (~200 ms of Textual) even begin. On the command
line, nothing else runs yet, so the extraction can go to a forked child while the parent
imports the reader (:func:`meanwhile` names what the parent would do next): the first frame
then waits for the longer of the two, not their sum.

Only the command line sets :func:`meanwhile`, around loading the document given; everywhere
else (a reader reopening from the library, with threads running, where forking is unsafe)
work is done in place, as without this module. A child that fails in any other way than a
``SourceError`` leaves the work to the parent, so the outcome is the same either way.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager

_next: Callable[[], object] | None = None


@contextmanager
def meanwhile(work: Callable[[], object] | None) -> Iterator[None]:
    """While in this block, the first :func:`beside` runs ``work`` (once) beside its own."""
    global _next
    _next = work
    try:
        yield
    finally:
        _next = None


def beside(compute: Callable[[], object]) -> object:
    """``compute()`` (JSON-ready data), in a forked child while the parent runs the work of
    :func:`meanwhile`, if any; else simply here. A ``SourceError`` of the child is raised here."""
    global _next
    work, _next = _next, None
    if work is None or not hasattr(os, "fork"):
        return compute()
    import json

    from .encodings import SourceError

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
        work()
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
