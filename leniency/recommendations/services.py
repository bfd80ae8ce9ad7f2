"""Every state change of a sentencing recommendation: one atomic, audited, role-checked function each.

The flow (FACTS.md §2, §3.3, §3.6): the prosecutor drafts with the engine (`do_create_draft`), may change
the result (`do_update_draft`; beyond the deviation threshold only with a written reason), submits it
(`do_submit`); a supervising prosecutor approves or returns it (`do_review`); the assigned lawyer gives a
written opinion (`do_give_opinion`); a new negotiation round supersedes the open one (`do_create_draft`
again); the prosecutor finalises an approved round (`do_finalise`); the court adopts it, asks for an
adjustment or decides otherwise (`do_court_decision`, CPL art. 201). A withdrawal makes the final round
lapse (`do_mark_lapsed`). Every change bumps `version`; passing the version the user saw turns a
concurrent edit into a DomainError instead of a silent overwrite.
"""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from leniency import clock
from leniency.audit.trail import record
from leniency.cases import victims
from leniency.cases.models import Defendant
from leniency.errors import DomainError

from . import access, court, safeguards
from .confirmed import check_change, corrections_of, engine_given, fact_rows, given
from .confirmed import save as save_facts
from .engine import defendant_charges, defendant_facts, deviations, plea_scenarios, run_engine
from .models import CourtDecision, LawyerOpinion, Review, SentencingRecommendation
from .validation import COMBINED_BOUNDS, FIELDS, TERM_BOUNDS, P, clean_values

Status = SentencingRecommendation.Status


def final_recommendation(defendant) -> SentencingRecommendation | None:
    """The recommendation in force for `defendant` (status final), or None."""
    return SentencingRecommendation.objects.filter(defendant=defendant, status=Status.FINAL).first()


def final_among(rounds) -> SentencingRecommendation | None:
    """`final_recommendation` over a defendant's rounds already loaded (at most one is final)."""
    return next((r for r in rounds if r.status == Status.FINAL), None)


def open_recommendation(defendant) -> SentencingRecommendation | None:
    """The round being negotiated (draft, in review, returned or approved), or None."""
    return (
        SentencingRecommendation.objects.filter(defendant=defendant, status__in=SentencingRecommendation.OPEN)
        .order_by("-round")
        .first()
    )


def engine_values(result) -> dict:
    """The engine's answer as recommendation fields (what a draft starts from)."""
    penalty = result.penalty
    months = result.months if penalty in ("fixed_term", "criminal_detention", "surveillance") else None
    probation = bool(
        result.probation_advised and months is not None and penalty in ("fixed_term", "criminal_detention")
    )
    return {
        "principal_penalty": penalty,
        "kind": "fixed",
        "months": months,
        "low_months": months,
        "high_months": months,
        "probation": probation,
        "probation_months": result.probation_months if probation else None,
        "fine_yuan": result.fine_yuan,
    }


def confiscation_of(rec: SentencingRecommendation) -> bool:
    """并处没收财产 as the law attaches it to the round's calculation: the engine found a charge whose own bracket
    adds it (刑法第59条 and the article's 并处没收财产, e.g. 第347条第2款), kept whatever the term, as the fine is.
    False with 单处罚金 (an additional penalty alone, 刑法第34条) or 免予刑事处罚 (no penalty, 刑法第37条)."""
    if rec.principal_penalty in (P.FINE_ONLY, P.EXEMPT):
        return False
    return bool((rec.calculation or {}).get("confiscation"))


def snapshot(rec: SentencingRecommendation) -> dict:
    """What an audit event of a recommendation records of it (the demo writes its history the same way)."""
    return {
        "defendant": rec.defendant_id,
        "round": rec.round,
        "status": rec.status,
        "version": rec.version,
        "term": rec.term_text(),
        "principal_penalty": rec.principal_penalty,
        "kind": rec.kind,
        "months": rec.months,
        "low_months": rec.low_months,
        "high_months": rec.high_months,
        "probation": rec.probation,
        "probation_months": rec.probation_months,
        "fine_yuan": None if rec.fine_yuan is None else str(rec.fine_yuan),
        "confiscation": rec.confiscation,
    }


