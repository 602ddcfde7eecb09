"""Which view a document opens in, and how the choice is remembered (settings)."""

from __future__ import annotations

from b2b_reader.core import pipeline, state


def test_a_traditional_source_opens_as_written_and_a_simplified_one_converted():
    settings = state.Settings()
    taiwan = pipeline.load_text("台積電董事長魏哲家表示，公司將公布財報。", "tw.txt").document
    mainland = pipeline.load_text("京东集团首席执行官许冉表示，公司将公布财报。", "cn.txt").document
    assert taiwan.script == "traditional" and mainland.script == "simplified"
    assert settings.view_for(taiwan.script) == ("original", "tw")
    assert settings.view_for(mainland.script) == ("traditional", "tw")
    # The embedded article is a character-by-character conversion: it opens converted.
    assert settings.view_for(pipeline.load_default().document.script) == ("traditional", "tw")


def test_each_kind_of_source_remembers_its_own_choice(tmp_path):
    path = tmp_path / "settings.toml"
    settings = state.Settings()
    changed = state.Settings(**{**settings.__dict__, **settings.view_changes("traditional", "simplified", "tw")})
    assert changed.traditional_script == "simplified" and changed.script == "traditional"
    assert state.save_settings(changed, path) == []
    loaded, warnings = state.load_settings(path)
    assert warnings == [] and loaded.view_for("traditional") == ("simplified", "tw")
    assert loaded.view_for("simplified") == ("traditional", "tw")
    again = settings.view_changes("simplified", "simplified", "std")
    assert again == {"script": "simplified", "variant": "std"}


def test_a_bad_traditional_script_setting_falls_back_with_a_warning(tmp_path):
    path = tmp_path / "settings.toml"
    path.write_text('traditional_script = "klingon"\n', encoding="utf-8")
    settings, warnings = state.load_settings(path)
    assert settings.traditional_script == "original"
    assert any("traditional_script" in w for w in warnings)
