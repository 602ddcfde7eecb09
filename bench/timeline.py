"""Benchmark of the date recogniser on Recognizers-Text's Chinese date/time specs.

Run: PYTHONPATH=tui python bench/timeline.py [--no-jionlp]

Data: /work/shared/eval/time_recognizers_text_zh.jsonl (762 inputs; gold spans; 513 with a
reference time and resolved values). Figures:

* span: share of gold expressions found with exactly the gold offsets;
* resolution: of those found, with a reference time and a resolvable gold value, the share
  whose first and last day equal the gold's (Recognizers gives a past and a future reading
  for ambiguous ones such as 3月; either counts; its exclusive range ends are accepted).

Printed for all expressions and for the subset a news article uses; the categories left
out of the subset, and why, are printed too. JioNLP's ``ner.extract_time`` is measured the
same way when it is installed (it is not a dependency of the reader).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path

DATA = Path("/work/shared/eval/time_recognizers_text_zh.jsonl")

# (category, why it is outside a business article's timeline, test on gold type and text)
EXCLUDED = [
    ("time of day", "clock times and parts of a day (下午5:00, 今晚, 3小时): below a timeline's day resolution",
     lambda t, s: t.split(".")[-1] in ("time", "timerange", "datetime", "datetimerange")
     or re.search(r"小时|钟头|分钟|秒", s)),
    ("recurrence", "每天/每周 are sets, not points in time", lambda t, s: t.endswith("set")),
    ("lunar/era", "lunar dates and festivals (正月初一, 春节) need a lunar calendar; of reign eras only 民国 and "
     "the Qing reigns are read (康熙三年 yes, 神龙元年 no); kept in this row so figures compare across versions",
     lambda t, s: re.search(r"农历|正月|初[一二三四五六七八九十]|大年|春节|除夕|元宵|中秋|端午|重阳|清明|康熙|雍正|民国|神龙", s)),
    ("weekday/week", "weekdays and week arithmetic (上周一, 下下周末, 第一周) are news-of-the-day detail",
     lambda t, s: re.search(r"星期|礼拜|禮拜|週|周(?!年)", s)),
    ("floating holiday", "母亲节/父亲节/感恩节 fall on an n-th weekday", lambda t, s: re.search(r"母亲节|父亲节|感恩节", s)),
    ("season", "今年夏天: no agreed dates (gold is unresolved too)", lambda t, s: re.search(r"[春夏秋冬]天|[春夏秋冬]季", s)),
    ("ambiguous numeric", "12/1, 3-7-07, 13.5.2015: day/month order and 2-digit years are guesses; Chinese text writes Y-M-D",
     lambda t, s: re.search(r"(?<!\d)\d{1,2}[-/.]\d{1,2}(?:[-/.]\d{2,4})?(?!\d)", s) and not re.search(r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}", s)),
    ("bare number", "2018 with no 年: 4-digit numbers in business text are codes and names (1688)",
     lambda t, s: re.fullmatch(r"=?\s?\d{3,4}", s)),
]


def category(entity: dict) -> str | None:
    """The excluded category of a gold entity, or None when it is in the news subset."""
    for name, _, test in EXCLUDED:
        if test(entity["type"], entity["text"]):
            return name
    return None


def _d(s: str) -> date:
    return date.fromisoformat(s[:10])


def gold_targets(entity: dict) -> list[tuple[date, date]]:
    """Acceptable (first, last) days for a gold entity; empty when it has no resolvable value."""
    out: list[tuple[date, date]] = []
    timex = (entity.get("value") or {}).get("Timex") or ""
    values = []
    if "value" in entity:
        v = entity["value"]
        values = [v.get("FutureResolution") or {}, v.get("PastResolution") or {}]
    for r in (entity.get("resolution") or {}).get("values", []):
        timex = timex or r.get("timex", "")
        values.append(r)
    # A plain label (2018, 2018-10, 2015-01-01) is exact, also for 或之前/以来 bounds.
    if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", timex):
        y, *rest = map(int, timex.split("-"))
        if not rest:
            return [(date(y, 1, 1), date(y, 12, 31))]
        if len(rest) == 1:
            nxt = date(y + rest[0] // 12, rest[0] % 12 + 1, 1)
            return [(date(y, rest[0], 1), nxt - timedelta(days=1))]
        try:
            return [(date(y, rest[0], rest[1]),) * 2]
        except ValueError:
            return []
    for v in values:
        point = v.get("date") or (v.get("value") if v.get("type") in ("date",) else None)
        if point and re.match(r"\d{4}-\d{2}-\d{2}$", point) and not point.startswith("0001"):
            out.append((_d(point), _d(point)))
        start, end = v.get("startDate") or v.get("start"), v.get("endDate") or v.get("end")
        if start and end and re.match(r"\d{4}-", start) and re.match(r"\d{4}-", end):
            out.append((_d(start), _d(end)))
    return out


def resolved_ok(first: str | None, last: str | None, targets: list[tuple[date, date]]) -> bool:
    """First and last day agree with a gold reading (its range ends may be exclusive)."""
    if not first or not last:
        return False
    try:
        a, b = _d(first), _d(last)
    except ValueError:  # jionlp writes year 367 as "367-01-01"
        return False
    for ga, gb in targets:
        if a != ga:
            continue
        if b in (gb, gb - timedelta(days=1)):
            return True
        # Recognizers ends 从2016到2018 at 2018-01-01 and 1月至3月 at 03-01: the last unit's start.
        if (gb.month, gb.day) == (1, 1) and (b.month, b.day) == (12, 31) and b.year == gb.year:
            return True
        if gb.day == 1 and (b + timedelta(days=1)).day == 1 and (b.year, b.month) == (gb.year, gb.month):
            return True
    return False


def load() -> list[dict]:
    """The eval rows."""
    with DATA.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def ours(rows: list[dict]) -> list[list[tuple[int, int, str | None, str | None]]]:
    """Our (start, end, first, last) for every row, resolved against its reference time."""
    import opencc

    from b2b_reader.core.timeline import find_time_expressions

    t2s = opencc.OpenCC("t2s")  # the reader analyses canonical simplified text (length kept)
    out = []
    for row in rows:
        ref = row["reference_time"]
        base = datetime.fromisoformat(ref).date() if ref else "2017-03-22"
        exprs = find_time_expressions([t2s.convert(row["text"])], base)
        out.append([(e.start, e.end, e.date_start, e.date_end) for e in exprs])
    return out


def jionlp_predictions(rows: list[dict]) -> list[list[tuple[int, int, str | None, str | None]]]:
    """JioNLP's ``ner.extract_time`` on every row, in the same shape."""
    import jionlp as jio
    import opencc

    t2s = opencc.OpenCC("t2s")
    out = []
    for row in rows:
        ref = row["reference_time"] or "2017-03-22T00:00:00"
        ts = datetime.fromisoformat(ref).timestamp()
        preds = []
        try:
            found = jio.ner.extract_time(t2s.convert(row["text"]), time_base=ts)
        except (ValueError, KeyError, TypeError, IndexError) as exc:  # it raises on some inputs
            print(f"  jionlp failed on {row['id']}: {type(exc).__name__}", file=sys.stderr)
            found = []
        for f in found:
            t = f.get("detail", {}).get("time")
            first = last = None
            if isinstance(t, list) and len(t) == 2 and isinstance(t[0], str) and t[0][:1].isdigit():
                first, last = t[0][:10], t[1][:10]
            preds.append((f["offset"][0], f["offset"][1], first, last))
        out.append(preds)
    return out


