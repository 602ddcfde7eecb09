"""The article view: renders only the lines on screen, with a reading cursor.

What is where (blocks, wrapped lines, the top of the screen) is the :class:`Viewport`'s;
how a block's text is styled is ``article_text``'s; this is the widget: its state, the
keys that move the cursors, and drawing the visible lines with the cursor's margin.
Display options are reactives (the screen binds ``script`` and ``variant``); whatever
changes what is drawn ends in :meth:`ArticleView.invalidate`, the one invalidation point.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

from ..core.models import Span
from ..core.script import Views
from . import article_text
from .annotation_styles import ANNOTATION_CLASSES, AnnotationStyles
from .article_rows import centring, row_strip
from .selection import Selection
from .strips import MARGIN
from .viewport import Block, Viewport
from .word_cursor import WordCursor

if TYPE_CHECKING:
    from ..core.search import Match


class ArticleMessage(Message):
    """What the article tells its screen (its messages are declared on ``ArticleView``)."""

    def __init__(self, article: ArticleView) -> None:
        super().__init__()
        self.article = article

    @property
    def control(self) -> ArticleView:
        return self.article


class ArticleView(Widget, can_focus=True):
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
    script: reactive[str] = reactive("simplified", init=False)
    """The script shown (``original``, ``simplified``, ``traditional``): bound to the screen's."""
    variant: reactive[str] = reactive("std", init=False)
    """The traditional variant shown: bound to the screen's."""
    pinyin: reactive[str | None] = reactive(None, init=False)
    """Pinyin after each word: "word" (tone marks), "tones" (coloured by tone), "source", or None."""
    spacing: reactive[bool] = reactive(False, init=False)
    """A half-width space between words (word-segmented reading)."""
    punctuation: reactive[bool] = reactive(False, init=False)
    """Half-width punctuation in Chinese text shown full width."""
    highlight: reactive[bool] = reactive(True, init=False)
    """Annotations styled at all (H)."""
    hidden_types: reactive[frozenset[str]] = reactive(frozenset(), init=False)
    """Annotation kinds left unstyled (the digit keys)."""

    class CursorMoved(ArticleMessage):
        """The reading cursor moved to another paragraph."""

        def __init__(self, article: ArticleView, paragraph: int) -> None:
            super().__init__(article)
            self.paragraph = paragraph

    class WordMoved(ArticleMessage):
        """The word cursor moved onto ``word`` (canonical ``(start, end)``) of ``paragraph``."""

        def __init__(self, article: ArticleView, paragraph: int, word: tuple[int, int]) -> None:
            super().__init__(article)
            self.paragraph = paragraph
            self.word = word

    class SelectionChanged(ArticleMessage):
        """The selection (v) started, grew, shrank or ended."""

    def __init__(self, views: Views, script: str, variant: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.views = views
        self.set_reactive(ArticleView.script, script)
        self.set_reactive(ArticleView.variant, variant)
        self.spans: Mapping[int, list[Span]] = {}  # (the analysis' own: made a paragraph at a time)
        self.part_spans: dict[tuple[str, int], list[Span]] = {}  # the title's and headings'
        self.marked: tuple[int, int, int] | None = None  # (paragraph, start, end) canonical
        self.word: tuple[int, int] | None = None  # word cursor in the cursor's paragraph, canonical
        self.bookmarks: set[int] = set()  # bookmarked paragraphs, marked in the margin
        self.search: Sequence[Match] | None = None  # search matches, highlighted
        self.search_query = ""  # ... and the query, found in the title and headings
        text_width = lambda: max(self.size.width - 2 * MARGIN, 4)  # noqa: E731
        self.viewport = Viewport(views.document, (script, variant), self.block_text, text_width)
        self.words = WordCursor(self)  # h/l, a click: moves ``word``
        self.selection = Selection(self)  # v: its own state; drawn by article_text
        self._annotation_styles: AnnotationStyles | None = None
        self._base = Style()
        self._frame_size = None

    @property
    def only(self) -> set[int] | None:
        """The paragraphs a filtered view shows, or None."""
        return self.viewport.only

    # -- the one invalidation point ------------------------------------------------------

    def invalidate(self, paragraphs: Iterable[int] | None = None, *, keep_cursor: bool = False) -> None:
        """Draw again what changed: these paragraphs, or everything (None), in every view.

        ``keep_cursor``: lines may have grown, so bring the cursor's paragraph back in view.
        """
        self.viewport.invalidate(paragraphs)
        if paragraphs is None:
            self.viewport.keep_top()
        if keep_cursor:
            self.scroll_to_paragraph(self.cursor)
        self.refresh()

    def watch_script(self) -> None:
        self.viewport.set_view((self.script, self.variant))
        self.refresh()

    watch_variant = watch_script

    def watch_pinyin(self) -> None:
        # with pinyin or spaces, a word and its reading wrap as one (widgets/wrap.py)
        self.viewport.whole_words = bool(self.pinyin or self.spacing)
        self.invalidate(keep_cursor=True)  # longer lines must not push the cursor off screen

    watch_spacing = watch_pinyin

    def watch_punctuation(self) -> None:
        self.invalidate()

    watch_highlight = watch_hidden_types = watch_punctuation

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self.viewport.invalidate()  # a theme or CSS change restyles the cached lines too

    def on_resize(self, event: events.Resize) -> None:
        pad = centring(self)  # past the reading width, the column centred
        if self.styles.padding.left != pad:
            self.styles.padding = (0, pad)
        self.viewport.invalidate()
        self.viewport.top = self.viewport.advance(self.viewport.top, 0)
        self.refresh()

    def action_clear_selection(self) -> None:
        self.selection.clear()

    # -- state changes from outside -----------------------------------------------------
    def set_filter(self, paragraphs: set[int] | None) -> None:
        """Show only ``paragraphs`` (with their sections' headings), or everything again."""
        self.selection.clear()
        self.viewport.set_filter(paragraphs)
        shown = self.viewport.nearest_shown(self.cursor)
        if shown != self.cursor:
            self.set_reactive(ArticleView.cursor, shown)
            self.word = None
        if self.viewport.blocks:
            self.scroll_to_paragraph(self.cursor)
        self.refresh()
        self.post_message(self.CursorMoved(self, self.cursor))

    def set_search(self, matches: Sequence[Match] | None, query: str = "") -> None:
        """Highlight these search matches (canonical offsets), or none; ``query`` is also
        highlighted where the title and headings hold it."""
        self.search = matches
        self.search_query = query
        self.invalidate()

    def set_spans(self, spans: Mapping[int, list[Span]]) -> None:
        """Annotations to style, per paragraph, on canonical offsets."""
        self.spans = spans
        self.words.stops.set_spans(spans)
        self.invalidate()

    def set_part_spans(self, spans: dict[tuple[str, int], list[Span]]) -> None:
        """Annotations of the title (``("title", 0)``) and headings (``("heading", section)``)."""
        self.part_spans = spans
        self.invalidate()

    def set_bookmarks(self, paragraphs: set[int]) -> None:
        """The bookmarked paragraphs, marked in the margin."""
        self.bookmarks = set(paragraphs)
        self.refresh()

    def spans_at(self, paragraph: int, start: int, end: int) -> list[Span]:
        """Annotations overlapping ``[start, end)`` of ``paragraph``."""
        return [s for s in self.spans.get(paragraph, ()) if s.start < end and start < s.end]

    def mark(self, paragraph: int, start: int, end: int) -> None:
        """Mark a span (canonical offsets) and put the reading cursor on its paragraph.

        A paragraph the filter hides brings the whole document back first.
        """
        if not self.viewport.shown(paragraph):
            self.set_filter(None)
        previous = self.marked
        self.marked = (paragraph, start, end)
        self.viewport.invalidate({paragraph, previous[0] if previous else paragraph})
        if self.cursor == paragraph:
            self.scroll_to_paragraph(paragraph)
            self.refresh()
        else:
            self.cursor = paragraph

    def show_section(self, section: int) -> None:
        """Put the reading cursor on a section's first paragraph, its heading at the top."""
        sections = self.views.document.sections
        section = max(0, min(section, len(sections) - 1))
        if sections[section].paragraphs:
            self.cursor = sections[section].paragraphs[0]
            self.viewport.show_section(section, self.viewport.block_of[self.cursor], self.size.height)
            self.refresh()

    def step_section(self, delta: int) -> bool:
        """To the next section (1), or back (-1): first to this section's start, like an
        editor, then to the previous one. False when there is none that way."""
        target = self.viewport.section_step(self.cursor, delta)
        if target is not None:
            self.show_section(target)
        return target is not None

    def part_text(self, part: str, index: int = 0, style: Style | str = "") -> Text:
        """The title or a heading in the current view, its annotations styled as the
        article's (the title bar and the outline draw it with this)."""
        return article_text.part_text(self, part, index, style)

    def block_text(self, block: Block) -> Text:
        """The styled text of a block in the current view."""
        return article_text.block_text(self, block)

    def mount_annotation_styles(self) -> None:
        """Mount the annotation styles (the reader calls it once the first frame is shown)."""
        if self._annotation_styles is None:
            self._annotation_styles = AnnotationStyles()
            self.mount(self._annotation_styles)  # styled as it is registered, right here
            self.invalidate()  # lines drawn before it had their annotations unstyled

    def get_component_rich_style(self, *names: str, partial: bool = False, default: Style | None = None) -> Style:
        """A component's style; annotation styles come from :class:`AnnotationStyles`."""
        if names and names[0] in ANNOTATION_CLASSES:
            holder = self._annotation_styles
            if holder is None:  # before the first frame: nothing is annotated yet
                return Style() if default is None else default
            return holder.get_component_rich_style(*names, partial=partial, default=default)
        return super().get_component_rich_style(*names, partial=partial, default=default)

    # -- rendering ----------------------------------------------------------------------

    def render_lines(self, crop):
        # Once a frame rather than once a line: both walk the DOM.
        self._base = self.rich_style
        self._frame_size = self.size
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        return row_strip(self, y, self._frame_size or self.size, self._base)

    # -- moving -------------------------------------------------------------------------

    def watch_cursor(self, old: int, new: int) -> None:
        if not self.viewport.shown(new):  # a section or bookmark the filter hides: the whole document again
            self.set_filter(None)
        if self.word is not None:
            self.word = None  # the word cursor belongs to the paragraph it was in
            self.viewport.invalidate([old])
        self.scroll_to_paragraph(new)
        self.post_message(self.CursorMoved(self, new))
        self.refresh()

    def scroll_to_paragraph(self, index: int) -> None:
        """Bring paragraph ``index`` into view, moving as little as possible."""
        self.viewport.bring_into_view(index, self.size.height)
        self.refresh()

    def scroll_lines(self, count: int) -> None:
        """Scroll by ``count`` lines; the cursor follows if it leaves the screen."""
        self.viewport.scroll(count, self.size.height)
        self.refresh()
        rows = self.viewport.visible(self.size.height)
        paras = [self.viewport.blocks[b].index for b, _ in rows if self.viewport.blocks[b].kind != "heading"]
        if paras and self.cursor not in paras:
            target = paras[0] if count > 0 else paras[-1]
            self.set_reactive(ArticleView.cursor, target)
            self.post_message(self.CursorMoved(self, target))

    # -- the word cursor (``WordCursor``) ------------------------------------------------

    def words_of(self, index: int) -> list[tuple[int, int]]:
        """Word stops of paragraph ``index`` (canonical offsets), annotations whole."""
        return self.words.stops.of(index)

    def set_word(self, paragraph: int, start: int, end: int) -> None:
        """Put the word cursor on ``[start, end)`` of ``paragraph`` (the reading cursor follows)."""
        self.words.put(paragraph, start, end)

    def action_word_next(self) -> None:
        """Next word; past the paragraph's last word, the next paragraph's first."""
        if self.selection.active:
            self.selection.extend("sentence", True)
        else:
            self.words.step(1)

    def action_word_previous(self) -> None:
        """Previous word; before the paragraph's first word, the previous paragraph's last."""
        if self.selection.active:
            self.selection.extend("sentence", False)
        else:
            self.words.step(-1)

    def action_cursor_down(self) -> None:
        if self.selection.active:
            self.selection.extend("paragraph", True)
            return
        following = self.viewport.step(self.cursor, 1)
        if following is not None:
            self.cursor = following

    def action_cursor_up(self) -> None:
        if self.selection.active:
            self.selection.extend("paragraph", False)
            return
        preceding = self.viewport.step(self.cursor, -1)
        if preceding is not None:
            self.cursor = preceding

    def action_page_down(self) -> None:
        self.scroll_lines(max(self.size.height - 2, 1))

    def action_page_up(self) -> None:
        self.scroll_lines(-max(self.size.height - 2, 1))

    def action_top(self) -> None:
        self.viewport.top = (0, 0)
        order = self.viewport.order
        self.cursor = order[0] if order else 0
        self.refresh()

    def action_bottom(self) -> None:
        order = self.viewport.order
        self.cursor = order[-1] if order else len(self.views) - 1
        self.viewport.top = self.viewport.last_top(self.size.height)
        self.refresh()

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        event.stop()
        self.scroll_lines(3)

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        event.stop()
        self.scroll_lines(-3)

    async def on_click(self, event: events.Click) -> None:
        await self.words.click(event)  # the word cursor on the word clicked (twice: looked up)
