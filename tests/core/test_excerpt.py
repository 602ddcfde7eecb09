"""Annotated excerpts of the default article: passage, citation, entities, terms, dates."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from b2b_reader.core import pipeline
from b2b_reader.core.excerpt import build_excerpt, md_escape, render
from b2b_reader.core.models import Document, Paragraph, Section
from b2b_reader.core.script import Views

# Paragraph indices (0-based) of the default article used below.
YU_YONG = 10  # 今年1月,1688总裁余涌(花名:朴初 )…
MARCH = 17  # …今年3月,淘特传出内部业务变动…
B2B_TO_YU_YONG = (7, 10)  # from "B2B退位、B2C兴起" to 余涌's paragraph
HOSTILE = "# 标题[/]\x1b[2J\n\n正文[/]里有[@click=app.quit]和\x1b]0;pwned\x07以及\x1b[31m红字\x1b[0m。\n"


@pytest.fixture
def article(default_analysed):
    return default_analysed


def excerpt(article, first, last=None, script="simplified", variant="tw", **kw):
    loaded, views, analysis = article
    return build_excerpt(loaded, views, analysis, first, first if last is None else last, script, variant, **kw)


def test_markdown_quotes_the_passage_and_cites_it(article):
    md = render(excerpt(article, *B2B_TO_YU_YONG))
    quoted = [line for line in md.splitlines() if line.startswith(">")]
    assert quoted[0].startswith("> 不过随着时代巨轮滚滚向前,B2B退位")  # tw2s: the particle 着
    assert any("1688总裁余涌(花名:朴初 )" in line for line in quoted)
    assert "paragraphs 8–11" in md
    assert "*阿里最古老的业务走向台前：1688升为一级业务*" in md
    assert "section “不甘当淘宝配角　阿里最古老的业务走向台前”" in md
    assert "Date: 2023-11 (inferred from the text)." in md
    assert "Source: Chinese industry article on Alibaba's 1688" in md


def test_entities_terms_and_dates_of_the_passage(article):
    md = render(excerpt(article, *B2B_TO_YU_YONG))
    entities = md.split("**Entities**")[1].split("**Terms**")[0]
    assert "- 余涌, 朴初 → 余涌 (person)" in entities
    assert "- 1688 (organisation)" in entities
    assert "- 阿里, 阿里巴巴 → 阿里巴巴 (organisation)" in entities
    # ordered by first appearance: 1688 comes before 余涌 in paragraph 8
    assert entities.index("1688") < entities.index("余涌")
    assert entities.count("1688 (organisation)") == 1
    terms = md.split("**Terms**")[1].split("**Dates**")[0]
    assert "- **B2B**: business-to-business: companies selling to other companies — 企业与企业之间的交易" in terms
    dates = md.split("**Dates**")[1]
    assert "- 2012年 → 2012 (year)" in dates
    assert "- 今年1月 → 2023-01 (month; relative to the document date)" in dates


def test_dates_are_resolved(article):
    ex = excerpt(article, MARCH)
    march = [d for d in ex.dates if d.text == "今年3月"]
    assert march and march[0].date == "2023-03" and march[0].precision == "month" and march[0].relative
    assert "- 今年3月 → 2023-03 (month; relative to the document date)" in render(ex)
    # a duration shows the range it covers
    recent = next(d for d in excerpt(article, YU_YONG).dates if d.text == "最近两年")
    assert recent.kind == "duration" and "2021-11-01 to 2023-11-30" in render(excerpt(article, YU_YONG))


def test_traditional_keeps_protected_names(article):
    ex = excerpt(article, YU_YONG, script="traditional", variant="tw")
    text = ex.paragraphs[0]
    assert "1688總裁余涌(花名:樸初 )在商家跨年活動上表示" in text
    assert "餘湧" not in render(ex)
    person = next(e for e in ex.entities if e.type == "person")
    assert person.forms == ("余涌", "樸初") and person.canonical == "余涌"
    assert any(t.text == "花名" and "別名" in t.zh for t in ex.terms)  # definition converted too


def test_twp_variant_slices_and_annotations_line_up(article):
    # s2twp changes lengths (互联网 → 網際網路): shown forms must still be whole words.
    loaded, views, _ = article
    index = next(i for i in range(len(views)) if "产业互联网" in views.canonical(i))
    ex = excerpt(article, index, script="traditional", variant="twp")
    term = next(t for t in ex.terms if t.term == "产业互联网")
    assert term.text == "產業網際網路" and term.text in ex.paragraphs[0]


def test_sentence_selection_narrows_passage_and_annotations(article):
    loaded, views, _ = article
    canonical = views.canonical(MARCH)
    start = canonical.index("今年3月")
    ex = excerpt(article, MARCH, start=start)
    assert ex.paragraphs[0].startswith("今年3月,淘特") and ex.partial
    assert [e.canonical for e in ex.entities] == ["淘特", "大淘宝", "阿里巴巴"]  # 阿里 at the start is left out
    assert all(t.term != "下沉市场" for t in ex.terms)  # 下沉市场 is in the first sentence only
    assert "paragraph 18 (part)" in render(ex)
    end = canonical.index("。") + 1
    first_sentence = excerpt(article, MARCH, end=end)
    assert first_sentence.paragraphs[0] == canonical[:end]
    assert not first_sentence.dates


def test_both_scripts_side_by_side(article):
    md = render(excerpt(article, YU_YONG), both=True)
    assert "**Simplified**" in md and "**Traditional (Taiwan)**" in md
    assert "> 不过最近两年" in md and "> 不過最近兩年" in md
    data = json.loads(render(excerpt(article, YU_YONG), "json", both=True))
    assert data["simplified"][0].startswith("不过最近两年") and data["traditional"][0].startswith("不過最近兩年")


def test_plain_has_no_markdown(article):
    plain = render(excerpt(article, MARCH), "plain")
    assert plain.startswith("为了分食下沉市场")
    assert "**" not in plain and "\n>" not in plain
    assert "Entities:\n  阿里 → 阿里巴巴 (organisation)" in plain
    assert "  今年3月 → 2023-03 (month; relative to the document date)" in plain


def test_json_format(article):
    data = json.loads(render(excerpt(article, *B2B_TO_YU_YONG), "json"))
    assert data["paragraphs"] == {"first": 8, "last": 11, "partial": False}
    assert data["document"]["date"] == "2023-11" and data["document"]["date_inferred"] is True
    assert {"type": "person", "text": "余涌", "forms": ["余涌", "朴初"], "canonical": "余涌"} in data["entities"]
    b2b = next(t for t in data["glossary"] if t["term"] == "B2B")
    assert b2b["en"].startswith("business-to-business") and b2b["zh"]
    assert len(data["text"]) == 4 and data["annotated"] is True


def test_without_analysis_passage_and_citation_only(article):
    loaded, views, _ = article
    ex = build_excerpt(loaded, views, None, MARCH, MARCH, "simplified", "tw")
    md = render(ex)
    assert md.startswith("> 为了分食下沉市场") and "paragraph 18" in md
    assert "not ready" in md and "**Entities**" not in md
    assert json.loads(render(ex, "json"))["annotated"] is False


def test_out_of_range_paragraph(article):
    with pytest.raises(IndexError):
        excerpt(article, 43)
    with pytest.raises(IndexError):
        excerpt(article, 5, 4)


def test_hostile_text_is_copied_inert():
    loaded = pipeline.load_text(HOSTILE, "evil.md")
    views = pipeline.make_views(loaded.document)
    ex = build_excerpt(loaded, views, None, 0, 0)
    for fmt in ("md", "plain", "json"):
        out = render(ex, fmt, both=True)
        assert "\x1b" not in out and "\x07" not in out and "\x9b" not in out
        assert "[@click=app.quit]" in out and "[/]" in out
        assert "]0;pwned" in out  # the words survive, the control characters do not
    assert render(ex).startswith("> 正文[/]里有[@click=app.quit]和\ufffd]0;pwned\ufffd以及")


def test_controls_in_a_document_built_elsewhere_are_scrubbed():
    """Even a Document that bypassed cleaning cannot smuggle controls into an excerpt."""
    text = "阿里\x1b]52;c;cHduZWQ=\x07巴巴\u202e在杭州\x9b31m。"
    document = Document("标题\x1b[2J", None, False, "来源\x07", "simplified",
                        (Section(0, "节\x1b[1m", (0,)),), (Paragraph(0, 0, "body", text),))
    loaded = pipeline.Loaded(document, "x.txt")
    out = render(build_excerpt(loaded, Views(document), None, 0, 0), "md", both=True)
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]", out)


def test_markdown_escaping_keeps_html_and_structure_inert():
    assert md_escape("<script>alert(1)</script>") == "\\<script>alert(1)\\</script>"
    assert md_escape("# 不是标题") == "\\# 不是标题"
    assert md_escape("1. 不是列表") == "1\\. 不是列表"
    assert md_escape("![x](http://t/p.png)") == "!\\[x](http://t/p.png)"
    assert md_escape("[@click=app.quit] 1688.com -5%") == "[@click=app.quit] 1688.com -5%"


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=40))
def test_any_text_renders_without_controls(text):
    document = Document("t", None, False, "", "simplified",
                        (Section(0, None, (0,)),), (Paragraph(0, 0, "body", text or "空"),))
    loaded = pipeline.Loaded(document, "x.txt")
    views = Views(document)
    for fmt in ("md", "plain", "json"):
        out = render(build_excerpt(loaded, views, None, 0, 0), fmt)
        assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]", out)
