"""When the garbage collector runs, in one place (no Textual: plain ``gc`` calls).

Start-up allocates ~10^5 long-lived objects (Textual, the document): the command line
turns the collector off until the first frame (``cli._read``), then :func:`resume` freezes
what exists and turns it on again. An analysis (10^5 spans for a long book) lives as long
as its document: :func:`keep` freezes it too, so a full collection (30-40 ms over those
objects) cannot land between a result and its highlights, or on a keystroke.

Frozen objects are still freed by reference counting; cycles are not, and a screen is full
of them (parents, children). So a reader replaced from the library is unfrozen
(:func:`reader_replaced`), and nothing is frozen again while it is alive: Textual lets go
of a removed screen only a little later (a finished worker's task and context, a stopped
timer), and frozen with the next analysis it would never be freed.
"""

from __future__ import annotations

import gc
import weakref

_replaced: weakref.ref | None = None  # the reader replaced since the last freeze


def resume() -> None:
    """After the first frame: keep start-up's objects out of later collections, collect again."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def keep() -> None:
    """What exists now is long-lived (an analysis, its panels' rows): out of the collector's
    scans from now on. Called from the analysis thread too (``gc`` calls only).

    Not while a replaced reader is still held (one collection first): the reader calls
    this again once its analysis is shown, by when Textual has let go of the old one."""
    global _replaced
    if _replaced is not None:
        if _replaced() is not None:
            gc.collect()
        if _replaced() is not None:
            return
        _replaced = None
    gc.freeze()


def reader_replaced(reader: object) -> None:
    """``reader`` (frozen with its document and analysis) was replaced: unfreeze it, so
    that it can be collected, and freeze nothing more until it is."""
    global _replaced
    _replaced = weakref.ref(reader)
    gc.unfreeze()
