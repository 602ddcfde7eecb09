"""Word lists for the tag rules of ``core.entity_rules``: place names, false names, heads.

These are matched against whole jieba tokens only (never inside a word), so a short
name here cannot fire inside a longer word. The place list complements the lexicon's
(which covers the business world); it is the country, capital and province names that
jieba's dictionary tags wrongly (莫斯科 ``nr``, 开罗 ``nz``) or too rarely to trust.
"""

from __future__ import annotations

# Countries, regions, capitals and large cities of the world, Chinese provinces and cities.
PLACES = frozenset(
    # countries and territories
    "中国 美国 日本 韩国 朝鲜 俄罗斯 英国 法国 德国 意大利 西班牙 葡萄牙 荷兰 比利时 卢森堡 瑞士 "
    "奥地利 瑞典 挪威 芬兰 丹麦 冰岛 爱尔兰 波兰 捷克 斯洛伐克 匈牙利 罗马尼亚 保加利亚 希腊 "
    "塞尔维亚 克罗地亚 斯洛文尼亚 波黑 马其顿 阿尔巴尼亚 黑山 科索沃 南斯拉夫 乌克兰 白俄罗斯 "
    "摩尔多瓦 立陶宛 拉脱维亚 爱沙尼亚 格鲁吉亚 亚美尼亚 阿塞拜疆 土耳其 塞浦路斯 马耳他 "
    "哈萨克斯坦 乌兹别克斯坦 吉尔吉斯斯坦 塔吉克斯坦 土库曼斯坦 蒙古 阿富汗 巴基斯坦 印度 "
    "孟加拉国 尼泊尔 不丹 斯里兰卡 马尔代夫 缅甸 泰国 老挝 柬埔寨 越南 马来西亚 新加坡 印尼 "
    "印度尼西亚 菲律宾 文莱 东帝汶 伊朗 伊拉克 叙利亚 黎巴嫩 约旦 以色列 巴勒斯坦 沙特 "
    "沙特阿拉伯 也门 阿曼 阿联酋 卡塔尔 巴林 科威特 埃及 利比亚 突尼斯 阿尔及利亚 摩洛哥 苏丹 "
    "埃塞俄比亚 索马里 肯尼亚 坦桑尼亚 乌干达 卢旺达 布隆迪 刚果 扎伊尔 安哥拉 赞比亚 津巴布韦 "
    "莫桑比克 纳米比亚 博茨瓦纳 南非 马达加斯加 尼日利亚 尼日尔 加纳 科特迪瓦 塞内加尔 马里 "
    "喀麦隆 乍得 几内亚 利比里亚 塞拉利昂 多哥 贝宁 加蓬 毛里求斯 加拿大 墨西哥 古巴 牙买加 海地 "
    "多米尼加 危地马拉 洪都拉斯 萨尔瓦多 尼加拉瓜 哥斯达黎加 巴拿马 哥伦比亚 委内瑞拉 厄瓜多尔 "
    "秘鲁 玻利维亚 巴西 巴拉圭 乌拉圭 阿根廷 智利 澳大利亚 新西兰 巴布亚新几内亚 斐济 "
    # regions and natural features
    "亚洲 欧洲 非洲 美洲 北美 南美 拉美 大洋洲 中东 东亚 南亚 西亚 中亚 东南亚 东欧 西欧 北欧 "
    "南欧 中欧 巴尔干 加勒比 海湾 太平洋 大西洋 印度洋 北冰洋 地中海 南海 东海 黄海 渤海 "
    "长江 黄河 珠江 淮河 松花江 雅鲁藏布江 湄公河 多瑙河 尼罗河 莱茵河 泰晤士河 喜马拉雅 "
    "青藏高原 台湾海峡 克什米尔 加沙 约旦河西岸 戈兰高地 西伯利亚 "
    # capitals and large cities abroad
    "东京 大阪 首尔 平壤 莫斯科 圣彼得堡 伦敦 巴黎 柏林 波恩 罗马 马德里 里斯本 阿姆斯特丹 "
    "布鲁塞尔 日内瓦 苏黎世 维也纳 斯德哥尔摩 奥斯陆 赫尔辛基 哥本哈根 华沙 布拉格 布达佩斯 "
    "贝尔格莱德 雅典 伊斯坦布尔 安卡拉 基辅 明斯克 德黑兰 巴格达 大马士革 贝鲁特 安曼 "
    "耶路撒冷 特拉维夫 利雅得 迪拜 多哈 开罗 内罗毕 约翰内斯堡 开普敦 比勒陀利亚 拉各斯 "
    "新德里 孟买 加尔各答 伊斯兰堡 卡拉奇 达卡 加德满都 科伦坡 曼谷 河内 胡志明市 金边 万象 "
    "仰光 吉隆坡 雅加达 马尼拉 乌兰巴托 阿拉木图 阿斯塔纳 塔什干 喀布尔 华盛顿 纽约 洛杉矶 "
    "旧金山 芝加哥 休斯敦 西雅图 波士顿 费城 底特律 迈阿密 亚特兰大 渥太华 多伦多 温哥华 "
    "蒙特利尔 墨西哥城 哈瓦那 巴西利亚 里约热内卢 圣保罗 布宜诺斯艾利斯 圣地亚哥 利马 波哥大 "
    "加拉加斯 悉尼 墨尔本 堪培拉 惠灵顿 奥克兰 法兰克福 汉堡 慕尼黑 米兰 威尼斯 "
    "马赛 里昂 曼彻斯特 斯特拉斯堡 海牙 "
    # Chinese provinces and regions
    "北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 "
    "湖南 广东 海南 四川 贵州 云南 陕西 甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆 香港 澳门 "
    "华北 华东 华南 华中 西南 西北 东北 江南 中原 关中 岭南 "
    # Chinese cities (prefecture level and well known)
    "石家庄 唐山 保定 邯郸 秦皇岛 太原 大同 呼和浩特 包头 沈阳 大连 鞍山 抚顺 丹东 锦州 长春 "
    "哈尔滨 大庆 齐齐哈尔 南京 无锡 徐州 常州 苏州 南通 扬州 镇江 连云港 杭州 宁波 温州 嘉兴 "
    "湖州 绍兴 金华 台州 义乌 合肥 芜湖 蚌埠 安庆 福州 厦门 泉州 漳州 莆田 南昌 九江 景德镇 "
    "济南 青岛 烟台 潍坊 威海 淄博 临沂 郑州 洛阳 开封 安阳 新乡 南阳 武汉 宜昌 襄阳 荆州 "
    "长沙 株洲 湘潭 衡阳 岳阳 常德 广州 深圳 珠海 汕头 佛山 东莞 中山 惠州 江门 湛江 海口 "
    "三亚 南宁 桂林 柳州 北海 成都 绵阳 自贡 乐山 宜宾 贵阳 遵义 昆明 大理 丽江 西安 延安 "
    "宝鸡 兰州 西宁 银川 乌鲁木齐 喀什 拉萨 日喀则 延边".split()
)
# Words jieba's dictionary tags ``ns`` (often with a high frequency) that are not places.
NOT_PLACES = frozenset(
    "城市 东西 平原 英雄 太阳 哥哥 海洋 湖泊 大桥 高原 上市 美丽 山区 江湖 大街 王国 开国 共和国 "
    "城镇 大都 京城 阿哥 南路 深度 山脉 回国 治安 大国 新鲜 古城 海峡 河口 冰川 长度 山水 长大 "
    "普及 内河 古典 阴阳 江山 高山 山坡 大汉 上马 太平 福利 日志 云集 青春 山河 神圣 中路 新建 "
    "西门 法西斯 河水 中断 山洞 都城 关联 湖水 广义 大圣 上山 兴国 龙门 江水 南门 新城 海关 "
    "爱国 建国 庆典 朝廷 国内 国外 外国 各国 两国 三国 五国 本国 该国 全国 异国 他国 友城 "
    "藩篱 蒙上 多极 馆藏 古庙 昔者 播撒 广为 开朗 保平安 百强县 老城区 大城市 沿海地区 "
    "驻京 离京 上同 城关 南市 半壁江山 西斯 于国 辽金 长安 永乐 福临 莫非 陈列 上半场 下半场 西瓜 海港 "
    "古都 朝野 南北 长河 东坡 中西 巴士 堰及 武村 桥头堡 琉璃瓦 莲蓬 中华".split()
)
# Honorifics after a surname: 李先生 names 李, not a person called 李先生.
HONORIFICS = frozenset("先生 小姐 女士 老师 同志 老 总 师傅 大爷 大妈 阿姨 某 氏".split())
# Characters of transliterated foreign names (费尔南多, 萨马兰奇, 内塔尼亚胡).
TRANSLIT = frozenset(
    "阿埃艾爱安昂奥巴拜班邦鲍贝本比彼毕波伯博布查达戴丹道德登迪蒂丁东杜敦多厄恩尔法范菲费芬"
    "丰弗福夫盖甘冈高戈格根古瓜哈海汉豪赫亨胡华霍基吉加贾杰捷金卡凯坎康考柯科克肯库奎拉"
    "莱赖兰朗劳勒雷黎里利莉丽连林琳隆卢鲁路伦罗洛马玛迈麦曼芒梅门蒙米敏明莫默姆穆纳娜奈南"
    "内尼妮涅宁纽努诺欧帕潘庞佩皮珀普奇齐恰钱乔切钦琼丘萨塞赛桑瑟森沙莎舍什施史舒斯松苏"
    "索塔泰坦汤唐陶特提图托瓦万旺威韦维温沃乌武西希锡谢辛休雅亚扬耶伊因英尤于约泽扎詹兹"
    "佐茨若延芭肖地迪契迭娃丝茜黛薇琪珊夏得拿勃蕾"
)
# Generic heads that make no name after a bare place (美国/公司, 菲律宾/政府).
GENERIC_HEADS = frozenset("公司 政府 大学 银行 议会 国会 内阁 党 部 局 厂".split())
# Organisation heads: a name followed by one of these, or ending with one, is an org.
ORG_HEADS = (
    "委员会", "有限公司", "公司", "集团", "大学", "学院", "中学", "小学", "研究院", "研究所",
    "科学院", "银行", "协会", "学会", "基金会", "联合会", "商会", "医院", "法院", "检察院",
    "出版社", "报社", "杂志社", "通讯社", "电视台", "电台", "人民政府", "政府", "党委", "省委",
    "市委", "县委", "区委", "组委会", "村委会", "居委会", "俱乐部", "总局", "管理局", "公安局",
    "分局", "局", "部", "厅", "署", "处", "厂", "总厂", "队", "党", "议会", "国会", "内阁",
    "舰队", "编队", "联盟", "组织", "日报", "周刊", "杂志", "联校", "饭店", "交易所",
)
# Words ending like an org head that are not one (中国西部, 全国大局, 北京餐厅).
NOT_HEADS = frozenset(
    "内部 外部 全部 东部 西部 南部 北部 中部 局部 干部 头部 底部 顶部 部分 格局 结局 布局 大局 "
    "全局 时局 政局 当局 僵局 开局 好处 到处 之处 深处 益处 用处 坏处 长处 短处 难处 住处 各处 "
    "此处 排队 军队 部队 团队 插队 入党 工厂 餐厅 大厅 客厅 展厅 部署 签署 组织 交界处 大部 "
    "干部 办事处 总部".split()
)
# Standalone words that name an organisation (PD: 市委 ORG).
ORG_WORDS = frozenset(
    "省委 市委 县委 区委 海军 空军 陆军 参议院 众议院 "
    "党中央 全国政协 全国人大".split()
)
# Tags a word inside an organisation name may carry (国务院/nt 残疾人/n 工作/vn 协调/v ...).
ORG_INNER_TAGS = frozenset("n nz nt ns nr nrt j vn b l eng ng an".split())
# jieba ``nt`` words that are not organisations.
NOT_ORGS = frozenset(
    "音乐会 联合公报 社会科学 中医学 天文学 国际化 中南部 党政军 暨 渣 人民公社 解放区 "
    "国家机关 党政机关 中国古典文学 八国联军 日电 日讯 本报讯 本报 电 "
    # generic words for a business, never its name (公司委任保荐人: the company)
    "公司 本公司 该公司 子公司 母公司 集团 平台 银行 企业 机构 券商 交易所 基金 上市公司".split()
)
# Latin abbreviations of business measures, models and roles, written in capitals: the
# tagger reads GMV and AIGC next to 1688 or SHEIN as organisations, yet they never are.
NOT_NAMES_LATIN = frozenset(
    "GMV GTV DAU MAU ARPU ROI KPI OKR GDP CPI PPI PMI IPO SKU SPU UV PV CTR CPC CPM CPS "
    "AI AIGC AGI LLM SAAS PAAS IAAS API APP B2B B2C C2C C2M M2C D2C F2C S2B O2O OEM ODM "
    "OBM DTC VR AR IT IOT CEO CFO COO CTO CMO VP KOL KOC MCN IP ESG".split()
)
# Single-character abbreviations of countries and places (中美 → 中 + 美).
ABBR = frozenset("中美俄日韩朝印巴英法德意欧非澳加越泰以伊苏蒙华京沪港台藏")
# Verbs glued to an abbreviation in one token: 访华, 来京, 驻港, 对美.
ABBR_VERBS = frozenset("访来驻赴抵离进返在对援侵")
