"""The archive in an S3-compatible object store (moto's server, a separate process; leniency/testing/s3.py):
uploads land in the bucket with the hash computed while streaming, downloads stream back through the same
access checks and read log, a failed transaction leaves no object behind."""

import hashlib
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from leniency.audit.models import AuditEvent
from leniency.documents import archive
from leniency.documents.s3 import StreamingS3Storage
from leniency.recordings.media import wav_bytes
from leniency.recordings.models import Recording
from leniency.recordings.services import do_add_recording


@pytest.fixture(autouse=True)
def local_media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")  # must stay empty: the files go to the bucket


def _upload(client, world, data):
    client.force_login(world.prosecutor)
    return client.post(
        reverse("recording_upload", args=[world.defendant.pk]),
        {
            "session": "notice",
            "recorded_on": "2026-09-02",
            "description": "审查起诉阶段权利告知",
            "file": SimpleUploadedFile("notice.wav", data, content_type="audio/wav"),
        },
    )


def test_an_uploaded_recording_lands_in_the_bucket_and_plays_back_through_the_access_check(
    client, world, s3_archive, tmp_path
):
    data = wav_bytes(seconds=15)
    assert len(data) > 3 * archive.CHUNK  # several chunks: streamed, hashed on the way
    assert _upload(client, world, data).status_code == 302
    recording = Recording.objects.get()
    assert isinstance(archive.archive_storage(), StreamingS3Storage)
    assert s3_archive.keys() == [recording.file_name]
    head = s3_archive.client().head_object(Bucket=s3_archive.bucket, Key=recording.file_name)
    body = s3_archive.client().get_object(Bucket=s3_archive.bucket, Key=recording.file_name)["Body"].read()
    assert head["ContentLength"] == len(data) == recording.size
    assert hashlib.sha256(body).hexdigest() == recording.sha256 == hashlib.sha256(data).hexdigest()
    assert not any((tmp_path / "media").rglob("*.*"))  # nothing on the local disk
    assert archive.hash_stored(recording.file_name) == recording.sha256  # re-hashed through the storage

    client.force_login(world.lawyer)
    response = client.get(reverse("recording_file", args=[recording.pk]))
    assert response.status_code == 200 and response.streaming
    assert int(response["Content-Length"]) == len(data)
    assert b"".join(response.streaming_content) == data
    accesses = AuditEvent.objects.filter(action="recordings.recording.accessed")
    assert [(e.actor, e.data["mode"]) for e in accesses] == [(world.lawyer, "view")]
    for outsider in world.outsiders():
        client.force_login(outsider)
        assert client.get(reverse("recording_file", args=[recording.pk])).status_code == 404
    assert accesses.count() == 1


def test_a_failed_transaction_removes_the_uploaded_object(world, s3_archive, monkeypatch):
    from leniency.recordings import services

    def audit_fails(*args, **kwargs):
        raise RuntimeError("the audit write failed")

    placed = []
    original_place = archive.Staged.place

    def place_then_remember(self, name):
        stored = original_place(self, name)
        placed.append(stored.name)
        raise RuntimeError("the commit failed after the upload")

    monkeypatch.setattr(archive.Staged, "place", place_then_remember)
    with pytest.raises(RuntimeError, match="the commit failed after the upload"):
        do_add_recording(
            world.defendant,
            acting_user=world.prosecutor,
            fileobj=SimpleUploadedFile("n.wav", wav_bytes(), content_type="audio/wav"),
            original_name="n.wav",
            session="notice",
            recorded_on=date(2026, 9, 2),
        )
    assert len(placed) == 1 and placed[0].startswith("recordings/")  # it was in the bucket…
    assert s3_archive.keys() == []  # …and left with the rolled-back row
    assert Recording.objects.count() == 0
    monkeypatch.setattr(services, "record", audit_fails)
    with pytest.raises(RuntimeError, match="the audit write failed"):
        do_add_recording(
            world.defendant,
            acting_user=world.prosecutor,
            fileobj=SimpleUploadedFile("n.wav", wav_bytes(), content_type="audio/wav"),
            original_name="n.wav",
            session="notice",
            recorded_on=date(2026, 9, 2),
        )
    assert s3_archive.keys() == []
    assert list(archive.archive_root().joinpath(archive.TMP_DIR).glob("*.part")) == []  # staged copy gone too


def test_the_local_disk_stays_the_default(settings, tmp_path):
    assert settings.STORAGES["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    stored = archive.write_bytes("letters/1/a.pdf", b"%PDF-1.7 letter")
    assert (tmp_path / "media" / "letters/1/a.pdf").read_bytes() == b"%PDF-1.7 letter"
    assert stored.sha256 == hashlib.sha256(b"%PDF-1.7 letter").hexdigest()
