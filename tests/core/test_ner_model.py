"""The shipped name tagger (``core.ner_model``) as a reader meets it through find_entities."""

from __future__ import annotations

import itertools
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from b2b_reader.core import ner_model
from b2b_reader.core.entities import find_entities
from b2b_reader.core.lexicon import load_lexicon

_LEX = load_lexicon()
TUI = Path(__file__).resolve().parents[2] / "tui"


def names(text: str, **kw) -> dict[str, str]:
    """Surface → type of the person/org/place spans of one paragraph."""
    return {text[s.start:s.end]: s.type for s in find_entities([text], _LEX, **kw)
            if s.type in ("person", "org", "place")}


def test_the_model_ships_and_is_small():
    model = ner_model.load_model()
    assert model is not None
    path = Path(ner_model.__file__).parent.parent / "data" / ner_model.MODEL_FILE
    assert path.stat().st_size < 8_000_000  # the package may grow by 20 MB in all


def test_the_training_script_rebuilds_a_working_model_from_a_small_sample(tmp_path):
    # tools/train_ner.py on 40 MSRA and 40 CLUENER sentences, one epoch: the file it
    # writes is read by the run-time code, records what it learned from, and tags.
    out = tmp_path / "tiny.npz"
    script = Path(__file__).resolve().parents[2] / "tools" / "train_ner.py"
    if not (script.parents[2] / "shared" / "eval" / "ner_msra_train.jsonl").exists():
        pytest.skip("the shared eval data is not here")
    run = subprocess.run([sys.executable, str(script), "--limit", "40", "--epochs", "1", "--no-eval",
                          "--bits", "16", "--out", str(out)],
                         env={"PYTHONPATH": str(TUI), "B2B_READER_HOME": str(tmp_path)},
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "msra: 40 sentences" in run.stdout and "cluener: 40 sentences" in run.stdout
    model = ner_model.read_model(out)
    assert model.bits == 16
    with np.load(out) as z:
        assert "corpora=msra,cluener" in str(z["meta"]) and "limit=40" in str(z["meta"])
    from b2b_reader.core.entities import entity_inputs

    _c, inputs, _cover = entity_inputs(["国务院总理李强在北京会见了来访的客人。"], _LEX)
    assert model.scores(inputs).shape == (len(inputs.texts[0]) + 1, len(ner_model.TAGS))


def test_the_model_is_not_loaded_when_the_entity_module_is_imported():
    code = ("import b2b_reader.core.entities, b2b_reader.core.ner_model as m;"
            "print(m.load_model.cache_info().currsize)")
    out = subprocess.run([sys.executable, "-c", code], env={"PYTHONPATH": str(TUI)},
                         capture_output=True, text=True, check=True).stdout
    assert out.strip() == "0"


def test_people_and_organisations_the_lexicon_lacks():
    # Sentences written for this test (not in the training data): transliterated names the
    # lexicon and the tag rules miss, next to an organisation and places.
    text = "世界贸易组织总干事伊维拉今天在日内瓦表示，全球货物贸易有望回暖。"
    got = names(text)
    assert got == {"世界贸易组织": "org", "伊维拉": "person", "日内瓦": "place"}
    assert "伊维拉" not in names(text, names="rules")
    text = "欧盟委员会执行副主席东布罗夫斯基斯将访问北京。"
    assert names(text) == {"欧盟委员会": "org", "东布罗夫斯基斯": "person", "北京": "place"}


@pytest.mark.parametrize(("text", "person"), [
    # sentences written for this test; none of these people is in the lexicon
    ("快递员蒋文博每天要送三百多件包裹。", "蒋文博"),
    ("创始人邱梦洁表示，公司今年将在义乌开设新仓库。", "邱梦洁"),
    ("研究员姚振宇认为，下沉市场仍有空间。", "姚振宇"),
    ("老板娘范秋菊把店开到了第三家。", "范秋菊"),
    ("分析师段嘉明指出，平台的补贴力度正在减弱。", "段嘉明"),
])
def test_a_surname_and_given_name_in_a_fresh_sentence_is_a_person(text, person):
    assert person not in _LEX.surfaces()
    got = names(text)
    assert got.get(person) == "person", got
    assert not any(person in s and s != person for s in got)  # whole, not cut or glued


def test_an_org_name_the_rules_split_is_found_whole():
    text = "对此，吉林省集邮协会会员魏宏宇认为，今年邮市快速回升应属合理上涨行情。"
    got = names(text)
    assert got.get("吉林省集邮协会") == "org"
    assert got.get("魏宏宇") == "person"


def test_1688_young_buyers_is_an_org_not_a_year():
    text = "亿欧网的统计则显示,2020年上半年1688年轻买家的占比提升接近10%。"
    spans = find_entities([text], _LEX)
    got = {text[s.start:s.end]: s.type for s in spans}
    assert got["1688"] == "org"
    assert not any(s.type == "date" and "1688" in text[s.start:s.end] for s in spans)


def test_ordinary_words_jieba_calls_names_are_not_highlighted():
    text = "阿里最古老的业务,合并大淘宝的消息很快遭到辟谣,历史悠久、商品齐全的1688,或许会令人稍感诧异。"
    got = names(text)
    for word in ("古老", "辟谣", "齐全", "令人"):
        assert not any(word in surface for surface in got), got


def test_a_business_title_or_measure_in_latin_letters_is_not_part_of_a_name():
    # The tagger reads 集团CEO as one organisation and GMV as one on its own; a reader of
    # business news sees the group highlighted, and the measure as plain text.
    found = names("深圳华强电子集团CEO李明表示，今年公司的GMV和DAU都在增长。")
    assert found.get("深圳华强电子集团") == "org"
    assert not any(x in name for name in found for x in ("CEO", "GMV", "DAU"))


def test_a_latin_word_is_never_a_person():
    # CLUENER labels Latin words as names; in Chinese business news they are brands,
    # products and titles.
    found = names("他在游戏大话西游Online里认识了Kevin，还提到了Google。")
    assert not [name for name, kind in found.items() if kind == "person" and name.isascii()]


@pytest.mark.parametrize("text", [
    # sentences of the default article where a model once read 阿里庞 and 阿里高层 as places
    "尽管在阿里庞大的电商帝国里,1688所占的体量很小,却有自己的独特价值。",
    "当然了,阿里高层对1688的寄望,也不是全放在下沉市场、年轻用户的争夺上面。",
])
def test_lexicon_names_win_over_the_model(text):
    spans = find_entities([text], _LEX)
    got = {text[s.start:s.end]: (s.type, s.key) for s in spans}
    assert got["阿里"] == ("org", "阿里巴巴")
    assert got["1688"] == ("org", "1688")
    assert not any("阿里" in surface and surface != "阿里" for surface in got)


def test_offsets_are_exact_and_keys_are_the_names():
    paragraphs = ["", "新华社北京5月7日电国务院副总理李岚清今天在中南海会见了美国客人。", "",
                  "刘霞的这种感受，也在天津市纺织工业供销公司总经理边春和那里得到了印证。"]
    spans = find_entities(paragraphs, _LEX)
    assert {s.paragraph for s in spans} == {1, 3}
    for s in spans:
        surface = paragraphs[s.paragraph][s.start:s.end]
        assert surface
        if s.type in ("person", "place") and s.key != surface:
            assert s.key in {e.name for e in _LEX.surfaces().values()}  # an alias → its name


def test_empty_input_and_empty_paragraphs():
    assert find_entities([], _LEX) == []
    assert find_entities(["", ""], _LEX) == []


def test_a_huge_paragraph_is_tagged_throughout():
    sentence = "世界贸易组织总干事伊维拉今天在日内瓦表示。"
    text = sentence * 3000  # 63,000 characters in one paragraph, decoded in pieces
    spans = [s for s in find_entities([text], _LEX) if s.type == "person"]
    starts = {s.start for s in spans if text[s.start:s.end] == "伊维拉"}
    expected = {i * len(sentence) + 9 for i in range(3000)}
    # pieces are cut every 256 characters, so a name may be cut at a piece's edge
    assert len(starts & expected) >= 0.95 * len(expected)
    assert all(0 <= s.start < s.end <= len(text) for s in spans)


def test_rules_only_mode_still_works():
    text = "王建国和李小璐来到浙江省杭州市。"
    got = names(text, names="rules")
    assert got["王建国"] == "person" and got["浙江省"] == "place"


def _brute_force(emit, trans):
    k = emit.shape[1]
    best = None
    for seq in itertools.product(range(k), repeat=len(emit)):
        score = trans[k][seq[0]] + emit[0][seq[0]]
        score += sum(trans[seq[i - 1]][seq[i]] + emit[i][seq[i]] for i in range(1, len(seq)))
        if best is None or score > best[0]:
            best = (score, seq)
    return best[1]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(1, 5), min_size=1, max_size=4), st.integers(0, 2**32 - 1))
