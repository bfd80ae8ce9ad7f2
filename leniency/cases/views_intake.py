"""The hand-offs of a case between institutions: intake (受理) and assignment at the procuratorate,
prosecution (提起公诉) to the court, and the court's filing (立案) with its trial judge."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from leniency.accounts.capabilities import roles_with
from leniency.accounts.models import User
from leniency.errors import DomainError, Forbidden
from leniency.forms_flow import form_post, run_form

from . import access, services
from .attachments import do_attach_document
from .court_panels import current_panel
from .forms import (
    AppealForm,
    AssignProsecutorForm,
    CourtFilingForm,
    IntakeForm,
    PanelReformForm,
    ProsecuteForm,
    defendant_formset,
)
from .forms_victims import intake_victims, victim_intake_formset
from .jurisdiction import APPEAL_KINDS, basic_court, court_above, intermediate_court
from .models import Case
from .stages import CLOSED_STAGES, Stage


def _procuratorate_of(user):
    """The procuratorate whose intake the user runs; a 403 naming the rule for anyone else."""
    org = user.organisation
    access.check_open_case(user, org)
    return org


@login_required
def case_intake(request):
    procuratorate = _procuratorate_of(request.user)
    form = IntakeForm(request.POST or None, request.FILES or None)
    try:
        count = int(request.GET.get("people", 1))
    except ValueError:
        count = 1
    people = defendant_formset(count)(request.POST or None, prefix="d")
    # victims: optional, and a post without their management form (an older page, a script) names none
    harmed = victim_intake_formset(count)(
        request.POST if "v-TOTAL_FORMS" in request.POST else None, prefix="v"
    )
    status = 200
    if request.method == "POST":
        people_ok = (harmed.is_valid() or not harmed.is_bound) & people.is_valid()

        @transaction.atomic  # a refused scan leaves no case behind
        def register(data):
            case = services.do_register_transfer(
                title=data["title"],
                region=procuratorate.region,
                procuratorate=procuratorate,
                received_on=data["received_on"],
                transferring_agency=data["transferring_agency"],
                transfer_document_number=data["transfer_document_number"],
                facts=data["facts"],
                defendants=[{k: v for k, v in f.cleaned_data.items() if k != "DELETE"} for f in people],
                victims=intake_victims(harmed),
                acting_user=request.user,
            )
            if data.get("scan"):
                try:
                    do_attach_document(
                        case, acting_user=request.user, fileobj=data["scan"], original_name=data["scan"].name
                    )
                except DomainError as error:
                    raise DomainError(error.message, field="scan") from None
            return case

        if people_ok:
            outcome = run_form(form, register)
            if outcome.ok:
                messages.success(request, _("已受理 %(number)s") % {"number": outcome.value.number})
                return redirect("case_assignments")
        else:
            form.is_valid()
        status = 400
    context = {"form": form, "people": people, "victims": harmed, "more": min(count + 1, 20)}
    return render(request, "cases/intake.html", context, status=status)


def _prosecutors(procuratorate):
    open_stages = [s for s in Stage.values if s not in CLOSED_STAGES]
    open_cases = Q(owned_cases__defendants__stage__in=open_stages)
    return (
        User.objects.filter(organisation=procuratorate, role__in=roles_with("prosecute"), is_active=True)
        .annotate(open_load=Count("owned_cases", filter=open_cases, distinct=True))
        .order_by("open_load", "username")
    )


@login_required
def case_assignments(request):
    """The cases waiting for a prosecutor, and each prosecutor's open load (cases with a defendant not closed)."""
    procuratorate = _procuratorate_of(request.user)
    prosecutors = _prosecutors(procuratorate)
    waiting = Case.objects.filter(procuratorate=procuratorate, prosecutor__isnull=True).order_by(
        "received_on", "pk"
    )
    rows = [(case, AssignProsecutorForm(prosecutors=prosecutors, prefix=f"c{case.pk}")) for case in waiting]
    return render(request, "cases/assignments.html", {"rows": rows, "prosecutors": prosecutors})


@login_required
@require_POST
def case_assign(request, pk):
    case = get_object_or_404(access.visible_cases(request.user), pk=pk)
    access.check_assign_prosecutor(request.user, case)
    form = AssignProsecutorForm(
        request.POST, prosecutors=_prosecutors(case.procuratorate), prefix=f"c{case.pk}"
    )
    return form_post(
        request,
        form,
        lambda data: services.do_assign_prosecutor(
            case, prosecutor=data["prosecutor"], acting_user=request.user
        ),
        done=lambda c: _("%(number)s 已分配给 %(name)s") % {"number": c.number, "name": c.prosecutor},
        then="case_assignments",
        invalid=lambda f: render(
            request,
            "cases/assignments.html",
            {"rows": [(case, f)], "prosecutors": _prosecutors(case.procuratorate)},
            status=400,
        ),
    )


