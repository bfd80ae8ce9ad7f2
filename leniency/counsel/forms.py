from datetime import timedelta

from django import forms
from django.utils.translation import gettext_lazy as _

from leniency import clock

from .models import ConflictOfInterest, CounselRequest, RotaCorrection, Service, Severity, Specialty

DT = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class RequestForm(forms.Form):
    source = forms.ChoiceField(label=_("申请来源"), choices=CounselRequest.Source.choices)
    work = forms.ChoiceField(label=_("需要"), choices=CounselRequest.Work.choices)
    severity = forms.ChoiceField(label=_("可能判处的刑罚"), choices=Severity.choices)
    opposed_to_co_defendants = forms.BooleanField(label=_("与同案人利益冲突"), required=False)
    note = forms.CharField(
        label=_("说明"), required=False, max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )


class OverrideForm(forms.Form):
    lawyer = forms.ModelChoiceField(label=_("律师"), queryset=None)
    reason = forms.CharField(label=_("理由"), max_length=500, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, lawyers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lawyer"].queryset = lawyers


class ConflictForm(forms.Form):
    """A tie to a party of the case; a lawyer declares their own (no lawyer field)."""

    lawyer = forms.ModelChoiceField(label=_("律师"), queryset=None)
    kind = forms.ChoiceField(label=_("类型"), choices=ConflictOfInterest.Kind.choices)
    note = forms.CharField(
        label=_("说明"),
        required=False,
        max_length=300,
        help_text=_("与哪一方（被害人、同案犯罪嫌疑人或其他当事人）存在何种关系"),
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, lawyers=None, **kwargs):
        super().__init__(*args, **kwargs)
        if lawyers is None:
            del self.fields["lawyer"]
        else:
            self.fields["lawyer"].queryset = lawyers


class WithdrawConflictForm(forms.Form):
    conflict = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(label=_("撤销理由"), max_length=300)


class ParticipationForm(forms.Form):
    service = forms.ChoiceField(label=_("工作内容"), choices=Service.choices)
    occurred_at = forms.DateTimeField(
        label=_("时间"), widget=DT, input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]
    )
    minutes = forms.IntegerField(label=_("用时（分钟）"), min_value=1, max_value=1440)
    note = forms.CharField(label=_("摘要"), required=False, max_length=500)
    opinion = forms.CharField(label=_("书面意见"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            # The time is when the work began: by default an hour's work that has just ended.
            "initial",
            {
                "occurred_at": clock.localtime().replace(second=0, microsecond=0) - timedelta(hours=1),
                "minutes": 60,
            },
        )
        super().__init__(*args, **kwargs)


class RatingForm(forms.Form):
    complaint = forms.BooleanField(label=_("投诉"), required=False)
    comment = forms.CharField(
        label=_("评语"), required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        scores = {}
        for criterion in criteria:
            scores[f"score_{criterion.code}"] = forms.TypedChoiceField(
                label=criterion.label,
                help_text=criterion.description,
                coerce=int,
                choices=[(n, str(n)) for n in (5, 4, 3, 2, 1)],
            )
        self.fields = {**scores, **self.fields}
        self.criteria = criteria

    def scores(self):
        return {c.code: self.cleaned_data[f"score_{c.code}"] for c in self.criteria}


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("理由"), max_length=1000, widget=forms.Textarea(attrs={"rows": 2}))


class DecideWarningForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("处理结果"), choices=[("dismiss", _("撤销预警")), ("restrict", _("限制指派"))]
    )
    days = forms.IntegerField(label=_("限制天数"), min_value=1, max_value=730, initial=90)
    reason = forms.CharField(label=_("理由"), max_length=1000, widget=forms.Textarea(attrs={"rows": 2}))


class ContestForm(forms.Form):
    statement = forms.CharField(label=_("异议理由"), widget=forms.Textarea(attrs={"rows": 3}))


class AnswerForm(forms.Form):
    upheld = forms.TypedChoiceField(
        label=_("答复结果"), coerce=lambda v: v == "1", choices=[("1", _("异议成立")), ("0", _("异议不成立"))]
    )
    answer = forms.CharField(label=_("答复"), max_length=1000, widget=forms.Textarea(attrs={"rows": 2}))


class ClaimDecisionForm(forms.Form):
    approve = forms.TypedChoiceField(
        label=_("审核结果"), coerce=lambda v: v == "1", choices=[("1", _("核准")), ("0", _("退回"))]
    )
    note = forms.CharField(label=_("审核意见"), required=False, max_length=500)


class CorrectionForm(forms.Form):
    reason = forms.CharField(label=_("纠错理由"), max_length=500)


class CorrectionDecisionForm(forms.Form):
    accept = forms.TypedChoiceField(
        label=_("处理结果"),
        coerce=lambda v: v == "1",
        choices=[
            ("1", RotaCorrection.Decision.ACCEPTED.label),
            ("0", RotaCorrection.Decision.REJECTED.label),
        ],
    )
    answer = forms.CharField(label=_("答复"), required=False, max_length=500)


class RegistrySearchForm(forms.Form):
    q = forms.CharField(
        label=_("搜索"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("姓名、执业证号或律所")}),
    )
    specialty = forms.ModelChoiceField(
        label=_("专长"), required=False, queryset=Specialty.objects.all(), empty_label=_("全部专长")
    )
    experts_only = forms.BooleanField(label=_("仅专家库"), required=False)


class DashboardFilterForm(forms.Form):
    date_from = forms.DateField(
        label=_("指派日期自"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(label=_("至"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            self.add_error("date_to", _("结束日期不能早于开始日期"))
        return data


class AvailabilityForm(forms.Form):
    available = forms.BooleanField(label=_("可接受指派"), required=False)
    unavailable_until = forms.DateField(
        label=_("暂停接受指派至"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, instance_profile=None, **kwargs):
        if instance_profile is not None:
            kwargs.setdefault(
                "initial",
                {
                    "available": instance_profile.available,
                    "unavailable_until": instance_profile.unavailable_until,
                },
            )
        super().__init__(*args, **kwargs)


class RotaPeriodForm(forms.Form):
    station = forms.ModelChoiceField(label=_("工作站"), queryset=None)
    starts_on = forms.DateField(label=_("开始日期"), widget=forms.DateInput(attrs={"type": "date"}))
    ends_on = forms.DateField(label=_("结束日期"), widget=forms.DateInput(attrs={"type": "date"}))
    lawyers = forms.ModelMultipleChoiceField(
        label=_("律师（按轮值顺序）"), queryset=None, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, stations, lawyers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["station"].queryset = stations
        self.fields["lawyers"].queryset = lawyers
