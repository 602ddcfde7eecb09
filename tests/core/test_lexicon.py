"""The packaged entity lexicon and the user overlay."""

from __future__ import annotations

import tomllib
from importlib import resources

import opencc
import pytest

from b2b_reader.core.lexicon import load_lexicon
from b2b_reader.core.models import ENTITY_TYPES


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon()


def test_packaged_lexicon_is_large_valid_and_warning_free(lexicon):
    assert lexicon.warnings == []
    assert len(lexicon.entries) >= 300
    assert {e.type for e in lexicon.entries} <= set(ENTITY_TYPES)
    raw = tomllib.loads(resources.files("b2b_reader.data").joinpath("lexicon.toml").read_text("utf-8"))
    names = [e["name"] for e in raw["entity"]]
    assert len(names) == len(set(names)), "duplicate canonical names"
    # no surface form (name or alias) may point at two different entries
    seen: dict[str, str] = {}
    for e in raw["entity"]:
        for surface in [e["name"], *e.get("aliases", [])]:
            assert seen.setdefault(surface, e["name"]) == e["name"], surface


def test_aliases_map_to_canonical_names(lexicon):
    assert lexicon.canonical("七公") == "汪海"
    assert lexicon.canonical("朴初") == "余涌"
    assert lexicon.canonical("阿里") == "阿里巴巴"
    assert lexicon.canonical("双十一") == "双11"
    assert lexicon.canonical("不存在的公司") == "不存在的公司"
    assert lexicon.type_of("朴初") == "person"
    assert lexicon.type_of("1688") == "org"
    assert lexicon.type_of("北美") == "place"
    assert lexicon.type_of("不存在的公司") is None


def test_protected_forms_keep_names_opencc_mangles(lexicon):
    s2tw = opencc.OpenCC("s2tw")
    assert s2tw.convert("余涌") == "餘湧"  # the bug the forms exist for
    for variant in ("std", "tw", "hk"):
        forms = lexicon.protected_forms("traditional", variant)
        assert forms["余涌"] == "余涌"
        assert forms["朴初"] == "樸初"
        assert forms["王卓隽"] == "王卓雋"
    assert lexicon.protected_forms("simplified", "std") == {}


def test_user_overlay_adds_overrides_and_reports_bad_entries(tmp_path):
    user = tmp_path / "lexicon.toml"
    user.write_text(
        '[[entity]]\nname = "张三丰"\ntype = "person"\naliases = ["三丰"]\n\n'
        '[[entity]]\nname = "李四"\ntype = "persn"\n\n'
        '[[entity]]\nname = "淘特"\ntype = "product"\nnote = "overridden"\n',
        encoding="utf-8",
    )
    lex = load_lexicon(user)
    assert lex.warnings == [f"{user}:6: unknown type 'persn'"]
    assert lex.canonical("三丰") == "张三丰"
    assert lex.type_of("李四") is None
    assert lex.type_of("淘特") == "product"
    assert len(lex.entries) == len(load_lexicon().entries) + 1


def test_user_file_with_toml_syntax_error_keeps_its_good_entries(tmp_path):
    user = tmp_path / "lexicon.toml"
    user.write_text(
        '[[entity]]\nname = "张三丰"\ntype = "person"\n\n'
        '[[entity]]\nname = "坏条目\ntype = "org"\n\n'
        '[[entity]]\nname = "某某科技"\ntype = "org"\n',
        encoding="utf-8",
    )
    lex = load_lexicon(user)
    assert len(lex.warnings) == 1
    assert lex.warnings[0].startswith(f"{user}:6: TOML syntax error")
    assert lex.type_of("张三丰") == "person"
    assert lex.type_of("某某科技") == "org"
    assert lex.type_of("阿里巴巴") == "org"  # the packaged lexicon is untouched


def test_missing_user_file_is_not_an_error(tmp_path):
    lex = load_lexicon(tmp_path / "nope.toml")
    assert lex.warnings == []
    assert lex.type_of("戴珊") == "person"
