"""The counsel API: requests, participation, ratings, claims, experts, warnings, dashboard; refusals."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from leniency.accounts.models import ApiToken
from leniency.counsel.models import CounselAssignment


def _bearer(user):
    _, key = ApiToken.issue(user, "test")
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def _post(client, url, data, user):
    return client.post(url, json.dumps(data), content_type="application/json", **_bearer(user))


@pytest.fixture
def live(cw):
    today = timezone.localdate()
    cw.period.starts_on, cw.period.ends_on = today - timedelta(days=10), today + timedelta(days=80)
    cw.period.save()
    return cw


def test_anonymous_gets_401(client, cw):
    for url in (
        "/api/counsel/requests",
        "/api/counsel/claims",
        "/api/counsel/experts",
        "/api/counsel/dashboard",
    ):
        assert client.get(url).status_code == 401, url


def test_request_assign_log_rate_claim_approve(client, live):
    cw = live
    response = _post(
        client,
        "/api/counsel/requests",
        {"defendant": cw.co_defendant.pk, "source": "procuratorate"},
        cw.prosecutor,
    )
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["status"] == "assigned" and data["reference"].startswith("援值〔")
    allocation = data["allocations"][0]
    lawyer = next(u for u in cw.lawyers if u.pk == allocation["lawyer_id"])
    url = f"/api/counsel/assignments/{allocation['assignment_id']}"
    when = timezone.now() + timedelta(minutes=5)
    entry = {"service": "meeting", "occurred_at": when.isoformat(), "minutes": 45}
    assert _post(client, url + "/participation", entry, cw.prosecutor).status_code == 403
    assert _post(client, url + "/participation", entry, lawyer).status_code == 400  # in the future
    # Work takes time: as if assigned three hours ago, a 45-minute meeting, then 30 minutes on the opinion.
    assigned = timezone.now() - timedelta(hours=3)
    CounselAssignment.objects.filter(pk=allocation["assignment_id"]).update(assigned_at=assigned)
    entry["occurred_at"] = assigned.isoformat()
    assert _post(client, url + "/participation", entry, lawyer).status_code == 201
    opinion = {
        "service": "opinion_recommendation",
        "occurred_at": (assigned + timedelta(hours=1)).isoformat(),
        "minutes": 30,
        "opinion": "建议判处缓刑",
    }
    assert _post(client, url + "/participation", opinion, lawyer).status_code == 201
    figures = client.get(url, **_bearer(lawyer)).json()["figures"]
    assert figures["opinion_filed"] and not figures["only_at_signing"]
    cw.to_trial()  # the court rates the lawyer once the case is before it
    rating = _post(
        client,
        url + "/ratings",
        {"scores": {c: 5 for c in ("explain", "meeting", "opinion", "rights", "conduct")}},
        cw.judge,
    )
    assert rating.status_code == 201 and rating.json()["rater_kind"] == "court"
    claim = _post(client, url + "/claim", {}, lawyer)
    assert claim.status_code == 201
    claim_id = claim.json()["id"]
    assert (
        _post(client, f"/api/counsel/claims/{claim_id}/decision", {"approve": True}, lawyer).status_code
        == 403
    )
    decided = _post(client, f"/api/counsel/claims/{claim_id}/decision", {"approve": True}, cw.officer)
    assert decided.status_code == 200 and decided.json()["status"] == "approved"
    assert client.get(url, **_bearer(cw.unassigned_lawyer)).status_code == 404


def test_outsiders_cannot_request_and_invalid_input_names_the_field(client, live):
    cw = live
    response = _post(
        client,
        "/api/counsel/requests",
        {"defendant": cw.co_defendant.pk, "source": "procuratorate"},
        cw.outsider_prosecutor,
    )
    assert response.status_code == 404
    response = _post(
        client, "/api/counsel/requests", {"defendant": cw.co_defendant.pk, "source": "aliens"}, cw.prosecutor
    )
    assert response.status_code == 422 and {e["field"] for e in response.json()["errors"]} == {"source"}
    cw.to_trial()  # the court asks once the case is filed before it
    _post(client, "/api/counsel/requests", {"defendant": cw.co_defendant.pk, "source": "court"}, cw.judge)
    again = _post(
        client, "/api/counsel/requests", {"defendant": cw.co_defendant.pk, "source": "court"}, cw.judge
    )
    assert again.status_code == 400 and again.json()["field"] == "defendant"


def test_override_by_the_centre_only(client, live):
    cw = live
    request_id = _post(
        client,
        "/api/counsel/requests",
        {"defendant": cw.co_defendant.pk, "source": "procuratorate"},
        cw.prosecutor,
    ).json()["id"]
    body = {"lawyer": cw.lawyers[3].pk, "reason": "熟悉本案情况"}
    assert (
        _post(client, f"/api/counsel/requests/{request_id}/override", body, cw.prosecutor).status_code == 403
    )
    response = _post(client, f"/api/counsel/requests/{request_id}/override", body, cw.officer)
    assert response.status_code == 200 and response.json()["method"] == "manual"
    detail = client.get(f"/api/counsel/requests/{request_id}", **_bearer(cw.prosecutor)).json()
    assert [a["outcome"] for a in detail["allocations"]] == ["replaced", "pending"]


def test_experts_warnings_and_dashboard_scopes(client, cw):
    experts = client.get("/api/counsel/experts", {"specialty": "不存在"}, **_bearer(cw.judge)).json()
    assert experts["items"] == []
    names = [e["name"] for e in client.get("/api/counsel/experts", **_bearer(cw.judge)).json()["items"]]
    assert names == ["charlie"]
    assert client.get("/api/counsel/dashboard", **_bearer(cw.lawyer)).status_code == 403
    data = client.get("/api/counsel/dashboard", **_bearer(cw.officer)).json()
    assert "districts" in data and data["early_intervention_hours"] == 72
    assert client.get("/api/counsel/warnings", **_bearer(cw.lawyer)).json()["items"] == []
