"""Names read from their sentence and their document: business heads, brackets, titles of
works, CC-CEDICT's types, one reading per discourse, traditional sources.

Sentences written for these tests (none is in the tagger's training data)."""

from __future__ import annotations

import pytest

from b2b_reader.core import cedict_names, pipeline
from b2b_reader.core.entities import find_entities
from b2b_reader.core.lexicon import load_lexicon
from b2b_reader.core.name_context import bracket_ok, trade_name

_LEX = load_lexicon()
NAMES = ("person", "org", "place")


def spans(paragraphs: list[str], **kw) -> list[tuple[int, str, str]]:
    """``(paragraph, surface, type)`` of the person/org/place spans, in order."""
    return [(s.paragraph, paragraphs[s.paragraph][s.start:s.end], s.type)
            for s in find_entities(paragraphs, _LEX, **kw) if s.type in NAMES]


def names(text: str) -> dict[str, str]:
    return {surface: t for _p, surface, t in spans([text])}


# ── one reading per discourse ────────────────────────────────────────────────────────


def test_a_name_found_once_is_found_at_every_mention_with_one_type():
    doc = ["旗下还有花虾金融，运营主体为上海某信息服务公司。",
           "记者登录花虾金融官网发现，页面已无法打开。",
           "多名出借人表示，花虾金融至今没有公布兑付方案。"]
    got = spans(doc)
    assert [(p, s) for p, s, t in got if s == "花虾金融"] == [(0, "花虾金融"), (1, "花虾金融"), (2, "花虾金融")]
    assert {t for _p, s, t in got if s == "花虾金融"} == {"org"}
    # sentences of a corpus are not one document: nothing carries over
    alone = spans(["多名出借人表示，花虾金融至今没有公布兑付方案。"], discourse=False)
    assert ("花虾金融" in {s for _p, s, _t in alone}) == ("花虾金融" in names(doc[2]))


def test_a_short_form_inside_a_longer_name_does_not_split_it():
    doc = ["京东支付与首汽约车达成合作。", "首汽约车的乘客今后可以用京东支付付款。"]
    got = spans(doc)
    assert sum(1 for _p, s, t in got if s == "京东支付" and t == "org") == 2
    assert sum(1 for _p, s, t in got if s == "首汽约车" and t == "org") == 2
    assert "京东" not in {s for _p, s, _t in got}


def test_a_context_only_a_company_has_makes_every_mention_an_org():
    doc = ["唐小僧母公司被查，投资人纷纷报案。", "唐小僧曾承诺年化收益超过百分之十。"]
    got = spans(doc)
    assert {t for _p, s, t in got if s == "唐小僧"} <= {"org"}
    assert any(s == "唐小僧" and p == 1 for p, s, _t in got)


def test_an_alias_defined_in_brackets_is_the_same_kind_of_name():
    doc = ["本次失联的深圳市前海国购股权投资基金管理有限公司（下称“国购基金”）成立于2015年。",
           "国购基金的实际控制人已被警方控制。"]
    got = spans(doc)
    assert (0, "深圳市前海国购股权投资基金管理有限公司", "org") in got
    assert (1, "国购基金", "org") in got


def test_the_trade_name_of_a_registered_company_is_read_at_every_mention():
    assert trade_name("北京智谱华章科技股份有限公司") == "智谱华章"
    assert trade_name("深圳市前海国购股权投资基金管理有限公司") == "前海国购"
    assert trade_name("数字经济") is None
    doc = ["招股文件显示，北京智谱华章科技股份有限公司成立于2019年。",
           "智谱预计最快将于明年完成上市。", "智谱的大模型已服务数千家企业。"]
    got = spans(doc)
    assert (1, "智谱", "org") in got and (2, "智谱", "org") in got


def test_a_ticker_bracket_makes_the_name_before_it_a_company():
    doc = ["新茶饮明星股霸王茶姬（NASDAQ: CHA）股价大跌。", "霸王茶姬的门店数量仍在增长。"]
    got = spans(doc)
    assert (0, "霸王茶姬", "org") in got and (1, "霸王茶姬", "org") in got
    assert not any(t == "person" for _p, _s, t in got)  # not 王茶姬


def test_items_of_a_list_beside_a_platform_are_platforms():
    doc = ["深圳市整治办对红岭创投、投资宝、牛板金等平台进行了检查。"]
    got = {s: t for _p, s, t in spans(doc)}
    assert got.get("红岭创投") == "org" and got.get("投资宝") == "org" and got.get("牛板金") == "org"


# ── the sentence: heads, brackets, titles, sources ───────────────────────────────────


@pytest.mark.parametrize(("text", "org"), [
    ("对此天风证券回复称，相关业务已经暂停。", "天风证券"),
    ("宜人贷CEO方以涵辞职。", "宜人贷"),
    ("资邦金服旗下平台已停止发标。", "资邦金服"),
    ("徽商银行10月以来遭罚8次。", "徽商银行"),
])
def test_a_coined_stem_before_a_business_head_is_a_company(text, org):
    assert names(text).get(org) == "org"


