"""The search fold: every character to one search key, never changing length.

A query and the text are compared after *folding* every character to one key, and
folding never changes length, so an offset in folded text is an offset in the text:

- traditional → simplified, character by character (OpenCC ``t2s`` on single
  characters, followed to a fixed point): ``寶`` → ``宝``, ``裡``/``裏`` → ``里``,
  ``綫``/``線`` → ``线``;
- a few variants OpenCC's ``t2s`` leaves alone but its Hong Kong and Taiwan tables
  fold, all variants in every context (:data:`EXTRA_VARIANTS`);
- full-width ASCII → ASCII (``ＧＭＶ`` → ``GMV``, ``，`` → ``,``), the ideographic space
  → space, compatibility ideographs and Kangxi radicals → the unified character;
- Latin (and Greek, Cyrillic) case: ``GMV`` and ``gmv`` fold alike.

Not folded (:data:`NOT_FOLDED`): characters OpenCC's ``t2s`` maps alone but keeps inside
some simplified words, because there they are their own character (``乾`` in ``乾隆``,
``徵`` in ``宫商角徵羽``); folding them would make ``干`` find ``乾隆``. A traditional
query still finds the simplified text: each query is also tried after a phrase-aware
``t2s`` (``乾淨`` → ``干净``).

``着``/``著`` are folded only for documents whose source is traditional or mixed:
simplified keeps them apart (``看着``, ``著名``) but traditional writes both ``著``, and
OpenCC's ``t2s`` never turns ``著`` into ``着``, so canonical text from a traditional
source has ``随著`` where a reader types ``随着``.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from .script import converter

#: Kept out of the fold: OpenCC's t2s maps each alone, yet keeps it in simplified words
#: (found by converting every CC-CEDICT headword that contains one; words in brackets).
NOT_FOLDED = frozenset(
    "乾"  # 乾隆, 乾坤 (qián); alone t2s gives 干
    "徵"  # 宫商角徵羽 (zhǐ), 魏徵; alone 征
    "薹"  # 蒜薹; alone 苔
    "剋"  # 挨剋; alone 克
    "吒"  # 哪吒; alone 咤
    "脩"  # 束脩; alone 修
    "昇"  # 毕昇 (a name); alone 升
    "劄"  # 目劄; alone 札
)

#: Variant pairs OpenCC's t2s leaves unchanged; from its hk2s/tw2s single-character
#: tables, keeping only pairs that are the same character in every use. Left out from
#: those tables: 么→幺 (么 is the simplified 什么) and 著→着 (see below).
EXTRA_VARIANTS = {
    "衞": "卫", "衹": "只", "敍": "叙", "枱": "台", "粧": "妆", "糭": "粽", "潀": "潨",
    "痺": "痹", "睪": "睾", "簷": "檐", "顎": "腭", "鯰": "鲇",
}

#: Folded only when the source is traditional or mixed (see the module docstring).
TRADITIONAL_SOURCE_VARIANTS = {"著": "着"}

_CJK_RANGES = ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00), (0x20000, 0x2A6E0))
#: Where case, full-width forms, compatibility ideographs and radicals live (checking
#: all of the BMP costs ~50 ms more and finds nothing else a reader would type).
_FOLD_RANGES = ((0x0, 0x2D30), (0x2F00, 0x2FE0), (0x3000, 0x3001), (0xA640, 0xA800),
                (0xF900, 0xFB00), (0xFF00, 0xFF60))
#: Full-width ASCII, compatibility ideographs, Kangxi radicals: NFKC gives one character.
_NFKC_CHARS = frozenset(map(chr, [*range(0xFF01, 0xFF5F), *range(0xF900, 0xFB00), *range(0x2F00, 0x2FE0)]))


@lru_cache(maxsize=2)
def fold_table(traditional_source: bool = False) -> dict[int, str]:
    """The ``str.translate`` table of the fold (built once: ~40 ms, mostly OpenCC).

    Every value is one character and a fixed point, so folding keeps length and
    ``fold(fold(s)) == fold(s)``.
    """
    table: dict[int, str] = {}
    for lo, hi in _FOLD_RANGES:
        for ch in "".join(map(chr, range(lo, hi))):
            key = ch
            if ch in _NFKC_CHARS:
                norm = unicodedata.normalize("NFKC", ch)
                key = norm if len(norm) == 1 else ch
            low = key.lower()
            if len(low) == 1:
                key = low
            if key != ch:
                table[ord(ch)] = key
    table[0x3000] = " "  # the ideographic space
    chars = "".join("".join(map(chr, range(lo, hi))) for lo, hi in _CJK_RANGES)
    # One OpenCC call for all characters: newlines keep each character alone (if they
    # ever did not, convert one by one: ~0.5 s, but still right).
    t2s = converter("t2s")
    simplified = t2s("\n".join(chars)).split("\n")
    if len(simplified) != len(chars):
        simplified = [t2s(ch) for ch in chars]
    for ch, simple in zip(chars, simplified):
        if simple != ch and len(simple) == 1 and ch not in NOT_FOLDED:
            table[ord(ch)] = table.get(ord(simple), simple)
    for ch, simple in EXTRA_VARIANTS.items():
        table[ord(ch)] = simple
    if traditional_source:
        for ch, simple in TRADITIONAL_SOURCE_VARIANTS.items():
            table[ord(ch)] = simple
    # Follow chains (薴 → 苧 → 苎) to a fixed point so folding is idempotent.
    for code, value in list(table.items()):
        seen = {code}
        while ord(value) in table and ord(value) not in seen:
            seen.add(ord(value))
            value = table[ord(value)]
        table[code] = value
    return {code: value for code, value in table.items() if chr(code) != value}


def fold(text: str, traditional_source: bool = False) -> str:
    """``text`` with every character folded to its search key (same length)."""
    return text.translate(fold_table(traditional_source))
