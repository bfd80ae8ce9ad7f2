"""Public pages (no log-in): figures, typical cases, reports. Staff pages: the typical-case workflow and the
report button. Views are thin: the services change state, present.py prepares the figures.

The public pages' reads go to the read replica where one is configured and the visitor is not logged in
(`public_reads`, leniency/database_routers.py); the staff pages always read from the primary."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from leniency import clock
from leniency.cases.access import visible_cases
from leniency.database_routers import public_reads
from leniency.errors import DomainError

from . import access, calculator_page, opendata, services, standards_pages
from .anonymise import diff_html
from .figures import DIMENSIONS, dimension_label
from .models import TransparencyReport, TypicalCase
from .periods import parse_period, recent_quarters
from .present import portal_figures
from .reports import do_generate_report, open_report


def _period_choices(today):
    return [("all", _("全部期间"))] + [(q, q) for q in recent_quarters(today, 8)]


@public_reads
def index(request):
    today = clock.today()
    try:
        period = parse_period(request.GET.get("period", "all"))
    except ValueError:
        period = parse_period("all")
    by = request.GET.get("by", "region")
    if by not in DIMENSIONS:
        by = "region"
    data = portal_figures(period, by)
    return render(
        request,
        "portal/index.html",
        {
            **data,
            "period_choices": _period_choices(today),
            "dimensions": [(d, dimension_label(d)) for d in DIMENSIONS],
            "reports": TransparencyReport.objects.filter(published=True)[:4],
            "cases": TypicalCase.objects.filter(status=TypicalCase.Status.PUBLISHED)[:4],
        },
    )


@public_reads
def cases(request):
    q = request.GET.get("q", "").strip()
    qs = TypicalCase.objects.filter(status=TypicalCase.Status.PUBLISHED)
    if q:
        for word in q.split()[:5]:
            qs = qs.filter(
                Q(public_title__icontains=word)
                | Q(public_text__icontains=word)
                | Q(crime__icontains=word)
                | Q(keywords__icontains=word)
                | Q(number__icontains=word)
                | Q(region_label__icontains=word)
            )
    crime = request.GET.get("crime", "")
    if crime:
        qs = qs.filter(crime=crime)
    page = Paginator(qs, 20).get_page(request.GET.get("page"))
    crimes = (
        TypicalCase.objects.filter(status=TypicalCase.Status.PUBLISHED)
        .exclude(crime="")
        .values_list("crime", flat=True)
        .distinct()
        .order_by("crime")
    )
    return render(request, "portal/cases.html", {"page": page, "q": q, "crime": crime, "crimes": crimes})


@public_reads
def case_detail(request, number):
    tc = get_object_or_404(TypicalCase, number=number, status=TypicalCase.Status.PUBLISHED)
    return render(request, "portal/case_detail.html", {"tc": tc})


@public_reads
def reports(request):
    """The public list: one query, no look into the file storage (each report row names its files)."""
    rows = TransparencyReport.objects.filter(published=True)
    return render(request, "portal/reports.html", {"reports": rows})


def _period_and_by(request):
    try:
        period = parse_period(request.GET.get("period", "all"))
    except ValueError:
        period = parse_period("all")
    by = request.GET.get("by", "region")
    return period, (by if by in DIMENSIONS else "region")


@public_reads
def data_file(request, key, fmt):
    """One public table as CSV or XLSX ("all.xlsx": every table, a sheet each), with its definition and N."""
    if fmt not in ("csv", "xlsx") or (key == "all" and fmt != "xlsx"):
        raise Http404(fmt)
    period, by = _period_and_by(request)
    items = opendata.tables(period, by)
    if key != "all":
        items = [t for t in items if t.key == key]
        if not items:
            raise Http404(key)
    name = f"leniency-{key}-{period.code}-{by}.{fmt}"
    if fmt == "csv":
        response = HttpResponse(opendata.to_csv(items[0], period), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(
            opendata.to_xlsx(items, period),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@public_reads
def standards(request):
    std = standards_pages.standard()
    return render(
        request,
        "portal/standards.html",
        {"crimes": standards_pages.crimes(std), "version": std.versions.get("label_zh", std.version)},
    )


@public_reads
def calculator(request):
    """The public calculator: structured facts only (GET), nothing stored."""
    extra = calculator_page.unexpected_fields(request.GET)
    if extra:
        form = calculator_page.CalculatorForm()
        error = _("公开计算器只接受表单中的结构化事实，不接受文字描述或其他参数：%(fields)s") % {
            "fields": "、".join(extra)
        }
        return render(request, "portal/calculator.html", {"form": form, "error": error}, status=400)
    form = calculator_page.CalculatorForm(request.GET or None)
    outcome = calculator_page.result(form.cleaned_data) if form.is_bound and form.is_valid() else None
    return render(request, "portal/calculator.html", {"form": form, "result": outcome})


@public_reads
def standard(request, crime):
    std = standards_pages.standard()
    found = standards_pages.find_crime(crime, std)
    if found is None:
        raise Http404(crime)
    return render(request, "portal/standard.html", {"c": standards_pages.crime_page(found, std)})


@public_reads
def report_file(request, pk, kind):
    report = get_object_or_404(TransparencyReport, pk=pk, published=True)
    # A report made before the tables were written beside it has no XLSX: 404.
    name = {"html": report.html_file, "pdf": report.pdf_file, "xlsx": report.xlsx_file}.get(kind)
    if not name:
        raise Http404
    stored = open_report(name)  # from the file storage, streamed: any app server serves any worker's report
    if stored is None:
        raise Http404
    content_type = {
        "pdf": "application/pdf",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    }.get(kind, "text/html; charset=utf-8")
    return FileResponse(
        stored,
        content_type=content_type,
        as_attachment=False,
        filename=f"leniency-report-{report.period}.{kind}",
    )


# ---- staff: typical-case workflow and the report button -------------------------------------------------


def _require(allowed: bool):
    if not allowed:
        raise PermissionDenied


@login_required
def manage(request):
    _require(access.can_manage_cases(request.user) or access.can_generate_report(request.user))
    qs = TypicalCase.objects.select_related("case", "proposed_by")
    if not access.can_review(request.user):
        qs = qs.filter(proposed_by=request.user)
    return render(
        request,
        "portal/manage.html",
        {
            "typical_cases": qs.order_by("-proposed_at")[:100],
            "can_propose": access.can_propose(request.user),
            "can_review": access.can_review(request.user),
            "can_generate": access.can_generate_report(request.user),
            "reports": TransparencyReport.objects.all()[:20],
            "period_choices": recent_quarters(clock.today(), 8),
            "form": request.POST if request.method == "POST" else {},
        },
    )


@login_required
@require_POST
def propose(request):
    access.check_propose_typical_case(request.user)
    number = request.POST.get("case_number", "").strip()
    case = visible_cases(request.user).filter(number=number).first()
    try:
        if case is None:
            raise DomainError(_("找不到该案号，或无权访问该案件"), field="case_number")
        tc = services.do_propose_typical_case(
            case,
            title=request.POST.get("title", ""),
            reasons=request.POST.get("reasons", ""),
            acting_user=request.user,
        )
        tc = services.do_anonymise_typical_case(tc, acting_user=request.user)
    except DomainError as error:
        messages.error(request, error.message)
        response = manage(request)
        response.status_code = 400
        return response
    messages.success(request, _("已提议并完成自动匿名化，等待审核。"))
    return redirect("portal:review", pk=tc.pk)


def _visible_typical_case(user, pk) -> TypicalCase:
    tc = get_object_or_404(TypicalCase.objects.select_related("case", "proposed_by", "reviewed_by"), pk=pk)
    if not (access.can_review(user) or tc.proposed_by_id == user.pk):
        raise Http404
    return tc


@login_required
def review(request, pk):
    tc = _visible_typical_case(request.user, pk)
    error = None
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "anonymise":
                names = request.POST.get("extra_names", "").replace("，", ",").replace("、", ",").split(",")
                tc = services.do_anonymise_typical_case(tc, acting_user=request.user, extra_names=names)
                messages.success(request, _("已重新匿名化。"))
            elif action == "publish":
                tc = services.do_publish_typical_case(
                    tc,
                    acting_user=request.user,
                    public_title=request.POST.get("public_title"),
                    public_text=request.POST.get("public_text"),
                    keywords=request.POST.get("keywords", ""),
                    note=request.POST.get("note", ""),
                )
                messages.success(request, _("已发布典型案例 %(n)s。") % {"n": tc.number})
            elif action == "reject":
                tc = services.do_reject_typical_case(
                    tc, acting_user=request.user, note=request.POST.get("note", "")
                )
            elif action == "withdraw":
                tc = services.do_withdraw_typical_case(
                    tc, acting_user=request.user, note=request.POST.get("note", "")
                )
            else:
                raise DomainError(_("未知操作"), field="action")
            return redirect("portal:review", pk=tc.pk)
        except DomainError as exc:
            error = exc
    context = {
        "tc": tc,
        "diff": diff_html(tc.source_text, tc.public_text) if tc.public_text else "",
        "title_diff": diff_html(tc.title, tc.public_title) if tc.public_title else "",
        "can_review": access.can_review(request.user) and tc.proposed_by_id != request.user.pk,
        "error": error,
        "form": request.POST if error else {},
    }
    return render(request, "portal/review.html", context, status=400 if error else 200)


@login_required
@require_POST
def generate(request):
    access.check_generate_report(request.user)
    period = request.POST.get("period", "")
    try:
        parse_period(period)
        if period == "all":
            raise ValueError
    except ValueError:
        messages.error(request, _("期间格式应为 2026-Q3"))
        return redirect("portal:manage")
    report = do_generate_report(period, user=request.user)
    messages.success(request, _("已生成 %(period)s 透明度报告。") % {"period": report.period})
    return redirect("portal:manage")
