"""Statutory time limits (办案期限): the periods of CPL arts. 172, 208, 220, 225, 230, 243, CPL 105's holiday rule,
extensions by whoever approves them, and the to-do list that shows them."""

from datetime import date

import pytest

from leniency.audit.models import AuditEvent
from leniency.cases import deadlines, services
from leniency.cases.deadlines import Period, add_period, deadline_for
from leniency.cases.tasks import overdue_case_ids, overdue_cases, tasks_for
from leniency.errors import DomainError, Forbidden

from .test_intake import _transfer


def test_a_month_ends_on_the_same_day_or_the_months_last_day():
    assert add_period(date(2026, 3, 10), Period(months=1)) == date(2026, 4, 10)
    assert add_period(date(2026, 1, 31), Period(months=1)) == date(2026, 2, 28)
    assert add_period(date(2026, 11, 15), Period(months=2)) == date(2027, 1, 15)
    assert add_period(date(2026, 3, 10), Period(days=10)) == date(2026, 3, 20)


def test_a_period_ending_on_a_holiday_ends_on_the_next_working_day():
    # 2026-10-01 to 10-07 is the National Day holiday; 10-08 is a Thursday.
    assert deadlines.next_working_day(date(2026, 10, 1)) == date(2026, 10, 8)
    # 2026-10-10 is a Saturday made a working day (调休).
    assert deadlines.next_working_day(date(2026, 10, 10)) == date(2026, 10, 10)
    assert deadlines.next_working_day(date(2026, 10, 11)) == date(2026, 10, 12)


@pytest.mark.django_db
def test_review_for_prosecution_is_one_month_and_a_major_case_gets_fifteen_days_from_the_chief(world):
    case = _transfer(world, received_on=date(2026, 9, 1))
    d = case.defendants.get()
    deadline = deadline_for(d)
    assert (deadline.start, deadline.due, deadline.article) == (
        date(2026, 9, 1),
        date(2026, 10, 8),
        "刑事诉讼法第172条",
    )
    with pytest.raises(Forbidden, match="刑事诉讼法第172条"):
        deadlines.do_extend_deadline(d, kind="review_major", acting_user=world.prosecutor)
    deadlines.do_extend_deadline(
        d, kind="review_major", approved_on=date(2026, 9, 20), acting_user=world.supervisor
    )
    assert deadline_for(d).due == date(2026, 10, 16)  # 10-01 + 15 days, a Friday
    assert AuditEvent.objects.filter(action="defendant.deadline.extended", case_id=case.pk).exists()
    with pytest.raises(DomainError, match="已经延长过"):
        deadlines.do_extend_deadline(
            d, kind="review_major", approved_on=date(2026, 9, 21), acting_user=world.supervisor
        )


@pytest.mark.django_db
def test_the_trial_limit_follows_the_procedure_from_the_courts_filing(world):
    case = _transfer(world, received_on=date(2026, 9, 1))
    services.do_prosecute(case, as_of=date(2026, 11, 2), acting_user=world.prosecutor)
    services.do_file_case(case, judge=world.judge, filed_on=date(2026, 11, 4), acting_user=world.clerk)
    case.refresh_from_db()
    d = case.defendants.get()
    assert deadline_for(d).due == date(2027, 1, 4)  # two months (CPL 208), 01-04 a Monday
    services.do_set_procedure(d, procedure="summary", acting_user=world.judge)
    assert (deadline_for(d).due, deadline_for(d).article) == (date(2026, 11, 24), "刑事诉讼法第220条")
    services.do_set_procedure(d, procedure="expedited", acting_user=world.judge)
    assert (deadline_for(d).due, deadline_for(d).article) == (
        date(2026, 11, 16),
        "刑事诉讼法第225条",
    )  # 14th a Sat
    with pytest.raises(Forbidden, match="刑事诉讼法第208条"):
        deadlines.do_extend_deadline(d, kind="expedited_long", acting_user=world.judge)
    with pytest.raises(DomainError, match="不适用于本阶段") as error:
        deadlines.do_extend_deadline(d, kind="summary_long", acting_user=world.clerk)
    assert error.value.field == "kind"
    deadlines.do_extend_deadline(
        d, kind="expedited_long", approved_on=date(2026, 11, 5), acting_user=world.clerk
    )
    assert deadline_for(d).due == date(2026, 11, 19)


@pytest.mark.django_db
def test_the_to_do_list_puts_the_overdue_first_with_the_next_step(client, world):
    late = _transfer(world, received_on=date(2026, 9, 1))
    services.do_assign_prosecutor(late, prosecutor=world.prosecutor, acting_user=world.case_manager)
    tasks = [
        t for t in tasks_for(world.prosecutor, today=date(2026, 10, 9)) if t.defendant.case_id == late.pk
    ]
    assert len(tasks) == 1 and tasks[0].overdue and tasks[0].days_over == 1
    assert tasks[0].deadline.next_action == "作出起诉或者不起诉决定"
    client.force_login(world.prosecutor)
    page = client.get("/").content.decode()
    assert "作出起诉或者不起诉决定" in page and "刑事诉讼法第172条" in page
    assert late.pk in overdue_case_ids(world.prosecutor, today=date(2026, 10, 9))
    assert late.pk not in overdue_case_ids(world.prosecutor, today=date(2026, 10, 8))  # the due day itself
    assert overdue_cases(world.prosecutor, today=date(2026, 10, 9)) >= 1
    assert overdue_cases(world.outsider_prosecutor, today=date(2026, 10, 9)) == 0


@pytest.mark.django_db
def test_the_deadline_page_shows_the_limit_and_only_the_clerk_records_an_extension(client, world):
    case = _transfer(world, received_on=date(2026, 9, 1))
    services.do_prosecute(case, as_of=date(2026, 11, 2), acting_user=world.prosecutor)
    services.do_file_case(case, judge=world.judge, filed_on=date(2026, 11, 4), acting_user=world.clerk)
    d = case.defendants.get()
    url = f"/cases/{case.pk}/defendants/{d.pk}/deadline/"
    client.force_login(world.judge)
    page = client.get(url)
    assert page.status_code == 200 and page.context["form"] is None
    assert "2027-01-04" in page.content.decode()
    assert client.post(url, {"kind": "trial_third_month", "approved_on": "2026-12-01"}).status_code == 403
    client.force_login(world.clerk)
    response = client.post(url, {"kind": "trial_third_month", "approved_on": "2026-12-01"})
    assert response.status_code == 302
    assert deadline_for(d).due == date(2027, 2, 4)
    api = client.get(f"/api/defendants/{d.pk}/deadline").json()
    assert (api["due"], api["extended"]) == ("2027-02-04", ["trial_third_month"])
