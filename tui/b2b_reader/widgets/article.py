"""The article view: renders only the lines on screen, with a reading cursor.

Scrolling is anchored on a block (a heading or a paragraph) and a line inside it, so the
cost of a frame, a page or a script toggle depends on the screen, not on the document:
a 1M-character document scrolls like the default article. Text is data: every line is
built from :class:`rich.text.Text` and styled with spans, never parsed as markup.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

from ..core.entity_types import HIGHLIGHTS, tcss_rules
from ..core.models import Span
from ..core.script import Views
from ..styles import ANNOTATIONS_CSS
from . import inline
from .safe import inert_text
from .selection import SelectionMixin
from .strips import text_strip
from .wrap import line_ranges

if TYPE_CHECKING:
    from ..core.search import Match

MARGIN = 2


class _Layout(dict):
    """Wrapped lines per block, and the strips drawn from them: dropped together.

    A frame redraws every visible line (a status-line change repaints the screen); drawing
    a line from its Text costs ~0.3 ms, so 40 lines would be a frame's budget. Strips are
    kept per (block, line, cursor, focus, bookmark) until their block is laid out again.
    """

    MAX_STRIPS = 4000  # a few screens of lines; past it the cache starts again

    def __init__(self) -> None:
        super().__init__()
        self.strips: dict[tuple, Strip] = {}

    def pop(self, block, default=None):
        if self.strips:
            for key in [k for k in self.strips if k[0] == block]:
                del self.strips[key]
        return super().pop(block, default)

    def clear(self) -> None:
        self.strips.clear()
        super().clear()


class Block(NamedTuple):
    """A heading (``section``) or a paragraph (``index``) as laid out in the article."""

    kind: str  # "heading" | "body" | "caption"
    index: int  # section index for headings, paragraph index otherwise


#: The styles of what analysis, search and selection add to the text. They are component
#: classes of :class:`AnnotationStyles`, not of the article: Textual restyles every component
#: class of a widget each time it restyles the widget (three times before the first frame,
#: ~5 ms for these thirteen), and the first frame shows none of them.
ANNOTATION_CLASSES = frozenset({
    "article--match",
    "article--word",
    "article--selection",
    "article--search",
    "article--pinyin",
    *(kind.component for kind in HIGHLIGHTS),
})


class AnnotationStyles(Widget):
    """Never shown: holds the article's annotation styles (a theme restyles them here).

    The reader mounts it just after the first frame; until then annotations are unstyled,
    and there are none to show.
    """

    # Its own file, parsed when it is mounted: these rules were half of app.tcss.
    DEFAULT_CSS = ("AnnotationStyles { display: none; }\n" + ANNOTATIONS_CSS.read_text(encoding="utf-8")
                   + tcss_rules("AnnotationStyles > .{}"))
    COMPONENT_CLASSES = ANNOTATION_CLASSES


class ArticleView(SelectionMixin, Widget, can_focus=True):
    """Scrollable article with a reading cursor on the current paragraph."""

    COMPONENT_CLASSES = {
        "article--heading",
        "article--caption",
        "article--cursor",
        "article--cursor-bar",
    }

    BINDINGS = [
        Binding("j,down", "cursor_down", "Next ¶", id="cursor_down"),
        Binding("k,up", "cursor_up", "Prev ¶", id="cursor_up"),
        Binding("space,pagedown", "page_down", "Page down", id="page_down"),
        Binding("b,pageup", "page_up", "Page up", id="page_up", show=False),
        Binding("g,home", "top", "Top", id="top", show=False),
        Binding("G,end", "bottom", "Bottom", id="bottom", show=False),
        Binding("l,right", "word_next", "Next word", id="word_next", show=False),
        Binding("h,left", "word_previous", "Prev word", id="word_previous", show=False),
        Binding("escape", "clear_selection", "Leave selection", id="clear_selection", show=False),
    ]

    cursor: reactive[int] = reactive(0, init=False)
    """Index of the paragraph under the reading cursor."""

    class CursorMoved(Message):
        """The reading cursor moved to another paragraph."""

        def __init__(self, article: ArticleView, paragraph: int) -> None:
            super().__init__()
            self.article = article
            self.paragraph = paragraph

        @property
        def control(self) -> ArticleView:
            return self.article

    class WordMoved(Message):
        """The word cursor moved (``start``/``end`` canonical offsets in ``paragraph``)."""

        def __init__(self, article: ArticleView, paragraph: int, start: int, end: int) -> None:
            super().__init__()
            self.article = article
            self.paragraph = paragraph
            self.start = start
            self.end = end

        @property
        def control(self) -> ArticleView:
            return self.article

    class SelectionChanged(Message):
        """The selection (v) started, grew, shrank or ended."""

        def __init__(self, article: ArticleView) -> None:
            super().__init__()
            self.article = article

        @property
        def control(self) -> ArticleView:
            return self.article

    def __init__(self, views: Views, script: str, variant: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.views = views
        self.script = script
        self.variant = variant
        self.punctuation = False
        self.spans: dict[int, list[Span]] = {}
        self.part_spans: dict[tuple[str, int], list[Span]] = {}  # the title's and headings'
        self.hidden_types: set[str] = set()
        self.highlight = True
        self.marked: tuple[int, int, int] | None = None  # (paragraph, start, end) canonical
        self.word: tuple[int, int] | None = None  # word cursor in the cursor's paragraph, canonical
        self._words: dict[int, list[tuple[int, int]]] = {}
        self.bookmarks: set[int] = set()  # bookmarked paragraphs, marked in the margin
        self.search: Sequence[Match] | None = None  # search matches, highlighted
        self.search_query = ""  # ... and the query, found in the title and headings
        self.pinyin: str | None = None  # None, "word", "tones" or "source": pinyin after each word
        self.spacing = False  # a half-width space between words
        self.only: set[int] | None = None  # a filtered view shows just these paragraphs
        self._order: list[int] | None = None  # ... in order
        self.blocks: list[Block] = []
        self.block_of: dict[int, int] = {}
        self.heading_block: dict[int, int] = {}
        self._build_blocks()
        self.top = (0, 0)  # (block, line within block)
        # Lines and strips per view, so toggling back to a view just seen redraws from cache.
        self._layouts: dict[tuple[str, str], _Layout] = {}
        self._layout = self._layouts.setdefault((self.script, self.variant), _Layout())
        self._width = 0
        self._rows_key: tuple | None = None
        self._rows_cache: list[tuple[int, int]] = []

    def _build_blocks(self) -> None:
        """Headings and paragraphs in reading order (in a filtered view: the shown ones)."""
        document = self.views.document
        self.blocks, self.block_of, self.heading_block = [], {}, {}
        for section in document.sections:
            shown = [i for i in section.paragraphs if self.only is None or i in self.only]
            if section.title and (shown or self.only is None):
                self.heading_block[section.index] = len(self.blocks)
                self.blocks.append(Block("heading", section.index))
            for index in shown:
                self.block_of[index] = len(self.blocks)
                self.blocks.append(Block(document.paragraphs[index].kind, index))

    def shown(self, index: int) -> bool:
        """Whether paragraph ``index`` is in the view (always, unless filtered)."""
        return self.only is None or index in self.only

    def step(self, index: int, delta: int) -> int | None:
        """The shown paragraph ``delta`` (±1) away from ``index``, or None at either end."""
        if self._order is None:
            target = index + delta
            return target if 0 <= target < len(self.views) else None
        at = bisect.bisect_left(self._order, index)
        at = at + delta if delta > 0 and at < len(self._order) and self._order[at] == index else (
            at if delta > 0 else at - 1)
        return self._order[at] if 0 <= at < len(self._order) else None

    def set_filter(self, paragraphs: set[int] | None) -> None:
        """Show only ``paragraphs`` (with their sections' headings), or everything again."""
        self.only = set(paragraphs) if paragraphs is not None else None
        self._order = sorted(self.only) if self.only is not None else None
        self.clear_selection()
        self._build_blocks()
        self._forget_all()
        self._rows_key = None
        self.top = (0, 0)
        if self._order is not None and self._order and self.cursor not in self.only:
            later = [i for i in self._order if i > self.cursor]
            self.set_reactive(ArticleView.cursor, later[0] if later else self._order[-1])
            self.word = None
        if self.blocks:
            self.scroll_to_paragraph(self.cursor)
        self.refresh()
        self.post_message(self.CursorMoved(self, self.cursor))

    # -- state changes from outside -----------------------------------------------------

    def refresh_layout(self) -> None:
        """Lay the text out again (after something it shows became ready, e.g. pinyin)."""
        self._relayout()

    def set_search(self, matches: Sequence[Match] | None, query: str = "") -> None:
        """Highlight these search matches (canonical offsets), or none; ``query`` is also
        highlighted where the title and headings hold it."""
        self.search = matches
        self.search_query = query
        self._relayout()

    def set_pinyin(self, mode: str | None) -> None:
        """Pinyin after each word: "word" (tone marks), "tones" (coloured by tone), "source", or off."""
        self.pinyin = mode
        self._relayout()
        self.scroll_to_paragraph(self.cursor)  # longer lines must not push the cursor off screen

    def set_spacing(self, on: bool) -> None:
        """A half-width space between words (word-segmented reading), or not."""
        self.spacing = on
        self._relayout()
        self.scroll_to_paragraph(self.cursor)  # longer lines must not push the cursor off screen

    def set_view(self, script: str, variant: str) -> None:
        """Show another script or variant, keeping the reading position."""
        self.script, self.variant = script, variant
        self._layout = self._layouts.setdefault((script, variant), _Layout())
        self._rows_key = None
        self._keep_top()

    def _forget_all(self) -> None:
        """Drop every view's laid-out lines and strips (what they show has changed)."""
        for layout in self._layouts.values():
            layout.clear()

    def _forget_block(self, block: int | None) -> None:
        """Drop one block's lines and strips in every view (a mark, a word, a selection)."""
        if block is not None:
            for layout in self._layouts.values():
                layout.pop(block, None)

    def set_punctuation(self, full_width: bool) -> None:
        """Display half-width punctuation in Chinese text as full width (or not)."""
        self.punctuation = full_width
        self._relayout()

    def set_spans(self, spans: dict[int, list[Span]]) -> None:
        """Annotations to style, per paragraph, on canonical offsets."""
        self.spans = spans
        self._words.clear()  # annotations are word stops
        self._relayout()

    def set_part_spans(self, spans: dict[tuple[str, int], list[Span]]) -> None:
        """Annotations of the title (``("title", 0)``) and headings (``("heading", section)``)."""
        self.part_spans = spans
        self._relayout()

    def part_text(self, part: str, index: int = 0, style: Style | str = "") -> Text:
        """The title or a heading in the current view, its annotations styled as the
        article's (the title bar and the outline draw it with this)."""
        spans = self.part_spans.get((part, index), ())
        if spans:
            view = self.views.part_view(self.script, self.variant, part, index)
            text = Text(view.text, style=style)
            self._annotate(text, view, spans)
        else:  # unannotated: the view's cached text, no conversion needed
            text = Text(self.views.title(self.script, self.variant) if part == "title" else (
                self.views.heading(self.script, self.variant, index)), style=style)
        if self.search_query:
            from ..core.search import find_in_text  # loaded with the first search

            search_style = self.get_component_rich_style("article--search")
            for start, end in find_in_text(text.plain, self.search_query, self.views.document.script):
                text.stylize(search_style, start, end)
        return text

    def _annotate(self, text: Text, view, spans: Sequence[Span]) -> None:
        """Style ``spans`` (canonical offsets) on ``text``, the view ``view`` of their text."""
        if not self.highlight:
            return
        for span in spans:
            kind = "term" if span.layer == "term" else span.type
            if kind in self.hidden_types:
                continue
            name = f"article--{kind}"
            if name not in ANNOTATION_CLASSES:
                continue
            start = view.map.to_view(span.start)
            end = view.map.to_view(span.end, end=True)
            text.stylize(self.get_component_rich_style(name), start, end)

    def set_highlight(self, on: bool, hidden_types: set[str]) -> None:
        """Highlighting on or off, and which annotation types stay hidden."""
        self.highlight = on
        self.hidden_types = set(hidden_types)
        self._relayout()

    def mark(self, paragraph: int, start: int, end: int) -> None:
        """Mark a span (canonical offsets) and put the reading cursor on its paragraph.

        A paragraph the filter hides brings the whole document back first.
        """
        if not self.shown(paragraph):
            self.set_filter(None)
        previous = self.marked
        self.marked = (paragraph, start, end)
        for index in {paragraph, previous[0] if previous else paragraph}:
            self._forget_block(self.block_of.get(index))
        self._rows_key = None
        if self.cursor == paragraph:
            self.scroll_to_paragraph(paragraph)
            self.refresh()
        else:
            self.cursor = paragraph

    def _relayout(self) -> None:
        self._forget_all()
        self._rows_key = None
        self._keep_top()

    def _keep_top(self) -> None:
        """Keep the top block in place, its line within the block's (new) line count."""
        block, line = self.top
        self.top = (block, min(line, len(self._lines(block)) - 1))
        self.refresh()

    # -- layout -----------------------------------------------------------------------------

    @property
    def text_width(self) -> int:
        return max(self.size.width - 2 * MARGIN, 4)

    def block_text(self, block: Block) -> Text:
        """The styled text of a block in the current view."""
        if block.kind == "heading":
            return self.part_text("heading", block.index, self.get_component_rich_style("article--heading"))
        view = self.views.get(self.script, self.variant, block.index)
        plain = view.text
        if self.punctuation:  # an option: the cleaning code is not imported otherwise
            from ..core.cleaning import fullwidth_punctuation

            plain = fullwidth_punctuation(plain)
        text = Text(plain)
        if block.kind == "caption":
            text.stylize(self.get_component_rich_style("article--caption"))
        self._annotate(text, view, self.spans.get(block.index, ()))
        if self.marked and self.marked[0] == block.index:
            _, start, end = self.marked
            text.stylize(self.get_component_rich_style("article--match"),
                         view.map.to_view(start), view.map.to_view(end, end=True))
        selected = self.selection_range()
        if selected and selected[0][0] <= block.index <= selected[1][0]:
            (first, start), (last, end) = selected
            start = start if block.index == first else 0
            end = end if block.index == last else len(self.views.canonical(block.index))
            text.stylize(self.get_component_rich_style("article--selection"),
                         view.map.to_view(start), view.map.to_view(end, end=True))
        if self.search:
            style = self.get_component_rich_style("article--search")
            from ..core.search import in_paragraph  # loaded with the first search

            for match in in_paragraph(self.search, block.index):
                text.stylize(style, view.map.to_view(match.start), view.map.to_view(match.end, end=True))
        if self.word and block.index == self.cursor:
            start, end = self.word
            text.stylize(self.get_component_rich_style("article--word"),
                         view.map.to_view(start), view.map.to_view(end, end=True))
        if self.pinyin or self.spacing:
            text = inline.decorate(self, text, block.index, view)
        return text

    def _lines(self, block_index: int) -> list[Text]:
        if self._width != self.text_width:
            self._width = self.text_width
            self._forget_all()
        lines = self._layout.get(block_index)
        if lines is None:
            text = inert_text(self.block_text(self.blocks[block_index]))  # a cached view is data too
            ranges = line_ranges(text.plain, self._width)
            lines = text.divide([end for _, end in ranges[:-1]]) if len(ranges) > 1 else [text]
            lines = list(lines)
            if block_index < len(self.blocks) - 1:
                lines.append(Text(""))  # one blank line between blocks
            self._layout[block_index] = lines
        return lines

    def _advance(self, pos: tuple[int, int], count: int) -> tuple[int, int]:
        """Move a (block, line) position by ``count`` lines, clamped to the document."""
        block, line = pos
        line += count
        while line < 0 and block > 0:
            block -= 1
            line += len(self._lines(block))
        while block < len(self.blocks) - 1 and line >= len(self._lines(block)):
            line -= len(self._lines(block))
            block += 1
        return block, max(0, min(line, len(self._lines(block)) - 1))

    def _last_top(self) -> tuple[int, int]:
        """The top position that shows the end of the document at the bottom of the screen."""
        last = len(self.blocks) - 1
        return self._advance((last, len(self._lines(last)) - 1), -(self.size.height - 1))

    def _visible(self) -> list[tuple[int, int]]:
        """(block, line) of each screen row from the top anchor."""
        rows = []
        block, line = self.top
        height = self.size.height  # a DOM lookup each time: once here
        while len(rows) < height and block < len(self.blocks):
            lines = self._lines(block)
            while line < len(lines) and len(rows) < height:
                rows.append((block, line))
                line += 1
            block, line = block + 1, 0
        return rows

    # -- rendering ----------------------------------------------------------------------

    def _rows(self) -> list[tuple[int, int]]:
        key = (self.top, self.size, self._width, len(self._layout))
        if self._rows_key != key:
            self._rows_cache = self._visible()
            self._rows_key = (self.top, self.size, self._width, len(self._layout))
        return self._rows_cache

    def render_lines(self, crop):
        # Once a frame rather than once a line: both walk the DOM.
        self._base = self.rich_style
        self._frame_size = self.size
        return super().render_lines(crop)

    _base = Style()
    _frame_size = None

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._forget_all()  # a theme or CSS change restyles the cached lines too
        self._rows_key = None

    _annotation_styles: AnnotationStyles | None = None

    def mount_annotation_styles(self) -> None:
        """Mount the annotation styles (the reader calls it once the first frame is shown)."""
        if self._annotation_styles is None:
            self._annotation_styles = AnnotationStyles()
            self.mount(self._annotation_styles)  # styled as it is registered, right here
            self._forget_all()  # lines drawn before it had their annotations unstyled
            self._rows_key = None
            self.refresh()

    def get_component_rich_style(self, *names: str, partial: bool = False, default: Style | None = None) -> Style:
        """A component's style; annotation styles come from :class:`AnnotationStyles`."""
        if names and names[0] in ANNOTATION_CLASSES:
            holder = self._annotation_styles
            if holder is None:  # before the first frame: nothing is annotated yet
                return Style() if default is None else default
            return holder.get_component_rich_style(*names, partial=partial, default=default)
        return super().get_component_rich_style(*names, partial=partial, default=default)

    def render_line(self, y: int) -> Strip:
        rows = self._rows()
        base = self._base
        width = (self._frame_size or self.size).width
        if y >= len(rows):
            return Strip.blank(width, base)
        block_index, line = rows[y]
        block = self.blocks[block_index]
        lines = self._lines(block_index)
        on_cursor = block.kind != "heading" and block.index == self.cursor
        on_cursor = on_cursor and line < len(lines) - (block_index < len(self.blocks) - 1)
        mark = " "
        if line == 0 and block.kind != "heading" and block.index in self.bookmarks:
            mark = "•"  # a bookmark (m), on the paragraph's first line
        key = (block_index, line, on_cursor, on_cursor and self.has_focus, mark, width, base)
        strip = self._layout.strips.get(key)
        if strip is not None:
            return strip
        text = lines[line].copy()
        if on_cursor:
            cursor = self.get_component_rich_style("article--cursor")
            text.stylize_before(Style(bgcolor=cursor.bgcolor))  # spans keep their own styles
            bar = self.get_component_rich_style("article--cursor-bar") if self.has_focus else base
            margin = [Segment("▌", base + bar), Segment(mark + " " * (MARGIN - 2), base + bar)]
        else:
            margin = [Segment(" ", base), Segment(mark + " " * (MARGIN - 2), base)]
        strip = text_strip(text, self.app.console, base, width, margin)
        if len(self._layout.strips) > _Layout.MAX_STRIPS:
            self._layout.strips.clear()
        self._layout.strips[key] = strip
        return strip

    def on_resize(self, event: events.Resize) -> None:
        self._forget_all()
        self._rows_key = None
        self.top = self._advance(self.top, 0)
        self.refresh()

    # -- moving -------------------------------------------------------------------------

    def watch_cursor(self, old: int, new: int) -> None:
        if not self.shown(new):  # a section or bookmark the filter hides: the whole document again
            self.set_filter(None)
        if self.word is not None:
            self.word = None  # the word cursor belongs to the paragraph it was in
            self._forget_block(self.block_of.get(old))
            self._rows_key = None
        self.scroll_to_paragraph(new)
        self.post_message(self.CursorMoved(self, new))
        self.refresh()

    def scroll_to_paragraph(self, index: int) -> None:
        """Bring paragraph ``index`` into view, moving as little as possible."""
        block = self.block_of[index]
        height = self.size.height
        lines = self._lines(block)
        count = len(lines) - (1 if block < len(self.blocks) - 1 else 0)  # without the gap
        if height:
            rows = self._visible()
            if (block, 0) in rows and ((block, count - 1) in rows or rows[0] == (block, 0)):
                return
        if height and block > self.top[0] and count <= height:
            # Below the screen: scroll down just until its last line is at the bottom.
            self.top = self._advance((block, count - 1), -(height - 1))
        else:
            self.top = (block, 0)
            if block > 0 and self.blocks[block - 1].kind == "heading":
                self.top = (block - 1, 0)  # show the section's heading with it
        if height:
            self.top = min(self.top, max(self._last_top(), (0, 0)))
        self.refresh()

    def scroll_lines(self, count: int) -> None:
        """Scroll by ``count`` lines; the cursor follows if it leaves the screen."""
        self.top = min(self._advance(self.top, count), max(self._last_top(), (0, 0)))
        self.refresh()
        rows = self._visible()
        paras = [self.blocks[b].index for b, _ in rows if self.blocks[b].kind != "heading"]
        if paras and self.cursor not in paras:
            target = paras[0] if count > 0 else paras[-1]
            self.set_reactive(ArticleView.cursor, target)
            self.post_message(self.CursorMoved(self, target))

    # -- the word cursor --------------------------------------------------------------

    def words_of(self, index: int) -> list[tuple[int, int]]:
        """Word stops of paragraph ``index`` (canonical offsets), annotations whole."""
        words = self._words.get(index)
        if words is None:
            from ..core.words import word_bounds

            words = self._words[index] = word_bounds(self.views.canonical(index), self.spans.get(index, ()))
        return words

    def set_word(self, paragraph: int, start: int, end: int) -> None:
        """Put the word cursor on ``[start, end)`` of ``paragraph`` (the reading cursor follows)."""
        if self.cursor != paragraph:
            self.cursor = paragraph
        self.word = (start, end)
        self._forget_block(self.block_of.get(paragraph))
        self._rows_key = None
        self.refresh()
        self.post_message(self.WordMoved(self, paragraph, start, end))

    def action_word_next(self) -> None:
        """Next word; past the paragraph's last word, the next paragraph's first."""
        if self.anchor is not None:
            self.extend_selection("sentence", True)
            return
        index = self.cursor
        words = self.words_of(index)
        after = [w for w in words if self.word is None or w[0] >= self.word[1]]
        while not after and self.step(index, 1) is not None:
            index = self.step(index, 1)
            after = self.words_of(index)
        if after:
            self.set_word(index, *after[0])

    def action_word_previous(self) -> None:
        """Previous word; before the paragraph's first word, the previous paragraph's last."""
        if self.anchor is not None:
            self.extend_selection("sentence", False)
            return
        index = self.cursor
        words = self.words_of(index)
        before = [w for w in words if self.word is not None and w[1] <= self.word[0]]
        if self.word is None and words:
            before = words[-1:]
        while not before and self.step(index, -1) is not None:
            index = self.step(index, -1)
            before = self.words_of(index)
        if before:
            self.set_word(index, *before[-1])

    def action_cursor_down(self) -> None:
        if self.anchor is not None:
            self.extend_selection("paragraph", True)
            return
        following = self.step(self.cursor, 1)
        if following is not None:
            self.cursor = following

    def action_cursor_up(self) -> None:
        if self.anchor is not None:
            self.extend_selection("paragraph", False)
            return
        preceding = self.step(self.cursor, -1)
        if preceding is not None:
            self.cursor = preceding

    def action_page_down(self) -> None:
        self.scroll_lines(max(self.size.height - 2, 1))

    def action_page_up(self) -> None:
        self.scroll_lines(-max(self.size.height - 2, 1))

    def action_top(self) -> None:
        self.top = (0, 0)
        self.cursor = self._order[0] if self._order else 0
        self.refresh()

    def action_bottom(self) -> None:
        self.cursor = self._order[-1] if self._order else len(self.views) - 1
        self.top = max(self._last_top(), (0, 0))
        self.refresh()

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        event.stop()
        self.scroll_lines(3)

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        event.stop()
        self.scroll_lines(-3)

    def on_click(self, event: events.Click) -> None:
        rows = self._visible()
        if 0 <= event.y < len(rows):
            block = self.blocks[rows[event.y][0]]
            if block.kind != "heading":
                self.cursor = block.index
