"""Reading positions, bookmarks and settings on disk, written so nothing is ever lost.

Where: ``platformdirs`` user config and state directories for ``b2b-reader``, or, when
the environment variable ``B2B_READER_HOME`` is set, its ``config/`` and ``state/``
subdirectories (tests and CI use it). Every function also takes an explicit path.

How:

* every write goes to a temporary file in the same directory, is fsynced and then
  ``os.replace``-d over the old file, so a crash leaves the old or the new file whole;
* read-modify-write of the shared state file happens under ``fcntl.flock`` on a
  separate lock file, so two readers adding bookmarks at once both keep theirs;
* a file that cannot be parsed is moved aside (``state.json.corrupt-<time>``) with a
  warning naming both paths, and defaults are used; if it cannot be moved aside it is
  not overwritten either;
* nothing here raises for an I/O problem: failures become warning strings the UI
  shows (``StateStore.warnings``, the list returned by the settings functions).

Documents are keyed by :func:`content_key`, a hash of their text, so a renamed or
moved file keeps its position and an edited one starts afresh.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any, NamedTuple

import platformdirs

APP_NAME = "b2b-reader"
HOME_ENV = "B2B_READER_HOME"
STATE_FILE = "state.json"
SETTINGS_FILE = "settings.toml"
STATE_VERSION = 1
#: Formats of a copied excerpt: Markdown or plain text, optionally with both scripts, or JSON.
EXCERPT_FORMATS = ("md", "md-both", "plain", "plain-both", "json")

from .files import write_atomically
from .script import SCRIPTS as _SCRIPTS  # one list of views for the whole core
from .script import VARIANTS as _VARIANTS


def config_dir() -> Path:
    """Directory of ``settings.toml`` (``$B2B_READER_HOME/config`` when set)."""
    home = os.environ.get(HOME_ENV)
    if home:
        return Path(home) / "config"
    return platformdirs.user_config_path(APP_NAME, appauthor=False)


def state_dir() -> Path:
    """Directory of ``state.json`` (``$B2B_READER_HOME/state`` when set)."""
    home = os.environ.get(HOME_ENV)
    if home:
        return Path(home) / "state"
    return platformdirs.user_state_path(APP_NAME, appauthor=False)


def content_key(text: str) -> str:
    """Stable key of a document: the first 32 hex digits of SHA-256 of its UTF-8 text."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


# --------------------------------------------------------------------------- file helpers


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Hold an exclusive ``flock`` on ``<path>.lock`` (a separate file, never replaced)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path.with_name(path.name + ".lock"), os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _set_aside(path: Path, reason: str) -> tuple[bool, str]:
    """Rename a bad file to ``<name>.corrupt-<time>``; return (moved, warning)."""
    stamp = time.strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
    try:
        os.replace(path, target)
    except OSError as exc:
        return False, f"{path}: {reason}; could not move it aside ({exc.strerror}); using defaults"
    return True, f"{path}: {reason}; moved to {target.name}; using defaults"


def _describe(exc: OSError) -> str:
    """Short reason for an OSError, without the repeated file name."""
    return exc.strerror or type(exc).__name__


# --------------------------------------------------------------------------- settings


@dataclass
class Settings:
    """User preferences: display script and variant, theme, punctuation, key bindings."""

    script: str = "traditional"
    variant: str = "tw"
    theme: str = "textual-dark"
    punctuation: bool = False  # normalise punctuation to full width
    excerpt_format: str = "md"  # what c copies: one of EXCERPT_FORMATS
    keymap: dict[str, str] = field(default_factory=dict)  # binding id -> keys


def _settings_path(path: str | Path | None) -> Path:
    return Path(path) if path is not None else config_dir() / SETTINGS_FILE


def load_settings(path: str | Path | None = None) -> tuple[Settings, list[str]]:
    """Read settings; bad values fall back to defaults one by one, with warnings.

    A file that is not valid TOML (or cannot be read) is moved aside and all defaults
    are used. A missing file is simply the defaults.
    """
    target = _settings_path(path)
    warnings: list[str] = []
    try:
        data = target.read_bytes()
    except (FileNotFoundError, NotADirectoryError):  # nothing saved yet
        return Settings(), warnings
    except OSError as exc:
        warnings.append(_set_aside(target, f"unreadable settings: {_describe(exc)}")[1])
        return Settings(), warnings
    import tomllib  # ~3 ms of start-up: only when there are settings to read

    try:
        raw = tomllib.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        warnings.append(_set_aside(target, f"unreadable settings: not valid TOML ({exc})")[1])
        return Settings(), warnings
    return _settings_from(raw, target, warnings), warnings


