"""Participation figures, ratings, the warning workflow and the fee computation."""

from collections import Counter
from datetime import timedelta
from decimal import Decimal

import pytest

from leniency.audit.models import AuditEvent
from leniency.counsel.models import (
    Claim,
    CounselRequest,
    FeeSchedule,
    QualityWarning,
    Rating,
    Restriction,
    Service,
)
from leniency.counsel.participation import do_log_participation, figures_for
from leniency.counsel.pay import Complexity, compute_fee, do_decide_claim, do_submit_claim, severity_tier
from leniency.counsel.quality import (
    do_answer_contest,
    do_contest_warning,
    do_decide_warning,
    do_detect_warnings,
    do_open_review,
    do_rate_counsel,
)
from leniency.counsel.rota import do_request_counsel
from leniency.counsel.services import do_assign_counsel
from leniency.errors import DomainError, Forbidden

from .conftest import AS_OF

SCORES = {"explain": 5, "meeting": 4, "opinion": 4, "rights": 5, "conduct": 5}


def _assignment(cw, defendant=None, detained_on=None):
    defendant = defendant or cw.co_defendant
    if detained_on:
        defendant.detention, defendant.detained_on = "arrested", detained_on
        defendant.save()
    request = do_request_counsel(
        defendant, source=CounselRequest.Source.PROCURATORATE, acting_user=cw.prosecutor, as_of=AS_OF
    )
    return request.allocations.get().assignment


def _log(assignment, service, hours, minutes=30, opinion=""):
    return do_log_participation(
        assignment,
        service=service,
        occurred_at=AS_OF + timedelta(hours=hours),
        minutes=minutes,
        opinion=opinion,
        acting_user=assignment.lawyer,
        as_of=AS_OF + timedelta(days=30),
    )


def test_figures_for_a_diligent_assignment(cw):
    assignment = _assignment(cw, detained_on=AS_OF.date() - timedelta(days=1))
    _log(assignment, Service.MEETING, 3, 60)
    _log(assignment, Service.OPINION_RECOMMENDATION, 20, 45, opinion="建议从轻")
    _log(assignment, Service.SIGNING, 30, 40)
    _log(assignment, Service.MEETING, 40, 30)  # after the signing: does not count before it
    fig = figures_for(assignment)
    assert fig.meetings_before_signing == 1 and fig.opinion_filed and not fig.only_at_signing
    # detained the day before at 00:00, met at 10:00 + 3 h the next day: 37 hours
    assert fig.hours_to_first_contact == pytest.approx(37.0) and fig.early(72)
    assert fig.minutes == 175


def test_only_present_at_signing_is_detected(cw):
    assignment = _assignment(cw)
    _log(assignment, Service.SIGNING, 2, 20)
    fig = figures_for(assignment)
    assert fig.only_at_signing and fig.no_meeting_before_signing and not fig.opinion_filed


def test_participation_guards(cw):
    assignment = _assignment(cw)
    with pytest.raises(DomainError) as error:
        do_log_participation(
            assignment,
            service=Service.MEETING,
            occurred_at=AS_OF - timedelta(hours=1),
            minutes=30,
            acting_user=assignment.lawyer,
            as_of=AS_OF,
        )
    assert error.value.field == "occurred_at"
    with pytest.raises(DomainError) as error:
        _log(assignment, Service.OPINION_CHARGE, 1)
    assert error.value.field == "opinion"
    with pytest.raises(Forbidden, match="只有被指派的律师可以登记履职情况"):
        do_log_participation(
            assignment,
            service=Service.MEETING,
            occurred_at=AS_OF + timedelta(hours=1),
            minutes=30,
            acting_user=cw.unassigned_lawyer,
            as_of=AS_OF + timedelta(hours=2),
        )
    _log(assignment, Service.SIGNING, 2)
    with pytest.raises(DomainError):
        _log(assignment, Service.SIGNING, 3)


def test_ratings_follow_the_rubric_and_the_rater(cw):
    cw.to_trial()  # the court rates the lawyer of a case filed before it
    assignment = _assignment(cw)
    rating = do_rate_counsel(assignment, scores=SCORES, acting_user=cw.prosecutor, as_of=AS_OF)
    assert rating.rater_kind == "procuratorate" and rating.score == Decimal("4.55")
    assert (
        do_rate_counsel(assignment, scores=SCORES, acting_user=cw.association, as_of=AS_OF).rater_kind
        == "association"
    )
    assert (
        do_rate_counsel(assignment, scores=SCORES, acting_user=cw.officer, as_of=AS_OF).rater_kind
        == "defendant"
    )
    with pytest.raises(DomainError) as error:
        do_rate_counsel(assignment, scores={**SCORES, "opinion": 7}, acting_user=cw.judge, as_of=AS_OF)
    assert error.value.field == "score_opinion"
    for outsider in (cw.outsider_prosecutor, cw.outsider_officer, assignment.lawyer):
        with pytest.raises(Forbidden, match="可以评价此律师"):
            do_rate_counsel(assignment, scores=SCORES, acting_user=outsider, as_of=AS_OF)
    with pytest.raises(DomainError) as error:
        do_rate_counsel(assignment, scores=SCORES, complaint=True, acting_user=cw.judge, as_of=AS_OF)
    assert error.value.field == "comment"


