"""What stands between the court and adopting the recommendation (CPL art. 201; SPC interpretation arts. 349,
351). Registered with the recommendations app (`recommendations.safeguards`) in `PleaConfig.ready`, which asks
it before it lets the court adopt."""

from __future__ import annotations

from django.utils.translation import gettext as _

from . import state
from .checklist import ITEMS_BY_KEY
from .evidence import signing_unrecorded
from .models import Signature
from .state import (
    current_agreement,
    document_matches,
    latest_agreement,
    latest_review,
    missing_roles,
    withdrawal_in_force,
)


def adoption_blockers(defendant) -> list[str]:
    """Chinese reasons the court may not adopt the recommendation yet; [] when adoption may proceed."""
    blockers: list[str] = []
    withdrawal = withdrawal_in_force(defendant)
    if withdrawal is not None:
        blockers.append(
            _("被告人已于 %(date)s 反悔（%(stage)s），具结书已失效，不能按认罪认罚采纳量刑建议")
            % {"date": f"{withdrawal.occurred_at:%Y-%m-%d}", "stage": withdrawal.get_stage_display()}
        )

    agreement = current_agreement(defendant)
    if agreement is None:
        latest = latest_agreement(defendant)
        if latest is None:
            blockers.append(_("尚无认罪认罚具结书（刑事诉讼法第一百七十四条、第一百七十六条第二款）"))
        elif withdrawal is None:
            blockers.append(
                _("具结书（第%(v)s版）已失效：%(reason)s")
                % {"v": latest.version, "reason": latest.end_reason}
            )
    else:
        missing = missing_roles(agreement)
        if missing:
            blockers.append(
                _("具结书（第%(v)s版）尚缺签名：%(roles)s")
                % {"v": agreement.version, "roles": "、".join(str(Signature.Role(r).label) for r in missing)}
            )
        if not missing and signing_unrecorded(defendant):
            blockers.append(
                _(
                    "具结书（第%(v)s版）的签署没有录音录像，也没有记录无录像的原因：须关联签署过程的录音录像，"
                    "或由签署人说明原因"
                )
                % {"v": agreement.version}
            )
        if not document_matches(agreement):
            blockers.append(
                _("具结书（第%(v)s版）存档文件与签署时的哈希不一致，可能已被篡改，签名无效")
                % {"v": agreement.version}
            )
        final = state.final_recommendation(defendant)
        if final is not None and agreement.recommendation_id and final.pk != agreement.recommendation_id:
            blockers.append(
                _("具结书（第%(v)s版）所载量刑建议不是现行的最终量刑建议，须重新生成并签署")
                % {"v": agreement.version}
            )

    review = latest_review(defendant)
    if review is None:
        blockers.append(_("法院尚未进行认罪认罚自愿性审查（刑诉法解释第三百四十九条、第三百五十一条）"))
    else:
        for item in review.open_failures():
            spec = ITEMS_BY_KEY.get(item.key)
            blockers.append(
                _("自愿性审查未通过且尚未解决：%(item)s%(note)s")
                % {"item": spec.label if spec else item.key, "note": f"（{item.note}）" if item.note else ""}
            )
        if agreement is not None and review.agreement_id is not None and review.agreement_id != agreement.pk:
            blockers.append(_("自愿性审查针对的是旧版具结书，须对现行具结书重新审查"))
    return blockers
