from django import forms
from django.utils.translation import gettext_lazy as _

from leniency.accounts.models import Organisation, Region

from . import attachments
from .models import Decision, InvestigationNote, Petition, PublicReport

CORRECTION_ROWS = 3


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input (Django's documented pattern); the checks live in attachments.py."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "widget", MultipleFileInput(attrs={"accept": ",".join(attachments.ALLOWED_EXTENSIONS)})
        )
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [f for f in data if f]
        return [data] if data else []


# The public's free text has a cap, said on the field (and as the textarea's maxlength): a report is read by a
# person, and a 100 KB description is not a report.
REPORT_DESCRIPTION_MAX_LENGTH = 5000


class PublicReportForm(forms.Form):
    kind = forms.ChoiceField(label=_("举报类型"), choices=[("", "—")] + PublicReport.Kind.choices)
    description = forms.CharField(
        label=_("举报内容"),
        max_length=REPORT_DESCRIPTION_MAX_LENGTH,  # refused with the field's message above it
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("请说明时间、地点、经过。请勿填写与举报无关的他人个人信息。"),
    )
    case_number = forms.CharField(label=_("案号（如知道）"), max_length=60, required=False)
    region = forms.ModelChoiceField(
        label=_("发生地区"), required=False, queryset=Region.objects.none(), empty_label=_("不清楚")
    )
    reporter_name = forms.CharField(label=_("您的姓名（可不填）"), max_length=50, required=False)
    reporter_contact = forms.CharField(
        label=_("联系方式（可不填，仅承办机关可见）"), max_length=100, required=False
    )
    attachments = MultipleFileField(
        label=_("附件（可选）"),
        required=False,
        help_text=_("PDF、图片、Word、音视频，每个不超过 5 MB，最多 3 个"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = (
            Region.objects.filter(level=Region.Level.DISTRICT).select_related("parent").order_by("code")
        )
        self.fields["region"].label_from_instance = lambda r: r.full_name()


class StatusForm(forms.Form):
    code = forms.CharField(
        label=_("查询码"), max_length=20, widget=forms.TextInput(attrs={"autocomplete": "off"})
    )


class ReplyForm(forms.Form):
    text = forms.CharField(label=_("答复内容"), widget=forms.Textarea(attrs={"rows": 4}))
    public = forms.BooleanField(label=_("向举报人公开（作为正式答复）"), required=False, initial=True)


class EscalateForm(forms.Form):
    reason = forms.CharField(label=_("移交理由"), max_length=200)


class PetitionForm(forms.Form):
    source = forms.ChoiceField(
        label=_("来源"), choices=[c for c in Petition.Source.choices if c[0] != Petition.Source.REPORT]
    )
    defendant = forms.ModelChoiceField(label=_("犯罪嫌疑人/被告人"), queryset=None)
    subject = forms.CharField(label=_("事由"), max_length=200)
    grounds = forms.CharField(label=_("理由"), widget=forms.Textarea(attrs={"rows": 5}))

    def __init__(self, *args, defendants, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["defendant"].queryset = defendants.select_related("case")
        self.fields["defendant"].label_from_instance = lambda d: f"{d.case.number} · {d.name}"


class AssignForm(forms.Form):
    member = forms.ModelChoiceField(label=_("委员"), queryset=None)
    lead = forms.BooleanField(label=_("主办"), required=False)

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = members


class NoteForm(forms.Form):
    kind = forms.ChoiceField(label=_("类别"), choices=InvestigationNote.Kind.choices)
    text = forms.CharField(label=_("内容"), widget=forms.Textarea(attrs={"rows": 4}))
    recording = forms.ModelChoiceField(label=_("引用本案录音录像"), queryset=None, required=False)

    def __init__(self, *args, recordings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recording"].queryset = recordings
        if not recordings.exists():
            del self.fields["recording"]


def _responsible_orgs():
    return Organisation.objects.exclude(kind__in=[Organisation.Kind.REVIEW_COMMITTEE]).order_by(
        "region__code", "name"
    )


class DecisionForm(forms.Form):
    kind = forms.ChoiceField(label=_("决定类型"), choices=[("", "—")] + Decision.Kind.choices)
    reasons = forms.CharField(label=_("理由"), widget=forms.Textarea(attrs={"rows": 5}))
    public_summary = forms.CharField(
        label=_("向举报人或申请人公开的结论"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for i in range(1, CORRECTION_ROWS + 1):
            self.fields[f"c{i}_description"] = forms.CharField(
                label=_("整改要求 %(n)s") % {"n": i}, required=False, widget=forms.Textarea(attrs={"rows": 2})
            )
            self.fields[f"c{i}_responsible"] = forms.ModelChoiceField(
                label=_("责任机关 %(n)s") % {"n": i}, queryset=_responsible_orgs(), required=False
            )
            self.fields[f"c{i}_due_on"] = forms.DateField(
                label=_("整改期限 %(n)s") % {"n": i},
                required=False,
                widget=forms.DateInput(attrs={"type": "date"}),
            )

    def corrections(self) -> list[dict]:
        rows = []
        for i in range(1, CORRECTION_ROWS + 1):
            description = (self.cleaned_data.get(f"c{i}_description") or "").strip()
            responsible = self.cleaned_data.get(f"c{i}_responsible")
            if description or responsible:
                rows.append(
                    {
                        "description": description,
                        "responsible": responsible,
                        "due_on": self.cleaned_data.get(f"c{i}_due_on"),
                    }
                )
        return rows


class CompleteCorrectionForm(forms.Form):
    evidence = forms.CharField(label=_("完成情况及证明"), widget=forms.Textarea(attrs={"rows": 3}))


class ConflictForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("相关机构"), queryset=Organisation.objects.order_by("name"), required=False
    )
    case_number = forms.CharField(label=_("相关案号"), max_length=60, required=False)
    reason = forms.CharField(label=_("事由"), max_length=200)
