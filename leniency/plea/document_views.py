"""The plea's documents for download (PDF and Word) and the rights notice as a page. Each download is printed for
the reader's role (the ID number masked unless they may see it) and logged (cases/downloads.py)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from leniency.cases.access import visible_defendants
from leniency.cases.downloads import document_response, show_identity
from leniency.documents.render import html_context

from .documents import agreement_copy, notice_document
from .models import PleaAgreement, RightsNotice


def _visible(request, model, pk):
    return get_object_or_404(
        model.objects.select_related("defendant", "defendant__case", "defendant__case__procuratorate"),
        pk=pk,
        defendant__in=visible_defendants(request.user),
    )


def verify_url(request, agreement: PleaAgreement) -> str:
    """The agreement's page, which re-hashes the archived original and checks each signature."""
    return request.build_absolute_uri(reverse("plea_agreement", args=[agreement.pk]))


@login_required
def agreement_download(request, pk, fmt):
    agreement = _visible(request, PleaAgreement, pk)
    doc = agreement_copy(
        agreement, show_identity=show_identity(request.user), verify_url=verify_url(request, agreement)
    )
    return document_response(
        request,
        doc,
        fmt,
        obj=agreement,
        case_id=agreement.defendant.case_id,
        defendants=[agreement.defendant],
    )


@login_required
def notice_detail(request, pk):
    notice = _visible(request, RightsNotice, pk)
    context = {
        **html_context(notice_document(notice)),
        "notice": notice,
        "defendant": notice.defendant,
        "screen": True,
        "recordings": notice.recordings.all(),
    }
    return render(request, "plea/notice_document.html", context)


@login_required
def notice_download(request, pk, fmt):
    notice = _visible(request, RightsNotice, pk)
    return document_response(
        request,
        notice_document(notice),
        fmt,
        obj=notice,
        case_id=notice.defendant.case_id,
        defendants=[notice.defendant],
    )
