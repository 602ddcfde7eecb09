"""What CC-CEDICT (already shipped for the dictionary pane) knows about proper nouns.

CC-CEDICT writes a proper noun's pinyin capitalised (``Ma3 la1 wei2 /Malawi/``) and an
ordinary word's in lower case (``he2 chuan1 /rivers/``); a word with both (中巴:
China-Pakistan and minibus, 小米: Xiaomi and millet) is both. Its glosses say what a
proper noun is: a company, bank or exchange, a country, city, county or river, a person
(a surname, years of life). :func:`name_types` reads that once per installed CC-CEDICT and
keeps it in the cache directory (parsing the 120k lines costs ~0.5 s; the cached table
loads in a few milliseconds).

Types: ``org``, ``place``, ``person``, ``proper`` (a proper noun whose gloss says nothing
more, like Malawi), and ``common`` for words CC-CEDICT has only in lower case.
``ambiguous(word)``: the word has a proper and an ordinary sense.
"""

from __future__ import annotations

import gzip
import re
from functools import lru_cache

VERSION = "3"
_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")
_ORG = re.compile(
    r"\b(?:company|corporation|corp\.|inc\.|ltd|bank|banking|exchange|university|college|"
    r"airlines?|airways|group|conglomerate|brand|manufacturer|maker|firm|newspaper|news agency|"
    r"broadcaster|e-commerce|internet portal|search engine|insurer|automaker|carmaker)\b", re.I)
_PLACE = re.compile(
    r"\b(?:country|city|county|province|prefecture|district|township|town|village|river|lake|"
    r"island|islands|mountains?|capital|region|state|republic|kingdom|peninsula|sea|ocean|bay|"
    r"municipality|port|desert|plateau|strait|continent)\b", re.I)
_PERSON = re.compile(r"\b(?:surname|given name|\(name\)|emperor|king|queen|poet|writer|author|"
                     r"painter|philosopher|general|politician|president of|actor|actress|singer|"
                     r"physicist|scientist|composer|novelist|dynasty)\b|\(\d{3,4}-\d{0,4}\)", re.I)
_MAX = 8


def _classify(gloss: str) -> str:
    first = gloss.split("/")[0]
    for rx, kind in ((_PERSON, "person"), (_ORG, "org"), (_PLACE, "place")):
        if rx.search(first):
            return kind
    return "proper"


_CAPITAL_OF = re.compile(r"\bcapital (?:city )?of (?:the )?([A-Z][A-Za-z'\-]+(?: [A-Z][A-Za-z'\-]+)*)")


_ENGLISH = re.compile(r"(?<![A-Za-z])[a-z]{3,}(?![A-Za-z])")


def english_words(lines) -> set[str]:
    """The lower-case English words of CC-CEDICT's glosses (assistant, limited, hunt): a
    Latin word of an article that is one of them is no name on its own."""
    words: set[str] = set()
    for line in lines:
        slash = line.find("/")
        if slash > 0:
            words.update(_ENGLISH.findall(line, slash))
    return words


def parse(lines) -> tuple[dict[str, str], set[str]]:
    """``(types of proper nouns, words with an ordinary sense)`` from CC-CEDICT lines.

    A proper noun whose gloss is only a name is a place when that name is a country:
    one some other gloss gives a capital of (``Lilongwe, capital of Malawi``)."""
    proper: dict[str, str] = {}
    common: set[str] = set()
    countries: set[str] = set()
    bare: dict[str, str] = {}
    for line in lines:
        for m in _CAPITAL_OF.finditer(line):
            countries.add(m.group(1))
        m = _LINE.match(line)
        if m is None:
            continue
        word, pinyin, gloss = m.group(2), m.group(3), m.group(4)
        if not 2 <= len(word) <= _MAX or gloss.startswith(("variant of", "old variant", "see ")):
            continue
        if pinyin[:1].isupper():
            kind = proper.setdefault(word, _classify(gloss))
            if kind == "proper":
                bare.setdefault(word, re.sub(r"\s*\(.*?\)", "", gloss.split("/")[0]).strip())
        else:
            common.add(word)
    for word, name in bare.items():
        if proper[word] == "proper" and name in countries:
            proper[word] = "place"
    return proper, common


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], frozenset[str]]:
    from . import cache

    source, key = _source_key()
    if source is None:
        return {}, frozenset()
    data = cache.load("cedict", key)
    if data is None or "proper" not in data:
        data = _parse_source(source, key)
    return data["proper"], frozenset(data["common"])


def _source_key() -> tuple:
    from . import cache
    from .dictionary import cedict_source

    source = cedict_source()
    if source is None:
        return None, ""
    stat = source.stat()
    return source, cache.cache_key("cedict-names", VERSION, str(source), str(stat.st_size), str(stat.st_mtime_ns))


def _parse_source(source, key: str) -> dict:
    """Parse the installed CC-CEDICT once and cache both tables (names; English words,
    in an entry of their own that only a Latin name makes the entity layer read)."""
    from . import cache

    with gzip.open(source, "rt", encoding="utf-8") as fh:
        lines = fh.readlines()
    proper, common = parse(lines)
    data = {"proper": proper, "common": sorted(common)}
    cache.store("cedict", key, data)
    cache.store("cedict", key + "-en", {"english": sorted(english_words(lines))})
    return data


@lru_cache(maxsize=1)
def _english() -> frozenset[str]:
    from . import cache

    source, key = _source_key()
    if source is None:
        return frozenset()
    data = cache.load("cedict", key + "-en")
    if data is None or "english" not in data:
        _parse_source(source, key)
        data = cache.load("cedict", key + "-en") or {"english": []}
    return frozenset(data["english"])


def is_english_word(word: str) -> bool:
    """Whether ``word`` (any case) is an ordinary English word of CC-CEDICT's glosses."""
    return word.lower() in _english()


def name_type(word: str) -> str | None:
    """CC-CEDICT's type for ``word`` (see the module doc), or None if it lacks the word."""
    proper, common = _tables()
    kind = proper.get(word)
    if kind is not None:
        return kind
    return "common" if word in common else None


def ambiguous(word: str) -> bool:
    """Whether ``word`` is both a proper noun and an ordinary word (中巴, 小米, 联想)."""
    proper, common = _tables()
    return word in proper and word in common


@lru_cache(maxsize=1)
def org_matcher() -> re.Pattern[str] | None:
    """A regex of CC-CEDICT's companies, banks and exchanges that are no ordinary word
    too (台积电, 纳斯达克, 港交所; not 小米, also millet), longest first; None if none."""
    from .trie_match import trie_pattern

    proper, common = _tables()
    words = sorted(w for w, t in proper.items() if t == "org" and w not in common)
    return re.compile(trie_pattern(words)) if words else None
