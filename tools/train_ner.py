"""Train the character tagger of ``core.ner_model`` and write ``data/ner_model.npz``.

An averaged structured perceptron over the model's hashed features and tag transitions
(numpy only; one sentence decoded per update); the shipped model is the mean of two,
each trained on the sentences in another order (``--seeds 2``, or one process per order
with ``--first-seed`` joined with ``--average``). It learns from the labelled data in
``../shared/eval``:

- MSRA train (42,631 sentences cleaned of every sentence the People's Daily sets share):
  PER/ORG/LOC, its full-width digits and letters read as ASCII;
- CLUENER train except its held-out tenth (sentence ``i`` with ``i % 10 == 9``): name →
  person; company, organization, government → org; address → place (its unlabelled
  places are not punished, see ``LENIENT``);
- optionally Resume train and Weibo train (not in the shipped model: both lowered the
  held-out scores).

People's Daily dev is never trained on (``--corpora pd`` is refused): it and CLUENER's
held-out tenth are scored at the end of a run at each ``--biases`` O bias and
``--floors`` confidence floor, and the figures at the chosen settings are written into
the model's meta for ``bench/ner.py``. Those sets only measure: choose settings on a
split of the training data (``--limit 39631`` leaves the last 3,000 MSRA sentences out,
a contiguous block, to score a model on).

    PYTHONPATH=tui python tools/train_ner.py --seeds 2        # rebuilds the shipped file
    PYTHONPATH=tui python tools/train_ner.py --limit 39631 --no-eval --out /tmp/tune.npz
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

import numpy as np

from b2b_reader.core import entities, ner_model
from b2b_reader.core.entities import entity_inputs
from b2b_reader.core.lexicon import load_lexicon

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
OUT = ROOT / "tui" / "b2b_reader" / "data" / ner_model.MODEL_FILE
CORPORA = {
    # name: (file, label map)
    "msra": ("ner_msra_train.jsonl", {"PER": "person", "ORG": "org", "LOC": "place"}),
    "pd": ("ner_peoples_daily_dev.jsonl", {"PER": "person", "ORG": "org", "LOC": "place"}),
    "cluener": ("ner_cluener_train.jsonl",
                {"name": "person", "company": "org", "organization": "org", "government": "org",
                 "address": "place"}),
    "resume": ("ner_resume_train.jsonl", {"NAME": "person", "ORG": "org", "LOC": "place"}),
    "weibo": ("ner_weibo_train.jsonl",
              {"PER.NAM": "person", "ORG.NAM": "org", "LOC.NAM": "place", "GPE.NAM": "place"}),
}


# CLUENER leaves most places unlabelled (中国 650 times, 13 labelled) and its other labels
# (scene, book, movie ...) hold names the other corpora would tag: the trainer neither
# rewards nor punishes a place predicted outside its labels, nor anything inside those.
LENIENT = {"cluener": ("place", ("position", "scene", "book", "game", "movie"))}


# CLUENER train sentence i with i % HELD_OUT_EVERY == HELD_OUT_EVERY - 1 is never learned
# from: bench/ner.py scores them (the same constant there) as held-out CLUENER.
HELD_OUT_EVERY = 10
# MSRA writes digits and Latin letters full-width (１９９８年, ＣＥＯ); the articles the reader
# sees use ASCII ones: the tagger learns from the text as it will meet it (one character
# for one, so offsets stay).
_FULL_TO_ASCII = str.maketrans({chr(c): chr(c - 0xFEE0) for c in (
    *range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B))})
NORMALISED = {"msra"}


def load(name: str, limit: int | None = None, held_out: bool = False
         ) -> tuple[list[str], list[list[tuple[int, int, str]]]]:
    """The training sentences of corpus ``name`` (the held-out ones if ``held_out``)
    and their gold spans; ``limit``: the first that many only.

    A span typed ``"?"`` is a region where any answer is accepted (see ``LENIENT``).
    """
    fname, mapping = CORPORA[name]
    texts, golds = [], []
    with (EVAL / fname).open(encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if limit is not None and len(texts) >= limit:
                break
            if name == "cluener" and (i % HELD_OUT_EVERY == HELD_OUT_EVERY - 1) != held_out:
                continue
            rec = json.loads(line)
            text = rec["text"]
            texts.append(text.translate(_FULL_TO_ASCII) if name in NORMALISED else text)
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



class Corpus:
    """One corpus encoded once: feature rows, gold tags and leniency per character, and
    each sentence's start and length in the joined text (segments to train on)."""

    def __init__(self, name: str, lexicon, bits: int, templates, limit: int | None = None) -> None:
        self.name = name
        self.texts, self.golds = load(name, limit)
        _cands, inputs, _cover = entity_inputs(self.texts, lexicon)
        self.rows = ner_model.feature_rows(inputs, bits, templates)
        self.y, self.soft = labels_for(inputs, self.golds, [name in LENIENT] * len(self.texts))
        self.starts = np.asarray(inputs.bases, np.int64)
        self.lengths = np.fromiter(map(len, self.texts), np.int64, len(self.texts))


