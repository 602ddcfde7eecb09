"""Decoding of the name tagger's per-character tag scores into spans (numpy only).

Viterbi over tag transitions, each paragraph (cut into pieces of at most
``MAX_SEGMENT`` characters) decoded on its own but all of them together, one vector step
per position; BIO labels to ``(start, end, type)`` spans; and each span's confidence,
the score its path loses if the span is read as plain text. ``core.ner_model`` scores
the characters; ``tools/train_ner.py`` decodes with the same transitions.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

TYPES = ("person", "org", "place")
TAGS = ("O", "B-person", "I-person", "B-org", "I-org", "B-place", "I-place")

MAX_SEGMENT = 256  # longer paragraphs are decoded in pieces (bounds the Viterbi matrix)


def segments(inputs) -> tuple[np.ndarray, np.ndarray]:
    """``(starts, lengths)`` of the pieces the decoder works on: the paragraphs of
    ``inputs`` (a ``core.ner_columns.Inputs``), cut into pieces of at most
    ``MAX_SEGMENT`` characters (separators excluded)."""
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