def _lock(rec: SentencingRecommendation, version: int | None) -> SentencingRecommendation:
    """Re-read the round under a row lock; a stale `version` is a conflict the user must resolve.

    The no-op UPDATE comes first so the transaction holds the write lock before it reads: SQLite ignores
    FOR UPDATE, and two editors who both read version v would otherwise race, the later writer failing with
    "database is locked" instead of seeing the clear conflict below."""
    SentencingRecommendation.objects.filter(pk=rec.pk).update(version=F("version"))
    current = (
        SentencingRecommendation.objects.select_for_update().select_related("defendant__case").get(pk=rec.pk)
    )
    if version is not None and int(version) != current.version:
        raise DomainError(
            _("此量刑建议已被他人修改（您看到的是第%(seen)s版，现为第%(now)s版），请刷新页面后重试")
            % {"seen": version, "now": current.version},
            field="version",
        )
    return current


def _deny(message: str, field: str | None = None):
    raise DomainError(message, field=field)


def _apply_engine(rec, facts_text: str, charges: list[str], given_facts=()) -> None:
    result = run_engine(facts_text, charges, given=given_facts)
    rec.facts_text, rec.charges = facts_text, charges
    extra = result.to_dict()
    rec.calculation = {
        **extra.pop("calculation"),
        "engine": {k: v for k, v in extra.items() if k != "similar"},
    }
    rec.similar = result.similar or {}
    rec.engine_months, rec.engine_low, rec.engine_high = result.months, result.low, result.high
    rec.model_version = result.model_version[:80]
    rec.machine_assisted = True
    return result


def _check_deviation(rec, deviation_reason: str) -> list[dict]:
    found = (
        deviations(
            engine_months=rec.engine_months,
            similar=rec.similar,
            months=rec.months,
            low=rec.low_months,
            high=rec.high_months,
        )
        if rec.machine_assisted
        else []
    )
    if found and not deviation_reason.strip():
        raise DomainError(
            _("建议偏离系统计算结果或类案范围，须写明偏离理由：%(why)s")
            % {"why": "；".join(d["message"] for d in found)},
            field="deviation_reason",
        )
    rec.warnings = found
    rec.deviation_reason = deviation_reason.strip()
    return found


def signed_agreement_for(rec) -> bool:
    """Whether a 具结书 signed by everyone rests on this recommendation (the plea app registers the check)."""
    return safeguards.has_signed_agreement(rec)


def change_needs_basis(defendant) -> bool:
    """A new round after a signed 具结书 needs a stated basis, unless the court asked for an adjustment.

    SPP 2021 guidance (FACTS.md §2, hearing opinions): once the 具结书 is signed, without new facts or
    evidence and without a withdrawal, the procuratorate may not change the recommendation; CPL art. 201 ¶2
    lets it adjust when the court finds the recommendation clearly improper or the defence objects.
    """
    final = final_recommendation(defendant)
    if final is None or not signed_agreement_for(final):
        return False
    asked = final.court_decisions.filter(decision=CourtDecision.Decision.REQUEST_ADJUSTMENT).exists()
    return not asked


