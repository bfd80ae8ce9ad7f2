"""Forms of the recommendation pages. They only type the input; the rules live in the services."""

import hashlib

from django import forms
from django.utils.translation import gettext_lazy as _

from leniency.sentencing.given import CIRCUMSTANCES, KEYS, GivenFactError, normalise

from .confirmed import PLEA_STAGES
from .models import CourtDecision, LawyerOpinion, Review, SentencingRecommendation

R = SentencingRecommendation
TEXTAREA = {"rows": 3}


class RecommendationForm(forms.Form):
    facts_text = forms.CharField(
        label=_("据以计算的事实"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "预填本案事实中与此人有关的部分。系统从中读取的量刑事实列在下方，请逐项核对；修改文本后点击“读取事实”。"
        ),
    )
    principal_penalty = forms.ChoiceField(label=_("主刑"), choices=R.Penalty.choices)
    kind = forms.ChoiceField(
        label=_("建议方式"),
        choices=R.Kind.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "一般应当提出确定刑；对新类型、不常见犯罪或情节复杂的重罪，可以提出幅度刑"
            "（《人民检察院办理认罪认罚案件开展量刑建议工作的指导意见》；2019年指导意见第33条；"
            "人民检察院刑事诉讼规则第275条）。"
        ),
    )
    months = forms.IntegerField(label=_("刑期（月）"), required=False, min_value=0)
    low_months = forms.IntegerField(label=_("幅度下限（月）"), required=False, min_value=0)
    high_months = forms.IntegerField(label=_("幅度上限（月）"), required=False, min_value=0)
    probation = forms.BooleanField(
        label=_("建议适用缓刑"),
        required=False,
        help_text=_("拘役或三年以下有期徒刑方可适用缓刑（刑法第72条）。"),
    )
    probation_months = forms.IntegerField(label=_("缓刑考验期（月）"), required=False, min_value=0)
    fine_yuan = forms.DecimalField(label=_("罚金（元）"), required=False, min_value=0, decimal_places=2)
    deviation_reason = forms.CharField(
        label=_("偏离理由"),
        required=False,
        widget=forms.Textarea(attrs=TEXTAREA),
        help_text=_(
            "建议与系统计算结果相差超过预警线，或落在因素匹配类案的区间（类案不足时为模型预测区间）之外时必须填写"
            "（量刑建议应当遵循量刑指导意见的基本方法，同案同判）。"
        ),
    )
    note = forms.CharField(label=_("承办意见"), required=False, widget=forms.Textarea(attrs=TEXTAREA))
    change_basis = forms.CharField(
        label=_("变更依据"),
        required=False,
        widget=forms.Textarea(attrs=TEXTAREA),
        help_text=_(
            "具结书签署后，没有新的事实、证据，被告人也未反悔的，不得变更量刑建议；确需变更的，写明新的事实或证据"
            "（法院建议调整的除外，刑事诉讼法第201条第2款）。"
        ),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    VALUE_FIELDS = (
        "principal_penalty",
        "kind",
        "months",
        "low_months",
        "high_months",
        "probation",
        "probation_months",
        "fine_yuan",
    )

    def values(self) -> dict:
        return {k: self.cleaned_data.get(k) for k in self.VALUE_FIELDS}

    @classmethod
    def initial_from(cls, rec) -> dict:
        data = {k: getattr(rec, k) for k in cls.VALUE_FIELDS}
        data.update(
            facts_text=rec.facts_text,
            deviation_reason=rec.deviation_reason,
            note=rec.note,
            version=rec.version,
        )
        if rec.kind == R.Kind.FIXED:
            data["low_months"] = data["high_months"] = None
        return data


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("审核结论"), choices=Review.Decision.choices, widget=forms.RadioSelect
    )
    comments = forms.CharField(
        label=_("审核意见"),
        required=False,
        widget=forms.Textarea(attrs=TEXTAREA),
        help_text=_("退回修改时必须写明意见。"),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class OpinionForm(forms.Form):
    position = forms.ChoiceField(
        label=_("意见"),
        choices=LawyerOpinion.Position.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "检察院应当听取辩护人或者值班律师对量刑建议的意见，并记录在案（刑事诉讼法第173条）；"
            "不采纳的，应当说明理由（人民检察院刑事诉讼规则第269条）。"
        ),
    )
    reasons = forms.CharField(
        label=_("理由"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("提出异议时必须写明理由。"),
    )
    proposed_months = forms.IntegerField(label=_("律师建议刑期（月，可不填）"), required=False, min_value=0)


class FinaliseForm(forms.Form):
    lawyer_reply = forms.CharField(
        label=_("对律师意见的答复"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("律师提出异议而不予采纳的，必须说明理由（人民检察院刑事诉讼规则第269条）。"),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class CourtDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("决定"),
        choices=CourtDecision.Decision.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "对认罪认罚案件，人民法院一般应当采纳指控的罪名和量刑建议；量刑建议明显不当或者被告人、辩护人提出异议的，"
            "检察院可以调整，不调整或者调整后仍明显不当的，法院依法判决（刑事诉讼法第201条）。"
            "是否“明显不当”，根据审理认定的事实、认罪认罚情况、法定刑幅度和类案判罚判断（最高法解释第354条）。"
        ),
    )
    grounds = forms.MultipleChoiceField(
        label=_("依据（刑事诉讼法第201条）"),
        required=False,
        choices=CourtDecision.Ground.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    reasons = forms.CharField(label=_("理由"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
    principal_penalty = forms.ChoiceField(
        label=_("判处主刑（不予采纳时）"), required=False, choices=[("", "—"), *R.Penalty.choices]
    )
    months = forms.IntegerField(label=_("判处刑期（月）"), required=False, min_value=0)
    probation = forms.BooleanField(label=_("缓刑"), required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


def text_digest(text: str) -> str:
    """Which fact text a facts form was read from (a changed text must be read again before saving)."""
    return hashlib.sha256((text or "").encode()).hexdigest()[:16]


def field_value(key: str, value) -> str:
    """A fact's value as its form field holds it."""
    if key == "plea":
        return value or ""
    if key in CIRCUMSTANCES:
        return "1" if value else "0"
    return "" if value is None else str(value)


class FactsForm(forms.Form):
    """The facts the engine will calculate on, one row per fact (`confirmed.FactRow`): the value, and
    a note when the prosecutor corrects what the record or the text gives. Each row also carries, hidden,
    the value it was shown with, so that a changed value is a correction and an untouched one follows
    the text when it is read again. `corrections()` is what the services take as `facts`."""

    facts_read_from = forms.CharField(widget=forms.HiddenInput, required=False)
    facts_reason = forms.CharField(
        label=_("变更已确认事实的理由"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("此量刑建议已经审核：变更已确认的量刑事实，须写明理由（如新的证据）。"),
    )

    def __init__(self, data=None, *, rows, text: str = "", reviewed: bool = False, **kwargs):
        super().__init__(data, **kwargs)
        self.rows = rows
        self.fields["facts_read_from"].initial = text_digest(text)
        if not reviewed:
            self.fields["facts_reason"].widget = forms.HiddenInput()
        for row in rows:
            if not row.editable:
                continue
            shown_with = row.read_value if row.read_source else row.value
            self.fields[f"fact_{row.key}"] = self._value_field(row.key, row.label)
            self.fields[f"fact_{row.key}"].initial = field_value(row.key, row.value)
            self.fields[f"read_{row.key}"] = forms.CharField(
                widget=forms.HiddenInput, required=False, initial=field_value(row.key, shown_with)
            )
            self.fields[f"note_{row.key}"] = forms.CharField(
                label=_("更正理由"),
                required=False,
                max_length=500,
                initial=row.note if row.read_source else "",
                widget=forms.TextInput(
                    attrs={
                        "class": "fact-note",
                        "placeholder": _("更正时说明理由"),
                        "aria-label": _("%(fact)s的更正理由") % {"fact": row.label},
                    }
                ),
            )

    @staticmethod
    def _value_field(key: str, label: str):
        attrs = {"class": "fact-value", "data-fact": key}
        if key == "plea":
            choices = [("", _("未认罪认罚")), *[(k, v) for k, v in PLEA_STAGES.items()]]
            return forms.ChoiceField(
                label=label, choices=choices, required=False, widget=forms.Select(attrs=attrs)
            )
        if key in CIRCUMSTANCES:
            return forms.ChoiceField(
                label=label,
                choices=[("1", _("有")), ("0", _("无"))],
                required=False,
                widget=forms.Select(attrs=attrs),
            )
        if key == "amount_yuan":
            return forms.DecimalField(
                label=label,
                required=False,
                min_value=0,
                decimal_places=2,
                widget=forms.NumberInput(attrs=attrs),
            )
        return forms.IntegerField(
            label=label, required=False, min_value=0, max_value=99999, widget=forms.NumberInput(attrs=attrs)
        )

    def initial_data(self) -> dict:
        """The form as the page posts it when nothing is changed (tests, scripts)."""
        out = {}
        for name, field in self.fields.items():
            value = self.get_initial_for_field(field, name)
            if value is not None:
                out[self.add_prefix(name)] = value
        return out

    @classmethod
    def posted_keys(cls, data) -> list[str]:
        """The facts a posted form had rows for."""
        return [
            k.removeprefix("fact_") for k in data if k.startswith("fact_") and k.removeprefix("fact_") in KEYS
        ]

    def row_fields(self):
        """(row, value field, note field) for the template; (row, None, None) for a record fact shown only."""
        for row in self.rows:
            if row.editable:
                yield row, self[f"fact_{row.key}"], self[f"note_{row.key}"]
            else:
                yield row, None, None

    def corrections(self) -> dict:
        """key -> (value, reason) for each fact whose value differs from the one its row was shown with."""
        out = {}
        for row in self.rows:
            name = f"fact_{row.key}"
            if not row.editable or name not in self.data:
                continue
            value = self.cleaned_data.get(name)
            shown = self.cleaned_data.get(f"read_{row.key}")
            try:
                if normalise(row.key, value) == normalise(row.key, shown):
                    continue
            except GivenFactError:
                pass
            out[row.key] = (value, self.cleaned_data.get(f"note_{row.key}", ""))
        return out

    def stale(self, text: str) -> bool:
        """Whether the rows were read from another text than `text` (the prosecutor has not seen its facts)."""
        return self.cleaned_data.get("facts_read_from") != text_digest(text)
