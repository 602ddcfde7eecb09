"""The styled text of the article's blocks, title and headings in the current view.

Text is data: every line is a :class:`rich.text.Text` of the document's words, styled
with spans (annotations, the mark, the selection, search matches, the word cursor),
never parsed as markup. Offsets are canonical; each view's map turns them into its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text

from ..core.models import Span
from . import inline
from .annotation_styles import ANNOTATION_CLASSES, foreground
from .safe import inert_text
from .viewport import Block

if TYPE_CHECKING:
    from .article import ArticleView


def part_text(article: ArticleView, part: str, index: int = 0, style: Style | str = "") -> Text:
    """The title or a heading in the article's view, its annotations styled as the article's."""
    views, script, variant = article.views, article.script, article.variant
    spans = article.part_spans.get((part, index), ())
    if spans:
        view = views.part_view(script, variant, part, index)
        text = Text(view.text, style=style)
        annotate(article, text, view, spans)
    else:  # unannotated: the view's cached text, no conversion needed
        text = Text(views.title(script, variant) if part == "title" else views.heading(script, variant, index),
                    style=style)
    if article.search_query:
        from ..core.search import find_in_text  # loaded with the first search

        search_style = article.get_component_rich_style("article--search")
        for start, end in find_in_text(text.plain, article.search_query, views.document.script):
            text.stylize(search_style, start, end)
    return text


def annotate(article: ArticleView, text: Text, view, spans: Sequence[Span]) -> None:
    """Style ``spans`` (canonical offsets) on ``text``, the view ``view`` of their text.

    Entities first, then terms on top, adding only their shade and line: an entity inside
    a term (雙11 a date, 京東物流 an organisation over the term 物流) keeps its colour and mark.
    """
    if not article.highlight:
        return
    hidden = article.hidden_types
    terms = []
    styles: dict[str, Style] = {}
    for span in spans:
        kind = "term" if span.layer == "term" else span.type
        name = f"article--{kind}"
        if kind in hidden or name not in ANNOTATION_CLASSES:
            continue
        if kind == "term":
            terms.append(span)
            continue
        style = styles.get(name)
        if style is None:  # its colour and mark, not the article's background (the cursor's line shows through)
            style = styles[name] = foreground(article.get_component_rich_style(name))
        text.stylize(style, view.map.to_view(span.start), view.map.to_view(span.end, end=True))
    if terms:
        term = _term_layer(article.get_component_rich_style("article--term"))
        for span in terms:
            text.stylize(term, view.map.to_view(span.start), view.map.to_view(span.end, end=True))


def _term_layer(style: Style) -> Style:
    """What a term adds to what it covers: its shade and its marks, not its text colour."""
    marks = {flag: True for flag in ("bold", "italic", "underline", "overline", "reverse")
             if getattr(style, flag)}
    return Style(bgcolor=style.bgcolor, **marks)


def _stylize(article: ArticleView, text: Text, view, component: str, start: int, end: int) -> None:
    """Style canonical ``[start, end)`` of ``text`` with a component's style."""
    text.stylize(article.get_component_rich_style(component), view.map.to_view(start),
                 view.map.to_view(end, end=True))


def block_text(article: ArticleView, block: Block) -> Text:
    """The styled text of a block in the article's view, made inert (a cached view is data too)."""
    if block.kind == "heading":
        return inert_text(part_text(article, "heading", block.index,
                                    article.get_component_rich_style("article--heading")))
    index = block.index
    view = article.views.get(article.script, article.variant, index)
    plain = view.text
    if article.punctuation:  # an option: the cleaning code is not imported otherwise
        from ..core.cleaning import fullwidth_punctuation

        plain = fullwidth_punctuation(plain)
    text = Text(plain)
    if block.kind == "caption":
        text.stylize(article.get_component_rich_style("article--caption"))
    annotate(article, text, view, article.spans.get(index, ()))
    if article.marked and article.marked[0] == index:
        _stylize(article, text, view, "article--match", *article.marked[1:])
    selected = article.selection.range()
    if selected and selected[0][0] <= index <= selected[1][0]:
        (first, start), (last, end) = selected
        start = start if index == first else 0
        end = end if index == last else len(article.views.canonical(index))
        _stylize(article, text, view, "article--selection", start, end)
    if article.search:
        from ..core.search import in_paragraph  # loaded with the first search

        for match in in_paragraph(article.search, index):
            _stylize(article, text, view, "article--search", match.start, match.end)
    if article.word and index == article.cursor:
        _stylize(article, text, view, "article--word", *article.word)
    if article.pinyin or article.spacing:
        text = inline.decorate(article, text, index, view)
    return inert_text(text)