@pytest.mark.parametrize("text", [
    "互联网金融平台的风险正在出清。", "消费金融公司的利率普遍下调。",
    "商业银行的不良贷款率有所上升。", "公司的注册资本为一亿元。", "今天晴转多云，气温回升。",
])
def test_an_ordinary_word_before_a_business_head_is_no_company(text):
    assert not any(t == "org" for t in names(text).values()), names(text)


def test_a_span_never_crosses_a_bracket_or_a_quote():
    assert not bracket_ok("广州）全国高校党建", 0, 9)
    assert not bracket_ok("《进步日报》", 1, 6)
    assert bracket_ok("中天城投（贵州）普惠金融服务有限公司", 0, 18)
    text = "本报广州讯（记者王明）全国高校党建工作会议在广州召开。"
    for _p, surface, _t in spans([text]):
        assert bracket_ok(surface, 0, len(surface)), surface


def test_a_title_of_a_work_is_not_mined_but_a_newspaper_is_its_org():
    got = names("他在《中国企业家成长史》一书中写到了马云和柳传志。")
    assert "中国" not in got and "中国企业家" not in got
    assert names("他在《进步日报》发表文章。") == {"进步日报": "org"}
    assert names("《证券时报》记者注意到，多家券商调整了佣金。").get("证券时报") == "org"


def test_the_outlet_a_report_cites_is_an_org():
    assert names("（来源：网贷天眼）近日，又一家平台宣布良性退出。").get("网贷天眼") == "org"
    assert names("据澎湃新闻报道，该公司已提交上市申请。").get("澎湃新闻") == "org"
    assert "业内人士" not in names("据业内人士透露，该公司已提交上市申请。")


@pytest.mark.parametrize(("text", "wrong"), [
    ("阳春三月，万物复苏，广州的企业纷纷开工。", "阳春"),
    ("他获得了第十届金鹿杯最佳新人奖。", "金鹿杯"),
    ("都市生活节奏加快，河川治理成为话题。", "河川"),
    ("坐中巴去县城要两个小时。", "中"),
    ("台积电总裁魏哲家在法说会上表示，订单强劲。", "法"),
])
def test_ordinary_words_are_not_names(text, wrong):
    assert wrong not in names(text), names(text)


# ── CC-CEDICT's types ────────────────────────────────────────────────────────────────


def test_cedict_gives_proper_nouns_their_types():
    assert cedict_names.name_type("马拉维") == "place"  # a country: CC-CEDICT gives its capital
    assert cedict_names.name_type("台积电") == "org"
    assert cedict_names.name_type("河川") == "common"
    assert cedict_names.name_type("毛泽东") == "person"
    assert cedict_names.ambiguous("中巴") and cedict_names.ambiguous("小米")
    assert not cedict_names.ambiguous("纳斯达克")


def test_a_country_the_tagger_reads_as_a_person_is_a_place():
    got = names("马拉维总统访问中国，双方签署了合作协议。")
    assert got.get("马拉维") == "place" and got.get("中国") == "place"


def test_cedict_companies_back_the_tagger_up():
    assert names("台积电将扩大在美国的投资。").get("台积电") == "org"


def test_the_cedict_table_is_parsed_from_its_own_lines():
    lines = ["馬拉維 马拉维 [Ma3 la1 wei2] /Malawi/",
             "利隆圭 利隆圭 [Li4 long2 gui1] /Lilongwe, capital of Malawi/",
             "河川 河川 [he2 chuan1] /rivers/",
             "中巴 中巴 [Zhong1 Ba1] /China-Pakistan (relations)/",
             "中巴 中巴 [zhong1 ba1] /minibus/",
             "高盛 高盛 [Gao1 sheng4] /Goldman Sachs/",
             "京東 京东 [Jing1 dong1] /Jingdong, Chinese e-commerce company/"]
    proper, common = cedict_names.parse(lines)
    assert proper == {"马拉维": "place", "利隆圭": "place", "中巴": "proper", "高盛": "proper", "京东": "org"}
    assert common == {"河川", "中巴"}


# ── traditional sources ──────────────────────────────────────────────────────────────


def test_names_in_a_traditional_source_are_found_and_keep_the_authors_characters():
    text = ("台積電總裁魏哲家在法說會上表示，先進製程需求強勁。\n\n"
            "台積電董事長魏哲家說，台積電在美國的新廠進度順利。\n")
    loaded = pipeline.load_text(text, "taiwan-news.txt")
    views = pipeline.make_views(loaded.document)
    analysis = pipeline.analyze(loaded.document, views, use_cache=False)
    views = pipeline.analysed_views(views, analysis)
    got = set()
    for span in analysis.spans:
        if span.layer == "entity" and span.type in NAMES:
            view = views.get("original", "std", span.paragraph)
            got.add((view.text[view.map.to_view(span.start):view.map.to_view(span.end, end=True)], span.type))
    assert ("台積電", "org") in got          # the author's characters, not 台积电
    assert ("美國", "place") in got
    assert not any(surface == "法" for surface, _t in got)


