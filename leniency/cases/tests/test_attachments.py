"""The 起诉意见书's scanned copy: typed from its first bytes, stored with its SHA-256, opened only by those who
see the case and its people's particulars, every opening in the audit trail."""

import hashlib
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from leniency.audit.models import AuditEvent
from leniency.cases.attachments import do_attach_document
from leniency.cases.models import CaseAttachment
from leniency.errors import DomainError, Forbidden

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40


@pytest.fixture(autouse=True)
def archive(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "archive")


def _attach(world, data=PDF, name="起诉意见书.pdf", user=None):
    return do_attach_document(
        world.case, acting_user=user or world.case_manager, fileobj=io.BytesIO(data), original_name=name
    )


def test_a_scan_is_stored_with_its_type_size_and_sha256_and_audited(world):
    attachment = _attach(world)
    assert (attachment.media_type, attachment.size) == ("application/pdf", len(PDF))
    assert attachment.sha256 == hashlib.sha256(PDF).hexdigest()
    event = AuditEvent.objects.get(action="case.attachment.added")
    assert (event.case_id, event.data["sha256"]) == (world.case.pk, attachment.sha256)
    png = _attach(world, PNG, "scan.PNG", user=world.prosecutor)
    assert png.media_type == "image/png"


def test_a_file_whose_bytes_are_not_its_extensions_type_is_refused_on_the_file_field(world):
    with pytest.raises(DomainError, match="文件内容与扩展名“.pdf”不符") as error:
        _attach(world, PNG, "scan.pdf")
    assert error.value.field == "file"
    with pytest.raises(DomainError, match="不支持的文件类型“.exe”"):
        _attach(world, PDF, "scan.exe")
    with pytest.raises(DomainError, match="文件为空"):
        _attach(world, b"", "scan.pdf")
    assert not CaseAttachment.objects.exists()


def test_only_the_receiving_procuratorate_attaches(world):
    for user in (world.judge, world.clerk, world.lawyer, world.outsider_prosecutor, world.auditor):
        with pytest.raises(Forbidden, match="刑事诉讼法第169条"):
            _attach(world, user=user)


def test_the_scan_opens_for_the_case_and_its_particulars_only_and_every_opening_is_logged(client, world):
    attachment = _attach(world)
    url = reverse("case_attachment_file", args=[attachment.pk])
    world.to_trial()  # the judge reads the transferred file once the case is filed before the court
    for user in (world.case_manager, world.prosecutor, world.judge, world.lawyer):
        client.force_login(user)
        response = client.get(url + "?download=1")
        assert response.status_code == 200, user
        assert b"".join(response.streaming_content) == PDF
        assert "attachment" in response["Content-Disposition"]
    opened = AuditEvent.objects.filter(action="case.attachment.accessed", object_id=str(attachment.pk))
    assert opened.count() == 4 and opened.first().data["mode"] == "download"
    for user in (world.outsider_prosecutor, world.outsider_judge, world.unassigned_lawyer):
        client.force_login(user)
        assert client.get(url).status_code == 404, user
    for user in (world.auditor, world.admin):  # they see the case, not its people's particulars
        client.force_login(user)
        assert client.get(url).status_code == 403, user
    client.logout()
    assert client.get(url).status_code == 302
    assert opened.count() == 4


def test_the_attachments_page_uploads_for_the_case_management_and_lists_for_the_judge(client, world):
    url = reverse("case_attachments", args=[world.case.pk])
    client.force_login(world.case_manager)
    bad = client.post(url, {"kind": "transfer_opinion", "file": SimpleUploadedFile("a.pdf", PNG)})
    assert bad.status_code == 400 and "不是 PDF、JPEG 或 PNG 扫描件" in bad.content.decode()
    ok = client.post(url, {"kind": "transfer_opinion", "file": SimpleUploadedFile("起诉意见书.pdf", PDF)})
    assert ok.status_code == 200 and "起诉意见书.pdf" in ok.content.decode()
    world.to_trial()
    client.force_login(world.judge)
    page = client.get(url).content.decode()
    assert "起诉意见书.pdf" in page and 'enctype="multipart/form-data"' not in page
    refused = client.post(url, {"kind": "transfer_opinion", "file": SimpleUploadedFile("b.pdf", PDF)})
    assert refused.status_code == 403
    assert CaseAttachment.objects.count() == 1


def test_the_api_uploads_lists_and_serves_the_scan(client, world):
    client.force_login(world.case_manager)
    created = client.post(
        f"/api/cases/{world.case.pk}/attachments", {"file": SimpleUploadedFile("scan.png", PNG)}
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["sha256"] == hashlib.sha256(PNG).hexdigest() and body["media_type"] == "image/png"
    listed = client.get(f"/api/cases/{world.case.pk}/attachments").json()
    assert [a["id"] for a in listed] == [body["id"]]
    served = client.get(f"/api/cases/attachments/{body['id']}/file")
    assert b"".join(served.streaming_content) == PNG
    client.force_login(world.auditor)
    assert client.get(f"/api/cases/{world.case.pk}/attachments").status_code == 403
    client.force_login(world.outsider_prosecutor)
    assert client.get(f"/api/cases/attachments/{body['id']}/file").status_code == 404


def _intake_post(world, scan):
    return {
        "received_on": "2026-10-08",
        "transferring_agency": "东区公安分局",
        "transfer_document_number": "东公刑诉字〔2026〕77号",
        "title": "王某盗窃案",
        "facts": "王某窃取商品。",
        "scan": scan,
        "d-TOTAL_FORMS": "1",
        "d-INITIAL_FORMS": "0",
        "d-MIN_NUM_FORMS": "1",
        "d-MAX_NUM_FORMS": "20",
        "d-0-name": "王某",
        "d-0-gender": "M",
        "d-0-id_number": "110101199005010020",
        "d-0-birth_date": "1990-05-01",
        "d-0-detention": "arrested",
        "d-0-charges": [str(world.theft.pk)],
    }


def test_the_intake_form_attaches_the_scan_and_a_wrong_scan_leaves_no_case(client, world):
    client.force_login(world.case_manager)
    refused = client.post(reverse("case_intake"), _intake_post(world, SimpleUploadedFile("s.pdf", PNG)))
    assert refused.status_code == 400 and "不是 PDF、JPEG 或 PNG 扫描件" in refused.content.decode()
    assert not CaseAttachment.objects.exists()
    assert not world.case.__class__.objects.filter(transfer_document_number="东公刑诉字〔2026〕77号").exists()
    done = client.post(reverse("case_intake"), _intake_post(world, SimpleUploadedFile("起诉意见书.pdf", PDF)))
    assert done.status_code == 302
    attachment = CaseAttachment.objects.get()
    assert attachment.case.transfer_document_number == "东公刑诉字〔2026〕77号"
    assert attachment.sha256 == hashlib.sha256(PDF).hexdigest()
    page = client.get(reverse("case_detail", args=[attachment.case_id])).content.decode()
    assert reverse("case_attachments", args=[attachment.case_id]) in page
