"""One entry point from input to document, views and analysis; used by the app and the CLI.

``load`` decodes and cleans (fast, before the first frame); ``analyze`` runs the slow
language work (segmentation, entities, glossary, dates) and is what the app runs in a
worker. ``analysis_json`` is the ``analyze --json`` schema of the design.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from .entity_types import DATE_BLOCKING
from .models import Document, Span

if TYPE_CHECKING:
    from .timeline import Event
from .script import VARIANTS, VIEWS_VERSION, Views, detect_script, view_key

SCHEMA = 1
#: Bump when cleaning, parsing or analysis output changes, so cached results are not reused.
PIPELINE_VERSION = "7"
#: Full-width ASCII forms (１９８１, Ｑ３, １．５, ％) as ASCII, for analysis only: one character
#: for one, so offsets are exact. The Chinese punctuation that shares the block (，：；！？（）)
#: is the text's own punctuation, not a wide form of ASCII, and stays.
FULLWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F) if chr(cp) not in "，：；！？（）"}


class Loaded(NamedTuple):
    """A cleaned document and where it came from."""

    document: Document
    name: str
    encoding: str = "utf-8"
    warnings: tuple[str, ...] = ()
    truncated: bool = False  # only the first part of a too-large input was read


@dataclass
class Analysis:
    """Everything the slow pass found, on canonical text.

    ``date`` is the date relative expressions were resolved against, ``date_inferred``
    whether it came from the text rather than the document or the user.
    """

    spans: list[Span] = field(default_factory=list)
    glossary: list[dict] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    date: str | None = None
    date_inferred: bool = False
    warnings: list[str] = field(default_factory=list)
    #: Spans in the title and the section headings (``Span.part`` says which); ``spans``
    #: holds the body's, so paragraph numbering is the body's everywhere.
    heads: list[Span] = field(default_factory=list)
    #: Glossary items found only in the title or headings (``glossary`` holds those the
    #: body has); each item of either lists its title and heading mentions under "heads".
    head_glossary: list[dict] = field(default_factory=list)

    def by_paragraph(self) -> dict[int, list[Span]]:
        """Spans grouped per paragraph, in order."""
        grouped: dict[int, list[Span]] = {}
        for span in sorted(self.spans, key=_span_order):
            grouped.setdefault(span.paragraph, []).append(span)
        return grouped

    def part_spans(self) -> dict[tuple[str, int], list[Span]]:
        """Spans of the title (``("title", 0)``) and of each heading (``("heading", section)``)."""
        grouped: dict[tuple[str, int], list[Span]] = {}
        for span in sorted(self.heads, key=_span_order):
            grouped.setdefault((span.part, span.paragraph), []).append(span)
        return grouped

    def part_cuts(self) -> dict[tuple[str, int], list[int]]:
        """Span boundaries in the title and headings, for :meth:`Views.set_part_cuts`."""
        return {key: [x for span in spans for x in (span.start, span.end)] for key, spans in self.part_spans().items()}

    def cuts(self) -> dict[int, list[int]]:
        """Span boundaries per paragraph, for cutting views that change length."""
        cuts: dict[int, list[int]] = {}
        for span in self.spans:
            cuts.setdefault(span.paragraph, []).extend((span.start, span.end))
        return cuts


def _parsed(parse: Callable[[], Document], *key: str) -> Document:
    """``parse()``, or what it gave before for the same ``key`` (texts it reads, name).

    Cleaning a document is pure, so its result is cached on disk like the analysis: a second
    open skips it (and the import of the cleaning code, part of every start-up; a
    1M-character book took ~100 ms to clean, more than its cached form takes to read).
    """
    from . import cache
    from .provenance import packaged_digest

    digest = cache.cache_key(PIPELINE_VERSION, packaged_digest(), "document", *key)
    data = cache.load("documents", digest)
    document = None if data is None else Document.from_json(data)
    if document is None:
        document = parse()
        cache.store("documents", digest, document.to_json())
    return document


def load_default() -> Loaded:
    """The embedded article, cleaned, with the pinyin hints the seed carried."""
    from . import articles

    text, hints = articles.default_article_text(), articles.default_pinyin_text()
    document = _parsed(lambda: articles.default_document(text, hints), text, hints)
    return Loaded(document, "article-1688.md")


def load_text(text: str, name: str) -> Loaded:
    """Clean and structure already decoded text."""
    document = _parsed(lambda: _parse(text, name), text, name)
    return Loaded(document, name, warnings=document.warnings)


def _parse(text: str, name: str) -> Document:
    from . import formats

    document = formats.parse(text, name)
    document = document._replace(script=detect_script(p.text for p in document.paragraphs))
    if not document.title:
        document = document._replace(title=Path(name).name if name and name != "-" else "<stdin>", named=True)
    return document


def load_path(path: str | None, encoding: str | None = None) -> Loaded:
    """Read and clean a file, ``-`` for standard input, or ``None`` for the default article.

    Raises ``source.SourceError`` (a one-line message) for input that cannot be used.
    """
    if path is None:
        return load_default()
    from . import source

    if path == "-":
        import sys

        text = source.read_stream(sys.stdin.buffer, encoding=encoding)
    else:
        text = source.read_path(path, encoding=encoding)
    loaded = load_text(text.text, text.name)
    return loaded._replace(encoding=text.encoding, warnings=(*text.warnings, *loaded.warnings),
                   truncated=text.truncated)


def make_views(document: Document) -> Views:
    """Views with the lexicon's protected names."""
    return Views(document, protected_names())


