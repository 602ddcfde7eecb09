"""What ``n``/``N`` step through and ``F`` filters to: a search's matches, or the mentions
of an entity, term or date chosen in a panel (the target), and following it."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.screen import Screen

    from ..widgets.article import ArticleView
    from ..widgets.search_bar import SearchBar


@dataclass(frozen=True)
class Mentions:
    """A target: its label (current script), its mentions in document order, the current one."""

    label: str
    mentions: tuple[tuple[int, int, int], ...]  # (paragraph, start, end), canonical offsets
    index: int = 0

    @property
    def from_search(self) -> bool:
        """A search's matches (they go when the search is cancelled)."""
        return self.label.startswith("“")

    @property
    def current(self) -> tuple[int, int, int]:
        return tuple(self.mentions[self.index])

    @property
    def paragraphs(self) -> set[int]:
        return {m[0] for m in self.mentions}

    @property
    def status(self) -> str:
        """For the status line: ``label 3/9``."""
        return f"{self.label} {self.index + 1}/{len(self.mentions)}"

    def moved(self, step: int) -> Mentions:
        """``step`` mentions on (wrapping around)."""
        return replace(self, index=(self.index + step) % len(self.mentions))


class Following:
    """The current target, followed through the article (owned by the reader screen;
    ``host``: its notifications). Each step returns the status line's note, or None."""

    def __init__(self, host: Screen, article: ArticleView) -> None:
        self.host = host
        self.article = article
        self.target: Mentions | None = None
        self.bar: SearchBar | None = None  # mounted on the first /

    def follow(self, target: Mentions, step: int = 0, note: str = "") -> str:
        """Mark the target's mention ``step`` on from its current one. A step past the last
        (first) wraps around, and the status line says so (``note``) until the next step."""
        self.target = target.moved(step)
        self.article.mark(*self.target.current)
        if step > 0 and self.target.index < target.index:
            note = "wrapped to top"
        elif step < 0 and self.target.index > target.index:
            note = "wrapped to bottom"
        return f"{self.target.status}  {note}" if note else self.target.status

    def filter_note(self) -> str:
        """For the status line while ``F`` shows only the target's paragraphs."""
        if self.article.only is None:
            return ""
        label = self.target.label if self.target is not None else "the target"
        return f"filtered: {len(self.article.only)} ¶ with {label} (F: all)"

    def chosen(self, label: str, mentions) -> str | None:
        """Something chosen in a panel: its first mention."""
        return self.follow(Mentions(label, tuple(mentions))) if mentions else None

    def step(self, step: int) -> str | None:
        """The next (previous) mention."""
        if self.target is None:
            self.host.notify("Choose an entity, term or date in a panel first (i, then tab)", timeout=2)
            return None
        return self.follow(self.target, step)

    def open_search(self) -> None:
        """Open the search bar, mounted on first use (an Input is start-up time most
        readings never need)."""
        if self.bar is None:
            from functools import partial

            from ..widgets.search_bar import SearchBar

            host = self.host
            self.bar = SearchBar(host.views, id="search")
            host.mount(self.bar, before="#info")
            for name in ("script", "variant"):  # data_bind, for a child mounted from an action
                host.watch(host, name, partial(setattr, self.bar, name))
        self.bar.open(self.article.cursor)

    def section_counts(self, document) -> dict[int, int] | None:
        """How many of the search's matches each section holds (the outline shows them), or None."""
        if self.bar is None or not self.bar.matches:
            return None
        from ..core.search import sections_with  # not before the first search

        return sections_with(document, self.bar.matches)

    def found(self, query: str, matches, in_headings: int, origin: int | None, jump: bool) -> str | None:
        """A search ran: highlight its matches; they become the target (shown if ``jump``)."""
        query = query if query.strip() else ""
        self.article.set_search(matches, query)
        if not matches:
            if not query:
                return ""
            return f"“{query}” only in the title or headings ({in_headings})" if in_headings else f"no match for “{query}”"
        from ..core.search import first_from  # loaded with the first search

        origin = origin if origin is not None else self.article.cursor
        self.target = Mentions(f"“{query}”", tuple(matches), first_from(matches, origin, 0))
        wrapped = self.target.current[0] < origin  # nothing after the cursor: from the top
        return self.follow(self.target, note="search wrapped to top" if wrapped else "") if jump else None

    def cancelled(self, origin: int | None) -> str | None:
        """The search was cancelled: its matches go, the cursor goes back to ``origin``."""
        self.article.set_search(None)
        note = None
        if self.target and self.target.from_search:
            self.target, note = None, ""
        if origin is not None:
            self.article.cursor = origin
        return note

    def toggle_filter(self) -> None:
        """Show only the paragraphs of the target (search, entity, term), or all again."""
        article = self.article
        if article.only is not None:
            article.set_filter(None)
            self.host.notify("Whole document", timeout=1.5)
        elif self.target is None:
            self.host.notify("Search (/) or choose an entity or term in a panel first", timeout=2)
        else:
            paragraphs = self.target.paragraphs
            article.set_filter(paragraphs)
            self.host.notify(f"Only paragraphs with {self.target.label}: {len(paragraphs)} (F shows all)", timeout=2)
