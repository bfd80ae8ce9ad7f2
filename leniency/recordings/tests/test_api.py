import hashlib

from django.core.files.uploadedfile import SimpleUploadedFile

from leniency.accounts.models import ApiToken
from leniency.audit.models import AuditEvent
from leniency.recordings.media import wav_bytes


def _bearer(user):
    _, key = ApiToken.issue(user, "test")
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def test_upload_and_fetch_through_the_api(client, world):
    data = wav_bytes()
    url = f"/api/recordings/defendants/{world.defendant.pk}"
    form = {"session": "signing", "recorded_on": "2026-09-02", "file": SimpleUploadedFile("s.wav", data)}
    assert client.post(url, form, **_bearer(world.lawyer)).status_code == 403
    form["file"] = SimpleUploadedFile("s.wav", data)
    assert client.post(url, form, **_bearer(world.unassigned_lawyer)).status_code == 404
    form["file"] = SimpleUploadedFile("s.wav", data)
    r = client.post(url, form, **_bearer(world.prosecutor))
    assert r.status_code == 201 and r.json()["sha256"] == hashlib.sha256(data).hexdigest()
    rid = r.json()["id"]
    assert [x["id"] for x in client.get(url, **_bearer(world.lawyer)).json()] == [rid]
    world.to_trial()  # the judge plays it once the case is filed before the court
    r = client.get(f"/api/recordings/{rid}/file?download=true", **_bearer(world.judge))
    assert b"".join(r.streaming_content) == data
    event = AuditEvent.objects.get(action="recordings.recording.accessed")
    assert event.actor == world.judge and event.data["mode"] == "download"
    for user in world.outsiders():
        assert client.get(f"/api/recordings/{rid}/file", **_bearer(user)).status_code == 404
    assert client.get(f"/api/recordings/{rid}").status_code == 401
    assert AuditEvent.objects.filter(action="recordings.recording.accessed").count() == 1


def test_bad_file_is_400_naming_the_field(client, world):
    form = {
        "session": "notice",
        "recorded_on": "2026-09-02",
        "file": SimpleUploadedFile("n.mp3", b"hello world"),
    }
    r = client.post(f"/api/recordings/defendants/{world.defendant.pk}", form, **_bearer(world.prosecutor))
    assert r.status_code == 400 and r.json()["field"] == "file"
