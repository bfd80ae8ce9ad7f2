"""The rota's numbering from its counter row, the constraints behind its guards, and an audit event for
every allocation outcome."""

from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction

from leniency.audit.models import AuditEvent
from leniency.counsel.models import Allocation, CounselRequest, RequestCounter, RotaPeriod
from leniency.counsel.participation import do_log_participation
from leniency.counsel.rota import do_allocate, do_escalate_overdue, do_override_allocation, do_request_counsel
from leniency.errors import DomainError

from .conftest import AS_OF


def _request(cw, defendant=None):
    return do_request_counsel(
        defendant or cw.co_defendant,
        source=CounselRequest.Source.PROCURATORATE,
        acting_user=cw.prosecutor,
        as_of=AS_OF,
    )


def test_numbers_continue_after_those_a_bulk_load_stored(cw):
    # The demo writes its requests with their numbers and no counter: the year's counter starts after them.
    CounselRequest.objects.create(
        reference="援值〔2027〕00041号",
        defendant=cw.defendant,
        station=cw.station,
        source=CounselRequest.Source.POLICE,
        requested_by=cw.prosecutor,
        requested_at=AS_OF - timedelta(days=1),
        status=CounselRequest.Status.ASSIGNED,
        response_hours=24,
    )
    assert _request(cw).reference == "援值〔2027〕00042号"
    assert RequestCounter.objects.get(year=2027).last == 42


def test_a_refused_request_takes_no_number(cw):
    _request(cw)
    with pytest.raises(DomainError, match="此人已有律师"):
        _request(cw)  # the rota's lawyer is already assigned
    assert RequestCounter.objects.get(year=2027).last == 1


def test_a_second_pending_request_for_one_person_is_refused_by_the_database(cw):
    first = _request(cw)
    first.status = CounselRequest.Status.UNFILLED
    first.save(update_fields=["status"])
    second = CounselRequest(
        reference="援值〔2027〕09999号",
        defendant=cw.co_defendant,
        station=cw.station,
        source=CounselRequest.Source.COURT,
        requested_by=cw.prosecutor,
        requested_at=AS_OF,
        response_hours=24,
    )
    with (
        pytest.raises(IntegrityError, match="one_pending_request_per_defendant|UNIQUE|unique"),
        transaction.atomic(),
    ):
        second.save()


def test_a_request_waits_on_one_lawyer_at_a_time(cw):
    request = _request(cw)
    with pytest.raises(DomainError, match="尚待响应") as error:
        do_allocate(request, as_of=AS_OF)
    assert error.value.field == "request"
    pending = request.allocations.get()
    twin = Allocation(
        request=request,
        lawyer=cw.lawyers[1],
        method=Allocation.Method.ROTA,
        allocated_at=AS_OF,
        due_at=AS_OF + timedelta(hours=1),
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        twin.save()
    assert request.allocations.get() == pending


@pytest.mark.parametrize(
    "change, constraint",
    [
        ({"due_at": AS_OF - timedelta(hours=1)}, "allocation_due_after_made"),
        ({"outcome": Allocation.Outcome.MET}, "allocation_closed_when_it_has_an_outcome"),
    ],
)
def test_allocation_rows_keep_their_invariants(cw, change, constraint):
    allocation = _request(cw).allocations.get()
    with pytest.raises(IntegrityError, match=f"{constraint}|CHECK"), transaction.atomic():
        Allocation.objects.filter(pk=allocation.pk).update(**change)


def test_a_period_cannot_end_before_it_starts(cw):
    with pytest.raises(IntegrityError, match="rota_period_ends_after_start|CHECK"), transaction.atomic():
        RotaPeriod.objects.filter(pk=cw.period.pk).update(ends_on=cw.period.starts_on - timedelta(days=1))


def _outcome_events(cw, action):
    """The events of `action` on this test's allocations (not the world's, whose lawyer met his client in time)."""
    world_allocations = [str(pk) for pk in cw.counsel_request.allocations.values_list("pk", flat=True)]
    events = AuditEvent.objects.filter(action=action).exclude(object_id__in=world_allocations)
    return list(events.values_list("object_id", "case_id"))


def test_a_replaced_lawyer_is_recorded(cw):
    request = _request(cw)
    first = request.allocations.get()
    do_override_allocation(
        request,
        lawyer=cw.lawyers[2],
        reason="当事人要求更换",
        acting_user=cw.officer,
        as_of=AS_OF + timedelta(hours=1),
    )
    assert _outcome_events(cw, "counsel.allocation.replaced") == [(str(first.pk), cw.case.pk)]
    event = AuditEvent.objects.get(action="counsel.allocation.replaced")
    assert event.actor == cw.officer and "当事人要求更换" in event.data["reason"]


def test_a_contact_in_time_is_recorded_as_met(cw):
    allocation = _request(cw).allocations.get()
    do_log_participation(
        allocation.assignment,
        service="meeting",
        occurred_at=AS_OF + timedelta(hours=5),
        minutes=40,
        acting_user=allocation.lawyer,
        as_of=AS_OF + timedelta(hours=6),
    )
    assert _outcome_events(cw, "counsel.allocation.met") == [(str(allocation.pk), cw.case.pk)]
    assert do_escalate_overdue(as_of=AS_OF + timedelta(days=5)) == []
    assert len(_outcome_events(cw, "counsel.allocation.met")) == 1  # closed once, recorded once


def test_escalation_records_a_contact_it_finds_in_time(cw):
    allocation = _request(cw).allocations.get()
    # Contact logged in time but the allocation left open (as a bulk import would): the escalation closes it.
    do_log_participation(
        allocation.assignment,
        service="meeting",
        occurred_at=AS_OF + timedelta(hours=5),
        minutes=40,
        acting_user=allocation.lawyer,
        as_of=AS_OF + timedelta(hours=6),
    )
    Allocation.objects.filter(pk=allocation.pk).update(outcome=Allocation.Outcome.PENDING, closed_at=None)
    assert do_escalate_overdue(as_of=allocation.due_at + timedelta(minutes=1)) == []
    allocation.refresh_from_db()
    assert allocation.outcome == Allocation.Outcome.MET
    assert len(_outcome_events(cw, "counsel.allocation.met")) == 2
