"""A defendant's plea story in order: notices, agreements and signatures, recordings, reviews, withdrawals."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from leniency.recordings.models import Recording

from . import state
from .models import PleaAgreement, RightsNotice, Signature, VoluntarinessReview, Withdrawal
from .state import current_agreement, missing_roles, withdrawal_in_force


@dataclass(frozen=True)
class Entry:
    when: datetime
    kind: str  # notice, agreement, signature, recording, review, withdrawal, lapsed
    title: str
    detail: str
    url: str
    warn: bool = False


def _day(value) -> datetime:
    if isinstance(value, datetime):
        return value
    return timezone.make_aware(datetime(value.year, value.month, value.day, 12))


def story(defendant) -> list[Entry]:
    entries: list[Entry] = []
    for n in RightsNotice.objects.filter(defendant=defendant):
        entries.append(Entry(n.notified_at, "notice", _("权利告知（%(who)s）") % {"who": n.get_authority_display()},
                             (_("已确认知悉") if n.acknowledged else _("未确认知悉")) + f" · {n.get_method_display()}"
                             + (f" · {n.language}" if n.language != "汉语普通话" else ""),
                             reverse("plea_notice", args=[n.pk]), warn=not n.acknowledged))
    agreements = list(PleaAgreement.objects.filter(defendant=defendant).prefetch_related("signatures"))
    for a in agreements:
        url = reverse("plea_agreement", args=[a.pk])
        entries.append(Entry(a.generated_at, "agreement", _("生成具结书（第%(v)s版）") % {"v": a.version},
                             a.recommendation_text, url))
        for s in a.signatures.all():
            entries.append(Entry(s.signed_at, "signature", _("%(role)s签名") % {"role": s.get_role_display()},
                                 s.signer_name + ("" if s.status == Signature.Status.VALID
                                                  else f" · {s.get_status_display()}"), url,
                                 warn=s.status != Signature.Status.VALID))
        if a.ended_at:
            entries.append(Entry(a.ended_at, "lapsed", _("具结书（第%(v)s版）%(status)s") % {
                "v": a.version, "status": a.get_status_display()}, a.end_reason, url, warn=True))
    for r in Recording.objects.filter(defendant=defendant):
        entries.append(Entry(_day(r.recorded_on), "recording", _("录音录像：%(s)s") % {"s": r.get_session_display()},
                             r.description or r.original_name, reverse("recording_detail", args=[r.pk])))
    for review in VoluntarinessReview.objects.filter(defendant=defendant).prefetch_related("items"):
        failures = review.open_failures()
        entries.append(Entry(review.reviewed_at, "review", _("法院自愿性审查"),
                             _("通过") if review.passed else _("%(n)s 项不符合，未解决") % {"n": len(failures)},
                             reverse("plea_review", args=[review.pk]), warn=not review.passed))
    for w in Withdrawal.objects.filter(defendant=defendant):
        entries.append(Entry(w.occurred_at, "withdrawal", _("反悔：%(stage)s") % {"stage": w.get_stage_display()},
                             "、".join(w.reason_labels()), reverse("plea_withdrawal", args=[w.pk]), warn=True))
    entries.sort(key=lambda e: (e.when, e.kind != "notice"))
    return entries


def status_line(defendant) -> tuple[str, bool]:
    """One phrase for where the plea stands, and whether it needs attention."""
    withdrawal = withdrawal_in_force(defendant)
    if withdrawal is not None:
        return _("已反悔（%(stage)s）") % {"stage": withdrawal.get_stage_display()}, True
    agreement = current_agreement(defendant)
    if agreement is not None:
        final = state.final_recommendation(defendant)
        if final is not None and agreement.recommendation_id and final.pk != agreement.recommendation_id:
            return _("量刑建议已变更，具结书第%(v)s版须重新生成") % {"v": agreement.version}, True
        missing = missing_roles(agreement)
        if missing:
            return _("具结书第%(v)s版待签署：缺%(roles)s") % {
                "v": agreement.version, "roles": "、".join(str(Signature.Role(r).label) for r in missing)}, True
        return _("具结书第%(v)s版已签署") % {"v": agreement.version}, False
    if RightsNotice.objects.filter(defendant=defendant).exists():
        return _("已告知权利，尚无具结书"), False
    return _("尚未记录权利告知"), True
