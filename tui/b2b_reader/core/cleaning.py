"""Cleaning steps, each a small pure function from text to text (plus what it removed).

The steps follow the defects listed for the default article (seed ``NOTES.md``) but are
written as general rules: glued pinyin, single-space paragraph breaks, picture captions,
control characters, half-width punctuation between CJK characters.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# Tone-marked (or plain) pinyin letters; ü and ê with their tone marks included.
_PINYIN_LETTERS = "a-zāáǎàēéěèêếềīíǐìōóǒòūúǔùüǖǘǚǜńňǹḿ"
# The CJK character before the bracket is checked in Python: a lookbehind on the CJK
# ranges costs 2-4 ms to compile, paid at every start-up.
_PINYIN_BRACKETED = re.compile(rf"\(([{_PINYIN_LETTERS}]{{1,7}})\)")


def _is_han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u4dbf" or "\u4e00" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def glued_pinyin(text: str) -> Iterator[re.Match[str]]:
    """Matches of ``(pinyin)`` glued to the CJK character before it; group 1 is the pinyin."""
    for match in _PINYIN_BRACKETED.finditer(text):
        if match.start() and _is_han(text[match.start() - 1]):
            yield match

#: Control characters are handled by the terminal boundary's one function (``core.inert``).
from .inert import REPLACEMENT as CONTROL_REPLACEMENT  # noqa: E402
from .inert import inert as scrub_controls  # noqa: E402

#: Characters after which a single space ends a paragraph in run-together text.
SENTENCE_END = "。？！?!”"
_CAPTION_RE = re.compile(r"^[(（][^()（）]{1,60}[)）]$")
_CAPTION_HINT = re.compile(r"(图片|圖片|图|圖|photo|image|来源|來源|摄|攝)", re.IGNORECASE)

_HALF_TO_FULL = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}


def strip_glued_pinyin(text: str) -> tuple[str, list[tuple[int, str]]]:
    """Remove ``字(pīnyīn)`` artefacts; return the text and (offset of the character, syllable).

    Only a parenthesised run of pinyin letters glued to a CJK character is removed, so
    ``(花名:樸初 )`` and ``(圖片來自微博)`` stay.
    """
    hints: list[tuple[int, str]] = []
    out: list[str] = []
    last = 0
    removed = 0
    for match in glued_pinyin(text):
        out.append(text[last : match.start()])
        hints.append((match.start() - removed - 1, match.group(1)))
        removed += match.end() - match.start()
        last = match.end()
    out.append(text[last:])
    return "".join(out), hints


def split_run_together(text: str) -> list[str]:
    """Split text whose paragraphs are separated by single spaces.

    A space is a paragraph break only after sentence-final punctuation or after a
    closing bracket that ends a caption; other spaces (``樸初 )``, ``1688 AI``) are words
    spaces inside a paragraph. Newlines also end paragraphs.
    """
    paragraphs: list[str] = []
    for line in text.split("\n"):
        start = 0
        for i, char in enumerate(line):
            if char != " " or i == 0:
                continue
            before = line[start:i]
            if line[i - 1] in SENTENCE_END or is_caption(before.strip()):
                paragraphs.append(before)
                start = i + 1
        paragraphs.append(line[start:])
    return [p.strip() for p in paragraphs if p.strip()]


def is_caption(paragraph: str) -> bool:
    """A short paragraph wholly in brackets that names a picture: ``(圖片來自微博)``."""
    return bool(_CAPTION_RE.match(paragraph) and _CAPTION_HINT.search(paragraph))


def drop_stray_lines(text: str) -> str:
    """Remove trailing lines that hold no word at all (the seed ends with a lone ``|``)."""
    lines = text.rstrip().split("\n")
    while lines and not any(ch.isalnum() for ch in lines[-1]):
        lines.pop()
    return "\n".join(lines)


def fullwidth_punctuation(text: str) -> str:
    """Half-width ``, : ; ? ! ( )`` to full width where they sit in Chinese text.

    A mark is converted when the character before or after it (brackets: inside them)
    is CJK, so ``1,000`` and ``a:b`` stay as they are. Length is preserved,
    so offsets are unchanged: this is a display option, not a cleaning of the data.
    """
    chars = list(text)
    n = len(chars)

    def cjk(i: int) -> bool:
        return 0 <= i < n and _is_cjk(chars[i])

    for i, ch in enumerate(chars):
        full = _HALF_TO_FULL.get(ch)
        if full is not None and (cjk(i - 1) or cjk(i + 1)):
            chars[i] = full
    return "".join(chars)


def _is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or "\u3000" <= ch <= "\u303f" or ch in "“”‘’"


#: Paragraphs longer than this are split (a file with no line breaks is one "paragraph"
#: of any length; segmentation and wrapping of one huge block get slow and useless).
LONG_PARAGRAPH = 2000
_CLAUSE_END = re.compile(r"[，,、：:]")


def long_paragraph_cuts(text: str, limit: int = LONG_PARAGRAPH) -> list[int]:
    """Offsets at which to cut a paragraph longer than ``limit`` into workable parts.

    Each part ends at the last sentence end within its second half, else at a clause
    mark, else at ``limit`` itself; shorter text gives ``[]``.
    """
    cuts: list[int] = []
    start = 0
    while len(text) - start > limit:
        window = text[start + limit // 2:start + limit]
        from .words import SENTENCE_END

        ends = [m.end() for m in SENTENCE_END.finditer(window)] or [m.end() for m in _CLAUSE_END.finditer(window)]
        cut = start + limit // 2 + ends[-1] if ends else start + limit
        cuts.append(cut)
        start = cut
    return cuts
