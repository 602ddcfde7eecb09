"""Dates resolved in reading order: the narrative's year for bare dates and anaphors, the
publication date for deictic words; and the date words beyond years, months and days."""

from __future__ import annotations

import pytest

from b2b_reader.core.models import Span
from b2b_reader.core.timeline import find_time_expressions


def dates(paragraphs: list[str] | str, base: str) -> list[tuple[str, str | None]]:
    """(text, label) of every expression found, in reading order."""
    if isinstance(paragraphs, str):
        paragraphs = [paragraphs]
    return [(e.text, e.date) for e in find_time_expressions(paragraphs, base)]


def span(paragraphs: list[str] | str, base: str, phrase: str):
    """The expression written ``phrase`` (fails unless there is exactly one)."""
    found = [e for e in find_time_expressions([paragraphs] if isinstance(paragraphs, str) else paragraphs, base)
             if e.text == phrase]
    assert len(found) == 1, found
    return found[0]


# --------------------------------------------------------------------------- the narrative's year

def test_a_history_keeps_its_year_not_the_documents():
    text = ("1949年11月1日，中央人民政府邮电部成立，同年12月邮电部召开全国邮政会议，将原中华民国邮政的"
            "产业变更为中国人民邮政所有；12月27日，中央邮政经济委员会第九次会议决定成立邮政总局。")
    assert dates(text, "1966") == [("1949年11月1日", "1949-11-01"), ("同年12月", "1949-12"),
                                   ("12月27日", "1949-12-27")]


def test_a_bare_month_takes_the_year_of_its_sentence():
    assert dates("微粒贷2015年5月在手机QQ上线，9月在微信上线。", "2018") == [("2015年5月", "2015-05"), ("9月", "2015-09")]


def test_a_bare_date_in_the_next_sentence_of_a_narrative_keeps_its_year():
    text = "《南华早报》在1903年4月1日由克宁汉与谢缵泰等于都爹利街成立。11月6日首份报纸出版。"
    assert span(text, "2015-12", "11月6日").date == "1903-11-06"


def test_a_bare_date_after_a_paragraph_break_follows_the_publication_date():
    paragraphs = ["正信集团成立于1988年，由中国集装箱总公司控股。", "6月28日晚间，中国基金业协会发布公告。"]
    assert span(paragraphs, "2019-07", "6月28日").date == "2019-06-28"


def test_a_plan_a_cutoff_or_a_background_year_does_not_set_the_year_of_later_news():
    plan = "周世平宣布，将于2021年12月底清盘平台线上债权资产。36个月的置换标从6月30日开始停发。"
    assert span(plan, "2019-03", "从6月30日开始").date == "2019-06-30"
    cutoff = "截至2017年8月，唐小僧注册会员超过1000万人。据报道，6月16日当天向经侦支队报案的投资人约1000人。"
    assert span(cutoff, "2018-06", "6月16日当天").date == "2018-06-16"
    background = "成立于2013年的平台已累计撮合融资184亿元。12月6日，南京警方通报了案件进展。"
    assert span(background, "2018-12", "12月6日").date == "2018-12-06"


def test_a_date_in_brackets_is_an_aside():
    text = "迅销集团公布了2019财年前三季度（2018年9月1日至2019年5月31日）业绩。7月11日，苏宁易购公布半年报预告。"
    assert span(text, "2019-07", "7月11日").date == "2019-07-11"


# --------------------------------------------------------------------------- anaphors

@pytest.mark.parametrize(
    ("text", "phrase", "label"),
    [
        ("2018年5月，两家公司退出融数集团股东名单。同年8月，韩越因涉嫌非法吸收公众存款罪被立案。", "同年8月", "2018-08"),
        ("2018年9月，红岭创投因合规问题被要求清理净值标。当年9月，检查组进驻平台。", "当年9月", "2018-09"),
        ("唐小僧于2015年5月正式上线，第二年同期实现超过150亿的交易额。", "第二年", "2016"),
        ("2018年7月5日牛板金涉非吸被立案。而就在立案的前一天，融数集团退出股东。", "前一天", "2018-07-04"),
        ("6月16日上午，高管主动找到经侦报案，当日公司营业场所已被封锁。", "当日", "2018-06-16"),
        ("12月6日，深圳互联网金融协会发布通知。通知要求，即日起辖区内机构严格遵守规定。", "即日", "2018-12-06"),
        ("2025年12月下旬，咖啡因的话题冲上热搜第一。舆情爆发次日，美股盘中一度恐慌性抛售。", "次日", "2025-12"),
    ],
)
def test_an_anaphor_counts_from_the_narrative(text, phrase, label):
    e = span(text, "2018-12" if "2025" not in text else "2025-12", phrase)
    assert (e.date, e.inferred) == (label, True)


def test_the_second_year_running_names_no_year():
    assert dates("2018年，世界粮食储备连续第二年呈现回升。", "2019") == [("2018年", "2018")]


def test_a_comparison_with_last_year_does_not_move_the_narrative():
    text = ("3月25日，宜人贷发布了2018财年第四季度财报，净利润较上年同期下滑26%；同日，温州警方发布通报。"
            "第四季度净营收较上年同期下滑30%，净利润较上年同期下滑26%。")
    found = dates(text, "2019-03-25")
    assert [label for phrase, label in found if phrase == "上年"] == ["2017", "2017", "2017"]
    assert ("同日", "2019-03-25") in found


# --------------------------------------------------------------------------- the publication date's words

def test_near_days_are_the_publication_month_or_year():
    assert span("近日，小米金融用户投诉被送进征信黑名单。", "2019-05-07", "近日").date == "2019-05"
    assert span("日前，有投资者称甜菜金融出现大规模逾期。", "2019", "日前").date == "2019"
    assert span("但是今天有用户发现，产品已经更名。", "2018", "今天").date == "2018"


