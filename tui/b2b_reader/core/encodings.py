"""Which encoding the bytes of a document are in, and decoding them with counted errors.

The reader accepts UTF-8 (with or without BOM), UTF-16 (with or without BOM), GB18030
(and its subsets GBK/GB2312) and Big5. Everything that can go wrong with the input
becomes a :class:`SourceError` whose message is one line a user can act on.

Detection, for the bytes this module sees (see :func:`detect_encoding`):

1. a BOM decides;
2. NUL bytes mean UTF-16 when they sit on one byte parity and the text reads well,
   otherwise the input is binary;
3. bytes that are (almost all) well-formed UTF-8 are UTF-8;
4. bytes that read cleanly as Japanese (Shift-JIS, EUC-JP: several distinct hiragana) or
   Korean (EUC-KR: common Hangul syllables and spaces between words) are refused: GB18030
   would read them as wrong but frequent hanzi;
5. otherwise GB18030, Big5 and BOM-less UTF-16 are each decoded and scored by how much
   the result looks like Chinese prose (common characters and punctuation score, kana,
   box drawing, private-use and rare characters cost); an exact GB/Big5 tie goes to
   GB18030 unless chardet, restricted to those two, is clearly sure of Big5.

Commonness needs no data file: GB2312 puts its 3,755 most frequent characters in rows
0xB0-0xD7 and Big5 its 5,401 frequent ones in 0xA440-0xC67E, so encoding a character
tells how common it is in either script.
"""

from __future__ import annotations

import codecs
import threading
import warnings
from collections import Counter
from functools import lru_cache

#: Binary sniffing and NUL statistics look at this many leading bytes.
SNIFF_BYTES = 8 * 1024
#: Statistical detection looks at this many bytes from the first non-ASCII byte on.
SAMPLE_BYTES = 64 * 1024

_BIG5_FAMILY = ("big5", "cp950", "big5hkscs")
_HIGH_BYTES = bytes(range(0x80, 0x100))
_UNSUPPORTED = "not text in a supported encoding (UTF-8, UTF-16, GB18030, Big5); try --encoding"
_COMMON_PUNCT = frozenset("，。、；：？！“”‘’（）《》〈〉「」『』…—·【】％")
#: Codecs Python knows that are no character encoding of a document: they transform
#: bytes (base64, rot13, zlib: flagged by codecs itself) or host names (idna, punycode).
_NOT_DOCUMENT_CODECS = frozenset({"idna", "punycode", "undefined"})
#: Japanese and Korean codecs whose bytes GB18030 also reads, as wrong characters: EUC-KR
#: Hangul and EUC-JP kanji fall on GB2312's frequent rows, so scoring alone cannot see it.
_NEIGHBOURS = (("shift_jis", "Japanese"), ("euc_jp", "Japanese"), ("euc_kr", "Korean"))
#: The commonest Hangul syllables of Korean prose (particles, endings, 하다, 이다): a third
#: or more of its syllables; Chinese GB bytes read as EUC-KR give them about one in twenty.
_KOREAN_COMMON = frozenset("이다는의에하고가을를서지로기한도사으리어아자수게대시해인일그나요정것들면원적있전과주보상만부우")


class SourceError(Exception):
    """Input that cannot be read or used; ``str()`` is a one-line message for the user."""


class EncodingError(SourceError):
    """An ``--encoding`` that names no text encoding: bad usage, not bad input."""


# --------------------------------------------------------------------------- decoding

_counter = threading.local()


