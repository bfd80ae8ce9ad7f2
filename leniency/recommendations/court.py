"""The court's side of a recommendation (CPL art. 201): which decisions are open now, and the written reasons
an adoption needs when the defence objected or the recommendation lies outside the model's 80% interval.

`services.do_court_decision` refuses through these functions, and the court's page asks the same ones before
it shows a choice, so a form never offers a decision that will be refused (issue 17, item 5).
"""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

from leniency.cases.judgments import SentenceIn
from leniency.cases.sentence_proposals import Proposal
from leniency.errors import DomainError

from . import access, safeguards
from .models import CourtDecision, LawyerOpinion, SentencingRecommendation

Decision = CourtDecision.Decision
Status = SentencingRecommendation.Status

# Reasons for adopting over an objection (or outside the interval) must say something of their own: at least this
# many characters once stock phrases, punctuation and whitespace are taken out.
REASONS_MIN_CHARS = 20
# Phrases that answer nothing: a text made only of these (and short filler) is boilerplate.
BOILERPLATE = (
    "经审查",
    "本院认为",
    "综上",
    "量刑建议适当",
    "量刑适当",
    "量刑建议并无不当",
    "并无不当",
    "建议适当",
    "符合法律规定",
    "于法有据",
    "依法",
    "予以采纳",
    "采纳",
    "同意",
    "无异议",
    "辩护意见不予采纳",
    "辩护意见不能成立",
    "不予采纳",
    "不能成立",
    "理由同上",
    "见卷宗",
    "详见案卷",
)
_FILLER = re.compile(r"[\s\W_]+", re.UNICODE)


def objection_on_file(rec) -> LawyerOpinion | None:
    """The lawyer's objection to this round, when their latest opinion on it objects."""
    opinion = rec.opinions.order_by("-created_at", "-id").first()
    if opinion is not None and opinion.position == LawyerOpinion.Position.OBJECT:
        return opinion
    return None


def model_interval(rec) -> tuple[float, float] | None:
    """The engine's 80% prediction interval stored with the round (`calculation.engine.interval`), or None."""
    interval = ((rec.calculation or {}).get("engine") or {}).get("interval")
    if not interval or len(interval) != 2 or None in interval:
        return None
    return float(interval[0]), float(interval[1])


def outside_interval(rec) -> bool:
    """Whether the recommended term leaves the model's 80% interval (a fixed term, or either end of a range)."""
    interval = model_interval(rec)
    if interval is None:
        return False
    terms = (
        [rec.months] if rec.kind == SentencingRecommendation.Kind.FIXED else [rec.low_months, rec.high_months]
    )
    terms = [t for t in terms if t is not None]
    return any(not interval[0] <= t <= interval[1] for t in terms)


def reasons_required(rec) -> list[str]:
    """Why adopting this round needs written reasons ([] when it does not)."""
    why = []
    objection = objection_on_file(rec)
    if objection is not None:
        why.append(_("辩护人/值班律师对本轮量刑建议提出了异议：%(reasons)s") % {"reasons": objection.reasons})
    if outside_interval(rec):
        low, high = model_interval(rec)
        why.append(
            _("建议刑期在判决数据模型80%%预测区间（%(low)s–%(high)s个月）之外")
            % {"low": f"{low:g}", "high": f"{high:g}"}
        )
    return why


def substance(reasons: str) -> str:
    """What is left of `reasons` once stock phrases, punctuation and whitespace are removed."""
    text = reasons
    for phrase in sorted(BOILERPLATE, key=len, reverse=True):
        text = text.replace(phrase, "")
    return _FILLER.sub("", text)


def check_adoption_reasons(rec, reasons: str) -> None:
    """Adopting over the defence's objection, or outside the model's interval, needs reasons that answer it
    (CPL art. 201 ¶2; SPC interpretation art. 354): refused when empty, boilerplate or too short."""
    why = reasons_required(rec)
    if not why:
        return
    rule = _(
        "采纳辩方提出异议或超出模型预测区间的量刑建议，须写明采纳理由并回应异议（刑事诉讼法第201条第2款；刑诉法解释第354条）"
    )
    rule = _("%(rule)s：%(why)s") % {"rule": rule, "why": "；".join(why)}
    left = substance(reasons)
    if not reasons.strip():
        raise DomainError(rule, field="reasons")
    objection = objection_on_file(rec)
    if objection is not None and substance(objection.reasons) and left == substance(objection.reasons):
        raise DomainError(_("%(rule)s。理由不能照抄异议本身") % {"rule": rule}, field="reasons")
    if len(left) < REASONS_MIN_CHARS:
        raise DomainError(
            _("%(rule)s。所写理由除套话外不足%(n)s字，未回应异议") % {"rule": rule, "n": REASONS_MIN_CHARS},
            field="reasons",
        )


