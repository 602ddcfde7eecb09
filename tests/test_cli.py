"""The command line as a user runs it: subprocesses of the installed entry point's module."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from b2b_reader import __version__


def run(*args: str, input: bytes | None = None, timeout: int = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "b2b_reader", *args], input=input,
                          capture_output=True, timeout=timeout)


def test_version_and_help():
    assert run("--version").stdout.decode().strip() == f"b2b-reader {__version__}"
    help_text = run("--help").stdout.decode()
    assert "PATH" in help_text and "analyze" in help_text


@pytest.fixture(scope="module")
def analysis() -> dict:
    result = run("analyze", "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_analyze_json_schema_on_the_default_article(analysis):
    assert analysis["schema"] == 1
    assert set(analysis) == {"schema", "document", "sections", "paragraphs", "entities", "glossary", "timeline"}
    assert analysis["document"]["date"] == "2023-11" and analysis["document"]["date_inferred"] is True
    assert analysis["document"]["script"] == "simplified"
    assert len(analysis["paragraphs"]) == 43
    assert [len(s["paragraphs"]) for s in analysis["sections"]] == [4, 11, 13, 15]
    assert analysis["paragraphs"][0]["text"].startswith("双11激战正酣")
    assert sum(p["kind"] == "caption" for p in analysis["paragraphs"]) == 3


def test_analyze_in_traditional_keeps_offsets_exact():
    result = run("analyze", "--json", "--script", "traditional", "--variant", "twp")
    data = json.loads(result.stdout)
    assert data["document"]["variant"] == "twp"
    texts = {p["index"]: p["text"] for p in data["paragraphs"]}
    assert "網際網路" in "".join(texts.values())
    for entity in data["entities"]:
        assert texts[entity["paragraph"]][entity["start"]:entity["end"]] == entity["text"]


def test_date_override():
    data = json.loads(run("analyze", "--json", "--date", "2024-03").stdout)
    assert data["document"]["date"] == "2024-03" and data["document"]["date_inferred"] is False
    march = [e for e in data["timeline"] if e["text"].startswith("今年3月")]
    assert march and march[0]["date"] == "2024-03"


@pytest.mark.parametrize("args, status, fragment", [
    (("analyze", "--json", "/no/such/file.txt"), 1, "/no/such/file.txt"),
    (("analyze", "--json", "/"), 1, "director"),
    (("/no/such/file.txt",), 1, "no/such"),
    (("--bogus",), 2, "unrecognized arguments"),
    (("analyze", "--json", "--date", "March"), 2, "--date"),
    (("analyze", "--json", "--script", "klingon"), 2, "invalid choice"),
])
def test_errors_are_one_line_without_traceback(args, status, fragment):
    result = run(*args)
    err = result.stderr.decode()
    assert result.returncode == status
    assert err.startswith("b2b-reader: ") and err.count("\n") == 1, err
    assert fragment in err
    assert "Traceback" not in err


def test_binary_file_is_refused(tmp_path):
    path = tmp_path / "image.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    result = run("analyze", "--json", str(path))
    assert result.returncode == 1
    assert result.stderr.decode().startswith("b2b-reader: ") and "binary" in result.stderr.decode()


def test_markdown_file_and_stdin(tmp_path):
    path = tmp_path / "note.md"
    path.write_text("# 標題\n\n## 第一節\n\n阿里巴巴在杭州。\n\n第二段。\n", encoding="utf-8")
    data = json.loads(run("analyze", "--json", str(path)).stdout)
    assert data["document"]["title"] == "标题"
    assert [p["text"] for p in data["paragraphs"]] == ["阿里巴巴在杭州。", "第二段。"]
    data = json.loads(run("analyze", "--json", "-", input=path.read_bytes()).stdout)
    assert [p["text"] for p in data["paragraphs"]] == ["阿里巴巴在杭州。", "第二段。"]


def test_without_a_terminal_the_reader_prints_the_cleaned_text():
    result = run("--script", "simplified")
    assert result.returncode == 0
    out = result.stdout.decode()
    assert "双11激战正酣" in out and "(zh" not in out and "## 不甘当淘宝配角" in out


def test_a_bare_start_reads_as_an_empty_command_line():
    # `b2b-reader` alone skips argparse (2-3 ms of every start): what it reads instead must
    # be exactly what the parser gives for no arguments, and it must still print the text.
    from b2b_reader import cli, options

    assert vars(options.build_parser().parse_args([])) == cli.NO_ARGUMENTS
    code = ("import sys; from b2b_reader import cli; status = cli.main([]); "
            "print('argparse' in sys.modules, status, file=sys.stderr)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.stderr.split() == ["False", "0"]
    assert "雙11激戰正酣" in result.stdout  # no terminal: the article as given, printed
