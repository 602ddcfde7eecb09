"""The publication date as a careful reader gives it: stated, else the newest past date,
never a forecast; and what the reader's analysis reports for it."""

from __future__ import annotations

from b2b_reader.core import pipeline
from b2b_reader.core.pubdate import publication_date


def pub(*paragraphs: str, titles: tuple[str, ...] = ()):
    found = publication_date(list(paragraphs), None, titles)
    return found.label, found.stated


# --------------------------------------------------------------------------- stated

def test_a_date_in_the_headline_is_the_date():
    assert pub("沪指5月下跌5.8% 丨信和大金融涉嫌违规被查丨2019.5.31.众财汇",
               "5月30日苏农银行晚间公告称，公司董事会于2019年5月29日收到辞职报告。") == ("2019-05-31", True)
    assert pub("公司发布年报。", titles=("央行发布金融统计数据 2024年1月12日",)) == ("2024-01-12", True)


def test_a_byline_states_the_date():
    paragraphs = ["央行：5月末广义货币余额同比增长8.5%", "2019-06-12 16:05 来源：新浪财经",
                  "中国人民银行12日发布数据显示，2019年5月末广义货币余额189.91万亿元。"]
    assert pub(*paragraphs) == ("2019-06-12", True)


def test_a_dateline_gives_the_day_and_the_text_its_year():
    text = "新华社北京5月17日电 国家统计局17日发布数据，2019年4月份社会消费品零售总额同比增长7.2%。"
    assert pub(text) == ("2019-05-17", True)


def test_a_date_opening_a_long_first_paragraph_is_an_event():
    text = ("2006年10月19日，日产汽车宣布在美国田纳西州建立新的发动机厂，这是公司近年来在北美最大的一笔"
            "投资，预计将为当地创造上千个工作岗位，并带动零部件供应商在附近设厂。")
    label, stated = pub(text)
    assert not stated


# --------------------------------------------------------------------------- inferred: the newest past date

def test_the_newest_past_date_not_a_forecast():
    paragraphs = [
        "北京智谱华章科技股份有限公司已于近日通过港交所上市聆讯，并于12月19日更新了聆讯后资料集。",
        "若后续进程顺利，智谱预计最快将于2026年初登陆资本市场。",
        "截至2025年11月，公司日均云端token调用量超过4.2万亿次。",
    ]
    assert pub(*paragraphs) == ("2025-12-19", False)


def test_a_news_lead_months_before_the_newest_explicit_date_is_from_the_next_year():
    paragraphs = ["6月28日晚间，中国基金业协会通过官方微信公众号发布公告。",
                  "今年6月深圳市公安局南山分局发布案情通报。",
                  "2018年11月13日，国际刑警组织对本案的主要犯罪嫌疑人在全球发布了红色通报。"]
    assert pub(*paragraphs) == ("2019-06-28", False)


def test_plans_deadlines_and_conditions_are_not_past():
    paragraphs = [
        "3月23日，红岭创投创始人周世平宣布，将于2021年12月底清盘平台线上债权资产。",
        "根据帖子内容，红岭创投2021年12月底清盘平台线上债权资产，线上平台2021年12月底之前清理完毕。",
        "资产总额5万元以下的投资者，3月底将成立资产处置委员会，4月1日起将全面停发净值标。",
        "如果合并后公司2019年和2020年的财务业绩符合预期，前股东还有权获得额外股份。",
        "此前监管要求红岭创投限期2018年底之前完成净值标的清理，2018年11月公司公告整改。",
    ]
    assert pub(*paragraphs) == ("2019-03-23", False)


def test_a_year_announced_as_a_target_in_its_sentence_is_not_past():
    text = ("存量规模和投资者人数都将要求降低，2019年平台线上存量规模降低50亿元，2020年平台线上存量规模降低80亿元。"
            "2月26日，广东地区已有网贷平台被勒令停止发标。2019年2月，红岭创投贷款余额202.45亿元。")
    assert pub(text) == ("2019-02-26", False)


def test_some_years_is_no_condition():
    assert pub("若干年后回看，2018年5月的整改是转折点。") == ("2018-05", False)


def test_no_year_no_date():
    assert pub("今年3月，公司上线新品。") == (None, False)


# --------------------------------------------------------------------------- what the reader reports

def _analysed(text: str, name: str = "a.txt"):
    loaded = pipeline.load_text(text, name)
    views = pipeline.make_views(loaded.document)
    return loaded, pipeline.analyze(loaded.document, views, use_cache=False)


def test_the_analysis_says_an_inferred_date_is_inferred_and_a_stated_one_is_not():
    _, inferred = _analysed("华夏信财被诉高利贷\n\n2019年3月27日，谭女士在聚投诉发帖。5月7日，陈先生在聚投诉发帖投诉。\n")
    assert (inferred.date, inferred.date_inferred) == ("2019-05-07", True)
    _, stated = _analysed("新华社北京5月17日电 国家统计局17日发布数据，2019年4月份社会消费品零售总额同比增长7.2%。\n")
    assert (stated.date, stated.date_inferred) == ("2019-05-17", False)


def test_a_front_matter_date_wins_over_the_text():
    _, analysis = _analysed("---\ntitle: 报道\ndate: 2020-01\n---\n\n2019年5月7日，林先生发帖投诉。\n", "a.md")
    assert (analysis.date, analysis.date_inferred) == ("2020-01", False)


def test_full_width_digits_are_dates_and_numbers_with_exact_offsets():
    text = "日本企业１９８１年进入中国市场，１０月３１日公布财报，营收１．５亿元，Ｑ３增长显著。\n"
    loaded, analysis = _analysed(text)
    paragraph = loaded.document.paragraphs[0].text
    shown = {(paragraph[s.start:s.end], s.type) for s in analysis.spans if s.layer == "entity"}
    assert {("１９８１年", "date"), ("１０月３１日", "date"), ("１．５亿元", "number"), ("Ｑ３", "date")} <= shown
    by_phrase = {e.phrase: e for e in analysis.events}
    assert by_phrase["１９８１年"].date == "1981"
    assert by_phrase["１０月３１日"].date == "1981-10-31"


def test_a_two_digit_year_month_is_highlighted_as_a_date_not_a_count():
    loaded, analysis = _analysed("甜菜金融股东变更\n\n17年3月天风天睿退出股东名单，18年7月天风天盈退出股东名单。\n")
    paragraph = loaded.document.paragraphs[0].text
    shown = {(paragraph[s.start:s.end], s.type, s.key) for s in analysis.spans if s.layer == "entity"}
    assert {("17年3月", "date", "2017-03"), ("18年7月", "date", "2018-07")} <= shown
    assert not any(t == "17年" for t, _, _ in shown)
