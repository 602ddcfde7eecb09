"""Writing an excerpt out: Markdown (the default), plain text or JSON.

The excerpt itself is built by :mod:`b2b_reader.core.excerpt`; this module only formats
it. In Markdown the few characters that would make a renderer act (raw HTML, images,
line-start structure) are backslash-escaped, and the output is scrubbed of controls.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

from .cleaning import scrub_controls
from .entity_types import ENTITY_TYPES
from .script import VARIANT_NAMES

if TYPE_CHECKING:
    from .excerpt import DateNote, Excerpt

FORMATS = ("md", "plain", "json")
#: Human names of the entity types, for Markdown and plain text (JSON keeps the raw type).
TYPE_NAMES = {kind.key: kind.label for kind in ENTITY_TYPES}
NOT_READY = "Annotations are not ready yet: passage and citation only."

# Line starts Markdown reads as structure: heading, quote, table, list item ("- ", "1. "), rule.
_LINE_START = re.compile(r"^( *)(?:(\d+)([.)])(?= |$)|([#>|]|[-+*](?= |$)|=+$))")


def render(excerpt: Excerpt, fmt: str = "md", both: bool = False) -> str:
    """The excerpt as ``md`` (quoted passage), ``plain`` or ``json`` text.

    ``both`` puts the passage in simplified and traditional script one after the other.
    """
    if fmt == "md":
        out = _render_text(excerpt, both, markdown=True)
    elif fmt == "plain":
        out = _render_text(excerpt, both, markdown=False)
    elif fmt == "json":
        out = json.dumps(to_json(excerpt, both), ensure_ascii=False, indent=1)
    else:
        raise ValueError(f"unknown excerpt format {fmt!r} (expected one of {', '.join(FORMATS)})")
    return scrub_controls(out)  # belt and braces: fields are cleaned already


def md_escape(text: str) -> str:
    r"""Text for Markdown that stays text: no raw HTML, no images, no line-start syntax.

    ``\`` and ``<`` are escaped everywhere (``<script>`` must not reach a renderer as HTML),
    ``![`` so no image is fetched, and a leading ``#``, ``>``, list or rule marker so a
    paragraph cannot become structure. ``[``, ``*`` and ``_`` stay as written: they only
    style text, and escaping them would make the copied Chinese text noisy.
    """
    text = text.replace("\\", "\\\\").replace("<", "\\<").replace("![", "!\\[")
    return "\n".join(_LINE_START.sub(_escape_start, line) for line in text.split("\n"))


def _escape_start(match: re.Match) -> str:
    # "1. " escapes its dot ("1\. "): a backslash before a digit is not an escape.
    indent, digits, mark = match.group(1), match.group(2) or "", match.group(3) or match.group(4)
    return f"{indent}{digits}\\{mark}"


def citation(excerpt: Excerpt, markdown: bool = True) -> str:
    """One line: title, section(s), paragraph numbers, source and date."""
    esc = md_escape if markdown else (lambda s: s)
    title = f"*{esc(excerpt.title)}*" if markdown and excerpt.title else esc(excerpt.title or "(untitled)")
    parts = [title]
    names = ["introduction" if t is None else f"“{esc(t)}”" for t in excerpt.sections]
    if names == ["introduction"]:
        parts.append("introduction")
    elif names:
        covered = names[0] if len(names) == 1 else f"{names[0]} to {names[-1]}"
        parts.append(("section " if len(names) == 1 else "sections ") + covered)
    word = "paragraph" if excerpt.first == excerpt.last else "paragraphs"
    parts.append(f"{word} {excerpt.numbers}" + (" (part)" if excerpt.partial else ""))
    line = "— " + ", ".join(parts) + "."
    if excerpt.source:
        line += f" Source: {esc(excerpt.source)}."
    if excerpt.date:
        line += f" Date: {excerpt.date}" + (" (inferred from the text)." if excerpt.date_inferred else ".")
    else:
        line += " Date: unknown."
    return line


def _view_name(script: str, variant: str) -> str:
    if script == "traditional":
        return f"Traditional ({VARIANT_NAMES.get(variant, variant)})"
    return {"simplified": "Simplified", "original": "Original"}.get(script, script)


def _block(paragraphs: tuple[str, ...], markdown: bool) -> list[str]:
    lines: list[str] = []
    for i, text in enumerate(paragraphs):
        if i:
            lines.append(">" if markdown else "")
        if markdown:
            lines.extend(f"> {line}" if line else ">" for line in md_escape(text).split("\n"))
        else:
            lines.append(text)
    return lines


def _render_text(excerpt: Excerpt, both: bool, markdown: bool) -> str:
    esc = md_escape if markdown else (lambda s: s)
    lines: list[str] = []
    if both:
        for label, texts in (("Simplified", excerpt.simplified),
                             (_view_name("traditional", excerpt.traditional_variant), excerpt.traditional)):
            lines += [f"**{label}**" if markdown else f"{label}:", ""]
            lines += _block(texts, markdown) + [""]
    else:
        lines += _block(excerpt.paragraphs, markdown) + [""]
    lines.append(citation(excerpt, markdown))
    if not excerpt.annotated:
        lines += ["", NOT_READY]
        return "\n".join(lines) + "\n"
    heading = (lambda s: f"**{s}**") if markdown else (lambda s: f"{s}:")
    bullet = "- " if markdown else "  "
    if excerpt.entities:
        lines += ["", heading("Entities")]
        for e in excerpt.entities:
            forms = ", ".join(esc(f) for f in e.forms)
            name = "" if e.forms == (e.canonical_shown,) else f" → {esc(e.canonical_shown)}"
            lines.append(f"{bullet}{forms}{name} ({TYPE_NAMES.get(e.type, e.type)})")
    if excerpt.terms:
        lines += ["", heading("Terms")]
        for t in excerpt.terms:
            pinyin = ", ".join(esc(x) for x in (t.term_shown, t.pinyin) if x)
            pinyin = f" ({pinyin})" if pinyin else ""
            name = f"**{esc(t.text)}**" if markdown else t.text
            lines.append(f"{bullet}{name}{pinyin}: {esc(t.en)}" + (f" — {esc(t.zh)}" if t.zh else ""))
    if excerpt.dates:
        lines += ["", heading("Dates")]
        for d in excerpt.dates:
            lines.append(f"{bullet}{esc(d.text)} → {describe_date(d)}")
    if not (excerpt.entities or excerpt.terms or excerpt.dates):
        lines += ["", "No entities, glossary terms or dates in this passage."]
    return "\n".join(lines) + "\n"


def describe_date(note: DateNote) -> str:
    """``2023-03 (month; relative to the document date)``, or ``not resolved``."""
    if note.date is None:
        return "not resolved"
    details = [note.precision] if note.precision else []
    if note.start and note.end and (note.kind != "point" or note.precision not in ("year", "month", "day")):
        details.append(f"{note.start} to {note.end}")
    if note.relative:
        details.append("relative to the document date")
    return note.date + (f" ({'; '.join(details)})" if details else "")


def to_json(excerpt: Excerpt, both: bool = False) -> dict:
    """The excerpt as JSON-ready data (paragraph numbers 1-based, as shown to users)."""
    data = {
        "excerpt": 1,
        "document": {"title": excerpt.title, "source": excerpt.source,
                     "date": excerpt.date, "date_inferred": excerpt.date_inferred},
        "sections": list(excerpt.sections),
        "paragraphs": {"first": excerpt.first + 1, "last": excerpt.last + 1, "partial": excerpt.partial},
        "script": excerpt.script,
        "variant": excerpt.variant if excerpt.script == "traditional" else None,
        "text": list(excerpt.paragraphs),
        "annotated": excerpt.annotated,
        "entities": [{"type": e.type, "text": e.text, "forms": list(e.forms), "canonical": e.canonical}
                     for e in excerpt.entities],
        "glossary": [{"term": t.term, "text": t.text, "pinyin": t.pinyin, "en": t.en, "zh": t.zh,
                      "category": t.category} for t in excerpt.terms],
        "dates": [{"text": d.text, "date": d.date, "start": d.start, "end": d.end,
                   "precision": d.precision, "kind": d.kind, "relative": d.relative} for d in excerpt.dates],
    }
    if both:
        data["simplified"] = list(excerpt.simplified)
        data["traditional"] = list(excerpt.traditional)
        data["traditional_variant"] = excerpt.traditional_variant
    return data
