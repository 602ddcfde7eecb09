"""The disk cache of whole views: the next open's first frame needs no OpenCC."""

from __future__ import annotations

from b2b_reader.core import cache, pipeline


def test_a_stored_view_comes_back_and_is_written_once(monkeypatch):
    loaded = pipeline.load_default()
    views = pipeline.make_views(loaded.document)
    fresh = pipeline.make_views(loaded.document)
    assert not pipeline.restore_view(fresh, "traditional", "tw")  # nothing cached yet
    pipeline.store_view(views, "traditional", "tw")
    again = pipeline.make_views(loaded.document)
    assert pipeline.restore_view(again, "traditional", "tw")
    assert again.get("traditional", "tw", 0).text == views.get("traditional", "tw", 0).text
    # Opening the same document again must not re-export and rewrite the same view.
    writes = []
    monkeypatch.setattr(cache, "store", lambda *args: writes.append(args) or True)
    pipeline.store_view(again, "traditional", "tw")
    assert writes == []
    pipeline.store_view(again, "simplified", "std")  # another view is still stored
    assert len(writes) == 1
