"""The analysis in a child Python process, so the reader's own threads keep the GIL.

``pipeline.analyze(..., isolated=True)`` runs :func:`analyze_in_child`; the child also
writes the analysis cache entry and, after sending its result, the view the reader shows
(:func:`pipeline.store_view`). :func:`terminate_children` ends them when the reader quits.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from .analysis import Analysis, collector_paused

if TYPE_CHECKING:
    from .models import Document
    from .script import Views
    from .span_table import SpanTable

_CHILD = ("import pickle, sys; job = pickle.load(sys.stdin.buffer); sys.path[:0] = job.pop('path'); "
          "from b2b_reader.core.isolation import child_main; child_main(job)")
#: Events per pickled chunk sent back by the child: each load is short, so the caller's
#: other threads get the GIL between chunks (one load of 50,000 events would stall them).
_CHUNK = 2000


#: Analysis processes running now, so that quitting can end them (terminate_children).
_children: set = set()
#: Children that sent their result and go on writing a view to the cache.
_writers: set = set()


def terminate_children() -> None:
    """End every running child now: the reader is quitting and nobody waits for a result
    (its caller's ``analyze_in_child`` then raises, and is ignored); a view being written
    is a cache entry (written atomically), computed again next time."""
    for child in [*_children, *_writers]:
        try:
            child.terminate()
        except OSError:  # already gone
            pass


def _start_child(job: dict):
    import pickle
    import subprocess
    import sys

    for done in [c for c in _writers if c.poll() is not None]:  # they wrote their view
        _writers.discard(done)
    child = subprocess.Popen([sys.executable, "-c", _CHILD], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _widen(child.stdout)
    child.stdin.write(pickle.dumps({"path": sys.path, **job}))
    child.stdin.close()
    return child


def _widen(pipe) -> None:
    """A pipe of 1 MiB where the system allows it (Linux): the result of a 5M-character
    book (7 MB) then passes in a few writes, not ~100 of 64 KiB, each waiting for the
    reader's thread and then for the child (niced: last in line on a busy machine)."""
    try:
        import fcntl

        fcntl.fcntl(pipe.fileno(), fcntl.F_SETPIPE_SZ, 1 << 20)
    except (ImportError, AttributeError, OSError):  # another system, or a lower limit: the default
        pass


def analyze_in_child(paragraphs: list[str], document: Document, date: str | None,
                      lexicon_path: Path, glossary_path: Path, cache_key: str | None = None,
                      view: dict | None = None, meanwhile: Callable[[], object] | None = None) -> Analysis:
    """``_analyze`` in a fresh interpreter, its result sent back in a compact form (:func:`messages`).

    A plain subprocess with pipes rather than ``multiprocessing``: the latter hands
    ``sys.stderr.fileno()`` to its helper process, which fails once a UI library has
    replaced ``sys.stderr``; and the child must never write to the caller's terminal.
    With ``cache_key`` the child stores the result in the disk cache itself; with ``view``
    (``pipeline._view_job``) it then caches that view too, after closing its output: the
    result is read as soon as it is sent, and the child finishes on its own.
    ``meanwhile`` runs here once the child has started, before its result is awaited.
    """
    import pickle

    job = {"kind": "analyze", "paragraphs": paragraphs, "document": document, "date": date,
           "lexicon": lexicon_path, "glossary": glossary_path, "cache_key": cache_key, "view": view}
    child = _start_child(job)
    _children.add(child)
    head = None
    try:
        if meanwhile is not None:
            meanwhile()
        head = pickle.load(child.stdout)
        analysis = received(head, _Tail(child.stdout).read)
    except (EOFError, pickle.UnpicklingError, KeyError, TypeError, ValueError):
        child.stdout.close()  # (a child still writing ends: nobody reads it)
        stderr = child.stderr.read()
        child.wait()
        detail = stderr.decode("utf-8", "replace").strip().splitlines()
        raise RuntimeError(f"analysis process failed: {detail[-1] if detail else child.returncode}") from None
    finally:
        if head is None:
            child.stdout.close()
        _children.discard(child)
        _writers.add(child)
    return analysis


class _Tail:
    """The rest of a child's output (its events), read by a thread of its own from now on:
    the child can finish (and cache its view) while the reader draws; reading a pipe
    mostly waits, without the GIL."""

    def __init__(self, stream) -> None:
        import threading

        self._data = b""
        self._thread = threading.Thread(target=self._drain, args=(stream,), name="analysis-tail", daemon=True)
        self._thread.start()

    def _drain(self, stream) -> None:
        try:
            self._data = stream.read()
        except (OSError, ValueError):  # closed: the reader quit
            pass
        finally:
            stream.close()

    def read(self) -> bytes:
        """All of it (waits for the child to have sent it)."""
        self._thread.join()
        return self._data


def messages(data: dict, table: SpanTable) -> Iterator[bytes]:
    """What the child sends for ``compact.to_compact`` ``data`` (``table``: its spans'
    columns), in two pickles: first everything but the events, the spans as arrays (the
    reader loads them in milliseconds, where rows of a 5M-character document cost ~2.5 s of
    unpickling and ``Span``s); then the events' rows, in chunks, read after the highlights."""
    import pickle

    with collector_paused():
        yield pickle.dumps({**data, "spans": table.to_transfer(), "events": None}, protocol=5)
        events = data["events"]
        yield pickle.dumps([pickle.dumps(events[i:i + _CHUNK], protocol=5) for i in range(0, len(events), _CHUNK)],
                           protocol=5)


def received(head: dict, tail: Callable[[], bytes]) -> Analysis:
    """The analysis of :func:`messages`' first pickle (``head``); ``tail`` gives the second
    one's bytes. Its spans and events are made when first read (``Analysis.deferred``),
    the events a chunk at a time (each load is short, so the reader's other threads get
    the GIL between chunks)."""
    import pickle

    from .compact import from_compact

    def events() -> list:
        chunks = pickle.loads(tail())
        if not (isinstance(chunks, list) and all(isinstance(c, bytes) for c in chunks)):
            raise ValueError("the analysis process sent no events")
        return [row for chunk in chunks for row in pickle.loads(chunk)]

    return from_compact(head, events)


def store_view_in_child(document: Document, analysis: Analysis, view: dict) -> None:
    """Cache a view (``pipeline._view_job``) cut at ``analysis`` in a child process,
    without waiting for it."""
    child = _start_child({"kind": "view", "document": document, "cuts": analysis.cuts(),
                          "part_cuts": analysis.part_cuts(), "view": view})
    child.stdout.close()
    _writers.add(child)


def child_main(job: dict) -> None:
    """Entry point of the child process of :func:`analyze_in_child` (and of
    :func:`store_view_in_child`)."""
    import os
    import sys

    from . import cache
    from .compact import to_compact
    from .pipeline import _analyze, store_view
    from .span_table import SpanTable
    from .script import Views

    if hasattr(os, "nice"):
        # Background work: on a busy machine the scheduler should favour the reader's
        # own process, which must answer keystrokes.
        os.nice(10)

    document, view = job["document"], job["view"]
    if job["kind"] == "view":
        cuts, part_cuts = job["cuts"], job["part_cuts"]
    else:
        analysis = _analyze(job["paragraphs"], document, job["date"], job["lexicon"], job["glossary"])
        table = SpanTable.from_spans(analysis.spans)
        data = to_compact(analysis, table)
        if job["cache_key"] is not None:
            cache.store("analysis", job["cache_key"], data)
        out = sys.stdout.buffer
        for message in messages(data, table):
            out.write(message)
            out.flush()
        cuts, part_cuts = analysis.cuts(), analysis.part_cuts()
        del data, analysis, table
    os.close(1)  # the caller has the result now
    if view is not None:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 2)  # nobody reads a message any more
        store_view(Views(document, view["protected"], cuts, part_cuts), view["script"], view["variant"])
