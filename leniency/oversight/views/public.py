"""Pages anyone may use without logging in: submit a report, see its tracking code once, check its status."""

from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from leniency.errors import DomainError

from .. import conf, ratelimit
from ..forms import PublicReportForm, StatusForm
from ..reports import do_submit_report, find_by_code, format_code, public_status

SESSION_KEY = "oversight_new_code"


def report_new(request):
    limit = conf.get("OVERSIGHT_REPORTS_PER_HOUR")
    address = ratelimit.client_address(request)
    limited_message = _("提交过于频繁：同一网络地址每小时最多提交 %(n)s 件举报，请一小时后再试。") % {
        "n": limit
    }
    if request.method == "POST":
        form = PublicReportForm(request.POST, request.FILES)
        valid = form.is_valid()
        # A valid report takes one of the address's uses at once (atomic), given back if it is not filed.
        allowed = (
            ratelimit.take("report", address, limit)
            if valid
            else not ratelimit.is_limited("report", address, limit)
        )
        if not allowed:
            form.add_error(None, limited_message)
            return render(request, "oversight/report_form.html", _context(form, limited=True), status=429)
        if valid:
            data = form.cleaned_data
            try:
                _report, code = do_submit_report(
                    kind=data["kind"],
                    description=data["description"],
                    case_number=data["case_number"],
                    region=data["region"],
                    reporter_name=data["reporter_name"],
                    reporter_contact=data["reporter_contact"],
                    files=data["attachments"],
                )
            except DomainError as error:
                ratelimit.give_back("report", address)
                form.add_error(error.field if error.field in form.fields else None, error.message)
            else:
                request.session[SESSION_KEY] = code
                return redirect("oversight_report_submitted")
        return render(request, "oversight/report_form.html", _context(form), status=400)
    return render(request, "oversight/report_form.html", _context(PublicReportForm()))


def _context(form, **extra):
    return {"form": form, "answer_days": conf.get("OVERSIGHT_ANSWER_WORKING_DAYS"), **extra}


@never_cache
def report_submitted(request):
    """Shows the tracking code once: it is taken out of the session and never stored in clear."""
    code = request.session.pop(SESSION_KEY, None)
    if code is None:
        return redirect("oversight_report_status")
    return render(request, "oversight/report_submitted.html", {"code": format_code(code)})


@never_cache
def report_status(request):
    context = {"form": StatusForm()}
    status = 200
    if request.method == "POST":
        form = StatusForm(request.POST)
        context["form"] = form
        address = ratelimit.client_address(request)
        limit = conf.get("OVERSIGHT_STATUS_CHECKS_PER_HOUR")
        valid = form.is_valid()
        allowed = (
            ratelimit.take("status", address, limit)
            if valid
            else not ratelimit.is_limited("status", address, limit)
        )
        if not allowed:
            form.add_error(None, _("查询过于频繁，请一小时后再试。"))
            return render(request, "oversight/report_status.html", context, status=429)
        if valid:
            report = find_by_code(form.cleaned_data["code"])
            if report is None:
                form.add_error("code", _("未找到该查询码对应的举报，请核对后重试。"))
                status = 404
            else:
                context["status"] = public_status(report)
        else:
            status = 400
    return render(request, "oversight/report_status.html", context, status=status)