def _settings_from(raw: dict[str, Any], path: Path, warnings: list[str]) -> Settings:
    """Build Settings from parsed TOML, keeping defaults for anything invalid."""
    settings = Settings()
    choices = {"script": _SCRIPTS, "variant": _VARIANTS, "excerpt_format": EXCERPT_FORMATS}
    known = {f.name for f in fields(Settings)}
    for key, value in raw.items():
        if key not in known:
            warnings.append(f"{path}: unknown setting {key!r} ignored")
        elif key == "keymap":
            if not isinstance(value, dict):
                warnings.append(f"{path}: keymap must be a table; ignored")
                continue
            for binding, keys in value.items():
                if isinstance(keys, str):
                    settings.keymap[binding] = keys
                else:
                    warnings.append(f"{path}: keymap.{binding} must be a string; ignored")
        elif key == "punctuation":
            if isinstance(value, bool):
                settings.punctuation = value
            else:
                warnings.append(f"{path}: punctuation must be true or false; using false")
        elif not isinstance(value, str) or (key in choices and value not in choices[key]):
            allowed = ", ".join(choices.get(key, ("a string",)))
            default = getattr(settings, key)
            warnings.append(f"{path}: {key} = {value!r} is not one of {allowed}; using {default!r}")
        else:
            setattr(settings, key, value)
    return settings


def save_settings(settings: Settings, path: str | Path | None = None) -> list[str]:
    """Write settings atomically; return warnings (empty on success), never raise."""
    target = _settings_path(path)
    try:
        with _locked(target):
            write_atomically(target, _settings_toml(settings).encode("utf-8"))
    except OSError as exc:
        return [f"{target}: settings not saved ({_describe(exc)})"]
    return []


def update_settings(changes: dict[str, Any], path: str | Path | None = None) -> list[str]:
    """Merge ``changes`` into the settings on disk and write them; warnings, never raises.

    Read, change and write happen under the lock, so two readers sharing a home keep
    each other's changes (A switches the copy format, B the script: both survive),
    where writing one reader's whole, stale copy would undo the other's.
    """
    target = _settings_path(path)
    try:
        with _locked(target):
            current, warnings = load_settings(target)
            merged = replace(current, **changes)
            write_atomically(target, _settings_toml(merged).encode("utf-8"))
    except OSError as exc:
        return [f"{target}: settings not saved ({_describe(exc)})"]
    return [w for w in warnings if "moved to" in w or "could not move" in w]  # the rest was said at start


def _settings_toml(settings: Settings) -> str:
    """TOML text for the flat settings shape (tomli_w when installed)."""
    data = asdict(settings)
    try:
        import tomli_w
    except ImportError:
        return _tiny_toml(data)
    return tomli_w.dumps(data)


def _tiny_toml(data: dict[str, Any]) -> str:
    """Minimal TOML writer: top-level scalars, then one table of strings (the keymap)."""
    lines, tables = [], []
    for key, value in data.items():
        if isinstance(value, dict):
            tables.append(f"\n[{key}]")
            tables += [f"{json.dumps(k)} = {json.dumps(v, ensure_ascii=False)}" for k, v in value.items()]
        elif isinstance(value, bool):
            lines.append(f"{key} = {'true' if value else 'false'}")
        else:
            # JSON string escapes are valid TOML basic-string escapes
            lines.append(f"{key} = {json.dumps(value, ensure_ascii=False)}")
    return "\n".join(lines + tables) + "\n"


# --------------------------------------------------------------------------- state


class Bookmark(NamedTuple):
    """A marked paragraph of a document, with the user's label and creation time (ISO)."""

    paragraph: int
    label: str
    created: str


class _Unusable(Exception):
    """The state file is corrupt and could not be set aside: do not write over it."""


