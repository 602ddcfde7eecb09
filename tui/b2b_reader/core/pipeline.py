"""One entry point from input to document, views and analysis; used by the app and the CLI.

``load_*`` (``core.loading``) decode and clean (fast, before the first frame); ``analyze`` runs the slow
language work (segmentation, entities, glossary, dates); ``analysed`` is what the app
runs in a worker: the analysis and new views cut at it. The record is ``core.analysis``,
the ``analyze --json`` schema ``core.analysis_json``, the child process ``core.isolation``.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from .analysis import Analysis, _span_order
from .entity_types import DATE_BLOCKING

# Loading input is ``core.loading``; its names stay importable from here.
from .loading import EMBEDDED, Loaded, _parse, load_default, load_epub, load_page, load_path, load_text  # noqa: F401
from .models import Document, Span
from .script import VARIANTS, VIEWS_VERSION, Views, view_key

#: Bump when cleaning, parsing or analysis output changes, so cached results are not reused.
PIPELINE_VERSION = "9"
#: Full-width ASCII forms (１９８１, Ｑ３, １．５, ％) as ASCII, for analysis only: one character
#: for one, so offsets are exact. The Chinese punctuation that shares the block (，：；！？（）)
#: is the text's own punctuation, not a wide form of ASCII, and stays.
FULLWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F) if chr(cp) not in "，：；！？（）"}


def make_views(document: Document) -> Views:
    """Views with the lexicon's protected names."""
    return Views(document, protected_names())


def analysed_views(views: Views, analysis: Analysis) -> Views:
    """The views of an analysed document: ``views`` cut at the analysis' span boundaries,
    so offsets are exact in every view (``views`` itself is unchanged)."""
    return views.with_cuts(analysis.cuts(), analysis.part_cuts())


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


def analysis_json(loaded: Loaded, views: Views, analysis: Analysis, script: str = "simplified",
                  variant: str = "std") -> dict:
    """The ``analyze --json`` object (``core.analysis_json``: imported when asked for)."""
    from . import analysis_json as schema

    return schema.analysis_json(loaded, views, analysis, script, variant)


def terminate_children() -> None:
    """End the analysis child processes now: the reader is quitting (``core.isolation``)."""
    from .isolation import terminate_children as end

    end()


def user_file(name: str) -> Path:
    """A user overlay file in the config directory (lexicon.toml, glossary.toml)."""
    from .state import config_dir

    return config_dir() / name


#: Documents at least this long are worth analysing in a separate process when the
#: caller has a UI thread to keep responsive (starting the child costs ~0.5 s).
ISOLATE_FROM_CHARS = 100_000


def analyze(document: Document, views: Views, date: str | None = None, use_cache: bool = True,
            isolated: bool = False, keep_view: tuple[str, str] | None = None,
            meanwhile: Callable[[], object] | None = None) -> Analysis:
    """The slow pass over canonical text: entities, glossary terms, dates and events.

    ``date`` overrides the document's date; with neither, it is inferred from the text.
    Results are cached on disk by content, date, user overlays and pipeline version.
    ``isolated`` runs the work in a child Python process: the result is the same, but the
    calling process's threads keep the GIL (an analysis in a thread of the UI process
    slows every keystroke down while it runs). ``keep_view`` (script, variant) is also
    cached, cut at the result, for the next open (:func:`store_view`); when isolated, a
    child process writes it, after the result is sent (5M characters: ~6 s of JSON).
    ``meanwhile``: work of the caller's that can run while a child analyses (not called
    otherwise).
    """
    from . import cache

    overlays = [user_file("lexicon.toml"), user_file("glossary.toml")]
    key = analysis_key(document, date, overlays)
    analysis = None
    if use_cache:
        cached = cache.load("analysis", key)
        if cached is not None:
            from .compact import from_compact

            try:
                analysis = from_compact(cached)
            except (KeyError, TypeError, ValueError):
                pass  # an entry of an older shape: recompute and overwrite it
    if analysis is None and isolated:  # the child also writes the cache entry: no JSON encoding here
        from .isolation import analyze_in_child

        return analyze_in_child(views.all_canonical(), document, date, *overlays,
                                cache_key=key if use_cache else None, view=_view_job(views, keep_view),
                                meanwhile=meanwhile)
    if analysis is None:
        analysis = _analyze(views.all_canonical(), document, date, *overlays)
        if use_cache:
            from .compact import to_compact

            cache.store("analysis", key, to_compact(analysis))
    if keep_view is not None and not cache.has("views", _views_key(views, *keep_view)):
        if isolated:
            from .isolation import store_view_in_child

            job = _view_job(views, keep_view)
            if job is not None:
                store_view_in_child(document, analysis, job)
        else:
            store_view(analysed_views(views, analysis), *keep_view)
    return analysis


