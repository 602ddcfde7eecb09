"""Matching the glossary in canonical text: one regex built from a trie of every form.

The rules (longest match, Latin and word boundaries, case) are described in
:mod:`b2b_reader.core.glossary`, which loads the terms this module matches.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from .models import Span
from .trie_match import trie_pattern

if TYPE_CHECKING:
    from .glossary import Glossary, Term

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN_RUN = re.compile(r"[A-Za-z0-9]+")
_ALNUM = "A-Za-z0-9"
# After a purely numeric term: units that make it a quantity ("618万", "618年").
_NUMERIC_AFTER = _ALNUM + r".%％万亿元千百个件年月日号"
_NUMERIC_AFTER_SET = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.%％万亿元千百个件年月日号")

def _is_case_sensitive(form: str) -> bool:
    runs = [r for r in _LATIN_RUN.findall(form) if not r.isdigit()]
    return any(len(r) < 3 for r in runs)


class TermMatcher:
    """One regex over all forms, built from a trie so shared prefixes are tried once."""

    def __init__(self, entries: Sequence[Term]) -> None:
        # lower-cased form -> [(form as written if case-sensitive else None, term)]
        self._forms: dict[str, list[tuple[str | None, Term]]] = {}
        for t in entries:
            for form in t.forms:
                self._forms.setdefault(form.lower(), []).append(
                    (form if _is_case_sensitive(form) else None, t)
                )
        self.pattern = re.compile(trie_pattern(self._forms, _form_end, fold_case=True)) if self._forms else None
        self._simple = {
            low: pairs[0][1]
            for low, pairs in self._forms.items()
            if len(pairs) == 1 and pairs[0][0] is None
        }

    def find(self, paragraphs: Sequence[str], edges: Callable[[int, int, int], bool] | None = None) -> list[Span]:
        """Every glossary match in ``paragraphs``, in text order.

        ``edges(paragraph, start, end)`` is a further check of a hit (word boundaries); a
        hit it refuses may still hold a shorter term at the same start, or one after it.
        """
        spans: list[Span] = []
        if self.pattern is None:
            return spans
        simple = self._simple
        for index, text in enumerate(paragraphs):
            for m in self.pattern.finditer(text):
                # Fast path: a Chinese-initial hit of a case-insensitive form needs no check.
                term = simple.get(m.group()) if not m.group()[0].isascii() else None
                if term is None:
                    term = self._accept(text, m.start(), m.group())
                if term is not None and edges is not None and not edges(index, m.start(), m.end()):
                    term = None
                if term is None:
                    # A rejected hit may hide a term starting inside it: redo slowly.
                    return spans + self._find_slowly(paragraphs, index, m.start(), edges)
                spans.append(Span(index, m.start(), m.end(), "term", term.category, term.term))
        return spans

    def _find_slowly(self, paragraphs: Sequence[str], first: int, pos: int,
                     edges: Callable[[int, int, int], bool] | None = None) -> list[Span]:
        """Matches from ``paragraphs[first][pos:]`` on, resuming after a reject with a
        shorter form at the same start, else one character later."""
        spans: list[Span] = []
        search = self.pattern.search
        for index in range(first, len(paragraphs)):
            text = paragraphs[index]
            if index != first:
                pos = 0
            while (m := search(text, pos)) is not None:
                start = m.start()
                for end in range(m.end(), start, -1):
                    found = text[start:end]
                    if found.lower() not in self._forms or not self._edge_ok(text, end, found):
                        continue
                    term = self._accept(text, start, found)
                    if term is not None and (edges is None or edges(index, start, end)):
                        spans.append(Span(index, start, end, "term", term.category, term.term))
                        pos = end
                        break
                else:
                    pos = start + 1
        return spans

    def _edge_ok(self, text: str, end: int, found: str) -> bool:
        """The regex's own checks after a form's end (Latin neighbours, units after 618)."""
        after = text[end:end + 1]
        if not after:
            return True
        if found.isdigit():
            return after not in _NUMERIC_AFTER_SET
        if found[-1].isascii() and found[-1].isalnum():
            return not (after.isascii() and after.isalnum())
        return True

    def _accept(self, text: str, start: int, found: str) -> Term | None:
        """The term for a regex hit, after the checks a regex lookbehind would slow down."""
        if start and found[0].isascii() and found[0].isalnum():
            before = text[start - 1]
            if before.isascii() and (before.isalnum() or (before == "." and found.isdigit())):
                return None
        for exact, term in self._forms[found.lower()]:
            if exact is None or exact == found:
                return term
        return None


def _form_end(form: str) -> str:
    """What may not follow a whole form: a unit after a number (618万), a Latin letter or
    digit after a Latin form (GMV in GMVs)."""
    if form.isdigit():
        return f"(?![{_NUMERIC_AFTER}])"
    if form[-1].isascii() and form[-1].isalnum():
        return f"(?![{_ALNUM}])"
    return ""


def find_terms(paragraphs: Sequence[str], glossary: Glossary, entities: Iterable[Span] = ()) -> list[Span]:
    """Glossary terms in canonical paragraphs: ``Span(layer="term", type=category, key=term)``.

    Only on word boundaries (see the module's docstring); ``entities`` are spans already
    found, which a term may coincide with exactly.
    """
    from .words import TermBoundaries

    forms = frozenset(f for t in glossary for f in t.forms if HAN.search(f))
    compounds = {w for t in glossary for w in t.not_in}
    return glossary.matcher.find(paragraphs, TermBoundaries(paragraphs, forms, compounds, entities))
