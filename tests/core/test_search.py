"""Cross-script search: folding, the index, filters, section counts, next/previous."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from b2b_reader.core import pipeline
from b2b_reader.core.models import Document, Paragraph, Section
from b2b_reader.core.script import Views
from b2b_reader.core.search import (Match, build_index, build_view_index, first_from, fold,
                                    in_paragraph, search,
                                    sections_with)


def _document(*texts: str, script: str = "traditional", sections: tuple[tuple[int, ...], ...] | None = None) -> Document:
    sections = sections or (tuple(range(len(texts))),)
    section_of = {p: s for s, ps in enumerate(sections) for p in ps}
    return Document("t", None, False, "", script,
                    tuple(Section(i, None if i == 0 else f"第{i}节", ps) for i, ps in enumerate(sections)),
                    tuple(Paragraph(i, section_of[i], "body", t) for i, t in enumerate(texts)))


@pytest.fixture(scope="module")
def article():
    loaded = pipeline.load_default()
    views = pipeline.make_views(loaded.document)
    canonical = views.all_canonical()
    return loaded.document, views, canonical, build_index(canonical, loaded.document.script)


@pytest.fixture(scope="module")
def analysis(article):
    document, views, _canonical, _index = article
    return pipeline.analyze(document, views, use_cache=False)


def test_either_script_finds_taobao_in_a_traditional_source(article):
    document, views, canonical, index = article
    simplified, traditional = list(search(index, "淘宝")), list(search(index, "淘寶"))
    assert simplified == traditional
    assert len(simplified) == sum(t.count("淘宝") for t in canonical) == 9
    for m in simplified:
        assert canonical[m.paragraph][m.start:m.end] == "淘宝"
        source = views.get("original", "std", m.paragraph)
        assert source.text[source.map.to_view(m.start):source.map.to_view(m.end, end=True)] == "淘寶"


def test_simplified_source_found_by_a_traditional_query():
    document = _document("我在淘宝买了一台电脑。", "淘宝的后台很稳定。", script="simplified")
    index = build_index(Views(document).all_canonical(), document.script)
    assert list(search(index, "淘寶")) == [Match(0, 2, 4), Match(1, 0, 2)]
    assert list(search(index, "後台")) == [Match(1, 3, 5)]
    assert list(search(index, "電腦")) == [Match(0, 8, 10)]


def test_variant_forms_of_li_all_match_each_other():
    index = build_index(["他住在這裡。", "箱子裏有書。", "离这里三公里。"])
    expected = [Match(0, 4, 5), Match(1, 2, 3), Match(2, 2, 3), Match(2, 5, 6)]
    for query in ("里", "裡", "裏"):
        assert list(search(index, query)) == expected, query
    assert [len(search(build_index(["綫上", "線上", "线上"]), q)) for q in "綫線线"] == [3, 3, 3]


def test_latin_is_case_insensitive_and_full_width_folds(article):
    _document_, _views, canonical, index = article
    lower, full = list(search(index, "gmv")), list(search(index, "ＧＭＶ"))
    assert lower == full == list(search(index, "GMV"))
    assert len(lower) == 2
    assert all(canonical[m.paragraph][m.start:m.end] == "GMV" for m in lower)
    assert [m.paragraph for m in search(index, "b2小b2c")] == [m.paragraph for m in search(index, "B2小B2C")]


def test_particle_zhe_in_a_traditional_source_but_not_in_a_simplified_one(article):
    _document_, _views, canonical, index = article
    found = list(search(index, "随着"))  # the source writes 隨著; tw2s reads the particle 着
    assert [canonical[m.paragraph][m.start:m.end] for m in found] == ["随着", "随着"]
    assert len(list(search(index, "随著"))) == 2  # a query with 著 still finds them
    simple = _document("他看着窗外。", "这是一家著名企业。", script="simplified")
    index = build_index(Views(simple).all_canonical(), simple.script)
    assert list(search(index, "着")) == [Match(0, 2, 3)]
    assert list(search(index, "著名")) == [Match(1, 4, 6)]


def test_words_of_their_own_are_not_folded_but_traditional_queries_still_find():
    index = build_index(["乾隆年间的故事。", "把桌子擦干净。"], "simplified")
    assert list(search(index, "干")) == [Match(1, 4, 5)]  # not the 乾 of 乾隆
    assert list(search(index, "乾隆")) == [Match(0, 0, 2)]
    assert list(search(index, "乾淨")) == [Match(1, 4, 6)]  # t2s of the query: 干净


def test_no_match_across_paragraphs_and_empty_queries():
    index = build_index(["今天天气", "很好。"])
    assert list(search(index, "天气很")) == []
    assert list(search(index, "")) == [] and list(search(index, "\x00")) == []


def test_filter_to_paragraphs_mentioning_an_entity(article, analysis):
    document, _views, canonical, index = article
    paragraphs = sorted({s.paragraph for s in analysis.spans if s.key == "余涌"})
    assert paragraphs == [10, 11, 14, 16, 24]
    everywhere = list(search(index, "1688"))
    filtered = list(search(index, "1688", paragraphs=paragraphs))
    assert filtered == [m for m in everywhere if m.paragraph in paragraphs]
    assert 0 < len(filtered) < len(everywhere)
    names = sorted((s.paragraph, s.start, s.end) for s in analysis.spans if s.key == "余涌")  # his nickname 朴初 too
    assert [canonical[p][start:end] for p, start, end in names] == ["余涌", "朴初", "余涌", "余涌", "余涌", "余涌"]
    assert [p for p, _s, _e in names] == [10, 10, 11, 14, 16, 24]


def test_sections_with_counts_matches_per_section(article):
    document, _views, _canonical, index = article
    matches = search(index, "淘宝")
    counts = sections_with(document, matches)
    expected: dict[int, int] = {}
    for m in matches:
        section = document.section_of(m.paragraph).index
        expected[section] = expected.get(section, 0) + 1
    assert counts == expected == sections_with(document, list(matches))
    assert sum(counts.values()) == 9 and set(counts) == {1, 2}


def test_a_search_lands_on_the_first_match_from_the_cursor_wrapping(article):
    _document_, _views, _canonical, index = article
    matches = search(index, "淘宝")
    assert len(matches) == 9
    assert matches[first_from(matches, 8, 45)] == Match(8, 50, 52)
    assert first_from(matches, 8, 50) == first_from(matches, 8, 45)  # at the position itself
    assert first_from(matches, 30, 0) == 0  # past the last: wraps to the first
    assert first_from([], 0, 0) is None


def test_matches_of_one_paragraph_for_a_line_widget(article):
    _document_, _views, _canonical, index = article
    matches = search(index, "淘宝")
    assert in_paragraph(matches, 9) == [m for m in matches if m.paragraph == 9]
    assert len(in_paragraph(matches, 9)) == 3 and in_paragraph(matches, 0) == []
    assert in_paragraph(list(matches), 9) == in_paragraph(matches, 9)


def test_a_taiwan_phrasing_query_needs_the_view_index(article):
    _document_, views, canonical, index = article
    assert list(search(index, "網際網路")) == []
    view = build_view_index(views, "traditional", "twp", index)
    found = list(search(index, "網際網路", view=view))
    # Segments where a phrase was replaced are cut around it, so every mention is its
    # own match, on exactly the canonical word (two in paragraph 23's one clause too).
    exact = list(search(index, "互联网", view=view))
    assert len(exact) == 8
    assert found == exact
    assert all(canonical[m.paragraph][m.start:m.end] == "互联网" for m in found)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from("里裡裏淘寶宝ＧgGmMvVＶ 乾干著着臺台后後，,aA1２"), max_size=30))
def test_fold_keeps_length_and_is_idempotent(text):
    for traditional in (False, True):
        folded = fold(text, traditional)
        assert len(folded) == len(text)
        assert fold(folded, traditional) == folded


_HAN = st.text(alphabet=st.sampled_from("的一是在了有和人这中大为上个国我以要他时来用们生到作地于出就分對成會可主發年動同工也能下過子說產種面而方後多定行學法所民得經"
                                         "ABCabc123ＡＢ，。"), min_size=1, max_size=40)


@settings(max_examples=80, deadline=None)
@given(st.lists(_HAN, min_size=1, max_size=5), st.data())
def test_every_occurrence_of_a_substring_query_is_found_or_covered(paragraphs, data):
    index = build_index(paragraphs, "traditional")
    p = data.draw(st.integers(0, len(paragraphs) - 1))
    text = paragraphs[p]
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    matches = list(search(index, text[start:end]))
    for m in matches:
        assert fold(paragraphs[m.paragraph][m.start:m.end], True) == fold(text[start:end], True)
    # Matches do not overlap; the drawn occurrence is found or overlaps one found.
    assert any(m.paragraph == p and m.start < end and start < m.end for m in matches)
    assert all(a.paragraph < b.paragraph or a.end <= b.start for a, b in zip(matches, matches[1:]))


def test_lazy_matches_behave_like_a_list(article):
    _document_, _views, _canonical, index = article
    matches = search(index, "1688")
    as_list = list(matches)
    assert len(matches) == len(as_list) == 53
    assert matches[0] == as_list[0] and matches[-1] == as_list[-1] and matches[3:6] == as_list[3:6]
