"""Counsel's documents as PDF and Word (issue 17 item 3): the authority's 通知辩护函 / 通知值班律师函 from a
request, the centre's 指派通知书 from the assignment it made; none for a defendant's own application or for
retained counsel; each download audited and read-logged, each reachable from the page that shows its record."""

import io
import re

import pytest
from django.urls import reverse
from docx import Document as WordDocument
from pypdf import PdfReader

from leniency.audit.models import AuditEvent, PersonalDataAccess
from leniency.counsel.models import CounselAssignment, CounselRequest
from leniency.counsel.rota import do_request_counsel
from leniency.counsel.services import do_assign_counsel

from .conftest import AS_OF


def pdf_text(data: bytes) -> str:
    return re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages))


def docx_text(data: bytes) -> str:
    word = WordDocument(io.BytesIO(data))
    parts = [p.text for p in word.paragraphs]
    parts += [cell.text for table in word.tables for row in table.rows for cell in row.cells]
    return re.sub(r"\s+", "", "".join(parts))


TEXT = {"pdf": pdf_text, "docx": docx_text}


def _request(cw, work):
    return do_request_counsel(
        cw.co_defendant,
        source=CounselRequest.Source.PROCURATORATE,
        acting_user=cw.prosecutor,
        work=work,
        note="可能判处无期徒刑",
        as_of=AS_OF,
    )


def _get(client, user, url):
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200, (user, url, response.status_code)
    return response.content


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_the_procuratorates_notice_asks_the_centre_for_a_defender_within_three_days(client, cw, fmt):
    req = _request(cw, CounselRequest.Work.LEGAL_AID)
    text = TEXT[fmt](_get(client, cw.officer, reverse("counsel:request_letter", args=[req.pk, fmt])))
    for expected in (
        "通知辩护函",
        "东区法律援助中心：",
        "李某某",
        "刑事诉讼法》第三十五条",
        "法律援助法》第二十五条、第三十六条",
        "三日内指派律师担任其辩护人",
        req.reference,
        "可能判处无期徒刑",
        "东区人民检察院",
    ):
        assert expected in text, expected


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_the_centres_assignment_notice_names_the_lawyer_and_the_basis(client, cw, fmt):
    req = _request(cw, CounselRequest.Work.DUTY)
    assignment = CounselAssignment.objects.get(request=req)
    url = reverse("counsel:assignment_notice", args=[assignment.pk, fmt])
    text = TEXT[fmt](_get(client, assignment.lawyer, url))  # the assigned lawyer reads their own notice
    for expected in (
        "值班律师指派通知书",
        f"{assignment.lawyer.organisation}：",
        f"{assignment.lawyer}律师",
        "法律援助法》第三十条",
        req.reference,
        "李某某",
        "东区法律援助中心",
    ):
        assert expected in text, expected


def test_no_notice_for_a_defendants_own_application_or_for_retained_counsel(client, cw):
    req = do_request_counsel(
        cw.co_defendant, source=CounselRequest.Source.DEFENDANT, acting_user=cw.prosecutor, as_of=AS_OF
    )
    client.force_login(cw.prosecutor)
    assert client.get(reverse("counsel:request_letter", args=[req.pk, "pdf"])).status_code == 404
    retained = do_assign_counsel(
        cw.defendant,
        lawyer=cw.unassigned_lawyer,
        kind=CounselAssignment.Kind.RETAINED,
        acting_user=cw.prosecutor,
    )
    assert client.get(reverse("counsel:assignment_notice", args=[retained.pk, "docx"])).status_code == 404
    assert client.get(reverse("counsel:request_letter", args=[req.pk, "odt"])).status_code == 404
    assert not AuditEvent.objects.filter(action="documents.downloaded").exists()


def test_each_download_is_audited_and_read_logged_and_linked_from_its_page(client, cw):
    req = _request(cw, CounselRequest.Work.DUTY)
    assignment = CounselAssignment.objects.get(request=req)
    pages = {
        reverse("counsel:request_detail", args=[req.pk]): reverse(
            "counsel:request_letter", args=[req.pk, "pdf"]
        ),
        reverse("counsel:assignment_detail", args=[assignment.pk]): reverse(
            "counsel:assignment_notice", args=[assignment.pk, "docx"]
        ),
    }
    for page, url in pages.items():
        assert f'href="{url}"' in _get(client, cw.officer, page).decode(), page
        events = AuditEvent.objects.filter(action="documents.downloaded").count()
        _get(client, cw.officer, url)
        assert AuditEvent.objects.filter(action="documents.downloaded").count() == events + 1
        read = PersonalDataAccess.objects.order_by("-id").first()
        assert (read.user, read.defendant, read.via) == (cw.officer, cw.co_defendant, "document")
