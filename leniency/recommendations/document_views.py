"""The recommendation's documents for download (PDF and Word), printed for the reader's role and logged
(cases/downloads.py): the 量刑建议书 and the 释法说理书 of a final round, and each lawyer's written opinion."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404

from leniency.cases.downloads import document_response, show_identity

from . import access
from .documents import letter_document, opinion_document, recommendation_document
from .letter import letter_context
from .models import LawyerOpinion


def _rec(request, pk):
    rec = access.recommendation_for(request.user, pk)
    if rec is None:
        raise Http404
    return rec


@login_required
def recommendation_download(request, pk, fmt):
    """The 量刑建议书 exists once the round is final (what the procuratorate puts to the court)."""
    rec = _rec(request, pk)
    if rec.finalised_at is None:
        raise Http404
    doc = recommendation_document(rec, show_identity=show_identity(request.user))
    return document_response(
        request, doc, fmt, obj=rec, case_id=rec.defendant.case_id, defendants=[rec.defendant]
    )


@login_required
def letter_download(request, pk, fmt):
    """The 释法说理书 of a final round, as handed to the defendant."""
    rec = _rec(request, pk)
    if rec.finalised_at is None:
        raise Http404
    doc = letter_document(letter_context(rec))
    return document_response(
        request, doc, fmt, obj=rec, case_id=rec.defendant.case_id, defendants=[rec.defendant]
    )


@login_required
def opinion_download(request, pk, fmt):
    opinion = get_object_or_404(LawyerOpinion.objects.select_related("lawyer__organisation"), pk=pk)
    rec = _rec(request, opinion.recommendation_id)
    opinion.recommendation = rec
    return document_response(
        request,
        opinion_document(opinion),
        fmt,
        obj=opinion,
        case_id=rec.defendant.case_id,
        defendants=[rec.defendant],
    )