def decisions_open(user, rec) -> list[str]:
    """The decisions this user may take on this round now; `check_decision_open` refuses the others.

    A final round: adopt (unless something registered stands in the way), ask for an adjustment, or decide
    otherwise. A round that lapsed through a withdrawal at this court stage: only deciding otherwise, by law.
    """
    if not access.can_decide(user, rec):
        return []
    if rec.status == Status.LAPSED:
        return [Decision.DECIDE_OTHERWISE]
    open_now = [Decision.REQUEST_ADJUSTMENT, Decision.DECIDE_OTHERWISE]
    if not safeguards.adoption_blockers(rec.defendant):
        open_now.insert(0, Decision.ADOPT)
    return open_now


def check_decision_open(user, rec, decision: str) -> None:
    """Refuse, naming the reason, a decision the round's state does not allow (the page hides these)."""
    if not access.can_decide(user, rec):
        if access.decided_at_this_stage(rec):
            raise DomainError(_("法院在本阶段已对此量刑建议作出决定"), field="decision")
        raise DomainError(
            _("只能对已确定的量刑建议、在一审或二审阶段作出决定（当前：%(status)s，%(stage)s）")
            % {"status": rec.get_status_display(), "stage": rec.defendant.get_stage_display()},
            field="status",
        )
    if rec.status == Status.LAPSED and decision != Decision.DECIDE_OTHERWISE:
        raise DomainError(
            _("此量刑建议已因被告人反悔失效（%(reason)s），法院只能依法判决（刑事诉讼法第201条第1款）")
            % {"reason": rec.close_reason},
            field="decision",
        )
    if decision == Decision.ADOPT:
        blockers = safeguards.adoption_blockers(rec.defendant)
        if blockers:
            raise DomainError(_("尚不能采纳：%(why)s") % {"why": "；".join(blockers)}, field="decision")


def why_closed(user, rec) -> list[str]:
    """What the page says instead of a choice it does not offer."""
    if not access.can_decide(user, rec):
        try:
            check_decision_open(user, rec, Decision.ADOPT)
        except DomainError as error:
            return [error.message]
        return []
    if rec.status == Status.FINAL:
        blockers = safeguards.adoption_blockers(rec.defendant)
        if blockers:
            return [_("尚不能采纳：%(why)s") % {"why": "；".join(blockers)}]
    return []


def decided_sentences(defendants) -> dict[int, Proposal]:
    """The judgment page's first values (`cases.sentence_proposals`): for each defendant whose final
    recommendation the court has decided on, the recommended sentence it adopted (CPL art. 201 ¶1: the court
    generally adopts it), or the penalty it decided on otherwise. A range's term is left to the judge."""
    decisions = (
        CourtDecision.objects.filter(
            recommendation__defendant__in=defendants,
            recommendation__status=Status.FINAL,
            decision__in=CourtDecision.TERMINAL,
        )
        .select_related("recommendation")
        .order_by("created_at", "id")
    )
    latest = {decision.recommendation.defendant_id: decision for decision in decisions}
    return {pk: proposal for pk, decision in latest.items() if (proposal := _proposal(decision))}


def _proposal(decision: CourtDecision) -> Proposal | None:
    rec = decision.recommendation
    if decision.decision == Decision.ADOPT:
        sentence = SentenceIn(
            penalty=rec.principal_penalty,
            months=rec.months if rec.kind == SentencingRecommendation.Kind.FIXED else None,
            probation_months=rec.probation_months if rec.probation else None,
            fine_yuan=rec.fine_yuan,
            confiscation=rec.confiscation,  # 并处没收财产 the recommendation carries (刑法第59条)
        )
        return Proposal(
            sentence,
            _("法院已采纳第%(round)s轮量刑建议（%(term)s），据此预填")
            % {"round": rec.round, "term": rec.term_text()},
        )
    if not decision.principal_penalty:
        return None
    return Proposal(
        SentenceIn(penalty=decision.principal_penalty, months=decision.months),
        _("法院未采纳量刑建议，依法判处%(penalty)s，据此预填")
        % {"penalty": decision.get_principal_penalty_display()},
    )
