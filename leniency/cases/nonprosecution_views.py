"""The 不起诉 decision's page, its 不起诉决定书 (PDF and Word, masked per reader, downloads audited) and API."""

from datetime import date

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Field, Router, Schema

from leniency import clock
from leniency.forms_flow import run_form

from . import access, nonprosecution
from .downloads import document_response, show_identity
from .forms import _date_input
from .models import NonProsecution

router = Router(tags=["cases"])


class NonProsecutionForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("不起诉类型"), choices=NonProsecution.Kind.choices)
    ground = forms.ChoiceField(
        label=gettext_lazy("法定情形（法定不起诉）"),
        choices=[("", "—"), *NonProsecution.Ground.choices],
        required=False,
    )
    reasons = forms.CharField(
        label=gettext_lazy("不起诉理由"), widget=forms.Textarea(attrs={"rows": 4}), max_length=8000
    )
    test_months = forms.IntegerField(
        label=gettext_lazy("考验期（月，附条件不起诉）"), min_value=0, max_value=24, required=False
    )
    decided_on = forms.DateField(label=gettext_lazy("决定日期"), widget=_date_input())

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"decided_on": clock.today()})
        super().__init__(*args, **kwargs)


def _defendant(request, pk, defendant_id):
    return get_object_or_404(
        access.visible_defendants(request.user).select_related("case__procuratorate"),
        pk=defendant_id,
        case_id=pk,
    )


@login_required
def non_prosecution(request, pk, defendant_id):
    """The decision once made (with its document); before, the form, for the case's procuratorate."""
    defendant = _defendant(request, pk, defendant_id)
    decision = NonProsecution.objects.filter(defendant=defendant).first()
    form = None
    if decision is None:
        access.check_decide_non_prosecution(request.user, defendant)
        form = NonProsecutionForm(request.POST or None)
        if request.method == "POST":
            outcome = run_form(
                form,
                lambda data: nonprosecution.do_decide_non_prosecution(
                    defendant,
                    kind=data["kind"],
                    ground=data.get("ground") or "",
                    reasons=data["reasons"],
                    test_months=data.get("test_months"),
                    decided_on=data["decided_on"],
                    acting_user=request.user,
                ),
            )
            if outcome.ok:
                messages.success(request, _("已作出不起诉决定"))
                return redirect("non_prosecution", pk, defendant_id)
    context = {"case": defendant.case, "defendant": defendant, "decision": decision, "form": form}
    status = 400 if request.method == "POST" and form is not None else 200
    return render(request, "cases/non_prosecution.html", context, status=status)


@login_required
def non_prosecution_document(request, pk, decision_id, fmt):
    decision = get_object_or_404(
        NonProsecution.objects.filter(defendant__in=access.visible_defendants(request.user)).select_related(
            "defendant__case__procuratorate"
        ),
        pk=decision_id,
        defendant__case_id=pk,
    )
    doc = nonprosecution.non_prosecution_document(decision, show_identity=show_identity(request.user))
    return document_response(
        request, doc, fmt, obj=decision.defendant, case_id=pk, defendants=[decision.defendant]
    )


class NonProsecutionIn(Schema):
    kind: str = Field(
        ...,
        description="statutory (CPL 16, 177 ¶1), discretionary (177 ¶2), doubt (175 ¶4), conditional (282)",
    )
    ground: str = Field("", description="for statutory: a CPL art. 16 item or no_crime")
    reasons: str = Field(..., max_length=8000)
    test_months: int | None = Field(None, ge=0, le=24)
    decided_on: date | None = None


class NonProsecutionOut(Schema):
    id: int
    defendant: int = Field(..., alias="defendant_id")
    kind: str
    ground: str
    test_months: int | None
    decided_on: date


@router.post(
    "/defendants/{defendant_id}/non-prosecution",
    response={201: NonProsecutionOut},
    summary="不起诉: the procuratorate's decision not to prosecute the defendant",
    operation_id="leniency_cases_api_decide_non_prosecution",
)
def decide_non_prosecution(request, defendant_id: int, payload: NonProsecutionIn):
    defendant = get_object_or_404(
        access.visible_defendants(request.user).select_related("case"), pk=defendant_id
    )
    decision = nonprosecution.do_decide_non_prosecution(
        defendant,
        kind=payload.kind,
        ground=payload.ground,
        reasons=payload.reasons,
        test_months=payload.test_months,
        decided_on=payload.decided_on,
        acting_user=request.user,
    )
    return 201, decision
