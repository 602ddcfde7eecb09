"""Entity recognition quality on the labelled eval data, the shipped tagger next to others.

Exact span and type, person/org/place, precision/recall/F1 per type, micro-averaged, and
``per+org`` (person and org only: CLUENER labels places only as postal addresses):

- ``news_business_dev/``: 12 whole business articles through ``pipeline.analyze`` as a
  user gets them (``bench/ner_news.py``: file loaded by the reader's own path, spans
  mapped back to file offsets; the discourse rules see the whole article);
- People's Daily 1998 dev (never trained on: a fair held-out set since MSRA was cleaned
  of its sentences), CLUENER's held-out tenth (train sentence i with i % 10 == 9, which
  ``tools/train_ner.py`` never learns from) and Weibo dev: unrelated sentences, each its
  own document (``discourse=False``).

``--model PATH`` (repeatable) scores another model file in the same run, e.g. the
previous one (``git show main:tui/b2b_reader/data/ner_model.npz > /tmp/prev.npz``; the
model of another branch runs through this branch's entity layer). ``rules`` is the tag
rules without any tagger; ``--baselines`` adds raw rjieba and jieba.posseg tags.

    PYTHONPATH=tui python bench/ner.py [--model PATH] [--only news,pd,cluener,weibo] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

import rjieba

from b2b_reader.core.entities import find_entities
from b2b_reader.core.lexicon import load_lexicon
from b2b_reader.core.ner_model import MODEL_FILE, load_model

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
TYPES = ("person", "org", "place")
DATASETS = {
    "peoples_daily_dev": ("ner_peoples_daily_dev.jsonl",
                          {"PER": "person", "ORG": "org", "LOC": "place"}),
    "cluener_train": ("ner_cluener_train.jsonl",
                      {"name": "person", "company": "org", "organization": "org",
                       "government": "org", "address": "place"}),
    "weibo_dev": ("ner_weibo_dev.jsonl",  # named mentions only, not nominal (PER.NOM)
                  {"PER.NAM": "person", "ORG.NAM": "org", "LOC.NAM": "place",
                   "GPE.NAM": "place"}),
}
# CLUENER train sentences i with i % 10 == 9 are held out: tools/train_ner.py never learns
# from them (its HELD_OUT_EVERY), so they are a fair CLUENER score.
HELD_OUT_EVERY = 10
JIEBA_MAP = {"nr": "person", "nrfg": "person", "nrt": "person", "ns": "place", "nt": "org"}


def model_meta() -> str:
    """The training run's settings as stored in the shipped model file."""
    import numpy as np

    from b2b_reader import data

    with np.load(data.HERE / MODEL_FILE) as z:
        return str(z["meta"])


def model_info(meta: str) -> str:
    """What the shipped tagger learned from (the training run's settings, scores aside)."""
    files = {"msra": "ner_msra_train.jsonl (all)",
             "cluener": "ner_cluener_train.jsonl (all but the held-out tenth)",
             "pd": "ner_peoples_daily_dev.jsonl", "resume": "ner_resume_train.jsonl",
             "weibo": "ner_weibo_train.jsonl"}
    corpora = meta.split("corpora=")[1].split()[0] if "corpora=" in meta else ""
    learned = [files.get(c.partition("*")[0], c) + (f" x{c.partition('*')[2]}" if "*" in c else "")
               for c in corpora.split(",") if c]
    settings = " ".join(w for w in meta.split() if not w.startswith(("cv", "heldout")))
    return f"{MODEL_FILE} ({settings}); learned from {', '.join(learned) or 'unknown'}"


def cv_figures(meta: str) -> tuple[str, dict] | None:
    """``(label, {corpus: {type: [P, R, F1]}})`` of the held-out scores the training run
    stored in the model's meta (``heldout=`` or an older ``cvK=``), or None."""
    for word in meta.split():
        if word.startswith(("cv", "heldout")) and "=" in word:
            k, _, figures = word.partition("=")
            label = "held-out sets at training time" if k == "heldout" else f"{k[2:]}-fold cross-validation"
            return label, json.loads(figures)
    return None


def load(name: str, limit: int | None) -> tuple[list[str], list[set]]:
    """Sentences and gold ``{(start, end, type)}`` per sentence."""
    fname, mapping = DATASETS[name]
    texts, golds = [], []
    with (EVAL / fname).open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            texts.append(rec["text"])
            golds.append({(e["start"], e["end"], mapping[e["type"]])
                          for e in rec["entities"] if e["type"] in mapping})
            if limit and len(texts) >= limit:
                break
    return texts, golds


def ours(texts: list[str], names: str = "model") -> list[set]:
    lexicon = load_lexicon()
    out: list[set] = [set() for _ in texts]
    # unrelated sentences: no reading of a name carries from one to another
    for span in find_entities(texts, lexicon, names=names, discourse=False):
        if span.type in TYPES:
            out[span.paragraph].add((span.start, span.end, span.type))
    return out


def raw_tags(texts: list[str], tagger) -> list[set]:
    out = []
    for text in texts:
        found, pos = set(), 0
        for word, tag in tagger(text):
            if tag in JIEBA_MAP:
                found.add((pos, pos + len(word), JIEBA_MAP[tag]))
            pos += len(word)
        out.append(found)
    return out


