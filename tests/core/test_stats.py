"""Reading statistics."""

from __future__ import annotations

from b2b_reader.core import pipeline
from b2b_reader.core.models import Document, Paragraph, Section
from b2b_reader.core.stats import SPEED, describe, reading_stats


def test_default_article_counts():
    loaded = pipeline.load_default()
    views = pipeline.make_views(loaded.document)
    stats = reading_stats(loaded.document, views.all_canonical())
    assert (stats.paragraphs, stats.captions, stats.sections) == (40, 3, 4)
    assert stats.characters == sum(len(p.text) for p in loaded.document.paragraphs)
    assert 0.7 * stats.characters < stats.han < stats.characters  # digits, Latin, punctuation
    assert stats.han / 3 < stats.words < stats.han  # most words have one to three characters
    assert 6 < stats.minutes < 10 and stats.minutes_range[0] < stats.minutes < stats.minutes_range[1]
    line = describe(stats)
    assert "40 paragraphs + 3 captions" in line and "about 8 min" in line


def test_reading_time_counts_han_characters_and_latin_words():
    text = "阿里巴巴的GMV增长了30%。"
    document = Document("t", None, False, "", "simplified", (Section(0, None, (0,)),),
                        (Paragraph(0, 0, "body", text * 100),))
    stats = reading_stats(document)
    # 8 Han characters, plus GMV and 30 as one unit each, per repetition
    assert stats.han == 800
    assert stats.minutes == (800 + 200) / SPEED == 2.5
    assert stats.words >= 600  # 阿里巴巴 的 GMV 增长 了 30 at least
    assert describe(stats).startswith("1,500 characters (800 Han)")
