import hashlib
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from leniency.audit.models import AuditEvent
from leniency.recordings.media import wav_bytes
from leniency.recordings.models import Recording


def _upload(client, user, world, data=None, name="notice.wav", **extra):
    client.force_login(user)
    payload = {
        "session": "notice",
        "recorded_on": "2026-09-02",
        "description": "审查起诉阶段权利告知",
        "file": SimpleUploadedFile(name, data or wav_bytes(), content_type="audio/wav"),
    } | extra
    return client.post(reverse("recording_upload", args=[world.defendant.pk]), payload)


def test_prosecutor_uploads_and_the_judge_plays_it_with_each_access_logged(client, world, archive):
    data = wav_bytes()
    response = _upload(client, world.prosecutor, world, data)
    recording = Recording.objects.get()
    assert response.status_code == 302 and response.url == reverse("recording_detail", args=[recording.pk])
    assert recording.sha256 == hashlib.sha256(data).hexdigest()
    assert Path(archive, recording.file_name).read_bytes() == data

    world.to_trial()  # the judge plays it once the case is filed before the court
    client.force_login(world.judge)
    body = client.get(reverse("recording_detail", args=[recording.pk])).content.decode()
    assert recording.sha256 in body and "存档文件与登记的哈希一致" in body
    response = client.get(reverse("recording_file", args=[recording.pk]))
    assert response.status_code == 200 and b"".join(response.streaming_content) == data
    response = client.get(reverse("recording_file", args=[recording.pk]) + "?download=1")
    assert "attachment" in response["Content-Disposition"]
    b"".join(response.streaming_content)
    accesses = AuditEvent.objects.filter(action="recordings.recording.accessed").order_by("seq")
    assert [(e.actor, e.data["mode"]) for e in accesses] == [(world.judge, "view"), (world.judge, "download")]
    body = client.get(reverse("recording_detail", args=[recording.pk])).content.decode()
    custody = body[body.index('id="custody"') :]
    assert custody.count("judy") == 2 and "下载" in custody and "在线查看" in custody  # the chain of custody


def test_a_wrong_type_is_refused_with_the_input_kept(client, world):
    response = _upload(client, world.prosecutor, world, b"MZ" + b"\x00" * 100, name="evil.wav")
    assert response.status_code == 400 and "不符" in response.content.decode()
    assert "审查起诉阶段权利告知" in response.content.decode()
    assert Recording.objects.count() == 0


def test_outsiders_are_refused(client, world):
    _upload(client, world.prosecutor, world)
    recording = Recording.objects.get()
    urls = [
        reverse("recording_detail", args=[recording.pk]),
        reverse("recording_file", args=[recording.pk]),
        reverse("recordings_list", args=[world.defendant.pk]),
        reverse("recording_upload", args=[world.defendant.pk]),
    ]
    for user in world.outsiders():
        client.force_login(user)
        for url in urls:
            assert client.get(url).status_code == 404, (user, url)
    client.force_login(world.lawyer)  # sees the client's recordings, may not add any
    assert client.get(urls[0]).status_code == 200
    assert client.get(urls[3]).status_code == 403
    assert _upload(client, world.lawyer, world).status_code == 403
    client.logout()
    for url in urls:
        assert client.get(url).status_code == 302, url
    assert (
        not AuditEvent.objects.filter(action="recordings.recording.accessed")
        .exclude(actor=world.lawyer)
        .exists()
    )


def test_the_case_page_lists_a_recording_by_its_session_and_day(client, world):
    _upload(client, world.prosecutor, world)
    recording = Recording.objects.get()
    body = client.get(reverse("case_detail", args=[world.case.pk])).content.decode()
    panel = body[body.index('class="recordings-panel"') :]
    link = f'<a href="{reverse("recording_detail", args=[recording.pk])}">'
    # The label get_session_display gives (the panel writes it with choice_labels' display) and the day.
    assert f"{link}{recording.get_session_display()} · 2026-09-02</a>" in panel
