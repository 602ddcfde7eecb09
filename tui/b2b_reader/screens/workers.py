"""Background work of the screens, and what a failure of it looks like.

Every worker is started through :func:`background`: a thread worker whose exception is
kept on the worker (``exit_on_error=False``) instead of ending the app with a traceback.
The screen that starts workers hears their ``Worker.StateChanged`` and hands failures to
:func:`report_failure`, the one place that tells the user.
"""

from __future__ import annotations

from functools import partial

from textual import work
from textual.dom import DOMNode
from textual.worker import Worker, WorkerState

#: ``@background(group=...)``: a thread worker that never ends the app when it fails.
background = partial(work, thread=True, exit_on_error=False)

#: What each group of workers does, for the message when it fails.
WHAT = {"analysis": "Analysis", "panels": "Listing the analysis", "copy": "Copying", "export": "Export",
        "search-index": "Search index", "warm": "Loading the dictionary", "warm-pinyin": "Loading pinyin",
        "lookup": "Lookup"}


def warm_dictionary() -> None:
    """Open the dictionary and load pypinyin now, so the first lookup is quick."""
    from ..core.dictionary import warm_up

    warm_up()


def report_failure(node: DOMNode, event: Worker.StateChanged) -> bool:
    """Notify the user if ``event`` is a worker's failure; True when it was one.

    The reader stays usable: only what the worker would have added is missing.
    """
    if event.state != WorkerState.ERROR:
        return False
    what = WHAT.get(event.worker.group, event.worker.name or "Background work")
    error = event.worker.error
    detail = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
    node.notify(f"{what} failed ({detail}); the reader goes on without it", severity="error", timeout=8)
    return True
