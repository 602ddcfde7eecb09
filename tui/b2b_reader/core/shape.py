"""The shape of plain text: its title, its headings, and where its paragraphs end.

Chinese plain text usually puts one paragraph on one line (single newlines, sometimes an
indent of two ideographic spaces); some text is hard-wrapped at a fixed width instead, with
lines broken in mid-sentence. A first line that reads as a headline is the document's title;
a short line that is not a sentence is a section heading. Each rule is a small pure
function, so the parser (``formats.parse_plain``) only strings them together.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

from . import cleaning

#: Longest first line read as a title (digest headlines of news run to ~60 characters).
TITLE_MAX = 80
#: Longest line read as a section heading.
HEADING_MAX = 40
#: A title with no blank line after it is held to the heading rules and this length.
TIGHT_TITLE_MAX = HEADING_MAX

#: Marks that end a sentence (a full stop anywhere means a sentence, not a headline).
_FULL_STOP = "。．"
_SENTENCE_END = "。．！？!?…；;"
#: A line ending in one of these leads into what follows: it is not a title or heading.
_LEAD_IN = "，,、：:；;"
_CLOSERS = "”’」』）)】》\"'"
_OPENERS = "“‘「『\""
#: A colon straight before an opening quote introduces speech: 妈妈轻声说：“老师……”
_SPEECH = re.compile(r"[：:]\s*[“「『\"]")
#: Quoted text (closed, or open to the end of the line) that holds punctuation is a
#: quotation, not a scare-quoted term (“顺便”).
_QUOTED = re.compile(r'“[^”]*(?:”|$)|「[^」]*(?:」|$)|『[^』]*(?:』|$)|"[^"]*(?:"|$)')
_QUOTE_PUNCT = re.compile(r"[，,。！？!?…；;]")
#: Section numbering: 一、 1. 1、 01 (一) 第一章 ...: a numbered line is a heading, never a title.
_NUMBERED = re.compile(
    r"^(?:[一二三四五六七八九十百]+[、.．]|[0-9０-９]{1,2}(?:[、.．]|\s)|[(（][一二三四五六七八九十0-9]+[)）]|第[一二三四五六七八九十百0-9]+[章节部篇])"
)
_INDENT = re.compile(r"^[ \t\u3000]{2,}")
#: A dateline (新华社北京5月17日电), a credit line (来源：, 记者：) or a line of the page's
#: metadata (2019-05-31 来源：新浪财经) is neither a title nor a heading.
_DATELINE = re.compile(r"\d{1,2}月\d{1,2}日(?:电|電|讯|訊)")
_CREDIT = re.compile(
    r"^(?:来源|來源|作者|记者|記者|编辑|編輯|责编|責編|责任编辑|責任編輯|原标题|原標題|文|图|圖|摄|攝)\s*[：:|｜]"
    r"|^\d{4}\s*[-./年]\s*\d{1,2}|(?:来源|來源|记者|記者)\s*[：:]")


def _width(line: str) -> int:
    """Terminal columns of ``line``: wide and full-width characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)


def _last_mark(line: str) -> str:
    """The last character of ``line`` before any closing quotes or brackets."""
    stripped = line.rstrip().rstrip(_CLOSERS)
    return stripped[-1:] if stripped else ""


def _quotation(line: str) -> bool:
    return any(_QUOTE_PUNCT.search(m.group()) for m in _QUOTED.finditer(line))


def is_sentence_like(line: str) -> bool:
    """A line that is (part of) running prose: sentence marks inside or at the end, a
    lead-in mark at the end, speech, or a quotation with punctuation inside it."""
    return (
        any(mark in line for mark in _SENTENCE_END)
        or _last_mark(line) in _LEAD_IN
        or line.rstrip().endswith(".")
        or bool(_SPEECH.search(line) or _quotation(line))
    )


def _structural(line: str) -> bool:
    """A line with at least two letters that is not a caption, a table row or a quote block."""
    line = line.strip()
    return (
        sum(ch.isalpha() for ch in line) >= 2
        and not cleaning.is_caption(line)
        and not line.startswith(("|", ">", "*", "_"))
        and not (line[0] in "(（[【" and line[-1] in ")）]】")  # a parenthetical note
    )


def is_heading(line: str) -> bool:
    """A section heading: short, and never a sentence (see :func:`is_sentence_like`)."""
    line = line.strip()
    return (bool(line) and len(line) <= HEADING_MAX and _structural(line) and not is_sentence_like(line)
            and not _CREDIT.search(line))


def headings(paragraphs: list[str]) -> set[int]:
    """Which of a text's paragraphs (lines, or unwrapped runs) are section headings.

    A heading passes :func:`is_heading` and has text after it. A run of three or more
    such lines in a row is a list (营收负增长 / 同店GMV暴跌 / 利润缩水), not headings; one or
    two (a section and its first subsection) are headings.
    """
    found: set[int] = set()
    run: list[int] = []
    for i, text in enumerate([*paragraphs, ""]):
        if i < len(paragraphs) - 1 and is_heading(text):
            run.append(i)
            continue
        if len(run) <= 2:
            found.update(run)
        run = []
    return found


