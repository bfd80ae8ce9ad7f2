"""The working-day calendar moved to `leniency.workdays` (plumbing) so that the cases' time limits (办案期限) use
it too; this name stays for the oversight code and its tests."""

from leniency.workdays import (  # noqa: F401
    DATA_FILE,
    HolidayCalendar,
    add_working_days,
    calendar,
    is_provisional,
    is_working_day,
    load_calendar,
    working_days_between,
)
