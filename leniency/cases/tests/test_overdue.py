"""Overdue cases per organisation that must act (`cases/overdue.py`): one count for the home page and the
dashboards, where a case one day past its statutory limit counts and one on its last day does not."""

from datetime import date

import pytest
from django.urls import reverse

from leniency.cases import services
from leniency.cases.models import Defendant
from leniency.cases.overdue import overdue_summary
from leniency.cases.tasks import overdue_summary as users_overdue

from .test_intake import _transfer


def _rows(summary):
    return [(row.organisation.name, row.cases) for row in summary.by_organisation]


def _in(*cases):
    return Defendant.objects.filter(case__in=cases)


@pytest.mark.django_db
def test_one_day_past_the_limit_counts_and_the_last_day_does_not(world):
    # Review for prosecution is one month (CPL 172): received 09-14, due 10-14; received 09-15, due 10-15.
    late = _transfer(world, received_on=date(2026, 9, 14))
    due_today = _transfer(world, received_on=date(2026, 9, 15))
    summary = overdue_summary(_in(late, due_today), today=date(2026, 10, 15))
    assert summary.case_ids == {late.pk}
    assert _rows(summary) == [(world.procuratorate.name, 1)]
    assert overdue_summary(_in(late, due_today), today=date(2026, 10, 14)).cases == 0


@pytest.mark.django_db
def test_a_limit_ending_on_a_holiday_runs_to_the_next_working_day(world):
    """Received 09-01: the month ends on 10-01, National Day; the holiday runs to 10-07, so the limit ends on
    Thursday 10-08 (CPL 105, `leniency/workdays.py`)."""
    case = _transfer(world, received_on=date(2026, 9, 1))
    assert overdue_summary(_in(case), today=date(2026, 10, 2)).cases == 0
    assert overdue_summary(_in(case), today=date(2026, 10, 8)).cases == 0
    assert overdue_summary(_in(case), today=date(2026, 10, 9)).case_ids == {case.pk}


@pytest.mark.django_db
def test_a_case_at_trial_counts_for_its_court_not_the_procuratorate(world):
    review = _transfer(world, received_on=date(2026, 9, 14))
    tried = _transfer(world, received_on=date(2026, 9, 1))
    services.do_assign_prosecutor(tried, prosecutor=world.prosecutor, acting_user=world.case_manager)
    services.do_prosecute(tried, as_of=date(2026, 9, 10), acting_user=world.prosecutor)
    services.do_file_case(tried, judge=world.judge, filed_on=date(2026, 9, 11), acting_user=world.clerk)
    tried.refresh_from_db()
    # 简易程序: 20 days from filing (CPL 220), 10-01 a holiday, so 10-08.
    services.do_set_procedure(tried.defendants.get(), procedure="summary", acting_user=world.judge)
    summary = overdue_summary(_in(review, tried), today=date(2026, 10, 15))
    assert summary.cases == 2
    assert sorted(_rows(summary)) == sorted([(world.procuratorate.name, 1), (tried.court.name, 1)])


@pytest.mark.django_db
def test_the_home_page_and_the_centre_dashboard_show_the_same_count_per_organisation(client, world):
    """The world's case (received 2026-09-01, in review) is long overdue by the calendar these tests run under;
    the prosecutor's home page and the district legal-aid centre's dashboard both show it under the
    procuratorate, counted by the one function."""
    officer = world.aid_officer  # of the district's legal-aid centre
    expected = _rows(users_overdue(world.prosecutor))
    assert (world.procuratorate.name, 1) in expected
    assert _rows(users_overdue(officer)) == expected
    for user, url in ((world.prosecutor, reverse("home")), (officer, reverse("counsel:dashboard"))):
        client.force_login(user)
        page = client.get(url).content.decode()
        table = page[page.index('id="overdue-by-organisation"') :]
        assert world.procuratorate.name in table[: table.index("</table>")], url
