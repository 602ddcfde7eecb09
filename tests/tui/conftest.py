"""Helpers for Pilot tests: the app on the default article and what is on screen."""

from __future__ import annotations

import pytest

from b2b_reader.app import ReaderApp
from b2b_reader.core import pipeline


def article_lines(app: ReaderApp) -> list[str]:
    """The article's rows as the user sees them (text only)."""
    article = app.screen.query_one("#article")
    return [article.render_line(y).text.rstrip() for y in range(article.size.height)]


def status_text(app: ReaderApp) -> str:
    """The status line's text."""
    return str(app.screen.query_one("#info").status)


async def wait_for_analysis(pilot) -> None:
    """Let the analysis worker finish, so what is shown is final."""
    for _ in range(200):
        if getattr(pilot.app.screen, "analysis", None) is not None:
            break
        await pilot.pause(0.05)
    await pilot.pause()


@pytest.fixture
def default_app() -> ReaderApp:
    return ReaderApp(pipeline.load_default())


async def wait_for(pilot, condition, tries: int = 120) -> None:
    """Let the app run until ``condition()`` holds (workers, mounts, timers), or fail."""
    for _ in range(tries):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError("condition not met")
