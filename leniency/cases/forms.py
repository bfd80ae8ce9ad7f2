from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from leniency import clock
from leniency.errors import DomainError

from .identity import validate_id_number
from .models import Charge, Defendant
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
        kwargs.setdefault("initial", {"as_of": clock.today()})
        super().__init__(*args, **kwargs)
        self.fields["to"].choices = [(s, Stage(s).label) for s in allowed_next(defendant.stage)]


def _date_input():
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class IntakeForm(forms.Form):
    """受理: the case as the police transferred it (移送审查起诉, 起诉意见书)."""

    received_on = forms.DateField(label=_("受理日期"), widget=_date_input())
    transferring_agency = forms.CharField(label=_("移送机关"), max_length=200)
    transfer_document_number = forms.CharField(label=_("移送文书号"), max_length=100)
    title = forms.CharField(label=_("案由"), max_length=200)
    facts = forms.CharField(
        label=_("起诉意见书认定的事实"), widget=forms.Textarea(attrs={"rows": 5}), max_length=20000
    )
    scan = forms.FileField(
        label=_("起诉意见书扫描件"),
        required=False,
        help_text=_("PDF、JPEG 或 PNG；可在受理后于“随案文书”页补传"),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"received_on": clock.today()})
        super().__init__(*args, **kwargs)


class DefendantIntakeForm(forms.Form):
    """One person named in the transfer; the ID number's check digit and date of birth are verified."""

    name = forms.CharField(label=_("姓名"), max_length=50)
    gender = forms.ChoiceField(label=_("性别"), choices=Defendant.Gender.choices)
    id_number = forms.CharField(label=_("身份证号"), max_length=18, min_length=18)
    birth_date = forms.DateField(label=_("出生日期"), widget=_date_input())
    phone = forms.CharField(label=_("联系电话"), max_length=20, required=False)
    detention = forms.ChoiceField(label=_("羁押状态"), choices=Defendant.Detention.choices)
    detained_on = forms.DateField(label=_("羁押日期"), required=False, widget=_date_input())
    charges = forms.ModelMultipleChoiceField(
        label=_("罪名"), queryset=Charge.objects.all(), widget=forms.SelectMultiple(attrs={"size": 6})
    )

    def clean(self):
        data = super().clean()
        if data.get("id_number") and data.get("birth_date"):
            try:
                data["id_number"] = validate_id_number(data["id_number"], birth_date=data["birth_date"])
            except DomainError as error:
                self.add_error(error.field, error.message)
        return data


def defendant_formset(count: int = 1):
    """A formset of `count` people (at least one, at most 20)."""
    count = max(1, min(count, 20))
    return forms.formset_factory(
        DefendantIntakeForm, extra=count - 1, min_num=1, max_num=20, validate_min=True, validate_max=True
    )


class AssignProsecutorForm(forms.Form):
    prosecutor = forms.ModelChoiceField(label=_("承办检察官"), queryset=None)

    def __init__(self, *args, prosecutors, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["prosecutor"].queryset = prosecutors


class _UnderReviewChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return _("%(name)s（审查起诉自 %(date)s）") % {"name": obj.name, "date": obj.stage_since}


class ProsecuteForm(forms.Form):
    """提起公诉: the receiving court follows from the gravity of the case (CPL arts. 20, 21). 追加起诉 (`added`, the
    case already went to court): the court is the one that has the case, so there is nothing to choose."""

    defendants = _UnderReviewChoice(
        label=_("起诉的犯罪嫌疑人"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("未选的犯罪嫌疑人继续审查起诉"),
    )
    grave = forms.BooleanField(
        label=_("可能判处无期徒刑、死刑（刑事诉讼法第21条，由中级人民法院管辖）"), required=False
    )
    as_of = forms.DateField(label=_("提起公诉日期"), widget=_date_input())

    def __init__(self, *args, under_review, added=False, **kwargs):
        kwargs.setdefault("initial", {"as_of": clock.today(), "defendants": list(under_review)})
        super().__init__(*args, **kwargs)
        self.fields["defendants"].queryset = under_review
        if added:
            del self.fields["grave"]
            self.fields["as_of"].label = _("追加起诉日期")


def _presiding_field(label):
    return forms.ModelChoiceField(label=label, queryset=None, help_text=_("合议庭的审判长，或独任审判的法官"))


class _PanelForm(forms.Form):
    """The panel (合议庭, CPL art. 183) a filing forms and a re-forming changes: a presiding judge (the subclass's
    `presiding_field`) and the other members, chosen among the court's `judges`, dated by `date_field` (today by
    default)."""

    presiding_field: str
    date_field: str
    members = forms.ModelMultipleChoiceField(
        label=_("合议庭其他成员"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("独任审判的不选；合议庭三人至七人，二审三人或五人（刑事诉讼法第183条）"),
    )

    def __init__(self, *args, judges, **kwargs):
        kwargs.setdefault("initial", {self.date_field: clock.today()})
        super().__init__(*args, **kwargs)
        self.fields[self.presiding_field].queryset = judges
        self.fields["members"].queryset = judges


class CourtFilingForm(_PanelForm):
    presiding_field, date_field = "judge", "filed_on"
    field_order = ["filed_on", "judge", "members"]

    filed_on = forms.DateField(label=_("立案日期"), widget=_date_input())
    judge = _presiding_field(_("承办法官"))


class PanelReformForm(_PanelForm):
    """变更合议庭: the panel the filing formed, re-formed by the court's filing office."""

    presiding_field, date_field = "presiding", "changed_on"
    field_order = ["changed_on", "presiding", "members", "reason"]

    changed_on = forms.DateField(label=_("变更日期"), widget=_date_input())
    presiding = _presiding_field(_("审判长"))
    reason = forms.CharField(label=_("变更理由"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3}))


class AppealForm(forms.Form):
    kind = forms.ChoiceField(label=_("类型"))
    lodged_on = forms.DateField(label=_("上诉/抗诉日期"), widget=_date_input())

    def __init__(self, *args, kinds, **kwargs):
        kwargs.setdefault("initial", {"lodged_on": clock.today()})
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = kinds
