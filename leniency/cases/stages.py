"""The stages a defendant moves through and which moves are lawful. The one place these rules live."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Stage(models.TextChoices):
    INVESTIGATION = "investigation", _("侦查")
    PROSECUTION_REVIEW = "prosecution_review", _("审查起诉")
    FIRST_INSTANCE = "first_instance", _("一审")
    JUDGMENT = "judgment", _("一审判决")
    APPEAL = "appeal", _("二审")
    FINAL = "final", _("生效")
    NON_PROSECUTION = "non_prosecution", _("不起诉")
    CASE_WITHDRAWN = "case_withdrawn", _("撤案")


class Procedure(models.TextChoices):
    EXPEDITED = "expedited", _("速裁程序")
    SUMMARY = "summary", _("简易程序")
    ORDINARY = "ordinary", _("普通程序")


TRANSITIONS: dict[str, set[str]] = {
    Stage.INVESTIGATION: {Stage.PROSECUTION_REVIEW, Stage.CASE_WITHDRAWN},
    # Back to investigation is 退回补充侦查 (CPL art. 175).
    Stage.PROSECUTION_REVIEW: {
        Stage.FIRST_INSTANCE,
        Stage.NON_PROSECUTION,
        Stage.INVESTIGATION,
        Stage.CASE_WITHDRAWN,
    },
    # Withdrawal of prosecution (撤回起诉) ends the case for the defendant.
    Stage.FIRST_INSTANCE: {Stage.JUDGMENT, Stage.CASE_WITHDRAWN},
    # Appeal or protest within the time limit, otherwise the judgment takes effect.
    Stage.JUDGMENT: {Stage.APPEAL, Stage.FINAL},
    Stage.APPEAL: {Stage.FINAL},
    Stage.FINAL: set(),
    Stage.NON_PROSECUTION: set(),
    Stage.CASE_WITHDRAWN: set(),
}

# Who moves a defendant out of a stage: the procuratorate before trial, the court from trial on.
PROSECUTION_STAGES = {Stage.INVESTIGATION, Stage.PROSECUTION_REVIEW}
COURT_STAGES = {Stage.FIRST_INSTANCE, Stage.JUDGMENT, Stage.APPEAL}
CLOSED_STAGES = {Stage.FINAL, Stage.NON_PROSECUTION, Stage.CASE_WITHDRAWN}
# Procedure is chosen when the case goes to trial; it is recorded from then on.
TRIAL_STAGES = COURT_STAGES | {Stage.FINAL}


def allowed_next(stage: str) -> list[str]:
    return [s for s in Stage.values if s in TRANSITIONS[stage]]