def _viterbi1(emit: np.ndarray, trans: np.ndarray) -> np.ndarray:
    """Best tags of one sentence (what ``ner_model.viterbi`` gives, with ties broken
    the same way), in a few whole-matrix steps per character: training decodes one
    sentence per update, where the batched decoder's per-step overhead dominates."""
    n, k = emit.shape
    backs = np.empty((n, k), np.int64)
    delta = trans[k] + emit[0]
    body = trans[:k]
    for t in range(1, n):
        cand = delta[:, None] + body
        backs[t] = cand.argmax(axis=0)
        delta = cand[backs[t], np.arange(k)] + emit[t]
    out = np.empty(n, np.int64)
    out[-1] = int(delta.argmax())
    for t in range(n - 1, 0, -1):
        out[t - 1] = backs[t, out[t]]
    return out


def train(parts, bits: int, epochs: int, templates, seed: int = 0, dropout: float = 0.0) -> ner_model.Model:
    """An averaged structured perceptron: Viterbi-decode one sentence with the current
    weights, then move weights towards the gold tags where the decoding differs.

    ``parts`` are ``(corpus, sentence indices)``; an index listed twice is learned twice.
    ``dropout``: the share of (template, character) features hidden at each update, so
    that no feature (a memorised name's characters) can carry a decision alone.
    """
    k = len(ner_model.TAGS)
    size = 1 << bits
    w = np.zeros((size + 1, k), np.float32)  # the extra row: a dropped feature, always 0
    u = np.zeros_like(w)  # step-weighted sum of updates, for averaging
    tr = np.zeros((k + 1, k), np.float32)
    tu = np.zeros_like(tr)
    items = [(c, int(i)) for c, idx in parts for i in idx]
    rng = np.random.default_rng(seed)
    nfeat = len(templates)
    step = 1
    for epoch in range(epochs):
        errors = 0
        for j in rng.permutation(len(items)):
            corpus, i = items[j]
            st, ln = corpus.starts[i], corpus.lengths[i]
            if not ln:
                continue
            r = corpus.rows[:, st:st + ln]
            if dropout:
                r = np.where(rng.random(r.shape) < dropout, size, r)
            emit = w[r[0]]
            for f in range(1, nfeat):
                emit += w[r[f]]
            pred = _viterbi1(emit, tr)
            gold = corpus.y[st:st + ln]
            lax = corpus.soft[st:st + ln]
            # accepted answers count as gold (see LENIENT): no update there
            gold = np.where((lax == 1) | ((lax == 2) & (gold == 0) & (pred >= _PLACE)), pred, gold)
            wrong = np.flatnonzero(pred != gold)
            if not len(wrong):
                step += 1
                continue
            errors += len(wrong)
            rr = r[:, wrong].ravel()
            live = rr < size
            rr = rr[live]
            for labels, sign in ((gold, 1.0), (pred, -1.0)):
                lab = np.tile(labels[wrong], nfeat)[live]
                np.add.at(w, (rr, lab), sign)
                np.add.at(u, (rr, lab), sign * step)
                prev = np.concatenate([[k], labels[:-1]])
                np.add.at(tr, (prev, labels), sign)
                np.add.at(tu, (prev, labels), sign * step)
            step += 1
        print(f"  epoch {epoch + 1}: {errors:,} wrong tags", flush=True)
    return ner_model.Model((w - u / step)[:size], tr - tu / step, templates=templates)


