"""Word-level tone-marked pinyin for a paragraph, so polyphones follow their word.

Words come from rjieba (as in ``core.entities``); each word is read from pypinyin's
phrase table, split by forward maximum matching when the whole word is not in it
(``银行行长`` → ``银行`` + ``行长``: yínháng hángzhǎng; pypinyin's own splitter reads
it yín xíng xíng zhǎng). Characters no phrase covers take pypinyin's first reading,
except a few that part of speech decides (:data:`BY_TAG`: the particle ``得`` is de,
the adjective ``长`` is cháng).

pypinyin's tables cost ~0.15–0.2 s to import: :func:`warm_up` in a thread before the
first use. After that a screenful (~1,600 characters) takes a few milliseconds, and
every paragraph is cached (LRU), so scrolling back costs nothing.

Offsets are those of the text given (canonical paragraphs); :func:`view_word_pinyin`
moves them to a view, reading the view's own wording where it changed length
(``互联网`` → ``網際網路``). :func:`source_pinyin` offers the glued pinyin of the source
(``Document.pinyin``) in the same shape.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from .dictionary import join_syllables
from .models import Document
from .script import OffsetMap, ViewText, converter

#: (character, part-of-speech prefix of its rjieba word) → reading, for a character no
#: phrase covers: pypinyin's first reading is wrong for these uses.
BY_TAG: dict[tuple[str, str], str] = {
    ("得", "ud"): "de",  # 跑得快: structural particle (pypinyin: dé)
    ("地", "uv"): "de",  # 慢慢地走: adverbial particle (pypinyin: dì)
    ("长", "a"): "cháng",  # 很长, 较长, 长达: the adjective "long" (pypinyin: zhǎng)
}

_BY_CHAR: dict[str, list[tuple[str, str]]] = {}
for (_char, _prefix), _reading in BY_TAG.items():
    _BY_CHAR.setdefault(_char, []).append((_prefix, _reading))

#: Combining tone marks after NFD → tone number; no mark is the neutral tone (5).
_TONES = {"\u0304": 1, "\u0301": 2, "\u030c": 3, "\u0300": 4}


class WordPinyin(NamedTuple):
    """The reading of one word: ``text[start:end]`` is read ``pinyin`` (e.g. yínháng)."""

    start: int
    end: int
    pinyin: str


class CharReading(NamedTuple):
    """The reading of one character: ``syllable`` (tone-marked) and ``tone`` (1–4, 5 neutral)."""

    offset: int
    syllable: str
    tone: int


class _Tables(NamedTuple):
    phrases: dict
    chars: dict
    longest: int


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    from pypinyin.constants import PHRASES_DICT, PINYIN_DICT

    return _Tables(PHRASES_DICT, PINYIN_DICT, max(map(len, PHRASES_DICT), default=1))


def warm_up() -> None:
    """Import pypinyin's tables and rjieba's dictionary (call it in a worker thread)."""
    _tables()
    import rjieba

    # A sentence with unknown words: rjieba sets up its tagger for them on first sight
    # (~60 ms), which a lone known word does not trigger.
    rjieba.tag("网易公司于1997年由丁磊在广州创立，韩梅梅说ABC。")


@lru_cache(maxsize=4096)
def tone(syllable: str) -> int:
    """Tone number of a tone-marked syllable: ``háng`` → 2, ``de`` → 5."""
    for ch in unicodedata.normalize("NFD", syllable):
        if ch in _TONES:
            return _TONES[ch]
    return 5


def _read_word(word: str, tag: str, tables: _Tables, after_verb: bool = False) -> list[str]:
    """One syllable per character of an all-Han ``word`` (``tag``: its part of speech)."""
    if "著" in word and word not in tables.phrases:
        zhe = _zhe(word, tag, tables, after_verb)
        if zhe is not None:
            return zhe
    phrase = tables.phrases.get(word)
    if phrase is not None and len(phrase) == len(word):
        return [r[0] for r in phrase]
    if len(word) > 1 and word[-1] == "为" and tag[:1] in ("v", "d"):
        # a verb or adverb in 为 that pypinyin's phrases lack (定为, 评为, 最为): "as, to be"
        return _read_word(word[:-1], "", tables) + ["wéi"]
    out: list[str] = []
    i = 0
    while i < len(word):
        for j in range(min(len(word), i + tables.longest), i + 1, -1):
            phrase = tables.phrases.get(word[i:j])
            if phrase is not None and len(phrase) == j - i:
                out.extend(r[0] for r in phrase)
                i = j
                break
        else:
            ch = word[i]
            special = ch in _BY_CHAR and next((r for prefix, r in _BY_CHAR[ch] if tag.startswith(prefix)), None)
            out.append(special or tables.chars[ord(ch)].split(",", 1)[0])
            i += 1
    return out


def _zhe(word: str, tag: str, tables: _Tables, after_verb: bool) -> list[str] | None:
    """The reading of a word whose ``著`` is the aspect particle zhe, or None.

    Traditional writes the particle ``着`` as ``著``, and OpenCC's t2s never changes
    ``著``, so canonical text from a traditional source has ``随著`` and ``意味著``.
    Read as zhe: a word whose ``着`` form is a phrase (``穿着``, ``意味着``); a verb ending
    in it (``随著``, ``看著``); ``著`` alone after a verb (``等待 著 它``). ``著名``,
    ``显著`` and ``他 著 有`` keep zhù.
    """
    as_zhe = word.replace("著", "着")
    phrase = tables.phrases.get(as_zhe)
    if phrase is not None and len(phrase) == len(word):
        return [r[0] for r in phrase]
    if (len(word) > 1 and word[-1] == "著" and tag.startswith("v")) or (word == "著" and after_verb):
        return _read_word(word[:-1], "", tables) + ["zhe"] if len(word) > 1 else ["zhe"]
    return None


#: What ends a clause, for :func:`_is_copula`.
_CLAUSE_END = frozenset("，。；：！？,.;:!?\n")


def _is_copula(tagged: Sequence[tuple[str, str]], k: int) -> bool:
    """Whether ``为``, the word ``tagged[k]``, is wéi ("as, to be") rather than wèi ("for").

    pypinyin reads ``为`` alone as wèi; its phrases have 成为, 作为, 认为 as wéi, but
    rjieba cuts 提升 | 为, 转变 | 为, 代码 | 为. After a verb (提升为, 设为) it is wéi.
    After a noun or an adverb it is wéi when no verb follows in its clause (代码为BABA。,
    净利润为3.3亿元（约合…）, 仅为15%，: brackets aside) and wèi when one does
    (公司为客户提供服务, 专为青少年定制: "for"). At a clause's start or after a pronoun
    (为保障, 他为人民服务) it stays wèi.
    """
    if k == 0:
        return False
    before = tagged[k - 1][1]
    if before.startswith("v"):
        return True
    if not before.startswith(("n", "j", "d")):
        return False
    depth = 0
    for word, tag in tagged[k + 1:]:
        if word in _OPEN:
            depth += 1
        elif word in _CLOSE:
            depth = max(depth - 1, 0)
        elif depth == 0:
            if word in _CLAUSE_END:
                break
            if tag.startswith("v"):
                return False
    return True


_OPEN, _CLOSE = frozenset("（(［[【"), frozenset("）)］]】")


@lru_cache(maxsize=4096)
def _read(text: str) -> tuple[tuple[int, int, tuple[str, ...]], ...]:
    """(start, end, syllables) of every run of readable characters inside each word."""
    import rjieba

    tables = _tables()
    chars = tables.chars
    out = []
    pos = 0
    prev_tag = ""
    tagged = rjieba.tag(text)
    for k, (word, tag) in enumerate(tagged):
        if word == "为" and _is_copula(tagged, k):
            out.append((pos, pos + 1, ("wéi",)))
            pos += 1
            prev_tag = tag
            continue
        i = 0
        while i < len(word):
            if ord(word[i]) not in chars:
                i += 1
                continue
            j = i + 1
            while j < len(word) and ord(word[j]) in chars:
                j += 1
            run = word[i:j]
            whole = run == word
            out.append((pos + i, pos + j, tuple(_read_word(run, tag if whole else "", tables,
                                                           whole and prev_tag.startswith("v")))))
            i = j
        pos += len(word)
        prev_tag = tag
    return tuple(out)


def word_pinyin(text: str) -> list[WordPinyin]:
    """Tone-marked pinyin of every word of ``text`` that has Han characters.

    ``[(start, end, pinyin)]`` on ``text``'s offsets, in order: ``他去银行`` →
    ``[(0, 1, "tā"), (1, 2, "qù"), (2, 4, "yínháng")]``. Cached per paragraph.
    """
    return list(_words(text))


def char_readings(text: str) -> list[CharReading]:
    """The syllable and tone of every Han character of ``text`` (for tone colours). Cached."""
    return list(_chars(text))


@lru_cache(maxsize=4096)
def _words(text: str) -> tuple[WordPinyin, ...]:
    return tuple(WordPinyin(s, e, _join(syl)) for s, e, syl in _read(text))


@lru_cache(maxsize=4096)
def _chars(text: str) -> tuple[CharReading, ...]:
    return tuple(CharReading(s + k, syl, tone(syl)) for s, _e, syls in _read(text) for k, syl in enumerate(syls))


def clear_cache() -> None:
    """Forget every cached paragraph (benchmarks; or after changing :data:`BY_TAG`)."""
    for cached in (_read, _words, _chars):
        cached.cache_clear()


def _join(syllables: Sequence[str]) -> str:
    """``join_syllables`` for syllables known to be pinyin (the common case, faster)."""
    if len(syllables) == 1:
        return syllables[0]
    if any(s[:1] in _AOE for s in syllables[1:]):
        return join_syllables(tuple(syllables))  # xī'ān: the apostrophe rule
    return "".join(syllables)


_AOE = frozenset("aoeāáǎàōóǒòēéěèAOE")


def syllable_tones(text: str) -> list[int]:
    """Tone (1–4, 5 neutral) of every Han character of ``text``, in order."""
    return [r.tone for r in char_readings(text)]


# ── views and the source's own pinyin ────────────────────────────────────────────────


def view_word_pinyin(canonical: str, view: ViewText) -> list[WordPinyin]:
    """:func:`word_pinyin` of a canonical paragraph on a view's offsets.

    Where the view kept the length, words keep their canonical reading (a traditional
    character reads as its simplified one). Where a segment changed length
    (``互联网`` → ``網際網路``), the view's own words are read instead; a canonical word
    reaching into such a segment keeps the reading of its part outside it.
    """
    m = view.map
    if m.is_identity:
        return word_pinyin(canonical)
    changed = [(a0, a1, b0, b1) for a0, a1, b0, b1 in zip(m.a, m.a[1:], m.b, m.b[1:]) if a1 - a0 != b1 - b0]
    out: list[WordPinyin] = []
    for start, end, syllables in _read(canonical):
        for lo, hi in _outside(start, end, changed):
            out.append(WordPinyin(m.to_view(lo), m.to_view(hi, end=True),
                                  join_syllables(syllables[lo - start:hi - start])))
    for _a0, _a1, b0, b1 in changed:
        segment = view.text[b0:b1]
        simplified = converter("t2s")(segment)  # pypinyin's phrases are simplified
        readable = simplified if len(simplified) == len(segment) else segment
        out.extend(WordPinyin(b0 + w.start, b0 + w.end, w.pinyin) for w in word_pinyin(readable))
    out.sort()
    return out


def _outside(start: int, end: int, changed: Sequence[tuple[int, int, int, int]]) -> list[tuple[int, int]]:
    """The parts of [start, end) outside every changed segment (canonical offsets)."""
    parts = [(start, end)]
    for a0, a1, _b0, _b1 in changed:
        if a1 <= start or a0 >= end:
            continue
        parts = [piece for lo, hi in parts
                 for piece in ((lo, min(hi, a0)), (max(lo, a1), hi)) if piece[0] < piece[1]]
    return parts


def to_view(words: Sequence[WordPinyin], offset_map: OffsetMap) -> list[WordPinyin]:
    """Move readings from canonical offsets to a view's through its map (no re-reading)."""
    return [WordPinyin(offset_map.to_view(w.start), offset_map.to_view(w.end, end=True), w.pinyin) for w in words]


