"""Dates and the timeline: what a reader of the default article and of news text would see."""

from __future__ import annotations

import re
from datetime import date
from importlib import resources

import opencc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from b2b_reader.core.dates import cn_number
from b2b_reader.core.models import Span
from b2b_reader.core.timeline import (
    build_timeline,
    find_time_expressions,
    infer_document_date,
    to_json,
)

T2S = opencc.OpenCC("t2s")


@pytest.fixture(scope="module")
def article() -> list[str]:
    """Canonical (simplified) body paragraphs of the shipped default article."""
    text = resources.files("b2b_reader.data").joinpath("article-1688.md").read_text(encoding="utf-8")
    body = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)
    blocks = [b.strip() for b in re.split(r"\n\s*\n", body)]
    return [T2S.convert(b) for b in blocks if b and not b.startswith("#")]


def one(text: str, base: date | str | None = "2023-11"):
    """The single expression found in ``text`` (fails if there is not exactly one)."""
    found = find_time_expressions([text], base)
    assert len(found) == 1, [e.text for e in found]
    return found[0]


# --------------------------------------------------------------------------- the default article

def test_default_article_is_dated_november_2023(article):
    label, reason = infer_document_date(article)
    assert label == "2023-11"
    assert "2023" in reason and "Double 11" in reason


def test_default_article_timeline_has_each_dated_event_once_with_its_date(article):
    events = build_timeline(article)
    points = [(e.phrase, e.date, e.precision) for e in events if e.kind == "point"]
    expected = [
        ("1999年", "1999", "year"),
        ("2007年", "2007", "year"),
        ("2012年", "2012", "year"),
        ("2020年", "2020", "year"),
        ("2020年上半年", "2020", "half"),
        ("2020年", "2020", "year"),  # 2022年 … 比2020年高了: a second, separate mention
        ("自2021年开始", "2021", "year"),
        ("2022年", "2022", "year"),
        ("今年1月", "2023-01", "month"),
        ("2023年", "2023", "year"),
        ("今年3月", "2023-03", "month"),
        ("今年8月", "2023-08", "month"),
        ("10月下旬", "2023-10", "part-of-month"),
        ("最近", "2023-11", "month"),
        ("双11", "2023-11-11", "day"),
    ]
    assert points == expected
    # Sorted by start date.
    assert [e.start for e in events] == sorted(e.start for e in events)


def test_default_article_resolves_relative_dates_and_marks_them_inferred(article):
    events = {e.phrase: e for e in build_timeline(article)}
    assert (events["10月下旬"].start, events["10月下旬"].end) == ("2023-10-21", "2023-10-31")
    assert (events["2020年上半年"].start, events["2020年上半年"].end) == ("2020-01-01", "2020-06-30")
    assert events["今年1月"].inferred and events["10月下旬"].inferred
    assert not events["2012年"].inferred


def test_default_article_durations_are_spans_ending_now_not_points(article):
    events = build_timeline(article)
    durations = {(e.phrase, e.start, e.end) for e in events if e.kind == "duration"}
    assert ("最近两年", "2021-11-01", "2023-11-30") in durations
    assert ("过去一年", "2022-11-01", "2023-11-30") in durations
    assert ("这10多年", "2013-11-01", "2023-11-30") in durations
    # Vague ones are recognised but carry no date, so they stay off the timeline.
    vague = [e for e in find_time_expressions(article) if e.text in ("近些年", "近年", "这几年", "之前几年")]
    assert len(vague) >= 4 and all(e.date is None and e.kind == "duration" for e in vague)
    assert not any(e.phrase in ("近些年", "这几年") for e in events)


def test_default_article_numbers_that_are_not_dates_stay_out(article):
    phrases = [e.text for e in find_time_expressions(article)]
    joined = " ".join(phrases)
    for trap in ("1688", "5-6", "全年", "25-35", "300", "10%", "50%", "1866", "二十四", "31届", "一至三"):
        assert trap not in joined, trap


def test_event_text_is_the_clause_carrying_the_date(article):
    events = {e.phrase: e for e in build_timeline(article)}
    first = events["今年1月"]
    assert first.text.startswith("今年1月") and "2023年要" not in first.text
    assert events["2023年"].text.startswith("2023年要走出原来的小圈子")
    assert events["2007年"].text == "2007年阿里巴巴赴港上市时,采用的股票代码为“1688”,足可见这个帝国“嫡长子”的显赫地位。"
    assert all(len(e.text) <= 80 for e in events.values())
    paragraph = article[first.paragraph]
    assert paragraph[first.span_start:first.span_end] == "今年1月"
    assert first.sentence == 1  # "不过最近两年…新机遇。" is sentence 0


def test_to_json_matches_the_design_schema(article):
    item = to_json(next(e for e in build_timeline(article) if e.phrase == "10月下旬"))
    assert {"date", "start", "end", "precision", "inferred", "text", "paragraph", "sentence"} <= set(item)
    assert item["date"] == "2023-10" and item["precision"] == "part-of-month" and item["inferred"] is True


