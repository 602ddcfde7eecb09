"""Reading positions, bookmarks and document dates: one SQLite database in WAL mode.

One update is one indexed row written, milliseconds whatever the number of documents
(a single JSON file had to be read and rewritten whole: ~7 s per bookmark at 78 MB).
SQLite's own locking lets two readers write at once and lose nothing; WAL keeps readers
unblocked while one writes; a ``kill -9`` leaves the last committed state.

``state.json``, the former format, is imported once into ``state.db`` and left as it is
(readable by an older version). A file we cannot use (not a database, not a regular
file, a JSON we cannot parse) is moved aside with a warning and a fresh one started; if
it cannot be moved aside it is not written over either. Nothing here raises for an I/O
problem: failures become warnings in :attr:`StateStore.warnings`, which the UI drains.
"""

from __future__ import annotations

import json
import os
import stat
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

DB_FILE = "state.db"
LEGACY_FILE = "state.json"
#: Seconds a write waits for another process's write to finish before giving up.
BUSY_TIMEOUT = 10.0

_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    key TEXT PRIMARY KEY, position INTEGER, date TEXT, seen TEXT NOT NULL DEFAULT '');
CREATE TABLE IF NOT EXISTS bookmarks (
    key TEXT NOT NULL, paragraph INTEGER NOT NULL, label TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL DEFAULT '', PRIMARY KEY (key, paragraph));
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS shelf (
    key TEXT PRIMARY KEY, title TEXT NOT NULL DEFAULT '', origin TEXT NOT NULL DEFAULT '',
    date TEXT, paragraphs INTEGER NOT NULL DEFAULT 0, opened TEXT NOT NULL DEFAULT '');
"""
#: The shelf (documents opened, ``core/library``) came after the first databases: its table
#: is created by ``CREATE TABLE IF NOT EXISTS`` on open, so an older database gains it and
#: keeps every row it had; an older version reading a newer database ignores it.


class Bookmark(NamedTuple):
    """A marked paragraph of a document, with the user's label and creation time (ISO)."""

    paragraph: int
    label: str
    created: str


class _Unusable(Exception):
    """The state cannot be opened (and a bad file could not be set aside): reads give
    defaults, writes are refused."""


