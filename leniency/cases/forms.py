from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Charge
from .stages import Procedure, Stage, allowed_next


class CaseFilterForm(forms.Form):
    q = forms.CharField(
        label=_("搜索"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"placeholder": _("案号、案由或姓名"), "type": "search"}),
    )
    stage = forms.ChoiceField(
        label=_("诉讼阶段"), required=False, choices=[("", _("全部阶段")), *Stage.choices]
    )
    procedure = forms.ChoiceField(
        label=_("审理程序"), required=False, choices=[("", _("全部程序")), *Procedure.choices]
    )
    charge = forms.ModelChoiceField(
        label=_("罪名"), required=False, queryset=Charge.objects.all(), empty_label=_("全部罪名")
    )
    received_from = forms.DateField(
        label=_("受理日期自"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    received_to = forms.DateField(
        label=_("至"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )

    def __init__(self, *args, charges=None, **kwargs):
        super().__init__(*args, **kwargs)
        if charges is not None:
            self.fields["charge"].queryset = charges

    def clean(self):
        data = super().clean()
        start, end = data.get("received_from"), data.get("received_to")
        if start and end and start > end:
            self.add_error("received_to", _("结束日期不能早于开始日期"))
        return data

    def apply(self, cases):
        """Filter a queryset of cases by the valid fields (invalid ones are ignored and shown as errors)."""
        data = self.cleaned_data if self.is_valid() else {}
        if q := data.get("q"):
            cases = cases.filter(
                Q(number__icontains=q) | Q(title__icontains=q) | Q(defendants__name__icontains=q)
            )
        if stage := data.get("stage"):
            cases = cases.filter(defendants__stage=stage)
        if procedure := data.get("procedure"):
            cases = cases.filter(defendants__procedure=procedure)
        if charge := data.get("charge"):
            cases = cases.filter(defendants__charges=charge)
        if start := data.get("received_from"):
            cases = cases.filter(received_on__gte=start)
        if end := data.get("received_to"):
            cases = cases.filter(received_on__lte=end)
        return cases.distinct()


class StageChangeForm(forms.Form):
    to = forms.ChoiceField(label=_("转入阶段"))
    as_of = forms.DateField(
        label=_("日期"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    reason = forms.CharField(
        label=_("说明"), required=False, max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, defendant, **kwargs):
        kwargs.setdefault("initial", {"as_of": timezone.localdate()})
        super().__init__(*args, **kwargs)
        self.fields["to"].choices = [(s, Stage(s).label) for s in allowed_next(defendant.stage)]
