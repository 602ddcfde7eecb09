"""``b2b-reader analyze --json`` of a big document as a whole process, against plain
``jieba.lcut`` of the same text (also a whole process: start, dictionary, segmentation).

The analysis is cached first (one untimed run), so what is timed is what every later run
pays: start-up, loading the cached document and analysis, converting the views, building
the JSON object, encoding and writing it. Target (issue 18): ratio <= 0.5.

    python bench/analyze_json.py [--chars 1000000] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_big import make  # noqa: E402

READER = str(Path(sys.executable).with_name("b2b-reader"))
JIEBA = "import sys, jieba; jieba.setLogLevel(60); jieba.lcut(open(sys.argv[1], encoding='utf-8').read())"


def timed(argv: list[str], env: dict) -> float:
    start = time.perf_counter()
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        path = Path(home) / "big.md"
        path.write_text(make(args.chars), encoding="utf-8")
        env = {**os.environ, "B2B_READER_HOME": home}
        analyze = [READER, "analyze", "--json", str(path)]
        jieba = [sys.executable, "-c", JIEBA, str(path)]
        timed(analyze, env), timed(jieba, env)  # the analysis and jieba's dictionary cached
        ours = min(timed(analyze, env) for _ in range(args.runs))
        plain = min(timed(jieba, env) for _ in range(args.runs))
    print(f"{args.chars:,} characters, best of {args.runs}: analyze --json {ours:.2f} s, "
          f"jieba.lcut process {plain:.2f} s, ratio {ours / plain:.2f} (target <= 0.5)")


if __name__ == "__main__":
    main()