def source_pinyin(document: Document) -> dict[int, list[WordPinyin]]:
    """The pinyin the source carried (``戰(zhàn)``), per paragraph, on source offsets.

    One character each, in the shape of :func:`word_pinyin`; the original view shows
    it as is, other views map it with ``views.source_view(i).map.to_canonical`` and
    then the view's ``map.to_view``.
    """
    out: dict[int, list[WordPinyin]] = {}
    for hint in document.pinyin:
        out.setdefault(hint.paragraph, []).append(WordPinyin(hint.offset, hint.offset + 1, hint.syllable))
    for words in out.values():
        words.sort()
    return out


def source_pinyin_in_view(document: Document, views, script: str, variant: str, paragraph: int) -> list[WordPinyin]:
    """The source's pinyin of one paragraph on a view's offsets (``views``: ``script.Views``)."""
    words = sorted(WordPinyin(h.offset, h.offset + 1, h.syllable) for h in document.pinyin if h.paragraph == paragraph)
    if script == "original":
        return words
    source = views.source_view(paragraph).map
    target = views.get(script, variant, paragraph).map
    return [WordPinyin(target.to_view(source.to_canonical(w.start)),
                       target.to_view(source.to_canonical(w.end, end=True), end=True), w.pinyin)
            for w in words]
