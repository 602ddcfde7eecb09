"""Time from pressing enter (look up) to the senses on screen, in the reader; prints figures.

    PYTHONPATH=tui python bench/lookup_app.py

Each run starts a fresh reader (headless Pilot) on the default article with a warm
analysis cache, as on a second open, then looks up a word:

* "at once": enter pressed right after the first frame (the dictionary warm-up has not
  run: the worst case);
* "after 1 s": as a reader who looks at the text for a second before asking;
* "later": further lookups in the same reader.

Target (issue 4): first lookup ≤ 300 ms, later ≤ 5 ms. Runs in one process, so the
module imports are paid once; the first-ever index build is measured by bench/lookup.py.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import tempfile
import time

os.environ.setdefault("B2B_READER_HOME", tempfile.mkdtemp(prefix="b2b-bench-"))

from b2b_reader.app import ReaderApp  # noqa: E402
from b2b_reader.core import pipeline  # noqa: E402
from b2b_reader.screens.lookup import LookupScreen  # noqa: E402


async def one(delay: float, later: int = 0) -> list[float]:
    app = ReaderApp(pipeline.load_default())
    times = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(delay)
        for n in range(1 + later):
            app.screen.article.set_word(16, 2, 4) if n == 0 else app.screen.article.action_word_next()
            start = time.perf_counter()
            app.screen.action_lookup()  # what enter runs (pilot.press adds its own idle waits)
            while not (isinstance(app.screen, LookupScreen) and app.screen.is_mounted
                       and "looking up" not in str(app.screen.query_one("#lookup-senses").render())):
                await asyncio.sleep(0.001)
            times.append((time.perf_counter() - start) * 1000)
            await pilot.press("escape")
    return times


def main() -> None:
    asyncio.run(one(2.0))  # warm the analysis and dictionary caches on disk
    runs = 5
    at_once = [asyncio.run(one(0.0))[0] for _ in range(runs)]
    after = [asyncio.run(one(1.0))[0] for _ in range(runs)]
    later = asyncio.run(one(1.0, later=20))[1:]
    for name, values, target in (("first, at once", at_once, 300), ("first, after 1 s", after, 300),
                                 ("later", later, 5)):
        median = statistics.median(values)
        print(f"{name:18} median {median:7.1f} ms  max {max(values):7.1f} ms  "
              f"target {target} ms  ratio {median / target:.2f}")


if __name__ == "__main__":
    main()