def protected_names():
    """Per-view written forms of names OpenCC would get wrong, from the lexicon.

    The table is small but parsing the whole lexicon costs ~50 ms of start-up, so it is
    cached by the digest of the packaged and user lexicon files.
    """
    from . import cache
    from .provenance import packaged_digest
    from .script import ProtectedNames

    user = user_file("lexicon.toml")
    key = cache.cache_key(PIPELINE_VERSION, packaged_digest(), _lexicon_digest())
    table = cache.load("protected", key)
    if table is None:
        from .lexicon import load_lexicon

        lexicon = load_lexicon(user)
        table = {f"{script}/{variant}": lexicon.protected_forms(script, variant)
                 for script, variant in {view_key("traditional", v) for v in VARIANTS} | {("simplified", "std")}}
        cache.store("protected", key, table)
    return ProtectedNames({tuple(name.split("/")): forms for name, forms in table.items()})


def _lexicon_digest() -> str:
    """Digest of the packaged and user lexicons: protected names and views depend on them."""
    from .. import data

    packaged = (data.HERE / "lexicon.toml").read_bytes()
    return _digest(packaged) + _file_digest(user_file("lexicon.toml"))


@lru_cache(maxsize=4)
def document_key(document: Document) -> str:
    """The key of a document's text (``state.content_key`` of its paragraphs), computed once
    per document: it keys reading positions and cached views, and hashing a long book's
    text costs milliseconds (the reader needs it twice before its first frame)."""
    from .state import content_key

    return content_key("\n".join(p.text for p in document.paragraphs))


def _views_key(views: Views, script: str, variant: str) -> str:
    from . import cache
    from .provenance import packaged_digest

    document = views.document
    return cache.cache_key(PIPELINE_VERSION, VIEWS_VERSION, packaged_digest(), "views", *view_key(script, variant),
                           _lexicon_digest(), document.title,
                           *(s.title or "" for s in document.sections), document_key(document))


def restore_view(views: Views, script: str, variant: str) -> bool:
    """Fill a view from the disk cache, so the first frame needs no OpenCC dictionaries."""
    from . import cache

    if script == "original":
        return True
    data = cache.load("views", _views_key(views, script, variant))
    return data is not None and views.restore(data)


def store_view(views: Views, script: str, variant: str) -> None:
    """Cache a whole view (after analysis: cut at annotation boundaries) for the next open.

    An entry already there is kept: its key covers the text, lexicons and pipeline version,
    so it holds the same view (re-exporting a long book's view on every open cost seconds of
    JSON in the reader's worker thread).
    """
    from . import cache

    if script != "original":
        key = _views_key(views, script, variant)
        if not cache.has("views", key):
            cache.store("views", key, views.export(script, variant))


def user_file(name: str) -> Path:
    """A user overlay file in the config directory (lexicon.toml, glossary.toml)."""
    from .state import config_dir

    return config_dir() / name


#: Documents at least this long are worth analysing in a separate process when the
#: caller has a UI thread to keep responsive (starting the child costs ~0.5 s).
ISOLATE_FROM_CHARS = 100_000


def analyze(document: Document, views: Views, date: str | None = None, use_cache: bool = True,
            isolated: bool = False) -> Analysis:
    """The slow pass over canonical text: entities, glossary terms, dates and events.

    ``date`` overrides the document's date; with neither, it is inferred from the text.
    Results are cached on disk by content, date, user overlays and pipeline version.
    ``isolated`` runs the work in a child Python process: the result is the same, but the
    calling process's threads keep the GIL (an analysis in a thread of the UI process
    slows every keystroke down while it runs).
    """
    from . import cache

    overlays = [user_file("lexicon.toml"), user_file("glossary.toml")]
    key = analysis_key(document, date, overlays)
    if use_cache:
        cached = cache.load("analysis", key)
        if cached is not None:
            try:
                return _analysis_from_json(cached)
            except (KeyError, TypeError, ValueError):
                pass  # an entry of an older shape: recompute and overwrite it
    if isolated:  # the child also writes the cache entry: no JSON encoding in this process
        return _analyze_in_child(views.all_canonical(), document, date, *overlays, cache_key=key if use_cache else None)
    analysis = _analyze(views.all_canonical(), document, date, *overlays)
    if use_cache:
        cache.store("analysis", key, _analysis_to_json(analysis))
    return analysis


