"""Requests, the rota's allocation in the database, conflicts, overrides, escalation and corrections."""

from datetime import timedelta

import pytest

from leniency.audit.models import AuditEvent
from leniency.counsel.models import (
    Allocation,
    ConflictOfInterest,
    CounselAssignment,
    CounselRequest,
    Severity,
)
from leniency.counsel.participation import do_log_participation
from leniency.counsel.rota import (
    do_decide_rota_correction,
    do_escalate_overdue,
    do_override_allocation,
    do_request_counsel,
    do_request_rota_correction,
)
from leniency.errors import DomainError

from .conftest import AS_OF


def _request(cw, defendant=None, **extra):
    return do_request_counsel(
        defendant or cw.co_defendant,
        source=CounselRequest.Source.PROCURATORATE,
        acting_user=cw.prosecutor,
        as_of=AS_OF,
        **extra,
    )


def test_request_gets_a_reference_and_the_first_lawyer_of_the_rota(cw):
    request = _request(cw)
    assert request.reference.startswith("援值〔2027〕") and request.status == CounselRequest.Status.ASSIGNED
    allocation = request.allocations.get()
    # bob's last rota allocation (the world's request, 2026-09-02) puts him behind those never allocated; of
    # them, the rota's position 2 wins
    assert allocation.lawyer == cw.lawyers[1] and allocation.method == Allocation.Method.ROTA
    assert allocation.due_at == AS_OF + timedelta(hours=48)  # not detained: the at-liberty target
    assignment = CounselAssignment.objects.get(defendant=cw.co_defendant, ended_at__isnull=True)
    assert assignment.request == request and assignment.lawyer == allocation.lawyer
    actions = set(AuditEvent.objects.filter(case_id=cw.case.pk).values_list("action", flat=True))
    assert {"counsel.request.filed", "counsel.assigned", "counsel.allocation.made"} <= actions


def test_detained_defendant_gets_the_24_hour_target(cw):
    cw.co_defendant.detention = "arrested"
    cw.co_defendant.save()
    allocation = _request(cw).allocations.get()
    assert allocation.due_at - allocation.allocated_at == timedelta(hours=24)


def test_opposed_interests_exclude_the_co_defendants_lawyer(cw):
    # bob is the first defendant's lawyer; with opposed interests the rota must skip him
    allocation = _request(cw, opposed_to_co_defendants=True).allocations.get()
    assert allocation.lawyer != cw.lawyer
    assert allocation.lawyer == cw.lawyers[1]


def test_the_victims_lawyer_is_never_assigned(cw):
    ConflictOfInterest.objects.create(
        case=cw.case, lawyer=cw.lawyers[0], kind="victim", recorded_by=cw.officer, recorded_at=AS_OF
    )
    assert _request(cw).allocations.get().lawyer == cw.lawyers[1]


def test_life_or_death_case_needs_three_years_of_practice(cw):
    # lawyers[3] started in 2021; make everyone else unavailable, then he is the only one left
    for lawyer in cw.lawyers[:3]:
        lawyer.lawyer_profile.available = False
        lawyer.lawyer_profile.save()
    profile = cw.lawyers[3].lawyer_profile
    profile.criminal_practice_since = AS_OF.date() - timedelta(days=365 * 2)
    profile.save()
    request = _request(cw, severity=Severity.LIFE_OR_DEATH)
    assert request.status == CounselRequest.Status.UNFILLED
    event = AuditEvent.objects.get(action="counsel.request.unfilled")
    assert event.data["reason"] == "none_eligible"
    with pytest.raises(DomainError) as error:
        do_override_allocation(
            request, lawyer=cw.lawyers[3], reason="急需", acting_user=cw.officer, as_of=AS_OF
        )
    assert error.value.field == "lawyer"


def test_manual_override_needs_a_reason_and_replaces_the_lawyer(cw):
    request = _request(cw)
    with pytest.raises(DomainError) as error:
        do_override_allocation(request, lawyer=cw.lawyers[2], reason=" ", acting_user=cw.officer, as_of=AS_OF)
    assert error.value.field == "reason"
    later = AS_OF + timedelta(hours=1)
    allocation = do_override_allocation(
        request, lawyer=cw.lawyers[2], reason="当事人要求女律师", acting_user=cw.officer, as_of=later
    )
    assert allocation.method == Allocation.Method.MANUAL and allocation.reason == "当事人要求女律师"
    first = request.allocations.order_by("allocated_at").first()
    assert first.outcome == Allocation.Outcome.REPLACED and first.assignment.ended_at == later
    assert list(
        CounselAssignment.objects.filter(defendant=cw.co_defendant, ended_at__isnull=True).values_list(
            "lawyer", flat=True
        )
    ) == [cw.lawyers[2].pk]


