"""Forms of the recommendation pages. They only type the input; the rules live in the services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import CourtDecision, LawyerOpinion, Review, SentencingRecommendation

R = SentencingRecommendation
TEXTAREA = {"rows": 3}


class RecommendationForm(forms.Form):
    facts_text = forms.CharField(
        label=_("据以计算的事实"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "预填本案事实中与此人有关的部分；事实未写明认罪认罚的，系统按所处阶段补充一句。修改后系统将重新计算。"
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
