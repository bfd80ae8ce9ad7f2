from datetime import date

import pytest

from leniency.oversight import workdays
from leniency.oversight.workdays import add_working_days, is_provisional, is_working_day, working_days_between


def test_make_up_saturday_is_a_working_day():
    # 2026-02-14 (Saturday) and 2026-02-28 (Saturday) are 调休 working days around the Spring Festival.
    assert date(2026, 2, 14).weekday() == 5
    assert is_working_day(date(2026, 2, 14))
    assert is_working_day(date(2026, 2, 28))
    assert is_working_day(date(2025, 9, 28))  # a Sunday before National Day 2025
    assert not is_working_day(date(2026, 2, 21))  # an ordinary Saturday inside the holiday


def test_weekday_holidays_are_not_working_days():
    assert date(2026, 10, 5).weekday() == 0
    assert not is_working_day(date(2026, 10, 5))  # National Day, a Monday
    assert not is_working_day(date(2025, 1, 1))
    assert not is_working_day(date(2026, 9, 25))  # Mid-Autumn, a Friday
    assert is_working_day(date(2026, 10, 8))


def test_deadline_skips_the_national_day_week_and_counts_the_make_up_saturday():
    # Received Wednesday 2026-09-30; Oct 1–7 are holidays; Saturday Oct 10 is a working day.
    assert add_working_days(date(2026, 9, 30), 1) == date(2026, 10, 8)
    assert add_working_days(date(2026, 9, 30), 3) == date(2026, 10, 10)
    assert add_working_days(date(2026, 9, 30), 4) == date(2026, 10, 12)


def test_fifteen_working_days_over_the_spring_festival():
    # Friday 2026-02-13: working days 14 (Sat, 调休), 24, 25, 26, 27, 28 (Sat, 调休), Mar 2–6, Mar 9–12.
    assert add_working_days(date(2026, 2, 13), 15) == date(2026, 3, 12)
    assert working_days_between(date(2026, 2, 13), date(2026, 3, 12)) == 15


def test_plain_weeks_count_monday_to_friday():
    assert add_working_days(date(2026, 11, 20), 5) == date(2026, 11, 27)  # Friday to Friday
    assert add_working_days(date(2026, 11, 20), 0) == date(2026, 11, 20)
    with pytest.raises(ValueError):
        add_working_days(date(2026, 11, 20), -1)


def test_years_outside_the_table_are_provisional():
    assert not is_provisional(2025)
    assert not is_provisional(2026)
    assert is_provisional(
        2027
    )  # the State Council's 2027 notice was not published when the table was written
    assert is_provisional(2030)
    assert not is_working_day(date(2027, 10, 1))  # statutory days are still known


def test_table_is_consistent(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("2026:\n  holidays: {x: [2026-10-10]}\n  workdays: [2026-10-10]\n", encoding="utf-8")
    with pytest.raises(ValueError):
        workdays.load_calendar(bad)
    weekday = tmp_path / "weekday.yaml"
    weekday.write_text("2026:\n  holidays: {}\n  workdays: [2026-10-12]\n", encoding="utf-8")
    with pytest.raises(ValueError):
        workdays.load_calendar(weekday)
