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


def _wait_for_view(views, script: str, variant: str) -> bool:
    import time

    for _ in range(600):  # the child writes it after sending the result: wait for it
        fresh = pipeline.make_views(views.document)
        if pipeline.restore_view(fresh, script, variant):
            return True
        time.sleep(0.05)
    return False


def test_the_analysis_child_caches_the_view_cut_at_its_result():
    loaded = pipeline.load_default()
    views = pipeline.make_views(loaded.document)
    analysis = pipeline.analyze(loaded.document, views, isolated=True, keep_view=("traditional", "twp"))
    assert _wait_for_view(views, "traditional", "twp")
    restored = pipeline.make_views(loaded.document)
    pipeline.restore_view(restored, "traditional", "twp")
    cut = pipeline.analysed_views(views, analysis)
    assert [restored.get("traditional", "twp", i) for i in range(len(cut))] == \
        [cut.get("traditional", "twp", i) for i in range(len(cut))]
    # A cached analysis whose view is not cached yet: a child writes the view alone.
    again = pipeline.analyze(loaded.document, views, isolated=True, keep_view=("traditional", "hk"))
    assert again.spans == analysis.spans
    assert _wait_for_view(views, "traditional", "hk")