class Generations:
    """Which analysis of a document is the newest one asked for (the date changed: ``D``),
    so the result of a superseded one, arriving late, is never shown over a newer one."""

    def __init__(self) -> None:
        self.current = 0

    def start(self) -> int:
        """A new analysis is asked for: its generation."""
        self.current += 1
        return self.current

    def is_current(self, generation: int) -> bool:
        return generation == self.current


class Analysed(NamedTuple):
    """What an analysis gives the reader: the analysis and the views cut at it (new
    views, never the old ones changed), tagged with the generation it was asked as;
    ``grouped``: whether the panels' groups are made already (else :func:`group` them)."""

    generation: int
    analysis: Analysis
    views: Views
    grouped: bool = True


def analysed(document: Document, views: Views, date: str | None = None, generation: int = 0,
             keep_view: tuple[str, str] | None = None) -> Analysed:
    """Analyse ``document`` for a reader (in a child process when it is long), and build
    what the reader swaps in: views cut at the result, the spans per paragraph and the
    groups its panels list, all computed here, off the reader's UI thread; a long
    document's analysis in the compact form (from the child or the cache: its spans are
    made when first read) is grouped after its highlights show (:func:`group`).
    ``views`` is not changed."""
    # the shown view's converters are built while a child analyses (they are needed to draw
    # the first highlights; s2twp takes ~70 ms), not after the result is in
    def warm() -> None:
        if keep_view is not None:
            _warm_converters(*keep_view)
        from . import glossary, timeline  # noqa: F401  (reading the result needs them: ~0.4 s of imports)

    analysis = analyze(document, views, date, isolated=document.char_count >= ISOLATE_FROM_CHARS,
                       keep_view=keep_view, meanwhile=warm)
    from .analysis import collector_paused

    with collector_paused():  # 10^5 new groups and cut views: a full collection here cost 0.06-0.2 s at 1M
        analysis.by_paragraph(), analysis.part_spans()
        # a short document's groups are made here (at once); a long one's after its highlights
        grouped = not analysis.has_deferred() or document.char_count < ISOLATE_FROM_CHARS
        if grouped:
            group(analysis)
        warm()  # (done already if a child analysed: the converters are cached)
        return Analysed(generation, analysis, analysed_views(views, analysis), grouped)


def group(analysis: Analysis) -> Analysis:
    """Make the groups the panels list (``Analysis.entity_groups``, the ordered events),
    off the reader's UI thread."""
    from .analysis import collector_paused

    with collector_paused():
        analysis.entity_groups(), analysis.events_in_order()
    return analysis


def _warm_converters(script: str, variant: str) -> None:
    """Build the OpenCC converters of a view here, off the UI thread: a view restored from
    the cache converted nothing, so its first frame with highlights (paragraphs cut at the
    spans) built them (s2twp and its reference ~0.1-0.3 s)."""
    from .conversion import converter
    from .script import CONFIGS, REFERENCE

    config = CONFIGS.get(view_key(script, variant)) if script == "traditional" else None
    for name in (config, REFERENCE.get(config or ""), "s2tw" if config else None):
        if name:
            converter(name)


def _view_job(views: Views, keep_view: tuple[str, str] | None) -> dict | None:
    """What a child needs to cache a view (None: no view, or it is cached already)."""
    from . import cache

    if keep_view is None or keep_view[0] == "original" or cache.has("views", _views_key(views, *keep_view)):
        return None
    return {"protected": views.protected, "script": keep_view[0], "variant": keep_view[1]}


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
    from .glossary import GlossaryItem, find_terms, load_glossary
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
    found: dict[str, list[tuple[int, int, int]]] = {}
    for span in terms:
        found.setdefault(span.key, []).append((span.paragraph, span.start, span.end))
    for term_key, occurrences in found.items():
        term = glossary.get(term_key)
        if term is None:  # (find_terms keys its spans by the glossary's own terms)
            continue
        analysis.glossary.append(GlossaryItem(term.term, term.pinyin, term.en, term.zh, term.category,
                                              tuple(occurrences)))
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


