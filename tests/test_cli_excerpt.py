"""``b2b-reader excerpt`` and ``b2b-reader export`` run in-process through ``cli.main``."""

from __future__ import annotations

import io
import json
import os
import sys

import pytest

from b2b_reader import cli


@pytest.fixture(scope="module")
def shared_home(tmp_path_factory):
    return tmp_path_factory.mktemp("cli-excerpt-home")


@pytest.fixture(autouse=True)
def _shared_cache(_isolated_home, shared_home, monkeypatch):
    """One cache for this module, so the article is analysed once, not once per test."""
    monkeypatch.setenv("B2B_READER_HOME", str(shared_home))


@pytest.fixture(autouse=True)
def _no_stdin(monkeypatch):
    """Under pytest stdin may be a file or pipe: the CLI would take it as the document."""
    monkeypatch.setattr(cli, "_stdin_has_data", lambda: False)


def run(capsys, *args: str) -> tuple[int, str, str]:
    status = cli.main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_excerpt_markdown_of_a_paragraph(capsys):
    status, out, err = run(capsys, "excerpt", "--paragraph", "18")
    assert status == 0, err
    assert out.startswith("> 为了分食下沉市场,阿里已经做了很多尝试")
    assert "paragraph 18." in out and "“承接下沉市场红利　1688比淘特更靠谱?”" in out
    assert "- 今年3月 → 2023-03 (month; relative to the document date)" in out
    assert "- 淘特 (organisation)" in out


def test_excerpt_range_in_traditional_json(capsys):
    status, out, _ = run(capsys, "excerpt", "-p", "8", "--to", "11", "--format", "json",
                         "--script", "traditional", "--variant", "hk")
    data = json.loads(out)
    assert status == 0 and data["paragraphs"] == {"first": 8, "last": 11, "partial": False}
    assert data["script"] == "traditional" and data["variant"] == "hk"
    assert "1688總裁余涌(花名:樸初 )" in data["text"][3]
    assert {"type": "org", "text": "1688", "forms": ["1688"], "canonical": "1688"} in data["entities"]
    assert any(t["term"] == "B2B" and t["en"].startswith("business-to-business") for t in data["glossary"])


def test_excerpt_plain_both_scripts(capsys):
    status, out, _ = run(capsys, "excerpt", "-p", "11", "--format", "plain", "--both")
    assert status == 0
    assert out.startswith("Simplified:\n\n不过最近两年") and "Traditional (Taiwan):\n\n不過最近兩年" in out
    assert "余涌, 朴初 → 余涌 (person)" in out


@pytest.mark.parametrize("args, fragment", [
    (("-p", "0"), "--paragraph 0: valid paragraphs are 1 to 43"),
    (("-p", "44"), "--paragraph 44: valid paragraphs are 1 to 43"),
    (("-p", "40", "--to", "50"), "--to 50: valid paragraphs are 1 to 43"),
    (("-p", "5", "--to", "3"), "--to 3 comes before --paragraph 5"),
    (("--format", "md"), "--paragraph"),
    (("-p", "3", "--format", "pdf"), "invalid choice"),
])
def test_excerpt_usage_errors_are_one_line(capsys, args, fragment):
    status, out, err = run(capsys, "excerpt", *args)
    assert status == 2 and out == ""
    assert err.startswith("b2b-reader: ") and err.count("\n") == 1 and fragment in err, err


def test_excerpt_of_hostile_stdin_is_inert(capsys, monkeypatch):
    text = "# 标题\n\n正文[/]里有[@click=app.quit]和\x1b]0;pwned\x07以及\x1b[31m红字。\n"
    for fmt in ("md", "plain", "json"):
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode()), encoding="utf-8"))
        status, out, err = run(capsys, "excerpt", "-", "-p", "1", "--format", fmt)
        assert status == 0, err
        assert "\x1b" not in out and "\x07" not in out
        assert "[@click=app.quit]" in out and "[/]" in out


def test_export_to_stdout_and_to_a_file(capsys, tmp_path):
    status, out, _ = run(capsys, "export", "--format", "md")
    assert status == 0 and out.startswith("# 阿里最古老的业务走向台前") and "## Glossary" in out
    target = tmp_path / "article.html"
    status, out, err = run(capsys, "export", "-o", str(target))  # format from the extension
    assert status == 0, err
    assert out.strip() == f"b2b-reader: wrote html export to {target}"
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and 'class="e-person"' in page
    assert [p.name for p in tmp_path.iterdir()] == ["article.html"]  # no temporary file left behind
    assert oct(os.stat(target).st_mode & 0o777) != oct(0o600)  # not mkstemp's private mode


def test_export_json_and_unwritable_target(capsys, tmp_path):
    status, out, _ = run(capsys, "export", "--format", "json", "--script", "traditional")
    assert status == 0 and json.loads(out)["document"]["script"] == "traditional"
    status, out, err = run(capsys, "export", "-o", str(tmp_path / "missing" / "x.md"))
    assert status == 1 and out == ""
    assert err.startswith("b2b-reader: cannot write ") and err.count("\n") == 1


def test_help_lists_the_subcommands(capsys):
    assert set(cli.SUBCOMMANDS) == {"analyze", "excerpt", "export", "library"}
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    out = capsys.readouterr().out
    assert "excerpt" in out and "export" in out and "library" in out
    with pytest.raises(SystemExit):
        cli.main(["excerpt", "--help"])
    assert "numbered from 1" in capsys.readouterr().out


@pytest.mark.parametrize("name", ["out.pdf", "notes.docx", "article"])
def test_export_to_an_unknown_extension_is_refused_naming_the_known_ones(capsys, tmp_path, name):
    target = tmp_path / name
    status, out, err = run(capsys, "export", "-o", str(target))
    assert status == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and err.startswith("b2b-reader: ")
    assert ".md" in err and ".html" in err and ".json" in err and str(target) in err
    assert not target.exists()  # no Markdown written into a .pdf


def test_export_with_an_explicit_format_writes_any_name(capsys, tmp_path):
    target = tmp_path / "notes.txt"
    status, out, _ = run(capsys, "export", "--format", "md", "-o", str(target))
    assert status == 0 and target.read_text(encoding="utf-8").startswith("# ")


def test_analyze_prints_json_without_json_flag(capsys):
    status, out, _ = run(capsys, "analyze")
    assert status == 0
    data = json.loads(out)
    assert data["schema"] == 1 and data["document"]["title"].startswith("阿里")
    status, flagged, _ = run(capsys, "analyze", "--json")  # still accepted
    assert status == 0 and json.loads(flagged) == data
