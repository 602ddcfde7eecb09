"""Values of date expressions: the base they count from, and their resolution to calendar days.

``core.dates`` reads what an expression says (the parts of ``dates._F``); this module turns
it into a first and last day and a precision, given a :class:`Base` (the publication date
or, for anaphors and bare dates, the narrative's date chosen by ``core.narrative``).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .dates import Parsed, _F

__all__ = ["Base", "Found", "parse_base", "label_of", "resolve"]

# --------------------------------------------------------------------------- base date

_PRECISION_RANK = {"day": 0, "part-of-month": 1, "month": 2, "quarter": 3, "half": 4, "year": 5}


@dataclass(frozen=True, slots=True)
class Base:
    """The date relative expressions are resolved against, and how precisely it is known."""

    day: date  # first day of the known period
    precision: str  # "year", "month" or "day"

    @property
    def last(self) -> date:
        """Last day of the known period (the base month's end for a month-precise base)."""
        if self.precision == "year":
            return date(self.day.year, 12, 31)
        if self.precision == "month":
            return _month_end(self.day.year, self.day.month)
        return self.day


def parse_base(value: date | str | None) -> Base | None:
    """A :class:`Base` from a date, or from a label ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""
    if value is None:
        return None
    if isinstance(value, date):
        return Base(value, "day")
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return Base(date(parts[0], 1, 1), "year")
    if len(parts) == 2:
        return Base(date(parts[0], parts[1], 1), "month")
    return Base(date(parts[0], parts[1], parts[2]), "day")


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _add_months(d: date, months: int) -> date:
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(d.day, calendar.monthrange(year, month + 1)[1]))


def _shift(d: date, n: int, unit: str) -> date:
    if unit == "year":
        return _add_months(d, 12 * n)
    if unit == "month":
        return _add_months(d, n)
    if unit == "week":
        return d + timedelta(weeks=n)
    return d + timedelta(days=n)


def label_of(first: date, precision: str) -> str:
    """The design's date label for a resolved expression: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""
    if precision in ("year", "half", "quarter"):
        return f"{first.year:04d}"
    if precision in ("month", "part-of-month"):
        return f"{first.year:04d}-{first.month:02d}"
    return first.isoformat()


@dataclass(frozen=True, slots=True)
class Found:
    """One recognised expression with its resolution (``first``/``last`` are None when unresolvable)."""

    start: int
    end: int
    kind: str  # "point", "duration" or "range"
    precision: str | None
    first: date | None
    last: date | None
    relative: bool
    mod: str = ""  # "since", "before" or "after" when the text bounds one side only


# --------------------------------------------------------------------------- resolution

def _resolve_point(f: _F, base: Base | None) -> tuple[date, date, str, bool] | None:
    """(first day, last day, precision, relative) of a one-ended expression."""
    relative = f.yrel is not None or f.mrel is not None or f.drel is not None or f.week is not None
    if f.decade:
        return date(f.decade[0], 1, 1), date(f.decade[1], 12, 31), "year", False
    if f.drel is not None or f.week is not None:
        if base is None:
            return None
        if f.drel is not None:
            if base.precision != "day":  # 今天 in a text dated only to a month: that month
                return base.day, base.last, base.precision, True
            d = base.day + timedelta(days=f.drel)
            return d, d, "day", True
        monday = base.day - timedelta(days=base.day.weekday()) + timedelta(weeks=f.week or 0)
        return monday, monday + timedelta(days=6), "day", True
    year = f.year
    if year is None:
        if base is None:
            return None
        relative = True
        if f.mrel is not None:
            anchor = _add_months(date(base.day.year, base.day.month, 1), f.mrel + 12 * (f.yrel or 0))
            year = anchor.year
        else:
            year = base.day.year + (f.yrel or 0)
    if f.months:
        m1, m2, precision = f.months
        return date(year, m1, 1), _month_end(year, m2), precision, relative
    month = f.month
    if f.mrel is not None and base is not None:
        month = _add_months(date(base.day.year, base.day.month, 1), f.mrel).month
    if month is None:
        if f.day is None:
            return date(year, 1, 1), date(year, 12, 31), "year", relative
        if base is None:
            return None
        month, relative = base.day.month, True
    if f.days:
        d1, d2 = f.days
        last = _month_end(year, month) if d2 == 0 else date(year, month, d2)
        return date(year, month, d1), last, "part-of-month", relative
    if f.day is None:
        return date(year, month, 1), _month_end(year, month), "month", relative
    for back in range(4 if relative else 1):
        # 29日 in February means January's; 2月29日 in 2019 means 2016's: step back, as a reader would.
        y, m = (year - back, month) if f.month is not None or f.mrel is not None else divmod(year * 12 + month - 1 - back, 12)
        if f.month is None and f.mrel is None:
            m += 1
        try:
            d = date(y, m, f.day)
        except ValueError:
            continue
        return d, d, "day", relative
    return None  # 2月30日


def _resolve_count(f: _F, base: Base | None) -> tuple[date, date, str, bool] | None:
    if f.count is None or base is None:
        return None
    n, unit, direction = f.count
    whole = int(n)
    precision = {"year": "year", "month": "month"}.get(unit, "day")
    if direction == "past":
        return _shift(base.day, -whole, unit), base.last, precision, True
    if direction == "future":
        return base.last + timedelta(days=1), _shift(base.last, whole, unit), precision, True
    d = _shift(base.day, -whole if direction == "ago" else whole, unit)
    return d, d, precision, True


def _resolve(start: int, end: int, a: _F, b: _F | None, mod: str, base: Base | None) -> Found:
    if b is not None:
        ra, rb = _resolve_point(a, base), _resolve_point(b, base)
        if ra and rb and rb[1] < ra[0] and (b.wrap or (b.year is None and b.yrel is None)):
            rb = _resolve_point(b._replace(year=ra[0].year + 1, yrel=None), base)
        if ra and rb and ra[0] <= rb[1]:
            precision = max(ra[2], rb[2], key=_PRECISION_RANK.__getitem__)
            if precision in ("half", "quarter"):
                precision = "month"
            return Found(start, end, "range", precision, ra[0], rb[1], ra[3] or rb[3])
        return Found(start, end, "range", None, None, None, True)
    if a.vague:
        return Found(start, end, "duration", None, None, None, True)
    if a.count:
        r = _resolve_count(a, base)
        kind = "duration" if a.duration else "point"
        if r is None:
            return Found(start, end, kind, None, None, None, True)
        return Found(start, end, kind, r[2], r[0], r[1], True)
    if a.duration:
        return Found(start, end, "duration", None, None, None, False)
    if a.recent:
        if base is None:
            return Found(start, end, "point", None, None, None, True)
        precision = base.precision if base.precision != "day" else "day"
        return Found(start, end, "point", precision, base.day, base.last, True)
    r = _resolve_point(a, base)
    kind = "range" if a.decade or a.week is not None or (a.months and a.months[0] == 1 and a.months[2] == "month") else "point"
    if r is None:
        return Found(start, end, kind, None, None, None, True, mod)
    return Found(start, end, kind, r[2], r[0], r[1], r[3], mod)


def resolve(p: Parsed, base: Base | None) -> Found:
    """``p`` resolved against ``base`` (the publication date, or the narrative's date).

    An anaphor counts from ``base`` (同年 is its year, 次日 the day after it; 次日 of a date
    known to the month only is that month); 近日/日前 are ``base``'s month; a weekday is the
    latest such day up to ``base``; a quarter or half without a year is the latest one
    begun by ``base``'s end (Q4 in March 2019 is 2018's).
    """
    a = p.a
    if base is None or not (a.ana or a.near or a.weekday is not None or a.bare_part):
        return _resolve(p.start, p.end, a, p.b, p.mod, base)
    if a.bare_part and a.months:
        year = base.last.year - (date(base.last.year, a.months[0], 1) > base.last)
        return _replace_relative(_resolve(p.start, p.end, a._replace(year=year, bare_part=False), p.b, p.mod, base))
    period = Found(p.start, p.end, "point", base.precision, base.day, base.last, True, p.mod)
    if a.near:
        if base.precision == "day":
            return Found(p.start, p.end, "point", "month", base.day.replace(day=1),
                         _month_end(base.day.year, base.day.month), True, p.mod)
        return period
    if a.weekday is not None:
        if base.precision != "day":
            return Found(p.start, p.end, "point", None, None, None, True, p.mod)
        d = base.day - timedelta(days=(base.day.weekday() - a.weekday) % 7)
        return Found(p.start, p.end, "point", "day", d, d, True, p.mod)
    unit, off = a.ana
    if unit == "year":
        f = a._replace(ana=None, year=base.day.year + off)
    elif base.precision == "year":
        return period  # 当月 / 次日 of a date known to the year only
    elif unit == "month":
        first = _add_months(date(base.day.year, base.day.month, 1), off)
        f = a._replace(ana=None, year=first.year, month=first.month)
    elif base.precision != "day":
        return period
    else:
        d = base.day + timedelta(days=off)
        f = a._replace(ana=None, year=d.year, month=d.month, day=d.day)
    return _replace_relative(_resolve(p.start, p.end, f, p.b, p.mod, base))


def _replace_relative(found: Found) -> Found:
    return replace(found, relative=True)
