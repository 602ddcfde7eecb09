"""A small character-level tagger for person/org/place names, vectorised with numpy.

Each character gets a score for every tag of ``TAGS`` (BIO x person/org/place, and O):
the sum of the weights of its hashed features, gathered from one table. The features
are character n-grams around it, the rjieba token it sits in (tag, position, word), the
spans that the lexicon and the tag rules already found there (stacking: the model
starts from the rules and learns where they are wrong), and what generalises beyond the
training sentences (``core.ner_features``): every jieba dictionary name word that could
cover the character, the character's class (a common surname, an organisation or place
ending ...), how often dictionary words that begin or end with it are names, and how far
ahead an organisation head ends. Everything is
computed over all paragraphs at once, joined by a separator, with no Python loop per
character. Viterbi decoding gives the spans; each gets a confidence (the score its path
loses if the span is read as plain text) and those below the model's ``min_conf`` are
dropped.

The weights are trained by ``tools/train_ner.py`` and shipped as ``data/ner_model.npz``;
:func:`load_model` reads them once, on first use.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from itertools import chain
from operator import itemgetter

import numpy as np

from .ner_features import char_classes, dictionary_marks, head_ahead, name_profile, powers

TYPES = ("person", "org", "place")
TAGS = ("O", "B-person", "I-person", "B-org", "I-org", "B-place", "I-place")
# Span types the stacked input marks can carry (lexicon types and rule types).
MARK_TYPES = ("person", "org", "place", "event", "product", "date", "number")
SEP = "\n"  # joins paragraphs; its own character features tell the model a text ends
MODEL_FILE = "ner_model.npz"

_MIX64 = np.uint64(0xFF51AFD7ED558CCD)
_PAD = 2  # characters of context on each side
_CHUNK = 1 << 15  # characters scored at a time: the chunk's arrays stay in cache
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


class Model:
    """Emission weights ``(2**bits, len(TAGS))``, tag transitions, and an O bias.

    ``trans[i, j]`` scores tag ``j`` after tag ``i``; row ``len(TAGS)`` is the start of a
    text. ``o_bias`` added to O's score trades recall for precision. Scoring sums int16
    weights (scaled so that no sum of one weight per template overflows), eight to a row
    so that a row is one 16-byte item to gather.
    """

    def __init__(self, weights: np.ndarray | None, trans: np.ndarray, o_bias: float = 0.0,
                 templates: Sequence[str] = TEMPLATES, min_conf: float = float("-inf"),
                 rows: tuple[int, np.ndarray, np.ndarray] | None = None) -> None:
        """``weights`` dense, or None and ``rows``: ``(table size, indices of the nonzero
        rows, their weights)`` as a model file stores them (the dense table is then
        built only if asked for: scoring needs the packed one alone)."""
        self.templates = tuple(templates)
        self._weights = None if weights is None else np.asarray(weights, dtype=np.float32)
        if self._weights is not None:
            rows = (len(self._weights), np.arange(len(self._weights)), self._weights)
        assert rows is not None
        self._rows = rows
        self.trans = np.asarray(trans, dtype=np.float32)
        self.bits = int(np.log2(rows[0]))
        self.o_bias = o_bias
        self.min_conf = min_conf
        self._table: tuple[np.ndarray, float] | None = None

    @property
    def weights(self) -> np.ndarray:
        """The dense weight table ``(2**bits, len(TAGS))``."""
        if self._weights is None:
            size, index, values = self._rows
            self._weights = np.zeros((size, len(TAGS)), np.float32)
            self._weights[index] = values
        return self._weights

    def _packed(self, templates: int) -> tuple[np.ndarray, float]:
        if self._table is None:
            size, index, values = self._rows
            peak = float(np.abs(values).max()) if len(values) else 0.0
            scale = 32000.0 / (templates * (peak or 1.0))
            q = np.zeros((size, 8), np.int16)
            q[index, :len(TAGS)] = np.round(values * scale)
            self._table = (q.view(np.complex128).ravel(), scale)
        return self._table

    def scores(self, inputs: Inputs) -> np.ndarray:
        """Per-character tag scores of the joined text, shape ``(characters, tags)``."""
        cols = _Columns(inputs)
        n = cols.n
        out = np.empty((n, 8), np.int16)
        buf = np.empty(_CHUNK, np.complex128)
        scale = 1.0
        for lo in range(0, n, _CHUNK):
            hi = min(n, lo + _CHUNK)
            rows = cols.rows(lo, hi, self.bits, self.templates)
            table, scale = self._packed(len(rows))
            acc = out[lo:hi]
            acc[:] = np.take(table, rows[0]).view(np.int16).reshape(hi - lo, 8)
            part = buf[:hi - lo]
            view = part.view(np.int16).reshape(hi - lo, 8)
            for r in rows[1:]:
                np.take(table, r, out=part)
                acc += view
        emit = out[:, :len(TAGS)].astype(np.float32)
        emit *= np.float32(1.0 / scale)
        emit[:, 0] += self.o_bias
        return emit

    def labels(self, inputs: Inputs) -> np.ndarray:
        """The best tag index of every character of the joined text (Viterbi per text)."""
        return viterbi(self.scores(inputs), segments(inputs), self.trans)

    def scored_spans(self, inputs: Inputs, confidence: bool = True):
        """``(paragraph, start, end, type, confidence)`` of the names in ``inputs``,
        offsets local to their paragraph; a long document is tagged in blocks.

        A span's confidence is how much the best path's score beats that of the same
        path with the span read as plain text (O), emissions and transitions included
        (infinite when ``confidence`` is false: not computed).
        """
        for first, block in inputs.blocks():
            emit = self.scores(block)
            segs = segments(block)
            labels = viterbi(emit, segs, self.trans)
            starts, ends, kinds = decode(labels)
            if not len(starts):
                continue
            conf = (span_margins(emit, labels, segs, self.trans, starts, ends) if confidence
                    else np.full(len(starts), np.inf, np.float32))
            for (p, s, e, t), c in zip(paragraph_spans_arrays(starts, ends, kinds, block.bases),
                                       conf.tolist()):
                yield first + p, s, e, t, c

    def paragraph_spans(self, inputs: Inputs):
        """``(paragraph, start, end, type)`` of the names in ``inputs`` whose confidence
        (see :meth:`scored_spans`) reaches ``min_conf``, offsets local to their paragraph."""
        floor = self.min_conf
        for p, s, e, t, c in self.scored_spans(inputs, floor > float("-inf")):
            if c >= floor:
                yield p, s, e, t

    def spans(self, inputs: Inputs) -> list[list[tuple[int, int, str]]]:
        """``(start, end, type)`` per paragraph of ``inputs``, offsets local to it."""
        out: list[list[tuple[int, int, str]]] = [[] for _ in inputs.texts]
        for p, s, e, t in self.paragraph_spans(inputs):
            out[p].append((s, e, t))
        return out


MAX_SEGMENT = 256  # longer paragraphs are decoded in pieces (bounds the Viterbi matrix)


def segments(inputs: Inputs) -> tuple[np.ndarray, np.ndarray]:
    """``(starts, lengths)`` of the pieces the decoder works on: paragraphs, cut into
    pieces of at most ``MAX_SEGMENT`` characters (separators excluded)."""
    lengths = np.fromiter(map(len, inputs.texts), dtype=np.int64, count=len(inputs.texts))
    bases = np.asarray(inputs.bases, dtype=np.int64)
    pieces = np.maximum(1, -(-lengths // MAX_SEGMENT))
    owner = np.repeat(np.arange(len(lengths)), pieces)
    first = np.concatenate([[0], np.cumsum(pieces)[:-1]])
    k = np.arange(len(owner)) - first[owner]
    starts = bases[owner] + k * MAX_SEGMENT
    seg_len = np.minimum(MAX_SEGMENT, lengths[owner] - k * MAX_SEGMENT)
    keep = seg_len > 0
    return starts[keep], seg_len[keep]


def viterbi(emit: np.ndarray, segs: tuple[np.ndarray, np.ndarray], trans: np.ndarray,
            first: np.ndarray | None = None, last: np.ndarray | None = None) -> np.ndarray:
    """Best tag per character under ``trans``, each segment decoded on its own.

    ``first[i]``/``last[i]`` (default: the start row of ``trans``/nothing) score
    segment ``i``'s first tag and what follows its last. Segments are sorted longest
    first, so at step ``t`` the segments still running are a prefix: the Python loop
    runs over positions (at most ``MAX_SEGMENT``), each step a few vector operations
    over that prefix. Characters outside every segment get O.
    """
    n, k = emit.shape
    labels = np.zeros(n, np.int64)
    starts, lengths = segs
    if not len(starts):
        return labels
    order = np.argsort(-lengths, kind="stable")
    st, ln = starts[order], lengths[order]
    alive = np.searchsorted(-ln, -np.arange(int(ln[0])), side="left")  # running at step t
    delta = (trans[k] if first is None else first[order]) + emit[st]
    step = [trans[i] for i in range(k)]
    backs = []
    best_buf = np.empty((len(st), k), np.float32)
    cand_buf = np.empty((len(st), k), np.float32)
    mask_buf = np.empty((len(st), k), bool)
    for t in range(1, len(alive)):
        a = alive[t]
        d = delta[:a]
        best, cand, better = best_buf[:a], cand_buf[:a], mask_buf[:a]
        # max over the previous tag, unrolled: k vector steps over (a, k) beat one
        # reduction over a small middle axis
        np.add(d[:, :1], step[0], out=best)
        arg = np.zeros((a, k), np.int8)
        for i in range(1, k):
            np.add(d[:, i:i + 1], step[i], out=cand)
            np.greater(cand, best, out=better)
            np.copyto(best, cand, where=better)
            np.copyto(arg, np.int8(i), where=better)
        backs.append(arg)
        np.add(best, emit[st[:a] + t], out=d)
    if last is not None:
        delta += last[order]
    choice = delta.argmax(axis=1)  # each segment's last tag (its delta stopped there)
    for t in range(len(alive) - 1, -1, -1):
        a = alive[t]
        labels[st[:a] + t] = choice[:a]
        if t:
            choice[:a] = backs[t - 1][np.arange(a), choice[:a]]
    return labels


def decode(labels: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Spans ``(starts, ends, kinds)`` from per-character BIO labels, as arrays; kind
    ``k`` is ``TYPES[k - 1]``. An I after O or after another type starts a span."""
    kind = (labels + 1) // 2  # 0 = O, 1..3 = TYPES
    begin = (labels % 2 == 1) & (labels > 0)
    prev = np.concatenate([[0], kind[:-1]])
    start = (kind > 0) & (begin | (prev != kind))
    nxt_start = np.concatenate([start[1:], [True]])
    nxt_kind = np.concatenate([kind[1:], [0]])
    end = (kind > 0) & (nxt_start | (nxt_kind != kind))
    s_idx = np.flatnonzero(start)
    return s_idx, np.flatnonzero(end) + 1, kind[s_idx]


