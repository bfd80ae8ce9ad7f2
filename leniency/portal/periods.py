"""Reporting periods: calendar quarters written 2026-Q3, calendar years written 2026, or everything ("all")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Period:
    code: str  # "2026-Q3", "2026" or "all"
    start: date | None
    end: date | None  # inclusive

    @property
    def label(self) -> str:
        if self.start is None:
            return _("全部期间")
        if "-Q" in self.code:
            year, q = self.code.split("-Q")
            return _("%(year)s年第%(q)s季度") % {"year": year, "q": q}
        return _("%(year)s年") % {"year": self.code}

    @property
    def year(self) -> int | None:
        return self.start.year if self.start else None


def parse_period(code: str) -> Period:
    code = (code or "all").strip()
    if code == "all":
        return Period("all", None, None)
    m = re.fullmatch(r"(\d{4})-Q([1-4])", code)
    if m:
        year, q = int(m.group(1)), int(m.group(2))
        start = date(year, 3 * q - 2, 1)
        end = (date(year + 1, 1, 1) if q == 4 else date(year, 3 * q + 1, 1)) - timedelta(days=1)
        return Period(code, start, end)
    m = re.fullmatch(r"(\d{4})", code)
    if m:
        year = int(code)
        return Period(code, date(year, 1, 1), date(year, 12, 31))
    raise ValueError(_("期间格式应为 2026-Q3、2026 或 all"))


def quarter_of(day: date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def last_complete_quarter(today: date) -> str:
    q = (today.month - 1) // 3 + 1
    return f"{today.year - 1}-Q4" if q == 1 else f"{today.year}-Q{q - 1}"


def recent_quarters(today: date, count: int = 8) -> list[str]:
    year, q = today.year, (today.month - 1) // 3 + 1
    out = []
    for _i in range(count):
        out.append(f"{year}-Q{q}")
        q -= 1
        if q == 0:
            year, q = year - 1, 4
    return out
