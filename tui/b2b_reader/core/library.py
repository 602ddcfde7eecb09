"""The shelf: every document opened in the reader, to list and reopen where it was left.

Entries live in the state database (``core/store.py``, table ``shelf``) keyed like reading
positions, by the document's text: reopening a file or link brings back its position. A
file that moved or vanished is said to be so (its entry stays until it is removed); a file
whose text changed opens as a new document; a link reopens from the cache when offline.
"""

from __future__ import annotations

import os
from typing import NamedTuple

from .pipeline import EMBEDDED, Loaded, document_key


class Entry(NamedTuple):
    """One document on the shelf."""

    key: str
    title: str
    origin: str  # absolute path, URL, EMBEDDED, or "" (standard input: cannot be reopened)
    date: str | None
    paragraphs: int
    position: int | None  # paragraph last read (0-based), None if never moved
    last_read: str  # ISO 8601, UTC

    @property
    def progress(self) -> str:
        """``¶ 12/40 (30%)``: where the reader was left."""
        if not self.paragraphs:
            return ""
        at = min(self.position or 0, self.paragraphs - 1) + 1
        return f"¶ {at}/{self.paragraphs} ({round(100 * at / self.paragraphs)}%)"

    @property
    def source(self) -> str:
        """Where it comes from, for people."""
        if self.origin == EMBEDDED:
            return "the embedded article"
        return self.origin or "standard input"

    def problem(self) -> str | None:
        """Why it cannot be reopened as it was, or None: moved or deleted, standard input."""
        if not self.origin:
            return "read from standard input: cannot be reopened"
        if self.origin == EMBEDDED or self.origin.startswith(("http://", "https://")):
            return None
        if not os.path.exists(self.origin):
            return f"moved or deleted: {self.origin} is not there any more"
        return None


def record(store, loaded: Loaded) -> bool:
    """Put an opened document on the shelf (``store`` is a ``StateStore``)."""
    document = loaded.document
    return store.record_opened(document_key(document), document.title, loaded.origin, document.date,
                               len(document.paragraphs))


def entries(store) -> list[Entry]:
    """The shelf, last read first."""
    return [Entry(*row) for row in store.shelf()]


def reopen(entry: Entry) -> tuple[Loaded, list[str]]:
    """The document of ``entry`` loaded again, and what the user should know about it.

    Raises ``SourceError`` when it cannot be (moved, deleted, offline and never cached).
    """
    from . import pipeline
    from .source import SourceError

    problem = entry.problem()
    if problem:
        raise SourceError(f"{entry.title}: {problem}")
    loaded = pipeline.load_default() if entry.origin == EMBEDDED else pipeline.load_path(entry.origin)
    notes = list(loaded.warnings)
    if document_key(loaded.document) != entry.key:
        notes.append(f"{entry.source} changed since it was last read: it opens as a new document")
    return loaded, notes


def listing(shelf: list[Entry]) -> str:
    """The shelf as plain text, one document per paragraph (``b2b-reader library``)."""
    from .inert import inert

    if not shelf:
        return "The shelf is empty: documents opened in the reader are listed here.\n"
    lines = []
    for number, entry in enumerate(shelf, start=1):
        when = entry.last_read.replace("T", " ").removesuffix("Z")
        facts = [entry.date or "no date", entry.progress, f"last read {when} UTC"]
        lines.append(f"{number:>3}. {inert(entry.title, line=True)}")
        lines.append(f"     {inert(entry.source, line=True)}")
        lines.append("     " + " · ".join(f for f in facts if f))
        problem = entry.problem()
        if problem:
            lines.append(f"     ! {inert(problem, line=True)}")
    return "\n".join(lines) + "\n"
