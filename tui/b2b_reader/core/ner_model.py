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

Three modules: the inputs and hashed features (``core.ner_columns``), the decoding
(``core.ner_decode``), and here the model, its scoring and its file; the names of the
other two are re-exported. The weights are trained by ``tools/train_ner.py`` and shipped
as ``data/ner_model.npz``; :func:`load_model` reads them once, on first use.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from .ner_columns import HASHING, MARK_TYPES, SEP, TEMPLATES, Inputs, _Columns, feature_rows
from .ner_decode import (MAX_SEGMENT, TAGS, TYPES, decode, paragraph_spans, paragraph_spans_arrays,
                         segments, span_margins, viterbi)

__all__ = ["HASHING", "MARK_TYPES", "MAX_SEGMENT", "MODEL_FILE", "SEP", "TAGS", "TEMPLATES", "TYPES",
           "Inputs", "Model", "decode", "feature_rows", "load_model", "paragraph_spans",
           "paragraph_spans_arrays", "read_model", "save_model", "segments", "span_margins", "viterbi"]

MODEL_FILE = "ner_model.npz"
_CHUNK = 1 << 15  # characters scored at a time: the chunk's arrays stay in cache


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
