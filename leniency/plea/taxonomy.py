"""Withdrawal (反悔): the stages, the taxonomy of stated reasons and the consequences, per FACTS.md §3.9.

The reasons follow the two empirical studies the platform was designed from (DESIGN.md, problem 2):
procuratorate side, defendant side, lawyer side, other.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from leniency.cases.stages import Stage


class WithdrawalStage(models.TextChoices):
    BEFORE_PROSECUTION = "before_prosecution", _("审查起诉阶段（提起公诉前）")
    AFTER_NON_PROSECUTION = "after_non_prosecution", _("不起诉决定后")
    AT_TRIAL = "at_trial", _("一审审理阶段")
    AFTER_JUDGMENT = "after_judgment", _("一审判决后（上诉）")


STAGE_OF = {
    Stage.INVESTIGATION: WithdrawalStage.BEFORE_PROSECUTION,
    Stage.PROSECUTION_REVIEW: WithdrawalStage.BEFORE_PROSECUTION,
    Stage.NON_PROSECUTION: WithdrawalStage.AFTER_NON_PROSECUTION,
    Stage.FIRST_INSTANCE: WithdrawalStage.AT_TRIAL,
    Stage.JUDGMENT: WithdrawalStage.AFTER_JUDGMENT,
    Stage.APPEAL: WithdrawalStage.AFTER_JUDGMENT,
}


class ReasonGroup(models.TextChoices):
    PROCURATORATE = "procuratorate", _("检察机关方面")
    DEFENDANT = "defendant", _("犯罪嫌疑人/被告人方面")
    LAWYER = "lawyer", _("律师方面")
    OTHER = "other", _("其他")


class WithdrawalReason(models.TextChoices):
    RIGHTS_NOT_EXPLAINED = "proc_rights_not_explained", _("权利告知不充分")
    REASONING_NOT_EXPLAINED = "proc_reasoning_not_explained", _("未释明量刑建议的理由")
    STANDARD_UNCLEAR = "proc_standard_unclear", _("量刑标准不明确")
    TOO_HEAVY = "proc_too_heavy", _("认为量刑建议过重")
    MISUNDERSTOOD = "def_misunderstood", _("对认罪认罚的后果理解有误")
    CHANGED_MIND = "def_changed_mind", _("改变主意")
    PRESSURE = "def_pressure", _("受家属或同案人压力")
    TECHNICAL_APPEAL = "def_technical_appeal", _("技术性上诉（如为留所服刑）")
    LIGHTER_SENTENCE = "def_lighter_sentence", _("寻求更轻的刑罚")
    NO_EFFECTIVE_HELP = "law_no_effective_help", _("律师未提供有效法律帮助")
    OTHER = "other", _("其他（须说明）")


REASON_GROUP = {
    **{r: ReasonGroup.PROCURATORATE for r in WithdrawalReason if r.value.startswith("proc_")},
    **{r: ReasonGroup.DEFENDANT for r in WithdrawalReason if r.value.startswith("def_")},
    **{r: ReasonGroup.LAWYER for r in WithdrawalReason if r.value.startswith("law_")},
    WithdrawalReason.OTHER: ReasonGroup.OTHER,
}


def grouped_reason_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """Choices grouped by side, for a form's <optgroup>s or checkbox groups."""
    return [
        (group.label, [(r.value, r.label) for r in WithdrawalReason if REASON_GROUP[r] == group])
        for group in ReasonGroup
    ]


class Consequence(models.TextChoices):
    AGREEMENT_LAPSED = "agreement_lapsed", _("具结书失效")
    RECOMMENDATION_WITHDRAWN = "recommendation_withdrawn", _("撤回从宽量刑建议，依法重新审查")
    FULL_REVIEW = "full_review", _("全面审查案件，依法提起公诉（不再适用认罪认罚从宽）")
    PLEA_SCHEME_STOPPED = "plea_scheme_stopped", _("建议法院不再适用认罪认罚从宽制度")
    PROCEDURE_SWITCHED = "procedure_switched", _("转为普通程序或简易程序审理")
    PROTEST = "protest", _("检察机关提出抗诉")
    APPEAL_HEARD = "appeal_heard", _("依法保障上诉权，二审审理")
    NON_PROSECUTION_REVISITED = "non_prosecution_revisited", _("对原不起诉决定重新审查")


