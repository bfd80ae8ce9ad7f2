"""A defendant's recommendation story for the page: rounds in order, each with its happenings in time order."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.utils.translation import gettext as _

from . import access
from .models import CourtDecision, SentencingRecommendation


@dataclass
class Happening:
    when: datetime
    kind: str  # created, submitted, review, opinion, finalised, court, closed
    who: str
    title: str
    text: str = ""
    extra: list[str] = field(default_factory=list)


@dataclass
class RoundView:
    rec: SentencingRecommendation
    happenings: list[Happening]


def defendant_history(user, defendant) -> list[RoundView]:
    internal = access.sees_internal_rounds(user, defendant)
    rounds = (
        access.visible_recommendations(user, defendant)
        .select_related("author", "finalised_by")
        .prefetch_related("reviews__reviewer", "opinions__lawyer", "court_decisions__judge")
        .order_by("round")
    )
    return [RoundView(rec, _happenings(rec, internal=internal)) for rec in rounds]


def _happenings(rec, *, internal: bool) -> list[Happening]:
    items = [
        Happening(
            rec.created_at,
            "created",
            str(rec.author),
            _("起草（第%(round)s轮）") % {"round": rec.round},
            rec.deviation_reason and _("偏离理由：%(reason)s") % {"reason": rec.deviation_reason},
        )
    ]
    if rec.submitted_at and internal:
        items.append(Happening(rec.submitted_at, "submitted", str(rec.author), _("提交审核")))
    for review in rec.reviews.all():
        if internal:
            items.append(
                Happening(
                    review.created_at,
                    "review",
                    str(review.reviewer),
                    _("主管检察官审核：%(decision)s") % {"decision": review.get_decision_display()},
                    review.comments,
                )
            )
        elif review.decision == "approve":
            items.append(Happening(review.created_at, "review", _("主管检察官"), _("经主管检察官审核同意")))
    for opinion in rec.opinions.all():
        extra = (
            [_("律师建议刑期：%(months)s个月") % {"months": opinion.proposed_months}]
            if opinion.proposed_months is not None
            else []
        )
        items.append(
            Happening(
                opinion.created_at,
                "opinion",
                str(opinion.lawyer),
                _("律师意见：%(position)s") % {"position": opinion.get_position_display()},
                opinion.reasons,
                extra,
            )
        )
    if rec.finalised_at:
        items.append(
            Happening(
                rec.finalised_at,
                "finalised",
                str(rec.finalised_by or rec.author),
                _("确定量刑建议"),
                rec.lawyer_reply and _("对律师意见的答复：%(reply)s") % {"reply": rec.lawyer_reply},
            )
        )
    for decision in rec.court_decisions.all():
        extra = decision.ground_labels()
        if decision.principal_penalty:
            months = f"{decision.months}个月" if decision.months else ""
            extra.append(
                _("判处：%(penalty)s%(months)s%(probation)s")
                % {
                    "penalty": decision.get_principal_penalty_display(),
                    "months": months,
                    "probation": _("，缓刑") if decision.probation else "",
                }
            )
        # The lawyer's latest opinion before the decision, and whether the round lapsed after it.
        before = [o for o in rec.opinions.all() if o.created_at <= decision.created_at]
        if decision.decision == CourtDecision.Decision.ADOPT and before and before[-1].position == "object":
            extra.append(_("采纳时辩方有异议：%(objection)s") % {"objection": before[-1].reasons})
        if (
            rec.status == SentencingRecommendation.Status.LAPSED
            and rec.closed_at
            and decision.created_at < rec.closed_at
        ):
            extra.append(_("此后量刑建议因反悔失效，本决定不再有效，法院重新作出决定"))
        items.append(
            Happening(
                decision.created_at,
                "court",
                str(decision.judge),
                _("法院：%(decision)s") % {"decision": decision.get_decision_display()},
                decision.reasons,
                extra,
            )
        )
    if rec.closed_at:
        items.append(Happening(rec.closed_at, "closed", "", rec.get_status_display(), rec.close_reason))
    items.sort(key=lambda h: h.when)
    return items
