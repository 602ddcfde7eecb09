"""Find entities (people, organisations, places, dates, numbers, events, products).

``find_entities(paragraphs, lexicon)`` works on canonical simplified paragraphs and
returns sorted, non-overlapping :class:`Span` objects (``layer="entity"``). Three sources
feed it, strongest first:

1. the lexicon: every name and alias, matched with one trie-shaped regex;
2. dates (``core.dates``, the one date grammar: the calendar dates, held against the
   figures they also read as, 1980年代 over the count 1980年) and figures (``core.numbers``),
   which never override a lexicon name (``1688年轻买家`` holds the org 1688, not the year);
3. person/org/place names the lexicon lacks, from the character tagger of
   ``core.ner_model``; it reads rjieba's tags and what the lexicon, the figure rules and
   the tag rules of ``core.entity_rules`` found, and learned where those are wrong. A
   tagger name that cuts into a lexicon name is dropped. Without the shipped model
   file (or with ``names="rules"``) the tag rules' names are used directly.

4. what the sentence says (``core.name_context``): a coined stem before a business head
   (花虾金融), a registered name (…有限公司), a ticker bracket, a cited outlet, a newspaper's
   《title》; CC-CEDICT's companies (``core.cedict_names``) as a backstop. These also go to
   the tagger as marks. No name crosses a bracket or quote or sits inside a work's title.

With the tagger, the document is context too (``core.discourse``): every name kept is
found at all its mentions with one type, with the aliases, trade names and list items
that go with it. Overlaps resolve longest first; on equal length the stronger source
wins. Paragraphs are analysed in blocks of about ``_BLOCK`` characters, so a long
document's tokens are not all held at once.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import accumulate, chain
from operator import itemgetter

import rjieba

from .candidates import MARKS, PRIO_BACKSTOP, PRIO_DATE, PRIO_LEXICON, PRIO_NUMBER, PRIO_TAGGED
from .candidates import in_context, resolve
from .cedict_names import org_matcher
from .entity_rules import common_dictionary_names, dotted_names, tagged_names
from .gazetteer import PLACES
from .lexicon import Lexicon
from .models import Span
from .name_context import business_orgs, government_orgs, legal_names, listed_names, titled_people
from .source_names import source_names
from .ner_model import Inputs, load_model
from .numbers import find_figures
from .dates import calendar_dates, written_label
from .place_use import drop_qualifiers
from .trie_match import GroupedMatcher, trie_pattern
from .tagger_names import NEVER_NAMES, abbreviation_in_word, add_model_names, first_of_word

_BLOCK = 1 << 19  # characters of paragraphs analysed (and tagged) together
_ASCII_ALNUM = re.compile(r"[A-Za-z0-9]")
_HAN = re.compile(r"[\u4e00-\u9fff]")


__all__ = ["NEVER_NAMES", "MODEL_MAX_CHARS", "entity_blocks", "entity_inputs", "find_entities",
           "lexicon_matcher"]


def lexicon_matcher(lexicon: Lexicon) -> GroupedMatcher:
    """The compiled matcher for ``lexicon``'s names and aliases (cached on the lexicon)."""
    rx = lexicon.cache.get("matcher")
    if rx is None:
        rx = GroupedMatcher(list(lexicon.surfaces()), trie_pattern)
        lexicon.cache["matcher"] = rx
    return rx


def _lexicon_hits(text: str, rx: GroupedMatcher, lexicon: Lexicon, bounds: set[int]):
    surfaces = lexicon.surfaces()
    for m in rx.finditer(text):
        start, end = m.span()
        name = m.group()
        # ASCII names must stand alone: Meta in Metaverse, 1688 in 16888 are not names.
        if _ASCII_ALNUM.match(name[0]) and start and _ASCII_ALNUM.match(text[start - 1]):
            continue
        if _ASCII_ALNUM.match(name[-1]) and end < len(text) and _ASCII_ALNUM.match(text[end]):
            continue
        # Two-character Chinese names hide inside words (完成都 → 成都, 完美团队 → 美团):
        # accept them only where jieba's segmentation also has a word boundary.
        if len(name) <= 2 and _HAN.match(name[0]) and (start not in bounds or end not in bounds):
            continue
        entry = surfaces[name]
        yield start, end, entry.type, entry.name


