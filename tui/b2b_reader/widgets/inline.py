"""Reading aids drawn into a paragraph's text: pinyin after each word, spaces between words.

The paragraph arrives styled (entities, terms, matches, cursor); this inserts pieces at
word ends without touching those styles, so wrapping and rendering stay as for plain text.
Pinyin comes from the core (``core.pinyin``): word-level and tone-marked, or the source's
own glued pinyin; with tone colours each syllable takes its tone's style.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text

if TYPE_CHECKING:
    from ..core.script import ViewText
    from .article import ArticleView

#: Tone colours after the common convention (1 red, 2 green, 3 blue, 4 purple; the neutral
#: tone keeps the pinyin style). Fixed rather than themable: the convention is the point,
#: and the marks on the vowels carry the tone without colour.
TONE_STYLES = {1: Style(color="#e05050"), 2: Style(color="#50b050"), 3: Style(color="#5080e0"),
               4: Style(color="#b060d0"), 5: Style()}


def decorate(article: ArticleView, text: Text, index: int, view: ViewText) -> Text:
    """``text`` (paragraph ``index`` in ``view``) with pinyin and/or word spaces inserted."""
    inserts: dict[int, list[Text]] = {}
    if article.pinyin:
        for end, shown in _readings(article, index, view):
            inserts.setdefault(end, []).append(shown)
    if article.spacing:
        plain = text.plain
        for start, end in article.words_of(index):
            at = view.map.to_view(end, end=True)
            if 0 < at < len(plain) and _is_word_char(plain[at - 1]) and _is_word_char(plain[at]):
                inserts.setdefault(at, []).append(Text(" "))
    if not inserts:
        return text
    pieces, last = [], 0
    for at in sorted(inserts):
        if at > len(text.plain):
            continue
        pieces.append(text[last:at])
        pieces.extend(inserts[at])
        last = at
    pieces.append(text[last:])
    return Text("").join(pieces)


def _readings(article: ArticleView, index: int, view: ViewText) -> list[tuple[int, Text]]:
    """(view offset where a word ends, its pinyin as shown) for paragraph ``index``."""
    from ..core import pinyin

    style = article.get_component_rich_style("article--pinyin")
    if article.pinyin == "source":
        words = pinyin.source_pinyin_in_view(article.views.document, article.views, article.script,
                                             article.variant, index)
        return [(w.end, Text(f"({w.pinyin})", style=style)) for w in words]
    canonical = article.views.canonical(index)
    words = pinyin.view_word_pinyin(canonical, view)
    if article.pinyin != "tones" or not view.map.is_identity:
        return [(w.end, Text(f"({w.pinyin})", style=style)) for w in words]
    # Tone colours: one style per syllable, from the characters' readings.
    readings = {r.offset: r for r in pinyin.char_readings(canonical)}
    out = []
    for w in words:
        shown = Text("(", style=style)
        for offset in range(w.start, w.end):
            reading = readings.get(offset)
            if reading is not None:
                shown.append(reading.syllable, style + TONE_STYLES.get(reading.tone, Style()))
        shown.append(")", style=style)
        out.append((w.end, shown))
    return out


def _is_word_char(char: str) -> bool:
    return char.isalnum()
