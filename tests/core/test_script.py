"""Script views and their offset maps."""

import re

from hypothesis import given, settings, strategies as st

from b2b_reader.core import pipeline
from b2b_reader.core.models import Document, Paragraph, Section
from b2b_reader.core.script import (OffsetMap, ProtectedNames, Views, convert_paragraph,
                                    convert_segments, converter, detect_script)


def _views(*texts: str, protected: ProtectedNames | None = None) -> Views:
    paragraphs = tuple(Paragraph(i, 0, "body", t) for i, t in enumerate(texts))
    document = Document("t", None, False, "", "mixed", (Section(0, None, tuple(range(len(texts)))),), paragraphs)
    return Views(document, protected)


def test_default_article_names_keep_their_forms():
    loaded = pipeline.load_default()
    views = pipeline.make_views(loaded.document)
    paragraph = next(i for i, p in enumerate(loaded.document.paragraphs) if "王卓" in p.text)
    for variant in ("std", "tw", "twp", "hk"):
        text = views.get("traditional", variant, 10).text
        assert "總裁余涌" in text and "樸初" in text, variant
        assert "餘湧" not in "".join(views.get("traditional", variant, i).text for i in range(len(views)))
        assert "王卓雋" in views.get("traditional", variant, paragraph).text
    assert "朴初" in views.get("simplified", "std", 10).text
    assert "王卓隽" in views.get("simplified", "std", paragraph).text


def test_source_view_is_the_text_as_given():
    loaded = pipeline.load_default()
    views = pipeline.make_views(loaded.document)
    assert views.get("original", "std", 5).text == loaded.document.paragraphs[5].text
    assert "采用的股票代碼" in views.get("original", "std", 5).text  # naive "traditional" kept
    assert "採用的股票代碼" in views.get("traditional", "tw", 5).text  # proper traditional


def test_length_changing_variant_maps_exact_span_boundaries():
    views = _views("他在互联网公司工作，也做产业互联网。")
    canonical = views.canonical(0)
    start = canonical.index("产业互联网")
    view = views.with_cuts({0: [start, start + 5]}).get("traditional", "twp", 0)
    assert "網際網路" in view.text
    s, e = view.map.to_view(start), view.map.to_view(start + 5, end=True)
    assert view.text[s:e] == converter("s2twp")("产业互联网")
    assert view.text[:s] + view.text[s:e] + view.text[e:] == view.text


def test_detect_script():
    assert detect_script(["這是繁體中文的句子，說明臺灣的資訊產業。"]) == "traditional"
    assert detect_script(["这是简体中文的句子，说明台湾的信息产业。"]) == "simplified"


def test_headings_and_title_follow_the_view():
    views = pipeline.make_views(pipeline.load_default().document)
    assert views.heading("simplified", "std", 1).startswith("不甘当淘宝配角")
    assert views.heading("traditional", "tw", 1).startswith("不甘當淘寶配角")
    assert views.heading("original", "std", 0) == ""


_cjk = st.text(alphabet=st.sampled_from(list("互联网产业发展里后台余涌说话们这个阿里巴巴干面发了，。ab1 ")), max_size=40)


def test_a_text_ending_in_a_phrase_that_changes_length_maps_its_end_to_the_views_end():
    # 互联网 is 網際網路 in Taiwan: the end of the text is the end of the view, never its start
    for text in ("互联网", "发展互联网", "互联网互联网"):
        view = convert_segments(text, [], converter("s2twp"))
        assert view.text.endswith("網際網路")
        assert view.map.to_view(len(text)) == len(view.text)
        assert view.map.to_canonical(len(view.text)) == len(text)


