"""A participation entry's time must say its time zone (issue 20): a time without an offset was compared with
aware times and answered 500; it is refused with 422 naming `occurred_at`."""

import json
from datetime import datetime, timedelta

from django.utils import timezone

from leniency.accounts.models import ApiToken


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
    aware = datetime.fromisoformat(allocation["allocated_at"])
    naive = timezone.localtime(aware).replace(tzinfo=None).isoformat()  # "2026-12-04T09:30:01", no offset

    refused = _post(client, url, {"service": "meeting", "occurred_at": naive, "minutes": 30}, lawyer)
    assert refused.status_code == 422
    assert [e["field"] for e in refused.json()["errors"]] == ["occurred_at"]
    accepted = _post(
        client, url, {"service": "meeting", "occurred_at": aware.isoformat(), "minutes": 30}, lawyer
    )
    assert accepted.status_code == 201, accepted.content
