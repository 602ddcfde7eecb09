"""The glossary of B2B and e-commerce terms: loading, validation, user overlay, matching.

The reviewed glossary ships as ``b2b_reader/data/glossary.toml`` (``[[term]]`` tables with
``term``, ``aliases``, ``pinyin``, ``en``, ``zh``, ``category``). A user file of the same
shape may add terms or override fields of packaged ones; a malformed file or entry is
reported as ``path:line: ...`` in :attr:`Glossary.warnings` and everything else still loads.

Matching (:func:`find_terms`) runs on canonical (simplified) text with one compiled regex
built from a trie of every form, so the regex engine finds the candidates in C:

* **Longest match wins** at a position (``B2小B2C`` over ``B2C``, ``产业互联网`` over ``互联网``);
  across positions the leftmost match wins, as usual for regexes.
* **Latin boundaries.** An edge of a term that is an ASCII letter or digit must not touch
  another ASCII letter or digit: ``B2B`` is not found in ``B2B2C``, ``AI`` neither in
  ``AIGC`` nor in ``SAID``. Chinese characters need no boundary (``小B`` in ``小B买家``).
  A purely numeric term (``618``) also refuses a neighbouring ``.`` and a following unit
  (``618万``, ``618元``, ``618年``), where it is a quantity rather than the festival.
* **Word boundaries.** A term matches only where the segmentation has a word boundary at
  both of its edges, or where it is exactly an entity: ``达人`` is not in ``达人民币``
  (达|人民币), ``外贸`` not in ``为国外贸易`` (为|国外贸易), ``融资`` not in ``金融资产``.
  The segmentation is rjieba's over jieba's dictionary, with the glossary's terms added
  as common words (so ``这群主播`` reads 这|群|主播, not 这|群主|播) and no guesses at
  unknown words; it runs only on paragraphs with a hit. A term may also list compounds
  that contain it in another sense (``not_in``: ``转化率`` in ``科技成果转化率``).
* **Case.** A form whose Latin runs are all three characters or longer matches in any case
  (``b2b``, ``Saas``, ``gmv``): writers are inconsistent and such runs are unambiguous. A
  form with a shorter run (``AI``, ``IP``, ``B端``, ``小B``, ``生成式AI``) matches only as
  written, because ``ai``/``ip`` in lower case are more often something else.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import NamedTuple

from .script import converter
from .term_matcher import HAN as _HAN
from .term_matcher import TermMatcher, find_terms  # noqa: F401 (find_terms re-exported)

#: The fixed set of categories, in display order.
CATEGORIES: tuple[str, ...] = (
    "business-model",
    "market",
    "metric",
    "finance",
    "supply-chain",
    "channel",
    "retail",
    "marketing",
    "technology",
    "organisation",
    "general",
)
FIELDS: tuple[str, ...] = ("term", "aliases", "pinyin", "en", "zh", "category", "not_in")
PACKAGED_NAME = "glossary.toml"

_TONE_NUMBER = re.compile(r"[a-zü]+[1-5](?![0-9])")  # "xiao3": numbered, not tone-marked


@dataclass(frozen=True, slots=True)
class Term:
    """One glossary entry; ``origin`` is ``path:line`` of the table that defined it."""

    term: str
    aliases: tuple[str, ...]
    pinyin: str
    en: str
    zh: str
    category: str
    origin: str = ""
    #: Longer words containing a form with another sense: no match inside them.
    not_in: tuple[str, ...] = ()

    @property
    def forms(self) -> tuple[str, ...]:
        """The canonical term followed by its aliases (all simplified)."""
        return (self.term, *self.aliases)

    @property
    def traditional(self) -> tuple[str, ...]:
        """The forms in traditional script, derived with OpenCC (never typed in the data)."""
        s2t = converter("s2t")
        return tuple(dict.fromkeys(s2t(f) for f in self.forms))


class GlossaryItem(NamedTuple):
    """A glossary term the analysis found: its entry and where it occurs, on canonical
    offsets: ``occurrences`` (paragraph, start, end) in the body, ``heads`` (part, index,
    start, end) in the title and headings."""

    term: str
    pinyin: str
    en: str
    zh: str
    category: str
    occurrences: tuple[tuple[int, int, int], ...] = ()
    heads: tuple[tuple[str, int, int, int], ...] = ()

    def to_json(self) -> dict:
        return self._asdict()

    @classmethod
    def from_json(cls, data: dict) -> GlossaryItem:
        return cls(data["term"], data["pinyin"], data["en"], data["zh"], data["category"],
                   tuple(tuple(o) for o in data["occurrences"]), tuple(tuple(h) for h in data.get("heads", ())))


class Glossary:
    """Validated terms plus the warnings met while loading them."""

    def __init__(self, entries: Sequence[Term], warnings: Sequence[str] = ()) -> None:
        index: dict[str, Term] = {}
        notes = list(warnings)
        kept: list[Term] = []
        # Canonical names claim their key before any alias can, whatever the order.
        for t in entries:
            other = index.setdefault(_key(t.term), t)
            if other is not t:
                notes.append(f"{t.origin}: term {t.term!r} duplicates {other.term!r}; skipped")
            else:
                kept.append(t)
        final: list[Term] = []
        for t in kept:
            aliases = []
            for alias in t.aliases:
                other = index.setdefault(_key(alias), t)
                if other is t:
                    aliases.append(alias)
                else:
                    notes.append(
                        f"{t.origin}: alias {alias!r} of {t.term!r} already names "
                        f"{other.term!r}; alias ignored"
                    )
            fixed = t if len(aliases) == len(t.aliases) else _replace(t, aliases=tuple(aliases))
            final.append(fixed)
            for form in fixed.forms:
                index[_key(form)] = fixed
        self.entries: tuple[Term, ...] = tuple(final)
        self.warnings: tuple[str, ...] = tuple(notes)
        self._index = index

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[Term]:
        return iter(self.entries)

    def __contains__(self, text: object) -> bool:
        return isinstance(text, str) and self.get(text) is not None

    def get(self, term_or_alias: str) -> Term | None:
        """The entry for a term or alias in any script or case (``下沉市場`` → 下沉市场)."""
        text = unicodedata.normalize("NFC", term_or_alias.strip())
        for config in (None, "t2s", "tw2sp"):  # tw2sp: Taiwan phrasing such as 網際網路
            candidate = converter(config)(text) if config else text
            found = self._index.get(candidate.lower())
            if found is not None:
                return found
        return None

    @cached_property
    def matcher(self) -> TermMatcher:
        """The compiled matcher for these entries (built on first use, a few ms)."""
        return TermMatcher(self.entries)


def _replace(t: Term, **changes: object) -> Term:
    fields = {name: getattr(t, name) for name in Term.__slots__}
    fields.update(changes)
    return Term(**fields)  # type: ignore[arg-type]


def _key(form: str) -> str:
    return form.lower()


def _canonical(text: str) -> str:
    """User data may be typed in traditional script or decomposed Unicode: normalise it."""
    return converter("t2s")(unicodedata.normalize("NFC", text.strip()))


# ── loading ──────────────────────────────────────────────────────────────────────────


def load_glossary(user_path: Path | None = None) -> Glossary:
    """The packaged glossary, overlaid with ``user_path`` when given and existing.

    A user entry whose ``term`` exists overrides only the fields it gives; a new term must
    give them all. Problems become warnings naming ``file:line``; they never raise.
    """
    from .. import data as packaged

    data = packaged.HERE / PACKAGED_NAME
    terms: dict[str, Term] = {}
    warnings: list[str] = []
    _merge(data.read_text(encoding="utf-8"), str(data), terms, warnings, overlay=False)
    if user_path is not None and user_path.is_file():
        try:
            text = user_path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            warnings.append(f"{user_path}:1: cannot read the glossary file ({exc}); skipped")
        else:
            _merge(text, str(user_path), terms, warnings, overlay=True)
    return Glossary(tuple(terms.values()), warnings)


def _merge(
    text: str, name: str, terms: dict[str, Term], warnings: list[str], *, overlay: bool
) -> None:
    """Parse one glossary file into ``terms`` (keyed by lower-cased canonical term)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = re.search(r"line (\d+)", str(exc))
        at = line.group(1) if line else 1
        warnings.append(f"{name}:{at}: not valid TOML ({exc}); file skipped")
        return
    raw = data.get("term")
    if not isinstance(raw, list):
        what = "no [[term]] tables" if raw is None else "'term' must be an array of tables"
        warnings.append(f"{name}:1: {what}; file skipped")
        return
    lines = _entry_lines(text, raw)
    seen: set[str] = set()
    for entry, line in zip(raw, lines):
        where = f"{name}:{line}"
        if not isinstance(entry, dict):
            warnings.append(f"{where}: a term must be a table; skipped")
            continue
        unknown = sorted(set(entry) - set(FIELDS))
        if unknown:
            warnings.append(f"{where}: unknown key(s) {', '.join(unknown)} ignored")
        if not isinstance(entry.get("term"), str) or not entry["term"].strip():
            warnings.append(f"{where}: 'term' must be a non-empty string; entry skipped")
            continue
        key = _key(_canonical(entry["term"]))
        if key in seen:
            warnings.append(f"{where}: term {entry['term']!r} appears twice in this file; skipped")
            continue
        seen.add(key)
        base = terms.get(key) if overlay else None
        fields = {f: getattr(base, f) for f in FIELDS} if base else {}
        fields.update({f: entry[f] for f in FIELDS if f in entry})
        term, problems = _validate(fields, where)
        if term is None:
            kept = "; the packaged entry is kept" if base else ""
            why = "; ".join(problems)
            warnings.append(f"{where}: term {entry['term']!r}: {why}; entry skipped{kept}")
        else:
            terms[key] = term