def score(rows: list[dict], preds: list[list[tuple]]) -> dict[str, Counter]:
    """Per category: gold count, exact spans, resolvable ones, resolved right, and false alarms."""
    stats: dict[str, Counter] = {}
    for row, found in zip(rows, preds):
        by_span = {(s, e): (a, b) for s, e, a, b in found}
        gold_spans = [(g["start"], g["end"]) for g in row["entities"]]
        for g in row["entities"]:
            c = stats.setdefault(category(g) or "news", Counter())
            c["gold"] += 1
            hit = by_span.get((g["start"], g["end"]))
            if hit is None:
                continue
            c["span"] += 1
            targets = gold_targets(g) if row["reference_time"] else []
            if targets:
                c["resolvable"] += 1
                c["resolved"] += resolved_ok(hit[0], hit[1], targets)
        for s, e, _, _ in found:
            if not any(s < ge and gs < e for gs, ge in gold_spans):
                stats.setdefault("news", Counter())["false"] += 1
    return stats


def report(name: str, stats: dict[str, Counter]) -> None:
    """Print span and resolution shares for all expressions and the news subset."""
    def line(label: str, c: Counter) -> str:
        span = c["span"] / c["gold"] if c["gold"] else 0
        res = c["resolved"] / c["resolvable"] if c["resolvable"] else 0
        return (f"  {label:<18} gold {c['gold']:>4}  span {c['span']:>4} ({span:6.1%})"
                f"  resolved {c['resolved']:>4}/{c['resolvable']:<4} ({res:6.1%})")

    total = sum(stats.values(), Counter())
    print(f"\n{name}")
    print(line("all", total))
    print(line("news subset", stats.get("news", Counter())))
    for cat, _, _ in EXCLUDED:
        if cat in stats:
            print(line(f"- {cat}", stats[cat]))
    print(f"  expressions found where the gold has none: {total['false']}")