class StateStore:
    """Per-document reading position and bookmarks in one JSON file.

    Reads never fail (a problem gives defaults and a warning); writes either happen
    completely or leave a warning in :attr:`warnings`.
    """

    def __init__(self, directory: str | Path | None = None) -> None:
        self.directory = Path(directory) if directory is not None else state_dir()
        self.path = self.directory / STATE_FILE
        #: Messages for the user about problems met so far; the UI drains them.
        self.warnings: list[str] = []

    def drain_warnings(self) -> list[str]:
        """Return and forget the warnings collected so far."""
        out, self.warnings = self.warnings, []
        return out

    # ---- reading

    def _warn(self, message: str) -> None:
        if message not in self.warnings:  # repeated reads of one bad file warn once
            self.warnings.append(message)

    def _read(self) -> dict[str, Any] | str:
        """The state file's content (a fresh one if missing), or why it is unusable."""
        try:
            data = json.loads(self.path.read_bytes())
        except (FileNotFoundError, NotADirectoryError):  # nothing saved yet
            return {"version": STATE_VERSION, "documents": {}}
        except (OSError, ValueError, RecursionError) as exc:
            reason = (_describe(exc) if isinstance(exc, OSError) else
                      "nested too deeply" if isinstance(exc, RecursionError) else f"not valid JSON ({exc})")
            return f"unreadable reading state: {reason}"
        if not isinstance(data, dict) or not isinstance(data.get("documents"), dict):
            return "unreadable reading state: unexpected layout"
        return data

    def _load_locked(self) -> dict[str, Any]:
        """Content under the lock; a bad file is set aside (or _Unusable if it cannot be)."""
        data = self._read()
        if isinstance(data, dict):
            return data
        moved, warning = _set_aside(self.path, data)
        self._warn(warning)
        if not moved:
            raise _Unusable(warning)
        return {"version": STATE_VERSION, "documents": {}}

    def _load(self) -> dict[str, Any]:
        """Content for reading; never raises. Replace is atomic, so no lock is needed
        unless the file is bad: then it is set aside under the lock, after a re-read,
        so that a file another process has just repaired is never moved."""
        data = self._read()
        if isinstance(data, dict):
            return data
        try:
            with _locked(self.path):
                return self._load_locked()
        except OSError as exc:
            self._warn(f"{self.path}: {data}; could not move it aside ({_describe(exc)}); using defaults")
        except _Unusable:
            return {"version": STATE_VERSION, "documents": {}}  # warned; file left as is
        return {"version": STATE_VERSION, "documents": {}}

    def _document(self, key: str) -> dict[str, Any]:
        entry = self._load()["documents"].get(key)
        return entry if isinstance(entry, dict) else {}

    def position(self, key: str) -> int | None:
        """Paragraph last read in document ``key``, or None if never opened."""
        value = self._document(key).get("position")
        return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None

    def bookmarks(self, key: str) -> list[Bookmark]:
        """Bookmarks of document ``key`` in paragraph order (malformed entries skipped)."""
        out = []
        for item in self._document(key).get("bookmarks", []):
            if _valid_bookmark(item):
                out.append(Bookmark(item["paragraph"], item.get("label", ""), item.get("created", "")))
        return sorted(out, key=lambda b: (b.paragraph, b.created))

    # ---- writing

    def _update(self, key: str, change: Callable[[dict[str, Any]], None]) -> bool:
        """Apply ``change`` to document ``key``'s entry under the lock; False on failure."""
        try:
            with _locked(self.path):
                data = self._load_locked()
                entry = data["documents"].get(key)
                if not isinstance(entry, dict):
                    entry = data["documents"][key] = {}
                change(entry)
                entry["seen"] = _now()
                data["version"] = STATE_VERSION
                payload = json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")
                write_atomically(self.path, payload)
        except OSError as exc:
            self._warn(f"{self.path}: reading state not saved ({_describe(exc)})")
            return False
        except _Unusable:
            return False  # already warned: the corrupt file stays as it is
        return True

    def set_position(self, key: str, paragraph: int) -> bool:
        """Remember ``paragraph`` as the reading position of ``key``; False if not saved."""
        return self._update(key, lambda entry: entry.__setitem__("position", int(paragraph)))

    def add_bookmark(self, key: str, paragraph: int, label: str = "") -> Bookmark | None:
        """Bookmark ``paragraph`` (one per paragraph: re-adding relabels it); None if not saved."""
        mark = Bookmark(int(paragraph), label, _now())

        def change(entry: dict[str, Any]) -> None:
            items = entry.get("bookmarks")
            if not isinstance(items, list):
                items = entry["bookmarks"] = []
            items[:] = [i for i in items if not (_valid_bookmark(i) and i["paragraph"] == mark.paragraph)]
            items.append(mark._asdict())

        return mark if self._update(key, change) else None

    def delete_bookmark(self, key: str, paragraph: int) -> bool:
        """Remove the bookmark on ``paragraph``; True if one was removed and saved."""
        removed = False

        def change(entry: dict[str, Any]) -> None:
            nonlocal removed
            items = entry.get("bookmarks")
            if isinstance(items, list):
                kept = [i for i in items if not (_valid_bookmark(i) and i["paragraph"] == paragraph)]
                removed = len(kept) != len(items)
                items[:] = kept

        return self._update(key, change) and removed


def _valid_bookmark(item: object) -> bool:
    return (
        isinstance(item, dict)
        and isinstance(item.get("paragraph"), int)
        and not isinstance(item.get("paragraph"), bool)
        and isinstance(item.get("label", ""), str)
        and isinstance(item.get("created", ""), str)
    )


def _now() -> str:
    """Current UTC time, ISO 8601 to the second."""
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
