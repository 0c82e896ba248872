"""Dates at the precision the sources give them: a year, a month, a day, or a period.

A ``xsd:gYear`` covers its year, a ``xsd:gYearMonth`` its month, a ``startDate``/``endDate`` pair
the span from the first day of the one to the last day of the other. The charts draw a figure
over its :class:`Period` and the timeline an event; neither turns a year into a day.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS_EN = [calendar.month_abbr[i] for i in range(13)]
_DATE = re.compile(r"^(-?\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


@dataclass(frozen=True)
class Period:
    """When a figure holds, at the precision the source gives.

    ``start`` is the first day and ``end`` the day after the last (both ``None`` for an
    undated figure); ``precision`` is ``day``, ``month``, ``year``, ``part-year`` (a period inside
    one year that is not all of it), ``years`` (a period over more than one year) or ``from``
    (a start with no end: "from 2019").
    """

    start: date | None
    end: date | None
    precision: str
    label_en: str
    label_vi: str

    @property
    def middle(self) -> date | None:
        if self.start is None or self.end is None:
            return self.start
        return self.start + (self.end - self.start) / 2

    @property
    def months(self) -> int:
        if self.start is None or self.end is None:
            return 0
        return (self.end.year - self.start.year) * 12 + self.end.month - self.start.month


def parse_date(text: str) -> tuple[date, date, str] | None:
    """First day, the day after the last, and precision of an XSD date, gYearMonth or gYear."""
    match = _DATE.match(text)
    if not match:
        return None
    year, month, day = int(match.group(1)), match.group(2), match.group(3)
    if year < 1:
        return None
    if day:
        first = date(year, int(month), int(day))
        return first, first + timedelta(days=1), "day"
    if month:
        first = date(year, int(month), 1)
        return first, _next_month(first), "month"
    return date(year, 1, 1), date(year + 1, 1, 1), "year"


def _next_month(day: date) -> date:
    return date(day.year + (day.month == 12), day.month % 12 + 1, 1)


def _month_vi(day: date) -> str:
    return f"tháng {day.month}/{day.year}"


def _one_label(first: date, precision: str) -> tuple[str, str]:
    if precision == "day":
        return (f"{first.day} {MONTHS_EN[first.month]} {first.year}", f"{first:%d/%m/%Y}")
    if precision == "month":
        return f"{MONTHS_EN[first.month]} {first.year}", _month_vi(first)
    return str(first.year), str(first.year)


def period_of(when: str | None, start: str | None, end: str | None) -> Period:
    """The period of a figure from its ``vnru:date`` or its ``startDate``/``endDate``."""
    if when:
        parsed = parse_date(when)
        if parsed:
            return Period(parsed[0], parsed[1], parsed[2], *_one_label(parsed[0], parsed[2]))
    first = parse_date(start) if start else None
    last = parse_date(end) if end else None
    if first and not last:
        en, vi = _one_label(first[0], first[2])
        return Period(first[0], first[1], "from", f"from {en}", f"từ {vi}")
    if last and not first:
        en, vi = _one_label(last[0], last[2])
        return Period(last[0], last[1], last[2], f"until {en}", f"đến {vi}")
    if not first or not last:
        return Period(None, None, "undated", "undated", "không rõ thời gian")
    return _span(first, last)


def _span(first: tuple[date, date, str], last: tuple[date, date, str]) -> Period:
    start, end = first[0], last[1]
    if (start, end) == (first[0], first[1]):  # the same unit twice
        return Period(start, end, first[2], *_one_label(start, first[2]))
    if start.year == (end - timedelta(days=1)).year:
        whole = start == date(start.year, 1, 1) and end == date(start.year + 1, 1, 1)
        if whole:
            return Period(start, end, "year", str(start.year), str(start.year))
        last_day = end - timedelta(days=1)
        if first[2] == "month" and last[2] == "month":
            en = f"{MONTHS_EN[start.month]}–{MONTHS_EN[last_day.month]} {start.year}"
            vi = f"tháng {start.month}–{last_day.month}/{start.year}"
        else:
            en = f"{_one_label(start, first[2])[0]} – {_one_label(last[0], last[2])[0]}"
            vi = f"{_one_label(start, first[2])[1]} – {_one_label(last[0], last[2])[1]}"
        return Period(start, end, "part-year", en, vi)
    en = f"{_one_label(start, first[2])[0]}–{_one_label(last[0], last[2])[0]}"
    vi = f"{_one_label(start, first[2])[1]}–{_one_label(last[0], last[2])[1]}"
    return Period(start, end, "years", en, vi)


def partial_note(period: Period) -> tuple[str, str]:
    """How a point says it covers part of a year ("11 months of 2024"), or empty strings."""
    if period.precision != "part-year" or period.start is None:
        return "", ""
    months = period.months
    if months:
        return (
            f"part of a year: {months} month{'s' * (months != 1)} of {period.start.year}",
            f"một phần năm: {months} tháng năm {period.start.year}",
        )
    return f"part of {period.start.year}", f"một phần năm {period.start.year}"
