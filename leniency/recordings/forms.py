from django import forms
from django.utils.translation import gettext_lazy as _

from leniency import clock
from leniency.plea.models import PleaAgreement, RightsNotice

from .models import Recording
from .services import ALLOWED_EXTENSIONS


class UploadForm(forms.Form):
    session = forms.ChoiceField(label=_("所录环节"), choices=Recording.Session.choices)
    notice = forms.ModelChoiceField(
        label=_("对应的权利告知"), queryset=RightsNotice.objects.none(), required=False
    )
    agreement = forms.ModelChoiceField(
        label=_("对应的具结书"), queryset=PleaAgreement.objects.none(), required=False
    )
    recorded_on = forms.DateField(
        label=_("录制日期"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    description = forms.CharField(label=_("说明"), max_length=300, required=False)
    file = forms.FileField(
        label=_("音视频文件"),
        help_text=_("可上传：%(ext)s") % {"ext": "、".join(ALLOWED_EXTENSIONS)},
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(f".{e}" for e in ALLOWED_EXTENSIONS)}),
    )

    def __init__(self, *args, defendant, **kwargs):
        kwargs.setdefault("initial", {"recorded_on": clock.today()})
        super().__init__(*args, **kwargs)
        self.fields["notice"].queryset = RightsNotice.objects.filter(defendant=defendant)
        self.fields["agreement"].queryset = PleaAgreement.objects.filter(defendant=defendant)