def span_margins(emit: np.ndarray, labels: np.ndarray, segs: tuple[np.ndarray, np.ndarray],
                 trans: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """Score of the decoded path minus that of the same path with each span ``[s, e)``
    replaced by O (vectorised over spans; the joined text ends with O, so ``e < n``).
    ``segs`` are the decoded segments: no transition links one to what follows it."""
    n, k = emit.shape
    seg_starts, seg_lengths = segs
    first = np.zeros(n, bool)
    first[seg_starts] = True
    cover = np.zeros(n + 1, np.int64)
    np.add.at(cover, seg_starts, 1)
    np.add.at(cover, seg_starts + seg_lengths, -1)
    linked = (np.cumsum(cover[:n]) > 0) & ~first  # a transition leads into this character
    prev = np.concatenate([[k], labels[:-1]])
    prev[first] = k  # a segment starts from the start row
    pair = trans[prev, labels]
    gain = emit[np.arange(n), labels] - emit[:, 0] + pair
    csum = np.concatenate([[0.0], np.cumsum(gain, dtype=np.float64)])
    inside = csum[ends] - csum[starts]
    # the O path: enter O from the span's predecessor, stay in O, leave O into what follows
    o_path = trans[prev[starts], 0] + (ends - starts - 1) * trans[0, 0]
    follow = labels[ends]
    after = np.where(linked[ends], trans[labels[ends - 1], follow] - trans[0, follow], 0.0)
    return (inside - o_path + after).astype(np.float32)


def paragraph_spans(labels: np.ndarray, bases: Sequence[int]):
    """``(paragraph, start, end, type)`` for the spans of ``labels``, offsets local to
    their paragraph (spans never cross a separator)."""
    return paragraph_spans_arrays(*decode(labels), bases)


def paragraph_spans_arrays(starts, ends, kinds, bases: Sequence[int]):
    """:func:`paragraph_spans` from decoded ``(starts, ends, kinds)``."""
    bases_arr = np.asarray(bases, np.int64)
    para = np.searchsorted(bases_arr, starts, side="right") - 1
    local = bases_arr[para]
    names = ("", *TYPES)
    return zip(para.tolist(), (starts - local).tolist(), (ends - local).tolist(),
               map(names.__getitem__, kinds.tolist()))


def save_model(path, model: Model, meta: str) -> None:
    """Store ``model`` compactly: nonzero weight rows only, int16 with one scale per tag."""
    weights = model.weights
    nz = np.flatnonzero(np.abs(weights).max(axis=1) > 0)
    rows = weights[nz]
    scale = np.abs(rows).max(axis=0) / 32767.0
    scale[scale == 0] = 1.0
    q = np.round(rows / scale).astype(np.int16)
    np.savez_compressed(path, rows=np.diff(nz, prepend=0).astype(np.uint32), q=q,
                        scale=scale.astype(np.float32), trans=model.trans,
                        size=np.array([len(weights)]), o_bias=np.array([model.o_bias]),
                        min_conf=np.array([model.min_conf]), hashing=np.array([HASHING]),
                        templates=np.array("|".join(model.templates)), meta=np.array(meta))


def read_model(source) -> Model:
    """A :class:`Model` from a file written by :func:`save_model` (path or file object)."""
    with np.load(source) as z:
        rows = (int(z["size"][0]), np.cumsum(z["rows"]), z["q"].astype(np.float32) * z["scale"])
        if "hashing" not in z.files or int(z["hashing"][0]) != HASHING:
            raise ValueError("a model file of an older feature hashing scheme")
        # (every file of this scheme records its templates and confidence floor)
        return Model(None, z["trans"], float(z["o_bias"][0]), str(z["templates"]).split("|"),
                     float(z["min_conf"][0]), rows=rows)


@lru_cache(maxsize=1)
def load_model() -> Model | None:
    """The shipped model, read once on first use; None if the package lacks it."""
    from .. import data

    path = data.HERE / MODEL_FILE
    if not path.is_file():
        return None
    with path.open("rb") as fh:
        return read_model(fh)
