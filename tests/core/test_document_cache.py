"""The disk cache of cleaned documents: a second open skips cleaning."""

from __future__ import annotations

from b2b_reader.core import cache, formats, pipeline
from b2b_reader.core.models import Document

TEXT = "# 標題\n\n阿里巴巴在杭州\x07。\n\n## 第一節\n\n第二段。\n\n（圖片來源：網絡）\n"


def _entries() -> list:
    return sorted((cache.cache_dir() / "documents").glob("*.json"))


def test_a_cleaned_document_comes_back_without_cleaning(monkeypatch):
    first = pipeline.load_text(TEXT, "note.md")
    assert "阿里巴巴在杭州\ufffd。" in [p.text for p in first.document.paragraphs]  # cleaned
    assert len(_entries()) == 1

    def no_parse(*args, **kwargs):
        raise AssertionError("cleaned again")

    monkeypatch.setattr(formats, "parse", no_parse)
    again = pipeline.load_text(TEXT, "note.md")
    assert again == first
    assert [s.title for s in again.document.sections] == [s.title for s in first.document.sections]


def test_a_different_text_or_name_is_cleaned_afresh():
    pipeline.load_text(TEXT, "note.md")
    other = pipeline.load_text(TEXT.replace("第二段", "第三段"), "note.md")
    assert "第三段。" in [p.text for p in other.document.paragraphs]
    renamed = pipeline.load_text("第二段。\n", "a.txt")
    assert renamed.document.title == "a.txt"
    assert len(_entries()) == 3


def test_a_damaged_entry_is_cleaned_again():
    expected = pipeline.load_text(TEXT, "note.md")
    for path in _entries():
        path.write_text('{"meta": [1, 2], "sections": "x"}', encoding="utf-8")
    assert pipeline.load_text(TEXT, "note.md") == expected


def test_the_default_article_round_trips_with_its_pinyin():
    document = pipeline.load_default().document
    assert document.pinyin  # the hints the seed carried
    assert Document.from_json(document.to_json()) == document
    noted = document._replace(warnings=("a note",), date="2023-11-02", date_inferred=False)
    assert Document.from_json(noted.to_json()) == noted
    assert pipeline.load_default().document == document  # now from the cache
    assert Document.from_json({"meta": []}) is None
