"""From decoded text to a :class:`Document`: Markdown, plain text, and run-together text.

Three shapes of input are understood:

- **Markdown**: optional front matter (``title``, ``date``, ``date_inferred``, ``source``),
  ``#`` headings start sections, blank lines separate paragraphs.
- **plain** text: one line is one paragraph, unless the text is hard-wrapped; a first
  line that reads as a headline is the title; a short line that is no sentence is a
  heading (the rules are in ``core.shape``).
- **run-together** text (the default article's kind): one long line whose paragraphs are
  separated by single spaces, often with pinyin glued after characters; a headline on a
  line of its own before it is the title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import cleaning, shape
from .models import Document, Paragraph, Pinyin, Section, check_date

_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)
_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")


@dataclass
class Marks:
    """Explicit, reviewed repairs for what no rule can recover in a given text.

    ``repairs`` are literal (find, replace) pairs applied to the raw text; ``headings``
    map a heading glued to the start of a paragraph to the title it should have.
    """

    repairs: list[tuple[str, str]] = field(default_factory=list)
    headings: list[tuple[str, str]] = field(default_factory=list)  # (glued text, title)
    meta: dict[str, str] = field(default_factory=dict)


@dataclass
class _Builder:
    """Accumulates sections and paragraphs in reading order."""

    sections: list[tuple[str | None, list[int]]] = field(default_factory=lambda: [(None, [])])
    paragraphs: list[Paragraph] = field(default_factory=list)
    pinyin: list[Pinyin] = field(default_factory=list)

    def heading(self, title: str) -> None:
        if not self.sections[-1][1] and self.sections[-1][0] is None and len(self.sections) == 1:
            self.sections[-1] = (title, [])
        else:
            self.sections.append((title, []))

    def paragraph(self, text: str, hints: list[tuple[int, str]] = ()) -> None:
        cuts = cleaning.long_paragraph_cuts(text)
        if cuts:  # one huge block (a file without line breaks): workable parts, at sentence ends
            for a, b in zip([0, *cuts], [*cuts, len(text)]):
                self.paragraph(text[a:b], [(o - a, s) for o, s in hints if a <= o < b])
            return
        index = len(self.paragraphs)
        kind = "caption" if cleaning.is_caption(text) else "body"
        self.paragraphs.append(Paragraph(index, len(self.sections) - 1, kind, text))
        self.sections[-1][1].append(index)
        self.pinyin.extend(Pinyin(index, offset, syl) for offset, syl in hints)

    def document(self, meta: dict[str, str], script: str, warnings: tuple[str, ...] = ()) -> Document:
        sections = tuple(
            Section(i, title, tuple(paras)) for i, (title, paras) in enumerate(self.sections)
        )
        given = meta.get("date") or None
        date = check_date(given) if given else None
        if given and date is None:  # 2023-13-45, 2023-02-30: reported, then inferred from the text
            warnings = (*warnings, f"front matter: date {given!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD); "
                                   "the date is inferred from the text")
        return Document(
            title=meta.get("title") or "",
            date=date,
            date_inferred=meta.get("date_inferred", "false").lower() == "true" if date else False,
            source=meta.get("source", ""),
            script=script,
            sections=sections,
            paragraphs=tuple(self.paragraphs),
            pinyin=tuple(self.pinyin),
            warnings=warnings,
        )


def detect_format(text: str, name: str = "") -> str:
    """``markdown``, ``run-together`` or ``plain``, from the name and the text's shape."""
    if name.lower().endswith((".md", ".markdown")) or _FRONT_MATTER.match(text):
        return "markdown"
    sample = text[:20000]
    lines = [line for line in sample.split("\n") if line.strip()]
    if any(_HEADING.match(line) for line in lines[:50]) and "\n\n" in sample:
        return "markdown"
    glued = sum(1 for _ in cleaning.glued_pinyin(sample))
    breaks = sum(sample.count(p + " ") for p in "。？！”")
    longest = max((len(line) for line in lines), default=0)
    if glued >= 3 or (breaks >= 3 and longest > 1000 and len(lines) <= 3):
        return "run-together"
    return "plain"


def parse(text: str, name: str = "", script: str = "mixed", marks: Marks | None = None) -> Document:
    """Clean and structure decoded ``text`` according to its detected format."""
    text = cleaning.scrub_controls(text)
    fmt = detect_format(text, name)
    if fmt == "markdown":
        return parse_markdown(text, script=script)
    if fmt == "run-together":
        return parse_run_together(text, marks or Marks(), script=script)
    return parse_plain(text, script=script)


