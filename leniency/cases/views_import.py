"""Bulk import of intake data (the upload page, the template and its samples) and the documents transferred
with a case (the 起诉意见书's scan: list, upload, download)."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from leniency.errors import DomainError
from leniency.forms_flow import run_form

from . import access
from .attachments import (
    ALLOWED_EXTENSIONS,
    can_attach_document,
    do_attach_document,
    open_attachment,
    refuse_unless_may_open,
)
from .import_format import COLUMNS, SAMPLE_ROWS, jsonl_bytes, xlsx_bytes
from .imports import do_import_cases
from .models import CaseAttachment

MAX_IMPORT_BYTES = 20 * 1024 * 1024  # some 100,000 rows of XLSX


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("导入文件"),
        help_text=_("JSON Lines（.jsonl）或 Excel 工作簿（.xlsx），每行一名犯罪嫌疑人；列见导入模板说明。"),
    )


class AttachmentForm(forms.Form):
    kind = forms.ChoiceField(label=_("文书"), choices=CaseAttachment.Kind.choices)
    file = forms.FileField(
        label=_("扫描件"),
        help_text=_("PDF、JPEG 或 PNG；按文件开头的字节识别格式"),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(f".{e}" for e in ALLOWED_EXTENSIONS)}),
    )


def read_upload(upload, *, limit=MAX_IMPORT_BYTES) -> bytes:
    if upload.size > limit:
        raise DomainError(
            _("导入文件超过 %(mb)s MB，请分批导入") % {"mb": limit // (1024 * 1024)}, field="file"
        )
    return b"".join(upload.chunks())


@login_required
def case_import(request):
    """The case management uploads an export of its case-management system; the page shows what came in and
    every row left out, by row number and column."""
    procuratorate = request.user.organisation
    access.check_import_cases(request.user, procuratorate)
    form = ImportForm(request.POST or None, request.FILES or None)
    result, status = None, 200
    if request.method == "POST":
        outcome = run_form(
            form,
            lambda data: do_import_cases(
                procuratorate,
                data=read_upload(data["file"]),
                file_name=data["file"].name,
                acting_user=request.user,
            ),
        )
        result = outcome.value
        status = 200 if outcome.ok else 400
    return render(request, "cases/import.html", {"form": form, "result": result}, status=status)


@login_required
@require_GET
def case_import_template(request):
    """The template's columns explained (in Chinese), with the sample files to download."""
    return render(request, "cases/import_template.html", {"columns": COLUMNS, "sample": SAMPLE_ROWS})


@login_required
@require_GET
def case_import_sample(request, fmt):
    if fmt == "xlsx":
        response = HttpResponse(
            xlsx_bytes(SAMPLE_ROWS),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        response = HttpResponse(jsonl_bytes(SAMPLE_ROWS), content_type="application/jsonl; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="case_import_sample.{fmt}"'
    return response


@login_required
def case_attachments(request, pk):
    """The documents transferred with the case; the receiving procuratorate uploads them here."""
    case = get_object_or_404(access.visible_cases(request.user).select_related("procuratorate"), pk=pk)
    refuse_unless_may_open(request.user, case)
    may_attach = can_attach_document(request.user, case)
    form = AttachmentForm(request.POST or None, request.FILES or None) if may_attach else None
    status = 200
    if request.method == "POST":
        access.check_attach_document(request.user, case)  # 403 naming the rule for those who only read
        outcome = run_form(
            form,
            lambda data: do_attach_document(
                case,
                acting_user=request.user,
                fileobj=data["file"],
                original_name=data["file"].name,
                kind=data["kind"],
            ),
        )
        if outcome.ok:
            form = AttachmentForm()
        else:
            status = 400
    attachments = case.attachments.select_related("uploaded_by")
    context = {"case": case, "attachments": attachments, "form": form}
    return render(request, "cases/attachments.html", context, status=status)


@login_required
@require_GET
def case_attachment_file(request, pk):
    """The scan itself, streamed; every opening is logged. `?download=1` sends it as a download."""
    attachment = get_object_or_404(
        CaseAttachment.objects.filter(case__in=access.visible_cases(request.user)).select_related("case"),
        pk=pk,
    )
    download = request.GET.get("download") == "1"
    handle = open_attachment(attachment, acting_user=request.user, mode="download" if download else "view")
    return FileResponse(
        handle, content_type=attachment.media_type, as_attachment=download, filename=attachment.original_name
    )
