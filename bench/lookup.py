"""Benchmark word lookup and glossary matching; prints figures (not a test).

    PYTHONPATH=tui python bench/lookup.py

* first lookup in a fresh subprocess, import included: with no index yet (it is built),
  then with the index cached; for a word CC-CEDICT reads one way (批发) and for one that
  needs pypinyin (行, two readings);
* the median of later lookups in one process;
* glossary load and find_terms throughput on ~1M characters.

The subprocesses use a temporary XDG_CACHE_HOME, so the user's cache is not touched.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = Path("/work/shared/eval/articles_dev.jsonl")

FIRST = """
import time
t = time.perf_counter()
from b2b_reader.core.dictionary import lookup
r = lookup({word!r})
print(time.perf_counter() - t, r.pinyin, r.pinyin_source)
"""


def first_lookup(word: str, env: dict[str, str]) -> tuple[float, str]:
    out = subprocess.run(
        [sys.executable, "-c", FIRST.format(word=word)],
        env=env, capture_output=True, text=True, check=True,
    ).stdout.split()
    return float(out[0]), " ".join(out[1:])


def bench_first(runs: int = 5) -> None:
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "XDG_CACHE_HOME": cache, "PYTHONPATH": str(ROOT / "tui")}
        cold, what = first_lookup("批发", env)
        print(f"first lookup, no index yet (builds it): {cold * 1000:7.1f} ms  批发 → {what}")
        for word in ("批发", "行"):
            times = [first_lookup(word, env) for _ in range(runs)]
            ms = statistics.median(t for t, _ in times) * 1000
            print(f"first lookup, index cached, median of {runs}: {ms:7.1f} ms  {word} → {times[0][1]}")


def bench_later() -> None:
    from b2b_reader.core.dictionary import lookup
    from b2b_reader.core.glossary import load_glossary

    words = [t.term for t in load_glossary() if not t.term.isascii()]
    words += ["银行", "行业", "批發", "銀行", "阿里巴巴", "淘宝", "消费者", "的", "行", "长"]
    lookup("行")  # load pypinyin once: later lookups are what is measured here
    times = []
    for word in words * 3:
        t = time.perf_counter()
        lookup(word)
        times.append(time.perf_counter() - t)
    times.sort()
    print(
        f"later lookups ({len(times)}): median {statistics.median(times) * 1000:.3f} ms, "
        f"p95 {times[int(len(times) * 0.95)] * 1000:.3f} ms, max {times[-1] * 1000:.3f} ms"
    )


def corpora() -> dict[str, list[str]]:
    import opencc

    t2s = opencc.OpenCC("t2s").convert
    md = resources.files("b2b_reader.data").joinpath("article-1688.md").read_text("utf-8")
    article = [t2s(p.strip()) for p in md.split("---", 2)[2].split("\n\n") if p.strip()]
    out = {"default article": article}
    if EVAL.is_file():
        news = []
        for line in EVAL.read_text("utf-8").splitlines():
            text = json.loads(line).get("text", "")
            news += [t2s(p) for p in text.split("\n") if p.strip()]
        out["articles_dev (news, encyclopedia)"] = news
    return out


def bench_matching() -> None:
    from b2b_reader.core.glossary import find_terms, load_glossary

    t = time.perf_counter()
    glossary = load_glossary()
    loaded = time.perf_counter() - t
    t = time.perf_counter()
    glossary.matcher
    compiled = time.perf_counter() - t
    print(f"glossary: {len(glossary)} terms, load {loaded * 1000:.1f} ms, "
          f"regex build {compiled * 1000:.1f} ms")
    for name, paragraphs in corpora().items():
        size = sum(map(len, paragraphs))
        if not size:
            continue
        big = paragraphs * (1_000_000 // size + 1)
        chars = sum(map(len, big))
        runs = []
        for _ in range(3):
            t = time.perf_counter()
            spans = find_terms(big, glossary)
            runs.append(time.perf_counter() - t)
        best = min(runs)
        print(f"find_terms on {chars:,} chars of {name}: {best * 1000:.0f} ms, "
              f"{chars / best / 1e6:.1f} M chars/s, {len(spans):,} spans")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "tui"))
    bench_first()
    bench_later()
    bench_matching()