# Each consequence with the rule it follows and how sure FACTS.md is of that rule.
CONSEQUENCE_BASIS = {
    Consequence.AGREEMENT_LAPSED: _("具结书因反悔失效，原件与签名留存备查"),
    Consequence.RECOMMENDATION_WITHDRAWN: _(
        "最高人民检察院2021年量刑建议指导意见第三十四条（转引自二手资料）"
    ),
    Consequence.FULL_REVIEW: _("2019年指导意见第52条（原文待核实）"),
    Consequence.PLEA_SCHEME_STOPPED: _("最高人民检察院2021年量刑建议指导意见第三十四条（转引自二手资料）"),
    Consequence.PROCEDURE_SWITCHED: _("最高人民法院刑诉法解释第三百五十八条；刑事诉讼法第二百二十六条"),
    Consequence.PROTEST: _("刑事诉讼法第二百三十七条：检察院抗诉的，不受上诉不加刑限制"),
    Consequence.APPEAL_HEARD: _("刑事诉讼法第二百二十七条：上诉权不得剥夺"),
    Consequence.NON_PROSECUTION_REVISITED: _("人民检察院刑事诉讼规则第二百七十八条"),
}

# The consequences that follow by law at each stage; the user adds the optional ones (switch, protest).
DEFAULT_CONSEQUENCES = {
    WithdrawalStage.BEFORE_PROSECUTION: [
        Consequence.AGREEMENT_LAPSED,
        Consequence.RECOMMENDATION_WITHDRAWN,
        Consequence.FULL_REVIEW,
    ],
    WithdrawalStage.AFTER_NON_PROSECUTION: [
        Consequence.AGREEMENT_LAPSED,
        Consequence.NON_PROSECUTION_REVISITED,
    ],
    WithdrawalStage.AT_TRIAL: [
        Consequence.AGREEMENT_LAPSED,
        Consequence.RECOMMENDATION_WITHDRAWN,
        Consequence.PLEA_SCHEME_STOPPED,
    ],
    WithdrawalStage.AFTER_JUDGMENT: [Consequence.AGREEMENT_LAPSED, Consequence.APPEAL_HEARD],
}

STAGE_RULE = {
    WithdrawalStage.BEFORE_PROSECUTION: _(
        "提起公诉前反悔的，具结书失效，检察机关应全面审查案件，依法提起公诉。"
        "（2019年指导意见第52条，原文待核实）"
    ),
    WithdrawalStage.AFTER_NON_PROSECUTION: _(
        "依刑诉法第一百七十七条第二款作出不起诉决定后反悔的，检察院应重新审查："
        "不构成犯罪的改为法定不起诉；情节轻微的可维持；否则撤销原决定，依法起诉。"
        "（人民检察院刑事诉讼规则第二百七十八条）"
    ),
    WithdrawalStage.AT_TRIAL: _(
        "审理中反悔的，法院根据审理查明的事实依法裁判，需要的转换程序（刑诉法解释第三百五十八条）；"
        "检察院建议不再适用认罪认罚从宽，撤回从宽量刑建议（2021年量刑建议指导意见第三十四条，转引自二手资料）。"
    ),
    WithdrawalStage.AFTER_JUDGMENT: _(
        "一审判决后上诉的，上诉权不得剥夺（刑诉法第二百二十七条）；仅以量刑过重上诉致从宽明显"
        "不当的，检察院可以抗诉，此时不受上诉不加刑限制（刑诉法第二百三十七条）。"
    ),
}
