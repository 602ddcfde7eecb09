"""Reading input: encodings a Chinese reader meets, damaged and hostile input, limits."""

from __future__ import annotations

import io
import os
import threading
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from b2b_reader.core.source import SourceError, decode_bytes, read_path, read_stream

PRC = "中华人民共和国"
TAIWAN = "台灣的資訊產業發展迅速。"
NEWS = "阿里巴巴集团于1999年在杭州成立，2014年在纽约证券交易所上市。"


@pytest.mark.parametrize(
    ("text", "codec", "family"),
    [
        (PRC, "gb18030", "gb18030"),
        (PRC, "gbk", "gb18030"),
        (NEWS, "gb2312", "gb18030"),
        (TAIWAN, "big5", "big5"),
        (TAIWAN, "cp950", "big5"),
        ("台積電今年營收創新高，股價上漲。", "big5", "big5"),
        (NEWS, "utf-8", "utf-8"),
        (NEWS, "utf-16-le", "utf-16"),
        (NEWS, "utf-16-be", "utf-16"),
        (TAIWAN, "utf-16-le", "utf-16"),  # no ASCII, so no NUL bytes to go by
        (TAIWAN, "utf-16-be", "utf-16"),
    ],
)
def test_detects_encoding_of_short_chinese(text: str, codec: str, family: str) -> None:
    result = decode_bytes(text.encode(codec), "sample.txt")
    assert result.text == text
    assert result.encoding.startswith(family)
    assert result.replaced == 0 and result.warnings == ()


def test_big5_is_not_taken_for_gb18030() -> None:
    # These Big5 bytes are also valid GBK; decoded as GB they would be mojibake.
    data = TAIWAN.encode("big5")
    assert data.decode("gb18030", errors="strict") != TAIWAN
    assert decode_bytes(data, "tw.txt").encoding.startswith("big5")


@pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"])
def test_bom_and_bomless_unicode(codec: str) -> None:
    data = (NEWS + "\n第二段。\n").encode(codec)
    if codec.endswith(("le", "be")):
        data = (b"\xff\xfe" if codec.endswith("le") else b"\xfe\xff") + data
    result = decode_bytes(data, "x")
    assert result.text == NEWS + "\n第二段。\n"  # no U+FEFF left at the start


def test_bomless_utf16_with_ascii_decodes() -> None:
    text = "Apple 公司于2024年发布了新产品，售价999美元。\n"
    for codec in ("utf-16-le", "utf-16-be"):
        assert decode_bytes(text.encode(codec), "x").text == text


def test_latin_utf8_is_not_taken_for_gb() -> None:
    text = "The café served crème brûlée."
    assert decode_bytes(text.encode("utf-8"), "x").text == text


def test_line_endings_normalised() -> None:
    raw = "第一段。\r\n第二段。\r第三段。\f第四段。\t有制表符。".encode("gb18030")
    assert decode_bytes(raw, "x").text == "第一段。\n第二段。\n第三段。\n\n第四段。\t有制表符。"


def test_invalid_bytes_replaced_and_counted() -> None:
    data = "上海证券交易所".encode("utf-8") + b"\xff\xfe\x80" + "今天开市。".encode("utf-8")
    result = decode_bytes(data, "x")
    assert result.encoding == "utf-8"
    assert result.text == "上海证券交易所\ufffd\ufffd\ufffd今天开市。"
    assert result.replaced == 3
    assert "3 invalid bytes replaced" in result.warnings


def test_invalid_bytes_in_gb18030_counted() -> None:
    data = "深圳证券交易所成立于一九九零年。".encode("gb18030") + b"\xff" + "创业板".encode("gb18030")
    result = decode_bytes(data, "x")
    assert result.encoding == "gb18030"
    assert result.replaced == 1 and result.text.endswith("\ufffd创业板")


def test_explicit_encoding_wins() -> None:
    data = "你好".encode("utf-8")
    # Forced to GBK, UTF-8 bytes become the classic mojibake instead of being detected.
    result = decode_bytes(data, "x", encoding="gbk")
    assert result.encoding == "gbk"
    assert result.text == "浣犲ソ"
    assert decode_bytes(data, "x").text == "你好"


def test_unknown_encoding_is_an_error() -> None:
    with pytest.raises(SourceError, match=r"^unknown encoding 'xyz'$"):
        decode_bytes(b"abc", "x", encoding="xyz")


def test_binary_file_refused(tmp_path) -> None:
    path = tmp_path / "image.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4)
    with pytest.raises(SourceError) as info:
        read_path(path)
    assert str(info.value) == f"{path}: looks like a binary file"