def test_viterbi_finds_the_best_path_of_every_segment(lengths, seed):
    rng = np.random.default_rng(seed)
    k = 3
    starts, pos = [], 0
    for n in lengths:
        starts.append(pos)
        pos += n + 1  # one separator after each segment
    emit = (rng.normal(size=(pos, k)) * 3).astype(np.float32)
    trans = (rng.normal(size=(k + 1, k)) * 3).astype(np.float32)
    labels = ner_model.viterbi(emit, (np.array(starts), np.array(lengths)), trans)
    for s, n in zip(starts, lengths):
        assert tuple(labels[s:s + n]) == _brute_force(emit[s:s + n], trans)
        assert labels[s + n] == 0  # separators are O


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(range(len(ner_model.TAGS))), max_size=30))
def test_decoded_spans_are_well_formed(labels):
    arr = np.array(labels, dtype=np.int64)
    starts, ends, kinds = ner_model.decode(arr)
    assert list(starts) == sorted(starts)
    for s, e, k in zip(starts, ends, kinds):
        assert 0 <= s < e <= len(arr) and 1 <= k <= 3
        assert all((arr[i] + 1) // 2 == k for i in range(s, e))  # one type throughout
    covered = sum(int(e - s) for s, e in zip(starts, ends))
    assert covered == int(np.count_nonzero(arr))  # every tagged character in one span


def test_a_long_document_is_tagged_in_blocks_with_the_same_answers():
    paragraphs = ["世界贸易组织总干事伊维拉今天在日内瓦表示，全球货物贸易有望回暖。",
                  "对此，吉林省集邮协会会员魏宏宇认为，今年邮市快速回升应属合理上涨行情。"] * 2500
    assert sum(map(len, paragraphs)) > 1 << 17  # more than one block
    spans = find_entities(paragraphs, _LEX)
    alone = [find_entities([text], _LEX) for text in paragraphs[:2]]
    for p in (0, 1, 2500, 4998, 4999):
        got = [(s.start, s.end, s.type, s.key) for s in spans if s.paragraph == p]
        assert got == [(s.start, s.end, s.type, s.key) for s in alone[p % 2]]


def test_a_book_length_document_gets_the_rules_names(monkeypatch):
    # Past MODEL_MAX_CHARS the tagger is skipped (throughput); lowered here to keep it quick.
    from b2b_reader.core import entities

    text = "欧盟委员会执行副主席东布罗夫斯基斯将访问北京。"
    monkeypatch.setattr(entities, "MODEL_MAX_CHARS", len(text) * 2)
    assert names(text)["东布罗夫斯基斯"] == "person"  # short: the model
    long = [text] * 3
    assert find_entities(long, _LEX) == find_entities(long, _LEX, names="rules")
    assert not any(s.key == "东布罗夫斯基斯" for s in find_entities(long, _LEX))


def test_dictionary_marks_see_every_name_word_not_only_jiebas_segmentation():
    # jieba cuts 南京市/长江大桥, yet 长江 (a river) and 南京 are dictionary names too:
    # the tagger sees every reading, so a split it did not choose still informs it.
    from b2b_reader.core.ner_features import dictionary_marks

    text = "南京市长江大桥"
    cp = np.frombuffer(text.encode("utf-32-le"), np.uint32)
    marks = dictionary_marks(cp).tolist()
    place_begin, place_inside, place_end = 1 << 3, 1 << 4, 1 << 5
    assert marks[0] & place_begin  # 南京, 南京市
    assert marks[1] & place_end and marks[1] & place_inside  # 南京 ends, 南京市 goes on
    assert marks[3] & place_begin and marks[4] & place_end  # 长江, as in 长江大桥
    assert marks[6] & place_end  # 长江大桥
    assert not any(m & 0b111 for m in marks)  # no person name here


def test_the_name_profile_tells_name_characters_from_ordinary_ones():
    # 伟 ends many of jieba's person words, 县 many place words, 厂 organisation words,
    # 的 few of any: a character no training sentence showed in a name still carries what
    # the dictionary knows of it.
    from b2b_reader.core.ner_features import name_profile

    def shares(ch: str) -> dict[str, int]:
        code = int(name_profile(np.array([ord(ch)], np.uint32))[0])
        return {f"{pos} {kind}": code >> (3 * (3 * i + j)) & 7
                for i, pos in enumerate(("first", "last"))
                for j, kind in enumerate(("person", "place", "org"))}

    wei, xian, chang, de = shares("伟"), shares("县"), shares("厂"), shares("的")
    assert wei["last person"] > de["last person"]
    assert xian["last place"] > max(wei["last place"], de["last place"])
    assert chang["last org"] > max(wei["last org"], de["last org"])
    # astral and unknown characters get nothing, not an error
    assert name_profile(np.array([0x20000, 0x3000], np.uint32)).tolist()[0] == 0


def test_an_org_head_ahead_is_seen_from_the_start_of_a_long_name():
    from b2b_reader.core.ner_features import char_classes, head_ahead

    text = "对此，天津市中华民族文化促进会会员说"
    cp = np.frombuffer(text.encode("utf-32-le"), np.uint32)
    ahead = head_ahead(cp, char_classes(cp)).tolist()
    start, head_end = text.index("天"), text.index("促进会") + 2
    assert all(ahead[i] > 0 for i in range(start, head_end + 1))
    assert ahead[head_end] == 1  # the head ends here
    assert ahead[:start] == [0] * start  # a comma stops the look-ahead


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(1, 6), min_size=1, max_size=3), st.integers(0, 2**32 - 1))
def test_a_span_margin_is_the_score_lost_by_reading_it_as_plain_text(lengths, seed):
    rng = np.random.default_rng(seed)
    k = len(ner_model.TAGS)
    starts, pos = [], 0
    for n in lengths:
        starts.append(pos)
        pos += n + 1  # one separator (O) after each segment
    emit = (rng.normal(size=(pos, k)) * 3).astype(np.float32)
    emit[np.cumsum(lengths) + np.arange(len(lengths)), 0] = 50  # separators are O
    trans = (rng.normal(size=(k + 1, k)) * 3).astype(np.float32)
    segs = (np.array(starts), np.array(lengths))
    labels = ner_model.viterbi(emit, segs, trans)

    def score(lab):
        total = 0.0
        for s, n in zip(starts, lengths):
            prev = k
            for t in range(s, s + n):
                total += trans[prev][lab[t]] + emit[t][lab[t]]
                prev = lab[t]
        return total

    s_idx, e_idx, _kinds = ner_model.decode(labels)
    margins = ner_model.span_margins(emit, labels, segs, trans, s_idx, e_idx)
    for s, e, margin in zip(s_idx, e_idx, margins):
        plain = labels.copy()
        plain[s:e] = 0
        assert margin == pytest.approx(score(labels) - score(plain), abs=1e-3)
        assert margin >= -1e-3  # the decoded path is the best one


