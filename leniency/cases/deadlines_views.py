"""The page and API operations of a defendant's statutory time limit and its extensions (`deadlines.py`)."""

from datetime import date

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Field, Router, Schema

from leniency import clock
from leniency.errors import Forbidden
from leniency.forms_flow import run_form

from . import access, deadlines
from .forms import _date_input
from .models import DeadlineExtension

router = Router(tags=["cases"])


def _allowed_kinds(user, defendant):
    kinds = []
    for value, label in DeadlineExtension.Kind.choices:
        try:
            access.check_extend_deadline(user, defendant, kind=value)
        except Forbidden:
            continue
        kinds.append((value, label))
    return kinds


class ExtensionForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("延长事由"))
    approved_on = forms.DateField(label=gettext_lazy("批准日期"), widget=_date_input())

    def __init__(self, *args, kinds, **kwargs):
        kwargs.setdefault("initial", {"approved_on": clock.today()})
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = kinds


@login_required
def defendant_deadline(request, pk, defendant_id):
    """The current stage's time limit, its extensions, and (for whoever records them) the extension form."""
    defendant = get_object_or_404(
        access.visible_defendants(request.user).select_related("case"), pk=defendant_id, case_id=pk
    )
    kinds = _allowed_kinds(request.user, defendant)
    form = ExtensionForm(request.POST or None, kinds=kinds) if kinds else None
    if request.method == "POST":
        if form is None:
            access.check_extend_deadline(request.user, defendant, kind="trial_third_month")
        outcome = run_form(
            form,
            lambda data: deadlines.do_extend_deadline(
                defendant, kind=data["kind"], approved_on=data["approved_on"], acting_user=request.user
            ),
        )
        if outcome.ok:
            messages.success(request, _("已记录期限延长"))
            return redirect("defendant_deadline", pk, defendant_id)
    context = {
        "case": defendant.case,
        "defendant": defendant,
        "deadline": deadlines.deadline_for(defendant),
        "extensions": defendant.deadline_extensions.select_related("approved_by"),
        "form": form,
    }
    return render(request, "cases/deadline.html", context, status=400 if request.method == "POST" else 200)


class DeadlineOut(Schema):
    stage: str
    start: date
    due: date
    article: str
    extended: list[str]
    next_action: str


class DeadlineExtensionIn(Schema):
    kind: str = Field(
        ..., description="review_major, expedited_long, summary_long, trial_third_month, appeal_extension"
    )
    approved_on: date | None = None


def _deadline_out(defendant):
    deadline = deadlines.deadline_for(defendant)
    if deadline is None:
        return None
    return DeadlineOut(
        stage=deadline.stage,
        start=deadline.start,
        due=deadline.due,
        article=deadline.article,
        extended=list(deadline.extended),
        next_action=deadline.next_action,
    )


@router.get(
    "/defendants/{defendant_id}/deadline",
    response=DeadlineOut | None,
    summary="The statutory time limit (办案期限) of the defendant's stage",
    operation_id="leniency_cases_api_get_deadline",
)
def get_deadline(request, defendant_id: int):
    defendant = get_object_or_404(
        access.visible_defendants(request.user).select_related("case"), pk=defendant_id
    )
    return _deadline_out(defendant)


@router.post(
    "/defendants/{defendant_id}/deadline-extensions",
    response=DeadlineOut | None,
    summary="Record an approved extension of the stage's time limit",
    operation_id="leniency_cases_api_extend_deadline",
)
def extend_deadline(request, defendant_id: int, payload: DeadlineExtensionIn):
    defendant = get_object_or_404(
        access.visible_defendants(request.user).select_related("case"), pk=defendant_id
    )
    deadlines.do_extend_deadline(
        defendant, kind=payload.kind, approved_on=payload.approved_on, acting_user=request.user
    )
    return _deadline_out(defendant)