class StateStore:
    """Per-document reading position, bookmarks and document date.

    Reads never fail (a problem gives defaults and a warning); writes either happen
    completely or leave a warning in :attr:`warnings`.
    """

    def __init__(self, directory: str | Path | None = None, timeout: float = BUSY_TIMEOUT) -> None:
        from .state import state_dir

        self.directory = Path(directory) if directory is not None else state_dir()
        self.path = self.directory / DB_FILE
        self.legacy = self.directory / LEGACY_FILE
        self.timeout = timeout
        #: Messages for the user about problems met so far; the UI drains them.
        self.warnings: list[str] = []
        self._db = None

    def drain_warnings(self) -> list[str]:
        """Return and forget the warnings collected so far."""
        out, self.warnings = self.warnings, []
        return out

    def close(self) -> None:
        """Close the database (it reopens on the next use)."""
        if self._db is not None:
            self._db.close()
            self._db = None

    def _warn(self, message: str) -> None:
        if message not in self.warnings:  # repeated failures warn once
            self.warnings.append(message)

    # ---- opening

    def _connection(self):
        """The open database, created (and the JSON state imported) on first use."""
        if self._db is not None:
            return self._db
        import sqlite3

        from .state import _set_aside

        for attempt in range(2):
            if not _regular_or_absent(self.path):
                moved, warning = _set_aside(self.path, "reading state is not a regular file")
                self._warn(warning)
                if not moved:
                    raise _Unusable(warning)
            try:
                self.directory.mkdir(parents=True, exist_ok=True)
                db = sqlite3.connect(self.path, timeout=self.timeout, isolation_level=None)
            except (OSError, sqlite3.Error) as exc:
                raise _Unusable(self._not_saved(exc)) from None
            try:
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("PRAGMA synchronous=NORMAL")  # WAL: a crash loses nothing committed
                db.executescript(_SCHEMA)
                self._migrate(db)
            except sqlite3.DatabaseError as exc:
                db.close()
                if attempt or isinstance(exc, sqlite3.OperationalError):
                    # locked, read-only, disk full: the file may be fine, so it stays
                    raise _Unusable(self._not_saved(exc)) from None
                moved, warning = _set_aside(self.path, f"unreadable reading state: {exc}")
                self._warn(warning)
                if not moved:
                    raise _Unusable(warning) from None
                for suffix in ("-wal", "-shm"):
                    Path(f"{self.path}{suffix}").unlink(missing_ok=True)
                continue
            self._db = db
            from .files import clean_orphans

            clean_orphans(self.directory)  # a settings or export write killed midway
            return db
        raise _Unusable(f"{self.path}: unusable")  # not reached: the loop returns or raises

    def _not_saved(self, exc: Exception) -> str:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc) or type(exc).__name__
        message = f"{self.path}: reading state not saved ({reason})"
        self._warn(message)
        return message

    def _migrate(self, db) -> None:
        """Import ``state.json`` once (the file stays, for an older version to read)."""
        if db.execute("SELECT value FROM meta WHERE name = 'migrated'").fetchone():
            return
        documents = self._legacy_documents()
        db.execute("BEGIN IMMEDIATE")
        try:
            if not db.execute("SELECT value FROM meta WHERE name = 'migrated'").fetchone():
                for key, entry in documents.items():
                    _import_document(db, key, entry)
                db.execute("INSERT OR REPLACE INTO meta VALUES ('migrated', ?)", (_now(),))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def _legacy_documents(self) -> dict[str, Any]:
        """The documents of ``state.json``, or {} (a bad file is set aside with a warning)."""
        from .state import _set_aside

        if not self.legacy.exists():
            return {}
        reason = None
        if not _regular_or_absent(self.legacy):
            reason = "unreadable reading state: not a regular file"
        else:
            try:
                data = json.loads(self.legacy.read_bytes())
            except OSError as exc:
                reason = f"unreadable reading state: {exc.strerror or exc}"
            except RecursionError:
                reason = "unreadable reading state: nested too deeply"
            except ValueError as exc:
                reason = f"unreadable reading state: not valid JSON ({exc})"
            else:
                if isinstance(data, dict) and isinstance(data.get("documents"), dict):
                    return data["documents"]
                reason = "unreadable reading state: unexpected layout"
        self._warn(_set_aside(self.legacy, reason)[1])
        return {}

    # ---- reading

    def _query(self, sql: str, args: tuple) -> list[tuple]:
        import sqlite3

        try:
            return self._connection().execute(sql, args).fetchall()
        except _Unusable:
            return []
        except sqlite3.Error as exc:
            self._warn(f"{self.path}: reading state unreadable ({exc})")
            return []

    def position(self, key: str) -> int | None:
        """Paragraph last read in document ``key``, or None if never opened."""
        rows = self._query("SELECT position FROM documents WHERE key = ?", (key,))
        value = rows[0][0] if rows else None
        return value if type(value) is int and value >= 0 else None

    def date(self, key: str) -> str | None:
        """The document date the user set for ``key`` (``D``), or None."""
        from .models import check_date

        rows = self._query("SELECT date FROM documents WHERE key = ?", (key,))
        value = rows[0][0] if rows else None
        return value if isinstance(value, str) and check_date(value) == value else None

    def bookmarks(self, key: str) -> list[Bookmark]:
        """Bookmarks of document ``key`` in paragraph order."""
        rows = self._query("SELECT paragraph, label, created FROM bookmarks WHERE key = ? "
                           "ORDER BY paragraph, created", (key,))
        return [Bookmark(p, label, created) for p, label, created in rows
                if type(p) is int and p >= 0 and isinstance(label, str) and isinstance(created, str)]

    def shelf(self) -> list[tuple]:
        """Documents opened, last read first: (key, title, origin, date, paragraphs,
        position, last read); rows of another shape are skipped."""
        rows = self._query("SELECT s.key, s.title, s.origin, s.date, s.paragraphs, d.position, "
                           "max(s.opened, coalesce(d.seen, '')) AS last FROM shelf s "
                           "LEFT JOIN documents d ON d.key = s.key ORDER BY last DESC, s.rowid DESC", ())
        return [row for row in rows if all(isinstance(v, str) for v in (row[0], row[1], row[2], row[6]))
                and (row[3] is None or isinstance(row[3], str)) and type(row[4]) is int and row[4] >= 0
                and (row[5] is None or type(row[5]) is int and row[5] >= 0)]

    # ---- writing

    def record_opened(self, key: str, title: str, origin: str, date: str | None, paragraphs: int) -> bool:
        """Put document ``key`` on the shelf (or refresh its entry), stamped as opened now."""
        return self._write(key, lambda db: db.execute(
            "INSERT OR REPLACE INTO shelf VALUES (?, ?, ?, ?, ?, ?)",
            (key, title, origin, date, int(paragraphs), _now()))) is not None

    def forget(self, key: str) -> bool:
        """Take document ``key`` off the shelf (its position and bookmarks stay)."""
        return self._write(key, lambda db: db.execute("DELETE FROM shelf WHERE key = ?", (key,))) is not None

    def _write(self, key: str, change: Callable[[Any], Any]) -> Any:
        """Run ``change(db)`` and stamp ``key`` as seen, in one transaction; None on failure."""
        import sqlite3

        try:
            db = self._connection()
            db.execute("BEGIN IMMEDIATE")
            try:
                result = change(db)
                db.execute("INSERT INTO documents (key, seen) VALUES (?, ?) "
                           "ON CONFLICT (key) DO UPDATE SET seen = excluded.seen", (key, _now()))
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        except _Unusable:
            return None
        except sqlite3.Error as exc:
            self._not_saved(exc)
            return None
        return result

    def set_position(self, key: str, paragraph: int) -> bool:
        """Remember ``paragraph`` as the reading position of ``key``; False if not saved."""
        return self._write(key, lambda db: db.execute(
            "INSERT INTO documents (key, position) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET position = excluded.position", (key, int(paragraph)))) is not None

    def set_date(self, key: str, date: str | None) -> bool:
        """Remember the document date the user set (None: the document's own again)."""
        return self._write(key, lambda db: db.execute(
            "INSERT INTO documents (key, date) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET date = excluded.date", (key, date))) is not None

    def add_bookmark(self, key: str, paragraph: int, label: str = "") -> Bookmark | None:
        """Bookmark ``paragraph`` (one per paragraph: re-adding relabels it); None if not saved."""
        mark = Bookmark(int(paragraph), label, _now())
        done = self._write(key, lambda db: db.execute(
            "INSERT OR REPLACE INTO bookmarks VALUES (?, ?, ?, ?)", (key, *mark)))
        return mark if done is not None else None

    def label_bookmark(self, key: str, paragraph: int, label: str) -> bool:
        """Give the bookmark on ``paragraph`` a new label (its creation time stays); True if
        there was one and the change is saved."""
        cursor = self._write(key, lambda db: db.execute(
            "UPDATE bookmarks SET label = ? WHERE key = ? AND paragraph = ?",
            (" ".join(label.split()), key, int(paragraph))))
        return cursor is not None and cursor.rowcount > 0

    def delete_bookmark(self, key: str, paragraph: int) -> bool:
        """Remove the bookmark on ``paragraph``; True if one was removed and saved."""
        cursor = self._write(key, lambda db: db.execute(
            "DELETE FROM bookmarks WHERE key = ? AND paragraph = ?", (key, int(paragraph))))
        return cursor is not None and cursor.rowcount > 0


