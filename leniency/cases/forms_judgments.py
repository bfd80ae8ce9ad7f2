"""Forms of the judgment, the second-instance decision and retrial (`views_judgments.py`)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from leniency import clock

from .forms import _date_input
from .judgments import SentenceIn
from .models import PenaltyKind, Retrial, SecondInstanceDecision


class SentenceForm(forms.Form):
    """One defendant's sentence; prefixed `d<pk>` so the service's refusal lands on its field."""

    penalty = forms.ChoiceField(label=_("主刑"), choices=PenaltyKind.choices)
    months = forms.IntegerField(label=_("刑期（月）"), min_value=0, max_value=600, required=False)
    probation_months = forms.IntegerField(
        label=_("缓刑考验期（月，不适用缓刑的留空）"), min_value=0, max_value=120, required=False
    )
    fine_yuan = forms.DecimalField(
        label=_("罚金（元）"), min_value=0, max_digits=14, decimal_places=2, required=False
    )
    confiscation = forms.BooleanField(label=_("并处没收财产（刑法第59条）"), required=False)

    def __init__(self, *args, defendant, required=True, proposal=None, **kwargs):
        if proposal is not None:
            kwargs.setdefault("initial", proposal.initial())
        super().__init__(*args, prefix=f"d{defendant.pk}", **kwargs)
        self.defendant = defendant
        self.proposal = proposal  # `sentence_proposals.Proposal`: the first values and where they come from
        self.fields["penalty"].required = required
        if not required:
            self.fields["penalty"].choices = [("", "—"), *PenaltyKind.choices]

    def sentence(self) -> SentenceIn | None:
        data = self.cleaned_data
        if not data.get("penalty"):
            return None
        return SentenceIn(
            penalty=data["penalty"],
            months=data.get("months"),
            probation_months=data.get("probation_months"),
            fine_yuan=data.get("fine_yuan"),
            confiscation=bool(data.get("confiscation")),
        )


class JudgmentForm(forms.Form):
    judged_on = forms.DateField(label=_("宣判日期"), widget=_date_input())

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"judged_on": clock.today()})
        super().__init__(*args, **kwargs)


class SecondInstanceForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("二审结果"), choices=SecondInstanceDecision.Decision.choices, widget=forms.RadioSelect
    )
    ground = forms.ChoiceField(
        label=_("发回重审理由"), choices=[("", "—"), *SecondInstanceDecision.Ground.choices], required=False
    )
    reasons = forms.CharField(label=_("理由"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    decided_on = forms.DateField(label=_("宣判日期"), widget=_date_input())

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"decided_on": clock.today()})
        super().__init__(*args, **kwargs)


class RetrialStartForm(forms.Form):
    initiator = forms.ChoiceField(label=_("再审启动"), choices=())
    reasons = forms.CharField(label=_("再审理由"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000)
    started_on = forms.DateField(label=_("决定再审日期"), widget=_date_input())

    def __init__(self, *args, initiators, **kwargs):
        kwargs.setdefault("initial", {"started_on": clock.today()})
        super().__init__(*args, **kwargs)
        self.fields["initiator"].choices = initiators


class RetrialJudgeForm(forms.Form):
    judge = forms.ModelChoiceField(label=_("再审法官"), queryset=None)

    def __init__(self, *args, judges, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["judge"].queryset = judges


class RetrialDecisionForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("再审结果"), choices=Retrial.Outcome.choices, widget=forms.RadioSelect
    )
    decided_on = forms.DateField(label=_("再审宣判日期"), widget=_date_input())

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"decided_on": clock.today()})
        super().__init__(*args, **kwargs)