def test_blocked_org_span_vetoes_a_date():
    text = "2007年阿里巴巴赴港上市,代码1688年内未变。"
    free = [e.text for e in find_time_expressions([text], "2023-11")]
    assert "1688年" in free  # without the entity finder, 1688年 reads as a year
    blocked = [Span(0, text.index("1688"), text.index("1688") + 4, type="org", key="1688")]
    vetoed = [e.text for e in find_time_expressions([text], "2023-11", blocked)]
    assert vetoed == ["2007年"]


# --------------------------------------------------------------------------- expressions

@pytest.mark.parametrize(
    ("text", "phrase", "label", "first", "last", "precision"),
    [
        ("二〇一二年阿里巴巴私有化", "二〇一二年", "2012", "2012-01-01", "2012-12-31", "year"),
        ("2023年第三季度营收增长", "2023年第三季度", "2023", "2023-07-01", "2023-09-30", "quarter"),
        ("今年上半年GMV下滑", "今年上半年", "2023", "2023-01-01", "2023-06-30", "half"),
        ("去年三月发布", "去年三月", "2022-03", "2022-03-01", "2022-03-31", "month"),
        ("明年起执行", "明年起", "2024", "2024-01-01", "2024-12-31", "year"),
        ("展会于2018年12月9日至15日举行", "2018年12月9日至15日", "2018-12-09", "2018-12-09", "2018-12-15", "day"),
        ("2022年底上线", "2022年底", "2022-12", "2022-12-01", "2022-12-31", "month"),
        ("3月初发布新品", "3月初", "2023-03", "2023-03-01", "2023-03-10", "part-of-month"),
        ("2019年6月1日上线", "2019年6月1日", "2019-06-01", "2019-06-01", "2019-06-01", "day"),
        ("截至2023年6月底,用户超1亿", "截至2023年6月底", "2023-06", "2023-06-21", "2023-06-30", "part-of-month"),
        ("上世纪90年代的外贸", "上世纪90年代", "1990", "1990-01-01", "1999-12-31", "year"),
        ("今年618大促期间", "今年618", "2023-06-18", "2023-06-18", "2023-06-18", "day"),
    ],
)
def test_expressions_resolve_against_the_document_date(text, phrase, label, first, last, precision):
    e = one(text)
    assert (e.text, e.date, e.date_start, e.date_end, e.precision) == (phrase, label, first, last, precision)


def test_relative_days_follow_a_day_precise_base():
    e = one("昨天发布了财报", date(2024, 3, 1))
    assert (e.date, e.inferred) == ("2024-02-29", True)


def test_618_is_a_date_only_in_a_shopping_context():
    assert one("京东618当天成交额创新高").date == "2023-06-18"
    assert find_time_expressions(["房间号618,请到前台"], "2023-11") == []


@pytest.mark.parametrize(
    "text",
    [
        "2020年上半年1688年轻买家的占比提升接近10%",  # only 2020年上半年
        "节省了5-6个人力成本",
        "直播带货全年无休",
        "以25-35岁年龄段为主",
        "300多个自研系统",
        "1866为本场活动制定的主题",
        "“年方二十四”的1688",
        "一至三线城市都有",
        "前天猫总裁出席",
        "《明日之后》周年庆",
        "他今年18周岁了",
    ],
)
def test_names_counts_and_ranges_are_not_dates(text):
    found = [e for e in find_time_expressions([text], "2023-11") if e.date]
    assert [e.text for e in found] in ([], ["2020年上半年"], ["今年"])


def test_durations_are_durations_not_points():
    e = one("退市再上市这10多年")
    assert (e.kind, e.date_start, e.date_end) == ("duration", "2013-11-01", "2023-11-30")
    bare = one("他做了10多年外贸")
    assert (bare.kind, bare.date) == ("duration", None)
    assert [e.text for e in build_timeline(["他做了10多年外贸"], "2023-11")] == []


def test_without_any_date_relative_expressions_stay_unresolved():
    assert infer_document_date(["今年3月，公司上线新品。"]) == (None, "no year in the text")
    e = one("今年3月，公司上线新品。", None)
    assert (e.text, e.date, e.inferred) == ("今年3月", None, True)


@given(st.integers(1000, 2100), st.integers(1, 12))
@settings(max_examples=60, deadline=None)
def test_written_years_and_months_round_trip(year, month):
    digits = "〇一二三四五六七八九"
    for y in (str(year), "".join(digits[int(c)] for c in str(year))):
        e = one(f"公司在{y}年{month}月上市。", "2023-11")
        assert e.date == f"{year:04d}-{month:02d}" and not e.inferred


@given(st.text(alphabet="0123456789年月日号-至到个人%岁一二十多余。，轻", max_size=30))
@settings(max_examples=150, deadline=None)
def test_offsets_always_point_at_the_reported_text(text):
    for e in find_time_expressions([text], "2023-11"):
        assert text[e.start:e.end] == e.text and e.start < e.end


def test_chinese_numerals():
    assert [cn_number(s) for s in ("二〇一二", "二十四", "两千零四", "十二", "三")] == [2012, 24, 2004, 12, 3]