def _import_document(db, key: str, entry: object) -> None:
    """One document of ``state.json``: what is well-formed (the rest is skipped)."""
    from .models import check_date

    if not isinstance(key, str) or not isinstance(entry, dict):
        return
    position = entry.get("position")
    position = position if type(position) is int and position >= 0 else None
    date = entry.get("date")
    date = date if isinstance(date, str) and check_date(date) == date else None
    seen = entry.get("seen") if isinstance(entry.get("seen"), str) else ""
    db.execute("INSERT OR REPLACE INTO documents VALUES (?, ?, ?, ?)", (key, position, date, seen))
    for item in entry.get("bookmarks") or ():
        if (isinstance(item, dict) and type(item.get("paragraph")) is int and item["paragraph"] >= 0
                and isinstance(item.get("label", ""), str) and isinstance(item.get("created", ""), str)):
            db.execute("INSERT OR REPLACE INTO bookmarks VALUES (?, ?, ?, ?)",
                       (key, item["paragraph"], item.get("label", ""), item.get("created", "")))


def _regular_or_absent(path: Path) -> bool:
    """A regular file, or nothing: a FIFO or device as the state would hang or mislead."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (FileNotFoundError, NotADirectoryError):
        return True
    except OSError:
        return False


def _now() -> str:
    """Current UTC time, ISO 8601 to the second."""
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
