"""The entity lexicon: reviewed names of people, organisations, places, events, products.

The packaged file ``b2b_reader/data/lexicon.toml`` is an array of ``[[entity]]`` tables
(``name``, ``type``, ``aliases``, ``forms``, ``alias_forms``, ``note``). A user file of the
same shape may add entries or replace packaged ones by ``name``. A malformed entry or file
never stops loading: it becomes a warning ``file:line: message`` and is skipped.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .models import ENTITY_TYPES

PACKAGED_NAME = "lexicon.toml"
_FORM_KEYS = ("traditional", "tw", "hk")
_KNOWN_KEYS = {"name", "type", "aliases", "forms", "alias_forms", "note"}
_HEADER = re.compile(r"^[ \t]*\[\[[ \t]*entity[ \t]*\]\]", re.M)
_TOML_LINE = re.compile(r"\(at line (\d+), column \d+\)")


@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon entry; ``forms``/``alias_forms`` map a script key to a written form."""

    name: str
    type: str
    aliases: tuple[str, ...] = ()
    forms: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    alias_forms: dict[str, dict[str, str]] = field(default_factory=dict, compare=False, hash=False)
    note: str = ""
    origin: str = ""  # "file:line" of its [[entity]] header, for messages


class Lexicon:
    """Entries by canonical name plus an index of every surface form (name or alias).

    When two entries claim the same alias, the later one (the user overlay) wins.
    """

    def __init__(self, entries: list[Entry], warnings: list[str] | None = None) -> None:
        by_name: dict[str, Entry] = {}
        for entry in entries:
            by_name[entry.name] = entry  # later files override earlier ones by name
        self.entries: tuple[Entry, ...] = tuple(by_name.values())
        self.warnings: list[str] = list(warnings or [])
        self._surface: dict[str, Entry] = {}
        for entry in self.entries:
            for alias in entry.aliases:
                self._surface[alias] = entry
        for entry in self.entries:  # a canonical name always means its own entry
            self._surface[entry.name] = entry
        self.cache: dict[str, Any] = {}  # compiled matchers, built lazily by core.entities

    def __len__(self) -> int:
        return len(self.entries)

    def surfaces(self) -> dict[str, Entry]:
        """Every name and alias mapped to its entry."""
        return self._surface

    def entry(self, name: str) -> Entry | None:
        """The entry a name or alias refers to, or None."""
        return self._surface.get(name)

    def canonical(self, name: str) -> str:
        """Canonical name for a name or alias (``七公`` → ``汪海``); unknown names unchanged."""
        entry = self._surface.get(name)
        return entry.name if entry else name

    def type_of(self, name: str) -> str | None:
        """Entity type of a name or alias, or None when it is not in the lexicon."""
        entry = self._surface.get(name)
        return entry.type if entry else None

    def protected_forms(self, script: str, variant: str = "std") -> dict[str, str]:
        """Simplified name or alias → its pinned written form in ``script``/``variant``.

        Only names with an explicit ``forms``/``alias_forms`` value are returned: those
        are the ones OpenCC gets wrong (余涌 → 餘湧) or that must be pinned (朴初 → 樸初);
        every other name is safe to convert with OpenCC. ``variant`` "tw"/"hk" use their
        own key when given, else ``traditional``. Scripts other than "traditional" get {}.
        """
        if script != "traditional":
            return {}
        keys = ("traditional",) if variant == "std" else (variant, "traditional")
        out: dict[str, str] = {}
        for entry in self.entries:
            form = _pick(entry.forms, keys)
            if form:
                out[entry.name] = form
            for alias, forms in entry.alias_forms.items():
                form = _pick(forms, keys)
                if form:
                    out[alias] = form
        return out


