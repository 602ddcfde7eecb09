"""First frame of a saved web page against the same article as text (target: within 1.3x).

The article is a whole one of ``shared/eval/news_business_dev``; the page is that article in
a portal's page shape (``bench/html_pages.py``), saved as GBK with a gb2312 declaration, as
Chinese portals serve it. Both are opened in a pseudo-terminal, runs alternated, after one
untimed open each (bytecode, parsed-document and view caches filled, as on a second open;
``--cold`` clears the cache before every run: the first open of each, trafilatura included).
Prints the medians, the ratio of medians and the median of the paired ratios. On a first
open the page is extracted in a forked child while the reader is imported (``core/aside``),
which gains only with a second core free; ``--busy`` keeps one core busy with a spinning
process (``nice -n 0``) during the timed runs, as a loaded machine would, so that the figure
without that gain can be reproduced. The load averages before and after are printed.

    python bench/page_startup.py [--runs 7] [--article bdci2019fin-6d34daf9] [--cold] [--busy]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _pty import PtyProcess  # noqa: E402
from html_pages import ARTICLES, page_for  # noqa: E402
from startup import READER, child_env  # noqa: E402


def marker_for(document) -> bytes:
    """Four characters of the first paragraph written alike in both scripts (the reader may
    show a simplified article in traditional script, as its settings say)."""
    from b2b_reader.core import pipeline

    views = pipeline.make_views(document)
    simplified, traditional = document.paragraphs[0].text, views.get("traditional", "tw", 0).text
    for i in range(len(simplified) - 4):
        if simplified[i:i + 4] == traditional[i:i + 4] and all("\u4e00" <= c <= "\u9fff" for c in simplified[i:i + 4]):
            return simplified[i:i + 4].encode()
    raise SystemExit("no marker found in the first paragraph")


def first_frame(argv: list[str], marker: bytes, home: str) -> tuple[float, float]:
    """Seconds to the first frame, and the CPU seconds the reader (with any child it forked)
    spent by then (it is stopped at the first frame): the wall time depends much on the
    machine's load, the CPU time less."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = PtyProcess(argv, env=child_env(home))
    try:
        wall = proc.first_frame(marker, timeout=60)
    finally:
        proc.close()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--article", default="bdci2019fin-6d34daf9")
    parser.add_argument("--cold", action="store_true", help="clear the cache before every run")
    parser.add_argument("--busy", action="store_true", help="keep one core busy during the timed runs")
    args = parser.parse_args()
    from b2b_reader.core import pipeline

    source = ARTICLES / f"{args.article}.txt"
    document = pipeline.load_path(str(source)).document
    marker = marker_for(document)
    with tempfile.TemporaryDirectory() as work:
        text = Path(work, "article.txt")
        text.write_bytes(source.read_bytes())
        page = Path(work, "article.html")
        tag = '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
        page.write_bytes(page_for(document, charset_tag=tag).encode("gb18030"))
        page_size = page.stat().st_size
        home = str(Path(work, "home"))
        commands = {"text": [READER, str(text)], "page": [READER, str(page)]}
        for argv in commands.values():  # untimed: bytecode, document and view caches
            first_frame(argv, marker, home)
        times: dict[str, list[float]] = {name: [] for name in commands}
        cpu: dict[str, list[float]] = {name: [] for name in commands}
        load_before = os.getloadavg()
        spinner = subprocess.Popen(["nice", "-n", "0", sys.executable, "-c", "while True: pass"]) if args.busy else None
        try:
            for _ in range(args.runs):
                for name, argv in commands.items():
                    if args.cold:
                        shutil.rmtree(Path(home, "cache"), ignore_errors=True)
                    wall, spent = first_frame(argv, marker, home)
                    times[name].append(wall)
                    cpu[name].append(spent)
        finally:
            if spinner is not None:
                spinner.kill()
                spinner.wait()
        load_after = os.getloadavg()
    t, p = statistics.median(times["text"]), statistics.median(times["page"])
    state = "cold cache" if args.cold else "warm cache"
    loads = " / ".join(" ".join(f"{x:.2f}" for x in load) for load in (load_before, load_after))
    print(f"first frame of {args.article} ({document.char_count} characters, {len(document.paragraphs)} "
          f"paragraphs; page {page_size:,} bytes, GBK), "
          f"{state}, {'one core kept busy' if args.busy else 'no added load'}, "
          f"{os.cpu_count()} cores, load average before / after {loads}, median of {args.runs}:")
    for name in commands:
        print(f"  as {name:5s} {statistics.median(times[name]) * 1000:7.1f} ms   "
              f"(runs: {', '.join(f'{x * 1000:.0f}' for x in times[name])}); "
              f"CPU {statistics.median(cpu[name]) * 1000:.0f} ms")
    pairs = statistics.median(b / a for a, b in zip(times["text"], times["page"]))
    spent = statistics.median(cpu["page"]) / statistics.median(cpu["text"])
    print(f"  ratio page/text {p / t:5.2f} (median of paired ratios {pairs:.2f}; target <= 1.3); "
          f"CPU {spent:.2f}")


if __name__ == "__main__":
    main()
