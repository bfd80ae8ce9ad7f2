"""Pages of the plea process. Objects the user may not see are 404; actions they may not take are 403."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from leniency.cases.access import visible_defendants
from leniency.errors import DomainError
from leniency.forms_flow import add_domain_error

from . import access, state
from .agreements import do_generate_agreement
from .checklist import CHECKLIST
from .forms import AgreementForm, NoticeForm, ResolveForm, ReviewForm, WithdrawalForm
from .models import ReviewItem, VoluntarinessReview, Withdrawal
from .next_step import next_step
from .notices import RIGHT_FIELDS, do_record_notice
from .state import current_agreement, withdrawal_in_force
from .story import status_line, story
from .taxonomy import CONSEQUENCE_BASIS, STAGE_OF, STAGE_RULE, Consequence
from .voluntariness import do_record_review, do_resolve_item
from .withdrawals import do_record_withdrawal


def _defendant(request, defendant_id):
    return get_object_or_404(
        visible_defendants(request.user).select_related("case", "case__procuratorate", "case__court"),
        pk=defendant_id,
    )


def _visible(request, model, pk, **related):
    return get_object_or_404(
        model.objects.select_related("defendant", "defendant__case"),
        pk=pk,
        defendant__in=visible_defendants(request.user),
        **related,
    )


def _apply(form, action):
    """Run a service; a DomainError lands on the form (field or non-field). Returns the result or None."""
    try:
        return action()
    except DomainError as error:
        add_domain_error(form, error)
        return None


@login_required
def dossier(request, defendant_id):
    defendant = _defendant(request, defendant_id)
    status, warn = status_line(defendant)
    return render(
        request,
        "plea/dossier.html",
        {
            "defendant": defendant,
            "case": defendant.case,
            "entries": story(defendant),
            "next": next_step(defendant),
            "status": status,
            "warn": warn,
            "can": access.actions_for(request.user, defendant),
            "agreement": current_agreement(defendant),
            "final": state.final_recommendation(defendant),
            "withdrawal": withdrawal_in_force(defendant),
        },
    )


# Rights notification ------------------------------------------------------------------------------------------


@login_required
def notice_new(request, defendant_id):
    defendant = _defendant(request, defendant_id)
    access.check_record_notice(request.user, defendant)
    form = NoticeForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        notice = _apply(
            form,
            lambda: do_record_notice(
                defendant,
                acting_user=request.user,
                authority=data["authority"],
                notified_by_name=data["notified_by_name"],
                notified_at=data["notified_at"],
                method=data["method"],
                language=data["language"],
                interpreter=data["interpreter"],
                acknowledged=data["acknowledged"],
                acknowledgement=data["acknowledgement"],
                notes=data["notes"],
                rights={k: data[k] for k in RIGHT_FIELDS},
            ),
        )
        if notice is not None:
            messages.success(request, _("已记录权利告知"))
            return redirect("plea_notice", pk=notice.pk)
    return render(
        request,
        "plea/notice_form.html",
        {"defendant": defendant, "case": defendant.case, "form": form},
        status=400 if form.is_bound else 200,
    )


# Plea agreement ----------------------------------------------------------------------------------------------


@login_required
def agreement_new(request, defendant_id):
    defendant = _defendant(request, defendant_id)
    access.check_generate_agreement(request.user, defendant)
    initial = {"procedure": defendant.procedure or "expedited"}
    form = AgreementForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        agreement = _apply(
            form,
            lambda: do_generate_agreement(
                defendant,
                acting_user=request.user,
                procedure=data["procedure"],
                lawyer_exception=data["lawyer_exception"],
                exception_note=data["exception_note"],
            ),
        )
        if agreement is not None:
            messages.success(request, _("已生成具结书第%(v)s版") % {"v": agreement.version})
            return redirect("plea_agreement", pk=agreement.pk)
    return render(
        request,
        "plea/agreement_form.html",
        {
            "defendant": defendant,
            "case": defendant.case,
            "form": form,
            "final": state.final_recommendation(defendant),
            "previous": current_agreement(defendant),
        },
        status=400 if form.is_bound else 200,
    )


# Voluntariness review ----------------------------------------------------------------------------------------


@login_required
def review_new(request, defendant_id):
    defendant = _defendant(request, defendant_id)
    access.check_record_review(request.user, defendant)
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        review = _apply(
            form,
            lambda: do_record_review(
                defendant,
                acting_user=request.user,
                answers=form.answers(),
                conclusion=form.cleaned_data["conclusion"],
            ),
        )
        if review is not None:
            messages.success(
                request,
                _("已记录自愿性审查")
                if review.passed
                else _("已记录自愿性审查：有不符合事项，解决前不能采纳量刑建议"),
            )
            return redirect("plea_review", pk=review.pk)
    return render(
        request,
        "plea/review_form.html",
        {
            "defendant": defendant,
            "case": defendant.case,
            "form": form,
            "agreement": current_agreement(defendant),
            "recordings": _recordings_by_session(defendant),
        },
        status=400 if form.is_bound else 200,
    )


def _recordings_by_session(defendant) -> dict[str, list]:
    """The recordings app's recordings of this defendant (it sits above plea: read through the relation)."""
    grouped: dict[str, list] = {}
    for recording in defendant.recordings.order_by("recorded_on", "id"):
        grouped.setdefault(recording.session, []).append(recording)
    return grouped


