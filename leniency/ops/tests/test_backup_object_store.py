"""Backup and restore with the archive in an object store (moto's S3 server, leniency/testing/s3.py): the
backup carries the bucket's objects, read through the storage API, with their hashes; a restore writes them
back into the bucket and proves each by reading it back; a changed object is refused before anything is
touched."""

import hashlib
import io
import json
import tarfile
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError

from leniency.documents import archive
from leniency.ops.backup import row_counts
from leniency.recordings.media import wav_bytes
from leniency.recordings.models import Recording
from leniency.recordings.services import do_add_recording

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def stored(world, s3_archive, settings, tmp_path):
    """A recording and a letter in the bucket, a report file on the local disk."""
    settings.MEDIA_ROOT = tmp_path / "media"
    (settings.MEDIA_ROOT / "portal").mkdir(parents=True)
    (settings.MEDIA_ROOT / "portal" / "report.html").write_text("<h1>季度报告</h1>", encoding="utf-8")
    data = wav_bytes(seconds=10)
    recording = do_add_recording(
        world.defendant,
        acting_user=world.prosecutor,
        fileobj=SimpleUploadedFile("signing.wav", data, content_type="audio/wav"),
        original_name="signing.wav",
        session="notice",
        recorded_on=date(2026, 9, 2),
    )
    letter = archive.write_bytes("letters/1/letter.pdf", b"%PDF-1.7 " + bytes(range(256)) * 300)
    return {recording.file_name: recording.sha256, letter.name: letter.sha256}


# One test, not two: each transactional test flushes every table afterwards (seconds on PostgreSQL).
def test_backup_carries_the_buckets_objects_restore_puts_them_back_and_refuses_a_changed_one(
    stored, s3_archive, settings, tmp_path
):
    backup, tampered = tmp_path / "backup.tar.gz", tmp_path / "tampered.tar.gz"
    call_command("backup", out=backup)
    with tarfile.open(backup) as tar:
        manifest = json.loads(tar.extractfile("manifest.json").read())
        carried = {
            name: hashlib.sha256(tar.extractfile(f"objects/{name}").read()).hexdigest() for name in stored
        }
    assert manifest["objects"] == stored == carried
    assert list(manifest["files"]) == ["portal/report.html"]  # the local disk's own files, as before
    before = row_counts()

    call_command("flush", interactive=False, verbosity=0)
    s3_archive.empty()
    (settings.MEDIA_ROOT / "portal" / "report.html").unlink()
    call_command("restore", str(backup))

    assert row_counts() == before
    assert s3_archive.keys() == sorted(stored)
    client = s3_archive.client()
    for name, sha256 in stored.items():
        body = client.get_object(Bucket=s3_archive.bucket, Key=name)["Body"].read()
        assert hashlib.sha256(body).hexdigest() == sha256
    recording = Recording.objects.get()
    assert archive.hash_stored(recording.file_name) == recording.sha256
    assert (settings.MEDIA_ROOT / "portal" / "report.html").read_text(encoding="utf-8") == "<h1>季度报告</h1>"

    # A changed object is refused before anything is touched.
    with tarfile.open(backup) as src, tarfile.open(tampered, "w:gz") as dst:
        for member in src.getmembers():
            data = src.extractfile(member).read()
            if member.name == "objects/letters/1/letter.pdf":
                data = data[:-1] + b"!"
            dst.addfile(member, io.BytesIO(data))
    s3_archive.empty()
    with pytest.raises(
        CommandError, match="objects/letters/1/letter.pdf: SHA-256 does not match the manifest"
    ):
        call_command("restore", str(tampered), replace=True)
    assert s3_archive.keys() == []  # nothing written back
    assert row_counts() == before  # nor any row replaced
