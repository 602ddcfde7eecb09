"""The first frame comes before the heavy libraries: segmentation, the model, conversion
tables, pinyin and HTML extraction are imported after it, or when first used.

Each of them costs tens to hundreds of milliseconds to import; one imported by accident
at start-up (a module-level import in a widget, say) would slow every start and no other
test would notice. Run in fresh processes, as a user starts the reader, with the cache
warm (the second opening of a document).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

HEAVY = ("jieba", "rjieba", "numpy", "opencc", "pypinyin", "trafilatura", "sklearn_crfsuite", "pycrfsuite")
#: Our own modules the first frame does not need: the cleaning code (a cached document
#: comes cleaned), the side panels, the outline's list, the search bar and the dialogs
#: (built, and their styles parsed, when first used), argparse (a bare ``b2b-reader``).
LATER = ("argparse", "b2b_reader.core.cleaning", "b2b_reader.core.source", "b2b_reader.core.analysis_json",
         "b2b_reader.widgets.option_list", "b2b_reader.widgets.outline", "b2b_reader.widgets.side",
         "b2b_reader.widgets.entity_panel", "b2b_reader.widgets.glossary_panel",
         "b2b_reader.widgets.timeline_panel", "b2b_reader.widgets.search_bar",
         "b2b_reader.screens.dialogs", "b2b_reader.screens.help", "b2b_reader.screens.lookup",
         "b2b_reader.screens.library")

_WARM = """
import asyncio
from b2b_reader.app import ReaderApp
from b2b_reader.core import pipeline

async def main():
    app = ReaderApp(pipeline.load_default())
    async with app.run_test() as pilot:
        for _ in range(400):
            if app.screen.analysis is not None:
                break
            await pilot.pause(0.05)
        assert app.screen.analysis is not None
asyncio.run(main())
"""

_FIRST_FRAME = """
import json, sys
from b2b_reader.app import ReaderApp
from b2b_reader.core import pipeline

HEAVY, LATER = %r, %r
loaded, shown = [], []
def on_ready(self):  # Textual sends Ready once the first frame is out
    loaded.extend(sorted({m.split(".")[0] for m in sys.modules} & set(HEAVY)))
    loaded.extend(sorted(set(sys.modules) & set(LATER)))
    shown.append(self.screen.article.render_line(0).text)
    self.exit()
ReaderApp.on_ready = on_ready
app = ReaderApp(pipeline.load_default())
app.run(headless=True, size=(100, 30))
print(json.dumps({"loaded": loaded, "shown": shown}))
"""


def _run(code: str, home) -> str:
    env = {**os.environ, "B2B_READER_HOME": str(home)}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_no_heavy_library_nor_later_part_is_imported_before_the_first_frame(tmp_path):
    _run(_WARM, tmp_path)  # analysed once: the view is cached, as on any later opening
    result = json.loads(_run(_FIRST_FRAME % (HEAVY, LATER), tmp_path).strip().splitlines()[-1])
    assert result["shown"][0].startswith("▌ 雙11")  # the frame had the article in it
    assert result["loaded"] == []
