"""The committee's attachments in the S3-compatible object store (moto's server, leniency/testing/s3.py): a
report's attachment submitted through the public page lands in the bucket under `oversight/`, nothing on this
server's disk, and a handler downloads it back through the same access check and read log; others are refused."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client

from leniency.audit.models import AuditEvent
from leniency.oversight import attachments
from leniency.oversight.models import PublicReport
from leniency.oversight.reports import do_submit_report

DESCRIPTION = "检察官要求当天签署具结书，称不签就取消从宽，律师没有到场。"
PDF = b"%PDF-1.4\nmedical record\n" + b"x" * 200_000


@pytest.fixture(autouse=True)
def local_media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")  # must stay empty: the files go to the bucket


class Upload(io.BytesIO):
    def __init__(self, name, data):
        super().__init__(data)
        self.name, self.size = name, len(data)


def login(user):
    client = Client()
    client.force_login(user)
    return client


def test_an_attachment_lands_in_the_bucket_and_is_served_to_handlers_only(committee, s3_archive, tmp_path):
    world = committee.world
    response = Client().post(
        "/oversight/report/",
        {
            "kind": "coercion",
            "description": DESCRIPTION,
            "case_number": world.case.number,
            "attachments": [SimpleUploadedFile("病历.pdf", PDF, content_type="application/pdf")],
        },
    )
    assert response.status_code == 302
    item = PublicReport.objects.get().attachments.get()
    assert s3_archive.keys() == [f"oversight/{item.file_name}"]
    body = s3_archive.client().get_object(Bucket=s3_archive.bucket, Key=f"oversight/{item.file_name}")["Body"]
    assert body.read() == PDF
    assert not any((tmp_path / "media").rglob("*.*"))  # nothing on this server's disk

    url = f"/oversight/reports/{item.report_id}/attachments/{item.pk}/"
    assert login(world.outsider_prosecutor).get(url).status_code == 404
    assert login(world.auditor).get(url).status_code == 404
    assert not AuditEvent.objects.filter(action="oversight.report.attachment.opened").exists()
    response = login(world.supervisor).get(url)
    assert response.status_code == 200 and response.streaming
    assert b"".join(response.streaming_content) == PDF
    event = AuditEvent.objects.get(action="oversight.report.attachment.opened")
    assert event.actor == world.supervisor and event.data["attachment"] == item.pk

    attachments.delete_stored([item.file_name])
    assert s3_archive.keys() == []


def test_an_attachment_stored_on_one_machine_is_served_from_the_store_after_the_copy(
    committee, settings, tmp_path, s3_store
):
    """`leniency storage copy-to-s3` (leniency/ops/storage_copy.py) moves a one-machine deployment's attachments
    into the store, where another machine serves them."""
    s3_store.empty()
    report, _ = do_submit_report(
        kind=PublicReport.Kind.COERCION,
        description=DESCRIPTION,
        case_number=committee.world.case.number,
        files=[Upload("证据.pdf", PDF)],
    )
    item = report.attachments.get()
    settings.STORAGES = s3_store.storages  # the deployment now configured with the object store
    call_command("storage", "copy-to-s3", stdout=io.StringIO())  # from MEDIA_ROOT, the local archive
    assert s3_store.keys() == [f"oversight/{item.file_name}"]
    (tmp_path / "media" / "oversight" / item.file_name).unlink()  # another machine: not on its disk
    client = Client()
    client.force_login(committee.world.supervisor)
    response = client.get(f"/oversight/reports/{report.pk}/attachments/{item.pk}/")
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