#: Documents up to this many characters get the tagger's names; longer ones (books, whole
#: archives) the tag rules' alone. The tagger costs ~1.2 s per million characters
#: (``bench/ner_throughput.py --names model`` against ``--names rules``) on top of ~3 s
#: for the rest of the analysis (bench/analysis.py), which would take a
#: book-length document below the 330k characters/s the analysis must keep; a long
#: article (10-50k characters) pays a few tens of milliseconds.
MODEL_MAX_CHARS = 300_000


def find_entities(paragraphs: Sequence[str], lexicon: Lexicon, *, names: str = "auto",
                  discourse: bool = True) -> list[Span]:
    """Entities in canonical ``paragraphs``: sorted, non-overlapping ``Span``s.

    ``names`` chooses where person/org/place names beyond the lexicon come from:
    ``"model"`` (the shipped tagger, fed with the rules' answers; the rules alone if the
    package lacks it), ``"rules"`` (the tag rules only) or ``"auto"``: the model up to
    :data:`MODEL_MAX_CHARS` characters in all, the rules beyond. ``discourse``: the
    paragraphs are one document, whose names are read the same at every mention
    (``core.discourse``; with the model only); False for unrelated sentences.
    """
    if names == "auto":
        names = "model" if sum(map(len, paragraphs)) <= MODEL_MAX_CHARS else "rules"
    model = load_model() if names == "model" else None
    spans: list[Span] = []
    for first, cands, inputs, lexicon_taken in entity_blocks(paragraphs, lexicon, model is None):
        if model is not None:
            add_model_names(model, inputs, cands, lexicon_taken)
        for text, para_cands in zip(inputs.texts, cands):
            if (para_cands or "《" in text) and not MARKS.isdisjoint(text):
                in_context(text, para_cands)
        kept = [resolve(text, para_cands) if para_cands else []
                for text, para_cands in zip(inputs.texts, cands)]
        if model is not None and discourse:
            from .discourse import one_reading

            kept = one_reading(inputs, cands, kept)
        kept = [drop_qualifiers(text, para_kept) if para_kept else para_kept
                for text, para_kept in zip(inputs.texts, kept)]
        for p, (text, para_kept) in enumerate(zip(inputs.texts, kept), first):
            spans.extend(Span(p, start, end, "entity", etype, text[start:end] if key is None else key, extra)
                         for start, end, _prio, etype, key, extra in para_kept)
    return spans


def entity_inputs(paragraphs: Sequence[str], lexicon: Lexicon, rules_as_candidates: bool = False,
                  rules: bool = True):
    """``(candidates, model inputs, lexicon cover)``: per paragraph, lexicon hits and
    figures as candidates, and a bytearray marking the lexicon hits' characters (None
    when there are none); the tag rules' names go to the model's inputs (and to the
    candidates if asked)."""
    for _first, cands, inputs, covers in entity_blocks(paragraphs, lexicon, rules_as_candidates,
                                                        rules, size=None):
        return cands, inputs, covers
    return [], Inputs(), []


