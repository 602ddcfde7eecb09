"""Find entities (people, organisations, places, dates, numbers, events, products).

``find_entities(paragraphs, lexicon)`` works on canonical simplified paragraphs and
returns sorted, non-overlapping :class:`Span` objects (``layer="entity"``). Three sources
feed it, strongest first:

1. the lexicon: every name and alias, matched with one trie-shaped regex;
2. rules for dates and figures (``core.numbers``), which never override a lexicon name
   (``1688年轻买家`` holds the org 1688, not the year 1688);
3. person/org/place names the lexicon lacks, from the character tagger of
   ``core.ner_model``; it reads rjieba's tags and what the lexicon, the figure rules and
   the tag rules of ``core.entity_rules`` found, and learned where those are wrong. A
   tagger name that cuts into a lexicon name is dropped. Without the shipped model
   file (or with ``names="rules"``) the tag rules' names are used directly.

Overlaps resolve longest first; on equal length the stronger source wins. Paragraphs are
analysed in blocks of about ``_BLOCK`` characters, so a long document's tokens are not
all held at once.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from itertools import accumulate, chain
from operator import itemgetter

import rjieba

from .entity_rules import common_dictionary_names, dictionary_name_words, dotted_names, tagged_names
from .entity_rules import NOT_NAMES
from .gazetteer import NOT_NAMES_LATIN, NOT_ORGS, NOT_PLACES, PLACES
from .lexicon import Lexicon
from .models import Span
from .name_context import business_orgs, legal_names, listed_names, source_names, work_titles
from .cedict_names import org_matcher
from .name_context import LEADING as _LEADING, bracket_ok
from .ner_model import Inputs, load_model
from .numbers import find_figures

_PRIO_LEXICON, _PRIO_DATE, _PRIO_TAGGED, _PRIO_DISCOURSE, _PRIO_NUMBER, _PRIO_BACKSTOP = 0, 1, 2, 3, 4, 5
_BLOCK = 1 << 19  # characters of paragraphs analysed (and tagged) together
_ASCII_ALNUM = re.compile(r"[A-Za-z0-9]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_LATIN_TAIL = re.compile(r"[A-Za-z]+$")


NEVER_NAMES = NOT_NAMES | NOT_PLACES | NOT_ORGS
_MIN_PERSON = 2  # characters of the shortest person name the tagger may give


def _trie_pattern(words: Sequence[str]) -> str:
    """A regex matching any of ``words``, longest first, shaped as a trie.

    A flat alternation of hundreds of names retries every name at every position; a trie
    lets the regex engine reject a position on its first character.
    """
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        terminal = "" in node
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 and not terminal else "(?:" + "|".join(alts) + ")"
        if terminal:
            body = (body if body.startswith("(?:") else "(?:" + body + ")") + "?"
        return body

    return build(root)


def lexicon_matcher(lexicon: Lexicon) -> re.Pattern[str]:
    """The compiled matcher for ``lexicon``'s names and aliases (cached on the lexicon)."""
    rx = lexicon.cache.get("matcher")
    if rx is None:
        rx = re.compile(_trie_pattern(list(lexicon.surfaces())))
        lexicon.cache["matcher"] = rx
    return rx


def _lexicon_hits(text: str, rx: re.Pattern[str], lexicon: Lexicon, bounds: set[int]):
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
            _add_model_names(model, inputs, cands, lexicon_taken)
        for text, para_cands in zip(inputs.texts, cands):
            if (para_cands or "《" in text) and not _MARKS.isdisjoint(text):
                _in_context(text, para_cands)
        kept = [_resolve(text, para_cands) if para_cands else []
                for text, para_cands in zip(inputs.texts, cands)]
        if model is not None and discourse:
            kept = _one_reading(inputs, cands, kept)
        for p, (text, para_kept) in enumerate(zip(inputs.texts, kept), first):
            spans.extend(Span(p, start, end, "entity", etype, text[start:end] if key is None else key, extra)
                         for start, end, _prio, etype, key, extra in para_kept)
    return spans


_MARKS = frozenset("（(《“「『【[〈‘）)》”」』】]〉’\"")
_MARK_RX = re.compile("[" + re.escape("".join(sorted(_MARKS))) + "]")
_NAME_TYPES = frozenset(("person", "org", "place"))
_NOT_PERSON_ENDS = tuple("杯奖赛节")