def test_unsupported_encoding_is_refused_not_garbled(tmp_path) -> None:
    path = tmp_path / "french.txt"
    path.write_bytes(("Le café est très apprécié à Paris, où l'été dure. " * 20).encode("latin-1"))
    with pytest.raises(SourceError, match=r"french\.txt: not text in a supported encoding .*--encoding$"):
        read_path(path)
    assert read_path(path, encoding="latin-1").text.startswith("Le café est très")


def test_directory_missing_and_device(tmp_path) -> None:
    with pytest.raises(SourceError, match="is a directory"):
        read_path(tmp_path)
    with pytest.raises(SourceError, match="no such file"):
        read_path(tmp_path / "missing.txt")
    with pytest.raises(SourceError, match="not a regular file"):
        read_path("/dev/null")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file(tmp_path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("机密", encoding="utf-8")
    path.chmod(0)
    with pytest.raises(SourceError, match="permission denied"):
        read_path(path)


def test_permission_error_becomes_message(tmp_path, monkeypatch) -> None:
    # Works as root too: the open() the reader uses is made to fail as EACCES would.
    path = tmp_path / "secret.txt"
    path.write_text("机密", encoding="utf-8")

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("builtins.open", denied)
    with pytest.raises(SourceError, match=r"secret\.txt: permission denied$"):
        read_path(path)


def test_fifo_without_writer_fails_fast(tmp_path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    start = time.monotonic()
    with pytest.raises(SourceError, match="no data"):
        read_path(fifo)
    assert time.monotonic() - start < 2.0


def test_fifo_with_writer_is_read(tmp_path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    text = "管道里的文章。\n" * 1000

    def write() -> None:
        time.sleep(0.2)
        with open(fifo, "wb") as handle:
            for line in text.encode("gb18030").splitlines(keepends=True):
                handle.write(line)

    writer = threading.Thread(target=write)
    writer.start()
    result = read_path(fifo)
    writer.join()
    assert result.text == text and result.encoding == "gb18030"


def test_large_file_truncated_at_character_boundary(tmp_path) -> None:
    path = tmp_path / "big.txt"
    # 3-byte UTF-8 characters: a 1000-byte cap falls inside one.
    path.write_bytes(("财经新闻" * 2000).encode("utf-8"))
    start = time.monotonic()
    result = read_path(path, max_bytes=1000)
    assert time.monotonic() - start < 1.0
    assert result.truncated
    assert result.text == ("财经新闻" * 2000)[:333]
    assert result.replaced == 0
    assert any("only the first 999 bytes of 23.4 KiB were read" in w for w in result.warnings)


def test_small_file_not_truncated(tmp_path) -> None:
    path = tmp_path / "small.txt"
    path.write_bytes("短文。".encode("big5"))
    result = read_path(path, max_bytes=6)
    assert not result.truncated and result.text == "短文。"


def test_stream_capped_and_named() -> None:
    result = read_stream(io.BytesIO(("股市" * 100).encode("gb18030")), max_bytes=51)
    assert result.name == "<stdin>" and result.truncated
    assert result.text == "股市" * 12 + "股"  # 50 bytes: the 26th character is cut off


_WIDE = st.characters(codec="utf-8", min_codepoint=0x80, exclude_categories=("Cs", "Cc", "Zl", "Zp"))
_ASCII = st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E) | st.just("\n"), max_size=40)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_WIDE, min_size=8, max_size=40), _ASCII)
def test_utf8_round_trips(wide: str, ascii_text: str) -> None:
    # UTF-8 with eight or more non-ASCII characters, whatever they are, is always
    # recognised (shorter inputs are a judgement call, measured in bench/encoding.py).
    text = (ascii_text + wide).lstrip("\ufeff")
    result = decode_bytes(text.encode("utf-8"), "x")
    assert (result.text, result.replaced, result.encoding) == (text, 0, "utf-8")


def _gb2312_level1() -> list[str]:
    """The 3,755 frequent simplified characters (GB2312 rows 0xB0-0xD7)."""
    out = []
    for lead in range(0xB0, 0xD8):
        for trail in range(0xA1, 0xFF):
            try:
                out.append(bytes((lead, trail)).decode("gb2312"))
            except UnicodeDecodeError:
                continue  # the last row ends early
    return out


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_gb2312_level1()), min_size=10, max_size=40).map("".join))
def test_common_simplified_in_gb_or_utf16_is_recovered(text: str) -> None:
    # Ten frequent characters, in any order, are enough to tell GB, Big5 and UTF-16 apart.
    # (Exception: UTF-16 whose every byte is printable ASCII, e.g. 啊 = b"JU", reads as
    # ASCII, which is the right call for text that could be either.)
    for codec in ("gb18030", "utf-16-le", "utf-16-be", "utf-8"):
        data = text.encode(codec)
        if data.isascii():
            continue
        assert decode_bytes(data, "x").text == text, codec