@settings(max_examples=150, deadline=None)
@given(_cjk, st.lists(st.integers(0, 40), max_size=6), st.sampled_from(["s2t", "s2tw", "s2twp", "s2hk"]))
def test_offset_maps_are_monotone_and_exact_at_cuts(text, cuts, config):
    cuts = [c for c in cuts if c <= len(text)]
    view = convert_segments(text, cuts, converter(config))
    m = view.map
    assert m.to_view(0) == 0 and m.to_view(len(text)) == len(view.text)
    positions = [m.to_view(x) for x in range(len(text) + 1)]
    assert positions == sorted(positions)
    pieces = sorted({0, len(text), *cuts})
    for a, b in zip(pieces, pieces[1:]):
        assert view.text[m.to_view(a): m.to_view(b, end=True)] == converter(config)(text[a:b])
    for y in range(len(view.text) + 1):
        assert 0 <= m.to_canonical(y) <= len(text)


@settings(max_examples=100, deadline=None)
@given(_cjk, st.sampled_from(["std", "tw", "twp", "hk"]))
def test_every_span_maps_to_the_same_canonical_text_in_every_view(text, variant):
    views = _views(text, protected=ProtectedNames({("traditional", variant): {"余涌": "余涌"}}))
    canonical = views.canonical(0)
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^，。 ]+", canonical)]
    view = views.with_cuts({0: [x for s in spans for x in s]}).get("traditional", variant, 0)
    for s, e in spans:
        vs, ve = view.map.to_view(s), view.map.to_view(e, end=True)
        # The view's span maps back to exactly the same canonical span ...
        assert view.map.to_canonical(vs) == s and view.map.to_canonical(ve, end=True) == e
        # ... and holds that span's text in this view (its own conversion, or the name's form).
        # (Checked for identity maps too: a map wrongly taken as the identity is the bug
        # of a total length kept by replacements that change lengths inside.)
        expected = "余涌" if canonical[s:e] == "余涌" else converter(f"s2{'twp' if variant == 'twp' else variant if variant != 'std' else 't'}")(canonical[s:e])
        if "余涌" not in canonical[s:e]:
            assert view.text[vs:ve] == expected


def test_cut_views_leave_the_uncut_ones_as_they_were():
    """Views are values: the analysed document's views are new ones, and the views the
    reader drew from before keep answering what they answered."""
    views = _views(_CEO)
    canonical = views.canonical(0)
    before = views.get("traditional", "twp", 0)
    start = canonical.index("互联网")
    cut = views.with_cuts({0: [start, start + 3]})
    assert views.get("traditional", "twp", 0) is before  # unchanged, still cached
    view = cut.get("traditional", "twp", 0)
    assert view.text[view.map.to_view(start):view.map.to_view(start + 3, end=True)] == "網際網路"
    assert cut.get("traditional", "tw", 0).text == "京東集團首席執行官許冉表示，互聯網用戶增長了。"


def test_a_whole_view_converted_at_once_is_the_paragraphs_one_by_one():
    texts = ["余涌说，阿里巴巴的后台发展很快。", "头发和发展", "干面", "互联网公司的用户", "了", "余涌"]
    protected = ProtectedNames({("traditional", "tw"): {"余涌": "余涌"}, ("simplified", "std"): {"余涌": "余涌"}})
    for script, variant in (("simplified", "std"), ("traditional", "std"), ("traditional", "tw"),
                            ("traditional", "hk"), ("traditional", "twp"), ("original", "std")):
        one_by_one = _views(*texts, protected=protected)
        expected = [one_by_one.get(script, variant, i) for i in range(len(one_by_one))]
        assert _views(*texts, protected=protected).all_views(script, variant) == expected, (script, variant)
        assert _views(*texts, protected=protected).all_canonical() == [v.canonical(i) for v in [one_by_one] for i in range(6)]
    assert _views(*texts, protected=protected).all_views("traditional", "tw")[0].text == "余涌說，阿里巴巴的後臺發展很快。"


def test_identity_map():
    m = OffsetMap.identity(5)
    assert m.is_identity and m.to_view(3) == 3 and m.to_canonical(5) == 5


