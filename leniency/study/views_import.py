"""The upload page of historical records for the study, the template's columns explained, and its samples."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from leniency.errors import DomainError
from leniency.forms_flow import run_form

from . import access
from .import_format import COLUMNS, SAMPLE_ROWS, csv_bytes, xlsx_bytes
from .imports import do_import_study_records
from .models import ImportedPerson

MAX_IMPORT_BYTES = 20 * 1024 * 1024


class StudyImportForm(forms.Form):
    org = forms.ModelChoiceField(label=_("检察院"), queryset=None, empty_label=None)
    file = forms.FileField(
        label=_("导入文件"),
        help_text=_("Excel 工作簿（.xlsx）、CSV 或 JSON Lines，每行一人；列见导入模板说明。"),
    )

    def __init__(self, *args, orgs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["org"].queryset = orgs


def _read(upload) -> bytes:
    if upload.size > MAX_IMPORT_BYTES:
        raise DomainError(
            _("导入文件超过 %(mb)s MB，请分批导入") % {"mb": MAX_IMPORT_BYTES // (1024 * 1024)}, field="file"
        )
    return b"".join(upload.chunks())


@login_required
def study_import(request):
    """A supervising prosecutor loads the procuratorate's historical records; the page lists every row left out
    by row number and column."""
    orgs = access.study_orgs(request.user)
    if not orgs.exists():
        raise PermissionDenied
    form = StudyImportForm(
        request.POST or None,
        request.FILES or None,
        orgs=orgs,
        initial={"org": orgs.filter(pk=request.user.organisation_id).first()},
    )
    result, status = None, 200
    if request.method == "POST":
        outcome = run_form(
            form,
            lambda data: do_import_study_records(
                data["org"], data=_read(data["file"]), file_name=data["file"].name, acting_user=request.user
            ),
        )
        result, status = outcome.value, 200 if outcome.ok else 400
    held = {
        o.name: n
        for o in orgs
        if (n := ImportedPerson.objects.filter(organisation=o).count())  # a handful of procuratorates
    }
    context = {"form": form, "result": result, "held": held}
    return render(request, "study/import.html", context, status=status)


@login_required
@require_GET
def study_import_template(request):
    if not access.can_see_study(request.user):
        raise PermissionDenied
    return render(request, "study/import_template.html", {"columns": COLUMNS})


@login_required
@require_GET
def study_import_sample(request, fmt):
    if not access.can_see_study(request.user):
        raise PermissionDenied
    if fmt == "xlsx":
        body, media = (
            xlsx_bytes(SAMPLE_ROWS),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    elif fmt == "csv":
        body, media = csv_bytes(SAMPLE_ROWS), "text/csv; charset=utf-8"
    else:
        raise Http404
    response = HttpResponse(body, content_type=media)
    response["Content-Disposition"] = f'attachment; filename="study_import_sample.{fmt}"'
    return response
