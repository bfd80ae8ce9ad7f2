from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from leniency import clock
from leniency.accounts.capabilities import has_capability
from leniency.cases.stages import Procedure

from .checklist import CHECKLIST
from .models import PleaAgreement, ReviewItem, RightsNotice, Signature, Withdrawal
from .taxonomy import WithdrawalStage, grouped_reason_choices

DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class NoticeForm(forms.Form):
    authority = forms.ChoiceField(label=_("告知机关"), choices=RightsNotice.Authority.choices)
    notified_by_name = forms.CharField(label=_("告知人"), max_length=50)
    notified_at = forms.DateTimeField(label=_("告知时间"), widget=DATETIME)
    right_procedural = forms.BooleanField(label=_("诉讼权利"), required=False, initial=True)
    right_plea_rules = forms.BooleanField(
        label=_("认罪认罚从宽的法律规定（刑事诉讼法第173条第2款）"), required=False, initial=True
    )
    right_duty_lawyer = forms.BooleanField(
        label=_("有权约见值班律师（刑事诉讼法第36条第2款）"), required=False, initial=True
    )
    right_withdraw = forms.BooleanField(
        label=_("有权反悔，以及反悔的后果（从宽不再适用、可能依法从重起诉）"), required=False, initial=True
    )
    method = forms.ChoiceField(
        label=_("告知方式"), choices=RightsNotice.Method.choices, initial=RightsNotice.Method.BOTH
    )
    language = forms.CharField(label=_("告知语言"), max_length=30, initial="汉语普通话")
    interpreter = forms.CharField(label=_("翻译人员（非汉语告知时必填）"), max_length=50, required=False)
    acknowledged = forms.BooleanField(
        label=_("犯罪嫌疑人/被告人确认已知悉并理解"), required=False, initial=True
    )
    acknowledgement = forms.CharField(label=_("确认内容（本人所述）"), max_length=300, required=False)
    notes = forms.CharField(label=_("备注"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, user=None, **kwargs):
        kwargs.setdefault("initial", {})
        kwargs["initial"].setdefault("notified_at", clock.localtime().replace(second=0, microsecond=0))
        if user is not None:
            kwargs["initial"].setdefault("notified_by_name", str(user))
            kwargs["initial"].setdefault(
                "authority",
                RightsNotice.Authority.COURT
                if has_capability(user, "adjudicate")
                else RightsNotice.Authority.PROCURATORATE,
            )
        super().__init__(*args, **kwargs)


class AgreementForm(forms.Form):
    procedure = forms.ChoiceField(label=_("同意适用的审理程序"), choices=Procedure.choices)
    lawyer_exception = forms.ChoiceField(
        label=_("刑事诉讼法第174条第2款规定的不需签署情形"),
        choices=PleaAgreement.LawyerException.choices,
        required=False,
        help_text=_(
            "一般情况下须由辩护人或值班律师在场并签字（第174条第1款）。仅在法定情形下才可不签署具结书，"
            "不签署不影响认罪认罚从宽的适用（人民检察院刑事诉讼规则第272条第3款）。"
        ),
    )
    exception_note = forms.CharField(label=_("情形说明"), max_length=300, required=False)


class SigningForm(forms.Form):
    """What every signature names: the segment of the signing's recording, or why there is none."""

    role = forms.ChoiceField(choices=Signature.Role.choices, widget=forms.HiddenInput)
    recording = forms.ModelChoiceField(
        label=_("签署录音录像"), queryset=None, required=False, empty_label=_("（没有录音录像）")
    )
    recording_start_s = forms.IntegerField(label=_("签署片段起（秒）"), min_value=0, required=False)
    recording_end_s = forms.IntegerField(label=_("签署片段止（秒）"), min_value=0, required=False)
    no_recording_reason = forms.CharField(
        label=_("没有录音录像的原因（如设备故障；将提交监督评议委员会审查）"), max_length=300, required=False
    )

    def __init__(self, *args, defendant, agreement, **kwargs):
        super().__init__(*args, **kwargs)
        # The recordings app sits above plea: its rows are reached through the defendant's relation.
        self.fields["recording"].queryset = defendant.recordings.filter(session="signing").filter(
            models.Q(agreement__isnull=True) | models.Q(agreement=agreement)
        )

    def evidence(self) -> dict:
        data = self.cleaned_data
        return {
            "recording": data.get("recording"),
            "start_s": data.get("recording_start_s"),
            "end_s": data.get("recording_end_s"),
            "no_recording_reason": data.get("no_recording_reason", ""),
        }


class DefendantSignatureForm(SigningForm):
    """The defendant signs on the tablet (the canvas fills `drawn_png`) or on paper, scanned and uploaded."""

    drawn_png = forms.CharField(required=False, widget=forms.HiddenInput, max_length=3_000_000)
    scan = forms.FileField(
        label=_("或：上传犯罪嫌疑人签字的纸质具结书扫描件（PDF、JPEG 或 PNG）"), required=False
    )

    def capture(self) -> tuple[str, object]:
        """(capture, content): the scan when one was uploaded, else the drawing."""
        data = self.cleaned_data
        if data.get("scan"):
            return Signature.Capture.SCAN, data["scan"]
        return Signature.Capture.DRAWN, data.get("drawn_png", "")


class LawyerAttestationForm(SigningForm):
    present = forms.BooleanField(label=_("本人在犯罪嫌疑人签署具结书时在场"), required=False)
    advised = forms.BooleanField(
        label=_("签署前本人已向其提供法律帮助，释明认罪认罚的性质和法律后果"), required=False
    )
    voluntary = forms.BooleanField(label=_("犯罪嫌疑人系在听取本人意见后自愿签署"), required=False)


SIGN_FORMS = {
    Signature.Role.DEFENDANT: DefendantSignatureForm,
    Signature.Role.LAWYER: LawyerAttestationForm,
    Signature.Role.PROSECUTOR: SigningForm,
}


class ReviewForm(forms.Form):
    conclusion = forms.CharField(
        label=_("审查意见"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for item in CHECKLIST:
            choices = [
                c
                for c in ReviewItem.Answer.choices
                if item.allows_na or c[0] != ReviewItem.Answer.NOT_APPLICABLE
            ]
            self.fields[item.key] = forms.ChoiceField(
                label=item.label, choices=choices, widget=forms.RadioSelect, help_text=item.basis
            )
            self.fields[f"{item.key}_note"] = forms.CharField(label=_("说明"), required=False, max_length=500)

    def rows(self):
        """(item, answer field, note field) for the checklist table."""
        return [(item, self[item.key], self[f"{item.key}_note"]) for item in CHECKLIST]

    def answers(self) -> dict[str, tuple[str, str]]:
        data = self.cleaned_data
        return {item.key: (data[item.key], data.get(f"{item.key}_note", "")) for item in CHECKLIST}


class ResolveForm(forms.Form):
    resolution = forms.CharField(
        label=_("解决情况"), max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )


class WithdrawalForm(forms.Form):
    initiated_by = forms.ChoiceField(label=_("提出人"), choices=Withdrawal.Initiator.choices)
    occurred_at = forms.DateTimeField(label=_("反悔时间"), widget=DATETIME)
    reasons = forms.MultipleChoiceField(
        label=_("反悔原因（可多选）"), choices=grouped_reason_choices, widget=forms.CheckboxSelectMultiple
    )
    other_reason = forms.CharField(label=_("其他原因说明"), max_length=300, required=False)
    statement = forms.CharField(label=_("本人陈述"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    procedure_to = forms.ChoiceField(
        label=_("转换审理程序（仅审理阶段；刑诉法解释第358条）"),
        required=False,
        choices=[
            ("", _("不转换")),
            (Procedure.SUMMARY, Procedure.SUMMARY.label),
            (Procedure.ORDINARY, Procedure.ORDINARY.label),
        ],
    )
    protest = forms.BooleanField(label=_("提出抗诉（仅一审判决后；刑事诉讼法第237条）"), required=False)
    protest_note = forms.CharField(label=_("抗诉理由"), max_length=300, required=False)
    non_prosecution_decision = forms.ChoiceField(
        label=_("对原不起诉决定的处理（仅不起诉后；人民检察院刑事诉讼规则第278条）"),
        required=False,
        choices=Withdrawal.NonProsecutionDecision.choices,
    )

    STAGE_FIELDS = {
        WithdrawalStage.AT_TRIAL: ("procedure_to",),
        WithdrawalStage.AFTER_JUDGMENT: ("protest", "protest_note"),
        WithdrawalStage.AFTER_NON_PROSECUTION: ("non_prosecution_decision",),
    }

    def __init__(self, *args, stage=None, **kwargs):
        kwargs.setdefault("initial", {})
        kwargs["initial"].setdefault("occurred_at", clock.localtime().replace(second=0, microsecond=0))
        super().__init__(*args, **kwargs)
        # Only the choices the law gives at this stage (FACTS.md §3.9).
        keep = self.STAGE_FIELDS.get(stage, ())
        for name in ("procedure_to", "protest", "protest_note", "non_prosecution_decision"):
            if name not in keep:
                del self.fields[name]

    def clean(self):
        data = super().clean()
        for name, empty in (
            ("procedure_to", ""),
            ("protest", False),
            ("protest_note", ""),
            ("non_prosecution_decision", ""),
        ):
            data.setdefault(name, empty)
        return data