def test_whole_paragraph_conversion_when_length_is_kept():
    view = convert_paragraph("头发和发展", converter("s2t"))
    assert view.text == "頭髮和發展" and view.map.is_identity


def test_a_view_restored_from_the_cache_equals_the_computed_one():
    loaded = pipeline.load_default()
    computed = pipeline.make_views(loaded.document).with_cuts({24: [3, 9, 40]})
    data = computed.export("traditional", "twp")
    fresh = pipeline.make_views(loaded.document)
    assert fresh.restore(data)
    for i in range(len(fresh)):
        assert fresh.get("traditional", "twp", i) == computed.get("traditional", "twp", i)
    assert fresh.heading("traditional", "twp", 2) == computed.heading("traditional", "twp", 2)
    other = pipeline.load_text("一段。\n\n兩段。", "x.txt")
    assert not pipeline.make_views(other.document).restore(data)  # does not fit: ignored


# -- conversions that change lengths inside a paragraph but keep its total ------------------

_CEO = "京东集团首席执行官许冉表示，互联网用户增长了。"  # 首席执行官 → 執行長 (-2), 互联网, 用户 (+1 each)


def test_taiwan_phrasing_with_the_total_length_kept_maps_every_span():
    views = _views(_CEO)
    canonical = views.canonical(0)
    whole = converter("s2twp")(canonical)
    assert len(whole) == len(canonical) and whole != converter("s2tw")(canonical)  # the trap
    names = ["京东集团", "首席执行官", "许冉", "互联网", "用户"]
    spans = [(canonical.index(n), canonical.index(n) + len(n)) for n in names]
    for cut in (False, True):  # before the analysis (no cuts) and after it
        if cut:
            views = views.with_cuts({0: [x for span in spans for x in span]})
        view = views.get("traditional", "twp", 0)
        assert view.text == whole
        found = {n: view.text[view.map.to_view(s):view.map.to_view(e, end=True)] for n, (s, e) in zip(names, spans)}
        assert found == {"京东集团": "京東集團", "首席执行官": "執行長", "许冉": "許冉",
                         "互联网": "網際網路", "用户": "使用者"}


def test_length_keeping_configurations_keep_length_entry_by_entry():
    """LENGTH_KEEPING is a fact of OpenCC's installed dictionaries: dump them and check."""
    import json
    import os
    import shutil
    import subprocess
    from pathlib import Path

    import opencc
    import pytest

    from b2b_reader.core.script import CANONICAL, CONFIGS, LENGTH_KEEPING

    clib = Path(opencc.__file__).parent / "clib"
    tool = clib / "bin" / "opencc_dict"
    share = clib / "share" / "opencc"
    if not tool.exists() or not share.is_dir():
        pytest.skip("this OpenCC build ships no opencc_dict tool")
    env = {**os.environ, "LD_LIBRARY_PATH": str(clib / "lib64") + os.pathsep + str(clib / "lib")}

    def files(node) -> set[str]:
        if isinstance(node, dict):
            found = {node["file"]} if "file" in node else set()
            return found.union(*(files(v) for v in node.values()))
        if isinstance(node, list):
            return set().union(*(files(v) for v in node))
        return set()

    def changing(name: str, tmp: Path) -> list[tuple[str, str]]:
        out = tmp / (name + ".txt")
        subprocess.run([str(tool), "-i", str(share / name), "-o", str(out), "-f", "ocd2", "-t", "text"],
                       check=True, env=env, capture_output=True)
        bad = []
        for line in out.read_text(encoding="utf-8").splitlines():
            key, _, values = line.partition("\t")
            bad.extend((key, v) for v in values.split(" ") if v and len(v) != len(key))
        return bad

    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        for config in {*CONFIGS.values(), "t2s", CANONICAL}:
            spec = json.loads((share / f"{config}.json").read_text(encoding="utf-8"))
            bad = [entry for name in sorted(files(spec)) for entry in changing(name, Path(tmp))]
            assert (not bad) == (config in LENGTH_KEEPING), (config, bad[:5])
    shutil.rmtree(tmp, ignore_errors=True)