@transaction.atomic
def do_create_draft(
    defendant,
    *,
    acting_user,
    facts_text: str | None = None,
    charges: list[str] | None = None,
    values: dict | None = None,
    deviation_reason: str = "",
    note: str = "",
    change_basis: str = "",
    facts: dict | None = None,
    facts_reason: str = "",
    now: datetime | None = None,
) -> SentencingRecommendation:
    """Start a round: run the engine on the defendant's facts; `values` (optional) change its result.

    A round still open (draft … approved) is superseded by the new one; a final round stays in force
    until the new round is finalised. After a signed 具结书, a new round needs `change_basis`.
    `facts`: the prosecutor's corrections of the record's and the text's facts (key -> (value, reason);
    None: those of the last round stay); after a reviewed round, a changed fact needs `facts_reason`.
    """
    access.check_draft(acting_user, defendant)
    if not access.can_draft(acting_user, defendant):
        _deny(_("您无权为此人起草量刑建议（须为本案检察院的检察官，且处于审查起诉或一审阶段）"))
    now = now or clock.now()
    Defendant.objects.select_for_update().filter(pk=defendant.pk).first()  # one new round at a time
    change_basis = change_basis.strip()
    if change_needs_basis(defendant) and not change_basis:
        _deny(
            _(
                "具结书已签署：没有新的事实、证据，被告人也未反悔的，不得变更量刑建议；确需变更的，须写明新的事实或证据"
                "（《人民检察院办理认罪认罚案件开展量刑建议工作的指导意见》）"
            ),
            "change_basis",
        )
    facts_text = defendant_facts(defendant) if facts_text is None else facts_text
    charges = charges or defendant_charges(defendant)
    if not charges:
        _deny(_("此人没有指控罪名，无法计算"), "charges")
    last = SentencingRecommendation.objects.filter(defendant=defendant).order_by("-round").first()
    rows = fact_rows(
        defendant, facts_text, charges, corrections_of(last) if facts is None and last else facts
    )
    facts_changed = check_change(last, rows, facts_reason)
    rec = SentencingRecommendation(
        defendant=defendant,
        round=(last.round + 1 if last else 1),
        author=acting_user,
        created_at=now,
        updated_at=now,
        note=note,
        change_basis=change_basis,
    )
    result = _apply_engine(rec, facts_text, charges, given(rows))
    chosen = engine_values(result)
    if values:
        chosen.update({k: v for k, v in values.items() if k in FIELDS})
    for key, value in clean_values(chosen, several_crimes=len(charges) > 1).items():
        setattr(rec, key, value)
    rec.confiscation = confiscation_of(rec)
    found = _check_deviation(rec, deviation_reason)
    superseded = None
    previous = open_recommendation(defendant)
    if previous is not None:
        superseded = previous.round
        SentencingRecommendation.objects.filter(pk=previous.pk).update(
            status=Status.SUPERSEDED,
            closed_at=now,
            version=previous.version + 1,
            close_reason=_("第%(round)s轮建议取代") % {"round": rec.round},
            updated_at=now,
        )
    rec.save()
    save_facts(rec, rows, acting_user=acting_user, now=now, changed=facts_changed, reason=facts_reason)
    record(
        "recommendations.draft.created",
        actor=acting_user,
        obj=rec,
        case_id=defendant.case_id,
        occurred_at=now,
        data={
            **snapshot(rec),
            "engine_months": rec.engine_months,
            "model_version": rec.model_version,
            "deviations": [d["kind"] for d in found],
            "deviation_reason": rec.deviation_reason,
            "supersedes_round": superseded,
            "change_basis": change_basis,
        },
    )
    return rec


@transaction.atomic
def do_update_draft(
    rec,
    *,
    acting_user,
    version: int | None,
    values: dict,
    deviation_reason: str = "",
    facts_text: str | None = None,
    note: str | None = None,
    facts: dict | None = None,
    facts_reason: str = "",
    now: datetime | None = None,
) -> SentencingRecommendation:
    """Change a draft or returned round. New facts re-run the engine; the deviation rule is checked again.

    `facts`: the prosecutor's corrections (key -> (value, reason); None: those in force stay). Once the round
    has been reviewed, changing a confirmed fact needs `facts_reason`."""
    access.check_update_draft(acting_user, rec)
    rec = _lock(rec, version)
    if not access.can_edit(acting_user, rec):
        _deny(
            _("此量刑建议当前状态为“%(status)s”，您不能修改") % {"status": rec.get_status_display()}, "status"
        )
    now = now or clock.now()
    rows = facts_changed = None
    if (facts_text is not None and facts_text != rec.facts_text) or facts is not None:
        text = rec.facts_text if facts_text is None else facts_text
        charges = rec.charges or defendant_charges(rec.defendant)
        rows = fact_rows(rec.defendant, text, charges, corrections_of(rec) if facts is None else facts)
        facts_changed = check_change(rec, rows, facts_reason)
        _apply_engine(rec, text, charges, given(rows))
    merged = {k: getattr(rec, k) for k in FIELDS}
    merged.update({k: v for k, v in values.items() if k in FIELDS})
    for key, value in clean_values(merged, several_crimes=len(rec.charges or []) > 1).items():
        setattr(rec, key, value)
    rec.confiscation = confiscation_of(rec)
    found = _check_deviation(rec, deviation_reason)
    if note is not None:
        rec.note = note
    if rec.status == Status.RETURNED:
        rec.status = Status.DRAFT
    rec.version += 1
    rec.updated_at = now
    rec.save()
    if rows is not None:
        save_facts(rec, rows, acting_user=acting_user, now=now, changed=facts_changed, reason=facts_reason)
    record(
        "recommendations.draft.updated",
        actor=acting_user,
        obj=rec,
        case_id=rec.defendant.case_id,
        occurred_at=now,
        data={
            **snapshot(rec),
            "deviations": [d["kind"] for d in found],
            "deviation_reason": rec.deviation_reason,
        },
    )
    return rec