def entity_blocks(paragraphs: Sequence[str], lexicon: Lexicon, rules_as_candidates: bool = False,
                  rules: bool = True, size: int | None = _BLOCK):
    """:func:`entity_inputs` for runs of whole paragraphs of about ``size`` characters
    (all at once if None), as ``(first paragraph, candidates, inputs, covers)``: the
    caller tags a block and drops it before the next is built, which bounds memory."""
    rx = lexicon_matcher(lexicon)
    common = common_dictionary_names()
    # CC-CEDICT's companies back the tagger up (a book-length document, rules only, skips
    # the scan: ~0.15 s per million characters)
    cedict_orgs = None if rules_as_candidates else org_matcher()
    inputs = Inputs()
    all_cands: list[list] = []
    covers: list[bytearray | None] = []
    first = 0
    for p, text in enumerate(paragraphs):
        if size is not None and inputs._size >= size:
            yield first, all_cands, inputs, covers
            inputs, all_cands, covers, first = Inputs(), [], [], p
        cands: list[tuple[int, int, int, str, str | None, tuple]] = []
        all_cands.append(cands)
        if not text:
            inputs.add(text, (), ())
            covers.append(None)
            continue
        tokens = rjieba.tag(text)
        # token start offsets (and the text's end), computed once for both uses below
        offsets = list(accumulate(map(len, map(itemgetter(0), tokens)), initial=0))
        bounds = set(offsets)
        marks: list[tuple[int, int, str]] = []
        taken = bytearray(len(text))
        lex = []
        for start, end, etype, key in _lexicon_hits(text, rx, lexicon, bounds):
            lex.append((start, end, etype))
            cands.append((start, end, PRIO_LEXICON, etype, key, ()))
            taken[start:end] = b"\x01" * (end - start)
        # a lexicon name is never read as a date or number
        for date in calendar_dates(text, [(s, e) for s, e, _t in lex]):
            cands.append((date.start, date.end, PRIO_DATE, "date", written_label(date), (("kind", "date"),)))
            marks.append((date.start, date.end, "date"))
        for start, end, kind in find_figures(text):
            if 1 in taken[start:end]:
                continue
            if kind == "count" and start and text[start - 1] == "第":
                continue  # ordinals (第31届) are not counts
            cands.append((start, end, PRIO_NUMBER, "number", None, (("kind", kind),)))
            marks.append((start, end, "number"))
        found = list(tagged_names(tokens, common, offsets)) if rules else []
        found.extend(dotted_names(text))
        lex_orgs = {s for s, _e, t in lex if t == "org"}
        context = list(chain(business_orgs(text, tokens, offsets, lex_orgs), legal_names(text, tokens, offsets),
                             source_names(text), listed_names(text, tokens, offsets)))
        if cedict_orgs is not None:  # CC-CEDICT's companies, on jieba's word boundaries
            for m in cedict_orgs.finditer(text):
                if m.start() in bounds and m.end() in bounds and 1 not in taken[m.start():m.end()]:
                    cands.append((m.start(), m.end(), PRIO_BACKSTOP, "org", None, ()))
                    context.append((m.start(), m.end(), "org"))
        cands.extend((s, e, PRIO_TAGGED, t, None, ()) for s, e, t in context)
        # (candidates only: the shipped tagger learned without them as marks)
        cands.extend((s, e, PRIO_TAGGED, t, None, ()) for s, e, t in chain(government_orgs(text, tokens, offsets),
                                                                             titled_people(text)))
        marks.extend(found)
        marks.extend(context)  # the tagger learns how far to trust them
        marks.extend(lex)  # last, so a lexicon name's mark wins where marks overlap
        if rules_as_candidates:
            cands.extend((s, e, PRIO_TAGGED, t, None, ()) for s, e, t in found)
            inputs.add(text, (), ())  # the rules alone: no tagger inputs to build
        else:
            # gazetteer places the rules found, a backstop where the tagger finds nothing
            cands.extend((s, e, PRIO_BACKSTOP, t, None, ()) for s, e, t in found
                         if t == "place" and text[s:e] in PLACES
                         and not (e - s == 1 and (first_of_word(s, tokens)
                                                  or abbreviation_in_word(text, s, tokens))))
            inputs.add(text, tokens, marks)
        covers.append(taken if lex else None)
    if all_cands or size is None:
        yield first, all_cands, inputs, covers


