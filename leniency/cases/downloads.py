"""Sending a document (leniency/documents) as PDF or Word: every download is an audit event (who, which
document, which format, the SHA-256 of the bytes sent, whether the ID number was masked) and, where the document
prints personal data, a personal-data read of each defendant it names — as recording downloads are logged.

Callers decide access first and build the document for the reader's role (masked unless `can_see_identity`).
"""

from __future__ import annotations

import hashlib

from django.db import transaction
from django.http import Http404, HttpResponse

from leniency.audit.personal_data import log_personal_data_read
from leniency.audit.trail import record
from leniency.documents.model import Document
from leniency.documents.render import DOCX_MEDIA_TYPE, document_docx, document_pdf

from .access import can_see_identity

FORMATS = {"pdf": "application/pdf", "docx": DOCX_MEDIA_TYPE}
ACTION = "documents.downloaded"


def show_identity(user) -> bool:
    """Full ID numbers in a document only for those who may see them on the identity page."""
    return can_see_identity(user)


def render_document(doc: Document, fmt: str) -> bytes:
    if fmt == "pdf":
        return document_pdf(doc)
    if fmt == "docx":
        return document_docx(doc)
    raise Http404(fmt)


def log_download(
    user,
    *,
    title: str,
    file: str,
    fmt: str,
    sha256: str,
    fields: str,
    obj,
    case_id,
    defendants,
    path: str = "",
) -> None:
    """The audit event and the personal-data reads of one download (a log of a read already allowed): `fields`
    names the personal data the file prints ("" for none: no read row)."""
    with transaction.atomic():
        record(
            ACTION,
            actor=user,
            obj=obj,
            case_id=case_id,
            data={
                "document": title,
                "file": file,
                "format": fmt,
                "sha256": sha256,
                "fields": fields,
                "defendants": [d.pk for d in defendants],
                # the timeline shows an event to those who may see its defendant (audit.timeline)
                **({"defendant": defendants[0].pk} if len(defendants) == 1 else {}),
            },
        )
        if fields:
            log_personal_data_read(user, defendants, fields=fields, via="document", path=path)


def document_response(request, doc: Document, fmt: str, *, obj, case_id, defendants) -> HttpResponse:
    """Render, log and send `doc` as an attachment in `fmt` ("pdf" or "docx"; anything else is 404)."""
    if fmt not in FORMATS:
        raise Http404(fmt)
    data = render_document(doc, fmt)
    log_download(
        request.user,
        title=doc.title,
        file=f"{doc.filename}.{fmt}",
        fmt=fmt,
        sha256=hashlib.sha256(data).hexdigest(),
        fields=",".join(doc.personal_fields),
        obj=obj,
        case_id=case_id,
        defendants=defendants,
        path=request.path,
    )
    response = HttpResponse(data, content_type=FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{doc.filename}.{fmt}"'
    return response
