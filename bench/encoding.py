"""Encoding detection accuracy on short Chinese samples: b2b-reader's detector vs chardet.

Samples are windows of 10/30/100/1000 characters cut from the eval sentences
(UD GSD traditional/simplified pairs, People's Daily simplified sentences; Big5 and the
"gb18030 trad" row use traditional text, OpenCC s2t for the People's Daily part), each
encoded in every supported encoding. A detection counts as right when decoding with the
answer gives back the original text exactly (so big5 vs cp950, gb2312 vs gb18030 do not
matter). Three detectors:

* ``ours``: ``core.source.detect_encoding``;
* ``ours-nc``: the same without the chardet tie-break (plausibility score only);
* ``chardet``: raw ``chardet.detect`` (7.x, all encodings, default options);
* ``chardet-r``: ``chardet.detect`` restricted to the supported encodings.

Run: ``PYTHONPATH=tui python bench/encoding.py [--per-cell N]``.
"""

from __future__ import annotations

import argparse
import json
import random
import time
import warnings
from pathlib import Path

import chardet
import opencc

from b2b_reader.core import encodings, source

EVAL = Path("/work/shared/eval")
LENGTHS = (4, 10, 30, 100, 1000)  # 4 is beyond the brief, to find where detection breaks
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "gb18030", "gb18030 trad", "big5")


def _streams() -> tuple[str, str]:
    """(simplified text, traditional text), each a concatenation of eval sentences."""
    simp, trad = [], []
    s2t = opencc.OpenCC("s2t")
    with open(EVAL / "conv_ud_gsd_t2s_dev.jsonl", encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            trad.append(row["input"])
            simp.append(row["expected"])
    with open(EVAL / "ner_peoples_daily_dev.jsonl", encoding="utf-8") as f:
        for line in f:
            text = json.loads(line)["text"]
            simp.append(text)
            trad.append(s2t.convert(text))
    return "".join(simp), "".join(trad)


def _samples(text: str, length: int, count: int, rng: random.Random) -> list[str]:
    """``count`` random windows of ``length`` characters."""
    return [text[i : i + length] for i in (rng.randrange(len(text) - length) for _ in range(count))]


def _decodes_to(data: bytes, codec: str | None, expected: str) -> bool:
    """True when ``codec`` decodes ``data`` to exactly ``expected`` (BOM removed)."""
    if not codec:
        return False
    try:
        text = data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return False
    return text.lstrip("\ufeff") == expected


def _ours(data: bytes) -> str | None:
    try:
        return source.detect_encoding(data)
    except source.SourceError:
        return None


def _ours_no_chardet(data: bytes) -> str | None:
    saved = encodings._chardet_prefers_big5  # detection lives in core/encodings.py
    encodings._chardet_prefers_big5 = lambda sample: None
    try:
        return _ours(data)
    finally:
        encodings._chardet_prefers_big5 = saved


def _raw_chardet(data: bytes) -> str | None:
    return chardet.detect(data)["encoding"]


_SUPPORTED = ["utf-8", "utf-16", "utf-16-le", "utf-16-be", "gb18030", "big5hkscs"]


def _restricted_chardet(data: bytes) -> str | None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # "no_match_encoding excluded"
        return chardet.detect(data, include_encodings=_SUPPORTED, compat_names=False)["encoding"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-cell", type=int, default=200, help="samples per encoding and length")
    args = parser.parse_args()
    rng = random.Random(7)
    simp, trad = _streams()
    detectors = {"ours": _ours, "ours-nc": _ours_no_chardet, "chardet": _raw_chardet, "chardet-r": _restricted_chardet}
    times = {k: 0.0 for k in detectors}
    calls = 0
    print(f"accuracy (%), {args.per_cell} samples per cell; 1000-char cells: a quarter of that")
    header = f"{'encoding':<14}{'len':>5}" + "".join(f"{k:>10}" for k in detectors)
    print(header)
    print("-" * len(header))
    confusions: dict[str, dict[str, int]] = {}
    for enc in ENCODINGS:
        codec = enc.split()[0]
        base = trad if (codec == "big5" or enc.endswith("trad")) else simp
        for length in LENGTHS:
            count = args.per_cell if length < 1000 else max(10, args.per_cell // 4)
            texts = [t for t in _samples(_encodable_only(base, codec), length, count, rng)]
            right = dict.fromkeys(detectors, 0)
            for text in texts:
                data = text.encode(codec)
                calls += 1
                for key, detect in detectors.items():
                    t0 = time.perf_counter()
                    answer = detect(data)
                    times[key] += time.perf_counter() - t0
                    if _decodes_to(data, answer, text):
                        right[key] += 1
                    elif key == "ours":
                        slot = confusions.setdefault(enc, {})
                        slot[str(answer)] = slot.get(str(answer), 0) + 1
            cells = "".join(f"{100 * right[k] / len(texts):>10.1f}" for k in detectors)
            print(f"{enc:<14}{length:>5}{cells}   (n={len(texts)})")
    print()
    _binary_rows(rng)
    print("ours: wrong answers by true encoding:", confusions or "none")
    print("mean time per detection (ms):", {k: round(1000 * v / calls, 2) for k, v in times.items()})


def _binary_rows(rng: random.Random) -> None:
    """How often binary input is (rightly) refused: random bytes and shared objects."""
    blobs = [rng.randbytes(4096) for _ in range(100)]
    for lib in sorted(Path(chardet.__file__).parent.rglob("*.so"))[:5]:
        data = lib.read_bytes()
        blobs += [data[i : i + 4096] for i in range(0, min(len(data), 200 * 4096), 4096)]
    refused = sum(1 for blob in blobs if 0 in blob[:8192] and _ours(blob) is None)
    with_nul = sum(1 for blob in blobs if 0 in blob[:8192])
    print(f"binary 4 KiB chunks with NULs refused: {refused}/{with_nul} (no NUL: {len(blobs) - with_nul})")


def _encodable_only(text: str, codec: str) -> str:
    """``text`` without the characters ``codec`` cannot encode (Big5 lacks some)."""
    return text.encode(codec, errors="ignore").decode(codec)


if __name__ == "__main__":
    main()