def test_a_confidence_floor_drops_only_the_weak_names(monkeypatch):
    from b2b_reader.core.entities import entity_inputs
    from b2b_reader.core.gazetteer import PLACES

    text = "世界贸易组织总干事伊维拉今天在日内瓦表示，全球货物贸易有望回暖。"
    model = ner_model.load_model()
    _c, inputs, _cover = entity_inputs([text], _LEX)
    conf = {text[s:e]: c for _p, s, e, _t, c in model.scored_spans(inputs)}
    assert {"世界贸易组织", "伊维拉"} <= set(conf)
    # a floor just above the person's confidence: it and anything weaker go, unless a
    # gazetteer place stands behind it (日内瓦 stays highlighted: the tagger is not needed)
    floor = conf["伊维拉"] + 1e-3
    before = names(text)
    monkeypatch.setattr(model, "min_conf", floor)
    after = names(text)
    for surface, c in conf.items():
        if c < floor and surface not in PLACES:
            assert surface in before and surface not in after
        else:
            assert after.get(surface) == before.get(surface)
    assert "伊维拉" not in after


def test_a_tagger_place_with_no_sign_of_a_place_is_not_highlighted():
    # from the default article: 战场中心 is "the centre of the battlefield", and the tagger
    # once called it a place; 港 (Hong Kong, in 赴港上市) is one
    text = "走向战场中心,1688面前的挑战自然也会升级。"
    assert "战场中心" not in names(text)
    assert names("2007年阿里巴巴赴港上市时,采用的股票代码为“1688”。").get("港") == "place"
