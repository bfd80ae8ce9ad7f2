"""Backup and restore carry the files that moved into the file storage for several app servers (issue 21): the
committee's attachments (oversight/), the portal's reports (portal/reports/) and the jobs' output files
(jobs/<id>/), in the object store's bucket and on the local disk alike."""

import hashlib
import json
import tarfile

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command

from leniency.jobs.models import Job
from leniency.jobs.runners import output_storage
from leniency.oversight import attachments
from leniency.portal import reports

pytestmark = pytest.mark.django_db(transaction=True)

PDF = b"%PDF-1.4\n" + bytes(range(256)) * 40


def _write_each_kind() -> list[str]:
    """One file of each kind, through each module's own storage; their names from the storage's root."""
    attachment = attachments.store(attachments.CheckedFile("证据.pdf", "pdf", PDF))
    report = reports.report_storage().save("report-2026-Q3-20261001-090000.pdf", ContentFile(PDF))
    job = Job.objects.create(kind=Job.Kind.STUDY)
    output = output_storage(job).save("report.pdf", ContentFile(PDF))
    return sorted([f"oversight/{attachment}", f"portal/reports/{report}", f"jobs/{job.pk}/{output}"])


def test_the_buckets_shared_folders_are_backed_up_and_restored(world, s3_archive, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    names = _write_each_kind()
    assert s3_archive.keys() == names
    backup = tmp_path / "backup.tar.gz"
    call_command("backup", out=backup)
    with tarfile.open(backup) as tar:
        manifest = json.loads(tar.extractfile("manifest.json").read())
    assert manifest["objects"] == {name: hashlib.sha256(PDF).hexdigest() for name in names}

    call_command("flush", interactive=False, verbosity=0)
    s3_archive.empty()
    call_command("restore", str(backup))
    assert s3_archive.keys() == names
    for name in names:
        assert s3_archive.client().get_object(Bucket=s3_archive.bucket, Key=name)["Body"].read() == PDF


def test_the_local_disks_shared_folders_are_backed_up_and_restored(world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    names = _write_each_kind()
    assert all((tmp_path / "media" / name).read_bytes() == PDF for name in names)
    backup = tmp_path / "backup.tar.gz"
    call_command("backup", out=backup)
    with tarfile.open(backup) as tar:
        manifest = json.loads(tar.extractfile("manifest.json").read())
    assert set(names) <= set(manifest["files"])

    call_command("flush", interactive=False, verbosity=0)
    for name in names:
        (tmp_path / "media" / name).unlink()
    call_command("restore", str(backup))
    assert all((tmp_path / "media" / name).read_bytes() == PDF for name in names)