def _count_and_replace(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: one U+FFFD per bad byte (per bad unit for UTF-16/32).

    Resuming one byte after the error start (WHATWG style) lets a CJK decoder re-read a
    bad trail byte that is really ASCII, instead of swallowing it.
    """
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    if exc.encoding.replace("_", "-").startswith(("utf-16", "utf-32")):
        end = exc.end
    else:
        end = exc.start + 1
    _counter.n = getattr(_counter, "n", 0) + (end - exc.start)
    return "\ufffd", end


codecs.register_error("b2b-reader-count", _count_and_replace)


def _decode(data: bytes, encoding: str, final: bool = True) -> tuple[str, int, int]:
    """Decode with counted replacement; return (text, invalid bytes, bytes consumed).

    With ``final=False`` an incomplete character at the end is left out, which is how
    a size-capped read is cut at a character boundary.
    """
    _counter.n = 0
    decoder = codecs.getincrementaldecoder(encoding)("b2b-reader-count")
    text = decoder.decode(data, final=final)
    pending = len(decoder.getstate()[0]) if not final else 0
    return text, _counter.n, len(data) - pending


@lru_cache(maxsize=8192)
def _weight(char: str) -> float:
    """How much one decoded character suggests the decoding was right (Chinese prose)."""
    o = ord(char)
    if o < 0x80:
        return 0.0 if (o >= 0x20 or char in "\t\n\r\f") else -2.0
    if char in _COMMON_PUNCT:
        return 1.0
    if 0x4E00 <= o <= 0x9FFF:
        return _hanzi_weight(char)
    if 0xE000 <= o <= 0xF8FF or o >= 0xF0000 or char == "\ufffd":
        return -3.0  # private use: what unassigned GBK/Big5 cells decode to
    if (
        0x3040 <= o <= 0x312F  # kana, bopomofo
        or 0x0370 <= o <= 0x04FF  # Greek, Cyrillic
        or 0x2500 <= o <= 0x259F  # box drawing, blocks
        or 0xAC00 <= o <= 0xD7AF  # Hangul
        or 0x3400 <= o <= 0x4DBF  # CJK extension A
        or 0xF900 <= o <= 0xFAFF  # compatibility ideographs
        or 0x20000 <= o <= 0x3FFFF  # CJK extensions B+
        or 0x2D30 <= o <= 0x2D7F  # Tifinagh: byte-swapped UTF-16 CJK lands here
    ):
        return -2.0  # what GB read as Big5 (or the reverse) decodes to
    if 0x00C0 <= o <= 0x024F or 0x3000 <= o <= 0x303F or 0xFF01 <= o <= 0xFF5E:
        return 0.0  # pinyin tone letters, other CJK and full-width punctuation
    if _in_symbol_rows(char):
        return 0.0  # ℃, ①, ●, →: symbols Chinese text really uses
    return -1.0


def _in_symbol_rows(char: str) -> bool:
    """True for the symbols of GB2312 rows 0xA1-0xA2 and Big5 rows 0xA1-0xA2."""
    for codec in ("gb2312", "big5"):
        try:
            if char.encode(codec)[0] in (0xA1, 0xA2):
                return True
        except UnicodeEncodeError:
            continue
    return False


def _hanzi_weight(char: str) -> float:
    """+1 for GB2312's frequent set, +0.7 for Big5's only, -0.5 less frequent, -2 rare.

    Big5's frequent set (5,401) is looser than GB2312's (3,755): GB bytes of rows
    0xB0-0xC6 read as Big5 are all "frequent" traditional characters, so the looser set
    earns less (measured: this fixes 3% of such worst cases and costs nothing elsewhere).
    """
    try:
        gb = char.encode("gb2312")
    except UnicodeEncodeError:
        gb = b""
    if gb and 0xB0 <= gb[0] <= 0xD7:
        return 1.0
    try:
        big5 = char.encode("big5")
    except UnicodeEncodeError:
        big5 = b""
    if big5 and b"\xa4\x40" <= big5 <= b"\xc6\x7e":
        return 0.7
    if gb or big5:
        return -0.5
    return -2.0


def _score(text: str, errors: int) -> float:
    """Plausibility of a decoding; comparable across decodings of the same bytes."""
    return sum(_weight(c) * n for c, n in Counter(text).items()) - 4.0 * errors


def _utf16_by_nuls(head: bytes) -> str | None:
    """``utf-16-le``/``-be`` if ``head`` (which has NULs) reads as UTF-16 text, else None.

    NUL parity alone is not enough: ASCII puts NULs on one side, but common CJK code
    points (U+4E00 一, U+3000) put them on the other. So both byte orders are decoded and
    the one whose characters are nearly all plausible text wins.
    """
    best: tuple[float, str] | None = None
    for codec in ("utf-16-le", "utf-16-be"):
        text, errors, _ = _decode(head, codec, final=False)
        if not text:
            continue
        good = sum(n for c, n in Counter(text).items() if _weight(c) >= 0) - errors
        ratio = good / len(text)
        if best is None or ratio > best[0]:
            best = (ratio, codec)
    return best[1] if best is not None and best[0] >= 0.9 else None


def _chardet_prefers_big5(sample: bytes) -> bool | None:
    """Ask chardet, limited to GB18030 and Big5, which one fits; None unless it is sure.

    On short input chardet's bigram confidences are a few hundredths and no better than
    a coin (bench/encoding.py), so only a clear verdict counts.
    """
    import chardet  # lazy: ~80 ms import and ~130 ms model load, only for exact ties

    with warnings.catch_warnings():
        # chardet warns that its no-match fallback (cp1252) is outside the candidates;
        # it then answers None, which is exactly the abstention handled below.
        warnings.filterwarnings("ignore", message="no_match_encoding", category=UserWarning)
        results = chardet.detect_all(
            sample,
            ignore_threshold=True,
            compat_names=False,
            include_encodings=["gb18030", "big5hkscs"],
        )
    ranked = [(r["confidence"], r["encoding"]) for r in results if r.get("encoding")]
    if not ranked:
        return None
    top, name = ranked[0]
    other = ranked[1][0] if len(ranked) > 1 else 0.0
    if top < 0.5 or top < 2 * other:
        return None
    return name.startswith("big5")


def detect_encoding(data: bytes) -> str:
    """Best codec name for ``data`` among UTF-8/16, GB18030 and Big5 (see module doc).

    Raises :class:`SourceError` (without a name prefix) for binary data and for bytes
    that read as garbage in every supported encoding.
    """
    for bom, name in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return name
    head = data[:SNIFF_BYTES]
    if 0 in head:
        guess = _utf16_by_nuls(head)
        if guess is not None:
            return guess
        raise SourceError("looks like a binary file")

    first_high = _first_high_byte(data)
    if first_high is None:
        return "utf-8"  # pure ASCII
    start = max(0, first_high - 64) & ~1  # keep UTF-16 alignment
    sample = data[start : start + SAMPLE_BYTES]
    final = start + SAMPLE_BYTES >= len(data)

    # Well-formed multi-byte UTF-8 almost never happens by accident in GB or Big5,
    # so a few bad bytes among many good sequences is damaged UTF-8, not another codec.
    text, errors, _ = _decode(sample, "utf-8", final=final)
    wide = sum(n for c, n in Counter(text).items() if c >= "\x80") - errors
    if wide >= 8 and errors * 4 <= wide:
        return "utf-8"
    neighbour = _neighbour_language(sample, final)
    if neighbour is not None:
        codec, language = neighbour
        raise SourceError(f"looks like {language} text ({codec}), not Chinese: b2b-reader reads Chinese "
                          f"(--encoding {codec} opens it anyway)")
    # Too short to be sure: UTF-8 competes, each valid multi-byte sequence worth +2
    # (roughly the odds of one forming by chance in other encodings).
    scored = [(_score(text, errors) + 2.0 * wide, 0, "utf-8")]
    candidates = ["gb18030", _big5_variant(sample, final), "utf-16-le", "utf-16-be"]
    for rank, codec in enumerate(candidates, start=1):
        text, errors, _ = _decode(sample, codec, final=final)
        scored.append((_score(text, errors), -rank, codec))
    scored.sort(reverse=True)
    (best, _, codec), (second, _, runner_up) = scored[0], scored[1]
    high = len(sample) - len(sample.translate(None, _HIGH_BYTES))
    if high >= 32 and best < -1.0 * high:
        # Chinese prose scores about +0.5 per high byte in its right encoding; this is
        # what random bytes, or Latin-1 read as any of ours, look like.
        raise SourceError(_UNSUPPORTED)
    gb_vs_big5 = {codec in _BIG5_FAMILY, runner_up in _BIG5_FAMILY} == {True, False} and "gb18030" in (
        codec,
        runner_up,
    )
    if gb_vs_big5 and best - second < 0.25:
        verdict = _chardet_prefers_big5(sample)
        if verdict is not None:
            return runner_up if verdict == (runner_up in _BIG5_FAMILY) else codec
    return codec


def _first_high_byte(data: bytes) -> int | None:
    """Index of the first byte >= 0x80, or None; ``isascii`` keeps the scan at C speed."""
    for i in range(0, len(data), SAMPLE_BYTES):
        chunk = data[i : i + SAMPLE_BYTES]
        if not chunk.isascii():
            return i + next(j for j, b in enumerate(chunk) if b >= 0x80)
    return None


def _big5_variant(sample: bytes, final: bool) -> str:
    """The narrowest Big5 codec that decodes ``sample`` cleanly (else the best one)."""
    best = min(_BIG5_FAMILY, key=lambda c: (_decode(sample, c, final=final)[1], _BIG5_FAMILY.index(c)))
    return best


def _codec_name(encoding: str) -> str:
    """Python's canonical name for a text encoding; :class:`EncodingError` otherwise."""
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        raise EncodingError(f"unknown encoding {encoding!r}") from None
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_DOCUMENT_CODECS:
        raise EncodingError(f"{encoding!r} is not a text encoding (for example utf-8, gb18030, big5)")
    return info.name


def check_encoding(encoding: str) -> str:
    """The canonical name of a text encoding the user asked for; ``EncodingError`` if none."""
    return _codec_name(encoding)


def _byte_order(data: bytes, codec: str) -> str:
    """``utf-16``/``utf-32`` without a BOM: the byte order that reads better (Python's
    codecs insist on a BOM); other codecs unchanged."""
    if codec not in ("utf-16", "utf-32") or data.startswith(
            (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE) if codec == "utf-32" else (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return codec
    head = data[:SNIFF_BYTES]
    return max((f"{codec}-le", f"{codec}-be"), key=lambda c: _score(*_decode(head, c, final=False)[:2]))


def _neighbour_language(sample: bytes, final: bool) -> tuple[str, str] | None:
    """(codec, language) when ``sample`` is Japanese or Korean text rather than Chinese.

    Japanese writes its particles in hiragana, which Chinese never uses; Korean is nearly
    all Hangul, its commonest syllables a large share, with spaces between words. Either
    must decode cleanly.
    """
    for codec, language in _NEIGHBOURS:
        text, errors, _ = _decode(sample, codec, final=final)
        if _language_of(text, errors) == language:
            return codec, language
    return None


def _language_of(text: str, errors: int = 0) -> str | None:
    """``Japanese`` or ``Korean`` when ``text`` reads as that language, else None."""
    wide = [c for c in text if c >= "\u0100"]
    if len(wide) < 6 or errors * 20 > len(wide):
        return None
    kana = [c for c in wide if "\u3041" <= c <= "\u309f"]
    halfwidth = sum(1 for c in wide if "\uff61" <= c <= "\uff9f")  # what other bytes read as Shift-JIS give
    if len(set(kana)) >= 3 and len(kana) * 5 >= len(wide) and halfwidth * 10 <= len(wide):
        return "Japanese"
    common = [c for c in wide if c in _KOREAN_COMMON]  # and spaces between words
    if len(set(common)) >= 3 and text.count(" ") * 10 >= len(wide) and len(common) * 5 >= len(wide):
        return "Korean"
    return None
