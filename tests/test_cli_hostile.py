"""The command line never leaks an escape sequence and never shows a traceback.

Hostile file names and overlays through every command; the failure paths of issue 17
(impossible dates, codecs that are not text encodings, BOM-less UTF-16/32, an empty
document, Japanese and Korean files) end in one line starting ``b2b-reader:``.
"""

from __future__ import annotations

import json
from functools import partial
from pathlib import Path

import pytest

from b2b_reader import cli
from b2b_reader.core import source

OSC52 = "\x1b]52;c;cm0gLXJmIH4=\x1b\\"
OSC2 = "\x1b]2;pwned\x07"
NAME = f"報告{OSC52}{OSC2}\x9b31m.txt"
LEAKS = ("\x1b", "\x07", "\x9b", "\x9d")
TEXT = "星火科技今年3月在杭州发布了新的供应链平台。\n\n星火科技的创始人表示，下沉市场仍是重点。\n"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def assert_inert(*outputs: str) -> None:
    for output in outputs:
        for leak in LEAKS:
            assert leak not in output, f"{leak!r} was printed"


@pytest.fixture
def hostile_file(tmp_path, _isolated_home) -> Path:
    config = Path(_isolated_home) / "config"
    config.mkdir(parents=True, exist_ok=True)
    (config / "lexicon.toml").write_text(
        '[[entity]]\nname = "星火\\u001b]2;pwned\\u0007科技"\ntype = "org"\naliases = ["星火科技"]\n\n'
        '[[entity]]\nname = "某人"\ntype = "persn\\u009b2J"\n', encoding="utf-8")
    (config / "glossary.toml").write_text(
        '[[term]]\nterm = "供应链"\npinyin = "gōngyìng\\u001b]52;c;cm0gLXJmIH4=\\u001b\\\\liàn"\n'
        'en = "supply chain \\u009b31m"\nzh = "从原料到用户的链条"\ncategory = "supply-chain"\n', encoding="utf-8")
    path = tmp_path / NAME
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_plain_output_and_every_command_are_inert(capsys, hostile_file, tmp_path):
    code, out, err = run(capsys, str(hostile_file))  # stdout is not a terminal: plain text
    assert code == 0 and out.startswith("報告\ufffd]52;c;cm0gLXJmIH4=\ufffd")  # the name, defused
    assert_inert(out, err)

    code, out, err = run(capsys, "analyze", str(hostile_file), "--json")
    assert code == 0
    assert_inert(out, err)  # JSON's own escapes included: no \u001b, no raw U+009B
    assert "\\u001b" not in out and "\\u009b" not in out
    data = json.loads(out)
    assert data["document"]["title"].startswith("报告\ufffd]52")  # simplified: analyze's default
    assert any(e["canonical"].startswith("星火\ufffd]2;pwned") for e in data["entities"])
    assert "unknown type 'persn" in err  # the overlay's bad type is reported (inert)

    for argv in (("export", str(hostile_file), "--format", "md"), ("export", str(hostile_file), "--format", "json"),
                 ("export", str(hostile_file), "--format", "html"), ("excerpt", str(hostile_file), "-p", "1")):
        code, out, err = run(capsys, *argv)
        assert code == 0, err
        assert_inert(out, err)
    code, out, err = run(capsys, "export", str(hostile_file), "-o", str(tmp_path / f"out{OSC2}.md"))
    assert code == 0 and "wrote md export" in out
    assert_inert(out, err)


def test_errors_that_echo_a_path_are_one_inert_line(capsys, tmp_path):
    missing = tmp_path / f"無{OSC52}\n偽造的第二行.txt"
    code, out, err = run(capsys, str(missing))
    assert code == 1 and err.startswith("b2b-reader: ") and err.count("\n") == 1
    assert "no such file" in err
    assert_inert(err)


def test_the_too_large_warning_is_inert(capsys, monkeypatch, hostile_file):
    hostile_file.write_text("財經新聞，" * 2000, encoding="utf-8")
    monkeypatch.setattr(source, "read_path", partial(source.read_path, max_bytes=1000))
    code, out, err = run(capsys, str(hostile_file))
    assert code == 0 and "too large" in err
    assert_inert(out, err)


