"""The report's second half: each finding of the district's own figures leads to a recommendation, with its evidence
(the figure, its test and its N), grouped as the thesis groups its guarantee mechanism: guarantee the right to
withdraw (保障反悔权), reduce the rate (降低反悔率), regulate its exercise (规范反悔权行使).

A recommendation is made only where the district's data show the pattern: a cross-table whose Holm-corrected test is
significant and whose rate is higher on the side the recommendation would change, a withdrawal-guarantee check that
found cases, or a reason the withdrawn persons gave. Where the data show nothing, the report says so instead.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .measures import DUTY_MEETING_RATE, pct

GROUPS = {
    "guarantee": gettext_lazy("保障反悔权"),
    "reduce": gettext_lazy("降低反悔率"),
    "regulate": gettext_lazy("规范反悔权的行使"),
}

# table key -> (group, the row whose rate is expected to be higher, the recommendation)
CROSS_TABLES = {
    "w_meeting": (
        "reduce",
        1,
        gettext_lazy("签署具结书前，安排值班律师至少会见一次，而不只是在签署时在场见证。"),
    ),
    "w_letter": (
        "reduce",
        1,
        gettext_lazy("签署前向犯罪嫌疑人送达并当面释明释法说理书，说明量刑建议如何得出。"),
    ),
    "w_notice": (
        "guarantee",
        1,
        gettext_lazy("签署前逐项告知认罪认罚的权利和后果，并由本人确认。"),
    ),
    "w_opinion": (
        "guarantee",
        1,
        gettext_lazy("要求律师就量刑建议提出书面意见并附卷，检察官书面回应。"),
    ),
    "w_kind": (
        "reduce",
        2,
        gettext_lazy("控制幅度刑的宽度，能提确定刑的提确定刑。"),
    ),
    "w_gap": (
        "reduce",
        3,
        gettext_lazy("建议明显高于类案的，提出前复核并向本人说明理由。"),
    ),
}


@dataclass
class Finding:
    group: str
    finding: str
    recommendation: str
    evidence: str  # the figure, its test and its N

    @property
    def group_label(self) -> str:
        return str(GROUPS[self.group])


def findings(study) -> list[Finding]:
    found = []
    for key, (group, higher, recommendation) in CROSS_TABLES.items():
        table = study.tables.get(key)
        if table is None or table.test is None or not table.test.significant:
            continue
        rates = [(r[2] / r[1] if r[1] else None) for r in table.rows]
        others = [x for k, x in enumerate(rates) if k != higher and x is not None]
        if rates[higher] is None or not others or rates[higher] <= max(others):
            continue
        rows = "；".join(f"{r[0]}：{r[2]}/{r[1]}（{r[3]}）" for r in table.rows)
        found.append(
            Finding(
                group,
                _("%(title)s：“%(row)s”一组的反悔率最高。")
                % {"title": table.title, "row": table.rows[higher][0]},
                str(recommendation),
                f"{rows}。{table.test.text}",
            )
        )
    if study.heavier:
        found.append(
            Finding(
                "guarantee",
                _("反悔后的量刑建议重于不认罪认罚时应判刑期的有%(n)s人。") % {"n": len(study.heavier)},
                _("反悔后重新提出的量刑建议，不得重于不认罪认罚时依法应判的刑期；逐案复核。"),
                _("反悔权保障检查，N=%(n)s人。") % {"n": len(study.heavier)},
            )
        )
    reasons = Counter(x for r in study.rows for x in r.reasons)
    withdrawn = study.figures.get("withdrawn", 0)
    technical = reasons.get("def_technical_appeal", 0)
    if technical:
        found.append(
            Finding(
                "regulate",
                _("以技术性上诉（如为留所服刑）为由的反悔%(k)s次，占反悔人数%(n)s人的%(p)s。")
                % {"k": technical, "n": withdrawn, "p": pct(technical, withdrawn)},
                _("对仅以量刑为由、意在留所服刑的上诉，检察官依法审查是否抗诉；同时说明上诉不加刑的范围。"),
                _("表5 反悔的原因，N=%(n)s人。") % {"n": withdrawn},
            )
        )
    return found


def duty_lawyer_figures(study) -> list[tuple[str, str, str]]:
    """(figure, value, its N) for the duty-lawyer side: who the lawyers were, meetings before signing."""
    pleaded = [r for r in study.rows if r.pleaded]
    kinds = Counter(r.lawyer_kind or "none" for r in pleaded)
    num, den = DUTY_MEETING_RATE.count(study.rows)
    duty = [r for r in pleaded if r.has_agreement and r.lawyer_kind == "duty"]
    mean = sum(r.meetings_before for r in duty) / len(duty) if duty else None
    return [
        (
            _("认罪认罚人员中由值班律师参与的比例"),
            pct(kinds.get("duty", 0), len(pleaded)),
            _("N=%(n)s人") % {"n": len(pleaded)},
        ),
        (
            _("认罪认罚人员中没有律师的比例"),
            pct(kinds.get("none", 0), len(pleaded)),
            _("N=%(n)s人") % {"n": len(pleaded)},
        ),
        (str(DUTY_MEETING_RATE.name), pct(num, den), _("N=%(n)s人") % {"n": den}),
        (
            _("值班律师签署前平均会见次数"),
            "—" if mean is None else f"{mean:.2f}",
            _("N=%(n)s人") % {"n": len(duty)},
        ),
    ]


STAGE_TEXT = {
    "before_prosecution": gettext_lazy(
        "提起公诉前反悔的，具结书失效，检察机关全面审查后依法起诉；这一阶段的反悔多与量刑建议的说理和律师的帮助有关。"
    ),
    "after_non_prosecution": gettext_lazy("不起诉决定后反悔的，检察院对原决定重新审查。"),
    "at_trial": gettext_lazy("审理中反悔的，法院依审理查明的事实裁判，必要时转换程序。"),
    "after_judgment": gettext_lazy(
        "一审判决后的反悔表现为上诉，其中包括为留所服刑的技术性上诉，与其他阶段的反悔性质不同。"
    ),
}


def stage_narrative(study) -> list[str]:
    """A short paragraph per stage of withdrawal: how many, their share, what follows at that stage."""
    from leniency.plea.taxonomy import WithdrawalStage

    counts = Counter(s for r in study.rows for s in r.withdrawal_stages)
    total = sum(counts.values())
    out = []
    for stage in WithdrawalStage:
        n = counts.get(stage.value, 0)
        out.append(
            _("%(stage)s：反悔%(n)s次，占反悔次数的%(p)s。")
            % {"stage": stage.label, "n": n, "p": pct(n, total)}
            + str(STAGE_TEXT[stage.value])
        )
    return out