def _in_context(text: str, cands: list) -> None:
    """Drop name candidates that cross a bracket, quote or book-title mark, or that sit
    inside the title of a work; a title that only names a newspaper (《证券时报》) is that org."""
    titles = list(work_titles(text)) if "《" in text else []
    marks = [m.start() for m in _MARK_RX.finditer(text)]
    keep = []
    for c in cands:
        start, end, etype = c[0], c[1], c[3]
        i = bisect_left(marks, start)
        if (i == len(marks) or marks[i] >= end) and not titles:
            keep.append(c)  # no mark inside it, no title in the paragraph
            continue
        if etype in _NAME_TYPES or etype in ("product", "event"):
            if not bracket_ok(text, start, end):
                continue
            if any(a <= start and end <= b and not (press and (a, b) == (start, end))
                   for a, b, press in titles):
                continue
        keep.append(c)
    for a, b, press in titles:
        if press:
            keep.append((a, b, _PRIO_TAGGED, "org", None, ()))
    cands[:] = keep


def _one_reading(inputs: Inputs, cands: list[list], kept: list[list]) -> list[list]:
    """Every mention of a name kept somewhere in the block, with the name's one type
    (``core.discourse``): candidates added, the paragraphs resolved again."""
    from .discourse import coordinated, document_types, mentions

    texts = inputs.texts
    found = [(p, c[0], c[1], c[3]) for p, para in enumerate(kept) for c in para
             if c[3] in _NAME_TYPES and c[1] - c[0] >= 2]
    found.extend(coordinated(texts, found))
    types = document_types(texts, found)
    for name, short in _short_forms(texts, [texts[p][s:e] for p, s, e, t in found if t == "org"]):
        types.setdefault(name, "org")
        if short:
            types.setdefault(short, "org")
    if not types:
        return kept
    changed = set()
    for p, start, end, etype in mentions(texts, types, inputs.tokens[0::2]):
        cands[p].append((start, end, _PRIO_DISCOURSE, etype, None, ()))
        changed.add(p)
    for p in range(len(texts)):
        para = cands[p]
        for i, c in enumerate(para):
            if c[3] in _NAME_TYPES and c[4] is None:
                t = types.get(texts[p][c[0]:c[1]])
                if t is not None and t != c[3]:
                    para[i] = (c[0], c[1], c[2], t, None, c[5])
                    changed.add(p)
    for p in changed:
        _in_context(texts[p], cands[p]) if not _MARKS.isdisjoint(texts[p]) else None
        kept[p] = _resolve(texts[p], cands[p])
    return kept


_PLACE_CHARS = frozenset("省市县区镇乡村州岛山江河湖海港湾峡岭峰洲岸路街桥站馆园寺宫城")


def _place_evidence(name: str) -> bool:
    """Whether a tagger place shows any sign of being one: a place character (省, 村,
    岛, 路 ...), a gazetteer place, or a jieba dictionary name word inside it. 战场中心
    (走向战场中心: the centre of the battlefield) has none."""
    if not _PLACE_CHARS.isdisjoint(name) or len(name) == 1:
        return True
    words = dictionary_name_words()
    return any(name[i:j] in words or name[i:j] in PLACES
               for i in range(len(name)) for j in range(i + 2, min(len(name), i + 8) + 1))


