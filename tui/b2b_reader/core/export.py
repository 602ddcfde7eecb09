"""Export of a whole annotated document: Markdown, JSON, or one self-contained HTML file.

* ``md``: title, source and date, then each section's paragraphs followed by notes on
  that section (entities grouped by type, dates resolved, terms named), and one glossary
  at the end with pinyin and definitions. The article text reads as it is, unmarked.
* ``json``: the ``analyze --json`` object (``pipeline.analysis_json``), cleaned.
* ``html``: one file, inline CSS, no scripts, no external resources. Entities and terms
  are styled per type, each type told apart without colour too (underline styles, bold,
  italic, brackets), with a legend, a definition in each term's ``title`` and a glossary
  at the end. Every piece of document text is ``html.escape``d.

All text is cleaned of control characters (``cleaning.scrub_controls``) first.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import TYPE_CHECKING

from .cleaning import scrub_controls
from .excerpt import TYPE_NAMES, build_excerpt, describe_date, md_escape
from .entity_types import BY_KEY, ENTITY_TYPES as ENTITY_TYPE_RECORDS
from .models import ENTITY_TYPES, Span

if TYPE_CHECKING:
    from .glossary import GlossaryItem
    from .pipeline import Analysis, Loaded
    from .script import Views, ViewText

FORMATS = ("md", "html", "json")


#: The file extensions an export is written to, and the format each means.
FORMAT_BY_EXTENSION = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".json": "json"}


def format_for(path: str) -> str | None:
    """The export format file ``path``'s extension asks for; None when unknown (``.pdf``,
    ``.docx``, none): the caller refuses rather than writing Markdown into a .pdf."""
    import os

    return FORMAT_BY_EXTENSION.get(os.path.splitext(path)[1].lower())


def unknown_extension(path: str) -> str:
    """The refusal for a file name whose extension names no export format."""
    import os

    extension = os.path.splitext(path)[1]
    known = ", ".join(FORMAT_BY_EXTENSION)
    what = f"unknown extension {extension!r}" if extension else "no extension"
    return f"cannot export to {path}: {what}; known extensions are {known}"


def export(loaded: Loaded, views: Views, analysis: Analysis | None, fmt: str,
           script: str = "simplified", variant: str = "tw") -> str:
    """The whole document in ``fmt`` (``md``, ``html`` or ``json``), in a script and variant.

    With ``analysis=None`` the text is exported without annotations (and says so).
    The views are cut at the analysis' spans, so offsets are exact in every variant.
    """
    if analysis is not None:
        views = views.with_cuts(analysis.cuts(), analysis.part_cuts())
    if fmt == "md":
        return scrub_controls(to_markdown(loaded, views, analysis, script, variant))
    if fmt == "html":
        return scrub_controls(to_html(loaded, views, analysis, script, variant))
    if fmt == "json":
        return inert_json(to_json(loaded, views, analysis, script, variant)) + "\n"  # encoded once
    raise ValueError(f"unknown export format {fmt!r} (expected one of {', '.join(FORMATS)})")


# --------------------------------------------------------------------------- JSON

def to_json(loaded: Loaded, views: Views, analysis: Analysis | None,
            script: str = "simplified", variant: str = "tw") -> dict:
    """``pipeline.analysis_json`` with every string cleaned; ``annotated`` says if analysis ran."""
    from .pipeline import Analysis, analysis_json

    ready = analysis is not None
    if analysis is None:
        document = loaded.document
        analysis = Analysis(date=document.date, date_inferred=document.date_inferred)
    data = _scrub(analysis_json(loaded, views, analysis, script, variant))
    data["annotated"] = ready
    return data


from .inert import inert_data as _scrub  # noqa: E402  (the terminal boundary's one function)
from .inert import inert_json  # noqa: E402


# --------------------------------------------------------------------------- Markdown

def _meta_line(loaded: Loaded, views: Views, analysis: Analysis | None) -> str:
    """Source and date, as one line (shared by the Markdown and HTML headers)."""
    document = loaded.document
    date = analysis.date if analysis is not None else document.date
    inferred = analysis.date_inferred if analysis is not None else document.date_inferred
    parts = []
    # as the excerpt's citation: a page's or a book's author and site, then where it is from
    cited = [x for x in (document.author, document.site if document.site not in document.source else "",
                         document.source) if x]
    if cited:
        parts.append(f"Source: {' · '.join(cited)}")
    parts.append(f"Date: {date} (inferred from the text)" if date and inferred else f"Date: {date or 'unknown'}")
    return scrub_controls(". ".join(parts) + ".")


def to_markdown(loaded: Loaded, views: Views, analysis: Analysis | None,
                script: str = "simplified", variant: str = "tw") -> str:
    """The document as Markdown with per-section notes and a closing glossary."""
    document = loaded.document
    out = [f"# {md_escape(scrub_controls(views.title(script, variant)) or '(untitled)')}", "",
           md_escape(_meta_line(loaded, views, analysis)), ""]
    if analysis is None:
        out += ["*Annotations were not ready when this was exported.*", ""]
    for section in document.sections:
        if not section.paragraphs:
            continue
        if section.title:
            out += [f"## {md_escape(scrub_controls(views.heading(script, variant, section.index)))}", ""]
        for index in section.paragraphs:
            text = md_escape(scrub_controls(views.get(script, variant, index).text))
            if document.paragraphs[index].kind == "caption":
                text = f"*{text}*"
            out += [text, ""]
        if analysis is not None:
            out += _section_notes(loaded, views, analysis, section.paragraphs, script, variant)
    if analysis is not None and analysis.glossary:
        out += ["## Glossary", ""]
        for item in sorted(analysis.glossary, key=_glossary_order):
            term = md_escape(scrub_controls(views.text(script, variant, item.term)))
            zh = md_escape(scrub_controls(views.text(script, variant, item.zh)))
            pinyin = f" ({md_escape(item.pinyin)})" if item.pinyin else ""
            out.append(f"- **{term}**{pinyin}: {md_escape(item.en)}" + (f" — {zh}" if zh else ""))
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def _section_notes(loaded: Loaded, views: Views, analysis: Analysis, paragraphs: tuple[int, ...],
                   script: str, variant: str) -> list[str]:
    """A short list under a section: who and what it names, its dates, its terms."""
    excerpt = build_excerpt(loaded, views, analysis, paragraphs[0], paragraphs[-1], script, variant)
    lines: list[str] = []
    for kind in ENTITY_TYPES:
        names = []
        for e in excerpt.entities:
            if e.type != kind:
                continue
            others = [f for f in e.forms if f != e.canonical_shown]
            names.append(md_escape(e.canonical_shown) + (f" ({', '.join(map(md_escape, others))})" if others else ""))
        if names:
            lines.append(f"- *{_plural(kind)}*: " + "; ".join(names))
    if excerpt.dates:
        lines.append("- *Dates*: " + "; ".join(f"{md_escape(d.text)} → {describe_date(d)}" for d in excerpt.dates))
    if excerpt.terms:
        lines.append("- *Terms*: " + ", ".join(md_escape(t.text) for t in excerpt.terms) + " (see Glossary)")
    return (["> **Notes on this section**", ">"] + [f"> {line}" for line in lines] + [""]) if lines else []


def _glossary_order(item: GlossaryItem) -> str:
    """Alphabetical by pinyin without tone marks (then by term), as a dictionary is."""
    import unicodedata

    plain = unicodedata.normalize("NFD", item.pinyin or item.term)
    return "".join(c for c in plain if not unicodedata.combining(c)).lower() + "\0" + item.term


def _plural(kind: str) -> str:
    return BY_KEY[kind].group if kind in BY_KEY else TYPE_NAMES.get(kind, kind).capitalize() + "s"


# --------------------------------------------------------------------------- HTML

#: Per-type look: a colour and a mark that needs no colour (for print and colour blindness).
_CSS = """
body { font: 18px/1.8 "Noto Serif CJK SC", "Source Han Serif", serif; max-width: 46em; margin: 2em auto;
       padding: 0 1em; color: #1d1d1f; background: #fdfdfb; }
h1 { font-size: 1.6em; line-height: 1.4; } h2 { font-size: 1.25em; margin-top: 2em; }
.meta { color: #555; font-size: .9em; }
p { position: relative; }
p.caption { font-style: italic; color: #666; font-size: .9em; text-align: center; }
a.pn { position: absolute; left: -3em; width: 2.5em; text-align: right; color: #999;
       font: .7em/2.6 sans-serif; text-decoration: none; }
.e-person { color: #9a3412; text-decoration: underline solid; text-underline-offset: .2em; }
.e-org { color: #1e40af; font-weight: bold; }
.e-place { color: #166534; font-style: italic; }
.e-date { color: #6b21a8; text-decoration: underline double; text-underline-offset: .2em; }
.e-number { color: #0f766e; text-decoration: underline dotted; text-underline-offset: .2em; }
.e-event { color: #b91c1c; text-decoration: underline wavy; text-underline-offset: .2em; }
.e-product { color: #854d0e; }
.e-product::before { content: "⟨"; color: #999; } .e-product::after { content: "⟩"; color: #999; }
.t { background: #fef3c7; border-bottom: 1px dashed #92400e; cursor: help; }
.legend { border: 1px solid #ddd; padding: .5em 1em; font-size: .9em; }
.legend span.k { margin-right: 1.2em; white-space: nowrap; }
dl.glossary dt { font-weight: bold; margin-top: .6em; } dl.glossary dd { margin-left: 1.5em; }
.py { font-weight: normal; color: #666; font-style: italic; }
@media (prefers-color-scheme: dark) {
  body { color: #e5e5e5; background: #161616; } .meta, .py, p.caption { color: #aaa; }
  .e-person { color: #fdba74; } .e-org { color: #93c5fd; } .e-place { color: #86efac; }
  .e-date { color: #d8b4fe; } .e-number { color: #5eead4; } .e-event { color: #fca5a5; }
  .e-product { color: #fde68a; } .t { background: #3f3416; border-bottom-color: #fcd34d; }
}
"""


def _esc(text: str) -> str:
    return html.escape(scrub_controls(text), quote=True)


def to_html(loaded: Loaded, views: Views, analysis: Analysis | None,
            script: str = "simplified", variant: str = "tw") -> str:
    """One self-contained HTML page: styled annotations, a legend and a glossary."""
    document = loaded.document
    title = views.title(script, variant) or "(untitled)"
    lang = {"simplified": "zh-Hans", "traditional": "zh-Hant"}.get(script, "zh")
    glossary = {item.term: item for item in (analysis.glossary if analysis else [])}
    by_paragraph = analysis.by_paragraph() if analysis is not None else {}
    in_titles = analysis.part_spans() if analysis is not None else {}
    if analysis is not None:
        glossary.update({item.term: item for item in analysis.head_glossary})

    def head_html(part: str, index: int, plain: str) -> str:  # the title or a heading, annotated
        spans = in_titles.get((part, index))
        if not spans:
            return _esc(plain)
        return _paragraph_html(views, script, variant, index, spans, glossary,
                               views.part_view(script, variant, part, index))

    out = [
        "<!DOCTYPE html>", f'<html lang="{lang}">', "<head>", '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_esc(title)}</title>", f"<style>{_CSS}</style>", "</head>", "<body>",
        f"<h1>{head_html('title', 0, title)}</h1>", f'<p class="meta">{_esc(_meta_line(loaded, views, analysis))}</p>',
    ]
    if analysis is None:
        out.append('<p class="meta">Annotations were not ready when this was exported.</p>')
    else:
        out.append(_legend())
    for section in document.sections:
        if section.title:
            out.append(f"<h2>{head_html('heading', section.index, views.heading(script, variant, section.index))}</h2>")
        for index in section.paragraphs:
            caption = ' class="caption"' if document.paragraphs[index].kind == "caption" else ""
            body = _paragraph_html(views, script, variant, index, by_paragraph.get(index, []), glossary)
            out.append(f'<p id="p{index + 1}"{caption}><a class="pn" href="#p{index + 1}">{index + 1}</a>{body}</p>')
    if glossary:
        out += ["<h2>Glossary</h2>", '<dl class="glossary">']
        for item in sorted(glossary.values(), key=_glossary_order):
            term = _esc(views.text(script, variant, item.term))
            pinyin = f' <span class="py">{_esc(item.pinyin)}</span>' if item.pinyin else ""
            zh = _esc(views.text(script, variant, item.zh))
            out.append(f"<dt>{term}{pinyin}</dt><dd>{_esc(item.en)}" + (f"<br>{zh}" if zh else "") + "</dd>")
        out.append("</dl>")
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"


def _legend() -> str:
    keys = [f'<span class="k"><span class="e-{kind.key}">{kind.label}</span> ({kind.html_mark})</span>'
            for kind in ENTITY_TYPE_RECORDS]
    keys.append('<span class="k"><span class="t">glossary term</span> (dashed, shaded; hover for its definition)</span>')
    return '<p class="legend">' + " ".join(keys) + "</p>"


def _paragraph_html(views: Views, script: str, variant: str, index: int, spans: list[Span],
                    glossary: dict[str, GlossaryItem], view: ViewText | None = None) -> str:
    """A paragraph's text with entity elements, and term marks cut at entity edges.

    Entities become one element each (so a bracketed product gets one pair of brackets);
    where entities overlap, the earlier one wins. Terms are marked inside and between
    them, clipped at entity boundaries so the elements nest.
    """
    view = view or views.get(script, variant, index)  # ``view``: a title or heading instead
    text = view.text

    def name(key: str) -> str:  # a canonical name or definition in the export's script
        return views.text(script, variant, key) if key else ""

    def bounds(span: Span) -> tuple[int, int]:
        return view.map.to_view(span.start), view.map.to_view(span.end, end=True)

    entities = _non_overlapping([(*bounds(s), s) for s in spans if s.layer == "entity" and s.type in ENTITY_TYPES])
    terms = _non_overlapping([(*bounds(s), s) for s in spans if s.layer == "term"])
    out: list[str] = []
    pos = 0
    for start, end, span in entities:
        out.append(_terms_html(text, pos, start, terms, glossary, name))
        label = f"{TYPE_NAMES[span.type]}: {name(span.key)}"
        out.append(f'<span class="e-{span.type}" title="{_esc(label)}">'
                   f"{_terms_html(text, start, end, terms, glossary, name)}</span>")
        pos = end
    out.append(_terms_html(text, pos, len(text), terms, glossary, name))
    return "".join(out)


def _non_overlapping(items: list[tuple[int, int, Span]]) -> list[tuple[int, int, Span]]:
    chosen: list[tuple[int, int, Span]] = []
    for start, end, span in sorted(items, key=lambda item: (item[0], -item[1])):
        if end > start and (not chosen or start >= chosen[-1][1]):
            chosen.append((start, end, span))
    return chosen


def _terms_html(text: str, lo: int, hi: int, terms: list[tuple[int, int, Span]], glossary: dict[str, GlossaryItem],
                name: Callable[[str], str]) -> str:
    """``text[lo:hi]`` escaped, with the parts of glossary terms inside it marked."""
    out: list[str] = []
    pos = lo
    for start, end, span in terms:
        start, end = max(start, lo), min(end, hi)
        if start >= end:
            continue
        out.append(_esc(text[pos:start]))
        item = glossary.get(span.key)
        tip = " — ".join(x for x in (name(span.key), *((item.pinyin, item.en, name(item.zh)) if item else ())) if x)
        out.append(f'<span class="t" title="{_esc(tip)}">{_esc(text[start:end])}</span>')
        pos = end
    out.append(_esc(text[pos:hi]))
    return "".join(out)


def save_text(name: str, text: str) -> str:
    """Write ``text`` to file ``name`` all at once; its absolute path (raises ``OSError``).

    A reader who saves an export over an older one never finds a half-written file.
    """
    from .files import write_atomically

    return str(write_atomically(name, text.encode("utf-8"), public=True, parents=False))
