"""Pages for requests, assignments (participation log, ratings, claim) and the lawyer's own page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from leniency import clock
from leniency.accounts.capabilities import has_capability
from leniency.accounts.models import User
from leniency.cases.access import visible_cases, visible_defendants
from leniency.cases.stages import CLOSED_STAGES
from leniency.errors import DomainError
from leniency.forms_flow import form_post, post_action, run_form

from . import access
from .conflicts import do_register_conflict, do_withdraw_conflict, visible_conflicts
from .forms import (
    AvailabilityForm,
    ConflictForm,
    OverrideForm,
    ParticipationForm,
    RatingForm,
    RequestForm,
    WithdrawConflictForm,
)
from .models import Allocation, Claim, ConflictOfInterest, CounselRequest, QualityWarning, Rating, Severity
from .participation import do_log_participation, figures_for
from .pay import do_submit_claim, quote
from .quality import current_rubric, do_rate_counsel
from .registry import do_set_availability
from .rota import do_override_allocation, do_request_counsel


def _error(form, error: DomainError):
    form.add_error(error.field if error.field in form.fields else None, error.message)


@login_required
def home(request):
    user = request.user
    if access.can_run_centre(user) or access.can_view_dashboard(user):
        return redirect("counsel:dashboard")
    if not user.is_lawyer:
        return redirect("counsel:requests")
    assignments = access.visible_assignments(user).select_related("defendant__case").order_by("-assigned_at")
    pending = (
        Allocation.objects.filter(lawyer=user, outcome=Allocation.Outcome.PENDING)
        .select_related("request__defendant__case")
        .order_by("due_at")
    )
    context = {
        "profile": getattr(user, "lawyer_profile", None),
        "pending": pending,
        "assignments": assignments.filter(ended_at__isnull=True).exclude(defendant__stage__in=CLOSED_STAGES)[
            :50
        ],
        "availability_form": AvailabilityForm(instance_profile=getattr(user, "lawyer_profile", None)),
        "warnings": QualityWarning.objects.filter(lawyer=user).prefetch_related("contests"),
        "claims": Claim.objects.filter(lawyer=user).select_related("assignment__defendant__case")[:20],
        "ratings": Rating.objects.filter(assignment__lawyer=user).select_related(
            "assignment__defendant__case"
        )[:20],
        "periods": access.visible_periods(user).filter(ends_on__gte=clock.today()).select_related("station"),
        "now": clock.now(),
    }
    return render(request, "counsel/lawyer_home.html", context)


@login_required
def request_list(request):
    requests = (
        access.visible_requests(request.user)
        .select_related("defendant__case", "station")
        .prefetch_related("allocations__lawyer")[:200]
    )
    return render(request, "counsel/request_list.html", {"requests": requests})


@login_required
def request_new(request, defendant_id):
    defendant = get_object_or_404(
        visible_defendants(request.user).select_related("case__region"), pk=defendant_id
    )
    access.check_request_counsel(request.user, defendant)
    initial = {
        "source": CounselRequest.Source.COURT
        if has_capability(request.user, "adjudicate")
        else CounselRequest.Source.PROCURATORATE,
        "severity": Severity.ORDINARY,
    }
    form = RequestForm(request.POST or None, initial=initial)
    outcome = run_form(form, lambda data: do_request_counsel(defendant, acting_user=request.user, **data))
    if outcome.ok:
        counsel_request = outcome.value
        lawyer = counsel_request.allocations.last()
        if lawyer:
            messages.success(
                request,
                _("申请 %(ref)s 已指派 %(lawyer)s")
                % {"ref": counsel_request.reference, "lawyer": lawyer.lawyer},
            )
        else:
            messages.error(
                request,
                _("申请 %(ref)s 暂无可指派律师，已转法律援助中心处理") % {"ref": counsel_request.reference},
            )
        return redirect("counsel:request_detail", pk=counsel_request.pk)
    status = 400 if form.is_bound else 200
    return render(request, "counsel/request_form.html", {"form": form, "defendant": defendant}, status=status)


@login_required
def request_detail(request, pk):
    counsel_request = get_object_or_404(
        access.visible_requests(request.user).select_related(
            "defendant__case__region", "station", "requested_by"
        ),
        pk=pk,
    )
    return _render_request(request, counsel_request)


def _override_lawyers(counsel_request):
    return User.objects.filter(
        lawyer_profile__region__in=[
            counsel_request.defendant.case.region,
            counsel_request.defendant.case.region.parent,
        ]
    ).order_by("display_name") | User.objects.filter(
        rota_memberships__period__station=counsel_request.station
    )  # the caller makes the union distinct


def _render_request(request, counsel_request, *, form=None, status=200):
    can_override = access.manages_defendant(request.user, counsel_request.defendant)
    if can_override and form is None:
        form = OverrideForm(lawyers=_override_lawyers(counsel_request).distinct())
    context = {
        "req": counsel_request,
        "allocations": counsel_request.allocations.select_related("lawyer"),
        "form": form if can_override else None,
    }
    return render(request, "counsel/request_detail.html", context, status=status)


@login_required
@require_POST
def request_override(request, pk):
    counsel_request = get_object_or_404(
        access.visible_requests(request.user).select_related("defendant__case__region"), pk=pk
    )
    access.check_override_allocation(request.user, counsel_request)
    return form_post(
        request,
        OverrideForm(request.POST, lawyers=_override_lawyers(counsel_request).distinct()),
        lambda data: do_override_allocation(
            counsel_request, lawyer=data["lawyer"], reason=data["reason"], acting_user=request.user
        ),
        done=_("已人工指派"),
        then=reverse("counsel:request_detail", kwargs={"pk": pk}),
        invalid=lambda form: _render_request(request, counsel_request, form=form, status=400),
    )


# --- one assignment ---------------------------------------------------------------------------------------


def _assignment(request, pk):
    return get_object_or_404(
        access.visible_assignments(request.user).select_related(
            "defendant__case__region", "lawyer", "request"
        ),
        pk=pk,
    )


def _render_assignment(request, assignment, *, log_form=None, rating_form=None, status=200):
    user = request.user
    can_log = access.can_log_participation(user, assignment) and assignment.ended_at is None
    rater_kind = access.rater_kind_for(user, assignment)
    criteria = []
    if rater_kind:
        try:
            criteria = list(current_rubric().criteria.all())
        except DomainError:
            rater_kind = None
    claim = Claim.objects.filter(assignment=assignment).first()
    quote_amount = None
    if can_log or access.can_log_participation(user, assignment):
        try:
            quote_amount = quote(assignment)[1]
        except DomainError:
            quote_amount = None
    context = {
        "assignment": assignment,
        "entries": assignment.participation.all(),
        "figures": figures_for(assignment),
        "log_form": (log_form or ParticipationForm()) if can_log else None,
        "rating_form": (rating_form or RatingForm(criteria=criteria)) if rater_kind else None,
        "rater_kind": rater_kind,
        "ratings": assignment.ratings.select_related("rater"),
        "claim": claim,
        "quote": quote_amount,
        "can_claim": access.can_log_participation(user, assignment)
        and assignment.kind != "retained"
        and (claim is None or claim.status == Claim.Status.REJECTED),
        "allocation": Allocation.objects.filter(assignment=assignment).first(),
    }
    return render(request, "counsel/assignment_detail.html", context, status=status)


@login_required
def assignment_detail(request, pk):
    return _render_assignment(request, _assignment(request, pk))


@login_required
@require_POST
def assignment_log(request, pk):
    assignment = _assignment(request, pk)
    access.check_log_participation(request.user, assignment)
    return form_post(
        request,
        ParticipationForm(request.POST),
        lambda data: do_log_participation(assignment, acting_user=request.user, **data),
        done=_("已登记"),
        then=reverse("counsel:assignment_detail", kwargs={"pk": pk}),
        invalid=lambda form: _render_assignment(request, assignment, log_form=form, status=400),
    )


@login_required
@require_POST
def assignment_rate(request, pk):
    assignment = _assignment(request, pk)
    access.check_rate_counsel(request.user, assignment)
    form = RatingForm(request.POST, criteria=list(current_rubric().criteria.all()))
    return form_post(
        request,
        form,
        lambda data: do_rate_counsel(
            assignment,
            scores=form.scores(),
            complaint=data["complaint"],
            comment=data["comment"],
            acting_user=request.user,
        ),
        done=_("评价已提交"),
        then=reverse("counsel:assignment_detail", kwargs={"pk": pk}),
        invalid=lambda form: _render_assignment(request, assignment, rating_form=form, status=400),
    )


@login_required
@require_POST
def assignment_claim(request, pk):
    assignment = _assignment(request, pk)
    return post_action(
        request,
        lambda: do_submit_claim(assignment, acting_user=request.user),
        done=lambda claim: _("已申请补贴 %(amount)s 元") % {"amount": claim.amount},
        then=reverse("counsel:assignment_detail", kwargs={"pk": pk}),
    )


@login_required
@require_POST
def availability(request):
    """A lawyer pauses or resumes allocations (leave, illness, a long trial)."""
    profile = getattr(request.user, "lawyer_profile", None)
    if profile is None:
        return HttpResponseForbidden(_("您尚未登记为律师"))
    form = AvailabilityForm(request.POST, instance_profile=profile)
    if form.is_valid():
        do_set_availability(
            profile,
            available=form.cleaned_data["available"],
            unavailable_until=form.cleaned_data["unavailable_until"],
            acting_user=request.user,
        )
        messages.success(request, _("已更新可接受指派状态"))
    else:
        messages.error(request, _("日期无效"))
    return redirect("counsel:home")


# --- conflicts of interest --------------------------------------------------------------------------------


@login_required
def conflicts(request, pk):
    """A case's register of lawyers' ties to its parties; those who may, add one (a lawyer only their own), and
    the case's procuratorate, court and centre withdraw a tie that has ended."""
    case = get_object_or_404(visible_cases(request.user).select_related("region"), pk=pk)
    user = request.user
    if not access.can_view_conflicts(user, case):
        access.check_register_conflict(user, case)  # the read-all roles pass the view check; others: 403
    manages = access.manages_conflicts(user, case)
    withdrawing = request.method == "POST" and "withdraw" in request.POST
    if withdrawing:
        access.check_withdraw_conflict(user, case)
    elif request.method == "POST":
        access.check_register_conflict(user, case)
    lawyers = User.objects.filter(lawyer_profile__isnull=False).order_by("display_name") if manages else None
    may_register = manages or user.is_lawyer
    form = (
        ConflictForm(None if withdrawing else request.POST or None, lawyers=lawyers) if may_register else None
    )
    withdraw_form = WithdrawConflictForm(request.POST) if withdrawing else None
    if withdrawing:
        ties = ConflictOfInterest.objects.filter(case=case)

        def withdraw(data):
            conflict = ties.filter(pk=data["conflict"]).first()
            if conflict is None:
                raise DomainError(_("没有这项利益冲突登记"), field="conflict")
            return do_withdraw_conflict(conflict, reason=data["reason"], acting_user=user)

        if run_form(withdraw_form, withdraw).ok:
            messages.success(request, _("已撤销利益冲突登记"))
            return redirect("counsel:conflicts", pk=case.pk)
    elif form is not None and request.method == "POST":
        outcome = run_form(
            form,
            lambda data: do_register_conflict(
                case,
                lawyer=data.get("lawyer") or user,
                kind=data["kind"],
                note=data["note"],
                acting_user=user,
            ),
        )
        if outcome.ok:
            messages.success(request, _("已登记利益冲突"))
            return redirect("counsel:conflicts", pk=case.pk)
    context = {
        "case": case,
        "conflicts": visible_conflicts(user, case),
        "form": form,
        "withdraw_form": withdraw_form,
        "can_withdraw": manages,
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "counsel/conflicts.html", context, status=status)