def train_seeds(parts, args) -> ner_model.Model:
    """The mean of ``args.seeds`` models trained on ``parts`` in different orders (seeds
    0, 1, ...): a linear model's weights average into one model of the same size, with
    the memorised quirks of any one order evened out."""
    models = [train(parts, args.bits, args.epochs, args.templates, seed=seed, dropout=args.dropout)
              for seed in range(args.first_seed, args.first_seed + args.seeds)]
    if len(models) == 1:
        return models[0]
    return ner_model.Model(sum(m.weights for m in models) / len(models),
                           sum(m.trans for m in models) / len(models), templates=args.templates)


_PLACE = ner_model.TAGS.index("B-place")
TYPES = ner_model.TYPES


def predict(model: ner_model.Model, texts, lexicon, floors=(float("-inf"),)) -> list[list[set]]:
    """What ``find_entities`` answers with ``model`` as the tagger, ``{(start, end, type)}``
    per sentence (the lexicon, figures and filters included, as the bench scores it), for
    each confidence floor of ``floors`` (the tagger's spans below it dropped afterwards:
    close to, not exactly, what ``model.min_conf`` would give)."""
    saved = entities.load_model
    conf: dict[tuple, float] = {}
    scored = model.scored_spans

    def recording(inputs, _confidence=True):
        for p, s, e, t, c in scored(inputs, True):
            conf[p, s, e, t] = c
            yield p, s, e, t, c

    entities.load_model = lambda: model
    model.scored_spans = recording
    try:
        out: list[set] = [set() for _ in texts]
        for span in entities.find_entities(texts, lexicon, names="model", discourse=False):
            if span.type in TYPES:
                out[span.paragraph].add((span.start, span.end, span.type))
    finally:
        entities.load_model = saved
        del model.scored_spans
    inf = float("inf")
    return [[{x for x in spans if conf.get((p, *x), inf) >= floor} for p, spans in enumerate(out)]
            for floor in floors]


class Tally:
    """True/false positives and misses per type, pooled over folds."""

    def __init__(self) -> None:
        self.tp, self.fp, self.fn = Counter(), Counter(), Counter()

    def add(self, golds, preds) -> None:
        for gold, pred in zip(golds, preds):
            gold = {g for g in gold if g[2] != "?"}
            for item in pred:
                (self.tp if item in gold else self.fp)[item[2]] += 1
            for item in gold - pred:
                self.fn[item[2]] += 1

    def prf(self, key: str = "micro") -> tuple[float, float, float]:
        pick = (lambda c: sum(c.values())) if key == "micro" else (lambda c: c[key])
        t, f_p, f_n = pick(self.tp), pick(self.fp), pick(self.fn)
        p = t / (t + f_p) if t + f_p else 0.0
        r = t / (t + f_n) if t + f_n else 0.0
        return p, r, 2 * p * r / (p + r) if p + r else 0.0

    def line(self) -> str:
        cells = [f"{key} {p:.3f}/{r:.3f}/{f:.3f}"
                 for key in ("micro", *TYPES) for p, r, f in [self.prf(key)]]
        return "  ".join(cells)


def held_out_scores(model, lexicon, args) -> dict[str, Tally]:
    """Scores of ``model`` through ``find_entities`` on sentences it never learned from:
    all of People's Daily dev (never trained on) and CLUENER's held-out tenth, at each
    O bias of ``args.biases`` and floor of ``args.floors``."""
    sets = {"pd": load("pd", args.eval_limit), "cluener": load("cluener", args.eval_limit, held_out=True)}
    tallies = {}
    for name, (texts, golds) in sets.items():
        golds = [set(g) for g in golds]
        for b in args.biases:
            model.o_bias = b
            for f, preds in zip(args.floors, predict(model, texts, lexicon, args.floors)):
                tally = tallies[name, b, f] = Tally()
                tally.add(golds, preds)
                print(f"HELD OUT {name:<8} o_bias {b:+5.1f} floor {f:+5.1f}: {tally.line()}", flush=True)
    return tallies


def average(args, lexicon) -> None:
    """The mean of model files trained alike with other seeds (two processes use two
    cores), scored and written as one run would."""
    models = [ner_model.read_model(path) for path in args.average]
    with np.load(args.average[0]) as z:
        meta = str(z["meta"]).split(" heldout=")[0]
    seeds = sum(int(w.split("=")[1]) for path in args.average
                for w in str(np.load(path)["meta"]).split() if w.startswith("seeds="))
    meta = " ".join(f"seeds={seeds}" if w.startswith("seeds=") else w for w in meta.split())
    model = ner_model.Model(sum(m.weights for m in models) / len(models),
                            sum(m.trans for m in models) / len(models), templates=models[0].templates)
    finish(model, meta, lexicon, args)