# A stand-in converter with replacements that change lengths (+1, -3, -1, +2, 0), on words
# whose characters appear in no other word, so any segment on word boundaries converts to
# the concatenation of its words' conversions.
_REPLACE = {"用户": "使用者", "笔记本电脑": "筆電", "摩托车": "機車", "优盘": "隨身碟盤", "软件": "軟體"}
_FILLER = ["许冉", "表示", "公司", "今年", "销量", "增长", "，", "。", "1688"]


def _fake_convert(text: str) -> str:
    out, i = [], 0
    while i < len(text):
        for key, value in _REPLACE.items():
            if text.startswith(key, i):
                out.append(value)
                i += len(key)
                break
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


@st.composite
def _balanced_paragraph(draw):
    """Words whose replacements change lengths inside the paragraph but not its total."""
    words = draw(st.lists(st.sampled_from([*_REPLACE, *_FILLER]), min_size=1, max_size=30))
    delta = sum(len(_REPLACE[w]) - len(w) for w in words if w in _REPLACE)
    # Balance the total with fillers' counterparts: +1 words or -1 words as needed.
    while delta > 0:
        words.insert(draw(st.integers(0, len(words))), "摩托车")
        delta -= 1
    while delta < 0:
        words.insert(draw(st.integers(0, len(words))), "用户")
        delta += 1
    return words


@settings(max_examples=200, deadline=None)
@given(_balanced_paragraph(), st.data())
def test_spans_map_exactly_whatever_lengths_do_inside_a_paragraph(words, data):
    text = "".join(words)
    assert len(_fake_convert(text)) == len(text)  # the total is kept
    starts = [sum(len(w) for w in words[:i]) for i in range(len(words) + 1)]
    # Annotation spans: random runs of whole words.
    pairs = data.draw(st.lists(st.tuples(st.integers(0, len(words)), st.integers(0, len(words))), max_size=8))
    spans = sorted({(starts[min(a, b)], starts[max(a, b)]) for a, b in pairs if a != b})
    # Cut at the spans (after the analysis), and not cut at all (before it): pieces whose
    # length changes are split wherever converting the sides apart gives the same text.
    for cuts in ([x for s in spans for x in s], []):
        view = convert_paragraph(text, _fake_convert, cuts)
        assert view.text == _fake_convert(text)
        for s, e in spans:
            vs, ve = view.map.to_view(s), view.map.to_view(e, end=True)
            assert view.text[vs:ve] == _fake_convert(text[s:e]), (text[s:e], view.text[vs:ve])
            assert view.map.to_canonical(vs) == s and view.map.to_canonical(ve, end=True) == e


def test_simplified_reads_zhe_as_the_particle_and_keeps_zhu_where_it_is_zhu():
    views = _views("他一直在等待著它。隨著市場變化，著名品牌的銷量顯著增長。")
    assert views.get("simplified", "std", 0).text == "他一直在等待着它。随着市场变化，著名品牌的销量显著增长。"
    default = pipeline.make_views(pipeline.load_default().document)
    text = "".join(default.all_canonical())
    assert "等待着它" in text and "等待著它" not in text  # issue 19's sentence


def test_taiwan_phrasing_keeps_a_stock_code_a_code():
    views = _views("贵州茅台的股票代码为600519，程序员正在编写代码。")
    text = views.get("traditional", "twp", 0).text
    assert "股票代碼為600519" in text and "程式碼" in text  # only program code is 程式碼
    assert "股票程式碼" not in text
    canonical = views.canonical(0)
    s = canonical.index("600519")
    view = views.get("traditional", "twp", 0)
    assert view.text[view.map.to_view(s):view.map.to_view(s + 6, end=True)] == "600519"
