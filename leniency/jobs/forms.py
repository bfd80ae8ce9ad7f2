from django import forms
from django.utils.translation import gettext_lazy as _


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("裁判文书文件"), help_text=_("CAIL2018 格式：每行一个 JSON（.json/.jsonl），或 CSV（.csv）")
    )


class ReportForm(forms.Form):
    period = forms.RegexField(
        label=_("期间"), regex=r"^\d{4}(-Q[1-4])?$", help_text=_("季度（2026-Q3）或年度（2026）")
    )