@login_required
def review_detail(request, pk, *, bound=None, status=200):
    review = get_object_or_404(
        VoluntarinessReview.objects.select_related("defendant", "defendant__case", "judge"),
        pk=pk,
        defendant__in=visible_defendants(request.user),
    )
    defendant = review.defendant
    items = {item.key: item for item in review.items.all()}
    recordings = _recordings_by_session(defendant)
    can_resolve = access.can_review(request.user, defendant)
    rows = []
    for spec in CHECKLIST:
        item = items.get(spec.key)
        if item is None:
            continue
        form = None
        if can_resolve and item.answer == ReviewItem.Answer.NO and item.resolved_at is None:
            form = bound if bound is not None and bound[0] == item.pk else None
            form = form[1] if form else ResolveForm(prefix=f"item{item.pk}")
        rows.append(
            {
                "spec": spec,
                "item": item,
                "form": form,
                "recordings": [r for s in spec.recordings for r in recordings.get(s, [])],
            }
        )
    return render(
        request,
        "plea/review_detail.html",
        {"review": review, "defendant": defendant, "case": defendant.case, "rows": rows},
        status=status,
    )


@login_required
@require_POST
def review_resolve(request, pk, item_id):
    review = get_object_or_404(VoluntarinessReview, pk=pk, defendant__in=visible_defendants(request.user))
    item = get_object_or_404(ReviewItem, pk=item_id, review=review)
    access.check_resolve_item(request.user, review.defendant)
    form = ResolveForm(request.POST, prefix=f"item{item.pk}")
    if form.is_valid() and _apply(
        form,
        lambda: do_resolve_item(item, acting_user=request.user, resolution=form.cleaned_data["resolution"]),
    ):
        messages.success(request, _("已记录解决情况"))
        return redirect("plea_review", pk=review.pk)
    return review_detail(request, review.pk, bound=(item.pk, form), status=400)


# Withdrawal ---------------------------------------------------------------------------------------------------


@login_required
def withdrawal_new(request, defendant_id):
    defendant = _defendant(request, defendant_id)
    access.check_record_withdrawal(request.user, defendant)
    stage = STAGE_OF.get(defendant.stage)
    form = WithdrawalForm(request.POST or None, stage=stage)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        withdrawal = _apply(
            form,
            lambda: do_record_withdrawal(
                defendant,
                acting_user=request.user,
                initiated_by=data["initiated_by"],
                reasons=data["reasons"],
                other_reason=data["other_reason"],
                statement=data["statement"],
                occurred_at=data["occurred_at"],
                procedure_to=data["procedure_to"],
                protest=data["protest"],
                protest_note=data["protest_note"],
                non_prosecution_decision=data["non_prosecution_decision"],
            ),
        )
        if withdrawal is not None:
            messages.success(request, _("已记录反悔及其后果"))
            return redirect("plea_withdrawal", pk=withdrawal.pk)
    return render(
        request,
        "plea/withdrawal_form.html",
        {
            "defendant": defendant,
            "case": defendant.case,
            "form": form,
            "stage": stage,
            "rule": STAGE_RULE.get(stage) if stage else "",
            "agreement": current_agreement(defendant),
            "final": state.final_recommendation(defendant),
        },
        status=400 if form.is_bound else 200,
    )


@login_required
def withdrawal_detail(request, pk):
    withdrawal = _visible(request, Withdrawal, pk)
    consequences = [
        (Consequence(c).label, CONSEQUENCE_BASIS[Consequence(c)])
        for c in withdrawal.consequences
        if c in Consequence.values
    ]
    return render(
        request,
        "plea/withdrawal_detail.html",
        {
            "withdrawal": withdrawal,
            "defendant": withdrawal.defendant,
            "case": withdrawal.defendant.case,
            "consequences": consequences,
            "rule": STAGE_RULE.get(withdrawal.stage, ""),
        },
    )
