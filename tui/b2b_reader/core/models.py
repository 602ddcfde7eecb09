"""Plain data shared by every step of the core: documents, sections, paragraphs, spans.

Everything here is immutable and free of UI concerns. Offsets are Python string indices.
Annotations (:class:`Span`) live on the *canonical* text of a paragraph, which is the
simplified-script conversion of the cleaned source text (see ``core.script``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, NamedTuple

from .entity_types import ENTITY_KEYS

ParagraphKind = Literal["body", "caption"]
#: The parts of a document a span can lie in: a body paragraph (captions included), the
#: document's title, or a section's heading.
PartKind = Literal["body", "title", "heading"]

#: The entity types of the design, in legend order (their registry: ``core.entity_types``).
ENTITY_TYPES: tuple[str, ...] = ENTITY_KEYS

# Plain immutable records are NamedTuples: a frozen dataclass costs ~0.5 ms to create at
# import (its methods are generated and compiled), a NamedTuple a fifth of that, and the
# reader imports these before its first frame.


class Paragraph(NamedTuple):
    """One paragraph of cleaned source text (as given, not converted)."""

    index: int
    section: int
    kind: ParagraphKind
    text: str


class Section(NamedTuple):
    """A run of paragraphs under one heading; the introduction has ``title=None``."""

    index: int
    title: str | None
    paragraphs: tuple[int, ...]


class Pinyin(NamedTuple):
    """A pronunciation hint that cleaning removed from the text: ``text[offset]`` is read ``syllable``."""

    paragraph: int
    offset: int
    syllable: str


class Document(NamedTuple):
    """A cleaned document: metadata, sections and paragraphs in source script."""

    title: str
    date: str | None  # "YYYY", "YYYY-MM" or "YYYY-MM-DD"
    date_inferred: bool
    source: str
    script: str  # script of the source as given: "traditional", "simplified" or "mixed"
    sections: tuple[Section, ...]
    paragraphs: tuple[Paragraph, ...]
    pinyin: tuple[Pinyin, ...] = ()
    warnings: tuple[str, ...] = ()
    named: bool = False  # the title is the file's name: the text gave none, so it is not analysed
    author: str = ""  # who wrote it, when the input says (a page's byline, a book's creator)
    site: str = ""  # the publication or web site it comes from, when the input says

    @property
    def char_count(self) -> int:
        """Characters of paragraph text (headings excluded)."""
        return sum(len(p.text) for p in self.paragraphs)

    def section_of(self, paragraph: int) -> Section:
        """The section that holds ``paragraph``."""
        return self.sections[self.paragraphs[paragraph].section]

    def to_json(self) -> dict:
        """Plain JSON data (for the disk cache); :meth:`from_json` reads it back."""
        return {
            "meta": [self.title, self.date, self.date_inferred, self.source, self.script],
            "sections": [[s.title, list(s.paragraphs)] for s in self.sections],
            "paragraphs": [[p.section, p.kind, p.text] for p in self.paragraphs],
            "pinyin": [list(p) for p in self.pinyin],
            "warnings": list(self.warnings),
            "named": self.named,
            "byline": [self.author, self.site],
        }

    @classmethod
    def from_json(cls, data: dict) -> Document | None:
        """The document :meth:`to_json` gave, or None if ``data`` is not such a document."""
        try:
            title, date, inferred, source, script = data["meta"]
            sections = tuple(Section(i, t, tuple(map(int, ps))) for i, (t, ps) in enumerate(data["sections"]))
            paragraphs = tuple(Paragraph(i, int(s), k, t) for i, (s, k, t) in enumerate(data["paragraphs"]))
            pinyin = tuple(Pinyin(int(p), int(o), str(y)) for p, o, y in data["pinyin"])
            warnings = tuple(map(str, data["warnings"]))
            named = bool(data.get("named", False))
            author, site = data.get("byline", ("", ""))
        except (KeyError, TypeError, ValueError):
            return None
        texts = (title, source, script, author, site, *(p.text for p in paragraphs), *(s.title or "" for s in sections))
        if not all(isinstance(t, str) for t in texts) or any(p.section >= len(sections) for p in paragraphs):
            return None
        if date is not None and (not isinstance(date, str) or check_date(date) != date):
            return None  # an entry of another shape: parsed again
        return cls(title, date, bool(inferred), source, script, sections, paragraphs, pinyin, warnings, named, author, site)


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """An annotation on canonical (simplified) text: ``paragraph``, ``[start, end)``.

    ``layer`` says what found it ("entity", "term", "date", "protected"); ``type`` is
    the entity type or glossary category; ``key`` identifies the thing (canonical name,
    glossary term, ISO date) so mentions of one thing can be grouped.

    ``part`` says which text the span lies in: a body paragraph (``paragraph`` is its
    index, as in ¶ N), the title (``paragraph`` is 0) or a section's heading
    (``paragraph`` is the section's index).
    """

    paragraph: int
    start: int
    end: int
    layer: str = "entity"
    type: str = ""
    key: str = ""
    extra: tuple[tuple[str, str], ...] = field(default=(), compare=False)
    part: PartKind = "body"

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span [{self.start}, {self.end})")


def check_date(text: str) -> str | None:
    """``text`` if it is a document date ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` that exists, else None."""
    from datetime import date

    parts = text.strip().split("-")
    try:
        if not 1 <= len(parts) <= 3 or len(parts[0]) != 4 or any(len(p) not in (1, 2) for p in parts[1:]):
            return None
        date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) == 3 else 1)
    except ValueError:
        return None
    return "-".join([parts[0], *(p.zfill(2) for p in parts[1:])])
