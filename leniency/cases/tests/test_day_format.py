"""`|day` writes what `|date:"Y-m-d"` writes (leniency/cases/templatetags/day_format.py, issue 21 item 5)."""

from datetime import UTC, date, datetime

import pytest
from django.template import Context, Template

VALUES = [
    datetime(2026, 9, 1, 16, 30, tzinfo=UTC),  # already the 2nd in Shanghai: the filter gets local time
    datetime(2026, 9, 1, 15, 59, tzinfo=UTC),
    date(2026, 1, 5),
    date(987, 3, 4),  # four digits for the year, as Django's "Y"
    None,
    "",
    "2026-01-05",  # not a date: nothing, as `date` writes
    12,
]


@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_day_is_the_date_filter_with_y_m_d(value):
    context = {"v": value}
    django_date = Template('{{ v|date:"Y-m-d"|default:"—" }}').render(Context(context))
    day = Template('{% load day_format %}{{ v|day|default:"—" }}').render(Context(context))
    assert day == django_date


def test_day_in_shanghai():
    rendered = Template("{% load day_format %}{{ v|day }}").render(
        Context({"v": datetime(2026, 9, 1, 16, 30, tzinfo=UTC)})
    )
    assert rendered == "2026-09-02"
