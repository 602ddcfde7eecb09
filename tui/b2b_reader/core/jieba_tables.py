"""The entity layer's tables from jieba's ``dict.txt``, built once per install and cached.

Reading the 349k lines of ``dict.txt`` (and binning its words for the tagger's name
profile) costs ~0.45 s, which every fresh process paid on its first analysis. The tables
are now kept in the cache directory in a compact form (word lists joined by newlines, the
profile as its non-zero cells) that loads in a few tens of milliseconds. The key holds
dict.txt's path, size and mtime and the organisation heads the pass depends on, so an
upgraded jieba or edited heads rebuild the entry; an unreadable or malformed entry is a
miss, rebuilt and overwritten.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path

VERSION = "1"
_KIND = "jieba"
# name tags → type bit (person 1, place 8, organisation 64), as core.ner_features uses them
NAME_BITS = {"nr": 1, "nrt": 1, "nrfg": 1, "ns": 8, "nt": 64}
COMMON_FREQ = 300  # a name word jieba uses this often is an ordinary word (古老 2695 nr)
# Tags of the tail of a dictionary "name" that betray an ordinary word: 桂冠 = 桂 + 冠 (n),
# 陶醉 = 陶 + 醉 (v), 高增值 = 高 + 增值 (v).
_BAD_TAIL_2 = frozenset("n ng v vg vn p a q t f j ns nz x zg".split())
_BAD_TAIL_3 = frozenset("v vn vg p q t d".split())
# Given-name characters of unknown two-character "names" that are verbs or measure words
# (张会, 刘名): jieba's HMM glues a surname-like character to the next word.
_BAD_GIVEN_1 = frozenset("v vn q f k b p".split())
_SETS = ("common", "false_names", "bad_given", "heads")


def dictionary_path() -> Path | None:
    """jieba's installed ``dict.txt``, or None without jieba."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).with_name("dict.txt")


def _heads() -> frozenset[str]:
    from .name_context import HEADS

    return HEADS


def _key(path: Path) -> str:
    from . import cache

    stat = path.stat()
    return cache.cache_key("jieba-tables", VERSION, str(path), str(stat.st_size),
                           str(stat.st_mtime_ns), " ".join(sorted(_heads())), str(COMMON_FREQ))


def build(path: Path) -> dict:
    """One pass over ``dict.txt``: every table, in the cached (JSON) form."""
    heads = _heads()
    lasts = frozenset(h[-1] for h in heads)
    common, nr_words, tag_of, head_words = [], [], {}, []
    frequent, counts, edges, kinds = [], [], [], bytearray()
    names: dict[int, list[str]] = {1: [], 8: [], 64: []}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            word, freq, tag = line.split()
            n = len(word)
            if n <= 4 and len(freq) >= 3:  # used at least 100 times
                frequent.append(word)
                counts.append(int(freq))
            if n <= 2:
                tag_of[word] = tag
            elif n <= 5 and word[-1] in lasts and (word[-1] in heads or word[-2:] in heads):
                head_words.append(word)
            if n > 1:
                edges.append(word[0] + word[-1])
                kinds.append(NAME_BITS.get(tag, 0))
            bit = NAME_BITS.get(tag)
            if bit:
                if int(freq) >= COMMON_FREQ:
                    common.append(word)
                if tag == "nr" and n in (2, 3):
                    nr_words.append(word)
                if 2 <= n <= 8:
                    names[bit].append(word)
    false_names = [w for w in nr_words
                   if tag_of.get(w[1:]) in (_BAD_TAIL_2 if len(w) == 2 else _BAD_TAIL_3)]
    bad_given = [w for w, t in tag_of.items() if len(w) == 1 and t in _BAD_GIVEN_1]
    from .ner_features import profile_from_edges

    profile = profile_from_edges("".join(edges), bytes(kinds))
    at = profile.nonzero()[0]
    return {"version": VERSION, "common": "\n".join(common), "false_names": "\n".join(false_names),
            "bad_given": "\n".join(bad_given), "heads": "\n".join(head_words),
            "frequent": "\n".join(frequent), "counts": counts,
            "names": {str(b): "\n".join(ws) for b, ws in names.items()},
            "profile_at": at.tolist(), "profile_code": profile[at].tolist()}


def _valid(data: dict) -> bool:
    words = data.get("frequent")
    return (data.get("version") == VERSION and all(isinstance(data.get(k), str) for k in _SETS)
            and isinstance(words, str) and isinstance(data.get("counts"), list)
            and len(data["counts"]) == (words.count("\n") + 1 if words else 0)
            and isinstance(data.get("names"), dict)
            and all(isinstance(data["names"].get(b), str) for b in ("1", "8", "64"))
            and isinstance(data.get("profile_at"), list) and isinstance(data.get("profile_code"), list)
            and len(data["profile_at"]) == len(data["profile_code"]))


@lru_cache(maxsize=1)
def _raw() -> dict | None:
    """The cached entry (built and stored on a miss), or None without jieba."""
    from . import cache

    path = dictionary_path()
    if path is None:
        return None
    key = _key(path)
    data = cache.load(_KIND, key)
    if data is None or not _valid(data):
        data = build(path)
        cache.store(_KIND, key, data)
    return data


def _split(text: str) -> list[str]:
    return text.split("\n") if text else []


@lru_cache(maxsize=1)
def tables() -> tuple[frozenset[str], frozenset[str], frozenset[str], dict[str, int],
                      dict[str, int], set[str]]:
    """``(common, false_names, bad_given, names, frequent, heads)`` (see core.entity_rules);
    all empty without jieba."""
    data = _raw()
    if data is None:
        return frozenset(), frozenset(), frozenset(), {}, {}, set()
    names: dict[str, int] = {}
    for bit in ("1", "8", "64"):
        names.update(dict.fromkeys(_split(data["names"][bit]), int(bit)))
    frequent = dict(zip(_split(data["frequent"]), map(int, data["counts"])))
    return (frozenset(_split(data["common"])), frozenset(_split(data["false_names"])),
            frozenset(_split(data["bad_given"])), names, frequent, set(_split(data["heads"])))


def profile_cells() -> tuple[list[int], list[int]]:
    """The name profile's non-zero cells ``(code points, codes)`` (see core.ner_features)."""
    data = _raw()
    if data is None:
        return [], []
    return data["profile_at"], data["profile_code"]
