"""The 具结书 and the rights notice as downloads (issue 17 item 3): the signed copy prints its signatures, their
times and the hash they bind, in PDF and in Word; the ID number follows the reader's role; every download is
audited and read-logged; the signature table is never split over pages."""

import hashlib
import io
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from docx import Document as WordDocument
from docx.oxml.ns import qn
from pypdf import PdfReader

from leniency.accounts.models import ApiToken, Organisation, Role, User
from leniency.audit.models import AuditEvent, PersonalDataAccess
from leniency.audit.timeline import case_timeline
from leniency.documents.model import Document, Signatures, Signer, para
from leniency.documents.render import document_html, document_pdf

from .helpers import agreement, notice, png_bytes, sign_all

FULL_ID = "110101199005010012"
MASKED_ID = "1101************12"


def pdf_text(data: bytes) -> str:
    return re.sub(r"\s+", "", "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages))


def docx_text(data: bytes) -> str:
    word = WordDocument(io.BytesIO(data))
    parts = [p.text for p in word.paragraphs]
    for table in word.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return re.sub(r"\s+", "", "".join(parts))


def _get(client, user, name, pk):
    client.force_login(user)
    response = client.get(reverse(name, args=[pk]))
    assert response.status_code == 200, (user, name, response.status_code)
    return response.content


def _bearer(user):
    _, key = ApiToken.issue(user, "test")
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def _when(value) -> str:
    return f"{timezone.localtime(value):%Y年%m月%d日%H:%M}"


def test_signed_pdf_prints_signatures_times_and_hash_and_differs_from_the_unsigned(
    client, world, final_round
):
    a = agreement(world)
    before = _get(client, world.prosecutor, "plea_agreement_pdf", a.pk)
    sign_all(world, a)
    after = _get(client, world.prosecutor, "plea_agreement_pdf", a.pk)
    assert before != after
    unsigned, signed = pdf_text(before), pdf_text(after)
    assert a.sha256 not in unsigned and "鲍律师" not in unsigned.split("五、签署")[1]
    assert a.sha256 in signed
    for signature in a.signatures.all():
        assert signature.signer_name in signed.split("五、签署")[1]
        assert _when(signature.signed_at) in signed
    assert "艾检察官" in signed and "张某某" in signed
    assert f"/plea/agreements/{a.pk}/" in signed  # the verify page, printed beside its QR code
    images = {image.data for page in PdfReader(io.BytesIO(after)).pages for image in page.images}
    assert len(images) == 2  # the handwritten signature and the QR code
    assert not [image for page in PdfReader(io.BytesIO(before)).pages for image in page.images]


def test_signed_docx_prints_the_same_in_chinese_fonts_and_rows_that_never_split(client, world, final_round):
    a = sign_all(world, agreement(world))
    data = _get(client, world.prosecutor, "plea_agreement_docx", a.pk)
    text = docx_text(data)
    assert "认罪认罚具结书" in text and a.sha256 in text
    for signature in a.signatures.all():
        assert signature.signer_name in text and _when(signature.signed_at) in text
    word = WordDocument(io.BytesIO(data))
    fonts = {
        run._element.rPr.rFonts.get(qn("w:eastAsia")) for p in word.paragraphs for run in p.runs if run.text
    }
    assert fonts == {"宋体"}
    signature_table = word.tables[-1]
    assert signature_table.cell(0, 0).text == "签署人"
    for row in signature_table.rows:
        assert row._tr.trPr.find(qn("w:cantSplit")) is not None
    images = [p.blob for p in word.part.package.parts if p.content_type.startswith("image/")]
    assert png_bytes() in images  # the defendant's handwritten signature, as archived
    assert len(word.inline_shapes) == 2  # that signature and the QR code of the verify page
    defendant = a.signatures.get(role="defendant")
    assert defendant.segment_label.replace(" ", "") in text  # the recording segment of the signing
    assert defendant.image_sha256 in text


def _masked_readers(world):
    committee = Organisation.objects.create(
        name="测试省监督评议委员会",
        kind=Organisation.Kind.REVIEW_COMMITTEE,
        region=world.region.parent.parent,
    )
    return [
        world.aid_officer,
        User.objects.create_user("cora", role=Role.COMMITTEE_MEMBER, organisation=committee),
        world.auditor,
    ]


@pytest.mark.parametrize("name", ["plea_agreement_pdf", "plea_agreement_docx"])
def test_the_id_number_follows_the_readers_role(client, world, final_round, name):
    a = sign_all(world, agreement(world))
    extract = pdf_text if name.endswith("pdf") else docx_text
    for reader in _masked_readers(world):
        client.force_login(reader)
        assert (
            client.get(reverse("defendant_identity", args=[a.defendant.case_id, a.defendant_id])).status_code
            == 403
        )
        text = extract(_get(client, reader, name, a.pk))
        assert MASKED_ID in text, reader.role
        assert FULL_ID not in text, reader.role
    world.to_trial()  # the judge reads the agreement once the case is filed before the court
    for reader in (world.prosecutor, world.judge, world.lawyer):
        text = extract(_get(client, reader, name, a.pk))
        assert FULL_ID in text, reader.role


@pytest.mark.parametrize(
    "name,obj",
    [
        ("plea_agreement_pdf", "a"),
        ("plea_agreement_docx", "a"),
        ("plea_notice_pdf", "n"),
        ("plea_notice_docx", "n"),
    ],
)
def test_every_download_is_audited_and_read_logged(client, world, final_round, name, obj):
    target = {"a": lambda: agreement(world), "n": lambda: notice(world)}[obj]()
    reads, events = (
        PersonalDataAccess.objects.count(),
        AuditEvent.objects.filter(action="documents.downloaded"),
    )
    before = events.count()
    data = _get(client, world.auditor, name, target.pk)
    event = events.order_by("-id").first()
    assert events.count() == before + 1
    assert event.actor_id == world.auditor.pk and event.case_id == world.case.pk
    assert event.data["defendant"] == world.defendant.pk
    # on the case timeline for those who see the defendant, not for those who see only the co-defendant
    only_co = case_timeline(world.case, defendant_names={world.co_defendant.pk: world.co_defendant.name})
    assert "documents.downloaded" not in {e.action for e in only_co}
    timeline = case_timeline(world.case, defendant_names={world.defendant.pk: world.defendant.name})
    assert [e.defendant for e in timeline if e.action == "documents.downloaded"] == [world.defendant.name]
    assert event.data["format"] == name.rsplit("_", 1)[1]
    assert event.data["sha256"] == hashlib.sha256(data).hexdigest()
    assert PersonalDataAccess.objects.count() == reads + 1
    read = PersonalDataAccess.objects.order_by("-id").first()
    assert (read.user_id, read.defendant_id, read.via) == (world.auditor.pk, world.defendant.pk, "document")
    if obj == "a":
        assert read.fields.split(",")[-1] == "id_number_masked"


def test_a_full_id_read_is_logged_as_such(client, world, final_round):
    a = agreement(world)
    world.to_trial()
    _get(client, world.judge, "plea_agreement_pdf", a.pk)
    read = PersonalDataAccess.objects.order_by("-id").first()
    assert read.fields.split(",")[-1] == "id_number" and read.user_id == world.judge.pk


def test_outsiders_download_nothing(client, world, final_round):
    a = agreement(world)
    for user in world.outsiders():
        client.force_login(user)
        for name in ("plea_agreement_pdf", "plea_agreement_docx"):
            assert client.get(reverse(name, args=[a.pk])).status_code == 404
    assert not AuditEvent.objects.filter(action="documents.downloaded").exists()


def _signature_page(doc: Document) -> set[int]:
    pages = [re.sub(r"\s+", "", p.extract_text()) for p in PdfReader(io.BytesIO(document_pdf(doc))).pages]
    return {i for i, text in enumerate(pages) for marker in ("签署人", "第三签署方") if marker in text}


def test_the_signature_table_is_never_split_over_pages():
    signers = tuple(
        Signer(role, name=f"{role}某", signed_at=timezone.now())
        for role in ("第一签署方", "第二签署方", "第三签署方")
    )
    block = Signatures(signers, sha256="ab" * 32, verify_url="https://example.org/plea/agreements/1/")
    html = document_html(Document("测试文书", (para("正文"), block)))
    assert 'class="signature-block keep"' in html and "break-inside: avoid" in html
    moved = 0
    for filler in range(26, 40, 2):  # push the block across the foot of the first page at several heights
        doc = Document("测试文书", (*(para(f"第{i}段") for i in range(filler)), block))
        pages = _signature_page(doc)
        assert len(pages) == 1, (filler, pages)
        moved += pages == {1}
    assert moved  # some of the heights did put the whole table on the next page


def test_the_api_gives_the_archived_original_only_to_readers_who_may_see_the_id(client, world, final_round):
    """The original's bytes (the ones the signatures bind) print the full ID number: the auditor is refused with
    the reason; the judge gets the exact bytes, and the download is audited and read-logged as a full-ID read."""
    a = sign_all(world, agreement(world))
    url = f"/api/plea/agreements/{a.pk}/pdf"
    refused = client.get(url, **_bearer(world.auditor))
    assert refused.status_code == 403 and "完整的公民身份号码" in refused.json()["detail"]
    assert not AuditEvent.objects.filter(action="documents.downloaded").exists()
    world.to_trial()
    response = client.get(url, **_bearer(world.judge))
    assert hashlib.sha256(b"".join(response.streaming_content)).hexdigest() == a.sha256
    event = AuditEvent.objects.get(action="documents.downloaded")
    assert (event.actor_id, event.data["sha256"]) == (world.judge.pk, a.sha256)
    read = PersonalDataAccess.objects.get(via="document")
    assert (read.user_id, read.fields) == (world.judge.pk, "name,particulars,id_number")


def test_a_copy_downloaded_at_trial_keeps_the_word_the_original_used(client, world, final_round):
    """Generated during review (犯罪嫌疑人), downloaded after prosecution: the copy prints what was signed."""
    from leniency.cases.stages import Stage

    a = sign_all(world, agreement(world))
    assert world.defendant.stage == Stage.PROSECUTION_REVIEW
    world.to_trial()
    text = pdf_text(_get(client, world.judge, "plea_agreement_pdf", a.pk))
    assert "一、犯罪嫌疑人身份信息" in text and "被告人身份信息" not in text
    assert "犯罪嫌疑人张某某" in text.split("五、签署")[1]