def test_a_weekday_is_the_latest_one_up_to_the_publication_date():
    assert span("谷歌周四承认，某些合作伙伴泄露了对话录音。", "2019-07-12", "周四").date == "2019-07-11"
    assert span("比利时新闻网站VRT星期三称，承包商提供了样本。", "2019-07-12", "星期三").date == "2019-07-10"
    assert dates("公司每周一开例会，客服周一至周五在线。", "2019-07-12") == []


def test_today_in_a_dated_dispatch_is_the_dispatchs_day():
    text = "7月11日消息，国内第一款专为青少年定制的搜索引擎花漾搜索APP今天正式发布。"
    assert dates(text, "2019-07-12") == [("7月11日", "2019-07-11"), ("今天", "2019-07-11")]


@pytest.mark.parametrize(
    "text",
    ["如今日产横滨总部外同时悬挂法国国旗和日本国旗", "节日前夕商场客流大增", "自己用券后年化利率超过20%"],
)
def test_a_day_word_inside_another_word_is_not_a_date(text):
    assert dates(text, "2019-05") == []


def test_a_day_word_glued_to_a_preposition_is_still_a_date():
    assert span("蚂蚁花呗宣布从今天起正式更名为花呗。", "2018-07", "今天").date == "2018-07"


# --------------------------------------------------------------------------- era years, quarters, reports

@pytest.mark.parametrize(
    ("text", "phrase", "label"),
    [
        ("台湾地区民国104年的出口总值下滑", "民国104年", "2015"),
        ("该馆于中华民国96年10月1日对外开放", "中华民国96年10月1日", "2007-10-01"),
        ("光绪元年，朝廷设立船政学堂", "光绪元年", "1875"),
        ("宣统三年，武昌起义爆发", "宣统三年", "1911"),
        ("康熙二十年9月，三藩之乱平定", "康熙二十年9月", "1681-09"),
    ],
)
def test_era_years_are_calendar_years(text, phrase, label):
    assert span(text, "2019", phrase).date == label


@pytest.mark.parametrize(
    ("text", "phrase", "first", "last"),
    [
        ("网贷天眼晚报：宜人贷Q4净营收下滑26%", "Q4", "2018-10-01", "2018-12-31"),
        ("宜人贷2018Q4净营收同比下滑26%", "2018Q4", "2018-10-01", "2018-12-31"),
        ("2025年第三季度财报（Q3 2025）暴露出增长乏力", "Q3 2025", "2025-07-01", "2025-09-30"),
        ("全球第二季个人电脑销量上升1.5%", "第二季", "2019-04-01", "2019-06-30"),
        ("截至2019年一季度末，中小银行拨备余额1.54万亿元", "截至2019年一季度末", "2019-03-01", "2019-03-31"),
        ("智谱预计最快将于2026年初登陆资本市场", "2026年初", "2026-01-01", "2026-01-31"),
        ("苏宁易购公布2019半年报预告", "2019", "2019-01-01", "2019-12-31"),
    ],
)
def test_quarters_and_reports(text, phrase, first, last):
    base = "2019-03-25" if "第二季" not in text else "2019-05-20"
    e = span(text, base, phrase)
    assert (e.date_start, e.date_end) == (first, last)


def test_a_quarter_without_a_year_is_the_latest_begun():
    assert span("全球Q2电脑销量升1.5%", "2019-07-12", "Q2").date_start == "2019-04-01"
    assert span("宜人贷Q4净营收下滑26%", "2019-03-25", "Q4").date_start == "2018-10-01"


def test_a_range_written_backwards_is_two_dates():
    text = "迅销集团公布了2019财年前三季度（2018年9月1日至2018年5月31日）业绩报。"
    found = dates(text, "2019-07")
    assert ("2018年9月1日", "2018-09-01") in found and ("2018年5月31日", "2018-05-31") in found


# --------------------------------------------------------------------------- what is not a date event

def test_recurrences_and_climate_months_are_not_dates():
    assert dates("其还款日为每月11日，每年3月调整额度。", "2019-03") == []
    climate = "北京属暖温带半湿润大陆性季风气候，一月份平均气温为-3.7℃，七月份平均气温为26.2℃。"
    assert dates(climate, "2019") == []
    assert dates("| 月份 | 一月 | 二月 | 三月 |", "2019") == []
    assert dates("公司一月份销量增长了20%。", "2019-05") == [("一月份", "2019-01")]


def test_a_book_title_keeps_its_written_dates_only():
    assert dates("《2019年2月P2P网贷行业贷款余额TOP100》榜单显示", "2019-03") == [("2019年2月", "2019-02")]
    assert dates("36氪《霸王茶姬大单品失宠？Q3财报营收下滑9.4%》", "2025-12") == [("Q3", "2025")]
    assert dates("网易的《明日之后》上线，电影《三月的故事》重映", "2019-03") == []


def test_a_question_or_a_season_of_a_show_is_not_a_quarter():
    assert dates("Q1：如何注册账号？Q2：忘记密码怎么办？", "2019-03") == []
    assert dates("《奔跑吧》第二季收视率走高，第三季节目正在筹备", "2019-03") == []


def test_a_figure_inside_a_longer_date_does_not_veto_it_but_a_name_does():
    text = "17年3月天风天睿退出股东名单"
    figure = [Span(0, 0, 3, "entity", "number", "17年")]
    assert [(e.text, e.date) for e in find_time_expressions([text], "2019", figure)] == [("17年3月", "2017-03")]
    name = [Span(0, 0, 4, "entity", "org", "1688")]
    assert find_time_expressions(["1688年销售额创新高"], "2023", name) == []
