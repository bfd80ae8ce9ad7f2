"""The review committee's pages: queue, petition page (assign, notes, decide), corrections, conflict declarations."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from leniency import clock
from leniency.accounts.capabilities import has_capability
from leniency.cases.models import Case
from leniency.errors import DomainError
from leniency.forms_flow import form_post
from leniency.plea.signing import unrecorded_signatures
from leniency.recordings.models import Recording

from .. import committee as services
from ..access import (
    can_assign,
    can_complete_correction,
    can_decide,
    can_declare_conflict,
    can_open_queue,
    can_see_investigation,
    is_assigned,
    is_committee_member,
    petitionable_defendants,
    visible_petitions,
)
from ..conflicts import conflicts_of_interest
from ..forms import AssignForm, CompleteCorrectionForm, ConflictForm, DecisionForm, NoteForm, PetitionForm
from ..models import ConflictDeclaration, Correction, Petition
from ..pressure import prosecutor_warnings


def _field(form, error):
    return error.field if error.field in form.fields else None


@login_required
def petition_queue(request):
    petitions = visible_petitions(request.user)
    if not can_open_queue(request.user) and not petitions.exists():
        raise Http404
    petitions = petitions.select_related("case", "committee").prefetch_related("assignments__member")
    status = request.GET.get("status", "")
    if status in Petition.Status.values:
        petitions = petitions.filter(status=status)
    today = clock.today()
    corrections = Correction.objects.filter(
        decision__petition__in=visible_petitions(request.user)
    ).select_related("decision__petition", "responsible")
    return render(
        request,
        "oversight/petition_queue.html",
        {
            "petitions": petitions[:200],
            "status": status,
            "statuses": Petition.Status.choices,
            "today": today,
            "mine": petitions.filter(assignments__member=request.user).exclude(status=Petition.Status.CLOSED),
            "overdue": [c for c in corrections.filter(status=Correction.Status.OPEN) if c.is_overdue(today)],
            "open_corrections": corrections.filter(status=Correction.Status.OPEN).count(),
            # 具结书 signatures given without the signing's recording: the reason is the committee's to review.
            "unrecorded": unrecorded_signatures(request.user)[:100] if can_open_queue(request.user) else [],
            # Patterns of prosecutor pressure (issue 17 item 8), as the lawyers' quality warnings are watched.
            "pressure": prosecutor_warnings()[:100] if can_open_queue(request.user) else [],
        },
    )


@login_required
def petition_new(request):
    defendants = petitionable_defendants(request.user)
    if not defendants.exists():
        raise Http404
    initial = (
        {"defendant": request.GET.get("defendant")} if request.GET.get("defendant", "").isdigit() else {}
    )
    if request.user.is_lawyer:
        initial["source"] = Petition.Source.LAWYER
    form = PetitionForm(request.POST or None, defendants=defendants, initial=initial)
    if request.method == "POST":
        return form_post(
            request,
            form,
            lambda data: services.do_file_petition(
                source=data["source"],
                subject=data["subject"],
                grounds=data["grounds"],
                defendant=data["defendant"],
                acting_user=request.user,
            ),
            done=_("已提交监督评议申请"),
            then=lambda petition: reverse("oversight_petition_detail", kwargs={"pk": petition.pk}),
            invalid=lambda form: render(request, "oversight/petition_form.html", {"form": form}, status=400),
        )
    return render(request, "oversight/petition_form.html", {"form": form})


def _recordings(petition):
    """The case's recordings, which a note may cite (read-only: the recordings app owns them)."""
    if petition.case_id is None:
        return Recording.objects.none()
    return Recording.objects.filter(defendant__case_id=petition.case_id).select_related("defendant")


def _petition_page(request, petition, *, assign_form=None, note_form=None, decision_form=None, status=200):
    user = request.user
    recordings = _recordings(petition)
    assigner = can_assign(user, petition)
    internal = can_see_investigation(user, petition)
    candidates = []
    if assigner:
        taken = set(petition.assignments.values_list("member_id", flat=True))
        for member in services.committee_members(petition.committee).order_by("pk"):
            if member.pk not in taken:
                candidates.append({"member": member, "conflicts": conflicts_of_interest(member, petition)})
    eligible = [c["member"].pk for c in candidates if not c["conflicts"]]
    decision = getattr(petition, "decision", None)
    corrections = []
    if decision is not None:
        for c in decision.corrections.select_related("responsible", "completed_by"):
            corrections.append(
                {
                    "c": c,
                    "form": CompleteCorrectionForm(prefix=f"c{c.pk}")
                    if can_complete_correction(user, c)
                    else None,
                }
            )
    members_qs = services.committee_members(petition.committee).filter(pk__in=eligible)
    return render(
        request,
        "oversight/petition_detail.html",
        {
            "petition": petition,
            "report": petition.report,
            "decision": decision,
            "corrections": corrections,
            "assignments": petition.assignments.select_related("member"),
            "notes": petition.notes.select_related("author", "recording") if internal else [],
            "internal": internal,
            "assigner": assigner,
            "candidates": candidates,
            "assign_form": assign_form
            or (AssignForm(members=members_qs, prefix="assign") if assigner else None),
            "assigned": is_assigned(user, petition),
            "note_form": note_form
            or (NoteForm(recordings=recordings, prefix="note") if is_assigned(user, petition) else None),
            "decision_form": decision_form
            or (DecisionForm(prefix="decision") if can_decide(user, petition) else None),
            "today": clock.today(),
            "show_reporter": petition.report is not None and is_assigned(user, petition),
            "my_conflicts": conflicts_of_interest(user, petition) if is_committee_member(user) else [],
        },
        status=status,
    )


