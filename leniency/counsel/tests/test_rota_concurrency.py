"""Two requests for a lawyer filed at the same moment (threads with their own database connections,
committing for real): no duplicate number, the one-pending-request guard holds, no 500.

On PostgreSQL the two race; on SQLite's in-memory test database they take turns (leniency/testing/concurrency.py)."""

import json
from datetime import date, timedelta

import pytest
from django.test import Client
from django.utils import timezone

from leniency.accounts.models import ApiToken
from leniency.cases import services as case_services
from leniency.cases.stages import Stage
from leniency.counsel.models import CounselRequest
from leniency.counsel.rota import do_request_counsel
from leniency.errors import DomainError
from leniency.testing.concurrency import at_once

from .conftest import AS_OF

pytestmark = pytest.mark.django_db(transaction=True)


def _new_defendant(cw, name):
    return case_services.do_add_defendant(
        cw.case,
        name=name,
        charges=[cw.theft],
        acting_user=cw.prosecutor,
        stage=Stage.PROSECUTION_REVIEW,
        stage_since=date(2026, 9, 1),
    )


def _file(cw, defendant):
    return do_request_counsel(
        defendant, source=CounselRequest.Source.PROCURATORATE, acting_user=cw.prosecutor, as_of=AS_OF
    )


def test_requests_filed_at_once_get_consecutive_numbers(cw):
    defendants = [cw.co_defendant, _new_defendant(cw, "王某"), _new_defendant(cw, "赵某")]
    outcomes = at_once(lambda i: _file(cw, defendants[i]).reference, n=3)
    assert [o.error for o in outcomes] == [None, None, None]
    assert sorted(o.value for o in outcomes) == [f"援值〔2027〕{n:05d}号" for n in (1, 2, 3)]
    assigned = CounselRequest.objects.filter(status=CounselRequest.Status.ASSIGNED)
    assert assigned.exclude(pk=cw.counsel_request.pk).count() == 3


def test_two_requests_for_one_person_at_once_file_one_and_refuse_the_other(cw):
    outcomes = at_once(lambda i: _file(cw, cw.co_defendant).reference, n=2)
    errors = [o.error for o in outcomes if o.error is not None]
    assert len(errors) == 1, [repr(o.error) for o in outcomes]
    # The second sees the first's lawyer (or its pending request), not a constraint's IntegrityError.
    assert isinstance(errors[0], DomainError) and errors[0].field == "defendant"
    assert CounselRequest.objects.filter(defendant=cw.co_defendant).count() == 1


def test_the_api_answers_two_requests_at_once_without_a_500(cw):
    today = timezone.localdate()
    cw.period.starts_on, cw.period.ends_on = today - timedelta(days=10), today + timedelta(days=80)
    cw.period.save()
    other = _new_defendant(cw, "王某")
    keys = [ApiToken.issue(cw.prosecutor, f"thread {i}")[1] for i in range(4)]
    targets = [cw.co_defendant, cw.co_defendant, other, other]

    def post(i):
        response = Client().post(
            "/api/counsel/requests",
            json.dumps({"defendant": targets[i].pk, "source": "procuratorate"}),
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {keys[i]}",
        )
        return response.status_code

    outcomes = at_once(post, n=4)
    assert [o.error for o in outcomes] == [None] * 4, [repr(o.error) for o in outcomes]
    assert sorted(o.value for o in outcomes) == [201, 201, 400, 400]
    references = list(
        CounselRequest.objects.exclude(pk=cw.counsel_request.pk).values_list("reference", flat=True)
    )
    assert len(references) == 2 and len(set(references)) == 2


def test_one_lawyer_assigned_twice_at_once_is_refused_by_the_guard_not_the_constraint(cw):
    from leniency.counsel.models import CounselAssignment
    from leniency.counsel.services import do_assign_counsel

    def assign(i):
        return do_assign_counsel(
            cw.co_defendant, lawyer=cw.lawyers[1], kind=CounselAssignment.Kind.DUTY, acting_user=cw.prosecutor
        )

    outcomes = at_once(assign, n=2)
    errors = [o.error for o in outcomes if o.error is not None]
    assert len(errors) == 1 and isinstance(errors[0], DomainError), [repr(o.error) for o in outcomes]
    assert errors[0].field == "lawyer"
    assert CounselAssignment.objects.filter(defendant=cw.co_defendant, ended_at__isnull=True).count() == 1


def test_an_assignment_ended_twice_at_once_ends_once(cw):
    from leniency.audit.models import AuditEvent
    from leniency.counsel.models import CounselAssignment
    from leniency.counsel.services import do_end_assignment

    assignment = CounselAssignment.objects.get(defendant=cw.defendant, ended_at__isnull=True)
    outcomes = at_once(
        lambda i: do_end_assignment(assignment, acting_user=cw.prosecutor, reason=f"第{i}次"), n=2
    )
    errors = [o.error for o in outcomes if o.error is not None]
    assert len(errors) == 1 and isinstance(errors[0], DomainError) and errors[0].field == "assignment"
    assert AuditEvent.objects.filter(action="counsel.assignment.ended").count() == 1
