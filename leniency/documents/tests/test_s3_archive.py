"""The archive in an S3-compatible object store (moto's server, a separate process; leniency/testing/s3.py):
uploads land in the bucket with the hash computed while streaming, downloads stream back through the same
access checks and read log, a failed transaction leaves no object behind."""

import hashlib
import io
from datetime import date

import pytest
from django.core.files.base import ContentFile
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


def test_a_case_attachment_downloads_from_the_bucket_only_for_those_who_may_open_it(
    client, world, s3_archive
):
    from leniency.cases.attachments import do_attach_document

    pdf = b"%PDF-1.4\n" + bytes(range(256)) * 1000 + b"\n%%EOF\n"
    attachment = do_attach_document(
        world.case, acting_user=world.case_manager, fileobj=io.BytesIO(pdf), original_name="起诉意见书.pdf"
    )
    assert s3_archive.keys() == [attachment.file_name]
    url = reverse("case_attachment_file", args=[attachment.pk])
    client.force_login(world.prosecutor)
    response = client.get(url + "?download=1")
    assert response.status_code == 200 and b"".join(response.streaming_content) == pdf
    assert "attachment" in response["Content-Disposition"]
    client.force_login(world.outsider_prosecutor)
    assert client.get(url).status_code == 404
    opened = AuditEvent.objects.filter(action="case.attachment.accessed", object_id=str(attachment.pk))
    assert [(e.actor, e.data["mode"]) for e in opened] == [(world.prosecutor, "download")]


def test_recordings_verify_rehashes_through_the_store_and_names_a_changed_or_missing_object(
    world, s3_archive
):
    from leniency.recordings.services import verify_all

    recordings = [
        do_add_recording(
            world.defendant,
            acting_user=world.prosecutor,
            fileobj=SimpleUploadedFile(f"{n}.wav", wav_bytes(seconds=1 + n), content_type="audio/wav"),
            original_name=f"{n}.wav",
            session="notice",
            recorded_on=date(2026, 9, 2),
        )
        for n in range(3)
    ]
    assert verify_all() == (3, [])
    client = s3_archive.client()
    client.put_object(Bucket=s3_archive.bucket, Key=recordings[0].file_name, Body=b"RIFF overwritten")
    client.delete_object(Bucket=s3_archive.bucket, Key=recordings[1].file_name)
    checked, problems = verify_all()
    assert checked == 3
    assert [(p.recording, p.kind) for p in problems] == [
        (recordings[0], "changed"),
        (recordings[1], "missing"),
    ]
    assert problems[0].actual == hashlib.sha256(b"RIFF overwritten").hexdigest()


def test_a_read_from_the_bucket_reads_and_seeks_by_ranges_and_a_missing_object_is_named(s3_archive):
    data = bytes(range(256)) * 4096  # 1 MiB
    stored = archive.write_bytes("letters/9/big.bin", data)
    with archive.archive_storage().open(stored.name, "rb") as handle:
        assert handle.read(10) == data[:10]
        handle.seek(500_000)
        assert handle.read(7) == data[500_000:500_007]  # a ranged GET from there
        handle.seek(0, io.SEEK_END)
        assert handle.tell() == len(data)
    with pytest.raises(FileNotFoundError, match="letters/9/nothing.bin"):
        archive.archive_storage().open("letters/9/nothing.bin", "rb")
    assert archive.hash_stored("letters/9/nothing.bin") is None


def test_a_read_cut_short_by_the_store_is_an_error_not_a_short_file():
    from leniency.documents.s3 import _ObjectReader

    class CutBody:
        def __init__(self):
            self.left = b"x" * 100

        def read(self, n):
            data, self.left = self.left[:n], self.left[n:]
            return data

        def close(self):
            pass

    class Obj:
        key = "recordings/1/1/cut.wav"

        def get(self, **kwargs):
            return {"Body": CutBody()}

    reader = io.BufferedReader(_ObjectReader(Obj(), 1000))
    with pytest.raises(OSError, match="recordings/1/1/cut.wav: the object ended at byte 100 of 1000"):
        reader.read()


def test_a_storage_under_a_folder_keeps_its_files_apart_on_either_backend(settings, tmp_path, s3_store):
    local = archive.storage_under("oversight")
    assert local.save("a.pdf", ContentFile(b"%PDF local")) == "a.pdf"
    assert (tmp_path / "media" / "oversight" / "a.pdf").read_bytes() == b"%PDF local"

    s3_store.empty()
    settings.STORAGES = s3_store.storages
    remote = archive.storage_under("oversight")
    assert remote.save("b.pdf", ContentFile(b"%PDF remote")) == "b.pdf"
    assert s3_store.keys() == ["oversight/b.pdf"]
    with remote.open("b.pdf", "rb") as handle:
        assert handle.read() == b"%PDF remote"
    assert archive.stored_names() == ["oversight/b.pdf"]  # and a backup of the store carries it
