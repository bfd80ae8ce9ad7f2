"""Prosecutor pressure is watched like lawyers are (issue 17 item 8): warnings for the patterns the studies name.

- `raised_after_refusal`: a round heavier than the one the defence refused (the lawyer's objection, or a
  withdrawal), drafted after that refusal;
- `quick_signing`: the defendant signed the 具结书 within `SIGNING_WITHIN_HOURS` of first meeting a lawyer;
- `pressure_complaint`: the defendant complained of pressure: a withdrawal whose reason or statement speaks of
  threats or pressure, or a voluntariness review that found "没有暴力、威胁、引诱等情形" not satisfied.

Like the withdrawal-risk score (study/risk.py) these are derived from the records each time they are asked for,
never stored: a warning is a prompt to look, with its evidence, not a finding. The supervisor sees those of their
procuratorate on the review queue (registered with `recommendations.safeguards`); the committee sees all of them
on its queue. Evidence names records (case number, round, times), never the defendant's name or free text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Min
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from leniency import clock
from leniency.counsel.models import ParticipationEntry
from leniency.counsel.models.participation import CONTACT
from leniency.plea.models import ReviewItem, Signature, Withdrawal
from leniency.recommendations.models import LawyerOpinion, SentencingRecommendation

# Signing this soon after the first meeting with a lawyer leaves no time to weigh the offer with them: the
# 2019 guiding opinion asks that the lawyer be met, the case explained and the defendant given time before signing.
SIGNING_WITHIN_HOURS = 24
# Words in a withdrawal's reason or statement that speak of pressure on the defendant.
PRESSURE_WORDS = ("威胁", "胁迫", "逼迫", "逼我", "施压", "恐吓", "引诱", "不签就", "不认就", "被迫")

KINDS = {
    "raised_after_refusal": gettext_lazy("拒绝后量刑建议加重"),
    "quick_signing": gettext_lazy("首次会见律师后短时间内签署具结书"),
    "pressure_complaint": gettext_lazy("被告人称受到压力"),
}


@dataclass(frozen=True)
class PressureWarning:
    kind: str
    case_id: int
    case_number: str
    defendant_id: int
    prosecutor: str
    when: datetime
    evidence: str

    @property
    def label(self) -> str:
        return str(KINDS[self.kind])

    @property
    def url(self) -> str:
        return reverse("recommendations:defendant", args=[self.defendant_id])


def _weight(rec) -> int | None:
    """The term a round asks for, in months (the top of a range)."""
    if rec.kind == SentencingRecommendation.Kind.RANGE and rec.high_months is not None:
        return rec.high_months
    return rec.months


def _scope(qs, field: str, procuratorate_id):
    return qs.filter(**{f"{field}case__procuratorate_id": procuratorate_id}) if procuratorate_id else qs


def raised_after_refusal(procuratorate_id=None) -> list[PressureWarning]:
    rounds: dict[int, list] = {}
    for rec in _scope(
        SentencingRecommendation.objects.select_related("defendant__case", "author"),
        "defendant__",
        procuratorate_id,
    ).order_by("defendant_id", "created_at", "id"):
        rounds.setdefault(rec.defendant_id, []).append(rec)
    refusals: list[tuple[int, datetime, str]] = []
    for opinion in LawyerOpinion.objects.filter(
        position=LawyerOpinion.Position.OBJECT, recommendation__defendant_id__in=rounds
    ).select_related("recommendation"):
        refusals.append((opinion.recommendation.defendant_id, opinion.created_at, _("律师提出异议")))
    for withdrawal in Withdrawal.objects.filter(defendant_id__in=rounds):
        refusals.append((withdrawal.defendant_id, withdrawal.recorded_at, _("被告人反悔")))
    found = []
    for defendant_id, at, what in sorted(refusals, key=lambda r: (r[0], r[1])):
        recs = rounds[defendant_id]
        before = [r for r in recs if r.created_at <= at]
        after = [r for r in recs if r.created_at > at]
        if not before or not after:
            continue
        refused, raised = before[-1], after[0]
        old, new = _weight(refused), _weight(raised)
        if old is None or new is None or new <= old:
            continue
        case = raised.defendant.case
        found.append(
            PressureWarning(
                "raised_after_refusal",
                case.pk,
                case.number,
                defendant_id,
                str(raised.author),
                raised.created_at,
                _(
                    "%(what)s（%(at)s）后，第%(new_round)s轮建议%(new)s个月，重于被拒绝的第%(old_round)s轮%(old)s个月"
                )
                % {
                    "what": what,
                    "at": f"{timezone.localtime(at):%Y-%m-%d %H:%M}",
                    "new_round": raised.round,
                    "new": new,
                    "old_round": refused.round,
                    "old": old,
                },
            )
        )
    return found


def quick_signing(procuratorate_id=None) -> list[PressureWarning]:
    signatures = _scope(
        Signature.objects.filter(role=Signature.Role.DEFENDANT).select_related(
            "agreement__defendant__case", "recorded_by"
        ),
        "agreement__defendant__",
        procuratorate_id,
    )
    signatures = list(signatures)
    first_meeting = dict(
        ParticipationEntry.objects.filter(
            service__in=[str(s) for s in CONTACT],
            assignment__defendant_id__in={s.agreement.defendant_id for s in signatures},
        )
        .values_list("assignment__defendant_id")
        .annotate(first=Min("occurred_at"))
    )
    found = []
    for signature in signatures:
        met = first_meeting.get(signature.agreement.defendant_id)
        if met is None or met > signature.signed_at:
            continue  # no meeting before signing: the lawyer's warning (counsel.quality), not this one
        hours = (signature.signed_at - met).total_seconds() / 3600
        if hours >= SIGNING_WITHIN_HOURS:
            continue
        case = signature.agreement.defendant.case
        found.append(
            PressureWarning(
                "quick_signing",
                case.pk,
                case.number,
                signature.agreement.defendant_id,
                str(signature.recorded_by or ""),
                signature.signed_at,
                _("首次会见律师 %(met)s，%(hours).1f 小时后签署第%(v)s版具结书（不足%(limit)s小时）")
                % {
                    "met": f"{timezone.localtime(met):%Y-%m-%d %H:%M}",
                    "hours": hours,
                    "v": signature.agreement.version,
                    "limit": SIGNING_WITHIN_HOURS,
                },
            )
        )
    return found


def _speaks_of_pressure(text: str) -> str:
    return next((word for word in PRESSURE_WORDS if word in (text or "")), "")


def pressure_complaints(procuratorate_id=None) -> list[PressureWarning]:
    found = []
    for withdrawal in _scope(
        Withdrawal.objects.select_related("defendant__case", "recorded_by"), "defendant__", procuratorate_id
    ):
        word = _speaks_of_pressure(withdrawal.other_reason) or _speaks_of_pressure(withdrawal.statement)
        if not word:
            continue
        case = withdrawal.defendant.case
        found.append(
            PressureWarning(
                "pressure_complaint",
                case.pk,
                case.number,
                withdrawal.defendant_id,
                "",
                withdrawal.occurred_at,
                _("反悔（%(stage)s）的原因或陈述提到“%(word)s”")
                % {"stage": withdrawal.get_stage_display(), "word": word},
            )
        )
    items = _scope(
        ReviewItem.objects.filter(key="no_coercion", answer=ReviewItem.Answer.NO).select_related(
            "review__defendant__case"
        ),
        "review__defendant__",
        procuratorate_id,
    )
    for item in items:
        case = item.review.defendant.case
        found.append(
            PressureWarning(
                "pressure_complaint",
                case.pk,
                case.number,
                item.review.defendant_id,
                "",
                item.review.reviewed_at,
                _("法院自愿性审查：“没有暴力、威胁、引诱等情形”不符合%(resolved)s")
                % {"resolved": _("（已解决）") if item.resolved_at else ""},
            )
        )
    return found


def prosecutor_warnings(procuratorate_id=None, *, since: datetime | None = None) -> list[PressureWarning]:
    """Every pattern over one procuratorate's cases (None: all), newest first."""
    found = [
        *raised_after_refusal(procuratorate_id),
        *quick_signing(procuratorate_id),
        *pressure_complaints(procuratorate_id),
    ]
    if since is not None:
        found = [w for w in found if w.when >= since]
    return sorted(found, key=lambda w: w.when, reverse=True)


def supervisor_warnings(user) -> list[PressureWarning]:
    """What the supervising prosecutor's queue shows: their own procuratorate's warnings (the last year)."""
    if not user.organisation_id:
        return []
    return prosecutor_warnings(user.organisation_id, since=clock.now() - timedelta(days=365))
