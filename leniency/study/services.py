"""State changes of the study app."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from leniency import clock
from leniency.audit.trail import record
from leniency.errors import DomainError
from leniency.recommendations.services import final_recommendation

from . import access
from .models import LetterDelivery


@transaction.atomic
def do_record_letter_delivery(defendant, *, acting_user, method: str, delivered_at=None) -> LetterDelivery:
    """The explanation letter of the final recommendation was given and explained to the defendant."""
    access.check_record_letter(acting_user, defendant)
    if method not in LetterDelivery.Method.values:
        raise DomainError(_("请选择送达方式"), field="method")
    rec = final_recommendation(defendant)
    if rec is None:
        raise DomainError(_("尚无已确定的量刑建议，无释法说理书可送达"), field="method")
    now = clock.now()
    delivered_at = delivered_at or now
    if delivered_at > now:
        raise DomainError(_("送达时间不能晚于现在"), field="delivered_at")
    delivery = LetterDelivery.objects.create(
        defendant=defendant,
        recommendation_id=rec.pk,
        method=method,
        delivered_at=delivered_at,
        recorded_by=acting_user,
        recorded_at=now,
    )
    record(
        "study.letter.delivered",
        actor=acting_user,
        obj=delivery,
        case_id=defendant.case_id,
        data={"defendant": defendant.pk, "recommendation": rec.pk, "method": method},
    )
    return delivery
