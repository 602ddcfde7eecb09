"""Train the character tagger of ``core.ner_model`` and write ``data/ner_model.npz``.

An averaged structured perceptron over the model's hashed features and tag transitions,
with batched Viterbi decoding (numpy only). It learns from the training halves of the labelled data in
``../shared/eval`` (never the odd halves of People's Daily dev and CLUENER, nor Weibo dev:
those are the held-out report of ``bench/ner.py``):

- People's Daily dev, even sentences (0, 2, 4 ...): PER/ORG/LOC;
- CLUENER train, even sentences: name → person; company, organization, government → org;
  address → place;
- Resume train: NAME → person, ORG → org, LOC → place;
- Weibo train: named mentions only (PER.NAM, ORG.NAM, LOC.NAM/GPE.NAM).

``--corpora`` picks which; the run is deterministic (fixed seed).

    PYTHONPATH=tui python tools/train_ner.py [--corpora 'pd*4,cluener'] [--epochs 8] [--out PATH]
    PYTHONPATH=tui python tools/train_ner.py --dev   # score on PD even sentences 2, 6, 10 ...
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np

from b2b_reader.core import ner_model
from b2b_reader.core.entities import entity_inputs
from b2b_reader.core.lexicon import load_lexicon

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
OUT = ROOT / "tui" / "b2b_reader" / "data" / ner_model.MODEL_FILE
CORPORA = {
    # name: (file, label map, which sentences: "even" or "all")
    "pd": ("ner_peoples_daily_dev.jsonl", {"PER": "person", "ORG": "org", "LOC": "place"}, "even"),
    "cluener": ("ner_cluener_train.jsonl",
                {"name": "person", "company": "org", "organization": "org", "government": "org",
                 "address": "place"}, "even"),
    "resume": ("ner_resume_train.jsonl", {"NAME": "person", "ORG": "org", "LOC": "place"}, "all"),
    "weibo": ("ner_weibo_train.jsonl",
              {"PER.NAM": "person", "ORG.NAM": "org", "LOC.NAM": "place", "GPE.NAM": "place"}, "all"),
}


# CLUENER leaves most places unlabelled (中国 650 times, 13 labelled) and its other labels
# (scene, book, movie ...) hold names the other corpora would tag: the trainer neither
# rewards nor punishes a place predicted outside its labels, nor anything inside those.
LENIENT = {"cluener": ("place", ("position", "scene", "book", "game", "movie"))}


def load(name: str) -> tuple[list[str], list[list[tuple[int, int, str]]]]:
    """Training sentences of corpus ``name`` and their gold spans.

    A span typed ``"?"`` is a region where any answer is accepted (see ``LENIENT``).
    """
    fname, mapping, which = CORPORA[name]
    texts, golds = [], []
    with (EVAL / fname).open(encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if which == "even" and i % 2:
                continue
            rec = json.loads(line)
            texts.append(rec["text"])
            ignored = LENIENT.get(name, ("", ()))[1]
            golds.append([(e["start"], e["end"], mapping.get(e["type"], "?"))
                          for e in rec["entities"] if e["type"] in mapping or e["type"] in ignored])
    return texts, golds


def labels_for(inputs: ner_model.Inputs, golds, lenient) -> tuple[np.ndarray, np.ndarray]:
    """Per-character BIO tag indices for the joined text of ``inputs``, and leniency:
    0 strict, 1 any answer accepted, 2 a predicted place accepted where gold is O."""
    n = inputs.bases[-1] + len(inputs.texts[-1]) + 1
    y = np.zeros(n, np.int64)
    soft = np.zeros(n, np.int8)
    for base, text, spans, lax in zip(inputs.bases, inputs.texts, golds, lenient):
        if lax:
            soft[base:base + len(text)] = 2
        for s, e, t in spans:
            if t == "?":
                soft[base + s:base + e] = 1
                continue
            k = ner_model.TAGS.index("B-" + t)
            y[base + s] = k
            y[base + s + 1:base + e] = k + 1
            soft[base + s:base + e] = 0
    return y, soft


RULES = True  # whether the model sees the tag rules' names (stacking)


def encode(texts, golds, lenient, lexicon, bits):
    _cands, inputs, _cover = entity_inputs(texts, lexicon, rules=RULES)
    rows = ner_model.feature_rows(inputs, bits)
    y, soft = labels_for(inputs, golds, lenient)
    return rows, y, soft, ner_model.segments(inputs)


_PLACE = ner_model.TAGS.index("B-place")


def train(rows: np.ndarray, y: np.ndarray, soft: np.ndarray, segs, bits: int, epochs: int, batch: int = 32,
          seed: int = 0) -> ner_model.Model:
    """An averaged structured perceptron: Viterbi-decode a minibatch of sentences with the
    current weights, then move weights towards the gold tags where the decoding differs."""
    k = len(ner_model.TAGS)
    w = np.zeros((1 << bits, k), np.float32)
    u = np.zeros_like(w)  # step-weighted sum of updates, for averaging
    tr = np.zeros((k + 1, k), np.float32)
    tu = np.zeros_like(tr)
    starts, lengths = segs
    rng = np.random.default_rng(seed)
    nfeat = rows.shape[0]
    step = 1
    for epoch in range(epochs):
        order = rng.permutation(len(starts))
        errors = 0
        for b in range(0, len(order), batch):
            sel = order[b:b + batch]
            st, ln = starts[sel], lengths[sel]
            local = np.concatenate([[0], np.cumsum(ln)[:-1]])
            chars = np.repeat(st - local, ln) + np.arange(int(ln.sum()))
            r = rows[:, chars]
            emit = w[r[0]]
            for f in range(1, nfeat):
                emit += w[r[f]]
            pred = ner_model.viterbi(emit, (local, ln), tr)
            gold = y[chars]
            lax = soft[chars]
            # accepted answers count as gold (see LENIENT): no update there
            gold = np.where((lax == 1) | ((lax == 2) & (gold == 0) & (pred >= _PLACE)), pred, gold)
            wrong = np.flatnonzero(pred != gold)
            if not len(wrong):
                step += 1
                continue
            errors += len(wrong)
            rr = r[:, wrong].ravel()
            for labels, sign in ((gold, 1.0), (pred, -1.0)):
                lab = np.tile(labels[wrong], nfeat)
                np.add.at(w, (rr, lab), sign)
                np.add.at(u, (rr, lab), sign * step)
                prev = np.concatenate([[k], labels[:-1]])
                prev[local] = k
                np.add.at(tr, (prev, labels), sign)
                np.add.at(tu, (prev, labels), sign * step)
            step += 1
        print(f"  epoch {epoch + 1}: {errors:,} wrong tags", flush=True)
    return ner_model.Model(w - u / step, tr - tu / step)


def evaluate(model: ner_model.Model, inputs, golds) -> dict[str, tuple[float, float, float]]:
    preds = model.spans(inputs)
    tp = fp = fn = 0
    for pred, gold in zip(preds, golds):
        p, g = set(pred), {x for x in gold if x[2] != "?"}
        tp += len(p & g)
        fp += len(p - g)
        fn += len(g - p)
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    return prec, rec, 2 * prec * rec / (prec + rec) if prec + rec else 0.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    # The defaults are the shipped model's settings: `python tools/train_ner.py` rebuilds it.
    ap.add_argument("--corpora", default="pd*4,cluener", help="'name*k' repeats a corpus k times")
    ap.add_argument("--bits", type=int, default=18)
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--batch", type=int, default=1, help="sentences per perceptron update")
    ap.add_argument("--o-bias", type=float, default=10.0, help="added to O's score: precision over recall")
    ap.add_argument("--dev", action="store_true",
                    help="hold out PD even sentences 2, 6, 10 ... and print scores, write nothing")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--no-rules", action="store_true", help="do not feed the tag rules' names")
    args = ap.parse_args()
    global RULES
    RULES = not args.no_rules
    lexicon = load_lexicon()
    texts, golds, lenient, dev = [], [], [], {}
    for item in args.corpora.split(","):
        name, _, times = item.partition("*")  # "pd*3": People's Daily three times over
        t, g = load(name)
        if args.dev and name in ("pd", "cluener"):
            dev[name] = (t[1::2], g[1::2])
            t, g = t[::2], g[::2]
        texts += t * int(times or 1)
        golds += g * int(times or 1)
        lenient += [name in LENIENT] * (len(t) * int(times or 1))
        print(f"{name}: {len(t)} sentences, {sum(map(len, g))} entities, x{times or 1}")
    t0 = time.perf_counter()
    rows, y, soft, segs = encode(texts, golds, lenient, lexicon, args.bits)
    print(f"features: {rows.shape[1]:,} characters x {rows.shape[0]} templates "
          f"({time.perf_counter() - t0:.1f} s)")
    t0 = time.perf_counter()
    model = train(rows, y, soft, segs, args.bits, args.epochs, args.batch)
    print(f"trained in {time.perf_counter() - t0:.1f} s")
    if args.dev:
        for name, (dev_texts, dev_golds) in dev.items():
            _c, dev_inputs, _cover = entity_inputs(dev_texts, lexicon, rules=RULES)
            for bias in (0.0, 10.0, 20.0):
                model.o_bias = bias
                p, r, f = evaluate(model, dev_inputs, dev_golds)
                print(f"  dev {name} o_bias {bias:+.1f}: P {p:.3f} R {r:.3f} F1 {f:.3f}")
        return
    meta = f"corpora={args.corpora} bits={args.bits} epochs={args.epochs}"
    model.o_bias = args.o_bias
    ner_model.save_model(args.out, model, meta)
    print(f"wrote {args.out} ({args.out.stat().st_size:,} bytes): {meta} o_bias={args.o_bias}")


if __name__ == "__main__":
    main()
