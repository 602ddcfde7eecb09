"""Line breaking for mixed Chinese and Latin text, by terminal cells.

Chinese breaks between any two characters, except that closing punctuation never
starts a line and opening punctuation never ends one; runs of Latin letters and digits
(``B2小B2C`` splits at the CJK character, ``SHEIN`` never) stay whole when they fit.

With pinyin or spaces between words shown (``whole_words``), the text's words are marked
(every Han word is followed by its reading or by a space), and a line never breaks
inside one: ``頭部(tóubù)`` wraps as a unit; only a word longer than a line is cut.
"""

from __future__ import annotations

from functools import lru_cache

from rich.cells import get_character_cell_size

_NO_LINE_START = set("，。、；：？！,.;:?!)）」』”’》〉】…—%％·")
_NO_LINE_END = set("(（「『“‘《〈【")


@lru_cache(maxsize=4096)
def _width(char: str) -> int:
    return get_character_cell_size(char)


def _is_word(char: str) -> bool:
    # Latin with diacritics too: pinyin shown after a word (yínháng) must not break inside.
    return (char.isascii() and (char.isalnum() or char in "-_'")) or (
        char.isalpha() and _width(char) == 1 and "\u00c0" <= char <= "\u024f")


#: Per character: its cell width, or -1 for a word character (filled as characters are met).
_INFO: dict[str, int] = {}


def _learn(char: str) -> int:
    info = _INFO[char] = -1 if _is_word(char) else _width(char)
    return info


def wrap_offsets(text: str, width: int) -> list[int]:
    """Start offsets of each line of ``text`` wrapped at ``width`` cells (always ``[0, ...]``)."""
    width = max(width, 2)
    starts = [0]
    used = 0
    i = 0
    n = len(text)
    info_of = _INFO.get
    while i < n:
        char = text[i]
        info = info_of(char)
        if info is None:
            info = _learn(char)
        if info >= 0 and (used + info <= width or used == 0):
            used += info  # the common case, a character that fits: one lookup, no calls
            i += 1
            continue
        if info < 0:  # a word (Latin, digits, pinyin): whole if it fits a line
            j = i
            while j < n and _is_word(text[j]):
                j += 1
            word = j - i
            if used + word <= width or word > width:
                if used + word > width:  # a word longer than a line: cut it
                    take = max(width - used, 1 if used == 0 else 0)
                    if take == 0:
                        starts.append(i)
                        used = 0
                        continue
                    i += take
                    used += take
                    continue
                used += word
                i = j
                continue
            brk = i
            if text[i - 1] in _NO_LINE_END and i - 1 > starts[-1]:
                brk = i - 1  # "(yínháng)": the opening bracket goes down with the word
            starts.append(brk)
            used = sum(_width(c) for c in text[brk:i])
            continue
        # a character that does not fit: break the line
        brk = i
        # Kinsoku: a closing mark takes the character before it to the new line; an
        # opening mark at the end of a line moves down with what it opens.
        if (char in _NO_LINE_START or text[brk - 1] in _NO_LINE_END) and brk - 1 > starts[-1]:
            brk -= 1
            if _is_word(text[brk]):  # never split a word to carry it: take all of it
                start = brk
                while start > starts[-1] and _is_word(text[start - 1]):
                    start -= 1
                if start == starts[-1]:
                    # the word fills its line from the start: rather than cut it (or
                    # let the mark fall off the edge), the mark starts the next line
                    brk = i
                else:
                    brk = start
                    if text[brk - 1] in _NO_LINE_END and brk - 1 > starts[-1]:
                        brk -= 1
        if char == " ":
            brk = i + 1
        starts.append(brk)
        used = sum(_width(c) for c in text[brk : i + 1]) if brk <= i else 0
        i += 1
    return starts


def _is_han(char: str) -> bool:
    return _width(char) == 2 and char.isalnum()


def _units(text: str) -> list[int]:
    """End offsets of the pieces a line may not break inside, in word mode: a run of Han
    characters, Latin letters and digits (a word: pinyin or a space follows each), with
    its reading in brackets glued to it (``頭部(tóubù)``); any other character alone."""
    ends = []
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        if _is_han(text[i]) or _is_word(text[i]):
            while j < n and (_is_han(text[j]) or _is_word(text[j])):
                j += 1
            if j < n and text[j] == "(":
                close = text.find(")", j)
                if close > 0 and all(_is_word(c) or c in " ·" for c in text[j + 1:close]):
                    j = close + 1
        ends.append(j)
        i = j
    return ends


def whole_word_offsets(text: str, width: int) -> list[int]:
    """Start offsets of each line, breaking only between :func:`_units` (kinsoku kept:
    a closing mark never starts a line, an opening one never ends one)."""
    width = max(width, 2)
    starts = [0]
    used = 0
    start = 0
    last_start = 0  # where the unit before this one starts
    for end in _units(text):
        size = sum(_width(c) for c in text[start:end])
        if used and used + size > width and text[start] != " ":  # a new line
            brk = start
            if (text[start] in _NO_LINE_START or text[start - 1] in _NO_LINE_END) and last_start > starts[-1]:
                brk = last_start  # the unit before goes down with the mark
                if sum(_width(c) for c in text[brk:end]) > width:
                    brk = start  # together they would not fit either
            starts.append(brk)
            used = sum(_width(c) for c in text[brk:start])
        if used == 0 and size > width:  # a word longer than a line: cut it
            for cut in wrap_offsets(text[start:end], width)[1:]:
                starts.append(start + cut)
            used = sum(_width(c) for c in text[starts[-1]:end])
        else:
            used += size
        last_start, start = start, end
    return starts


def line_ranges(text: str, width: int, whole_words: bool = False) -> list[tuple[int, int]]:
    """(start, end) of each wrapped line (``whole_words``: pinyin or word spaces shown)."""
    starts = whole_word_offsets(text, width) if whole_words else wrap_offsets(text, width)
    return list(zip(starts, starts[1:] + [len(text)]))