def _entry_lines(text: str, raw: list[object]) -> list[int]:
    """The line of each entry: its ``[[term]]`` header, else its ``term = "..."`` line."""
    headers = [
        text.count("\n", 0, m.start()) + 1
        for m in re.finditer(r"^[ \t]*\[\[[ \t]*term[ \t]*\]\]", text, re.MULTILINE)
    ]
    if len(headers) == len(raw):
        return headers
    lines = []
    for entry in raw:
        value = entry.get("term") if isinstance(entry, dict) else None
        m = None
        if isinstance(value, str):
            m = re.search(rf"\bterm\s*=\s*[\"']{re.escape(value)}[\"']", text)
        lines.append(text.count("\n", 0, m.start()) + 1 if m else 1)
    return lines


def _validate(d: dict[str, object], origin: str) -> tuple[Term | None, list[str]]:
    """A :class:`Term` from raw fields, or the list of what is wrong with them."""
    problems = []
    for name in ("term", "pinyin", "en", "zh", "category"):
        if name not in d:
            problems.append(f"missing '{name}'")
        elif not isinstance(d[name], str):
            problems.append(f"'{name}' must be a string")
    not_in = d.get("not_in", [])
    if not isinstance(not_in, (list, tuple)) or not all(isinstance(w, str) and w.strip() for w in not_in):
        problems.append("'not_in' must be a list of non-empty strings")
        not_in = []
    aliases = d.get("aliases", [])
    valid = isinstance(aliases, (list, tuple))
    if not valid or not all(isinstance(a, str) and a.strip() for a in aliases):
        problems.append("'aliases' must be a list of non-empty strings")
        aliases = []
    if problems:
        return None, problems
    term = _canonical(str(d["term"]))
    pinyin = str(d["pinyin"]).strip()
    en, zh, category = (str(d[k]).strip() for k in ("en", "zh", "category"))
    if _HAN.search(term) and not pinyin:
        problems.append("'pinyin' is required for a Chinese term")
    if _TONE_NUMBER.search(pinyin):
        problems.append(f"'pinyin' must be tone-marked, not numbered ({pinyin!r})")
    if not en:
        problems.append("'en' is empty")
    if not _HAN.search(zh):
        problems.append("'zh' must be a Chinese explanation")
    if category not in CATEGORIES:
        problems.append(f"unknown category {category!r} (one of: {', '.join(CATEGORIES)})")
    if problems:
        return None, problems
    forms = [a for a in dict.fromkeys(_canonical(a) for a in aliases) if a != term]
    compounds = tuple(dict.fromkeys(_canonical(w) for w in not_in))
    return Term(term, tuple(forms), pinyin, en, converter("t2s")(zh), category, origin, compounds), []