def finish(model, meta: str, lexicon, args) -> None:
    """Score ``model`` on the held-out sets (unless ``--no-eval``) and write it."""
    if not args.no_eval:
        tallies = held_out_scores(model, lexicon, args)
        # the held-out figure at the shipped settings goes into the model file (bench/ner.py --cv)
        held = json.dumps({name: {key: [round(x, 4) for x in t.prf(key)] for key in ("micro", *TYPES)}
                           for (name, b, f), t in tallies.items()
                           if b == args.o_bias and (f == args.min_conf or len(args.floors) == 1)},
                          separators=(",", ":"))  # no spaces: the meta is split on them
        meta += f" heldout={held}"
    model.o_bias = args.o_bias
    model.min_conf = args.min_conf
    ner_model.save_model(args.out, model, meta)
    print(f"wrote {args.out} ({args.out.stat().st_size:,} bytes): {meta} o_bias={args.o_bias}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    # The defaults are the shipped model's settings: `python tools/train_ner.py` rebuilds it.
    ap.add_argument("--corpora", default="msra,cluener", help="'name*k' repeats a corpus k times")
    ap.add_argument("--bits", type=int, default=20)
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--seeds", type=int, default=1, help="models (orders of the sentences) averaged")
    ap.add_argument("--first-seed", type=int, default=0,
                    help="seed of the first order (runs with other seeds can be --average'd)")
    ap.add_argument("--average", type=Path, nargs="+", metavar="NPZ",
                    help="write the mean of these model files (runs of other seeds) instead of training")
    ap.add_argument("--dropout", type=float, default=0.0, help="share of features hidden per update")
    ap.add_argument("--o-bias", type=float, default=12.0, help="added to O's score: precision over recall")
    ap.add_argument("--templates", default=",".join(ner_model.TEMPLATES),
                    help="comma-separated feature templates (see ner_model.TEMPLATES)")
    ap.add_argument("--limit", type=int, default=None, help="sentences per training corpus (a quick run)")
    ap.add_argument("--eval-limit", type=int, default=None, help="held-out sentences scored per set")
    ap.add_argument("--no-eval", action="store_true", help="skip the held-out scores")
    ap.add_argument("--biases", default="12", help="O biases scored on held-out sentences")
    ap.add_argument("--min-conf", type=float, default=float("-inf"),
                    help="confidence floor: the tagger's weaker spans are dropped")
    ap.add_argument("--floors", default="-inf", help="confidence floors scored on held-out sentences")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    args.templates = tuple(args.templates.split(","))
    args.biases = [float(b) for b in args.biases.split(",")]
    args.floors = [float(f) for f in args.floors.split(",")]
    lexicon = load_lexicon()
    if args.average:
        average(args, lexicon)
        return
    corpora, weights = [], {}
    t0 = time.perf_counter()
    for item in args.corpora.split(","):
        name, _, times = item.partition("*")  # "cluener*2": CLUENER twice over
        if name == "pd":
            ap.error("People's Daily dev is the held-out measure: never trained on")
        corpus = Corpus(name, lexicon, args.bits, args.templates, args.limit)
        corpora.append(corpus)
        weights[name] = int(times or 1)
        print(f"{name}: {len(corpus.texts)} sentences, {sum(map(len, corpus.golds))} entities, "
              f"x{weights[name]}")
    print(f"features: {len(args.templates)} templates ({time.perf_counter() - t0:.1f} s)", flush=True)
    t0 = time.perf_counter()
    parts = [(c, np.tile(np.arange(len(c.texts)), weights[c.name])) for c in corpora]
    model = train_seeds(parts, args)
    print(f"trained in {time.perf_counter() - t0:.1f} s", flush=True)
    meta = f"corpora={args.corpora} bits={args.bits} epochs={args.epochs} seeds={args.seeds}"
    if args.limit:
        meta += f" limit={args.limit}"
    finish(model, meta, lexicon, args)


if __name__ == "__main__":
    main()
