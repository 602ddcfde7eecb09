"""The user's glossary overlay (``glossary.toml`` in the config directory): it adds and
overrides terms, and a bad file or entry warns with its line while the rest loads."""

from __future__ import annotations

from pathlib import Path

from b2b_reader.core.glossary import Term, find_terms, load_glossary

from .test_glossary import found


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_user_overlay_adds_and_overrides(tmp_path):
    user = write(
        tmp_path / "glossary.toml",
        """
[[term]]
term = "GMV"
en = "gross merchandise volume"

[[term]]
term = "達人帶貨"
aliases = ["达人直播"]
pinyin = "dárén dàihuò"
en = "influencer selling"
zh = "達人在直播中賣貨"
category = "marketing"
""",
    )
    g = load_glossary(user)
    assert g.warnings == ()
    assert g.get("GMV").en == "gross merchandise volume"
    assert g.get("GMV").category == "metric"  # fields not given are kept
    new = g.get("达人带货")  # typed in traditional, stored simplified
    assert new.term == "达人带货" and new.zh == "达人在直播中卖货"
    assert found("找达人带货", g) == [("达人带货", "达人带货")]
    assert len(g) == len(load_glossary()) + 1


def test_missing_user_file_is_not_an_error(tmp_path):
    g = load_glossary(tmp_path / "absent.toml")
    assert g.warnings == () and len(g) >= 120


def test_malformed_user_file_warns_with_line_and_packaged_terms_load(tmp_path):
    user = write(tmp_path / "bad.toml", '[[term]]\nterm = "X"\nen = "unterminated\n')
    g = load_glossary(user)
    assert len(g.warnings) == 1
    assert g.warnings[0].startswith(f"{user}:3:")
    assert g.get("GMV") is not None and len(g) >= 120


def test_bad_user_entries_warn_with_their_line_and_the_rest_loads(tmp_path):
    user = write(
        tmp_path / "user.toml",
        """# my terms
[[term]]
term = "好词"
pinyin = "hǎocí"
en = "a good word"
zh = "好的词"
category = "general"

[[term]]
term = "坏词"
pinyin = "huai4ci2"
en = "a bad word"
zh = "坏的词"
category = "gossip"

[[term]]
term = "GMV"
category = "nonsense"

[[term]]
term = "还行"
pinyin = "háixíng"
en = "so-so"
zh = "一般"
category = "general"
colour = "red"
""",
    )
    g = load_glossary(user)
    assert g.get("好词").en == "a good word"
    assert g.get("还行").en == "so-so"
    assert g.get("坏词") is None
    assert g.get("GMV").category == "metric"  # the packaged entry survives a bad override
    by_line = {w.split(": ", 1)[0]: w for w in g.warnings}
    assert set(by_line) == {f"{user}:9", f"{user}:16", f"{user}:20"}
    assert "numbered" in by_line[f"{user}:9"] and "gossip" in by_line[f"{user}:9"]
    assert "nonsense" in by_line[f"{user}:16"]
    assert "colour" in by_line[f"{user}:20"]


def test_user_alias_that_names_another_term_is_dropped(tmp_path):
    user = write(
        tmp_path / "user.toml",
        '[[term]]\nterm = "新词"\naliases = ["GMV", "新说法"]\npinyin = "xīncí"\n'
        'en = "new word"\nzh = "新的词"\ncategory = "general"\n',
    )
    g = load_glossary(user)
    assert g.get("GMV").term == "GMV"
    assert g.get("新说法").term == "新词"
    assert len(g.warnings) == 1 and g.warnings[0].startswith(f"{user}:1:")


def test_user_file_of_wrong_shape(tmp_path):
    user = write(tmp_path / "user.toml", 'term = "GMV"\n')
    g = load_glossary(user)
    assert g.warnings == (f"{user}:1: 'term' must be an array of tables; file skipped",)
    assert isinstance(g.get("GMV"), Term)


def test_not_in_is_validated_and_overlaid(tmp_path):
    user = tmp_path / "glossary.toml"
    user.write_text('[[term]]\nterm = "外贸"\nnot_in = ["外贸部"]\n\n'
                    '[[term]]\nterm = "供应链"\nnot_in = "x"\n', encoding="utf-8")
    glossary = load_glossary(user)
    assert glossary.get("外贸").not_in == ("外贸部",)
    assert any("'not_in' must be a list" in w for w in glossary.warnings)
    text = "原外贸部的官员表示，外贸回暖。"
    starts = [s.start for s in find_terms([text], glossary) if s.key == "外贸"]
    assert starts == [text.index("外贸回暖")]  # not inside 外贸部, the user's compound