def _petition(request, pk):
    return get_object_or_404(
        visible_petitions(request.user).select_related("case", "committee", "report", "defendant"), pk=pk
    )


@login_required
def petition_detail(request, pk):
    return _petition_page(request, _petition(request, pk))


@login_required
@require_POST
def petition_assign(request, pk):
    petition = _petition(request, pk)
    if not can_assign(request.user, petition):
        raise Http404
    try:
        if request.POST.get("auto"):
            assigned = services.do_auto_assign(petition, acting_user=request.user)
            messages.success(
                request, _("已分配：%(names)s") % {"names": "、".join(str(a.member) for a in assigned)}
            )
            return redirect("oversight_petition_detail", pk=petition.pk)
        members = services.committee_members(petition.committee)
        form = AssignForm(request.POST, members=members, prefix="assign")
        if form.is_valid():
            services.do_assign_member(
                petition,
                form.cleaned_data["member"],
                lead=form.cleaned_data["lead"],
                acting_user=request.user,
            )
            messages.success(request, _("已分配委员"))
            return redirect("oversight_petition_detail", pk=petition.pk)
    except DomainError as error:
        form = AssignForm(
            request.POST, members=services.committee_members(petition.committee), prefix="assign"
        )
        form.is_valid()
        form.add_error("member" if error.field == "member" else None, error.message)
    return _petition_page(request, petition, assign_form=form, status=400)


@login_required
@require_POST
def petition_note(request, pk):
    petition = _petition(request, pk)
    if not is_assigned(request.user, petition):
        raise Http404
    recordings = _recordings(petition)
    return form_post(
        request,
        NoteForm(request.POST, recordings=recordings, prefix="note"),
        lambda data: services.do_add_note(
            petition,
            kind=data["kind"],
            text=data["text"],
            recording=data.get("recording"),
            acting_user=request.user,
        ),
        done=_("已记录"),
        then=reverse("oversight_petition_detail", kwargs={"pk": petition.pk}),
        invalid=lambda form: _petition_page(request, petition, note_form=form, status=400),
    )


@login_required
@require_POST
def petition_decide(request, pk):
    petition = _petition(request, pk)
    if not can_decide(request.user, petition):
        raise Http404
    form = DecisionForm(request.POST, prefix="decision")
    return form_post(
        request,
        form,
        lambda data: services.do_decide(
            petition,
            kind=data["kind"],
            reasons=data["reasons"],
            public_summary=data["public_summary"],
            corrections=form.corrections(),
            acting_user=request.user,
        ),
        done=_("已作出评议决定"),
        then=reverse("oversight_petition_detail", kwargs={"pk": petition.pk}),
        invalid=lambda form: _petition_page(request, petition, decision_form=form, status=400),
    )


@login_required
@require_POST
def correction_complete(request, pk):
    correction = get_object_or_404(Correction.objects.select_related("decision__petition"), pk=pk)
    petition = correction.decision.petition
    if not can_complete_correction(request.user, correction):
        raise Http404
    form = CompleteCorrectionForm(request.POST, prefix=f"c{correction.pk}")
    if form.is_valid():
        try:
            services.do_complete_correction(
                correction, evidence=form.cleaned_data["evidence"], acting_user=request.user
            )
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("整改事项已标记为完成"))
    else:
        messages.error(request, _("完成情况及证明：不能为空"))
    if visible_petitions(request.user).filter(pk=petition.pk).exists():
        return redirect("oversight_petition_detail", pk=petition.pk)
    return redirect("oversight_corrections")


@login_required
def corrections(request):
    """Every correction the user may follow: the committee's, or those ordered to the user's organisation."""
    user = request.user
    rows = Correction.objects.filter(decision__petition__in=visible_petitions(user))
    if has_capability(user, "supervise") and user.organisation_id:
        rows = rows | Correction.objects.filter(responsible=user.organisation_id)
    elif not can_open_queue(user):
        raise Http404
    today = clock.today()
    items = [
        {
            "c": c,
            "overdue": c.is_overdue(today),
            "form": CompleteCorrectionForm(prefix=f"c{c.pk}") if can_complete_correction(user, c) else None,
        }
        for c in rows.distinct()
        .select_related("decision__petition", "responsible")
        .order_by("status", "due_on")
    ]
    return render(request, "oversight/corrections.html", {"items": items, "today": today})


@login_required
def conflict_declarations(request):
    if not can_declare_conflict(request.user):
        raise Http404
    form = ConflictForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            case = None
            if data["case_number"].strip():
                case = Case.objects.filter(number=data["case_number"].strip()).first()
                if case is None:
                    form.add_error("case_number", _("未找到该案号"))
            if not form.errors:
                try:
                    services.do_declare_conflict(
                        request.user,
                        organisation=data["organisation"],
                        case=case,
                        reason=data["reason"],
                        acting_user=request.user,
                    )
                except DomainError as error:
                    form.add_error(_field(form, error), error.message)
                else:
                    messages.success(request, _("已申报利益冲突"))
                    return redirect("oversight_conflicts")
    declarations = ConflictDeclaration.objects.filter(member=request.user).select_related(
        "organisation", "case"
    )
    return render(
        request, "oversight/conflicts.html", {"form": form, "declarations": declarations}, status=status
    )
