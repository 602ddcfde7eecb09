"""Reading statistics of a document: characters, words, paragraphs, sections, time.

Reading time assumes a native adult reading Chinese silently at 300–500 characters a
minute; that range is the one commonly quoted for such readers (it is an assumption,
not a measurement of ours, and real speed varies with the reader and the text), so we
report its midpoint, 400 a minute, together with the range. Latin words and numbers
("GMV", "1688") count as one character each: a reader takes them in at a glance.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .models import Document

#: Characters a minute: the assumed range for native silent reading, and its midpoint.
SPEED_RANGE = (300, 500)
SPEED = 400

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]")


@dataclass(frozen=True)
class ReadingStats:
    """Counts for one document; ``minutes`` at :data:`SPEED`, ``minutes_range`` slow–fast."""

    characters: int  # every character of paragraph text (headings excluded)
    han: int  # Han characters among them
    words: int  # rjieba words with a letter, digit or Han character (no punctuation)
    paragraphs: int  # body paragraphs
    captions: int
    sections: int  # including an untitled introduction
    minutes: float
    minutes_range: tuple[float, float]


def reading_stats(document: Document, canonical: Sequence[str] | None = None) -> ReadingStats:
    """Statistics of ``document``; ``canonical`` (``views.all_canonical()``) segments best.

    Counting words runs rjieba over the whole text (~6 M characters/s).
    """
    import rjieba

    texts = list(canonical) if canonical is not None else [p.text for p in document.paragraphs]
    characters = sum(len(t) for t in texts)
    han = sum(len(_HAN.findall(t)) for t in texts)
    words = 0
    other = 0  # words without Han characters: Latin words and numbers
    for text in texts:
        for word in rjieba.cut(text):
            if any(c.isalnum() for c in word):
                words += 1
                if not _HAN.search(word):
                    other += 1
    units = han + other
    slow, fast = SPEED_RANGE
    return ReadingStats(
        characters=characters,
        han=han,
        words=words,
        paragraphs=sum(p.kind == "body" for p in document.paragraphs),
        captions=sum(p.kind == "caption" for p in document.paragraphs),
        sections=len(document.sections),
        minutes=units / SPEED,
        minutes_range=(units / fast, units / slow),
    )


def describe(stats: ReadingStats) -> str:
    """One line for a help or info panel."""
    low, high = (max(1, round(m)) for m in stats.minutes_range)
    time = f"about {max(1, round(stats.minutes))} min" + (f" ({low}–{high})" if low != high else "")
    captions = f" + {stats.captions} captions" if stats.captions else ""
    return (f"{stats.characters:,} characters ({stats.han:,} Han) · {stats.words:,} words · "
            f"{stats.paragraphs} paragraphs{captions} · {stats.sections} sections · "
            f"{time} at {SPEED_RANGE[0]}–{SPEED_RANGE[1]} characters/min")
