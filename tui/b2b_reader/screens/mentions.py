"""What ``n``/``N`` step through and ``F`` filters to: a search's matches, or the mentions
of an entity, term or date chosen in a panel."""

from __future__ import annotations

from dataclasses import dataclass, replace


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
