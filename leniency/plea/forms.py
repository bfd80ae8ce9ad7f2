from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

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
        kwargs["initial"].setdefault("notified_at", timezone.localtime().replace(second=0, microsecond=0))
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


class SignForm(forms.Form):
    role = forms.ChoiceField(choices=Signature.Role.choices, widget=forms.HiddenInput)
    lawyer_present = forms.BooleanField(
        label=_("辩护人或值班律师在场（刑事诉讼法第174条第1款）"), required=False
    )


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
        kwargs["initial"].setdefault("occurred_at", timezone.localtime().replace(second=0, microsecond=0))
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