@transaction.atomic
def do_submit(rec, *, acting_user, version: int | None = None, now: datetime | None = None):
    """Send a draft to the supervising prosecutor (every machine-assisted draft is reviewed)."""
    access.check_submit(acting_user, rec)
    rec = _lock(rec, version)
    if not access.can_submit(acting_user, rec):
        _deny(
            _("此量刑建议当前状态为“%(status)s”，不能提交审核") % {"status": rec.get_status_display()},
            "status",
        )
    now = now or clock.now()
    rec.status, rec.submitted_at, rec.updated_at = Status.IN_REVIEW, now, now
    rec.version += 1
    rec.save()
    record(
        "recommendations.recommendation.submitted",
        actor=acting_user,
        obj=rec,
        case_id=rec.defendant.case_id,
        occurred_at=now,
        data=snapshot(rec),
    )
    return rec


@transaction.atomic
def do_review(
    rec,
    *,
    acting_user,
    decision: str,
    comments: str = "",
    version: int | None = None,
    now: datetime | None = None,
) -> Review:
    """Approve or return a submitted round; returning requires comments."""
    access.check_review(acting_user, rec)
    rec = _lock(rec, version)
    if decision not in Review.Decision.values:
        _deny(_("请选择审核结论"), "decision")
    if not access.can_review(acting_user, rec):
        if rec.status != Status.IN_REVIEW:
            _deny(
                _("此量刑建议当前状态为“%(status)s”，不在待审核状态") % {"status": rec.get_status_display()},
                "status",
            )
        _deny(_("须由本院主管检察官审核，且不能审核本人起草的建议"))
    comments = comments.strip()
    if decision == Review.Decision.RETURN and not comments:
        _deny(_("退回修改须写明审核意见"), "comments")
    now = now or clock.now()
    review = Review.objects.create(
        recommendation=rec, reviewer=acting_user, decision=decision, comments=comments, created_at=now
    )
    if decision == Review.Decision.APPROVE:
        rec.status, rec.approved_at = Status.APPROVED, now
    else:
        rec.status = Status.RETURNED
    rec.version += 1
    rec.updated_at = now
    rec.save()
    action = (
        "recommendations.review.approved"
        if decision == Review.Decision.APPROVE
        else "recommendations.review.returned"
    )
    record(
        action,
        actor=acting_user,
        obj=rec,
        case_id=rec.defendant.case_id,
        occurred_at=now,
        data={**snapshot(rec), "review": review.pk, "comments": comments},
    )
    return review


@transaction.atomic
def do_give_opinion(
    rec,
    *,
    acting_user,
    position: str,
    reasons: str = "",
    proposed_months: int | None = None,
    now: datetime | None = None,
) -> LawyerOpinion:
    """The assigned lawyer's written opinion (CPL art. 173); an objection must give reasons."""
    access.check_give_opinion(acting_user, rec)
    rec = _lock(rec, None)
    if position not in LawyerOpinion.Position.values:
        _deny(_("请选择同意或有异议"), "position")
    if not access.can_give_opinion(acting_user, rec):
        _deny(
            _("此量刑建议当前状态为“%(status)s”，不能提出意见") % {"status": rec.get_status_display()},
            "status",
        )
    reasons = reasons.strip()
    if position == LawyerOpinion.Position.OBJECT and not reasons:
        _deny(_("提出异议须写明理由"), "reasons")
    if proposed_months is not None and (proposed_months < 0 or proposed_months > 300):
        _deny(_("建议刑期须在0至300个月之间"), "proposed_months")
    now = now or clock.now()
    opinion = LawyerOpinion.objects.create(
        recommendation=rec,
        lawyer=acting_user,
        position=position,
        reasons=reasons,
        proposed_months=proposed_months,
        created_at=now,
    )
    rec.version += 1
    rec.updated_at = now
    rec.save(update_fields=["version", "updated_at"])
    record(
        "recommendations.opinion.given",
        actor=acting_user,
        obj=rec,
        case_id=rec.defendant.case_id,
        occurred_at=now,
        data={
            "defendant": rec.defendant_id,
            "round": rec.round,
            "opinion": opinion.pk,
            "position": position,
            "reasons": reasons,
            "proposed_months": proposed_months,
        },
    )
    return opinion


def latest_opinion(rec) -> LawyerOpinion | None:
    return rec.opinions.order_by("-created_at", "-id").first()


