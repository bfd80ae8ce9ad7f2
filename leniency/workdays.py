"""Working days in mainland China: weekends, public holidays and the official make-up working days (调休).

The calendar is data (`data/holidays_cn.yaml`, one entry per year, with its source). A year that is not in
the table, or is marked provisional, is counted as well as we can (Monday–Friday, minus the statutory
holidays we know) and `is_provisional(year)` says so, so that a page can warn that a deadline may move.
Pure Python: no Django import.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

import yaml

DATA_FILE = Path(__file__).parent / "data" / "holidays_cn.yaml"  # leniency/data/


@dataclass(frozen=True)
class HolidayCalendar:
    holidays: dict[date, str]  # day -> holiday name
    workdays: frozenset[date]  # weekend days that are official working days (调休上班)
    years: frozenset[int]  # years the table covers
    provisional_years: frozenset[int]

    def is_working_day(self, day: date) -> bool:
        if day in self.workdays:
            return True
        if day in self.holidays:
            return False
        return day.weekday() < 5

    def holiday_name(self, day: date) -> str | None:
        return self.holidays.get(day)

    def is_provisional(self, year: int) -> bool:
        return year not in self.years or year in self.provisional_years

    def add_working_days(self, start: date, count: int) -> date:
        """The `count`-th working day after `start` (the day of `start` itself does not count).

        A report received on a Friday before a long holiday with count=1 is due on the first working day
        after the holiday; count=0 returns `start`.
        """
        if count < 0:
            raise ValueError("count must not be negative")
        day, left = start, count
        while left:
            day += timedelta(days=1)
            if self.is_working_day(day):
                left -= 1
        return day

    def working_days_between(self, start: date, end: date) -> int:
        """Working days after `start` up to and including `end` (0 when end <= start)."""
        n, day = 0, start
        while day < end:
            day += timedelta(days=1)
            if self.is_working_day(day):
                n += 1
        return n


def load_calendar(path: Path = DATA_FILE) -> HolidayCalendar:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    holidays: dict[date, str] = {}
    workdays: set[date] = set()
    provisional: set[int] = set()
    for year, entry in raw.items():
        for name, days in (entry.get("holidays") or {}).items():
            for day in days:
                if day.year != int(year):
                    raise ValueError(f"{day} is listed under {year}")
                holidays[day] = name
        for day in entry.get("workdays") or []:
            if day.weekday() < 5:
                raise ValueError(f"make-up working day {day} is not a weekend day")
            workdays.add(day)
        if entry.get("provisional"):
            provisional.add(int(year))
    overlap = workdays & set(holidays)
    if overlap:
        raise ValueError(f"days both holiday and working day: {sorted(overlap)}")
    return HolidayCalendar(
        holidays, frozenset(workdays), frozenset(int(y) for y in raw), frozenset(provisional)
    )


@lru_cache(maxsize=1)
def calendar() -> HolidayCalendar:
    return load_calendar()


def is_working_day(day: date) -> bool:
    return calendar().is_working_day(day)


def add_working_days(start: date, count: int) -> date:
    return calendar().add_working_days(start, count)


def working_days_between(start: date, end: date) -> int:
    return calendar().working_days_between(start, end)


def is_provisional(year: int) -> bool:
    return calendar().is_provisional(year)