@pytest.mark.parametrize("date", ["2023-13-45", "2023-02-30", "0000-00-00"])
@pytest.mark.parametrize("command", [("analyze", "--json"), ("export",), ("excerpt", "-p", "1")])
def test_an_impossible_front_matter_date_is_reported_not_raised(capsys, tmp_path, date, command):
    path = tmp_path / "dated.md"
    path.write_text(f"---\ntitle: 淘宝的一年\ndate: {date}\n---\n\n2023年淘宝今年3月的成交额增长了。\n", encoding="utf-8")
    code, out, err = run(capsys, command[0], str(path), *command[1:])
    assert code == 0, err
    assert f"date '{date}' is not a date" in err
    if command[0] == "analyze":
        document = json.loads(out)["document"]
        assert document["date"].startswith("2023") and document["date_inferred"]  # from the text instead


@pytest.mark.parametrize("encoding", ["rot13", "base64", "idna", "hex", "zlib", "bogus"])
def test_an_encoding_that_is_no_text_encoding_is_bad_usage(capsys, tmp_path, encoding):
    path = tmp_path / "a.txt"
    path.write_text("淘宝和天猫。", encoding="utf-8")
    code, out, err = run(capsys, "analyze", str(path), "--json", "--encoding", encoding)
    assert code == 2 and err.startswith("b2b-reader: --encoding: ") and err.count("\n") == 1


@pytest.mark.parametrize("codec, encoding", [("utf-16-le", "utf-16"), ("utf-16-be", "utf-16"),
                                             ("utf-32-le", "utf-32"), ("utf-32-be", "utf-32")])
def test_utf16_and_utf32_without_bom_decode(capsys, tmp_path, codec, encoding):
    path = tmp_path / "a.txt"
    path.write_bytes("淘宝和天猫在今年3月公布了新的数字。".encode(codec))
    code, out, err = run(capsys, str(path), "--encoding", encoding, "--script", "simplified")
    assert code == 0, err
    assert "淘宝和天猫在今年3月公布了新的数字。" in out


def test_explicit_utf16_on_odd_bytes_replaces_instead_of_raising(capsys, tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("淘宝和天猫在今年3月。".encode("utf-8"))  # an odd number of bytes: not UTF-16
    code, out, err = run(capsys, "analyze", str(path), "--json", "--encoding", "utf-16")
    assert code == 0 and err == "b2b-reader: warning: 1 invalid byte replaced\n"
    assert json.loads(out)["schema"] == 1


@pytest.mark.parametrize("text", ["", "   \n\n \t \n"])
def test_an_empty_document_is_refused_in_one_line(capsys, tmp_path, text):
    path = tmp_path / "empty.txt"
    path.write_text(text, encoding="utf-8")
    code, out, err = run(capsys, str(path))
    assert code == 1 and err == f"b2b-reader: {path}: no text to read (the document is empty)\n"


@pytest.mark.parametrize("text, codec, language", [
    ("吾輩は猫である。名前はまだ無い。", "shift_jis", "Japanese"),
    ("吾輩は猫である。名前はまだ無い。", "euc_jp", "Japanese"),
    ("대한민국의 수도는 서울이다.", "euc_kr", "Korean"),
])
def test_japanese_and_korean_are_refused_not_garbled(capsys, tmp_path, text, codec, language):
    path = tmp_path / "other.txt"
    path.write_bytes(text.encode(codec))
    code, out, err = run(capsys, "analyze", str(path), "--json")
    assert code == 1 and f"looks like {language} text ({codec})" in err and err.count("\n") == 1
    code, out, err = run(capsys, str(path), "--encoding", codec)  # the override still opens it
    assert code == 0 and text in out


@pytest.mark.parametrize("text, codec", [
    ("阿里巴巴的1688平台今年增长了三成，下沉市场是重点。", "gbk"),
    ("阿里巴巴的1688平臺今年增長了三成，下沉市場是重點。", "big5"),
    ("他说：“我们的供应链很长。”", "gb18030"),
])
def test_chinese_in_gbk_and_big5_still_reads_right(tmp_path, text, codec):
    assert source.decode_bytes(text.encode(codec), "x").text == text


def test_japanese_in_utf8_opens_with_a_warning(capsys, tmp_path):
    path = tmp_path / "ja.txt"
    path.write_text("吾輩は猫である。名前はまだ無い。", encoding="utf-8")
    code, out, err = run(capsys, str(path))
    assert code == 0 and "吾輩は猫である" in out
    assert "this looks like Japanese text" in err