def test_missed_response_escalates_to_the_next_lawyer(cw):
    request = _request(cw)
    first = request.allocations.get()
    assert do_escalate_overdue(as_of=first.due_at - timedelta(minutes=1)) == []
    escalated = do_escalate_overdue(as_of=first.due_at + timedelta(minutes=1))
    assert escalated == [first]
    first.refresh_from_db()
    assert first.outcome == Allocation.Outcome.MISSED and first.assignment.ended_at is not None
    second = request.allocations.exclude(pk=first.pk).get()
    assert second.lawyer != first.lawyer and second.outcome == Allocation.Outcome.PENDING
    assert AuditEvent.objects.filter(action="counsel.allocation.missed").count() == 1


def test_contact_in_time_meets_the_target_and_nothing_escalates(cw):
    request = _request(cw)
    allocation = request.allocations.get()
    do_log_participation(
        allocation.assignment,
        service="meeting",
        occurred_at=AS_OF + timedelta(hours=5),
        minutes=40,
        acting_user=allocation.lawyer,
        as_of=AS_OF + timedelta(hours=6),
    )
    allocation.refresh_from_db()
    assert allocation.outcome == Allocation.Outcome.MET
    assert do_escalate_overdue(as_of=AS_OF + timedelta(days=5)) == []


def test_workload_cap_moves_to_a_lawyer_with_room(cw, settings):
    from leniency.counsel.models import CounselPolicy

    CounselPolicy.objects.update(workload_cap=1)
    requests = []
    for n in range(4):
        defendant = cw.case.defendants.create(
            name=f"王{n}", gender="M", stage="prosecution_review", stage_since=AS_OF.date()
        )
        requests.append(_request(cw, defendant=defendant))
    lawyers = [r.allocations.get().lawyer for r in requests]
    assert len(set(lawyers)) == 4  # each lawyer at the cap of one before anyone gets a second
    extra = cw.case.defendants.create(
        name="王9", gender="M", stage="prosecution_review", stage_since=AS_OF.date()
    )
    assert _request(cw, defendant=extra).status == CounselRequest.Status.UNFILLED


def test_same_database_and_as_of_give_the_same_choice(cw):
    from django.db import transaction

    from leniency.counsel.rota import preview_allocation

    def choose():
        with transaction.atomic():
            request = _request(cw)
            lawyer = request.allocations.get().lawyer_id
            preview = preview_allocation(request, AS_OF)
            transaction.set_rollback(True)
        return lawyer, preview

    assert choose() == choose()


def test_second_open_request_and_duplicate_lawyers_are_refused(cw):
    _request(cw)
    with pytest.raises(DomainError):
        _request(cw)


def test_rota_correction_only_within_the_window(cw):
    member = cw.period.members.get(lawyer=cw.lawyers[1])
    inside = cw.period.correction_until - timedelta(hours=1)
    correction = do_request_rota_correction(
        member, reason="本期出差", acting_user=cw.lawyers[1], as_of=inside
    )
    do_decide_rota_correction(correction, accept=True, answer="同意", acting_user=cw.officer, as_of=inside)
    member.refresh_from_db()
    assert not member.active
    with pytest.raises(DomainError):
        do_request_rota_correction(
            member,
            reason="晚了",
            acting_user=cw.lawyers[1],
            as_of=cw.period.correction_until + timedelta(minutes=1),
        )
    # a removed member is never chosen
    assert _request(cw, opposed_to_co_defendants=True).allocations.get().lawyer == cw.lawyers[2]


def test_the_escalation_command_runs_as_of_a_time(cw):
    from io import StringIO

    from django.core.management import call_command

    request = _request(cw)
    out = StringIO()
    due = request.allocations.get().due_at + timedelta(minutes=5)
    call_command("counsel", "escalate", "--as-of", due.isoformat(), stdout=out)
    assert out.getvalue().startswith("1 allocations")
    assert request.allocations.count() == 2
    out = StringIO()
    call_command("counsel", "warnings", "--as-of", due.isoformat(), stdout=out)
    assert "warnings raised" in out.getvalue()


def test_no_duty_lawyer_for_someone_who_has_a_lawyer(cw):
    # the world's first defendant already has bob as duty lawyer
    with pytest.raises(DomainError) as error:
        _request(cw, defendant=cw.defendant)
    assert error.value.field == "defendant"
    request = _request(cw, defendant=cw.defendant, work=CounselRequest.Work.LEGAL_AID)
    assert request.status == CounselRequest.Status.ASSIGNED  # legal aid may appoint a defence lawyer
