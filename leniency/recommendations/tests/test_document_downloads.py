"""The 量刑建议书 and the lawyer's opinion (值班律师法律帮助意见书 / 辩护意见书) as PDF and Word (issue 17 item 3):
the same words in both, the ID number by the reader's role, every download audited and read-logged, reachable
from the recommendation page."""

import io
import re

import pytest
from django.urls import reverse
from docx import Document as WordDocument
from pypdf import PdfReader

from leniency.audit.models import AuditEvent, PersonalDataAccess
from leniency.recommendations import services

FULL_ID = "110101199005010012"
MASKED_ID = "1101************12"


def pdf_text(data: bytes) -> str:
    return re.sub(r"\s+", "", "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages))


def docx_text(data: bytes) -> str:
    word = WordDocument(io.BytesIO(data))
    parts = [p.text for p in word.paragraphs]
    parts += [cell.text for table in word.tables for row in table.rows for cell in row.cells]
    return re.sub(r"\s+", "", "".join(parts))


TEXT = {"pdf": pdf_text, "docx": docx_text}


def _download(client, user, name, pk):
    client.force_login(user)
    response = client.get(reverse(f"recommendations:{name}", args=[pk]))
    assert response.status_code == 200, (user, name, response.status_code)
    assert response["Content-Disposition"].startswith("attachment;")
    return response.content


@pytest.fixture
def objecting_final(world, flow):
    """A final round the lawyer objected to, with the prosecutor's reply."""
    rec = flow.approved()
    services.do_give_opinion(
        rec,
        acting_user=world.lawyer,
        position="object",
        reasons="被告人系初犯，已全额退赃",
        proposed_months=10,
    )
    rec.refresh_from_db()
    return services.do_finalise(rec, acting_user=world.prosecutor, lawyer_reply="已考虑退赃情节，维持建议")


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_the_recommendation_document_says_the_sentence_the_charges_and_the_opinion(
    client, world, objecting_final, fmt
):
    rec = objecting_final
    world.to_trial()  # the 量刑建议书 goes with the 起诉书 to the court the case is prosecuted to (CPL art. 176)
    text = TEXT[fmt](_download(client, world.prosecutor, f"document_{fmt}", rec.pk))
    for expected in (
        "量刑建议书",
        "东区人民法院",
        "张某某",
        FULL_ID,
        "盗窃罪",
        "第一百七十六条第二款",
        rec.term_text().replace(" ", ""),
        "被告人系初犯，已全额退赃",
        "有异议",
        "已考虑退赃情节，维持建议",
        "东区人民检察院",
    ):
        assert expected in text, expected


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_a_reader_who_may_not_see_identity_gets_the_masked_id(client, world, objecting_final, fmt):
    text = TEXT[fmt](_download(client, world.auditor, f"document_{fmt}", objecting_final.pk))
    assert MASKED_ID in text and FULL_ID not in text


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_the_duty_lawyers_opinion_is_a_legal_help_opinion_signed_at_its_time(
    client, world, objecting_final, fmt
):
    opinion = objecting_final.opinions.get()
    world.to_trial()  # the judge reads the lawyer's opinion once the case is filed before the court
    text = TEXT[fmt](_download(client, world.judge, f"opinion_{fmt}", opinion.pk))
    assert "值班律师法律帮助意见书" in text
    for expected in ("鲍律师", "对该量刑建议有异议", "被告人系初犯，已全额退赃", "十个月", "第一百七十三条"):
        assert expected in text, expected
    assert f"{opinion.created_at.astimezone():%Y年%m月%d日}" in text


def test_each_download_is_audited_and_read_logged(client, world, objecting_final):
    opinion = objecting_final.opinions.get()
    for name, pk in (("document_pdf", objecting_final.pk), ("opinion_docx", opinion.pk)):
        events = AuditEvent.objects.filter(action="documents.downloaded").count()
        reads = PersonalDataAccess.objects.filter(via="document").count()
        _download(client, world.auditor, name, pk)
        assert AuditEvent.objects.filter(action="documents.downloaded").count() == events + 1, name
        assert PersonalDataAccess.objects.filter(via="document", user=world.auditor).count() == reads + 1, (
            name
        )


def test_no_document_before_the_round_is_final_and_none_for_outsiders(client, world, flow):
    rec = flow.approved()
    client.force_login(world.prosecutor)
    assert client.get(reverse("recommendations:document_pdf", args=[rec.pk])).status_code == 404
    services.do_give_opinion(rec, acting_user=world.lawyer, position="agree")
    final = services.do_finalise(rec, acting_user=world.prosecutor)
    for user in world.outsiders():
        client.force_login(user)
        assert client.get(reverse("recommendations:document_docx", args=[final.pk])).status_code == 404
    assert not AuditEvent.objects.filter(action="documents.downloaded").exists()


def test_the_recommendation_page_links_both_documents_in_both_formats(client, world, objecting_final):
    client.force_login(world.lawyer)
    page = client.get(reverse("recommendations:defendant", args=[world.defendant.pk])).content.decode()
    opinion = objecting_final.opinions.get()
    for name, pk in (
        ("document_pdf", objecting_final.pk),
        ("document_docx", objecting_final.pk),
        ("opinion_pdf", opinion.pk),
        ("opinion_docx", opinion.pk),
    ):
        assert f'href="{reverse(f"recommendations:{name}", args=[pk])}"' in page, name


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_the_explanation_letter_is_printed_from_the_same_description_in_both_formats(
    client, world, objecting_final, fmt
):
    events = AuditEvent.objects.filter(action="documents.downloaded").count()
    text = TEXT[fmt](_download(client, world.lawyer, f"letter_{fmt}", objecting_final.pk))
    for expected in (
        "认罪认罚案件量刑建议释法说理书",
        "张某某：",
        objecting_final.term_text().replace(" ", ""),
        "确定量刑起点",
        "类似案件的判罚情况",
        "五、律师的意见",
        "被告人系初犯，已全额退赃",
        "六、如果您反悔",
        "第二百三十七条",
        "东区人民检察院",
    ):
        assert expected in text, expected
    assert AuditEvent.objects.filter(action="documents.downloaded").count() == events + 1
