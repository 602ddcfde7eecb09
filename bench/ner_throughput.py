"""Throughput of ``find_entities`` on a ~1M-character simplified document.

The document is built from the eval articles and sentences (traditional ones converted
with OpenCC t2s), cut into paragraphs of ~200-600 characters as a reader would see.
Prints chars/s, time for lexicon load and first call, and peak memory. ``--names``
chooses where names beyond the lexicon come from (as ``find_entities`` does: ``auto``
tags documents up to 300,000 characters with the model, longer ones with the rules);
``--names model`` and ``--names rules`` on the same document give the tagger's cost.

``--analyze`` times the whole ``pipeline.analyze`` (use_cache=False) of the document
as one text file instead, cold (the first analysis of a process: jieba, the lexicon, the
model, CC-CEDICT's table from the cache) and warm, wall and CPU time: the 20,000-character
article of issue 15 must take under a second.

    PYTHONPATH=tui python bench/ner_throughput.py [--chars 1000000] [--names auto|model|rules]
    PYTHONPATH=tui python bench/ner_throughput.py --chars 20000 --analyze
"""

from __future__ import annotations

import argparse
import json
import resource
import time
import tracemalloc
from pathlib import Path

import opencc

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"


def build_document(target: int) -> list[str]:
    """Paragraphs totalling about ``target`` characters of simplified text."""
    t2s = opencc.OpenCC("t2s")
    pieces: list[str] = []
    with (EVAL / "articles_dev.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            pieces += [p for p in t2s.convert(json.loads(line)["text"]).split("\n") if p.strip()]
    for name in ("ner_peoples_daily_dev.jsonl", "ner_cluener_train.jsonl"):
        with (EVAL / name).open(encoding="utf-8") as fh:
            buf = ""
            for line in fh:
                buf += json.loads(line)["text"]
                if len(buf) > 300:
                    pieces.append(buf)
                    buf = ""
    paragraphs, total, i = [], 0, 0
    while total < target:
        p = pieces[i % len(pieces)]
        paragraphs.append(p)
        total += len(p)
        i += 1
    return paragraphs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--chars", type=int, default=1_000_000)
    ap.add_argument("--names", choices=("auto", "model", "rules"), default="auto")
    ap.add_argument("--analyze", action="store_true", help="time the whole pipeline.analyze")
    args = ap.parse_args()
    paragraphs = build_document(args.chars)
    chars = sum(map(len, paragraphs))
    if args.analyze:
        return analyze(paragraphs, chars)

    t0 = time.perf_counter()
    from b2b_reader.core.entities import find_entities
    from b2b_reader.core.lexicon import load_lexicon

    lexicon = load_lexicon()
    t1 = time.perf_counter()
    # warm: regex, jieba dict, the model and its feature tables
    find_entities(["阿里巴巴的1688在2023年增长了50%。"], lexicon, names=args.names)
    t2 = time.perf_counter()
    spans = find_entities(paragraphs, lexicon, names=args.names)
    t3 = time.perf_counter()
    print(f"document: {chars:,} chars in {len(paragraphs):,} paragraphs")
    print(f"import + load_lexicon: {t1 - t0:.3f} s; first call (warm-up): {t2 - t1:.3f} s")
    print(f"find_entities: {t3 - t2:.2f} s, {chars / (t3 - t2):,.0f} chars/s, {len(spans):,} spans")
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")

    tracemalloc.start()
    find_entities(paragraphs, lexicon, names=args.names)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"peak Python allocations during find_entities (tracemalloc): {peak / 2**20:.1f} MiB")


def analyze(paragraphs: list[str], chars: int) -> None:
    from b2b_reader.core import pipeline

    loaded = pipeline.load_text("\n\n".join(paragraphs), "bench.txt")
    for label in ("cold", "warm", "warm"):
        views = pipeline.make_views(loaded.document)
        t0, c0 = time.perf_counter(), time.process_time()
        analysis = pipeline.analyze(loaded.document, views, use_cache=False)
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        print(f"pipeline.analyze, {label}: {wall:.3f} s wall, {cpu:.3f} s CPU "
              f"({chars:,} chars, {len(analysis.spans):,} spans)")


if __name__ == "__main__":
    main()
