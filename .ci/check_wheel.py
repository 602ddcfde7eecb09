"""Check an installed wheel: its analysis JSON is sane and the app shows the article."""

from __future__ import annotations

import asyncio
import json
import os
import sys
import tempfile

# A fresh home: a reading position saved by an earlier run on this machine would open the
# article elsewhere than at its start.
os.environ["B2B_READER_HOME"] = tempfile.mkdtemp(prefix="b2b-reader-ci-")

import b2b_reader
from b2b_reader.app import ReaderApp
from b2b_reader.core import pipeline


async def start() -> None:
    app = ReaderApp(pipeline.load_default())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        article = app.screen.query_one("#article")
        lines = "".join(strip.text for strip in (article.render_line(y) for y in range(article.size.height)))
        assert "雙11激戰正酣" in lines, "article text not on screen"
        # annotations.tcss ships and styles the entities (organisations are bold)
        assert article.get_component_rich_style("article--org").bold, "annotation styles missing"


def main() -> None:
    assert "site-packages" in b2b_reader.__file__, b2b_reader.__file__
    data = json.load(open(sys.argv[1], encoding="utf-8"))
    assert len(data["paragraphs"]) == 43, len(data["paragraphs"])
    from b2b_reader.core import ner_model

    # Without its weights the tagger silently falls back to the rules: the file must ship.
    assert ner_model.load_model() is not None, "ner_model.npz missing from the wheel"
    asyncio.run(start())
    print("installed wheel starts and shows the article")


if __name__ == "__main__":
    main()