def posseg_tagger():
    import jieba
    import jieba.posseg as pseg

    jieba.setLogLevel(60)
    return lambda text: [(p.word, p.flag) for p in pseg.cut(text)]


def score(golds: list[set], preds: list[set]) -> dict[str, tuple[float, float, float]]:
    tp, fp, fn = Counter(), Counter(), Counter()
    for gold, pred in zip(golds, preds):
        for item in pred:
            (tp if item in gold else fp)[item[2]] += 1
        for item in gold - pred:
            fn[item[2]] += 1
    res = {}
    for key in (*TYPES, "micro", "per+org"):
        pick = {"micro": TYPES, "per+org": ("person", "org")}.get(key, (key,))
        t = sum(tp[k] for k in pick)
        f_p = sum(fp[k] for k in pick)
        f_n = sum(fn[k] for k in pick)
        p = t / (t + f_p) if t + f_p else 0.0
        r = t / (t + f_n) if t + f_n else 0.0
        res[key] = (p, r, 2 * p * r / (p + r) if p + r else 0.0)
    return res


def with_model(path: Path | None):
    """A context in which ``find_entities`` (and the whole analysis) uses the tagger read
    from ``path`` (None: the shipped one)."""
    import contextlib

    from b2b_reader.core import entities
    from b2b_reader.core.ner_model import read_model

    @contextlib.contextmanager
    def ctx():
        if path is None:
            yield
            return
        model = read_model(path)
        saved = entities.load_model
        entities.load_model = lambda: model
        try:
            yield
        finally:
            entities.load_model = saved
    return ctx()


def report(label: str, golds, preds, secs: float | None = None) -> None:
    for key, (p, r, f) in score(golds, preds).items():
        print(f"{label:<16} {key:<7} {p:6.3f} {r:6.3f} {f:6.3f}")
    if secs is not None:
        print(f"{label:<16} ({secs:.2f} s)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="sentences per dataset")
    ap.add_argument("--model", action="append", type=Path, default=[], metavar="PATH",
                    help="also score the tagger in this model file (e.g. the previous one, "
                         "from `git show main:tui/b2b_reader/data/ner_model.npz`); repeatable")
    ap.add_argument("--baselines", action="store_true", help="also raw rjieba.tag and jieba.posseg")
    ap.add_argument("--only", default="", help="comma-separated datasets (news,pd,cluener,weibo)")
    ap.add_argument("--cv", action="store_true",
                    help="print only the held-out figures stored in the model")
    args = ap.parse_args()
    model = load_model()
    meta = "" if model is None else model_meta()
    print("tagger:", "none shipped (rules only)" if model is None else model_info(meta))
    cv = cv_figures(meta)
    if cv:
        label, figures = cv
        print(f"\n== stored in the model file: {label}")
        for corpus, by_type in figures.items():
            for key, (p, r, f) in by_type.items():
                print(f"{corpus:<13} {key:<7} {p:6.3f} {r:6.3f} {f:6.3f}")
    if args.cv:
        return
    taggers = [("ours", None)] + [(f"ours[{p.stem}]", p) for p in args.model]
    only = set(filter(None, args.only.split(",")))
    if not only or "news" in only:
        from ner_news import news_preds

        print("\n== news_business_dev: 12 whole articles through pipeline.analyze "
              "(file offsets, exact span and type)")
        print(f"{'system':<16} {'type':<7} {'P':>6} {'R':>6} {'F1':>6}")
        for label, path in taggers:
            with with_model(path):
                t0 = time.perf_counter()
                _ids, golds, preds = news_preds()
                report(label, golds, preds, time.perf_counter() - t0)
    systems = [(label, lambda t, path=path: _with(path, t)) for label, path in taggers]
    systems.append(("rules", lambda t: ours(t, "rules")))
    if args.baselines:
        systems.append(("rjieba.tag", lambda t: raw_tags(t, rjieba.tag)))
        tagger = posseg_tagger()
        systems.append(("jieba.posseg", lambda t: raw_tags(t, tagger)))
    for name in DATASETS:
        if only and {"peoples_daily_dev": "pd"}.get(name, name.split("_")[0]) not in only:
            continue
        texts, golds = load(name, args.limit)
        if name == "cluener_train":  # held out: the trainer never learns from these
            keep = [i for i in range(len(texts)) if i % HELD_OUT_EVERY == HELD_OUT_EVERY - 1]
            texts, golds = [texts[i] for i in keep], [golds[i] for i in keep]
            name = f"cluener_heldout (every {HELD_OUT_EVERY}th sentence)"
        print(f"\n== {name}: {len(texts)} sentences, {sum(map(len, golds))} gold entities")
        print(f"{'system':<16} {'type':<7} {'P':>6} {'R':>6} {'F1':>6}")
        for sys_name, fn in systems:
            t0 = time.perf_counter()
            preds = fn(texts)
            report(sys_name, golds, preds, time.perf_counter() - t0)


def _with(path: Path | None, texts: list[str]) -> list[set]:
    with with_model(path):
        return ours(texts)


if __name__ == "__main__":
    main()
