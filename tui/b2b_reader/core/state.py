"""Reading positions, bookmarks and settings on disk, written so nothing is ever lost.

Where: ``platformdirs`` user config and state directories for ``b2b-reader``, or, when
the environment variable ``B2B_READER_HOME`` is set, its ``config/`` and ``state/``
subdirectories (tests and CI use it). Every function also takes an explicit path.

How:

* settings are written to a temporary file in the same directory, fsynced and then
  ``os.replace``-d over the old file, so a crash leaves the old or the new file whole;
  a change is merged into what is on disk under ``fcntl.flock`` on a separate lock file,
  so two readers changing different settings both keep theirs;
* reading positions, bookmarks and document dates are rows of a SQLite database
  (``core/store.py``), one indexed update each;
* a file that cannot be parsed is moved aside (``<name>.corrupt-<time>``) with a
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
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import platformdirs

APP_NAME = "b2b-reader"
HOME_ENV = "B2B_READER_HOME"
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
    """Directory of ``state.db`` (``$B2B_READER_HOME/state`` when set)."""
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


#: The default maximum reading width in cells, and the narrowest one accepted.
DEFAULT_READING_WIDTH = 80
MIN_READING_WIDTH = 20


@dataclass
class Settings:
    """User preferences: display script and variant, theme, punctuation, key bindings."""

    script: str = "traditional"  # the view a simplified (or mixed) source opens in
    variant: str = "tw"
    #: The view a traditional source opens in: as written, unless the user chose another.
    traditional_script: str = "original"
    theme: str = "textual-dark"
    punctuation: bool = False  # normalise punctuation to full width
    excerpt_format: str = "md"  # what c copies: one of EXCERPT_FORMATS
    keymap: dict[str, str] = field(default_factory=dict)  # binding id -> keys
    #: The widest the article's lines get, in cells (80: about 40 Chinese characters, as
    #: e-readers set a page); a wider terminal centres the column. 0: the whole width.
    reading_width: int = DEFAULT_READING_WIDTH

    def view_for(self, source_script: str) -> tuple[str, str]:
        """(script, variant) a document whose source is in ``source_script`` opens in."""
        return (self.traditional_script if source_script == "traditional" else self.script, self.variant)

    def view_changes(self, source_script: str, script: str, variant: str) -> dict[str, str]:
        """The settings that remember ``script``/``variant`` chosen on such a document."""
        key = "traditional_script" if source_script == "traditional" else "script"
        return {key: script, "variant": variant}


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
    choices = {"script": _SCRIPTS, "traditional_script": _SCRIPTS, "variant": _VARIANTS,
               "excerpt_format": EXCERPT_FORMATS}
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
        elif key == "reading_width":
            if isinstance(value, int) and not isinstance(value, bool) and (
                    value == 0 or MIN_READING_WIDTH <= value <= 1000):
                settings.reading_width = value
            else:
                warnings.append(f"{path}: reading_width must be 0 (the whole width) or a number of cells "
                                f"from {MIN_READING_WIDTH} to 1000; using {DEFAULT_READING_WIDTH}")
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
    from .files import clean_orphans

    clean_orphans(target.parent)  # a write killed midway left its temporary file
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

# Positions, bookmarks and document dates live in SQLite (core/store.py).
from .store import Bookmark, StateStore  # noqa: E402,F401