@transaction.atomic
def do_finalise(
    rec, *, acting_user, version: int | None = None, lawyer_reply: str = "", now: datetime | None = None
) -> SentencingRecommendation:
    """Make an approved round the recommendation in force.

    Where a lawyer is assigned, their opinion on this round must be on file (CPL art. 173); where they
    object, the procuratorate must answer with reasons (SPP Rules art. 269). Every victim of the defendant must
    have been heard, or the reason they could not be recorded (CPL art. 173, `cases.victims`). A previous final
    round is superseded.
    """
    access.check_finalise(acting_user, rec)
    rec = _lock(rec, version)
    if not access.can_finalise(acting_user, rec):
        _deny(
            _("只有审核通过的量刑建议才能确定（当前状态：%(status)s）")
            % {"status": rec.get_status_display()},
            "status",
        )
    opinion = latest_opinion(rec)
    has_lawyer = rec.defendant.counsel_assignments.filter(ended_at__isnull=True).exists()
    if has_lawyer and opinion is None:
        _deny(_("须先听取辩护人或值班律师对本轮建议的意见（刑事诉讼法第173条）"), "lawyer_reply")
    lawyer_reply = lawyer_reply.strip()
    if opinion is not None and opinion.position == LawyerOpinion.Position.OBJECT and not lawyer_reply:
        _deny(_("律师提出异议而未采纳的，须写明理由（人民检察院刑事诉讼规则第269条）"), "lawyer_reply")
    unheard = victims.finalise_blockers(rec.defendant)  # each victim heard, or why not (CPL art. 173)
    if unheard:
        _deny("；".join(unheard), "victims")
    now = now or clock.now()
    previous = final_recommendation(rec.defendant)
    if previous is not None:
        SentencingRecommendation.objects.filter(pk=previous.pk).update(
            status=Status.SUPERSEDED,
            closed_at=now,
            version=previous.version + 1,
            updated_at=now,
            close_reason=_("第%(round)s轮建议确定后取代") % {"round": rec.round},
        )
    rec.status, rec.finalised_at, rec.finalised_by = Status.FINAL, now, acting_user
    if rec.facts_text and "plea_scenarios" not in (rec.calculation or {}):
        # For the explanation letter: what the plea is worth now, and what withdrawing would cost.
        rec.calculation = {
            **(rec.calculation or {}),
            "plea_scenarios": plea_scenarios(rec.facts_text, rec.charges, engine_given(rec)),
        }
    rec.lawyer_reply = lawyer_reply
    rec.version += 1
    rec.updated_at = now
    rec.save()
    record(
        "recommendations.recommendation.finalised",
        actor=acting_user,
        obj=rec,
        case_id=rec.defendant.case_id,
        occurred_at=now,
        data={
            **snapshot(rec),
            "supersedes_round": previous.round if previous else None,
            "lawyer_reply": lawyer_reply,
        },
    )
    return rec


GROUNDS_FOR = {
    CourtDecision.Decision.ADOPT: set(),
    CourtDecision.Decision.REQUEST_ADJUSTMENT: {
        CourtDecision.Ground.CLEARLY_IMPROPER,
        CourtDecision.Ground.DEFENCE_OBJECTION,
    },
    CourtDecision.Decision.DECIDE_OTHERWISE: set(CourtDecision.Ground.values),
}


