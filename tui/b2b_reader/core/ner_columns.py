"""The name tagger's inputs and hashed features, vectorised with numpy.

:class:`Inputs` holds paragraphs with their rjieba tokens and the spans already found
there (lexicon, rules: stacking); :class:`_Columns` turns them into per-character base
columns (character, rjieba tag x position, token hashes, marks, and what
``core.ner_features`` computes) and hashes the feature :data:`TEMPLATES` into table
rows, over all paragraphs at once, joined by a separator, with no Python loop per
character. ``core.ner_model`` sums the weights of those rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain
from operator import itemgetter

import numpy as np

from .ner_features import char_classes, dictionary_marks, head_ahead, name_profile, powers

# Span types the stacked input marks can carry (lexicon types and rule types).
MARK_TYPES = ("person", "org", "place", "event", "product", "date", "number")
SEP = "\n"  # joins paragraphs; its own character features tell the model a text ends

_MIX64 = np.uint64(0xFF51AFD7ED558CCD)
_PAD = 2  # characters of context on each side
_MUL = [np.uint32(m) for m in (0x9E3779B1, 0x85EBCA77, 0xC2B2AE3D, 0x27D4EB2F, 0x165667B1)]
_S15, _S13 = np.uint32(15), np.uint32(13)
_FIRST, _SECOND, _THIRD = itemgetter(0), itemgetter(1), itemgetter(2)

# Feature templates: space-separated columns at offsets, hashed together. Columns: c
# character, t rjieba tag x position in token, w the token's text, p the previous token's
# and n the next token's (offset 0 only for w, p, n), b the
# position in the token, l the token's length, m the lexicon/rule/figure mark, g the
# dictionary-name bits, k the character class, q the name profile and h the distance to
# an org head ahead, of ``core.ner_features``.
TEMPLATES = ("c-1", "c0", "c1", "c-1 c0", "c0 c1", "t-1", "t0", "t1", "w0 b0", "m0", "m-1 m0 m1", "m0 t0",
             "g0", "h0", "h0 t0", "p0 b0", "n0 b0", "k0 t0", "k-1 t-1 t0", "k-2 k-1 k0",
             "q0", "q-1 q0", "q0 q1", "q0 t0")
HASHING = 2  # the feature hashing scheme (see _Columns.rows); model files record it


class _Codes(dict):
    """Stable small integers for rjieba tags (from their letters), filled on first sight."""

    def __missing__(self, tag: str) -> int:
        code = 0
        for ch in tag[:4]:
            code = code * 131 + ord(ch)
        self[tag] = code + 1
        return code + 1


_TAG_CODES = _Codes()


class _MarkCodes(dict):
    """A mark's code: its type's number times 4 (plus its B/M/E/S position); others 32."""

    def __missing__(self, etype: str) -> int:
        return 32


_MARK_CODES = _MarkCodes({t: (i + 1) * 4 for i, t in enumerate(MARK_TYPES)})


class Inputs:
    """Paragraphs with their rjieba tokens and already-found spans, to be tagged together.

    Paragraph ``i`` starts at ``bases[i]`` in the joined text ``SEP.join(texts) + SEP``.
    """

    _SEP_TOKEN = [(SEP, "sep")]

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.tokens: list[Sequence[tuple[str, str]]] = []  # per paragraph, then a separator
        self.marks: list[Sequence[tuple[int, int, str]]] = []  # per paragraph, local offsets
        self.bases: list[int] = []
        self._size = 0

    def add(self, text: str, tokens: Sequence[tuple[str, str]], marks: Sequence[tuple[int, int, str]]) -> None:
        """Append one paragraph, its tokens (which must cover it) and marks (local offsets)."""
        self.bases.append(self._size)
        self.texts.append(text)
        self.tokens.append(tokens)
        self.tokens.append(self._SEP_TOKEN)
        self.marks.append(marks)
        self._size += len(text) + 1

    def __len__(self) -> int:
        return len(self.texts)

    def blocks(self, size: int = 1 << 17):
        """``(first paragraph, Inputs)`` for runs of whole paragraphs of about ``size``
        characters: tagging a long document block by block bounds the memory it takes."""
        first = 0
        while first < len(self.texts):
            last = int(np.searchsorted(self.bases, self.bases[first] + size, side="left"))
            last = max(last, first + 1)
            block = Inputs()
            block.texts = self.texts[first:last]
            block.tokens = self.tokens[2 * first:2 * last]
            block.marks = self.marks[first:last]
            offset = self.bases[first]
            block.bases = [b - offset for b in self.bases[first:last]]
            block._size = (self.bases[last] if last < len(self.bases) else self._size) - offset
            yield first, block
            first = last


class _Columns:
    """Per-character base values (uint32) of the joined text, from which templates hash."""

    def __init__(self, inputs: Inputs) -> None:
        text = SEP.join(inputs.texts) + SEP
        n = self.n = len(text)
        cp = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        self.chars = np.concatenate([np.full(_PAD, 0x110001, np.uint32), cp,
                                     np.full(_PAD, 0x110002, np.uint32)])
        # Tokens: lengths, per-character token index, position in the token (B/M/E/S).
        tokens = list(chain.from_iterable(inputs.tokens))
        lengths = np.fromiter(map(len, map(_FIRST, tokens)), dtype=np.int64, count=len(tokens))
        starts = np.zeros(len(lengths) + 1, np.int64)
        np.cumsum(lengths, out=starts[1:])
        first, last = starts[:-1], starts[1:] - 1
        nonempty = lengths > 0
        bmes = np.ones(n, np.uint32)  # M, then E, B and S written over it per token
        bmes[last[nonempty]] = 2
        bmes[first[nonempty]] = 0
        bmes[first[lengths == 1]] = 3
        tag_codes = np.fromiter(map(_TAG_CODES.__getitem__, map(_SECOND, tokens)), dtype=np.uint32,
                                count=len(tokens))
        tagpos = np.repeat(tag_codes * np.uint32(4), lengths)
        tagpos += bmes
        self.tagpos = np.concatenate([[5], tagpos, [6]]).astype(np.uint32)  # padded by one
        self.bmes = bmes
        # Rolling hash of each token's characters: (C[end] - C[start]) * P^-start.
        pw, ipw = powers(n)
        csum = np.zeros(n + 1, np.uint64)
        np.cumsum(cp * pw, out=csum[1:])
        whash = (csum[starts[1:]] - csum[first]) * ipw[np.minimum(first, n - 1)]
        whash = ((whash * _MIX64) >> np.uint64(32)).astype(np.uint32)  # top bits, mixed
        self.word = np.repeat(whash, lengths)
        # the tokens before and after each character's own (titles, 说, 表示 ...)
        self.prev_word = np.repeat(np.concatenate([[7], whash[:-1]]).astype(np.uint32), lengths)
        self.next_word = np.repeat(np.concatenate([whash[1:], [7]]).astype(np.uint32), lengths)
        self.wlen = np.repeat(np.minimum(lengths, 8).astype(np.uint32), lengths)
        self.csum = csum
        self.gaz = self.cls = self.head = self.prof = None
        # Marks: type and B/M/E/S position of the span covering each character (0: none),
        # padded by two on each side.
        mark = np.zeros(n + 4, np.uint32)
        marks = list(chain.from_iterable(inputs.marks))
        if marks:
            count = len(marks)  # (zip(*marks) is slow for many marks: map each field)
            ms = np.fromiter(map(_FIRST, marks), np.int64, count)
            ml = np.fromiter(map(_SECOND, marks), np.int64, count) - ms
            ms += np.repeat(np.asarray(inputs.bases, np.int64), list(map(len, inputs.marks)))
            code = np.fromiter(map(_MARK_CODES.__getitem__, map(_THIRD, marks)), np.uint32, count)
            ml = np.maximum(ml, 0)
            rank = np.arange(int(ml.sum())) - np.repeat(np.cumsum(ml) - ml, ml)
            span_len = np.repeat(ml, ml)
            where = np.where(span_len == 1, 3, np.where(rank == 0, 0, np.where(rank == span_len - 1, 2, 1)))
            # later marks overwrite earlier ones (the lexicon's come last)
            mark[np.repeat(ms, ml) + rank + 2] = np.repeat(code, ml) + where.astype(np.uint32)
        self.mark = mark

    def _extra(self) -> None:
        """The generalising columns of ``core.ner_features`` (computed when first asked)."""
        if self.gaz is None:
            cp = self.chars[_PAD:-_PAD]

            def pad2(column: np.ndarray, fill: int) -> np.ndarray:
                return np.concatenate([[fill, fill], column, [fill, fill]]).astype(np.uint32)

            classes = char_classes(cp)
            self.gaz = pad2(dictionary_marks(cp, self.csum), 0)
            self.cls = pad2(classes, 64)
            self.head = pad2(head_ahead(cp, classes, self.csum), 0)
            self.prof = pad2(name_profile(cp), 1 << 30)

    def rows(self, lo: int, hi: int, bits: int, templates: Sequence[str] = TEMPLATES) -> list[np.ndarray]:
        """Table rows of every feature template (see :data:`TEMPLATES`) for characters
        ``lo:hi`` (scheme :data:`HASHING`: a column is hashed once for all its one-part
        templates, and a template's parts are mixed once)."""
        if any(part[0] in "gkhq" for name in templates for part in name.split()):
            self._extra()
        # per-character columns, each padded on both sides: (array, padding)
        padded = {"c": (self.chars, _PAD), "m": (self.mark, 2), "t": (self.tagpos, 1), "g": (self.gaz, 2),
                  "k": (self.cls, 2), "h": (self.head, 2), "q": (self.prof, 2)}
        # per-character columns of the character's own token (offset 0 only)
        plain = {"w": self.word, "p": self.prev_word, "n": self.next_word, "b": self.bmes, "l": self.wlen}

        def col(part: str) -> np.ndarray:
            kind, k = part[0], int(part[1:])
            if kind in plain:
                return plain[kind][lo:hi]
            arr, pad = padded[kind]
            return arr[pad + lo + k:pad + hi + k]

        shift = np.uint32(32 - bits)
        out = []
        mixed: dict[str, np.ndarray] = {}  # a column hashed once, for its one-part templates
        for t, name in enumerate(templates):
            seed = np.uint32((t + 1) * 0x61C88647 & 0xFFFFFFFF)
            parts = name.split()
            if len(parts) == 1 and parts[0][0] in padded:
                kind, k = parts[0][0], int(parts[0][1:])
                base = mixed.get(kind)
                arr, pad = padded[kind]
                if base is None:
                    # the column from ``pad`` before lo to ``pad`` after hi, mixed
                    base = arr[lo:hi + 2 * pad] * _MUL[0]
                    base ^= base >> _S15
                    base *= _MUL[4]
                    base ^= base >> _S13
                    base *= _MUL[1]
                    mixed[kind] = base
                h = base[pad + k:pad + k + hi - lo] ^ seed
                h *= _MUL[3]  # (one multiply: the seed's bits reach the top ones)
                out.append(h >> shift)
                continue
            h = np.full(hi - lo, seed, np.uint32)
            for part, mul in zip(parts, _MUL):
                h += col(part) * mul
            h ^= h >> _S15
            h *= _MUL[4]
            h ^= h >> _S13
            h *= _MUL[0]
            out.append(h >> shift)
        return out


def feature_rows(inputs: Inputs, bits: int, templates: Sequence[str] = TEMPLATES) -> np.ndarray:
    """Table rows of all templates for every character, ``(templates, characters)``
    (for training, with the current hashing; the model itself scores chunk by chunk)."""
    cols = _Columns(inputs)
    return np.stack(cols.rows(0, cols.n, bits, templates)).astype(np.intp)