def parse_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split ``key: value`` front matter off Markdown text."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    meta: dict[str, str] = {}
    for line in match.group(1).split("\n"):
        key, sep, value = line.partition(":")
        if sep and key.strip():
            meta[key.strip().lower()] = value.strip().strip("\"'")
    return meta, text[match.end() :]


def parse_markdown(text: str, script: str = "mixed") -> Document:
    """Markdown: front matter, ``#`` headings as sections, blank-line paragraphs.

    A single level-1 heading before any paragraph is the document's title when the
    front matter gives none; every other heading starts a section.
    """
    meta, body = parse_front_matter(text)
    builder = _Builder()
    for block in _blocks(body):
        match = _HEADING.match(block) if "\n" not in block else None
        if match:
            title = match.group(2)
            if len(match.group(1)) == 1 and "title" not in meta and not builder.paragraphs:
                meta["title"] = title
                continue
            builder.heading(title)
        else:
            hints: list[tuple[int, str]] = []
            if next(cleaning.glued_pinyin(block), None):
                block, hints = cleaning.strip_glued_pinyin(block)
            builder.paragraph(_join_lines(block), hints)
    return builder.document(meta, script)


def parse_plain(text: str, script: str = "mixed") -> Document:
    """Plain text: a headline first line is the title; one line is one paragraph (or,
    in hard-wrapped text, runs of wrapped lines are); a short line that is not a
    sentence, with text after it, is a section heading (rules in ``core.shape``)."""
    blocks = shape.line_blocks(text)
    width = shape.wrap_width(blocks)
    units: list[tuple[str, bool]] = []  # (paragraph text, a blank line follows it)
    for block in blocks:
        paragraphs = shape.unwrap(block, width) if width else [line.strip() for line in block]
        units.extend((p, i == len(paragraphs) - 1) for i, p in enumerate(paragraphs))
    meta: dict[str, str] = {}
    first = 0
    if units and shape.is_title(units[0][0], units[0][1], units[1][0] if len(units) > 1 else None):
        meta["title"] = units[0][0]
        first = 1
    builder = _Builder()
    headings = shape.headings([text for text, _ in units[first:]])
    for i, (text, _) in enumerate(units[first:]):
        if i in headings:
            builder.heading(text)
        else:
            builder.paragraph(text)
    return builder.document(meta, script)


def parse_run_together(text: str, marks: Marks, script: str = "mixed") -> Document:
    """Run-together text: repairs, glued pinyin, single-space paragraph breaks, headings."""
    text = cleaning.drop_stray_lines(text)
    for find, replace in marks.repairs:
        text = text.replace(find, replace)
    meta = dict(marks.meta)
    if "title" not in meta:
        first, _, rest = text.strip().partition("\n")
        if shape.is_title(first, not rest.split("\n", 1)[0].strip(), rest.strip() or None):
            meta["title"], text = first.strip(), rest
    builder = _Builder()
    for raw_paragraph in cleaning.split_run_together(text):
        paragraph, hints = cleaning.strip_glued_pinyin(raw_paragraph)
        for glued, title in marks.headings:
            if paragraph.startswith(glued):
                builder.heading(title)
                paragraph = paragraph[len(glued) :].lstrip()
                hints = [(o - len(glued), s) for o, s in hints if o >= len(glued)]
                break
        builder.paragraph(paragraph, hints)
    return builder.document(meta, script)


def render_markdown(document: Document) -> str:
    """Write a document as Markdown with front matter; :func:`parse_markdown` reads it back."""
    lines = ["---"]
    lines.append(f"title: {document.title}")
    if document.date:
        lines.append(f"date: {document.date}")
        lines.append(f"date_inferred: {'true' if document.date_inferred else 'false'}")
    if document.source:
        lines.append(f"source: {document.source}")
    lines.append("---")
    for section in document.sections:
        if section.title:
            lines += ["", f"## {section.title}"]
        for index in section.paragraphs:
            lines += ["", document.paragraphs[index].text]
    return "\n".join(lines) + "\n"


def _blocks(text: str) -> list[str]:
    """Blank-line separated blocks, stripped."""
    return [b.strip() for b in re.split(r"\n[ \t]*\n", text.replace("\f", "\n\n")) if b.strip()]


def _join_lines(block: str) -> str:
    """Join a block's lines: no space between CJK, one space between Latin words."""
    return shape.join_lines(block.split("\n"))
