"""Cache keys follow the packaged data, the package version and the libraries."""

from __future__ import annotations

import shutil

import pytest

import b2b_reader
from b2b_reader.core import pipeline, provenance


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    """The packaged data folder copied, and the package pointed at the copy."""
    from b2b_reader import data

    copy = tmp_path / "data"
    shutil.copytree(data.HERE, copy)
    monkeypatch.setattr(data, "HERE", copy)  # the loaders and the digest read this folder
    provenance.packaged_digest.cache_clear()
    yield copy
    provenance.packaged_digest.cache_clear()


def _keys(loaded) -> tuple[str, str, str]:
    views = pipeline.make_views(loaded.document)
    overlays = [pipeline.user_file("lexicon.toml"), pipeline.user_file("glossary.toml")]
    return (pipeline.analysis_key(loaded.document, None, overlays),
            pipeline._views_key(views, "traditional", "tw"),
            provenance.packaged_digest())


@pytest.mark.parametrize("name", ["glossary.toml", "lexicon.toml", "ner_model.npz"])
def test_a_changed_data_file_changes_every_key(data_copy, name):
    loaded = pipeline.load_text("京东集团首席执行官许冉表示，用户规模持续增长。", "a.txt")
    before = _keys(loaded)
    assert _keys(loaded) == before  # stable while nothing changes
    path = data_copy / name
    path.write_bytes(path.read_bytes() + b"\n# changed\n" if name.endswith(".toml") else path.read_bytes()[::-1])
    provenance.packaged_digest.cache_clear()  # a new process
    after = _keys(loaded)
    assert all(a != b for a, b in zip(before, after))


def test_a_changed_glossary_with_the_same_stat_is_still_seen(data_copy):
    """The memo under the files' stat signature never hides a rewrite: a rewrite changes
    size, time or inode, and a new signature means hashing the contents again."""
    glossary = data_copy / "glossary.toml"
    first = provenance.packaged_digest()
    text = glossary.read_bytes()
    glossary.write_bytes(text.replace(b"listed company", b"listed companz"))  # same size
    provenance.packaged_digest.cache_clear()
    assert provenance.packaged_digest() != first


def test_the_package_version_is_in_the_key(data_copy, monkeypatch):
    first = provenance.packaged_digest()
    monkeypatch.setattr(b2b_reader, "__version__", "99.0")
    provenance.packaged_digest.cache_clear()
    assert provenance.packaged_digest() != first


def test_a_stale_cached_analysis_is_not_reused_after_a_data_change(data_copy):
    """Reproduces issue 18's finding: a changed glossary entry shows without deleting the cache."""
    loaded = pipeline.load_text("他做跨境电商多年。", "a.txt")
    views = pipeline.make_views(loaded.document)
    first = pipeline.analyze(loaded.document, views)
    assert "跨境电商" in [g.term for g in first.glossary]
    glossary = data_copy / "glossary.toml"
    text = glossary.read_text(encoding="utf-8")
    assert 'term = "跨境电商"' in text
    glossary.write_text(text.replace('term = "跨境电商"', 'term = "跨境电子商务"'), encoding="utf-8")
    provenance.packaged_digest.cache_clear()  # a new process, after the upgrade
    second = pipeline.analyze(loaded.document, pipeline.make_views(loaded.document))
    assert "跨境电商" not in [g.term for g in second.glossary]