def _perfunctory_record(cw, n=4):
    lawyer_assignments = []
    for i in range(n):
        defendant = cw.case.defendants.create(
            name=f"赵{i}", gender="M", stage="prosecution_review", stage_since=AS_OF.date()
        )
        assignment = do_assign_counsel(
            defendant, lawyer=cw.lawyers[1], kind="duty", acting_user=cw.officer, as_of=AS_OF
        )
        _log(assignment, Service.SIGNING, 50, 20)
        lawyer_assignments.append(assignment)
    return lawyer_assignments


def test_warnings_workflow_review_restrict_contest_lift(cw):
    assignments = _perfunctory_record(cw)
    raised = do_detect_warnings(as_of=AS_OF + timedelta(days=10))
    assert {w.lawyer_id for w in raised} == {assignments[0].lawyer_id}
    assert {w.kind for w in raised} == {"only_at_signing", "no_meeting_before_signing", "no_opinion"}
    assert do_detect_warnings(as_of=AS_OF + timedelta(days=11)) == []  # pending ones are not raised twice
    warning = next(w for w in raised if w.kind == "only_at_signing")
    with pytest.raises(DomainError):
        do_decide_warning(warning, restrict=True, reason="x", acting_user=cw.officer)
    do_open_review(warning, acting_user=cw.officer, as_of=AS_OF + timedelta(days=12))
    do_decide_warning(
        warning,
        restrict=True,
        days=30,
        reason="多次仅在签署时在场",
        acting_user=cw.officer,
        as_of=AS_OF + timedelta(days=13),
    )
    restriction = Restriction.objects.get(warning=warning)
    assert restriction.ends_on - restriction.starts_on == timedelta(days=29)
    with pytest.raises(Forbidden, match="只有被预警的律师本人可以提出异议"):
        do_contest_warning(warning, statement="不是我", acting_user=cw.prosecutor)
    contest = do_contest_warning(
        warning, statement="会见记录漏登", acting_user=warning.lawyer, as_of=AS_OF + timedelta(days=14)
    )
    do_answer_contest(
        contest, upheld=True, answer="核实属实", acting_user=cw.officer, as_of=AS_OF + timedelta(days=15)
    )
    warning.refresh_from_db()
    restriction.refresh_from_db()
    assert warning.status == QualityWarning.Status.DISMISSED and restriction.lifted_at is not None
    actions = list(
        AuditEvent.objects.filter(action__startswith="counsel.warning").values_list("action", flat=True)
    )
    for step in ("raised", "review_opened", "decided", "contested", "contest_answered"):
        assert f"counsel.warning.{step}" in actions


def test_a_restricted_lawyer_is_not_allocated(cw):
    assignments = _perfunctory_record(cw, n=4)
    lawyer = assignments[0].lawyer
    warning = QualityWarning.objects.create(
        lawyer=lawyer, kind="no_opinion", detected_at=AS_OF, window_from=AS_OF.date(), window_to=AS_OF.date()
    )
    do_open_review(warning, acting_user=cw.officer, as_of=AS_OF)
    do_decide_warning(warning, restrict=True, reason="限制", acting_user=cw.officer, as_of=AS_OF)
    for i in range(6):
        defendant = cw.case.defendants.create(
            name=f"钱{i}", gender="M", stage="prosecution_review", stage_since=AS_OF.date()
        )
        request = do_request_counsel(
            defendant,
            source="procuratorate",
            acting_user=cw.prosecutor,
            as_of=AS_OF + timedelta(days=1, minutes=i),
        )
        assert request.allocations.get().lawyer != lawyer


def test_fee_follows_services_time_and_complexity(cw):
    schedule = FeeSchedule.objects.get()
    simple = Complexity("minor", 1, 1, "expedited", False)
    amount, multiplier, breakdown = compute_fee(
        schedule, services=Counter({"meeting": 1, "signing": 1}), minutes=90, complexity=simple
    )
    assert multiplier == Decimal("1.00") and amount == Decimal("200") + 150 + 80 + Decimal("75.00")
    complex_case = Complexity("serious", 3, 2, "ordinary", True)
    amount2, multiplier2, _ = compute_fee(
        schedule, services=Counter({"meeting": 1, "signing": 1}), minutes=90, complexity=complex_case
    )
    assert multiplier2 == Decimal("2.00")  # 1 + .5 + .3 + .2 + .1 + .1 = 2.2, capped at 2.0
    assert amount2 == amount * 2
    assert severity_tier(["危险驾驶"]) == "minor" and severity_tier(["抢劫"]) == "serious"


def test_claim_is_computed_from_the_log_and_approved_by_the_centre(cw):
    assignment = _assignment(cw)
    with pytest.raises(DomainError):
        do_submit_claim(assignment, acting_user=assignment.lawyer, as_of=AS_OF)  # nothing logged yet
    _log(assignment, Service.MEETING, 2, 60)
    _log(assignment, Service.SIGNING, 5, 30)
    claim = do_submit_claim(assignment, acting_user=assignment.lawyer, as_of=AS_OF + timedelta(days=31))
    assert claim.hours == Decimal("1.50") and claim.amount > 0 and claim.status == Claim.Status.SUBMITTED
    with pytest.raises(DomainError):
        do_submit_claim(assignment, acting_user=assignment.lawyer)
    with pytest.raises(DomainError) as error:
        do_decide_claim(claim, approve=False, acting_user=cw.officer)
    assert error.value.field == "note"
    do_decide_claim(claim, approve=True, acting_user=cw.officer)
    assert Claim.objects.get().status == Claim.Status.APPROVED
    assert Rating.objects.count() == 0
