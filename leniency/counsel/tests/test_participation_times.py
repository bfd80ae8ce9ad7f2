"""Participation times (issue 20): a time without an offset was compared with aware times and answered 500
(now 422 naming `occurred_at`); and the minutes logged must add up (a duty lawyer logged 60 + 90 + 20
minutes two minutes after being assigned, all accepted and paid)."""

import json
from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone
from hypothesis import given, settings
from hypothesis import strategies as st

from leniency.accounts.models import ApiToken
from leniency.counsel.models import CounselAssignment
from leniency.counsel.participation import do_log_participation, time_problem
from leniency.counsel.rota import do_request_counsel
from leniency.errors import DomainError


def _post(client, url, data, user):
    _, key = ApiToken.issue(user, "test")
    return client.post(
        url, json.dumps(data), content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {key}"
    )


def test_an_entry_time_without_an_offset_is_refused_naming_the_field(client, cw):
    today = timezone.localdate()
    cw.period.starts_on, cw.period.ends_on = today - timedelta(days=10), today + timedelta(days=80)
    cw.period.save()
    created = _post(
        client,
        "/api/counsel/requests",
        {"defendant": cw.co_defendant.pk, "source": "procuratorate"},
        cw.prosecutor,
    ).json()
    allocation = created["allocations"][0]
    lawyer = next(u for u in cw.lawyers if u.pk == allocation["lawyer_id"])
    url = f"/api/counsel/assignments/{allocation['assignment_id']}/participation"
    assigned = timezone.now() - timedelta(hours=1)  # as if assigned an hour ago: 30 minutes have passed
    CounselAssignment.objects.filter(pk=allocation["assignment_id"]).update(assigned_at=assigned)
    aware = assigned + timedelta(minutes=10)
    naive = timezone.localtime(aware).replace(tzinfo=None).isoformat()  # "2026-12-04T09:30:01", no offset

    refused = _post(client, url, {"service": "meeting", "occurred_at": naive, "minutes": 30}, lawyer)
    assert refused.status_code == 422
    assert [e["field"] for e in refused.json()["errors"]] == ["occurred_at"]
    accepted = _post(
        client, url, {"service": "meeting", "occurred_at": aware.isoformat(), "minutes": 30}, lawyer
    )
    assert accepted.status_code == 201, accepted.content


AS_OF = datetime(2026, 12, 3, 10, 0, tzinfo=timezone.get_fixed_timezone(8 * 60))


def _assignment(cw, assigned_at):
    today = assigned_at.date()
    cw.period.starts_on, cw.period.ends_on = today - timedelta(days=10), today + timedelta(days=80)
    cw.period.save()
    request = do_request_counsel(
        cw.co_defendant, source="procuratorate", acting_user=cw.prosecutor, as_of=assigned_at
    )
    return request.allocations.get().assignment


def _log(assignment, start, minutes, as_of, service="meeting"):
    return do_log_participation(
        assignment,
        service=service,
        occurred_at=start,
        minutes=minutes,
        acting_user=assignment.lawyer,
        as_of=as_of,
    )


def test_padding_right_after_the_assignment_is_refused(cw):
    assignment = _assignment(cw, AS_OF)
    two_minutes_later = AS_OF + timedelta(minutes=2)
    with pytest.raises(DomainError, match="到现在还没有结束") as error:
        _log(assignment, AS_OF, 60, two_minutes_later)
    assert error.value.field == "minutes"
    assert not assignment.participation.exists()


def test_entries_may_not_overlap(cw):
    assignment = _assignment(cw, AS_OF)
    later = AS_OF + timedelta(hours=5)
    _log(assignment, AS_OF + timedelta(minutes=30), 60, later)
    with pytest.raises(DomainError, match="时间重叠") as error:
        _log(assignment, AS_OF + timedelta(minutes=80), 20, later)  # starts before the first one ended
    assert error.value.field == "occurred_at"
    _log(assignment, AS_OF + timedelta(minutes=90), 20, later)  # right after it: fine
    assert assignment.participation.count() == 2


ASSIGNED = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)


@settings(max_examples=300, deadline=None)
@given(
    attempts=st.lists(st.tuples(st.integers(0, 600), st.integers(1, 240)), max_size=12),
    now_after=st.integers(0, 600),
)
def test_accepted_entries_never_overlap_and_fit_in_the_time_since_the_assignment(attempts, now_after):
    """Any lawyer's attempts, in any order: what the rules accept adds up."""
    as_of = ASSIGNED + timedelta(minutes=now_after)
    accepted: list[tuple[datetime, int]] = []
    for offset, minutes in attempts:
        start = ASSIGNED + timedelta(minutes=offset)
        if start > as_of:  # "in the future", refused before these rules
            continue
        if time_problem(accepted, start, minutes, as_of) is None:
            accepted.append((start, minutes))
    spans = sorted((s, s + timedelta(minutes=m)) for s, m in accepted)
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:], strict=False))
    assert sum(m for _, m in accepted) <= now_after + 1  # the minutes since the assignment, and the grace
