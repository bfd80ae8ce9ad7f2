import pytest
from django.test import Client

from leniency.testing.personas import PASSWORD

URL = "/api/sentencing/recommend"
FACT = "被告人张某于2020年3月5日在某超市窃得手机一部，价值人民币5000元。到案后如实供述，系坦白。"


def client_for(user):
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    return client


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["prosecutor", "supervisor", "judge", "lawyer", "unassigned_lawyer"])
def test_allowed_roles_get_a_recommendation(world, persona):
    response = client_for(getattr(world, persona)).post(
        URL, {"fact": FACT, "charges": ["盗窃罪"], "proposed_months": 40}, content_type="application/json"
    )
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["months"] > 0 and data["low"] <= data["months"] <= data["high"]
    assert data["facts"]["charges"] == ["盗窃"]
    assert "model_version" in data and data["confidence"] in ("high", "medium", "low")
    assert any(w["kind"] == "calculation" for w in data["warnings"])


@pytest.mark.django_db
def test_charge_is_recognised_from_the_text_when_not_given(world):
    fact = FACT + "公诉机关认为，被告人张某的行为已构成盗窃罪。"
    data = client_for(world.prosecutor).post(URL, {"fact": fact}, content_type="application/json").json()
    assert data["facts"]["charges"] == ["盗窃"]


@pytest.mark.django_db
def test_anonymous_is_refused(world):
    assert Client().post(URL, {"fact": FACT}, content_type="application/json").status_code == 401


@pytest.mark.django_db
def test_auditor_may_not_use_the_tool(world):
    response = client_for(world.auditor).post(URL, {"fact": FACT}, content_type="application/json")
    assert response.status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("payload", "status", "field"),
    [
        ({}, 422, "fact"),
        ({"fact": ""}, 422, "fact"),
        ({"fact": FACT, "proposed_months": -3}, 422, "proposed_months"),
        ({"fact": FACT, "proposed_months": "abc"}, 422, "proposed_months"),
        ({"fact": FACT, "charges": ["不存在的罪名"]}, 400, "charges"),
        ({"fact": FACT, "region": "东区"}, 400, "region"),
        ({"fact": "   "}, 400, "fact"),
    ],
)
def test_bad_input_names_the_field(world, payload, status, field):
    response = client_for(world.prosecutor).post(URL, payload, content_type="application/json")
    assert response.status_code == status, response.content
    body = response.json()
    fields = [body.get("field")] + [e["field"] for e in body.get("errors", [])]
    assert any(f and f.split(".")[-1] == field for f in fields), body
