"""`leniency storage copy-to-s3`: a deployment moving from one machine to several copies its local archive into
the object store (moto's S3 server, leniency/testing/s3.py), each object checked by its SHA-256; run again it
copies nothing; an object there with other contents is never overwritten and is named."""

import hashlib
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

PDF = b"%PDF-1.4\n" + bytes(range(256)) * 100
WAV = b"RIFF\x00\x00\x00\x00WAVEfmt " + bytes(300)


@pytest.fixture
def local_archive(tmp_path):
    root = tmp_path / "media"
    for name, data in {
        "recordings/1/2/signing-v1.wav": WAV,
        "portal/reports/report-2026-Q3-20261001-090000.pdf": PDF,
        "jobs/7/report.pdf": PDF,
        ".incoming/abandoned.part": b"half an upload",
    }.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    return root


def test_copy_verifies_each_object_and_a_second_run_copies_nothing(local_archive, s3_archive):
    out = io.StringIO()
    call_command("storage", "copy-to-s3", "--from", str(local_archive), stdout=out)
    assert "3 copied" in out.getvalue() and "0 already there" in out.getvalue()
    names = [
        "jobs/7/report.pdf",
        "portal/reports/report-2026-Q3-20261001-090000.pdf",
        "recordings/1/2/signing-v1.wav",
    ]
    assert s3_archive.keys() == names  # the temporary area of unfinished uploads is not copied
    client = s3_archive.client()
    for name in names:
        body = client.get_object(Bucket=s3_archive.bucket, Key=name)["Body"].read()
        assert (
            hashlib.sha256(body).hexdigest()
            == hashlib.sha256((local_archive / name).read_bytes()).hexdigest()
        )

    again = io.StringIO()
    call_command("storage", "copy-to-s3", "--from", str(local_archive), stdout=again)
    assert "0 copied" in again.getvalue() and "3 already there" in again.getvalue()


def test_an_object_with_other_contents_is_left_alone_and_named(local_archive, s3_archive):
    s3_archive.client().put_object(Bucket=s3_archive.bucket, Key="jobs/7/report.pdf", Body=b"another file")
    with pytest.raises(CommandError, match="left alone: jobs/7/report.pdf"):
        call_command("storage", "copy-to-s3", "--from", str(local_archive), stdout=io.StringIO())
    body = s3_archive.client().get_object(Bucket=s3_archive.bucket, Key="jobs/7/report.pdf")["Body"].read()
    assert body == b"another file"
    assert len(s3_archive.keys()) == 3  # the others were copied


def test_copy_refuses_when_the_storage_is_the_local_disk(local_archive):
    with pytest.raises(CommandError, match="the file storage is the local disk"):
        call_command("storage", "copy-to-s3", "--from", str(local_archive))
