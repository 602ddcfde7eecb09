"""Bytes in, text out: read a file, FIFO or stream and decode it (``core/encodings.py``
finds the encoding). Everything that can go wrong with the input becomes a
:class:`SourceError` whose message is one line a user can act on.
"""

from __future__ import annotations

import os
import select
import stat
import time
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from .encodings import (  # noqa: F401  (re-exported: the reading API of the core)
    SAMPLE_BYTES,
    SNIFF_BYTES,
    EncodingError,
    SourceError,
    _byte_order,
    _codec_name,
    _decode,
    _language_of,
    check_encoding,
    detect_encoding,
)

DEFAULT_MAX_BYTES = 50 * 2**20
#: How long a FIFO may stay silent before we give up on it.
FIFO_TIMEOUT = 1.0


@dataclass(frozen=True)
class SourceText:
    """Decoded text of one input, with what happened on the way."""

    text: str
    encoding: str
    name: str
    replaced: int
    truncated: bool
    warnings: tuple[str, ...]


def _normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF; form feed and U+2029 become a paragraph break."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\f" in text or "\u2029" in text or "\u2028" in text:
        text = text.replace("\f", "\n\n").replace("\u2029", "\n\n").replace("\u2028", "\n")
    return text


def decode_bytes(
    data: bytes,
    name: str,
    encoding: str | None = None,
    *,
    truncated_from: int | None = None,
) -> SourceText:
    """Decode ``data`` (detected, or ``encoding`` when given) into a :class:`SourceText`.

    ``truncated_from`` tells that ``data`` is the head of a longer input (its total size
    in bytes, or -1 when unknown): the last incomplete character is dropped and a
    warning says how much was read.
    """
    if encoding is not None:
        codec = _codec_name(encoding)
        if not codec.startswith(("utf-16", "utf-32")) and 0 in data[:SNIFF_BYTES]:
            raise SourceError(f"{name}: looks like a binary file")
    else:
        try:
            codec = detect_encoding(data)
        except SourceError as exc:
            raise SourceError(f"{name}: {exc}") from None
    truncated = truncated_from is not None
    codec = _byte_order(data, codec)
    try:
        text, replaced, used = _decode(data, codec, final=not truncated)
    except (UnicodeError, ValueError, TypeError) as exc:  # a codec that cannot report errors
        raise SourceError(f"{name}: cannot be read as {codec}: {exc}") from None
    if text.startswith("\ufeff"):
        text = text[1:]  # a BOM the codec kept (explicit utf-8, utf-16-le, ...)
    notes: list[str] = []
    if truncated:
        total = "" if truncated_from is None or truncated_from < 0 else f" of {_size(truncated_from)}"
        notes.append(f"{name}: too large; only the first {_size(used)}{total} were read")
    if replaced:
        notes.append(f"{replaced} invalid byte{'s' if replaced != 1 else ''} replaced")
    language = _language_of(text[:SAMPLE_BYTES // 2])
    if language is not None:  # decoded right (UTF-8, or as asked), but not what we analyse
        notes.append(f"{name}: this looks like {language} text; b2b-reader's analysis is made for Chinese")
    return SourceText(
        text=_normalise_newlines(text),
        encoding=codec,
        name=name,
        replaced=replaced,
        truncated=truncated,
        warnings=tuple(notes),
    )


def _size(n: int) -> str:
    """A byte count for people: ``512 bytes``, ``3.2 KiB``, ``50.0 MiB``."""
    if n < 1024:
        return f"{n} bytes"
    for unit in ("KiB", "MiB", "GiB"):
        n /= 1024
        if n < 1024 or unit == "GiB":
            break
    return f"{n:.1f} {unit}"


# --------------------------------------------------------------------------- reading


def read_stream(
    stream: BinaryIO,
    name: str = "<stdin>",
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> SourceText:
    """Read at most ``max_bytes`` from a binary stream and decode them."""
    if encoding is not None:
        _codec_name(encoding)  # fail on a bad name before waiting for input
    return _finish(read_stream_bytes(stream, name, max_bytes), name, encoding, max_bytes, total=-1)


def read_stream_bytes(stream: BinaryIO, name: str = "<stdin>", max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """At most ``max_bytes + 1`` bytes of a stream, undecoded."""
    try:
        return _read_upto(stream.read, max_bytes + 1)
    except OSError as exc:
        raise SourceError(f"{name}: cannot read: {exc.strerror or exc}") from None


def _read_upto(read, limit: int) -> bytes:
    """Call ``read(n)`` until EOF or ``limit`` bytes; pipes return short reads."""
    parts: list[bytes] = []
    got = 0
    while got < limit:
        chunk = read(min(limit - got, 1 << 20))
        if not chunk:
            break
        parts.append(chunk)
        got += len(chunk)
    return b"".join(parts)


def _finish(data: bytes, name: str, encoding: str | None, max_bytes: int, total: int) -> SourceText:
    """Decode what was read, marking it truncated when more than ``max_bytes`` came."""
    if len(data) > max_bytes or total > max_bytes:
        return decode_bytes(data[:max_bytes], name, encoding, truncated_from=total)
    return decode_bytes(data, name, encoding)


def read_path(
    path: str | Path,
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> SourceText:
    """Read and decode a file (or FIFO) by path; problems become :class:`SourceError`."""
    name = str(path)
    if encoding is not None:
        _codec_name(encoding)
    data, total = read_path_bytes(path, max_bytes)
    return _finish(data, name, encoding, max_bytes, total=total)


def read_path_bytes(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[bytes, int]:
    """At most ``max_bytes + 1`` bytes of a file (or FIFO) and its size (-1 for a FIFO);
    problems become :class:`SourceError`. For inputs decoded by their own rules (web pages)."""
    name = str(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise SourceError(f"{name}: no such file") from None
    except PermissionError:
        raise SourceError(f"{name}: permission denied") from None
    except OSError as exc:
        raise SourceError(f"{name}: cannot open: {exc.strerror or exc}") from None
    if stat.S_ISDIR(info.st_mode):
        raise SourceError(f"{name}: is a directory")
    if stat.S_ISFIFO(info.st_mode):
        return _read_fifo(path, name, max_bytes + 1), -1
    if not stat.S_ISREG(info.st_mode):
        raise SourceError(f"{name}: not a regular file")
    try:
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except PermissionError:
        raise SourceError(f"{name}: permission denied") from None
    except IsADirectoryError:
        raise SourceError(f"{name}: is a directory") from None
    except OSError as exc:
        raise SourceError(f"{name}: cannot read: {exc.strerror or exc}") from None
    return data, max(info.st_size, len(data))


def _read_fifo(path: str | Path, name: str, limit: int) -> bytes:
    """Read a FIFO, failing after :data:`FIFO_TIMEOUT` seconds if no data arrives.

    Opened non-blocking so that a FIFO nobody writes to cannot hang the reader; once
    data flows it is read normally until the writer closes it.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except PermissionError:
        raise SourceError(f"{name}: permission denied") from None
    except OSError as exc:
        raise SourceError(f"{name}: cannot open: {exc.strerror or exc}") from None
    try:
        deadline = time.monotonic() + FIFO_TIMEOUT
        first = b""
        while not first:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise SourceError(f"{name}: no data (nothing is writing to this FIFO)")
            ready, _, _ = select.select([fd], [], [], remaining)
            if ready:
                first = os.read(fd, min(limit, 1 << 20))
                if not first:
                    # EOF without data: a writer came and went; wait for another one
                    time.sleep(0.01)
        os.set_blocking(fd, True)
        rest = _read_upto(lambda n: os.read(fd, n), limit - len(first))
        return first + rest
    except OSError as exc:
        raise SourceError(f"{name}: cannot read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