# Sentences of the default article whose numbers are names, counts or ranges.
TRAPS = [
    "2020年上半年1688年轻买家的占比提升接近10%。",
    "在试用该工具后,节省了5-6个人力成本。",
    "商家可以通过雇佣“数字人主播”全年无休直播带货。",
    "大多非常年轻,以25-35岁年龄段为主。",
    "通过数千名工程师、300多个自研系统精准把控。",
    "1866为本场活动制定的主题是“造生意的N种可能”。",
]


def traps(extract) -> None:
    """Print what a recogniser takes for dates in the trap sentences."""
    for text in TRAPS:
        print(f"    {text[:24]:<26} -> {extract(text)}")


def import_seconds(statement: str) -> float:
    """Median wall time of a fresh interpreter running ``statement`` (3 runs)."""
    times = []
    for _ in range(3):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", statement], check=True, capture_output=True)
        times.append(time.perf_counter() - t)
    base = []
    for _ in range(3):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True, capture_output=True)
        base.append(time.perf_counter() - t)
    return sorted(times)[1] - sorted(base)[1]


def main() -> None:
    rows = load()
    print(f"{len(rows)} inputs, {sum(len(r['entities']) for r in rows)} gold expressions, "
          f"{sum(bool(r['reference_time']) for r in rows)} with a reference time")
    print("Left out of the news subset:")
    for cat, why, _ in EXCLUDED:
        print(f"  {cat}: {why}")
    t = time.perf_counter()
    preds = ours(rows)
    elapsed = time.perf_counter() - t
    report(f"b2b_reader.core.timeline ({elapsed * 1000:.0f} ms for all inputs)", score(rows, preds))
    print(f"  import b2b_reader.core.timeline: {import_seconds('import b2b_reader.core.timeline') * 1000:.0f} ms")
    from b2b_reader.core.timeline import find_time_expressions

    print("  trap sentences (only 2020年上半年 is a date):")
    traps(lambda text: [e.text for e in find_time_expressions([text], "2023-11")])
    if "--no-jionlp" in sys.argv:
        return
    try:
        import jionlp  # noqa: F401
    except ImportError:
        print("\njionlp is not installed: no comparison")
        return
    t = time.perf_counter()
    jpreds = jionlp_predictions(rows)
    elapsed = time.perf_counter() - t
    report(f"jionlp.ner.extract_time ({elapsed * 1000:.0f} ms for all inputs)", score(rows, jpreds))
    import jionlp as jio

    print("  trap sentences:")
    traps(lambda text: [f["text"] for f in jio.ner.extract_time(text, time_base=1699747200)])
    print(f"  import jionlp + first extract_time: "
          f"{import_seconds('import jionlp; jionlp.ner.extract_time(chr(20170)+chr(24180))') * 1000:.0f} ms")


if __name__ == "__main__":
    main()
