"""Pages of the study app: the withdrawal study (supervisors, auditors), the risk list, the letter record."""

from __future__ import annotations

from datetime import date, timedelta

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Max
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from leniency.cases.access import visible_defendants
from leniency.cases.models import Case, Defendant
from leniency.cases.stages import CLOSED_STAGES
from leniency.forms_flow import post_action

from . import access, services
from .analysis import SOURCES, run_study
from .features import person_rows
from .guarantees import HEAVIER_RULE, heavier_after_withdrawal, protest_flags
from .models import ImportedPerson
from .report import render_pdf_bytes, report_context
from .risk import explain, load_model, prospective_row


def _filters(request):
    """The procuratorate and period from the query string; defaults: the user's own, the last year of its cases."""
    orgs = access.study_orgs(request.user)
    if not orgs.exists():
        raise PermissionDenied
    errors = {}
    org_id = request.GET.get("org")
    org = None
    if org_id:
        org = orgs.filter(pk=org_id).first() if org_id.isdigit() else None
        if org is None:
            errors["org"] = _("请选择可查看的检察院")
    if org is None:
        org = (
            orgs.filter(pk=request.user.organisation_id).first()
            or orgs.filter(prosecuted_cases__isnull=False).distinct().first()
            or orgs.first()
        )
    source = request.GET.get("source") or "platform"
    if source not in SOURCES:
        errors["source"] = _("请选择数据来源")
        source = "platform"
    if source == "imported":
        latest = ImportedPerson.objects.filter(organisation=org).aggregate(m=Max("received_on"))["m"]
    else:
        latest = Case.objects.filter(procuratorate=org).aggregate(m=Max("received_on"))["m"]
    latest = latest or date.today()
    values = {}
    for key, default in (("from", latest - timedelta(days=365)), ("to", latest)):
        raw = request.GET.get(key, "")
        try:
            values[key] = date.fromisoformat(raw) if raw else default
        except ValueError:
            errors[key] = _("日期格式应为YYYY-MM-DD")
            values[key] = default
    if values["from"] > values["to"]:
        errors["to"] = _("结束日期不能早于开始日期")
    request.study_source = source
    return orgs, org, values["from"], values["to"], errors, request.GET


@login_required
def withdrawals(request):
    if not access.can_see_study(request.user):
        raise PermissionDenied
    orgs, org, date_from, date_to, errors, raw = _filters(request)
    context = {
        "orgs": orgs,
        "org": org,
        "date_from": date_from,
        "date_to": date_to,
        "errors": errors,
        "raw": raw,
        "source": request.study_source,
        "sources": SOURCES,
    }
    if errors:
        return render(request, "study/withdrawals.html", context, status=400)
    study = run_study(org, date_from, date_to, source=request.study_source)
    context.update(report_context(study))
    return render(request, "study/withdrawals.html", context)


@login_required
def withdrawals_pdf(request):
    if not access.can_see_study(request.user):
        raise PermissionDenied
    _orgs, org, date_from, date_to, errors, _raw = _filters(request)
    if errors:
        return HttpResponse("; ".join(str(e) for e in errors.values()), status=400)
    pdf = render_pdf_bytes(run_study(org, date_from, date_to, source=request.study_source))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'inline; filename="withdrawal-study-{org.pk}-{date_from}-{date_to}.pdf"'
    )
    return response


RISK_LIMIT = 300


@login_required
def risk_list(request):
    """The supervisor's list: open plea cases of the procuratorate by withdrawal risk, and the guarantee flags."""
    if not access.can_see_study(request.user):
        raise PermissionDenied
    orgs = access.study_orgs(request.user)
    org_id = request.GET.get("org", "")
    org = (
        (orgs.filter(pk=org_id).first() if org_id.isdigit() else None)
        or orgs.filter(pk=request.user.organisation_id).first()
        or orgs.first()
    )
    scope = request.GET.get("scope", "open")
    qs = visible_defendants(request.user).filter(case__procuratorate=org)
    if scope != "all":
        qs = qs.exclude(stage__in=CLOSED_STAGES)
    qs = qs.filter(recommendations__isnull=False).distinct().order_by("-case__received_on", "pk")[:RISK_LIMIT]
    ids = list(qs.values_list("pk", flat=True))
    model = load_model()
    names = {d.pk: d for d in Defendant.objects.filter(pk__in=ids).select_related("case")}
    items = []
    if model is not None:
        for row in person_rows(ids):
            prospective = not row.pleaded
            if prospective:
                row = prospective_row(names[row.defendant_id])
                if row is None:
                    continue
            score = explain(model, row, prospective=prospective)
            items.append((names[row.defendant_id], score))
    items.sort(key=lambda item: -item[1].probability)
    all_ids = list(
        visible_defendants(request.user).filter(case__procuratorate=org).values_list("pk", flat=True)
    )
    heavier = heavier_after_withdrawal(all_ids)
    protests = [p for p in protest_flags(all_ids) if scope == "all" or not p.decided]
    return render(
        request,
        "study/risk.html",
        {
            "orgs": orgs,
            "org": org,
            "scope": scope,
            "items": items,
            "model": model,
            "limit": RISK_LIMIT,
            "heavier": heavier,
            "protests": protests,
            "heavier_rule": HEAVIER_RULE,
        },
    )


@login_required
@require_POST
def record_letter(request, pk):
    defendant = get_object_or_404(visible_defendants(request.user).select_related("case"), pk=pk)
    return post_action(
        request,
        lambda: services.do_record_letter_delivery(
            defendant, acting_user=request.user, method=request.POST.get("method", "")
        ),
        done=_("已记录释法说理书送达"),
        then=reverse("case_detail", kwargs={"pk": defendant.case_id}),
    )
