"""Counsel's documents for download (PDF and Word), logged like every document (cases/downloads.py): the
authority's notice asking for a lawyer, and the centre's assignment notice."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404

from leniency.cases.downloads import document_response

from . import access
from .documents import assignment_notice, request_letter


@login_required
def request_letter_download(request, pk, fmt):
    req = get_object_or_404(
        access.visible_requests(request.user).select_related(
            "defendant__case", "station__centre", "requested_by__organisation"
        ),
        pk=pk,
    )
    doc = request_letter(req)
    if doc is None:
        raise Http404
    return document_response(
        request, doc, fmt, obj=req, case_id=req.defendant.case_id, defendants=[req.defendant]
    )


@login_required
def assignment_notice_download(request, pk, fmt):
    assignment = get_object_or_404(
        access.visible_assignments(request.user).select_related(
            "defendant__case", "lawyer__organisation", "request__station__centre"
        ),
        pk=pk,
    )
    doc = assignment_notice(assignment)
    if doc is None:
        raise Http404
    return document_response(
        request,
        doc,
        fmt,
        obj=assignment,
        case_id=assignment.defendant.case_id,
        defendants=[assignment.defendant],
    )
