"""The fuzz: random keys with resizes, fixed seeds, on the default article, a hostile
document and a filtered view. The reader never stops, and never lets an escape out."""

from __future__ import annotations

import asyncio
import random
import unicodedata

import pytest
from textual import events
from textual.keys import REPLACED_KEYS, _character_to_key, _get_unicode_name_from_key

from b2b_reader.app import ReaderApp
from b2b_reader.core import pipeline

from .conftest import wait_for_analysis
from .test_hostile import OSC2, OSC52, assert_inert, drawn

KEYS = ["j", "k", "l", "h", "space", "b", "g", "G", "right_square_bracket", "left_square_bracket",
        "t", "T", "s", "o", "f", "i", "n", "N", "H", *"12345678", "d", "m", "apostrophe", "enter",
        "escape", "tab", "shift+tab", "question_mark", "up", "down", "left", "right", "pagedown",
        "pageup", "home", "end", "D", "F", "x", "0", "slash", "p", "P", "w", "c", "C", "v", "backspace"]
SIZES = [(20, 5), (40, 12), (80, 24), (100, 30), (160, 45), (33, 7)]
#: A resize is one action in this many.
RESIZE_EVERY = 12

HOSTILE = (f"# [bold]標題[/] {OSC2}\n\n第一段 [@click=app.quit]點[/] 淘寶和天貓{OSC52}，今年3月。\n\n"
           + "很長的段落，淘寶，" * 120 + "\n\n## 第二節\x9b2J\n\n最後一段，2023年10月下旬，淘寶。\n\n\n")


async def _type(pilot, keys: list[str]) -> None:
    """Send ``keys`` as the terminal would, as fast as they come: Pilot's ``press`` waits for
    the app to be idle after each key (~80 ms each on a busy machine), a fast typist does not."""
    app = pilot.app
    for i, key in enumerate(keys):
        name = _character_to_key(key) if len(key) == 1 and not key.isalnum() else key
        try:
            char = unicodedata.lookup(_get_unicode_name_from_key(REPLACED_KEYS.get(name, name)))
        except KeyError:
            char = name if len(name) == 1 else None
        event = events.Key(name, char)
        event.set_sender(app)
        app._driver.send_message(event)
        await asyncio.sleep(0)
        if i % 8 == 7:
            await pilot.pause()
    await pilot.pause()


async def _fuzz(loaded, seed: int, count: int, filtered: bool = False) -> None:
    rng = random.Random(seed)
    app = ReaderApp(loaded)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_analysis(pilot)
        if filtered:  # a search kept, then F: the keys run on the filtered view
            await pilot.press("slash", *"淘寶", "enter", "F")
            assert app.screen.article.only is not None
        keys: list[str] = []
        for step in range(count + 1):
            if step == count or rng.randrange(RESIZE_EVERY) == 0:
                await _type(pilot, keys)  # the keys since the last resize, then the resize
                assert app.is_running, f"the reader stopped during {keys} (seed {seed})"
                keys = []
                await pilot.resize_terminal(*rng.choice(SIZES))
            else:
                keys.append(rng.choice(KEYS))
        await pilot.press("escape", "escape", "escape")
        await pilot.pause()
        assert app.is_running
        assert_inert(drawn(app))


@pytest.fixture(scope="module")
def _fuzz_home(tmp_path_factory):
    return tmp_path_factory.mktemp("fuzz-home")


@pytest.fixture(autouse=True)
def _shared_caches(_fuzz_home, monkeypatch):
    """One home for the three runs: analyses and the dictionary index are cached once
    (what is fuzzed is the reader, not the first analysis)."""
    monkeypatch.setenv("B2B_READER_HOME", str(_fuzz_home))


@pytest.mark.parametrize("seed", [17])
async def test_fuzz_on_the_default_article(seed):
    await _fuzz(pipeline.load_default(), seed, 200)


@pytest.mark.parametrize("seed", [18])
async def test_fuzz_on_a_hostile_document(seed):
    await _fuzz(pipeline.load_text(HOSTILE, "hostile\x1b]2;x\x07.md"), seed, 200)


@pytest.mark.parametrize("seed", [19])
async def test_fuzz_on_a_filtered_view(seed):
    await _fuzz(pipeline.load_text(HOSTILE, "filtered.md"), seed, 200, filtered=True)
