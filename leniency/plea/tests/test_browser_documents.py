"""The signed 具结书 downloaded through the page's links, in Chromium (issue 17 item 3): the prosecutor generates
the agreement and downloads the unsigned PDF; the signing happens role by role through the pages (the defendant
on the tablet, the lawyer attesting on their own account, the prosecutor); the PDF and Word downloaded then print
each signature, its time and the hash it binds, and differ from the unsigned file; an auditor, who may not see ID
numbers, downloads both and finds the masked number and never the full one."""

import io
import re
from pathlib import Path

import pytest
from django.utils import timezone
from docx import Document as WordDocument
from playwright.sync_api import expect
from pypdf import PdfReader

from leniency.audit.models import AuditEvent, PersonalDataAccess
from leniency.plea.models import PleaAgreement
from leniency.recordings.media import wav_bytes
from leniency.recordings.models import Recording

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FULL_ID = "110101199005010012"
MASKED_ID = "1101************12"


def pdf_text(data: bytes) -> str:
    return re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages))


def docx_text(data: bytes) -> str:
    word = WordDocument(io.BytesIO(data))
    parts = [p.text for p in word.paragraphs]
    parts += [cell.text for table in word.tables for row in table.rows for cell in row.cells]
    return re.sub(r"\s+", "", "".join(parts))


def download(page, link_name: str) -> tuple[str, bytes]:
    with page.expect_download() as info:
        page.get_by_role("link", name=link_name).click()
    return info.value.suggested_filename, Path(info.value.path()).read_bytes()


def draw_signature(page, form):
    canvas = form.locator("canvas.signature-pad")
    canvas.scroll_into_view_if_needed()
    box = canvas.bounding_box()
    page.mouse.move(box["x"] + 40, box["y"] + box["height"] * 0.6)
    page.mouse.down()
    for i in range(1, 20):
        page.mouse.move(box["x"] + 40 + i * 15, box["y"] + box["height"] * (0.6 - 0.05 * (i % 6)), steps=2)
    page.mouse.up()
    expect(canvas).to_have_class("signature-pad signed")


def test_the_signed_agreement_downloads_print_the_signatures_and_mask_the_id_by_role(
    as_user, live_server, world, final_round
):
    """`final_round` is the final recommendation the agreement is generated from (made through the services)."""
    d, base = world.defendant, live_server.url
    prosecutor = as_user(world.prosecutor)

    # The prosecutor generates the agreement and downloads it before anyone signs.
    prosecutor.goto(f"{base}/plea/defendants/{d.pk}/")
    prosecutor.get_by_role("link", name="生成具结书").click()
    prosecutor.get_by_role("button", name="生成具结书").click()
    expect(prosecutor.locator("h1")).to_contain_text("待签署")
    agreement = PleaAgreement.objects.get(defendant=d)
    name, unsigned_pdf = download(prosecutor, "下载 PDF")
    assert name == f"plea-agreement-{d.pk}-v1.pdf"
    unsigned = pdf_text(unsigned_pdf)
    assert FULL_ID in unsigned and agreement.sha256 not in unsigned

    # The signing, role by role, through the pages.
    prosecutor.get_by_role("link", name="上传签署录音录像").first.click()
    prosecutor.get_by_label("所录环节").select_option("signing")
    prosecutor.get_by_label("对应的具结书").select_option(str(agreement.pk))
    prosecutor.locator("input[type=file]").set_input_files(
        {"name": "signing.wav", "mimeType": "audio/wav", "buffer": wav_bytes()}
    )
    prosecutor.get_by_role("button", name="上传").click()
    recording = Recording.objects.get(defendant=d, session="signing")
    prosecutor.goto(f"{base}/plea/agreements/{agreement.pk}/")
    form = prosecutor.locator("#sign-defendant")
    draw_signature(prosecutor, form)
    form.get_by_label("签署录音录像").select_option(str(recording.pk))
    form.get_by_label("签署片段起（秒）").fill("30")
    form.get_by_label("签署片段止（秒）").fill("150")
    form.get_by_role("button", name="记录犯罪嫌疑人签名").click()
    expect(prosecutor.locator("#signatures tr[data-role=defendant]")).to_contain_text("手写板手写签名")
    lawyer = as_user(world.lawyer)
    lawyer.goto(f"{base}/plea/agreements/{agreement.pk}/")
    attest = lawyer.locator("#sign-lawyer")
    for label in ("本人在犯罪嫌疑人签署具结书时在场", "签署前本人已向其提供法律帮助", "自愿签署"):
        attest.get_by_label(label, exact=False).check()
    attest.get_by_role("button", name="确认在场并以律师身份签名").click()
    expect(lawyer.locator("ul.messages")).to_contain_text("律师已确认在场并签名")
    prosecutor.goto(f"{base}/plea/agreements/{agreement.pk}/")
    prosecutor.locator("#sign-prosecutor").get_by_role("button", name="以检察官身份签名").click()
    expect(prosecutor.locator("h1")).to_contain_text("已签署")

    # The signed downloads print every signature, its time and the bound hash; the PDF is not the unsigned one.
    signatures = list(agreement.signatures.order_by("signed_at", "id"))
    assert [s.role for s in signatures] == ["defendant", "lawyer", "prosecutor"]
    _, signed_pdf = download(prosecutor, "下载 PDF")
    name, signed_docx = download(prosecutor, "下载 Word")
    assert name == f"plea-agreement-{d.pk}-v1.docx"
    assert signed_pdf != unsigned_pdf
    for text in (pdf_text(signed_pdf), docx_text(signed_docx)):
        assert agreement.sha256 in text and FULL_ID in text
        block = text.split("五、签署")[1]
        for signature in signatures:
            assert signature.signer_name in block
            assert f"{timezone.localtime(signature.signed_at):%Y年%m月%d日%H:%M}" in block
        assert f"录音录像#{recording.pk}，00:00:30–00:02:30" in block
        assert f"/plea/agreements/{agreement.pk}/" in block  # the verify page of the QR code

    # An auditor, who may not see ID numbers (the identity page is 403 to them), downloads the masked copy.
    auditor = as_user(world.auditor)
    auditor.goto(f"{base}/plea/agreements/{agreement.pk}/")
    _, masked_pdf = download(auditor, "下载 PDF")
    _, masked_docx = download(auditor, "下载 Word")
    for text in (pdf_text(masked_pdf), docx_text(masked_docx)):
        assert MASKED_ID in text and FULL_ID not in text
        assert agreement.sha256 in text and all(s.signer_name in text for s in signatures)

    # Each of the five downloads is on the trail and in the read log.
    events = AuditEvent.objects.filter(action="documents.downloaded").order_by("seq")
    assert [(e.actor_id, e.data["format"]) for e in events] == [
        (world.prosecutor.pk, "pdf"),
        (world.prosecutor.pk, "pdf"),
        (world.prosecutor.pk, "docx"),
        (world.auditor.pk, "pdf"),
        (world.auditor.pk, "docx"),
    ]
    reads = PersonalDataAccess.objects.filter(via="document", defendant=d)
    assert reads.filter(user=world.auditor, fields__endswith="id_number_masked").count() == 2
    assert reads.filter(user=world.prosecutor, fields__endswith=",id_number").count() == 3
