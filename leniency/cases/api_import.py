"""JSON API of the bulk import (multipart upload) and of the documents transferred with a case.

Operation ids follow the `leniency_cases_api_<function>` form of the app's own api module, which the access
matrix reads to pair each URL name with its operation."""

from datetime import datetime

from django.http import FileResponse
from django.shortcuts import get_object_or_404
from ninja import File, Form, Router, Schema, Status
from ninja.files import UploadedFile

from . import access
from .attachments import do_attach_document, open_attachment, refuse_unless_may_open
from .imports import do_import_cases
from .models import CaseAttachment
from .views_import import read_upload

router = Router(tags=["cases"])


class ImportRowErrorOut(Schema):
    row: int
    field: str
    column: str
    message: str


class ImportedCaseOut(Schema):
    id: int
    number: str
    transfer_document_number: str


class CaseImportOut(Schema):
    rows: int
    rows_imported: int
    rows_with_errors: int
    cases_created: list[ImportedCaseOut]
    cases_updated: list[ImportedCaseOut]
    defendants_created: int
    defendants_updated: int
    defendants_unchanged: int
    errors: list[ImportRowErrorOut]


@router.post(
    "/intake/import",
    response=CaseImportOut,
    summary="Bulk import of intake data (multipart `file`: JSON Lines or XLSX, one row per defendant)",
    operation_id="leniency_cases_api_import_cases",
)
def import_cases(request, file: File[UploadedFile]):
    procuratorate = request.user.organisation
    access.check_import_cases(request.user, procuratorate)
    result = do_import_cases(
        procuratorate, data=read_upload(file), file_name=file.name, acting_user=request.user
    )
    return {
        **result.summary(),
        "cases_created": result.cases_created,
        "cases_updated": result.cases_updated,
        "errors": [{**e.__dict__, "column": e.column} for e in result.errors],
    }


class CaseAttachmentOut(Schema):
    id: int
    case_id: int
    kind: str
    original_name: str
    media_type: str
    size: int
    sha256: str
    uploaded_at: datetime


class CaseAttachmentIn(Schema):
    kind: CaseAttachment.Kind = CaseAttachment.Kind.TRANSFER_OPINION


def _readable_case(request, case_id):
    case = get_object_or_404(access.visible_cases(request.user), pk=case_id)
    refuse_unless_may_open(request.user, case)
    return case


@router.get(
    "/cases/{case_id}/attachments",
    response=list[CaseAttachmentOut],
    summary="Documents transferred with the case",
    operation_id="leniency_cases_api_list_attachments",
)
def list_attachments(request, case_id: int):
    return list(_readable_case(request, case_id).attachments.all())


@router.post(
    "/cases/{case_id}/attachments",
    response={201: CaseAttachmentOut},
    summary="Attach a scanned document (multipart `file`: PDF, JPEG or PNG, typed from its first bytes)",
    operation_id="leniency_cases_api_attach",
)
def attach(request, case_id: int, payload: Form[CaseAttachmentIn], file: File[UploadedFile]):
    case = get_object_or_404(access.visible_cases(request.user), pk=case_id)
    attachment = do_attach_document(
        case, acting_user=request.user, fileobj=file, original_name=file.name, kind=payload.kind
    )
    return Status(201, attachment)


@router.get(
    "/cases/attachments/{attachment_id}/file",
    summary="The scan itself (streamed; every access is logged)",
    operation_id="leniency_cases_api_attachment_file",
)
def attachment_file(request, attachment_id: int, download: bool = False):
    attachment = get_object_or_404(
        CaseAttachment.objects.filter(case__in=access.visible_cases(request.user)).select_related("case"),
        pk=attachment_id,
    )
    handle = open_attachment(attachment, acting_user=request.user, mode="download" if download else "view")
    return FileResponse(
        handle, content_type=attachment.media_type, as_attachment=download, filename=attachment.original_name
    )