def _add_model_names(model, inputs: Inputs, cands: list[list], lexicon_taken) -> None:
    """The model's names of one block as candidates, where the lexicon lets them be.

    Gazetteer-place candidates the block already holds (``_PRIO_BACKSTOP``) stay only
    where no tagger name overlaps them.
    """
    texts = inputs.texts
    named: dict[int, bytearray] = {}
    for p, start, end, etype in _plausible(inputs, model.paragraph_spans(inputs)):
        if etype == "person" and end - start < _MIN_PERSON:
            continue  # a surname alone (李先生, 王小姐): corpora disagree on its span
        name = texts[p][start:end]
        if name in NEVER_NAMES or (name.isascii() and name.upper() in NOT_NAMES_LATIN):
            continue  # reviewed words that are never names (中华, 城市, 古老, GMV)
        if etype == "person" and name.endswith(_NOT_PERSON_ENDS):
            continue  # 金鹿杯, 金鸡奖: an award or a contest is not a person
        if etype == "person" and not _HAN.search(name):
            continue  # Google, Online: a Latin word in Chinese text is a brand or a title
        if etype == "org" and len(name) >= 3:
            cut = _leading_cut(name)
            start += cut  # 由红岭控股, 对民民贷, 整治办对红岭创投: a preposition before the name
            name = name[cut:]
        if etype == "org":
            for word in _DESCRIPTORS:
                if name.endswith(word) and len(name) - len(word) >= 2:
                    end -= len(word)  # 华夏信财官网, 某某App: the descriptor is not the name
                    name = name[:-len(word)]
                    break
        tail = _LATIN_TAIL.search(name)
        if tail and tail.group().upper() in NOT_NAMES_LATIN and tail.start():
            end = start + tail.start()  # 阿里巴巴集团CEO: the group, not its CEO
            name = name[:tail.start()]
        if etype == "place" and not _place_evidence(name):
            continue  # (measured: -0.001 F1 on held-out People's Daily, within noise)
        taken = lexicon_taken[p]
        if taken is not None and 1 in taken[start:end]:
            # The lexicon wins (阿里 in a 阿里高层 "place", 马云 in 帮马云), except for an
            # org name around whole lexicon names (深圳 in 深圳某某展览公司, 联合国 in
            # 联合国安理会: requiring an org head there cost 0.004 F1 on People's Daily).
            crosses = (start and taken[start - 1] and taken[start]) or (
                end < len(taken) and taken[end - 1] and taken[end])
            if crosses or etype != "org":
                continue
        cands[p].append((start, end, _PRIO_TAGGED, etype, None, ()))
        cover = named.get(p)
        if cover is None:
            cover = named[p] = bytearray(len(texts[p]))
        cover[start:end] = b"\x01" * (end - start)
    for p, para_cands in enumerate(cands):
        if any(c[2] == _PRIO_BACKSTOP for c in para_cands):
            cover = named.get(p)
            if cover is not None:
                para_cands[:] = [c for c in para_cands
                                 if c[2] != _PRIO_BACKSTOP or 1 not in cover[c[0]:c[1]]]


# Words that begin with a one-character country abbreviation, jieba cuts after it
_NOT_ABBR = ("法说会", "法说明会")
# What follows a company's name without being part of it (X|App, X|平台, X|官网)
_DESCRIPTORS = ("旗下公司", "公司官网", "官网", "平台", "旗下", "App", "APP", "app", "公众号", "客户端",
                "贴吧", "微博", "均", "等")
_MONTH = re.compile(r"[一二三四五六七八九十正腊]{1,2}月")


def _plausible(inputs: Inputs, spans):
    """The tagger's spans, less what CC-CEDICT and the sentence show it got wrong, and
    with CC-CEDICT's type where the tagger read a place or company as a person (马拉维).

    A one-character place is not the first character of a word (法 of 法说会), and a
    pair that is also an ordinary word (中巴: a minibus) is not split into two places; a place CC-CEDICT knows
    only as an ordinary word (都市, 河川) is none; a name before a month is part of an
    idiom (阳春三月).
    """
    from .cedict_names import ambiguous, name_type

    texts = inputs.texts
    spans = list(spans)
    singles = {(p, s) for p, s, e, t in spans if t == "place" and e - s == 1}
    for p, start, end, etype in spans:
        text = texts[p]
        name = text[start:end]
        if etype == "place" and end - start == 1:
            pair = text[start:start + 2] if (p, start + 1) in singles else (
                text[start - 1:end] if (p, start - 1) in singles else "")
            if pair and ambiguous(pair) or text.startswith(_NOT_ABBR, start):
                continue
            if not pair and _first_of_word(start, inputs.tokens[2 * p]):
                continue
        elif etype in ("place", "person") and _MONTH.match(text, end):
            continue
        elif etype == "person" and start and _inside_word(text, start, inputs.tokens[2 * p]):
            continue
        else:
            kind = name_type(name)
            if kind == "common" and etype == "place":
                continue
            if etype == "person" and kind in ("place", "org") and not ambiguous(name):
                etype = "org" if kind == "org" else "place"
        yield p, start, end, etype


def _leading_cut(name: str) -> int:
    """Characters of a tagger org that come before the name: a preposition jieba glued to
    it (对民民贷), or a clause up to a preposition before a company name (整治办对红岭创投)."""
    from .entity_rules import frequent_words
    from .name_context import HEADS

    if name[0] in _LEADING and name[:2] not in frequent_words():
        return 1
    for k in range(1, len(name) - 3):
        if name[k] in _LEADING and name[k:k + 2] not in frequent_words() and (
                name[-2:] in HEADS or name[-1:] in HEADS):
            return k + 1
    return 0


_WORD_TAGS = frozenset("n v vn a ad an d".split())


