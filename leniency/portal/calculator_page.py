"""The public sentencing calculator: structured facts in (a crime from the standards, an amount, counts, an injury
grade, the defendant's age, circumstances, the plea's stage), the engine's three steps out, each with its rule and
citation. No free text is taken (the engine's extraction is not run) and nothing is stored: the page is a GET
form that reads the standards and writes no row, no session and no audit event.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from leniency.corpus.factors import CIRCUMSTANCE_ZH, INJURY_ZH
from leniency.sentencing.calculator import calculate
from leniency.sentencing.facts import CaseFacts, Finding, InjuryGrade, PleaStage

from . import standards_pages

PLEA_STAGES = [
    ("", gettext_lazy("未认罪认罚")),
    (PleaStage.INVESTIGATION.value, gettext_lazy("侦查阶段")),
    (PleaStage.PROSECUTION_REVIEW.value, gettext_lazy("审查起诉阶段")),
    (PleaStage.TRIAL.value, gettext_lazy("审判阶段")),
]


def _crime_choices():
    return [(c.slug, c.charge) for c in standards_pages.crimes()]


class CalculatorForm(forms.Form):
    crime = forms.ChoiceField(label=gettext_lazy("罪名"), choices=_crime_choices)
    amount_yuan = forms.DecimalField(
        label=gettext_lazy("涉案金额（元）"), required=False, min_value=0, max_value=10**12, decimal_places=2
    )
    counts = forms.IntegerField(label=gettext_lazy("作案次数"), required=False, min_value=1, max_value=1000)
    victims = forms.IntegerField(label=gettext_lazy("被害人数"), required=False, min_value=1, max_value=1000)
    injury = forms.ChoiceField(
        label=gettext_lazy("最重伤情"),
        required=False,
        choices=[("", "—")] + [(g.value, INJURY_ZH.get(g.value, g.value)) for g in InjuryGrade],
    )
    age = forms.IntegerField(label=gettext_lazy("犯罪时年龄"), required=False, min_value=12, max_value=120)
    circumstances = forms.MultipleChoiceField(
        label=gettext_lazy("量刑情节"),
        required=False,
        choices=[(code, label) for code, label in CIRCUMSTANCE_ZH.items() if code != "plea"],
        widget=forms.CheckboxSelectMultiple,
    )
    plea_stage = forms.ChoiceField(label=gettext_lazy("认罪认罚"), required=False, choices=PLEA_STAGES)


def unexpected_fields(query) -> list[str]:
    """Parameters the form does not have (a fact text among them): the calculator refuses them."""
    return sorted(set(query) - set(CalculatorForm.base_fields))


def facts_from(data: dict) -> CaseFacts:
    crime = standards_pages.find_crime(data["crime"])
    circumstances = [Finding(code=c) for c in data.get("circumstances") or ()]
    if data.get("plea_stage"):
        circumstances.append(Finding(code="plea", value=data["plea_stage"]))
    return CaseFacts(
        text="",
        charges=[crime.charge],
        amount_yuan=data.get("amount_yuan"),
        counts=data.get("counts"),
        victims=data.get("victims"),
        injury=InjuryGrade(data["injury"]) if data.get("injury") else None,
        age=data.get("age"),
        circumstances=circumstances,
    )


def penalty_label(penalty: str) -> str:
    return {
        "imprisonment": _("有期徒刑"),
        "detention": _("拘役"),
        "surveillance": _("管制"),
        "fine_only": _("单处罚金"),
        "exempt": _("免予刑事处罚"),
        "life": _("无期徒刑"),
        "death": _("死刑"),
    }.get(str(penalty), str(penalty))


def result(data: dict) -> dict:
    """The calculation for the form's facts, as plain values for the template."""
    calc = calculate(facts_from(data))
    english = (get_language() or "").startswith("en")
    if calc.death_penalty:
        headline = _("死刑")
    elif calc.life_imprisonment:
        headline = _("无期徒刑")
    elif str(calc.penalty) in ("fine_only", "exempt"):
        headline = penalty_label(calc.penalty)
    else:
        headline = _("%(penalty)s%(months)s个月（可建议幅度：%(low)s至%(high)s个月）") % {
            "penalty": penalty_label(calc.penalty),
            "months": calc.months,
            "low": calc.low,
            "high": calc.high,
        }
    return {
        "headline": headline,
        "probation": calc.probation_advised,
        "fine": calc.fine_yuan,
        "steps": [
            {
                "text": (s.description_en or s.description_zh) if english else s.description_zh,
                "before": s.months_before,
                "after": s.months_after,
                "citation": s.citation,
            }
            for s in calc.steps
        ],
        "notes": list(calc.notes),
        "version": calc.standard_version,
    }
