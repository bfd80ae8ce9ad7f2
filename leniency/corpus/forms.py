"""The recommendation page's form: the facts as pasted, and the user's corrections of what was extracted."""

from django import forms
from django.utils.translation import gettext_lazy as _

from leniency.corpus.factors import CIRCUMSTANCE_ZH

CIRCUMSTANCE_CHOICES = [(code, label) for code, label in CIRCUMSTANCE_ZH.items()]


class RecommendForm(forms.Form):
    fact = forms.CharField(
        label=_("案件事实"),
        widget=forms.Textarea(attrs={"rows": 10}),
        max_length=20_000,
        help_text=_("粘贴起诉书或判决书中的案件事实"),
    )
    charge = forms.CharField(
        label=_("罪名（可不填）"),
        required=False,
        max_length=60,
        widget=forms.TextInput(attrs={"list": "charge-names", "placeholder": "盗窃"}),
    )
    proposed_months = forms.IntegerField(
        label=_("拟建议刑期（月）"), required=False, min_value=0, max_value=300
    )
    region = forms.RegexField(
        label=_("类案地区代码"),
        required=False,
        regex=r"^\d{2,12}$",
        max_length=12,
        error_messages={"invalid": _("地区代码必须是数字（如 990102）")},
    )
    year_from = forms.IntegerField(label=_("类案年份自"), required=False, min_value=1990, max_value=2100)
    year_to = forms.IntegerField(label=_("类案年份至"), required=False, min_value=1990, max_value=2100)
    # corrections, sent by the "重新计算" form under the result
    edited = forms.BooleanField(required=False, widget=forms.HiddenInput)
    amount_yuan = forms.DecimalField(
        label=_("涉案金额（元）"), required=False, min_value=0, max_digits=16, decimal_places=2
    )
    circumstances = forms.MultipleChoiceField(
        label=_("量刑情节"), required=False, choices=CIRCUMSTANCE_CHOICES, widget=forms.CheckboxSelectMultiple
    )

    def clean(self):
        data = super().clean()
        start, end = data.get("year_from"), data.get("year_to")
        if start and end and start > end:
            self.add_error("year_to", _("终止年不能早于起始年"))
        return data