@login_required
def case_prosecute(request, pk):
    case = get_object_or_404(access.visible_cases(request.user).select_related("region__parent"), pk=pk)
    access.check_prosecute(request.user, case)
    added = case.prosecuted_on is not None  # 追加起诉: to the court that has the case
    under_review = case.defendants.filter(stage=Stage.PROSECUTION_REVIEW).order_by("pk")
    form = ProsecuteForm(request.POST or None, under_review=under_review, added=added)
    context = {
        "case": case,
        "added": added,
        "basic": basic_court(case),
        "intermediate": intermediate_court(case),
    }

    def invalid(f):
        return render(request, "cases/prosecute.html", {**context, "form": f}, status=400)

    if request.method == "POST":
        return form_post(
            request,
            form,
            lambda data: services.do_prosecute(
                case,
                grave=data.get("grave", False),
                as_of=data["as_of"],
                defendants=list(data["defendants"]),
                acting_user=request.user,
            ),
            done=lambda c: (
                (_("已向%(court)s追加起诉") if added else _("已向%(court)s提起公诉")) % {"court": c.court}
            ),
            then=lambda c: reverse("case_detail", args=[c.pk]),
            invalid=invalid,
        )
    return render(request, "cases/prosecute.html", {**context, "form": form})


@login_required
def court_incoming(request):
    """The court's queue: prosecutions received and not yet filed (立案)."""
    if not access.can_file_court_cases(request.user):
        raise Forbidden(_("公诉案件由受理的人民法院立案并确定承办法官（刑事诉讼法第186条）"))
    cases = (
        Case.objects.filter(court=request.user.organisation, court_filed_on__isnull=True, judge__isnull=True)
        .select_related("procuratorate")
        .order_by("prosecuted_on", "pk")
    )
    return render(request, "cases/court_incoming.html", {"cases": cases})


def _judges(court):
    return User.objects.filter(
        organisation=court, role__in=roles_with("adjudicate"), is_active=True
    ).order_by("username")


@login_required
def court_file(request, pk):
    case = get_object_or_404(
        access.visible_cases(request.user).select_related("court", "procuratorate"), pk=pk
    )
    access.check_file_case(request.user, case)
    form = CourtFilingForm(request.POST or None, judges=_judges(case.court))

    def invalid(f):
        return render(request, "cases/court_file.html", {"case": case, "form": f}, status=400)

    if request.method == "POST":
        return form_post(
            request,
            form,
            lambda data: services.do_file_case(
                case,
                judge=data["judge"],
                members=list(data["members"]),
                filed_on=data["filed_on"],
                acting_user=request.user,
            ),
            done=lambda c: _("%(number)s 已立案，承办法官 %(name)s") % {"number": c.number, "name": c.judge},
            then="court_incoming",
            invalid=invalid,
        )
    return render(request, "cases/court_file.html", {"case": case, "form": form})


@login_required
def court_panel(request, pk):
    """变更合议庭: the court's filing office re-forms the panel of a case it filed; the changes so far are listed."""
    case = get_object_or_404(
        access.visible_cases(request.user).select_related("court", "procuratorate", "judge"), pk=pk
    )
    access.check_reform_panel(request.user, case)
    form = PanelReformForm(request.POST or None, judges=_judges(case.court))
    context = {
        "case": case,
        "form": form,
        "panel": current_panel(case),
        "changes": case.panel_changes.filter(court_id=case.court_id).select_related("changed_by"),
    }

    def invalid(f):
        return render(request, "cases/court_panel.html", context, status=400)

    if request.method == "POST":
        return form_post(
            request,
            form,
            lambda data: services.do_reform_panel(
                case,
                presiding=data["presiding"],
                members=list(data["members"]),
                reason=data["reason"],
                changed_on=data["changed_on"],
                acting_user=request.user,
            ),
            done=lambda c: (
                _("%(number)s 的合议庭已变更，审判长 %(name)s") % {"number": c.number, "name": c.judge}
            ),
            then=lambda c: reverse("case_detail", args=[c.pk]),
            invalid=invalid,
        )
    return render(request, "cases/court_panel.html", context)


@login_required
def case_appeal(request, pk):
    """上诉 registered by the first-instance court's filing office, 抗诉 by the procuratorate."""
    case = get_object_or_404(access.visible_cases(request.user).select_related("court__region"), pk=pk)
    access.check_appeal(request.user, case)
    kinds = []
    for kind, label in APPEAL_KINDS.items():
        try:
            access.check_appeal(request.user, case, kind=kind)
        except Forbidden:
            continue
        kinds.append((kind, label))
    form = AppealForm(request.POST or None, kinds=kinds)
    try:
        above = court_above(case.court)
    except DomainError:
        above = None

    def invalid(f):
        return render(request, "cases/appeal.html", {"case": case, "form": f, "above": above}, status=400)

    if request.method == "POST":
        return form_post(
            request,
            form,
            lambda data: services.do_appeal(
                case, kind=data["kind"], lodged_on=data["lodged_on"], acting_user=request.user
            ),
            done=lambda c: _("已移送%(court)s二审") % {"court": c.court},
            then=lambda c: (
                reverse("case_detail", args=[c.pk])
                if access.visible_cases(request.user).filter(pk=c.pk).exists()
                else reverse("case_list")
            ),
            invalid=invalid,
        )
    return render(request, "cases/appeal.html", {"case": case, "form": form, "above": above})
