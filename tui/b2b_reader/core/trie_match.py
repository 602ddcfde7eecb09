"""Leftmost-longest matching of many names with trie-shaped regexes.

:func:`trie_pattern` builds the regex of a set of words shaped as a trie (shared prefixes
tried once), the one builder of the core: the lexicon's and the document's names go
through :class:`GroupedMatcher`, CC-CEDICT's companies and the glossary compile one each
(the glossary's ends carry lookaheads of their own).

One regex for every lexicon name is slow once the lexicon is large: at each position whose
character can begin a name, Python's regex engine tries the root alternatives one by one,
so the cost grows with the number of distinct first characters (585 in the packaged
lexicon). Split by first character into groups of ``GROUP_SIZE`` root alternatives, each
group's regex keeps the engine's fast skip over characters that begin none of its names
and tries only its own alternatives; the groups' next matches are merged in order of
position. The result is exactly the single regex's: at the leftmost position where any
name begins, the longest name there (a position's names all share its first character,
so they are all in one group), then on from its end.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Callable, Iterable, Iterator, Sequence

#: Root alternatives (distinct first characters) per regex. Measured with the packaged
#: lexicon (2,292 names, 585 first characters) on bench/make_big.py's 1M characters, CPU
#: time: one regex 0.73 s; groups of 32, 48, 96, 160: 0.23, 0.20, 0.18, 0.21 s. One regex
#: of the 689 names before the lexicon grew took 0.17 s.
GROUP_SIZE = 96


def trie_pattern(words: Iterable[str], end: Callable[[str], str] = lambda word: "",
                 fold_case: bool = False) -> str:
    """A regex matching any of ``words``, the longest at a position, shaped as a trie.

    ``end(word)`` is what must follow a whole word (a lookahead; "" for nothing).
    ``fold_case``: ASCII letters match in either case (words are given lower-cased); at
    the root each letter is two plain literals, since a character class there loses the
    engine's first-character prefilter (~10x slower).
    """
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = word  # type: ignore[assignment]

    def emit(node: dict, at_root: bool = False) -> str:
        alts = []
        for ch in sorted(k for k in node if k):
            rest = emit(node[ch])
            if fold_case and ch.isascii() and ch.isalpha():
                alts.extend((re.escape(ch.upper()) + rest, re.escape(ch) + rest) if at_root else
                            (f"[{ch.upper()}{ch}]" + rest,))
            else:
                alts.append(re.escape(ch) + rest)
        if "" in node:
            alts.append(end(node[""]))
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return emit(root, at_root=True)


class GroupedMatcher:
    """``finditer(text)`` as a single regex of all ``words`` would give it."""

    def __init__(self, words: Sequence[str], pattern: Callable[[Sequence[str]], str],
                 group_size: int = GROUP_SIZE) -> None:
        by_first: dict[str, list[str]] = {}
        for word in words:
            if word:
                by_first.setdefault(word[0], []).append(word)
        count = max(1, -(-len(by_first) // group_size))
        groups: list[list[str]] = [[] for _ in range(count)]
        for i, first in enumerate(sorted(by_first)):
            groups[i % count].extend(by_first[first])
        self.patterns: tuple[re.Pattern[str], ...] = tuple(
            re.compile(pattern(group)) for group in groups if group
        )

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """Non-overlapping matches, left to right, the longest at each position."""
        patterns = self.patterns
        heap = []
        for i, rx in enumerate(patterns):
            m = rx.search(text)
            if m is not None:
                heap.append((m.start(), i, m))
        heapq.heapify(heap)
        pos = 0
        while heap:
            start, i, m = heap[0]
            if start >= pos:
                yield m
                pos = m.end()
            # this group's next match from where the text is still free (a match that
            # began inside the one just taken is searched again from its end)
            nxt = patterns[i].search(text, pos)
            if nxt is None:
                heapq.heappop(heap)
            else:
                heapq.heapreplace(heap, (nxt.start(), i, nxt))