def _pick(forms: dict[str, str], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        if key in forms:
            return forms[key]
    return None


def load_lexicon(user_path: Path | None = None) -> Lexicon:
    """Load the packaged lexicon, then the user file at ``user_path`` if it exists."""
    warnings: list[str] = []
    from .. import data

    text = data.read_text(PACKAGED_NAME)
    entries = parse_lexicon(text, f"b2b_reader/data/{PACKAGED_NAME}", warnings)
    if user_path is not None and user_path.is_file():
        try:
            user_text = user_path.read_text("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            warnings.append(f"{user_path}: cannot read: {exc}")
        else:
            entries += parse_lexicon(user_text, str(user_path), warnings)
    return Lexicon(entries, warnings)


def parse_lexicon(text: str, label: str, warnings: list[str]) -> list[Entry]:
    """Parse lexicon TOML ``text``; append ``label:line: message`` warnings for bad parts.

    On a TOML syntax error the file is parsed again one ``[[entity]]`` block at a time,
    so one broken entry costs only itself.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return _parse_blockwise(text, label, warnings, exc)
    header_lines, line, last = [], 1, 0
    for m in _HEADER.finditer(text):  # counted on from the previous header: not quadratic
        line += text.count("\n", last, m.start())
        last = m.start()
        header_lines.append(line)
    return _entries_from(data, header_lines, 1, label, warnings)


def _parse_blockwise(
    text: str, label: str, warnings: list[str], exc: tomllib.TOMLDecodeError
) -> list[Entry]:
    starts = [m.start() for m in _HEADER.finditer(text)]
    if not starts:
        warnings.append(_syntax_warning(label, 0, exc))
        return []
    entries: list[Entry] = []
    bounds = [*starts, len(text)]
    for begin, end in zip(bounds, bounds[1:]):
        first_line = text.count("\n", 0, begin) + 1
        try:
            data = tomllib.loads(text[begin:end])
        except tomllib.TOMLDecodeError as block_exc:
            warnings.append(_syntax_warning(label, first_line - 1, block_exc))
            continue
        entries += _entries_from(data, [first_line], first_line, label, warnings)
    return entries


def _syntax_warning(label: str, line_offset: int, exc: tomllib.TOMLDecodeError) -> str:
    msg = str(exc)
    m = _TOML_LINE.search(msg)
    if m:
        line = int(m.group(1)) + line_offset
        return f"{label}:{line}: TOML syntax error: {_TOML_LINE.sub('', msg).strip()}"
    return f"{label}: TOML syntax error: {msg}"


def _entries_from(
    data: dict[str, Any], header_lines: list[int], default_line: int, label: str,
    warnings: list[str],
) -> list[Entry]:
    raw = data.get("entity", [])
    if not isinstance(raw, list):
        warnings.append(f"{label}:{default_line}: 'entity' must be an array of tables")
        return []
    entries = []
    for i, item in enumerate(raw):
        line = header_lines[i] if i < len(header_lines) else default_line
        where = f"{label}:{line}"
        try:
            entries.append(_entry(item, where))
        except ValueError as exc:
            warnings.append(f"{where}: {exc}")
    return entries


def _entry(item: Any, where: str) -> Entry:
    """Validate one table; raise ValueError with a short reason."""
    if not isinstance(item, dict):
        raise ValueError("entry is not a table")
    unknown = set(item) - _KNOWN_KEYS
    if unknown:
        raise ValueError(f"unknown key {sorted(unknown)[0]!r}")
    name = item.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ValueError("missing or empty 'name'")
    etype = item.get("type")
    if etype not in ENTITY_TYPES:
        raise ValueError(f"unknown type {etype!r}" if etype else f"{name}: missing 'type'")
    aliases = item.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a for a in aliases):
        raise ValueError(f"{name}: 'aliases' must be a list of non-empty strings")
    forms = _forms(item.get("forms", {}), name, "forms")
    alias_forms_raw = item.get("alias_forms", {})
    if not isinstance(alias_forms_raw, dict):
        raise ValueError(f"{name}: 'alias_forms' must be a table")
    alias_forms = {}
    for alias, value in alias_forms_raw.items():
        if alias not in aliases:
            raise ValueError(f"{name}: alias_forms names {alias!r}, which is not an alias")
        alias_forms[alias] = _forms(value, name, f"alias_forms.{alias}")
    note = item.get("note", "")
    if not isinstance(note, str):
        raise ValueError(f"{name}: 'note' must be a string")
    return Entry(name, etype, tuple(dict.fromkeys(aliases)), forms, alias_forms, note, where)


def _forms(value: Any, name: str, key: str) -> dict[str, str]:
    if not isinstance(value, dict):
        raise ValueError(f"{name}: {key!r} must be a table")
    for k, v in value.items():
        if k not in _FORM_KEYS:
            raise ValueError(f"{name}: {key} has unknown script {k!r} (use {', '.join(_FORM_KEYS)})")
        if not isinstance(v, str) or not v:
            raise ValueError(f"{name}: {key}.{k} must be a non-empty string")
    return dict(value)
