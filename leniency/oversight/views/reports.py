"""The supervising bodies' inbox of public reports: read, reply, escalate, download attachments."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from leniency import clock
from leniency.forms_flow import form_post

from .. import attachments
from ..access import can_handle_report, can_open_inbox, can_see_reporter, visible_reports
from ..forms import EscalateForm, ReplyForm
from ..models import PublicReport
from ..reports import do_escalate_report, do_record_attachment_access, do_reply_to_report, escalate_overdue
from ..workdays import is_provisional


@login_required
def report_inbox(request):
    if not can_open_inbox(request.user):
        raise Http404
    escalated = escalate_overdue()  # overdue reports are handed to the committee whenever an inbox is opened
    if escalated:
        messages.info(request, _("%(n)s 件逾期未答复的举报已自动移交监督评议委员会") % {"n": len(escalated)})
    status = request.GET.get("status", "")
    rows = visible_reports(request.user).select_related("routed_to")
    if status in PublicReport.Status.values:
        rows = rows.filter(status=status)
    today = clock.today()
    return render(
        request,
        "oversight/report_inbox.html",
        {
            "reports": rows[:200],
            "today": today,
            "status": status,
            "statuses": PublicReport.Status.choices,
        },
    )


def _report_page(request, report, *, reply_form=None, escalate_form=None, status=200):
    handler = can_handle_report(request.user, report)
    return render(
        request,
        "oversight/report_detail.html",
        {
            "report": report,
            "handler": handler,
            "show_reporter": can_see_reporter(request.user, report),
            "replies": report.replies.select_related("author"),
            "reply_form": reply_form or ReplyForm(),
            "escalate_form": escalate_form or EscalateForm(),
            "today": clock.today(),
            "provisional": is_provisional(report.due_on.year),
            "petition": getattr(report, "petition", None),
        },
        status=status,
    )


@login_required
def report_detail(request, pk):
    report = get_object_or_404(
        visible_reports(request.user).select_related("routed_to", "case", "region"), pk=pk
    )
    return _report_page(request, report)


@login_required
@require_POST
def report_reply(request, pk):
    report = get_object_or_404(visible_reports(request.user), pk=pk)
    if not can_handle_report(request.user, report):
        raise Http404
    return form_post(
        request,
        ReplyForm(request.POST),
        lambda data: do_reply_to_report(
            report, text=data["text"], public=data["public"], acting_user=request.user
        ),
        done=_("已记录答复"),
        then=reverse("oversight_report_detail", kwargs={"pk": report.pk}),
        invalid=lambda form: _report_page(request, report, reply_form=form, status=400),
    )


@login_required
@require_POST
def report_escalate(request, pk):
    report = get_object_or_404(visible_reports(request.user), pk=pk)
    if not can_handle_report(request.user, report):
        raise Http404
    return form_post(
        request,
        EscalateForm(request.POST),
        lambda data: do_escalate_report(report, reason=data["reason"], acting_user=request.user),
        done=lambda petition: _("已移交监督评议委员会（评议申请 #%(pk)s）") % {"pk": petition.pk},
        then=reverse("oversight_report_detail", kwargs={"pk": report.pk}),
        invalid=lambda form: _report_page(request, report, escalate_form=form, status=400),
    )


@login_required
def report_attachment(request, pk, attachment_id):
    report = get_object_or_404(visible_reports(request.user), pk=pk)
    if not can_handle_report(request.user, report):
        raise Http404
    item = get_object_or_404(report.attachments, pk=attachment_id)
    storage = attachments.attachment_storage()
    if not storage.exists(item.file_name):
        raise Http404
    do_record_attachment_access(item, acting_user=request.user)
    return FileResponse(
        storage.open(item.file_name, "rb"),
        as_attachment=True,
        filename=item.original_name,
        content_type="application/octet-stream",
    )
