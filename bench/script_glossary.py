"""What exact Taiwan-phrasing maps and word-bounded glossary matching cost; prints figures.

    PYTHONPATH=tui python bench/script_glossary.py [characters]

On the document of ``bench/make_big.py`` (~300k characters by default): every paragraph of
the standard, Taiwan and Taiwan-phrasing views (the last cut exactly around every phrase
OpenCC replaces), and the glossary over the canonical text with and without the
word-boundary check, plus the one-off cost of the glossary-aware segmenter (built once per
process, and holding the GIL while it is built). Medians of 3 runs.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import make_big  # noqa: E402

from b2b_reader.core import glossary as glossary_module  # noqa: E402
from b2b_reader.core import pipeline, words  # noqa: E402
from b2b_reader.core.glossary import TermMatcher, find_terms, load_glossary  # noqa: E402
from b2b_reader.core.script import CONFIGS, converter  # noqa: E402


def _median(run, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        run()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    target = int(sys.argv[1]) if len(sys.argv) > 1 else 300_000
    loaded = pipeline.load_text(make_big.make(target), "big.md")
    chars = loaded.document.char_count
    for config in {*CONFIGS.values(), "tw2s"}:
        converter(config)  # built before timing (s2twp: ~70 ms)
    print(f"document: {chars:,} characters, {len(loaded.document.paragraphs):,} paragraphs")
    for variant in ("std", "tw", "twp"):
        def build(variant=variant):
            views = pipeline.make_views(loaded.document)
            for i in range(len(views)):
                views.get("traditional", variant, i)
        seconds = _median(build)
        print(f"view traditional/{variant}: {seconds:.3f} s ({chars / seconds / 1e6:.2f} M chars/s)")

    paragraphs = pipeline.make_views(loaded.document).all_canonical()
    glossary = load_glossary()
    glossary.matcher  # compiled before timing
    forms = frozenset(f for t in glossary for f in t.forms if glossary_module._HAN.search(f))
    words._segmenter.cache_clear()
    t = time.perf_counter()
    words._segmenter(forms)
    print(f"glossary-aware segmenter built once per process: {time.perf_counter() - t:.3f} s")
    plain = _median(lambda: TermMatcher.find(glossary.matcher, paragraphs))
    bounded = _median(lambda: find_terms(paragraphs, glossary))
    n_plain = len(TermMatcher.find(glossary.matcher, paragraphs))
    n_bounded = len(find_terms(paragraphs, glossary))
    print(f"glossary, no boundary check: {plain:.3f} s, {n_plain:,} matches")
    print(f"glossary, word boundaries:   {bounded:.3f} s, {n_bounded:,} matches "
          f"(+{(bounded - plain) / chars * 1e6:.2f} s per million characters)")


if __name__ == "__main__":
    main()
