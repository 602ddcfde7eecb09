"""One reading per discourse: a name found with confidence is found at every mention.

``spread(texts, spans, tokens)`` takes the names the entity layer kept in one run of
paragraphs and returns candidates for every other mention of them, with one type per
name: the type most of its mentions got, or org wherever a mention is followed by what
only follows an organisation (``name_context.org_by_context``). Aliases defined in the
text (``（下称“国购基金”）``) join the names with the type of the name before them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from itertools import accumulate

from .candidates import MARKS, NAME_TYPES, PRIO_DISCOURSE, in_context, resolve
from .entity_rules import frequent_words
from .gazetteer import PLACES
from .name_context import alias_definitions, org_by_context, trade_name
from .trie_match import GroupedMatcher, trie_pattern

_ASCII_ALNUM = re.compile(r"[A-Za-z0-9]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_ALIAS_MARK = re.compile(r"简称|下称")
_SELF = frozenset("公司 本公司 该公司 发行人 本行 本集团 集团 平台 本基金 基金 管理人 上市公司 标的公司".split())
_COMPANY_ENDS = ("公司", "集团", "银行", "证券", "基金", "中心", "协会", "委员会", "交易所")


def document_types(texts: Sequence[str], spans) -> dict[str, str]:
    """Each name's one type in the document, from ``spans``
    ``(paragraph, start, end, type)`` and the aliases the texts define."""
    votes: dict[str, Counter] = {}
    org_context: set[str] = set()
    ends: dict[tuple[int, int], str] = {}
    for p, s, e, t in spans:
        if t not in NAME_TYPES or e - s < 2:
            continue
        name = texts[p][s:e]
        votes.setdefault(name, Counter())[t] += 1
        ends[p, e] = t
        if t != "org" and org_by_context(texts[p], e):
            org_context.add(name)
    for p, text in enumerate(texts):
        if "称" not in text or not _ALIAS_MARK.search(text):
            continue
        for bracket, a, b in alias_definitions(text):
            if text[a:b] in frequent_words() or text[a:b] in _SELF:
                continue  # （以下简称“公司”）: a filing's word for itself, no name
            etype = ends.get((p, bracket))
            if etype is None and text.endswith(_COMPANY_ENDS, 0, bracket):
                etype = "org"  # whatever came before, it was a company (…有限公司（下称X）)
            if etype is not None:
                votes.setdefault(text[a:b], Counter())[etype] += 2
    types = {}
    for name, count in votes.items():
        types[name] = "org" if name in org_context else max(
            count.items(), key=lambda kv: (kv[1], kv[0] == "org"))[0]
    _short_orgs(types)
    return types


def _short_orgs(types: dict[str, str]) -> None:
    """A "place" no gazetteer knows that begins an organisation of the document (or the
    trade name of a registered one) is its short form (红岭 of 红岭创投: 红岭社区, 红岭清盘): org. A known place stays one
    (北京 of 北京银行, 华夏 of 华夏信财)."""
    orgs = [n for n, t in types.items() if t == "org"]
    if not orgs:
        return
    orgs += [trade for trade in map(trade_name, orgs) if trade]  # 深圳红岭创投…有限公司: 红岭创投
    from .cedict_names import name_type
    from .entity_rules import dictionary_name_words

    words = dictionary_name_words()
    for name, t in types.items():
        if (t == "place" and len(name) >= 2 and name not in PLACES and name_type(name) != "place"
                and not words.get(name, 0) & 8 and any(o.startswith(name) and len(o) > len(name) for o in orgs)):
            types[name] = "org"


def _pattern(names) -> GroupedMatcher:
    """Leftmost-longest matching of ``names``: a document of 300k characters holds thousands
    of them, whose single trie regex tried its root alternatives at every position (~0.4 s
    there); grouped by first character, each regex skips fast (``core.trie_match``)."""
    return GroupedMatcher(sorted(names), trie_pattern)


def mentions(texts: Sequence[str], types: dict[str, str], tokens: Sequence[Sequence[tuple[str, str]]] | None):
    """``(paragraph, start, end, type)`` of every mention of the names of ``types``.

    A mention of a Latin name must stand alone (FF in FFI is not FF); a two-character
    Chinese one must fall on jieba's word boundaries (``tokens`` per paragraph; without
    them two-character names are not spread)."""
    if not types:
        return
    rx = _pattern(types)
    for p, text in enumerate(texts):
        bounds = None
        for m in rx.finditer(text):
            s, e = m.span()
            name = m.group()
            if _ASCII_ALNUM.match(name[0]) and s and _ASCII_ALNUM.match(text[s - 1]):
                continue
            if _ASCII_ALNUM.match(name[-1]) and e < len(text) and _ASCII_ALNUM.match(text[e]):
                continue
            if len(name) <= 2 and _HAN.match(name[0]):
                if tokens is None or not tokens[p]:
                    continue
                if bounds is None:
                    bounds = set(accumulate((len(w) for w, _t in tokens[p]), initial=0))
                if s not in bounds or e not in bounds:
                    continue
            yield p, s, e, types[name]


_ITEM_STOP = re.compile(r"[，。；;：:！？!?（）()《》“”\"\s]|等|和|及|与|以及")
_ITEM = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]{2,6}$")
_COUNTED = re.compile(r"[0-9一二两三四五六七八九十几]+[个家款只位名种类项]")  # 1个消费平台: a count, no name


def coordinated(texts: Sequence[str], spans) -> list[tuple[int, int, int, str]]:
    """Items of an enumeration (``A、B、C``) beside a name found in it take the name's type
    (对红岭创投、投资宝、牛板金: the platforms of one list): a list holds one kind of
    thing. Items are 2-6 characters, no ordinary word of jieba's dictionary (银行、保险
    stay words); every name found in the list must have the one type."""
    by_para: dict[int, list[tuple[int, int, str]]] = {}
    for p, s, e, t in spans:
        if t in NAME_TYPES:
            by_para.setdefault(p, []).append((s, e, t))
    frequent = frequent_words()
    out = []
    for p, found in by_para.items():
        text = texts[p]
        if "、" not in text:
            continue
        starts = {s: (e, t) for s, e, t in found}
        ends = {e: t for s, e, t in found}
        for clause in re.finditer(r"[^，。；;！？!?\n]+", text):
            a, b = clause.span()
            if text.count("、", a, b) == 0:
                continue
            cuts = [i for i in range(a, b) if text[i] == "、"]
            items = []
            # the item before the first 、 and after the last one are bounded by a found name
            prev = cuts[0]
            first_end = prev
            items.append((None, first_end))
            for c in cuts[1:]:
                items.append((prev + 1, c))
                prev = c
            tail = _ITEM_STOP.search(text, prev + 1, b)
            items.append((prev + 1, tail.start() if tail else b))
            types = set()
            for s, e in items:
                if s is None:
                    t = ends.get(e)
                elif s in starts and starts[s][0] == e:
                    t = starts[s][1]
                else:
                    t = None
                if t:
                    types.add(t)
            if len(types) != 1:
                continue
            etype = types.pop()
            for s, e in items:
                if s is None or s in starts:
                    continue
                item = text[s:e]
                if any(s <= fs and fe <= e and fs - s >= 2 and text[s:fs] in frequent for fs, fe, _t in found):
                    continue  # 董事罗鹏: a word before the name 罗鹏 (not 汇 of 汇金易安 around 金易安)
                if (_ITEM.match(item) and not item.isdigit() and not _COUNTED.match(item)
                        and not _two_words(item, frequent)):
                    out.append((p, s, e, etype))
    return out


def _two_words(item: str, frequent) -> bool:
    """Whether ``item`` is an ordinary word of jieba's dictionary or two of two characters or more (上市公司,
    监管部门; 跃马财富 and 诚投在线 are coined: 跃马 and 诚投 are no words)."""
    return item in frequent or any(item[:i] in frequent and item[i:] in frequent for i in range(2, len(item) - 1))


def one_reading(inputs, cands: list[list], kept: list[list]) -> list[list]:
    """Every mention of a name kept somewhere in the block, with the name's one type
    (``core.discourse``): candidates added, the paragraphs resolved again."""
    texts = inputs.texts
    found = [(p, c[0], c[1], c[3]) for p, para in enumerate(kept) for c in para
             if c[3] in NAME_TYPES and c[1] - c[0] >= 2]
    found.extend(coordinated(texts, found))
    types = document_types(texts, found)
    for name, short in _short_forms(texts, [texts[p][s:e] for p, s, e, t in found if t == "org"]):
        types.setdefault(name, "org")
        if short:
            types.setdefault(short, "org")
    if not types:
        return kept
    changed = set()
    have = {(p, c[0], c[1], c[3]) for p, para in enumerate(kept) for c in para}
    for mention in mentions(texts, types, inputs.tokens[0::2]):
        if mention not in have:  # (most mentions are kept already: nothing to redo there)
            p, start, end, etype = mention
            cands[p].append((start, end, PRIO_DISCOURSE, etype, None, ()))
            changed.add(p)
    for p, para in enumerate(kept):
        text = texts[p]
        if any(c[3] in NAME_TYPES and c[4] is None and types.get(text[c[0]:c[1]], c[3]) != c[3] for c in para):
            changed.add(p)
    for p in changed:
        text, para = texts[p], cands[p]
        for i, c in enumerate(para):
            if c[3] in NAME_TYPES and c[4] is None:
                t = types.get(text[c[0]:c[1]])
                if t is not None and t != c[3]:
                    para[i] = (c[0], c[1], c[2], t, None, c[5])
        if not MARKS.isdisjoint(text):
            in_context(text, para)
        kept[p] = resolve(text, para)
    return kept


def _short_forms(texts: Sequence[str], orgs: list[str]):
    """``(trade name, its first two characters or None)`` of each registered company
    name in ``orgs`` (北京智谱华章科技股份有限公司 → 智谱华章, 智谱): the two-character
    form only where the text uses it on its own at least twice and it is no ordinary
    word (华夏 of 华夏信财 is one)."""
    seen = set()
    for org in orgs:
        name = trade_name(org)
        if name is None or name in seen:
            continue
        seen.add(name)
        short = None
        short = name[:2]
        if len(name) == 4 and short not in frequent_words() and short not in PLACES:
            longer = tuple(o for o in orgs if o.startswith(short)) + (name,)
            # alone: not the start of a longer name found (天风 of 天风证券 is not 天风)
            alone = sum(1 for t in texts for m in re.finditer(re.escape(short), t)
                        if not t.startswith(longer, m.start()))
            short = short if alone >= 2 else None
        else:
            short = None
        yield name, short
