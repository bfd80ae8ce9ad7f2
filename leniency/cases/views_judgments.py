"""Pages of the judgment (宣判), the second-instance decision and retrial. Thin: the rules are in `judgments.py`."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from leniency.errors import DomainError, Forbidden
from leniency.forms_flow import add_domain_error

from . import access, judgments, sentence_proposals
from .forms_judgments import (
    JudgmentForm,
    RetrialDecisionForm,
    RetrialJudgeForm,
    RetrialStartForm,
    SecondInstanceForm,
    SentenceForm,
)
from .models import Retrial
from .stages import Stage
from .views_intake import _judges


def _case(request, pk):
    return get_object_or_404(access.visible_cases(request.user).select_related("court"), pk=pk)


def _submit(form, sentence_forms, call):
    """Validate the form and each defendant's sentence form, call the service with the sentences given, and put
    a refusal on the field it names (`d<pk>-months` on that defendant's form). Returns the result or None."""
    valid = form.is_valid() & all([f.is_valid() for f in sentence_forms])
    if not valid:
        return None
    sentences = {f.defendant.pk: f.sentence() for f in sentence_forms if f.sentence() is not None}
    try:
        return call(form.cleaned_data, sentences)
    except DomainError as error:
        for f in sentence_forms:
            if error.field and error.field.startswith(f"{f.prefix}-"):
                f.add_error(error.field.removeprefix(f"{f.prefix}-"), error.message)
                return None
        add_domain_error(form, error)
        return None


@login_required
def case_judgment(request, pk):
    """The first-instance judgment: each defendant's sentence."""
    case = _case(request, pk)
    access.check_record_judgment(request.user, case)
    defendants = list(case.defendants.filter(stage=Stage.FIRST_INSTANCE).order_by("pk"))
    form = JudgmentForm(request.POST or None)
    offered = sentence_proposals.proposals(defendants)
    sentence_forms = [
        SentenceForm(request.POST or None, defendant=d, proposal=offered.get(d.pk)) for d in defendants
    ]
    if request.method == "POST":
        done = _submit(
            form,
            sentence_forms,
            lambda data, sentences: judgments.do_record_judgment(
                case, sentences=sentences, judged_on=data["judged_on"], acting_user=request.user
            ),
        )
        if done is not None:
            messages.success(request, _("已记录一审判决"))
            return redirect("case_detail", case.pk)
    context = {"case": case, "form": form, "sentence_forms": sentence_forms}
    return render(request, "cases/judgment.html", context, status=400 if request.method == "POST" else 200)


@login_required
def case_second_instance(request, pk):
    """The court above's decision: 维持原判, 改判 (each defendant's new sentence) or 发回重审."""
    case = _case(request, pk)
    access.check_decide_second_instance(request.user, case)
    defendants = list(case.defendants.filter(stage=Stage.APPEAL).order_by("pk"))
    form = SecondInstanceForm(request.POST or None)
    sentence_forms = [SentenceForm(request.POST or None, defendant=d, required=False) for d in defendants]
    before = {d.pk: judgments.current_sentence(d) for d in defendants}
    if request.method == "POST":
        done = _submit(
            form,
            sentence_forms,
            lambda data, sentences: judgments.do_decide_second_instance(
                case,
                decision=data["decision"],
                ground=data.get("ground") or "",
                reasons=data.get("reasons") or "",
                decided_on=data["decided_on"],
                sentences=sentences,
                acting_user=request.user,
            ),
        )
        if done is not None:
            messages.success(request, _("已记录二审裁判：%(d)s") % {"d": done.get_decision_display()})
            visible = access.visible_cases(request.user).filter(pk=case.pk).exists()
            return redirect(reverse("case_detail", args=[case.pk]) if visible else reverse("case_list"))
    rows = [(f, before[f.defendant.pk]) for f in sentence_forms]
    context = {"case": case, "form": form, "rows": rows}
    return render(
        request, "cases/second_instance.html", context, status=400 if request.method == "POST" else 200
    )


def _initiators(user, case):
    allowed = []
    for value, label in Retrial.Initiator.choices:
        try:
            access.check_start_retrial(user, case, initiator=value)
        except Forbidden:
            continue
        allowed.append((value, label))
    return allowed


@login_required
def case_retrial(request, pk):
    """Start a retrial of the case's final judgment (审判监督程序), or see the one in progress."""
    case = get_object_or_404(access.visible_cases(request.user).select_related("court__region"), pk=pk)
    initiators = _initiators(request.user, case)
    if not initiators:
        access.check_start_retrial(request.user, case, initiator="court")  # the refusal names the articles
    form = RetrialStartForm(request.POST or None, initiators=initiators)
    if request.method == "POST":
        done = _submit(
            form,
            [],
            lambda data, _s: judgments.do_start_retrial(
                case,
                initiator=data["initiator"],
                reasons=data["reasons"],
                started_on=data["started_on"],
                acting_user=request.user,
            ),
        )
        if done is not None:
            messages.success(request, _("已决定再审，由%(court)s审理") % {"court": done.court})
            return redirect("case_detail", case.pk)
    context = {"case": case, "form": form}
    return render(request, "cases/retrial.html", context, status=400 if request.method == "POST" else 200)


def _retrial(request, retrial_id):
    return get_object_or_404(
        Retrial.objects.filter(case__in=access.visible_cases(request.user)).select_related("case", "court"),
        pk=retrial_id,
    )


@login_required
def retrial_assign(request, retrial_id):
    retrial = _retrial(request, retrial_id)
    access.check_assign_retrial_judge(request.user, retrial)
    form = RetrialJudgeForm(request.POST or None, judges=_judges(retrial.court))
    if request.method == "POST":
        done = _submit(
            form,
            [],
            lambda data, _s: judgments.do_assign_retrial_judge(
                retrial, judge=data["judge"], acting_user=request.user
            ),
        )
        if done is not None:
            messages.success(request, _("再审法官：%(name)s") % {"name": done.judge})
            return redirect("case_detail", retrial.case_id)
    context = {"retrial": retrial, "case": retrial.case, "form": form}
    return render(
        request, "cases/retrial_assign.html", context, status=400 if request.method == "POST" else 200
    )


@login_required
def retrial_decide(request, retrial_id):
    retrial = _retrial(request, retrial_id)
    access.check_decide_retrial(request.user, retrial)
    defendants = list(retrial.case.defendants.order_by("pk"))
    form = RetrialDecisionForm(request.POST or None)
    sentence_forms = [SentenceForm(request.POST or None, defendant=d, required=False) for d in defendants]
    if request.method == "POST":
        done = _submit(
            form,
            sentence_forms,
            lambda data, sentences: judgments.do_decide_retrial(
                retrial,
                outcome=data["outcome"],
                decided_on=data["decided_on"],
                sentences=sentences,
                acting_user=request.user,
            ),
        )
        if done is not None:
            messages.success(request, _("已记录再审判决"))
            return redirect("case_detail", retrial.case_id)
    rows = [(f, judgments.current_sentence(f.defendant)) for f in sentence_forms]
    context = {"retrial": retrial, "case": retrial.case, "form": form, "rows": rows}
    return render(
        request, "cases/retrial_decide.html", context, status=400 if request.method == "POST" else 200
    )
