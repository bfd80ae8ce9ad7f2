"""What the plea waits for next, and who does it: one line under the plea's status on the case page and in
the dossier, so that after each step the people of the case see what comes next (issue 17 item 9)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from leniency.cases.stages import CLOSED_STAGES, Stage

from . import state
from .models import Signature
from .story import Records, load_records, open_failure_count

# The order the signatures are taken in (CPL art. 174): the defendant in the lawyer's presence, the lawyer's
# own confirmation, the prosecutor last.
SIGNING_STEP = {
    Signature.Role.DEFENDANT: lambda: _("检察官在律师在场时记录犯罪嫌疑人本人签名，并注明签署录音录像"),
    Signature.Role.LAWYER: lambda: _("值班律师或辩护人以本人账号确认在场"),
    Signature.Role.PROSECUTOR: lambda: _("检察官签署具结书"),
}


def next_step(defendant, records: Records | None = None, rounds: list | None = None) -> str:
    """The next step of the plea for this defendant, '' when the plea has nothing more to wait for."""
    if defendant.stage in CLOSED_STAGES:
        return ""
    if records is None:
        records = load_records([defendant.pk])[defendant.pk]
    at_trial = defendant.stage == Stage.FIRST_INSTANCE
    if state.withdrawal_in_force_among(records.withdrawals, records.agreements) is not None:
        if at_trial:
            return _("法院根据审理查明的事实依法判决，并对已失效的量刑建议重新作出决定")
        return _("检察官全面审查案件，依法提出新的量刑建议或作出处理决定")
    if not records.notices and not at_trial:
        return _("检察官告知诉讼权利和认罪认罚的法律规定，并请其确认")
    final = state.final_among(rounds) if rounds is not None else state.final_recommendation(defendant)
    if final is None:
        return _("检察官起草量刑建议，报主管检察官审核，听取律师意见后确定")
    agreement = state.current_agreement_among(records.agreements)
    if agreement is None or (agreement.recommendation_id and agreement.recommendation_id != final.pk):
        return _("检察官依确定的量刑建议生成具结书")
    missing = state.missing_roles(agreement)
    if missing:
        return SIGNING_STEP[missing[0]]()
    if defendant.stage == Stage.PROSECUTION_REVIEW:
        return _("检察官提起公诉，随案移送具结书和量刑建议")
    if at_trial:
        reviewed = any(r.agreement_id == agreement.pk and not open_failure_count(r) for r in records.reviews)
        if not reviewed:
            return _("法院审查认罪认罚的自愿性和具结书内容的真实性、合法性")
        return _("法院对量刑建议作出采纳或不予采纳的决定")
    return ""
