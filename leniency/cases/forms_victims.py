"""Forms of the victims' pages: registering a victim, their opinion (CPL art. 173), an agreement with a scan."""

from django import forms
from django.utils.translation import gettext_lazy as _

from leniency import clock
from leniency.errors import DomainError

from .identity import validate_id_number
from .models import Settlement, VictimOpinion

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class VictimForm(forms.Form):
    name = forms.CharField(label=_("被害人姓名"), max_length=50)
    defendants = forms.ModelMultipleChoiceField(
        label=_("加害的犯罪嫌疑人"), queryset=None, widget=forms.CheckboxSelectMultiple
    )
    id_number = forms.CharField(label=_("身份证号"), max_length=18, required=False)
    phone = forms.CharField(label=_("联系电话"), max_length=20, required=False)
    address = forms.CharField(label=_("住址"), max_length=200, required=False)

    def __init__(self, *args, defendants, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["defendants"].queryset = defendants
        if defendants.count() == 1:
            self.fields["defendants"].initial = list(defendants)


UNREACHABLE = VictimOpinion.Position.UNREACHABLE


class OpinionForm(forms.Form):
    defendant = forms.ModelChoiceField(label=_("犯罪嫌疑人"), queryset=None)
    position = forms.ChoiceField(
        label=_("被害人意见"),
        choices=VictimOpinion.Position.choices,
        widget=forms.RadioSelect,
        help_text=_("无法听取的，在下方写明原因"),
    )
    method = forms.ChoiceField(
        label=_("听取方式"), choices=[("", "—"), *VictimOpinion.Method.choices], required=False
    )
    heard_on = forms.DateField(label=_("日期"), widget=DATE)
    text = forms.CharField(
        label=_("意见内容或无法听取的原因"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
    )

    def __init__(self, *args, defendants, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["defendant"].queryset = defendants
        if len(defendants) == 1:
            self.fields["defendant"].initial = defendants[0].pk
        self.fields["heard_on"].initial = clock.today()


class SettlementForm(forms.Form):
    defendant = forms.ModelChoiceField(label=_("犯罪嫌疑人"), queryset=None)
    kind = forms.ChoiceField(label=_("类型"), choices=Settlement.Kind.choices, widget=forms.RadioSelect)
    signed_on = forms.DateField(label=_("日期"), widget=DATE)
    amount = forms.DecimalField(
        label=_("约定赔偿金额（元）"), max_digits=12, decimal_places=2, min_value=0, required=False
    )
    amount_paid = forms.DecimalField(
        label=_("已履行金额（元）"), max_digits=12, decimal_places=2, min_value=0, required=False
    )
    note = forms.CharField(label=_("说明"), max_length=300, required=False)
    document = forms.FileField(
        label=_("协议扫描件"), required=False, help_text=_("PDF、JPEG、PNG 或 TIFF，20 MB 以内")
    )

    def __init__(self, *args, defendants, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["defendant"].queryset = defendants
        if len(defendants) == 1:
            self.fields["defendant"].initial = defendants[0].pk


class VictimIntakeForm(forms.Form):
    """A victim named in the transfer, registered with the case at intake (an empty form is skipped)."""

    name = forms.CharField(label=_("被害人姓名"), max_length=50)
    defendants = forms.TypedMultipleChoiceField(
        label=_("加害的犯罪嫌疑人"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("不选即为全部犯罪嫌疑人"),
    )
    id_number = forms.CharField(label=_("身份证号"), max_length=18, required=False)
    phone = forms.CharField(label=_("联系电话"), max_length=20, required=False)
    address = forms.CharField(label=_("住址"), max_length=200, required=False)

    def clean_id_number(self):
        value = self.cleaned_data["id_number"]
        if not value:
            return value
        try:
            return validate_id_number(value)
        except DomainError as error:
            raise forms.ValidationError(error.message) from None

    def __init__(self, *args, people: int = 1, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["defendants"].choices = [
            (i, _("犯罪嫌疑人 %(n)s") % {"n": i + 1}) for i in range(max(1, people))
        ]


def victim_intake_formset(people: int, victims: int = 1):
    """`victims` forms (0–20), each offering the transfer's `people` as those who harmed the victim."""
    formset = forms.formset_factory(
        VictimIntakeForm, extra=max(0, min(victims, 20)), max_num=20, validate_max=True
    )

    class Formset(formset):
        def get_form_kwargs(self, index):
            return {**super().get_form_kwargs(index), "people": people}

    return Formset


def intake_victims(formset) -> list[dict]:
    """The victims the formset names, for `do_register_transfer` (no positions chosen: every defendant)."""
    victims = []
    if not formset.is_bound:
        return victims
    for form in formset:
        data = dict(form.cleaned_data)
        if not data.get("name"):
            continue
        data["defendants"] = data.get("defendants") or None
        victims.append(data)
    return victims
