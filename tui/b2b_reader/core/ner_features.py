"""Per-character inputs of the name tagger that generalise beyond its training sentences.

Character n-grams let a tagger memorise the names it was trained on; what carries over to
a fresh article is knowledge of what a name looks like:

- :func:`dictionary_marks`: where ANY word of jieba's dictionary tagged as a person
  (nr/nrt/nrfg), place (ns) or organisation (nt) name could sit, whatever segmentation
  jieba chose: each character gets begin/inside/end bits per type, from every match of
  length 2..``MAX_WORD``. The 100k name words are read from jieba's installed
  ``dict.txt`` (``core.jieba_tables``, cached once per install) and hashed into
  sorted per-length tables once, on first use.
- :func:`char_classes`: a small code per character: common surname, organisation or
  place suffix character, transliteration character, and Han/digit/Latin/other.
- :func:`name_profile`: per character, how often the dictionary's words that begin or
  end with it are person, place or organisation names (伟 ends many given names), from
  the first and last characters of every word of ``dict.txt`` (built once per install and
  cached by ``core.jieba_tables``).

All work on a whole joined text's code points as numpy arrays, with no Python loop per
character.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

MAX_WORD = 8  # longest dictionary word matched (longer nt/ns words are rare)
# dictionary_marks bits: begin, inside, end of a person word (bits 0-2), of a place word
# (3-5), of an organisation word (6-8); entity_rules.dictionary_name_words gives the begin bit
_P = 0x100000001B3  # the polynomial hash's base (odd: invertible modulo 2**64)
_PINV = pow(_P, -1, 2**64)

# character-class bits
SURNAME, ORG_CHAR, PLACE_CHAR, TRANSLIT_CHAR = 1, 2, 4, 8
_HAN, _DIGIT, _LATIN, _OTHER = 0, 16, 32, 48


@lru_cache(maxsize=4)
def _powers(size: int) -> tuple[np.ndarray, np.ndarray]:
    pw = np.full(size, _P, np.uint64)
    pw[0] = 1
    np.cumprod(pw, out=pw)
    ipw = np.full(size, _PINV, np.uint64)
    ipw[0] = 1
    np.cumprod(ipw, out=ipw)
    return pw, ipw


def powers(n: int) -> tuple[np.ndarray, np.ndarray]:
    """``P**j`` and ``P**-j`` modulo 2**64 for ``j < n`` (cached by power of two)."""
    size = 1 << max(16, (n - 1).bit_length())
    pw, ipw = _powers(size)
    return pw[:n], ipw[:n]


def prefix_hashes(cp: np.ndarray) -> np.ndarray:
    """``H[i] = sum(cp[j] * P**j for j < i)``: the hash of ``text[s:e]`` is
    ``(H[e] - H[s]) * P**-s`` (all modulo 2**64)."""
    pw, _ = powers(len(cp) + 1)
    out = np.zeros(len(cp) + 1, np.uint64)
    np.cumsum(cp.astype(np.uint64) * pw[:len(cp)], out=out[1:])
    return out


@lru_cache(maxsize=1)
def _tables() -> dict[int, tuple[np.ndarray, np.ndarray]]:
    """Per word length: sorted word hashes and their type bits (begin bits only)."""
    from .entity_rules import dictionary_name_words

    words = dictionary_name_words()
    tables: dict[int, tuple[np.ndarray, np.ndarray]] = {}
    if not words:
        return tables
    surfaces = list(words)
    joined = "".join(surfaces)
    cp = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    lengths = np.fromiter(map(len, surfaces), np.int64, len(surfaces))
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    h = prefix_hashes(cp)
    _, ipw = powers(len(cp) + 1)
    hashes = (h[starts + lengths] - h[starts]) * ipw[starts]
    kinds = np.fromiter(words.values(), np.uint32, len(surfaces))
    for length in range(2, MAX_WORD + 1):
        sel = lengths == length
        if not sel.any():
            continue
        keys, vals = hashes[sel], kinds[sel]
        order = np.argsort(keys, kind="stable")
        keys, vals = keys[order], vals[order]
        # a word with several types (nr and ns) keeps all their bits
        uniq, first = np.unique(keys, return_index=True)
        merged = np.bitwise_or.reduceat(vals, first) if len(first) else vals
        tables[length] = (uniq, merged.astype(np.uint32))
    return tables


_FILTER_BITS = 21
_MIX = np.uint64(0x9E3779B97F4A7C15)


@lru_cache(maxsize=1)
def _filter() -> np.ndarray:
    """A one-byte-per-slot filter of all word hashes and of the words' first two
    characters (packed ``c0 << 21 | c1``): most positions start no name word, and one
    gather rejects them before the sorted tables are searched."""
    from .entity_rules import dictionary_name_words

    slots = np.zeros(1 << _FILTER_BITS, bool)
    shift = np.uint64(64 - _FILTER_BITS)
    for keys, _vals in _tables().values():
        slots[(keys * _MIX) >> shift] = True
    firsts = {w[:2] for w in dictionary_name_words() if len(w) <= MAX_WORD}
    cp = np.frombuffer("".join(firsts).encode("utf-32-le"), np.uint32).astype(np.uint64)
    slots[(((cp[0::2] << np.uint64(21)) | cp[1::2]) * _MIX) >> shift] = True
    return slots


# heads of People's Daily-style organisation names beyond the rules' lists
_MORE_HEADS = frozenset("促进会 理事会 研究会 工会 总会 分会 常委会 办公室 中心 代表团 艺术团 合唱团 "
                        "剧团 乐团 球队 人大 政协 法庭 检察署 机构 基金 论坛 通讯社 新闻社 工作组".split())


@lru_cache(maxsize=1)
def _head_table() -> tuple[tuple[int, np.ndarray], ...]:
    """Per length: sorted hashes of organisation heads (公司, 委员会, 大学, 局 ...)."""
    from .entity_rules import ORG_SUFFIXES
    from .gazetteer import NOT_HEADS, ORG_HEADS

    heads = sorted((set(ORG_HEADS) | set(ORG_SUFFIXES) | _MORE_HEADS) - NOT_HEADS)
    out = []
    for length in sorted({len(w) for w in heads}):
        words = [w for w in heads if len(w) == length]
        cp = np.frombuffer("".join(words).encode("utf-32-le"), np.uint32)
        h = prefix_hashes(cp)
        starts = np.arange(len(words), dtype=np.int64) * length
        _, ipw = powers(len(cp) + 1)
        out.append((length, np.unique((h[starts + length] - h[starts]) * ipw[starts])))
    return tuple(out)


@lru_cache(maxsize=1)
def _head_lasts() -> np.ndarray:
    """Whether each BMP code point is the last character of some organisation head."""
    from .entity_rules import ORG_SUFFIXES
    from .gazetteer import ORG_HEADS

    out = np.zeros(0x10000, bool)
    for word in set(ORG_HEADS) | set(ORG_SUFFIXES) | _MORE_HEADS:
        out[ord(word[-1])] = True
    return out


_HEAD_BUCKETS = np.array([0, 1, 2, 3, 3, 4, 4, 4, 5, 5, 5, 5, 5, 5, 5, 5], np.uint32)


def head_ahead(cp: np.ndarray, classes: np.ndarray, h: np.ndarray | None = None) -> np.ndarray:
    """Per character: how far ahead, within its clause (no punctuation between), the
    nearest organisation head ends, bucketed (1: here, 2: next character, 3: 2 ahead,
    4: 3-4, 5: 5-7, 6: 8-15; 0: none). The first character of 天津市中华民族文化促进会
    learns that an org head closes the run."""
    n = len(cp)
    if h is None:
        h = prefix_hashes(cp)
    _, ipw = powers(n + 1)
    ends = np.zeros(n + 1, bool)
    table, lasts = _head_table(), _head_lasts()
    # only characters that end some head can end one: check the hashes there alone
    cand = np.flatnonzero(lasts[np.minimum(cp, 0xFFFF)] & (cp < 0x10000))
    for length, keys in table:
        last = cand[cand >= length - 1]
        first = last - (length - 1)
        sub = (h[last + 1] - h[first]) * ipw[first]
        idx = np.minimum(np.searchsorted(keys, sub), len(keys) - 1)
        ends[last[keys[idx] == sub]] = True
    pos = np.arange(n + 1, dtype=np.int64)
    big = np.int64(n + 1)
    stop = np.append(classes == _OTHER, True)  # punctuation, separators: a clause ends
    next_end = np.minimum.accumulate(np.where(ends, pos, big)[::-1])[::-1][:n]
    next_stop = np.minimum.accumulate(np.where(stop, pos, big)[::-1])[::-1][:n]
    dist = next_end - pos[:n]
    out = np.zeros(n, np.uint32)
    ok = (next_end < next_stop) & (dist < 16)
    out[ok] = _HEAD_BUCKETS[dist[ok]] + 1
    return out


def dictionary_marks(cp: np.ndarray, h: np.ndarray | None = None) -> np.ndarray:
    """Per character of ``cp``: begin/inside/end bits of every dictionary name word
    matching there (person bits 0-2, place 3-5, org 6-8); ``h`` its prefix hashes."""
    n = len(cp)
    out = np.zeros(n, np.uint32)
    tables = _tables()
    if not tables or n < 2:
        return out
    if h is None:
        h = prefix_hashes(cp)
    _, ipw = powers(n + 1)
    slots, shift = _filter(), np.uint64(64 - _FILTER_BITS)
    # only where a name word's first two characters stand can one start: one pass over
    # the text, then each length hashes those positions alone
    pair = (cp[:-1].astype(np.uint64) << np.uint64(21)) | cp[1:].astype(np.uint64)
    starts = np.flatnonzero(slots[(pair * _MIX) >> shift])
    for length, (keys, vals) in tables.items():
        if length > n:
            break
        pos = starts[starts <= n - length]
        sub = h[pos + length] - h[pos]
        sub *= ipw[pos]
        cand = pos[slots[(sub * _MIX) >> shift]]
        sub = (h[cand + length] - h[cand]) * ipw[cand]
        idx = np.searchsorted(keys, sub)
        np.minimum(idx, len(keys) - 1, out=idx)
        found = keys[idx] == sub
        hit = cand[found]
        if not len(hit):
            continue
        idx = idx[found]
        begin = vals[idx]
        out[hit] |= begin  # (a start position is unique per length: no lost updates)
        out[hit + length - 1] |= begin << np.uint32(2)  # end bits
        inside = begin << np.uint32(1)
        for k in range(1, length - 1):
            out[hit + k] |= inside
    return out


@lru_cache(maxsize=1)
def _class_table() -> np.ndarray:
    """Class code of every BMP code point (one byte each)."""
    from .entity_rules import ORG_ENDINGS, SURNAMES
    from .gazetteer import TRANSLIT

    table = np.full(0x10000, _OTHER, np.uint8)
    table[0x4E00:0xA000] = _HAN
    table[0x3400:0x4DC0] = _HAN
    table[ord("0"):ord("9") + 1] = _DIGIT
    table[0xFF10:0xFF1A] = _DIGIT  # full-width digits
    for lo, hi in (("A", "Z"), ("a", "z"), ("Ａ", "Ｚ"), ("ａ", "ｚ")):
        table[ord(lo):ord(hi) + 1] = _LATIN
    for chars, bit in ((SURNAMES, SURNAME), (ORG_ENDINGS, ORG_CHAR), ("省市县区镇乡村州岛山江河湖", PLACE_CHAR),
                       (TRANSLIT, TRANSLIT_CHAR)):
        for ch in chars:
            table[ord(ch)] |= bit
    return table


def _per_code_point(table: np.ndarray, cp: np.ndarray, astral: int) -> np.ndarray:
    """``table[cp]`` for the BMP code points of ``cp``, ``astral`` for the others."""
    out = np.full(len(cp), astral, np.uint32)
    bmp = cp < 0x10000
    out[bmp] = table[cp[bmp]]
    return out


def char_classes(cp: np.ndarray) -> np.ndarray:
    """Class code of each code point (see the bits above); astral characters are Han."""
    return _per_code_point(_class_table(), cp, _HAN)


# name_profile: for person, place, organisation words (bits 1, 8, 64 of the dictionary's
# types) and for the first and last character of a word, a 3-bit bucket of the share of
# jieba's dictionary words with the character there that are names of the type
_SHARES = np.array([0.01, 0.05, 0.2, 0.5])
_COUNTS = np.array([1, 10, 100])  # how often the character begins or ends a word at all


def profile_from_edges(edges: str, kinds: bytes) -> np.ndarray:
    """Name profile code of every BMP code point (see :func:`name_profile`) from the first
    and last characters of jieba's words (``edges``: characters ``2i``, ``2i + 1`` of word
    ``i``) and their name type bits (``kinds``); built by ``core.jieba_tables``."""
    table = np.zeros(0x10000, np.uint32)
    if not edges:
        return table
    cp = np.frombuffer(edges.encode("utf-32-le", "surrogatepass"), np.uint32)
    types = np.frombuffer(kinds, np.uint8)
    keep = (cp[0::2] < 0x10000) & (cp[1::2] < 0x10000)
    seen = np.zeros(0x10000, np.int64)
    for pos, chars in enumerate((cp[0::2][keep], cp[1::2][keep])):
        total = np.bincount(chars, minlength=0x10000)
        seen += total
        for t, bit in enumerate((1, 8, 64)):
            named = np.bincount(chars[(types[keep] & bit) > 0], minlength=0x10000)
            share = np.digitize(named / np.maximum(total, 1), _SHARES).astype(np.uint32)
            table |= share << np.uint32(3 * (3 * pos + t))
    table |= np.digitize(seen, _COUNTS).astype(np.uint32) << np.uint32(18)
    return table


@lru_cache(maxsize=1)
def _profile_table() -> np.ndarray:
    """Name profile code of every BMP code point, from the cached cells."""
    from .jieba_tables import profile_cells

    at, code = profile_cells()
    table = np.zeros(0x10000, np.uint32)
    table[np.asarray(at, np.int64)] = np.asarray(code, np.uint32)
    return table


def name_profile(cp: np.ndarray) -> np.ndarray:
    """Per code point: how often jieba's dictionary words that begin or end with it are
    person, place or organisation names (bucketed shares), and how often it begins or
    ends a word at all. 伟 ends many person names, 县 many places, 厂 many organisations:
    what a name looks like, for characters no training sentence showed in one."""
    return _per_code_point(_profile_table(), cp, 0)