def _first_of_word(start: int, tokens) -> bool:
    """Whether ``start`` begins a two-character ordinary word of jieba's (港 of 港股, 法 of
    法说): an abbreviation there is part of the word, not a place."""
    from .entity_rules import _SPLIT

    pos = 0
    for word, tag in tokens:
        if pos == start:
            return len(word) == 2 and tag in _WORD_TAGS and word not in _SPLIT
        if pos > start:
            return False
        pos += len(word)
    return False


def _inside_word(text: str, start: int, tokens) -> bool:
    """Whether a person starting at ``start`` would begin inside an ordinary word (王茶姬
    of 霸王茶姬: 霸王 is one): jieba's token there straddles the start and is a frequent
    dictionary word."""
    from .entity_rules import frequent_words

    pos = 0
    for word, _tag in tokens:
        nxt = pos + len(word)
        if nxt > start:
            return pos < start and len(word) == 2 and word in frequent_words()
        pos = nxt
    return False


def _short_forms(texts: Sequence[str], orgs: list[str]):
    """``(trade name, its first two characters or None)`` of each registered company
    name in ``orgs`` (北京智谱华章科技股份有限公司 → 智谱华章, 智谱): the two-character
    form only where the text uses it on its own at least twice and it is no ordinary
    word (华夏 of 华夏信财 is one)."""
    from .entity_rules import frequent_words
    from .name_context import trade_name

    seen = set()
    for org in orgs:
        name = trade_name(org)
        if name is None or name in seen:
            continue
        seen.add(name)
        short = None
        if len(name) == 4 and name[:2] not in frequent_words() and name[:2] not in PLACES:
            alone = sum(t.count(name[:2]) - t.count(name) for t in texts)
            short = name[:2] if alone >= 2 else None
        yield name, short


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
    cedict_orgs = org_matcher()
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
            cands.append((start, end, _PRIO_LEXICON, etype, key, ()))
            taken[start:end] = b"\x01" * (end - start)
        for start, end, etype, key, kind in find_figures(text):
            if 1 in taken[start:end]:
                continue  # a lexicon name is never read as a number or date
            if kind == "count" and start and text[start - 1] == "第":
                continue  # ordinals (第31届) are not counts
            prio = _PRIO_DATE if etype == "date" else _PRIO_NUMBER
            cands.append((start, end, prio, etype, key, (("kind", kind),)))
            marks.append((start, end, etype))
        found = list(tagged_names(tokens, common, offsets)) if rules else []
        found.extend(dotted_names(text))
        lex_orgs = {s for s, _e, t in lex if t == "org"}
        context = list(chain(business_orgs(text, tokens, offsets, lex_orgs), legal_names(text, tokens, offsets),
                             source_names(text), listed_names(text, tokens, offsets)))
        if cedict_orgs is not None:  # CC-CEDICT's companies, on jieba's word boundaries
            for m in cedict_orgs.finditer(text):
                if m.start() in bounds and m.end() in bounds and 1 not in taken[m.start():m.end()]:
                    cands.append((m.start(), m.end(), _PRIO_BACKSTOP, "org", None, ()))
                    context.append((m.start(), m.end(), "org"))
        cands.extend((s, e, _PRIO_TAGGED, t, None, ()) for s, e, t in context)
        marks.extend(found)
        marks.extend(context)  # the tagger learns how far to trust them
        marks.extend(lex)  # last, so a lexicon name's mark wins where marks overlap
        if rules_as_candidates:
            cands.extend((s, e, _PRIO_TAGGED, t, None, ()) for s, e, t in found)
            inputs.add(text, (), ())  # the rules alone: no tagger inputs to build
        else:
            # gazetteer places the rules found, a backstop where the tagger finds nothing
            cands.extend((s, e, _PRIO_BACKSTOP, t, None, ()) for s, e, t in found
                         if t == "place" and text[s:e] in PLACES
                         and not (e - s == 1 and _first_of_word(s, tokens)))
            inputs.add(text, tokens, marks)
        covers.append(taken if lex else None)
    if all_cands or size is None:
        yield first, all_cands, inputs, covers


def _resolve(text: str, cands: list) -> list[tuple]:
    """Keep the longest candidates that do not overlap; ties go to the stronger source.

    A candidate's key None stands for its own text (names found by rules or model).
    """
    cands.sort(key=lambda c: (c[0] - c[1], c[2], c[0]))
    used = bytearray(len(text))
    kept = []
    for cand in cands:
        start, end = cand[0], cand[1]
        if end <= start or 1 in used[start:end]:
            continue
        used[start:end] = b"\x01" * (end - start)
        kept.append(cand)
    # Kept spans do not overlap, so their start alone gives Span order (no Span.__lt__).
    kept.sort(key=itemgetter(0))
    return kept