def test_ordinary_english_words_are_known_from_cedict_glosses():
    lines = ["助理 助理 [zhu4 li3] /assistant/", "谷歌 谷歌 [Gu3 ge1] /Google, Internet company/"]
    assert cedict_names.english_words(lines) == {"assistant", "company"}  # (not Internet, Google)
    assert cedict_names.is_english_word("Assistant") and cedict_names.is_english_word("LIMITED")
    assert not cedict_names.is_english_word("Google")  # CC-CEDICT writes it only capitalised


def test_a_short_form_is_not_read_inside_a_longer_name():
    doc = ["天风证券参控股的天风天盈投资有限公司已退出。", "天风证券回复称，相关业务已暂停。",
           "天风证券营业部的工作人员表示不知情。"]
    got = spans(doc)
    assert not any(s == "天风" for _p, s, _t in got), got
    assert sum(1 for _p, s, t in got if s == "天风证券" and t == "org") == 3


def test_a_government_body_is_named_from_its_city_on():
    got = names("贵阳市观山湖区金融办、温州市公安局鹿城区分局已介入调查。")
    assert got.get("贵阳市观山湖区金融办") == "org" and got.get("温州市公安局鹿城区分局") == "org"
    assert "北京市中心" not in names("他住在北京市中心的一套公寓里。")
    assert "印度当局" not in names("印度当局表示将加强监管。")


def test_a_place_before_a_common_word_in_hui_or_a_team_is_no_body():
    # 会 after a place is "will", 社会 and 博览会 are no body, 球队 is any team
    assert "香港会" not in names("香港会在五到十年内发展成为区域金融中心。")
    assert "广西面向社会" not in names("广西面向社会公开选拔副厅级领导干部。")
    got = names("本届上海国际汽车博览会今天开幕，南美球队与欧洲球队的比赛同时举行。")
    assert "上海国际汽车博览会" not in got and "南美球队" not in got
    # a team named in one token does not run back over the clause before it
    got = names("法国队12日在马赛战胜南非队后，全城欢庆。")
    assert got.get("南非队") == "org" and "马赛战胜南非队" not in got
    assert names("北京市律师协会发布了新规。").get("北京市律师协会") == "org"


def test_a_reporter_of_a_country_or_a_clause_before_jizhe_is_no_outlet():
    assert names("一位法国记者对我们说，这家工厂已经停产。").get("法国") == "place"
    got = names("法国总理若斯潘在记者招待会上回答了提问。")
    assert "法国总理若斯潘在" not in got and got.get("若斯潘") == "person"
    assert names("告诉券商中国记者，该基金已清盘。").get("券商中国") == "org"
    assert names("据新浪科技记者了解，该公司已裁员。").get("新浪科技") == "org"


def test_a_name_right_after_a_business_role_is_a_person():
    assert names("宜人贷CEO方以涵因个人原因辞去职务。").get("方以涵") == "person"
    assert names("该公司实控人阳端为另一家平台的创始人。").get("阳端") == "person"
    assert names("原股东韩影签订了股权转让协议。").get("韩影") == "person"
    assert names("董事长王建国表示将扩大投资。").get("王建国") == "person"
    got = names("君融贷法人吴隽、董事罗鹏，分别在融数集团任职。")
    assert got.get("罗鹏") == "person" and "董事罗鹏" not in got
    assert not any(t == "person" for t in names("工商记录显示，其股东曾出现融数集团。").values())
    got = names("股东方面表示，董事会将召开股东大会，董事长王某未出席。")
    assert not any(t == "person" for t in got.values()), got


def test_a_digest_credits_its_outlet_in_brackets_after_the_item():
    text = "网贷成交量连续三个月下降，行业收缩仍在继续。（澎湃） 9、另一条消息："
    assert names(text).get("澎湃") == "org"
    assert "完" not in names("这是文章的最后一句。（完）")
    assert names("外贸出口保持增长。（北京）").get("北京") != "org"


def test_every_item_of_a_list_of_platforms_is_one_when_some_are_known():
    doc = ["这家银行为多家平台提供存管，包括红岭创投、跃马财富、诚投在线、玲珑金管家、1个消费平台。",
           "此后跃马财富宣布清盘。"]
    got = spans(doc)
    orgs = {s for _p, s, t in got if t == "org"}
    assert {"跃马财富", "诚投在线", "玲珑金管家"} <= orgs, got
    assert "1个消费平台" not in {s for _p, s, _t in got}
    assert (1, "跃马财富", "org") in got
