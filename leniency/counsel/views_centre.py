"""The legal-aid centre's pages: dashboard, registry and expert database, rota, warnings, claims, rubric."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from leniency import clock
from leniency.accounts.models import User
from leniency.cases.tasks import overdue_summary
from leniency.errors import DomainError

from . import access
from .charts import monthly_rates_svg
from .dashboard import centre_figures
from .forms import (
    AnswerForm,
    ClaimDecisionForm,
    ContestForm,
    CorrectionDecisionForm,
    CorrectionForm,
    DashboardFilterForm,
    DecideWarningForm,
    RegistrySearchForm,
    RotaPeriodForm,
)
from .models import Claim, Contest, LawyerProfile, RotaCorrection, RotaMember
from .pay import claims_csv, claims_xlsx, do_decide_claim, do_record_export, payable
from .quality import current_rubric, do_answer_contest, do_contest_warning, do_decide_warning, do_open_review
from .registry import search_registry
from .rota import (
    do_create_rota_period,
    do_decide_rota_correction,
    do_publish_rota,
    do_request_rota_correction,
)


def _require(condition):
    if not condition:
        raise PermissionDenied


@login_required
def dashboard(request):
    _require(access.can_view_dashboard(request.user))
    today = clock.today()
    form = DashboardFilterForm(request.GET or None)
    date_from, date_to = today - timedelta(days=365), today
    if form.is_bound and form.is_valid():
        date_from = form.cleaned_data["date_from"] or date_from
        date_to = form.cleaned_data["date_to"] or date_to
    figures = centre_figures(request.user, date_from=date_from, date_to=date_to)
    status = 400 if form.is_bound and form.errors else 200
    chart = mark_safe(monthly_rates_svg(figures["months"]))  # noqa: S308 - our own matplotlib output
    return render(
        request,
        "counsel/dashboard.html",
        {
            "form": form,
            "f": figures,
            "date_from": date_from,
            "date_to": date_to,
            "chart": chart,
            # Overdue cases now (not over the period), per procuratorate and court of the user's region.
            "overdue_by_organisation": overdue_summary(request.user, today=today).by_organisation,
        },
        status=status,
    )


@login_required
def registry(request, experts=False):
    user = request.user
    if experts:
        _require(access.can_search_experts(user))
        profiles = LawyerProfile.objects.all()
    else:
        _require(access.can_run_centre(user) or access.is_association(user) or access.sees_all(user))
        profiles = access.visible_profiles(user)
    form = RegistrySearchForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    profiles = search_registry(
        profiles,
        q=data.get("q", ""),
        specialty=data.get("specialty"),
        experts_only=experts or data.get("experts_only", False),
    )
    return render(
        request,
        "counsel/registry.html",
        {"form": form, "profiles": profiles[:300], "experts": experts, "today": clock.today()},
    )


@login_required
def lawyer_detail(request, pk):
    profile = get_object_or_404(
        access.visible_profiles(request.user).select_related("user", "firm", "region"), pk=pk
    )
    return render(
        request,
        "counsel/lawyer_detail.html",
        {
            "profile": profile,
            "today": clock.today(),
            "training": profile.training.all(),
            "warnings": access.visible_warnings(request.user).filter(lawyer=profile.user),
            "restrictions": profile.user.counsel_restrictions.all(),
        },
    )


@login_required
def rota_list(request):
    periods = (
        access.visible_periods(request.user).select_related("station").prefetch_related("members__lawyer")
    )
    _require(access.can_run_centre(request.user) or request.user.is_lawyer or access.sees_all(request.user))
    today = clock.today()
    return render(
        request,
        "counsel/rota_list.html",
        {
            "periods": periods.filter(ends_on__gte=today - timedelta(days=92))[:60],
            "now": clock.now(),
            "can_manage": access.can_run_centre(request.user),
        },
    )


@login_required
def rota_new(request):
    """The centre draws up a rota period from its registered, accredited lawyers (then publishes it)."""
    _require(access.can_run_centre(request.user))
    lawyers = User.objects.filter(
        lawyer_profile__in=access.visible_profiles(request.user).filter(duty_accredited=True)
    ).order_by("display_name")
    form = RotaPeriodForm(
        request.POST or None, stations=access.visible_stations(request.user), lawyers=lawyers
    )
    if request.method == "POST" and form.is_valid():
        try:
            period = do_create_rota_period(
                form.cleaned_data["station"],
                starts_on=form.cleaned_data["starts_on"],
                ends_on=form.cleaned_data["ends_on"],
                lawyers=list(form.cleaned_data["lawyers"]),
                acting_user=request.user,
            )
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, _("排班已编制，公示后生效"))
            return redirect("counsel:rota_detail", pk=period.pk)
    return render(request, "counsel/rota_form.html", {"form": form}, status=400 if form.is_bound else 200)


@login_required
def rota_detail(request, pk):
    period = get_object_or_404(access.visible_periods(request.user).select_related("station"), pk=pk)
    members = period.members.select_related("lawyer").prefetch_related("corrections")
    return render(
        request,
        "counsel/rota_detail.html",
        {
            "period": period,
            "members": members,
            "now": clock.now(),
            "can_manage": access.can_run_centre(request.user)
            and access.visible_stations(request.user).filter(pk=period.station_id).exists(),
            "correction_form": CorrectionForm(),
            "decision_form": CorrectionDecisionForm(),
        },
    )


@login_required
@require_POST
def rota_publish(request, pk):
    period = get_object_or_404(access.visible_periods(request.user), pk=pk)
    _require(access.can_run_centre(request.user))
    try:
        do_publish_rota(period, acting_user=request.user)
    except DomainError as error:
        messages.error(request, error.message)
    return redirect("counsel:rota_detail", pk=pk)


@login_required
@require_POST
def rota_correction(request, member_id):
    member = get_object_or_404(
        RotaMember.objects.select_related("period"),
        pk=member_id,
        period__in=access.visible_periods(request.user),
    )
    access.check_request_rota_correction(request.user, member)
    form = CorrectionForm(request.POST)
    if form.is_valid():
        try:
            do_request_rota_correction(member, reason=form.cleaned_data["reason"], acting_user=request.user)
            messages.success(request, _("纠错申请已提交"))
        except DomainError as error:
            messages.error(request, error.message)
    else:
        messages.error(request, _("请说明纠错理由"))
    return redirect("counsel:rota_detail", pk=member.period_id)


@login_required
@require_POST
def rota_correction_decide(request, pk):
    _require(access.can_run_centre(request.user))
    correction = get_object_or_404(
        RotaCorrection.objects.select_related("member__period"),
        pk=pk,
        member__period__station__in=access.visible_stations(request.user),
    )
    form = CorrectionDecisionForm(request.POST)
    if form.is_valid():
        try:
            do_decide_rota_correction(
                correction,
                accept=form.cleaned_data["accept"],
                answer=form.cleaned_data["answer"],
                acting_user=request.user,
            )
        except DomainError as error:
            messages.error(request, error.message)
    return redirect("counsel:rota_detail", pk=correction.member.period_id)


@login_required
def warning_list(request):
    warnings = access.visible_warnings(request.user).select_related("lawyer").prefetch_related("contests")
    _require(
        request.user.is_lawyer
        or access.can_run_centre(request.user)
        or access.is_association(request.user)
        or access.sees_all(request.user)
    )
    return render(request, "counsel/warning_list.html", {"warnings": warnings[:300]})


def _render_warning(request, warning, *, forms=None, status=200):
    user = request.user
    manages = access.manages_lawyer(user, warning.lawyer)
    pending_contest = warning.contests.filter(status=Contest.Status.PENDING).first()
    forms = forms or {}
    context = {
        "warning": warning,
        "contests": warning.contests.all(),
        "manages": manages,
        "restriction": getattr(warning, "restriction", None),
        "decide_form": forms.get("decide")
        or (DecideWarningForm() if manages and warning.status == "review" else None),
        "contest_form": forms.get("contest")
        or (
            ContestForm()
            if user.pk == warning.lawyer_id and warning.status != "dismissed" and not pending_contest
            else None
        ),
        "answer_form": forms.get("answer") or (AnswerForm() if manages and pending_contest else None),
        "pending_contest": pending_contest,
    }
    return render(request, "counsel/warning_detail.html", context, status=status)


@login_required
def warning_detail(request, pk):
    warning = get_object_or_404(
        access.visible_warnings(request.user).select_related("lawyer__lawyer_profile"), pk=pk
    )
    return _render_warning(request, warning)


@login_required
@require_POST
def warning_action(request, pk, action):
    warning = get_object_or_404(
        access.visible_warnings(request.user).select_related("lawyer__lawyer_profile"), pk=pk
    )
    user = request.user
    manages = access.manages_lawyer(user, warning.lawyer)
    forms = {}
    try:
        if action == "review" and manages:
            do_open_review(warning, acting_user=user)
        elif action == "decide" and manages:
            form = forms["decide"] = DecideWarningForm(request.POST)
            if not form.is_valid():
                return _render_warning(request, warning, forms=forms, status=400)
            do_decide_warning(
                warning,
                restrict=form.cleaned_data["decision"] == "restrict",
                days=form.cleaned_data["days"],
                reason=form.cleaned_data["reason"],
                acting_user=user,
            )
        elif action == "contest" and user.pk == warning.lawyer_id:
            form = forms["contest"] = ContestForm(request.POST)
            if not form.is_valid():
                return _render_warning(request, warning, forms=forms, status=400)
            do_contest_warning(warning, statement=form.cleaned_data["statement"], acting_user=user)
        elif action == "answer" and manages:
            form = forms["answer"] = AnswerForm(request.POST)
            contest = warning.contests.filter(status=Contest.Status.PENDING).first()
            if not form.is_valid() or contest is None:
                return _render_warning(request, warning, forms=forms, status=400)
            do_answer_contest(
                contest,
                upheld=form.cleaned_data["upheld"],
                answer=form.cleaned_data["answer"],
                acting_user=user,
            )
        else:
            return HttpResponseForbidden()
    except DomainError as error:
        form = next(iter(forms.values()), None)
        if form is None:
            messages.error(request, error.message)
        else:
            form.add_error(error.field if error.field in form.fields else None, error.message)
            return _render_warning(request, warning, forms=forms, status=400)
    return redirect("counsel:warning_detail", pk=pk)


@login_required
def claim_list(request):
    user = request.user
    _require(user.is_lawyer or access.can_run_centre(user) or access.sees_all(user))
    claims = access.visible_claims(user).select_related("lawyer", "assignment__defendant__case")
    status = request.GET.get("status")
    if status in Claim.Status.values:
        claims = claims.filter(status=status)
    return render(
        request,
        "counsel/claim_list.html",
        {
            "claims": claims[:300],
            "status": status,
            "statuses": Claim.Status.choices,
            "can_decide": access.can_run_centre(user),
            "decision_form": ClaimDecisionForm(),
        },
    )


@login_required
@require_POST
def claim_decide(request, pk):
    _require(access.can_run_centre(request.user))
    claim = get_object_or_404(access.visible_claims(request.user).select_related("assignment"), pk=pk)
    form = ClaimDecisionForm(request.POST)
    if form.is_valid():
        try:
            do_decide_claim(
                claim,
                approve=form.cleaned_data["approve"],
                note=form.cleaned_data["note"],
                acting_user=request.user,
            )
            messages.success(request, _("已审核"))
        except DomainError as error:
            messages.error(request, error.message)
    return redirect("counsel:claims")


@login_required
def claim_export(request, fmt):
    if fmt not in ("csv", "xlsx"):
        raise Http404
    _require(access.can_run_centre(request.user) or access.sees_all(request.user))
    claims = list(payable(access.visible_claims(request.user)))
    stamp = clock.today().strftime("%Y%m%d")
    if fmt == "csv":
        response = HttpResponse("\ufeff" + claims_csv(claims), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(
            claims_xlsx(claims),
            content_type=("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        )
    response["Content-Disposition"] = f'attachment; filename="counsel-claims-{stamp}.{fmt}"'
    if access.can_run_centre(request.user):
        do_record_export(claims, fmt=fmt, acting_user=request.user)
    return response


def rubric(request):
    """The published rubric: public, so lawyers and defendants know how lawyers are rated."""
    try:
        current = current_rubric()
    except DomainError:
        current = None
    return render(
        request,
        "counsel/rubric.html",
        {"rubric": current, "criteria": current.criteria.all() if current else []},
    )
