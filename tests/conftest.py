"""Shared fixtures: isolated state/config directories, the default document, seed paths."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    """Keep every test's settings, state and caches out of the real user directories."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("B2B_READER_HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    return home


@pytest.fixture(scope="session")
def seed_raw() -> str:
    """The raw default article from shared/ (present for developers and CI)."""
    path = SHARED / "seed" / "article-raw.txt"
    if not path.exists():
        pytest.skip(f"{path} is not here")
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def default_analysed():
    """The default article analysed (not cached: the session fixture runs before the
    per-test home is set), views cut at its annotations: (loaded, views, analysis)."""
    from b2b_reader.core import pipeline

    loaded = pipeline.load_default()
    views = pipeline.make_views(loaded.document)
    analysis = pipeline.analyze(loaded.document, views, use_cache=False)
    return loaded, pipeline.analysed_views(views, analysis), analysis
