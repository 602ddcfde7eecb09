"""Per-paragraph overhead: 100,000 one-character paragraphs against 1M characters of text.

Both documents go through what the reader does with a document, stage by stage, in this
process: clean and structure (``load_text``, uncached), canonical text, the analysis
(``use_cache=False``), the views cut at it, spans grouped, and one traditional view of
every paragraph. A stage much slower on the short paragraphs than on 10x their text pays
per paragraph. ``--profile`` prints the top functions of the short-paragraph run.

    python bench/paragraphs.py [--count 100000] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_big import make  # noqa: E402

#: Common characters, each a paragraph of its own (a list of one-character lines).
CHARS = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道"


def stages(text: str, name: str) -> dict[str, float]:
    from b2b_reader.core import pipeline

    times: dict[str, float] = {}

    def timed(label: str, work):
        t0 = time.perf_counter()
        value = work()
        times[label] = time.perf_counter() - t0
        return value

    loaded = timed("load", lambda: pipeline._parse(text, name))
    views = timed("canonical", lambda: (v := pipeline.make_views(loaded), v.all_canonical())[0])
    analysis = timed("analysis", lambda: pipeline.analyze(loaded, views, use_cache=False))
    cut = timed("cut+group", lambda: (pipeline.analysed_views(views, analysis), analysis.by_paragraph(),
                                      analysis.entity_groups())[0])
    timed("tw view", lambda: [cut.get("traditional", "tw", i) for i in range(len(cut))])
    times["paragraphs"] = len(loaded.paragraphs)
    return times


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=100_000)
    ap.add_argument("--profile", action="store_true")
    args = ap.parse_args()
    os.environ.setdefault("B2B_READER_HOME", tempfile.mkdtemp(prefix="b2b-paragraphs-"))
    short = "\n\n".join(CHARS[i % len(CHARS)] for i in range(args.count))
    stages("热身。\n\n阿里巴巴发布财报。", "warm.txt")  # dictionaries and models loaded first
    profile = cProfile.Profile() if args.profile else None
    if profile:
        profile.enable()
    few = stages(short, "short.txt")
    if profile:
        profile.disable()
    many = stages(make(), "big.md")
    print(f"{'stage':10s} {few['paragraphs']:>9,} x 1 char  {many['paragraphs']:>6,} paragraphs, 1M chars")
    for stage in ("load", "canonical", "analysis", "cut+group", "tw view"):
        print(f"{stage:10s} {few[stage]:13.2f} s  {many[stage]:13.2f} s")
    if profile:
        pstats.Stats(profile).sort_stats("tottime").print_stats(20)


if __name__ == "__main__":
    main()
