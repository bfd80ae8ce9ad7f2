import base64
import hashlib
import json

from leniency.accounts.models import ApiToken
from leniency.audit.models import AuditEvent
from leniency.plea.checklist import CHECKLIST

from .helpers import png_bytes, signing_recording


def _bearer(user):
    _, key = ApiToken.issue(user, "test")
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def _post(client, url, user, payload):
    return client.post(url, json.dumps(payload), content_type="application/json", **_bearer(user))


def test_whole_plea_through_the_api(client, world, final_round):
    d = world.defendant.pk
    r = _post(
        client,
        f"/api/plea/defendants/{d}/notices",
        world.prosecutor,
        {
            "authority": "procuratorate",
            "notified_by_name": "艾检察官",
            "notified_at": "2026-09-02T10:00:00+08:00",
            "acknowledged": True,
        },
    )
    assert r.status_code == 201, r.content
    r = _post(client, f"/api/plea/defendants/{d}/agreements", world.prosecutor, {"procedure": "expedited"})
    assert r.status_code == 201 and r.json()["document_matches"] is True
    agreement = r.json()["id"]
    url = f"/api/plea/agreements/{agreement}/signatures"
    recording = signing_recording(world)
    seg = {"recording_id": recording.pk, "recording_start_s": 3, "recording_end_s": 40}
    image = base64.b64encode(png_bytes()).decode()
    r = _post(client, url, world.prosecutor, {"role": "defendant", "image_base64": image})
    assert r.status_code == 400 and r.json()["field"] == "recording"
    r = _post(client, url, world.prosecutor, {"role": "defendant", "image_base64": image} | seg)
    assert r.status_code == 201
    assert r.json()["signatures"][0]["image_sha256"] == hashlib.sha256(png_bytes()).hexdigest()
    attest = {"role": "lawyer", "present": True, "advised": True, "voluntary": True} | seg
    assert _post(client, url, world.unassigned_lawyer, attest).status_code == 404
    assert _post(client, url, world.prosecutor, attest).status_code == 403  # never for the lawyer
    assert _post(client, url, world.lawyer, {"role": "prosecutor"} | seg).status_code == 403
    assert _post(client, url, world.lawyer, attest).status_code == 201
    r = _post(client, url, world.prosecutor, {"role": "prosecutor"} | seg)
    assert r.json()["status"] == "signed" and all(s["valid_now"] for s in r.json()["signatures"])
    assert {s["recording_id"] for s in r.json()["signatures"]} == {recording.pk}
    pdf = b"".join(
        client.get(f"/api/plea/agreements/{agreement}/pdf", **_bearer(world.lawyer)).streaming_content
    )
    assert (
        hashlib.sha256(pdf).hexdigest() == r.json()["sha256"] == r.json()["signatures"][0]["document_sha256"]
    )
    assert (
        client.get(f"/api/plea/agreements/{agreement}/pdf", **_bearer(world.unassigned_lawyer)).status_code
        == 404
    )
    world.to_trial()
    answers = {item.key: {"answer": "yes", "note": "已核对卷宗材料"} for item in CHECKLIST}
    assert (
        _post(client, f"/api/plea/defendants/{d}/reviews", world.prosecutor, {"answers": answers}).status_code
        == 403
    )
    answers["no_coercion"] = {"answer": "no", "note": "称受到引诱"}
    r = _post(client, f"/api/plea/defendants/{d}/reviews", world.judge, {"answers": answers})
    assert r.status_code == 201 and r.json()["passed"] is False
    blockers = client.get(f"/api/plea/defendants/{d}/adoption-blockers", **_bearer(world.judge)).json()
    assert len(blockers) == 1 and "引诱" in blockers[0]
    r = _post(
        client,
        f"/api/plea/reviews/{r.json()['id']}/items/no_coercion/resolve",
        world.judge,
        {"resolution": "查看录像，未见引诱"},
    )
    assert r.status_code == 200 and r.json()["passed"] is True
    assert client.get(f"/api/plea/defendants/{d}/adoption-blockers", **_bearer(world.judge)).json() == []
    data = client.get(f"/api/plea/defendants/{d}", **_bearer(world.lawyer)).json()
    assert [e["kind"] for e in data["entries"]][:2] == ["notice", "agreement"] and data[
        "status"
    ] == "具结书第1版已签署"


def test_withdrawal_api_and_taxonomy(client, world, final_round):
    reasons = client.get("/api/plea/withdrawal-reasons", **_bearer(world.lawyer)).json()
    assert {r["group"] for r in reasons} == {"procuratorate", "defendant", "lawyer", "other"}
    d = world.defendant.pk
    payload = {
        "initiated_by": "defendant",
        "reasons": ["def_changed_mind"],
        "occurred_at": "2026-09-03T10:00:00+08:00",
    }
    assert _post(client, f"/api/plea/defendants/{d}/withdrawals", world.lawyer, payload).status_code == 403
    r = _post(
        client, f"/api/plea/defendants/{d}/withdrawals", world.prosecutor, payload | {"reasons": ["nonsense"]}
    )
    assert r.status_code == 422
    r = _post(client, f"/api/plea/defendants/{d}/withdrawals", world.prosecutor, payload)
    assert r.status_code == 201 and r.json()["stage"] == "before_prosecution"
    assert AuditEvent.objects.filter(action="plea.withdrawn").count() == 1


def test_api_refuses_outsiders_and_the_public(client, world):
    d = world.defendant.pk
    for user in world.outsiders():
        assert client.get(f"/api/plea/defendants/{d}", **_bearer(user)).status_code == 404
        assert _post(client, f"/api/plea/defendants/{d}/notices", user, {}).status_code in (404, 422)
    assert client.get(f"/api/plea/defendants/{d}").status_code == 401
    assert (
        client.get(f"/api/plea/defendants/{world.co_defendant.pk}", **_bearer(world.lawyer)).status_code
        == 404
    )