def is_title(line: str, blank_after: bool, following: str | None) -> bool:
    """Whether the first line of a text is its headline.

    ``blank_after``: a blank line separates it from what follows; ``following`` is the
    next paragraph (None: the line is all there is, so it is a paragraph). A headline
    has no full stop and does not lead into the next line; one set off by a blank line may
    end in ！, ？ or …… and hold a ； (news headlines do), one without must pass the heading
    rules and come before a longer sentence. A numbered line (一、背景) starts a section
    instead; a dateline or a credit line (来源：新浪财经) opens the body.
    """
    line = line.strip()
    if following is None or not line or not _structural(line) or _NUMBERED.match(line):
        return False
    if _DATELINE.search(line) or _CREDIT.search(line):
        return False
    if any(mark in line for mark in _FULL_STOP) or line.endswith(".") or _last_mark(line) in _LEAD_IN:
        return False
    if _SPEECH.search(line) or _quotation(line.rstrip(_SENTENCE_END)):
        return False
    if blank_after:
        return len(line) <= TITLE_MAX
    return len(line) <= TIGHT_TITLE_MAX and not is_sentence_like(line) and (
        len(following) > len(line) and is_sentence_like(following))


def line_blocks(text: str) -> list[list[str]]:
    """Runs of non-blank lines (right-stripped), separated by blank lines."""
    blocks: list[list[str]] = [[]]
    for line in text.replace("\f", "\n\n").split("\n"):
        line = line.rstrip()
        if line.strip():
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [b for b in blocks if b]


class Wrap(NamedTuple):
    """How text is hard-wrapped: at ``width`` characters, or terminal columns (``columns``);
    ``chinese``: mostly Han characters, which wrap to the exact width (Latin text wraps
    at spaces: its lines are ragged)."""

    width: int
    columns: bool
    chinese: bool

    def measure(self, line: str) -> int:
        return _width(line) if self.columns else len(line)

    @property
    def tolerance(self) -> float:
        """How far from the width a wrapped line may end (a Chinese line: by a mark or two
        that may not start a line)."""
        return max(2, self.width * 0.06) if self.chinese else max(4, self.width * 0.2)


def wrap_width(blocks: list[list[str]]) -> Wrap | None:
    """How the text is hard-wrapped, or None for one-paragraph-per-line text.

    Hard-wrapped text has many lines (at least six, not counting each paragraph's last)
    of near-equal length, nearly none longer, most of them broken in mid-sentence. Text
    with one paragraph per line has lines of every length, most ending a sentence, and a
    list's lines vary more than a Chinese wrap allows. Text is wrapped at a number of
    characters (common in Chinese files) or of terminal columns (a CJK character taking
    two): both are tried.
    """
    # A paragraph's last line (before a blank line, or before an indented line) may be of
    # any length: the others, inner lines, tell the wrap.
    inner = [line for block in blocks for line, after in zip(block, block[1:]) if not _INDENT.match(after)]
    lines = [line for block in blocks for line in block]
    if len(inner) < 6 or sum(line.lstrip().startswith("|") for line in lines) > len(lines) / 5:
        return None  # too few lines to tell, or a table
    chars = sum(len(line) for line in lines)
    chinese = sum(1 for line in lines for ch in line if cleaning._is_han(ch)) >= chars / 2
    best: tuple[int, Wrap] | None = None
    for columns in (False, True):
        lengths = sorted(Wrap(0, columns, chinese).measure(line) for line in inner)
        wrap = Wrap(lengths[len(lengths) // 2], columns, chinese)  # the median, without statistics
        if not (20 if columns else 10) <= wrap.width <= (240 if columns else 120):
            continue  # lines too short to be wrapped prose, or too long to be wrapped at all
        near = [line for line in inner if abs(wrap.measure(line) - wrap.width) <= wrap.tolerance]
        longer = sum(1 for line in lines if wrap.measure(line) > wrap.width + wrap.tolerance)
        broken = sum(1 for line in near if _last_mark(line) not in _SENTENCE_END)
        if len(near) >= 0.7 * len(inner) and longer <= 0.05 * len(lines) and broken >= 0.5 * len(near):
            if best is None or len(near) > best[0]:  # the measure the lines fit best
                best = (len(near), wrap)
    return best[1] if best else None


def unwrap(block: list[str], wrap: Wrap) -> list[str]:
    """The paragraphs of one block of hard-wrapped text.

    A line shorter than the wrap width ends its paragraph (it stopped early), and so does
    a line followed by an indented one; the other lines are joined. Chinese text is
    wrapped anywhere, inside a number or a Latin word too: its lines join with no space
    (where a tool broke it at a space, that space is lost); Latin text breaks at spaces,
    kept as one.
    """
    spaced = not wrap.chinese
    paragraphs: list[list[str]] = []
    for i, line in enumerate(block):
        if not paragraphs or _INDENT.match(line) or wrap.measure(block[i - 1]) < wrap.width - wrap.tolerance:
            paragraphs.append([])
        paragraphs[-1].append(line.strip())
    return [join_lines(lines, spaced) for lines in paragraphs]


def join_lines(lines: list[str], spaced: bool = True) -> str:
    """Join wrapped lines: no space between CJK, one space between Latin words (``spaced``)."""
    out = ""
    for line in (line.strip() for line in lines):
        if not line:
            continue
        if spaced and out and out[-1].isascii() and line[0].isascii():
            out += " " + line
        else:
            out += line
    return out
