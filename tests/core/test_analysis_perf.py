"""The analysis speed-ups must not change what is found.

Each fast path is checked against the slow form it replaced: the date scanner's
candidate prefilter against trying every trigger character, the figure regex's
first-character lookahead against the bare patterns, and the pipeline's shared time
expressions against the timeline scanning on its own.
"""

from __future__ import annotations

import re

import rjieba
from hypothesis import given, settings
from hypothesis import strategies as st

from b2b_reader.core import dates, numbers, timeline
from b2b_reader.core.analysis import to_json
from b2b_reader.core.entity_rules import common_dictionary_names, tagged_names

# Characters dates and figures are made of, plus filler, so random text is dense with
# near-misses (一个, 上月份额, 1688年轻, 第3季度, 自2018年起 ...).
ALPHABET = ("0123456789０１２〇零一二两三四五六七八九十百千万亿年月日号天周季度半上下前后今去明本近过最来以"
            "自从至到起开始数几多余个%％元美第双旬初底末世纪代这轻龄-/. ，。AQq同当次即近中华民国光绪元")
texts = st.text(alphabet=ALPHABET, max_size=40)

SENTENCES = [
    "今年1月，1688年轻买家增长了50%，2023年10月下旬又推出新功能。",
    "自2018年12月9日至15日，阿里巴巴在杭州举办了3场活动，最近两年营收超过1亿元。",
    "去年双11期间，淘宝天猫成交额同比增长25个百分点，过去10多年来一直如此。",
    "上世纪90年代，他在北京创办公司；2015年前后，公司员工已有300多名。",
]


def _scan_every_trigger(text: str, base):
    """``dates.scan`` as it was: ``_parse_at`` tried at every trigger character."""
    found, pos = [], 0
    for m in re.finditer(f"[{dates.ALL_TRIGGERS}]", text):
        i = m.start()
        if i < pos:
            continue
        kept = dates.accept(text, dates._parse_at(text, i))
        if kept:
            found.extend(dates.resolve(p, base) for p in kept)
            pos = kept[-1].end
    return found


BASE = dates.parse_base("2023-11")


@settings(max_examples=300, deadline=None)
@given(texts)
def test_date_prefilter_loses_nothing(text):
    assert dates.scan(text, BASE) == _scan_every_trigger(text, BASE)


def test_date_prefilter_on_news_sentences():
    for text in SENTENCES:
        found = dates.scan(text, BASE)
        assert found == _scan_every_trigger(text, BASE)
        assert found  # every sentence holds dates


def _without_lookahead(rx: re.Pattern[str]) -> re.Pattern[str]:
    head = re.match(r"\(\?=\[[^\]]*\]\)", rx.pattern)
    assert head, "the scanner should open with a first-character lookahead"
    return re.compile(rx.pattern[head.end():])


@settings(max_examples=300, deadline=None)
@given(texts)
def test_figure_lookahead_loses_nothing(text):
    rx = numbers._FIGURE
    fast = [(m.span(), m.lastgroup) for m in rx.finditer(text)]
    slow = [(m.span(), m.lastgroup) for m in _without_lookahead(rx).finditer(text)]
    assert fast == slow


def test_figures_in_a_sentence():
    text = "营收超过1亿元，增长50%，员工300多名，二〇一二年3月上线。"
    found = {(text[s:e], kind) for s, e, kind in numbers.find_figures(text)}
    assert {("1亿元", "money"), ("50%", "percent"), ("300多名", "count")} <= found


def test_timeline_from_shared_expressions_is_the_same():
    base = "2023-11"
    exprs = timeline.find_time_expressions(SENTENCES, base)
    assert timeline.build_timeline(SENTENCES, base, expressions=exprs) == timeline.build_timeline(SENTENCES, base)


def test_tagged_names_with_precomputed_offsets():
    common = common_dictionary_names()
    text = "记者袁步兵报道，县长吴方军和王卓隽在浙江省杭州市考察了华为公司。"
    tokens = rjieba.tag(text)
    offsets = [0]
    for word, _tag in tokens:
        offsets.append(offsets[-1] + len(word))
    spans = list(tagged_names(tokens, common, offsets))
    assert spans == list(tagged_names(tokens, common))
    names = {text[s:e]: kind for s, e, kind in spans}
    assert names.get("袁步兵") == "person"
    assert names.get("吴方军") == "person"


def test_isolated_analysis_gives_the_same_result():
    from b2b_reader.core import pipeline

    loaded = pipeline.load_default()
    here = pipeline.analyze(loaded.document, pipeline.make_views(loaded.document), use_cache=False)
    child = pipeline.analyze(loaded.document, pipeline.make_views(loaded.document), use_cache=False, isolated=True)
    assert to_json(child) == to_json(here)
    assert any(s.key == "阿里巴巴" for s in child.spans)


def test_the_callers_work_runs_while_the_child_analyses(tmp_path, monkeypatch):
    # the reader builds the shown view's converters while the child works, not after its result
    from b2b_reader.core import cache, pipeline

    monkeypatch.setenv("B2B_READER_HOME", str(tmp_path))
    loaded = pipeline.load_default()
    views = pipeline.make_views(loaded.document)
    key = pipeline.analysis_key(loaded.document, None, [pipeline.user_file("lexicon.toml"),
                                                        pipeline.user_file("glossary.toml")])
    seen = []
    result = pipeline.analyze(loaded.document, views, isolated=True,
                              meanwhile=lambda: seen.append(cache.has("analysis", key)))
    assert seen == [False]  # called once, before the child had stored its result
    assert cache.has("analysis", key) and any(s.key == "阿里巴巴" for s in result.spans)
    # not isolated: nothing runs beside the analysis, so nothing is called
    pipeline.analyze(loaded.document, views, use_cache=False, meanwhile=lambda: seen.append("here"))
    assert seen == [False]