def analysis_key(document: Document, date: str | None, overlays: list[Path]) -> str:
    """The analysis cache key: everything that shapes the result (the text, the date, the
    user overlays, the pipeline version, and the packaged data, package and libraries)."""
    from . import cache
    from .provenance import packaged_digest

    return cache.cache_key(
        PIPELINE_VERSION, packaged_digest(), date or document.date or "", str(document.date_inferred),
        *(p.text for p in document.paragraphs), *(_file_digest(p) for p in overlays),
        "" if document.named else document.title, *(s.title or "" for s in document.sections),
    )


def _digest(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


def _file_digest(path: Path) -> str:
    """Content digest of a user overlay ("" when absent), so editing it invalidates the cache."""
    try:
        return _digest(path.read_bytes())
    except OSError:
        return ""


def _analyze(paragraphs: list[str], document: Document, date: str | None,
             lexicon_path: Path, glossary_path: Path) -> Analysis:
    """The analysis of every part of the document: the title and headings are analysed
    with the paragraphs, as texts after them (so a name found in the body is found in a
    heading too, and the body's spans keep their paragraph numbers), then each of their
    spans goes to the part it lies in.

    After the body rather than in reading order: moving every body span to a new number
    cost a third of a second per 100,000 spans; the price is that a heading's year does
    not anchor the bare dates of the paragraphs under it.
    """
    from .parts import head_parts, head_texts, to_parts

    heads = head_parts(document)
    if not heads:
        return _analyze_texts(paragraphs, document, date, lexicon_path, glossary_path)
    analysis = _analyze_texts([*paragraphs, *head_texts(document, heads)], document, date, lexicon_path, glossary_path)
    return to_parts(analysis, len(paragraphs), heads)


def _analyze_texts(paragraphs: list[str], document: Document, date: str | None,
                   lexicon_path: Path, glossary_path: Path) -> Analysis:
    """The slow pass over a list of canonical texts (``paragraphs``)."""
    from . import timeline  # imported here: compiling its rules costs start-up time
    from .entities import find_entities
    from .glossary import find_terms, load_glossary
    from .lexicon import load_lexicon

    shown, paragraphs = paragraphs, [p.translate(FULLWIDTH) for p in paragraphs]  # same lengths: offsets hold
    analysis = Analysis(date=date or document.date,
                        date_inferred=document.date_inferred if not date else False)
    lexicon = load_lexicon(lexicon_path)
    glossary = load_glossary(glossary_path)
    analysis.warnings.extend(lexicon.warnings)
    analysis.warnings.extend(glossary.warnings)

    entities = [s for s in find_entities(paragraphs, lexicon) if s.type != "date"]
    blocking = [s for s in entities if s.type in DATE_BLOCKING]
    taken: dict[int, bytearray] = {}  # per paragraph, 1 where an entity already is
    for span in entities:
        mask = taken.get(span.paragraph)
        if mask is None:
            mask = taken[span.paragraph] = bytearray(len(paragraphs[span.paragraph]))
        mask[span.start:span.end] = b"\x01" * (span.end - span.start)
    first = document.sections[0].title if document.sections else None  # a plain text's headline, today
    titles = [t.translate(FULLWIDTH) for t in (document.title, first) if t]  # where a date is "stated"
    dated = timeline.date_document(paragraphs, analysis.date, blocked=blocking, titles=titles)
    if analysis.date is None:  # stated in the text (a dateline) or inferred from it
        analysis.date, analysis.date_inferred = dated.date, dated.date is not None and not dated.stated
    expressions = dated.expressions
    for expr in expressions:
        mask = taken.get(expr.paragraph)
        if mask is not None and 1 in mask[expr.start:expr.end] and not _date_over_figures(entities, expr):
            continue
        entities.append(Span(expr.paragraph, expr.start, expr.end, "entity", "date", expr.date or expr.text))
    analysis.spans.extend(entities)
    analysis.events = timeline.build_timeline(shown, analysis.date, blocked=blocking, expressions=expressions)

    terms = find_terms(paragraphs, glossary, entities)  # a term may be exactly an entity
    analysis.spans.extend(terms)
    found: dict[str, list[list[int]]] = {}
    for span in terms:
        found.setdefault(span.key, []).append([span.paragraph, span.start, span.end])
    for term_key, occurrences in found.items():
        term = glossary.get(term_key)
        analysis.glossary.append({"term": term.term, "pinyin": term.pinyin, "en": term.en, "zh": term.zh,
                                  "category": term.category, "occurrences": occurrences})
    analysis.spans.sort(key=_span_order)
    return analysis


def _date_over_figures(entities: list[Span], expr) -> bool:
    """A month or day date holding only figures (17年3月 over the count 17年) replaces them."""
    if expr.kind != "point" or expr.precision not in ("month", "part-of-month", "day"):
        return False
    inside = [s for s in entities if s.paragraph == expr.paragraph and s.start < expr.end and expr.start < s.end]
    if not all(s.type == "number" and expr.start <= s.start and s.end <= expr.end for s in inside):
        return False
    for s in inside:
        entities.remove(s)
    return True


def _span_order(span: Span) -> tuple:
    """The order of ``Span``'s compared fields, as a key: sorting through the dataclass's
    generated ``__lt__`` was a tenth of a second on a 1M-character document."""
    return (span.paragraph, span.start, span.end, span.layer, span.type, span.key)


_CHILD = ("import pickle, sys; job = pickle.load(sys.stdin.buffer); sys.path[:0] = job.pop('path'); "
          "from b2b_reader.core.pipeline import _child_main; _child_main(job)")
#: Rows per pickled chunk sent back by the child: each load is short, so the caller's
#: other threads get the GIL between chunks (one load of 50,000 spans would stall them).
_CHUNK = 2000


#: Analysis processes running now, so that quitting can end them (terminate_children).
_children: set = set()


def terminate_children() -> None:
    """End every running analysis child now: the reader is quitting and nobody waits
    for the result (its caller's ``_analyze_in_child`` then raises, and is ignored)."""
    for child in list(_children):
        try:
            child.terminate()
        except OSError:  # already gone
            pass


def _analyze_in_child(paragraphs: list[str], document: Document, date: str | None,
                      lexicon_path: Path, glossary_path: Path, cache_key: str | None = None) -> Analysis:
    """``_analyze`` in a fresh interpreter, its result sent back in the JSON form.

    A plain subprocess with pipes rather than ``multiprocessing``: the latter hands
    ``sys.stderr.fileno()`` to its helper process, which fails once a UI library has
    replaced ``sys.stderr``; and the child must never write to the caller's terminal.
    With ``cache_key`` the child stores the result in the disk cache itself.
    """
    import io
    import pickle
    import subprocess
    import sys

    job = {"path": sys.path, "paragraphs": paragraphs, "document": document, "date": date,
           "lexicon": lexicon_path, "glossary": glossary_path, "cache_key": cache_key}
    child = subprocess.Popen([sys.executable, "-c", _CHILD], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _children.add(child)
    try:
        stdout, stderr = child.communicate(pickle.dumps(job))
    finally:
        _children.discard(child)
    if child.returncode != 0:
        detail = stderr.decode("utf-8", "replace").strip().splitlines()
        raise RuntimeError(f"analysis process failed: {detail[-1] if detail else child.returncode}")
    stream = io.BytesIO(stdout)
    data = pickle.load(stream)
    while stream.tell() < len(stdout):
        name, rows = pickle.load(stream)
        data[name].extend(rows)
    return _analysis_from_json(data)


def _child_main(job: dict) -> None:
    """Entry point of the child process of :func:`_analyze_in_child`."""
    import os
    import pickle
    import sys

    from . import cache

    if hasattr(os, "nice"):
        # Background work: on a busy machine the scheduler should favour the reader's
        # own process, which must answer keystrokes.
        os.nice(10)

    analysis = _analyze(job["paragraphs"], job["document"], job["date"], job["lexicon"], job["glossary"])
    data = _analysis_to_json(analysis)
    if job["cache_key"] is not None:
        cache.store("analysis", job["cache_key"], data)
    out = sys.stdout.buffer
    pickle.dump({**data, "spans": [], "events": []}, out)
    for name in ("spans", "events"):
        rows = data[name]
        for i in range(0, len(rows), _CHUNK):
            pickle.dump((name, rows[i:i + _CHUNK]), out)
    out.flush()


def _analysis_to_json(analysis: Analysis) -> dict:
    from dataclasses import fields

    from .timeline import Event

    # Event's fields are plain values: reading them directly gives what dataclasses.asdict
    # gives, without its recursive copying (a quarter of a second for 10,000 events).
    names = [f.name for f in fields(Event)]
    return {
        "spans": [[s.paragraph, s.start, s.end, s.layer, s.type, s.key] for s in analysis.spans],
        "heads": [[s.paragraph, s.start, s.end, s.layer, s.type, s.key, s.part] for s in analysis.heads],
        "head_glossary": analysis.head_glossary,
        "glossary": analysis.glossary,
        "events": [{name: getattr(e, name) for name in names} for e in analysis.events],
        "date": analysis.date, "date_inferred": analysis.date_inferred,
        "warnings": analysis.warnings,
    }


def _analysis_from_json(data: dict) -> Analysis:
    from .timeline import Event

    return Analysis(
        spans=[Span(*row) for row in data["spans"]],
        heads=[Span(p, s, e, layer, kind, key, part=part) for p, s, e, layer, kind, key, part in data["heads"]],
        head_glossary=data["head_glossary"],
        glossary=data["glossary"],
        events=[Event(**e) for e in data["events"]],
        date=data["date"], date_inferred=data["date_inferred"],
        warnings=list(data["warnings"]),
    )


def analysis_json(
    loaded: Loaded,
    views: Views,
    analysis: Analysis,
    script: str = "simplified",
    variant: str = "std",
) -> dict:
    """The ``analyze --json`` object: text and offsets in the chosen script and variant."""
    document = loaded.document
    if analysis.spans:
        views.set_cuts(analysis.cuts())
    views.set_part_cuts(analysis.part_cuts())
    paragraphs = []
    for p in document.paragraphs:
        paragraphs.append(
            {"index": p.index, "section": p.section, "kind": p.kind,
             "text": views.get(script, variant, p.index).text}
        )
    entities = []
    for span in analysis.spans:
        if span.layer != "entity" and span.layer != "date":
            continue
        view = views.get(script, variant, span.paragraph)
        start = view.map.to_view(span.start)
        end = view.map.to_view(span.end, end=True)
        entities.append(
            {"paragraph": span.paragraph, "start": start, "end": end,
             "text": view.text[start:end], "type": span.type or span.layer, "canonical": span.key}
        )
    # A title's or heading's entities belong to it: listed with it, offsets in its text.
    in_titles: dict[tuple[str, int], list[dict]] = {}
    for (part, index), spans in analysis.part_spans().items():
        view = views.part_view(script, variant, part, index)
        for span in spans:
            if span.layer == "entity" or span.layer == "date":
                start, end = view.map.to_view(span.start), view.map.to_view(span.end, end=True)
                in_titles.setdefault((part, index), []).append(
                    {"start": start, "end": end, "text": view.text[start:end],
                     "type": span.type or span.layer, "canonical": span.key})
    from . import timeline

    events = []
    for event in analysis.events:
        item = timeline.to_json(event)
        item["text"] = views.text(script, variant, event.text)
        events.append(item)
    return {
        "schema": SCHEMA,
        "document": {
            "title": views.part_view(script, variant, "title").text,
            "date": analysis.date,
            "date_inferred": analysis.date_inferred,
            "source": document.source,
            "script": script,
            "variant": view_key(script, variant)[1] if script == "traditional" else None,
            "title_entities": in_titles.get(("title", 0), []),
        },
        "sections": [
            {"index": s.index,
             "title": views.part_view(script, variant, "heading", s.index).text if s.title else None,
             "paragraphs": list(s.paragraphs), "title_entities": in_titles.get(("heading", s.index), [])}
            for s in document.sections
        ],
        "paragraphs": paragraphs,
        "entities": entities,
        "glossary": [_glossary_json(item, views, script, variant)
                     for item in (*analysis.glossary, *analysis.head_glossary)],
        "timeline": events,
    }


def _glossary_json(item: dict, views: Views, script: str, variant: str) -> dict:
    """A glossary item with its occurrences in the chosen view's offsets."""
    occurrences = []
    for paragraph, start, end in item["occurrences"]:
        view = views.get(script, variant, paragraph)
        occurrences.append([paragraph, view.map.to_view(start), view.map.to_view(end, end=True)])
    in_titles = []
    for part, index, start, end in item.get("heads", ()):
        view = views.part_view(script, variant, part, index)
        in_titles.append({"part": part, "section": index if part == "heading" else None,
                          "start": view.map.to_view(start), "end": view.map.to_view(end, end=True)})
    return {"term": item["term"], "pinyin": item["pinyin"], "en": item["en"], "zh": item["zh"],
            "category": item["category"], "occurrences": occurrences, "title_occurrences": in_titles}