@transaction.atomic
def do_court_decision(
    rec,
    *,
    acting_user,
    decision: str,
    grounds: list[str] | None = None,
    reasons: str = "",
    principal_penalty: str = "",
    months: int | None = None,
    probation: bool = False,
    version: int | None = None,
    now: datetime | None = None,
) -> CourtDecision:
    """The trial court's decision on the final recommendation (CPL art. 201, FACTS.md §3.6).

    Adopting requires that the registered `safeguards.adoption_blockers` find nothing (the plea app's:
    voluntariness review, agreement on file), and written reasons where the defence objected or the round lies
    outside the model's 80% interval (`court.check_adoption_reasons`). A round that lapsed through a withdrawal
    at this stage is decided again: only otherwise, by law (`court.check_decision_open`). Asking for an
    adjustment needs a ¶2 ground; deciding otherwise needs at least one art. 201 ground and written reasons.
    """
    access.check_court_decision(acting_user, rec)
    rec = _lock(rec, version)
    if decision not in CourtDecision.Decision.values:
        _deny(_("请选择决定"), "decision")
    court.check_decision_open(acting_user, rec, decision)  # the same check decides what the page offers
    grounds = list(dict.fromkeys(grounds or []))
    unknown = [g for g in grounds if g not in CourtDecision.Ground.values]
    if unknown:
        _deny(_("未知的依据：%(value)s") % {"value": "、".join(unknown)}, "grounds")
    reasons = reasons.strip()
    if decision == CourtDecision.Decision.ADOPT:
        court.check_adoption_reasons(rec, reasons)
        grounds = []
    else:
        allowed = GROUNDS_FOR[decision]
        if not grounds:
            _deny(_("请选择刑事诉讼法第201条规定的依据"), "grounds")
        if any(g not in allowed for g in grounds):
            _deny(_("建议调整只能基于量刑建议明显不当或辩方异议（第201条第2款）"), "grounds")
        if not reasons:
            _deny(_("须写明理由"), "reasons")
    values = {}
    if decision == CourtDecision.Decision.DECIDE_OTHERWISE and principal_penalty:
        if principal_penalty not in P.values:
            _deny(_("未知的主刑：%(value)s") % {"value": principal_penalty}, "principal_penalty")
        bounds = COMBINED_BOUNDS if len(rec.charges or []) > 1 else TERM_BOUNDS
        if principal_penalty in bounds:
            low, high = bounds[P(principal_penalty)]
            if months is None or not low <= months <= high:
                _deny(_("判处刑期须在%(low)s至%(high)s个月之间") % {"low": low, "high": high}, "months")
        else:
            months = None
        values = {"principal_penalty": principal_penalty, "months": months, "probation": bool(probation)}
    now = now or clock.now()
    court_decision = CourtDecision.objects.create(
        recommendation=rec,
        judge=acting_user,
        decision=decision,
        grounds=grounds,
        reasons=reasons,
        stage=rec.defendant.stage,
        created_at=now,
        **values,
    )
    rec.version += 1
    rec.updated_at = now
    rec.save(update_fields=["version", "updated_at"])
    action = {
        CourtDecision.Decision.ADOPT: "recommendations.court.adopted",
        CourtDecision.Decision.REQUEST_ADJUSTMENT: "recommendations.court.adjustment_requested",
        CourtDecision.Decision.DECIDE_OTHERWISE: "recommendations.court.decided_otherwise",
    }[decision]
    record(
        action,
        actor=acting_user,
        obj=rec,
        case_id=rec.defendant.case_id,
        occurred_at=now,
        data={
            "defendant": rec.defendant_id,
            "round": rec.round,
            "decision": court_decision.pk,
            "stage": rec.defendant.stage,
            "grounds": grounds,
            "reasons": reasons,
            "over_objection": court.objection_on_file(rec) is not None,
            "outside_interval": court.outside_interval(rec),
            "term": rec.term_text(),
            **{k: v for k, v in values.items()},
        },
    )
    return court_decision


def latest_court_decision(rec) -> CourtDecision | None:
    return rec.court_decisions.order_by("-created_at", "-id").first()


@transaction.atomic
def do_mark_lapsed(defendant, *, acting_user, reason: str, now: datetime | None = None):
    """A withdrawal (反悔): the final round lapses and any open round with it; nothing is deleted. A court
    decision on the final round at the current stage no longer stands (listed in the audit event), and the
    court decides again on the lapsed round.

    Returns the round that was in force, or None when there was none. Called by the plea app's withdrawal.
    """
    access.check_mark_lapsed(acting_user, defendant)
    if not reason.strip():
        _deny(_("须写明失效原因"), "reason")
    now = now or clock.now()
    final = None
    rows = list(
        SentencingRecommendation.objects.select_for_update().filter(
            defendant=defendant, status__in=[Status.FINAL, *SentencingRecommendation.OPEN]
        )
    )
    for rec in rows:
        previous = rec.status
        # The court's adoption or decision otherwise at this stage stops standing: it decides again on the
        # lapsed round (`access.decisions_in_force`, `court.decisions_open`).
        reopened = list(access.decisions_in_force(rec).values_list("pk", flat=True))
        rec.status, rec.closed_at, rec.close_reason = Status.LAPSED, now, reason.strip()
        rec.version += 1
        rec.updated_at = now
        rec.save()
        if previous == Status.FINAL:
            final = rec
        record(
            "recommendations.recommendation.lapsed",
            actor=acting_user,
            obj=rec,
            case_id=defendant.case_id,
            occurred_at=now,
            data={
                **snapshot(rec),
                "previous_status": previous,
                "reason": reason.strip(),
                "reopened_court_decisions": reopened,
            },
        )
    return final
