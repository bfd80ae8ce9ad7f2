import json

from leniency.accounts.models import ApiToken
from leniency.cases.stages import Stage


def _bearer(user):
    _, key = ApiToken.issue(user, "test")
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def test_anonymous_is_refused_with_401(client, world):
    for url in ("/api/me", "/api/cases", f"/api/cases/{world.case.pk}"):
        response = client.get(url)
        assert response.status_code == 401 and response.json()["detail"], url


def test_bad_token_is_refused(client, world):
    assert client.get("/api/cases", HTTP_AUTHORIZATION="Bearer nope").status_code == 401


def test_token_auth_lists_visible_cases(client, world):
    response = client.get("/api/cases", **_bearer(world.prosecutor))
    assert response.status_code == 200
    assert [c["number"] for c in response.json()["items"]] == [world.case.number]
    assert client.get("/api/cases", **_bearer(world.outsider_prosecutor)).json()["items"] == []


def test_case_detail_hides_the_co_defendant_from_the_lawyer(client, world):
    data = client.get(f"/api/cases/{world.case.pk}", **_bearer(world.lawyer)).json()
    assert [d["name"] for d in data["defendants"]] == ["张某某"]
    assert any(e["action"] == "case.opened" for e in data["timeline"])


def test_outsiders_get_404_and_unknown_case_404(client, world):
    for user in world.outsiders():
        assert client.get(f"/api/cases/{world.case.pk}", **_bearer(user)).status_code == 404
    assert client.get("/api/cases/424242", **_bearer(world.prosecutor)).status_code == 404


def test_stage_change_through_the_api_with_session_auth(client, world):
    client.force_login(world.prosecutor)
    response = client.post(
        f"/api/defendants/{world.defendant.pk}/stage",
        json.dumps({"to": "investigation", "as_of": "2026-10-02"}),
        content_type="application/json",
    )
    assert response.status_code == 200 and response.json()["stage"] == Stage.INVESTIGATION


def test_illegal_transition_is_400_naming_the_field(client, world):
    response = client.post(
        f"/api/defendants/{world.defendant.pk}/stage",
        json.dumps({"to": "final"}),
        content_type="application/json",
        **_bearer(world.prosecutor),
    )
    assert response.status_code == 400 and response.json()["field"] == "stage"


def test_non_prosecution_through_the_stage_operation_is_400_naming_the_decision(client, world):
    response = client.post(
        f"/api/defendants/{world.defendant.pk}/stage",
        json.dumps({"to": "non_prosecution", "as_of": "2026-10-08"}),
        content_type="application/json",
        **_bearer(world.prosecutor),
    )
    assert response.status_code == 400 and response.json()["field"] == "stage"
    assert "刑事诉讼法第177条" in response.json()["detail"]


def test_invalid_value_is_422_naming_the_field(client, world):
    response = client.post(
        f"/api/defendants/{world.defendant.pk}/stage",
        json.dumps({"to": "somewhere", "as_of": "x"}),
        content_type="application/json",
        **_bearer(world.prosecutor),
    )
    fields = {e["field"] for e in response.json()["errors"]}
    assert response.status_code == 422 and {"to", "as_of"} <= fields


def test_judge_outsider_and_lawyer_cannot_move_a_defendant_by_api(client, world):
    url = f"/api/defendants/{world.defendant.pk}/stage"
    body = json.dumps({"to": "investigation"})
    for user, expected in [
        (world.auditor, 403),
        (world.outsider_judge, 404),
        (world.lawyer, 403),
        (world.unassigned_lawyer, 404),
        (world.outsider_prosecutor, 404),
    ]:
        assert (
            client.post(url, body, content_type="application/json", **_bearer(user)).status_code == expected
        ), user


def test_openapi_document_and_docs_page_are_served(client, world):
    schema = client.get("/api/openapi.json").json()
    assert "/api/cases" in schema["paths"]
    client.force_login(world.prosecutor)
    assert client.get("/api/docs").status_code == 200
