"""Demo recommendation histories for the demo province (run by `leniency demo` after the province exists).

Every defendant who pleaded (the fact text says so) and reached the court gets rounds drafted with the
calculator during review for prosecution: most are approved at once; some are returned by the supervisor
first; some draw a lawyer's objection and a revised round; most are adopted by the court, a few after an
adjustment, a very few decided otherwise. The court's side agrees with the judgment the demo recorded
(`judgments.do_record_judgment`, intake.py): an adopted recommendation asks for the sentence given, one the court
had adjusted or departed from asked for a month more (sentences.py). Defendants now at review for prosecution
carry work in progress (drafts, rounds waiting in the supervisors' queue, approved rounds waiting for the lawyer).
Rows go in with bulk_create and the audit events with one `record_many` at their historical times.
Deterministic for a seed and idempotent (nothing is added when a demo recommendation exists).
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.contrib.auth.hashers import make_password
from django.db import transaction

from leniency.accounts.models import Organisation, Role, User
from leniency.audit.models import AuditEvent
from leniency.audit.trail import PendingEvent, record_many
from leniency.cases.models import Defendant, Sentence
from leniency.cases.stages import Stage
from leniency.counsel.models import CounselAssignment
from leniency.demo.events import at
from leniency.demo.geography import PROVINCE_CODE
from leniency.demo.names import person_name
from leniency.demo.sentences import recommendation_values
from leniency.errors import DomainError
from leniency.recommendations.confirmed import fact_rows, given
from leniency.recommendations.engine import PENALTY_FROM_ENGINE, defendant_facts, engine_facts
from leniency.recommendations.models import CourtDecision, LawyerOpinion, Review, SentencingRecommendation
from leniency.recommendations.services import snapshot
from leniency.recommendations.validation import clean_values
from leniency.sentencing.calculator import calculate

R = SentencingRecommendation
OBJ = "recommendations.sentencingrecommendation"
TRIED = {Stage.FIRST_INSTANCE, Stage.JUDGMENT, Stage.APPEAL, Stage.FINAL}
DECIDED = {Stage.JUDGMENT, Stage.APPEAL, Stage.FINAL}

RETURN_RATE = 0.14
OBJECTION_RATE = 0.18
REVISED_AFTER_OBJECTION = 0.55
SMALL_CHANGE_RATE = 0.15
LARGE_CHANGE_RATE = 0.04
ADJUSTMENT_RATE = 0.06
DECIDED_OTHERWISE_RATE = 0.025
IN_PROGRESS_RATE = 0.7  # of defendants at review for prosecution with counsel

RETURN_COMMENTS = (
    "请核实退赃退赔情况，确认是否已全额退赔",
    "从犯情节认定依据不足，请补充说明",
    "前科是否构成累犯需核实刑满释放日期",
    "类案判罚普遍较轻，请说明偏离理由",
    "罚金数额与犯罪数额不相称，请重新计算",
)
OBJECTIONS = (
    "被告人已全额退赔被害人损失并取得谅解，建议从宽幅度再增加",
    "被告人系初犯、偶犯，认罪态度好，建议适用缓刑",
    "被告人在共同犯罪中起次要作用，应认定为从犯",
    "同类案件判罚普遍低于本建议，建议适当下调",
)
REPLIES = (
    "退赔及谅解情节已在认罪认罚从宽幅度中一并评价，不重复计算",
    "被告人有前科，不宜适用缓刑",
    "证据不足以认定从犯，不予采纳",
)
DEVIATION_REASONS = (
    "被告人多次作案，社会危害性较大，综合全案酌情从重",
    "被害人系老年人，酌情从重",
    "犯罪数额刚过较大标准，且已全部退赃，酌情从轻",
)
ADJUSTMENT_REASONS = (
    "被告人当庭补充退赔并取得谅解，原量刑建议明显偏重",
    "类案判罚普遍较轻，量刑建议明显不当",
)


@dataclass
class Person:
    defendant: Defendant
    review_on: date | None = None  # last move to review for prosecution
    trial_on: date | None = None  # move to first instance
    judgment_on: date | None = None
    judge_id: int | None = None
    lawyer: User | None = None
    sentence: Sentence | None = None  # the first-instance judgment's


@dataclass
class Plan:
    recs: list[SentencingRecommendation] = field(default_factory=list)
    reviews: list[tuple[SentencingRecommendation, Review]] = field(default_factory=list)
    opinions: list[tuple[SentencingRecommendation, LawyerOpinion]] = field(default_factory=list)
    decisions: list[tuple[SentencingRecommendation, CourtDecision]] = field(default_factory=list)
    events: list[tuple[datetime, int, str, SentencingRecommendation, User, dict]] = field(
        default_factory=list
    )

    def event(self, when, action, rec, actor, data):
        self.events.append((when, len(self.events), action, rec, actor, data))


def build(*, seed: int, today, stdout) -> str | None:
    started = time.perf_counter()
    defendants = Defendant.objects.filter(case__region__parent__parent__code=PROVINCE_CODE)
    if not defendants.exists() or R.objects.filter(defendant__in=defendants).exists():
        return None
    rng = random.Random(seed * 7 + 5)
    with transaction.atomic():
        people = _people(defendants)
        supervisors = _supervisors(people, rng)
        plan = Plan()
        users = {u.pk: u for u in User.objects.filter(pk__in={p.judge_id for p in people if p.judge_id})}
        for person in people:
            _plan_person(plan, person, supervisors, users, rng, today)
        _save(plan)
    seconds = time.perf_counter() - started
    finals = sum(1 for r in plan.recs if r.status == R.Status.FINAL)
    return (
        f"recommendations: {len(plan.recs)} rounds for {len({r.defendant_id for r in plan.recs})} defendants "
        f"({finals} final, {len(plan.decisions)} court decisions, {len(plan.events)} events) in {seconds:.1f}s"
    )


def _people(defendants) -> list[Person]:
    rows = list(
        defendants.select_related("case__region", "case__prosecutor", "case__procuratorate")
        .prefetch_related("case__defendants", "charge_links__charge")
        .order_by("pk")
    )
    by_id = {d.pk: Person(d) for d in rows}
    case_ids = {d.case_id for d in rows}
    events = (
        AuditEvent.objects.filter(
            case_id__in=case_ids, action__in=("defendant.stage.changed", "defendant.procedure.set")
        )
        .order_by("seq")
        .values_list("action", "data", "actor_id")
    )
    for action, data, actor_id in events:
        person = by_id.get(data.get("defendant"))
        if person is None:
            continue
        if action == "defendant.procedure.set":
            person.judge_id = actor_id
            continue
        on = date.fromisoformat(str(data.get("as_of"))[:10])
        if data.get("to") == Stage.PROSECUTION_REVIEW:
            person.review_on = on
        elif data.get("to") == Stage.FIRST_INSTANCE:
            person.trial_on = on
        elif data.get("to") == Stage.JUDGMENT:
            person.judgment_on = on
    for assignment in (
        CounselAssignment.objects.filter(defendant_id__in=by_id, ended_at__isnull=True)
        .select_related("lawyer")
        .order_by("pk")
    ):
        by_id[assignment.defendant_id].lawyer = assignment.lawyer
    for sentence in Sentence.objects.filter(
        defendant_id__in=by_id, instance=Sentence.Instance.FIRST
    ).order_by("judged_on", "pk"):
        by_id[sentence.defendant_id].sentence = sentence
    return list(by_id.values())


def _supervisors(people: list[Person], rng) -> dict[int, User]:
    """A supervising prosecutor per demo procuratorate: the persona at home, a synthetic one elsewhere."""
    orgs = {p.defendant.case.procuratorate_id for p in people}
    found = {}
    for user in User.objects.filter(role=Role.SUPERVISING_PROSECUTOR, organisation_id__in=orgs).order_by(
        "pk"
    ):
        found.setdefault(user.organisation_id, user)
    missing = [org for org in Organisation.objects.filter(pk__in=orgs - set(found)).order_by("pk")]
    unusable = make_password(None)
    for org in missing:
        user = User.objects.create(
            username=f"demo-supervisor-{org.pk}",
            password=unusable,
            role=Role.SUPERVISING_PROSECUTOR,
            organisation=org,
            display_name=person_name(rng, rng.choice("MF")),
        )
        found[org.pk] = user
    return found


def _pleaded(person: Person) -> bool:
    d = person.defendant
    return f"{d.name}在审查起诉阶段自愿认罪认罚" in (d.case.facts or "")


def _plan_person(plan: Plan, person: Person, supervisors, users, rng, today: date) -> None:
    d = person.defendant
    if person.review_on is None or d.case.prosecutor is None:
        return
    tried = d.stage in TRIED and person.trial_on is not None
    if tried and not _pleaded(person):
        return
    if not tried:
        if d.stage != Stage.PROSECUTION_REVIEW or person.lawyer is None or rng.random() > IN_PROGRESS_RATE:
            return
    engine = _engine(d)
    if engine is None:
        return
    prosecutor, supervisor = d.case.prosecutor, supervisors.get(d.case.procuratorate_id)
    if supervisor is None:
        return
    end = person.trial_on - timedelta(days=1) if tried else today - timedelta(days=1)
    start = person.review_on + timedelta(days=rng.randint(1, 4))
    if start > end:
        start = end
    if start < person.review_on:
        return
    span = max(0, (end - start).days)
    day = lambda share: start + timedelta(days=int(span * share))  # noqa: E731
    charges = [
        link.charge.name for link in sorted(d.charge_links.all(), key=lambda x: (not x.principal, x.pk))
    ]
    goal = "final" if tried else rng.choice(("draft", "in_review", "in_review", "approved", "final"))
    judged = tried and d.stage in DECIDED and person.judge_id in users and person.sentence is not None
    objected = person.lawyer is not None and goal == "final" and rng.random() < OBJECTION_RATE
    revised = objected and rng.random() < REVISED_AFTER_OBJECTION
    outcome, asked, first = "adopt", None, None
    if judged:  # the rounds lead to what the judgment gave (sentences.py)
        outcome, asked = _outcome(person.sentence, charges, rng)
        judged = asked is not None  # else no recommendation could have asked for it: no court decision either
        first = asked
        if revised:
            first = _asked(
                person.sentence, charges, extra=(1 if outcome != "adopt" else 0) + rng.randint(1, 2)
            )
            revised = first is not None
            first = first or asked

    rec = _draft(plan, d, 1, engine, charges, prosecutor, at(day(0.05), rng), rng, values=first)
    if goal == "draft":
        return
    rec = _review_cycle(
        plan, rec, prosecutor, supervisor, day(0.15), day(0.3), rng, submit_only=goal == "in_review"
    )
    if goal == "in_review":
        return
    if goal == "approved":
        return
    if person.lawyer is not None:
        _opinion(plan, rec, person.lawyer, at(day(0.45), rng), objected, rng)
    if revised:
        revised = _revise(plan, rec, engine, charges, prosecutor, at(day(0.55), rng), rng, values=asked)
        rec = _review_cycle(
            plan, revised, prosecutor, supervisor, day(0.6), day(0.65), rng, allow_return=False
        )
        _opinion(plan, rec, person.lawyer, at(day(0.75), rng), False, rng)
        objected = False
    rec = _finalise(plan, rec, prosecutor, at(day(0.85), rng), rng.choice(REPLIES) if objected else "")
    if not judged:
        return
    _court(
        plan,
        rec,
        person,
        users[person.judge_id],
        engine,
        charges,
        prosecutor,
        supervisor,
        rng,
        today,
        outcome,
    )


def _asked(sentence, charges, *, extra: int = 0) -> dict | None:
    """The recommendation's values that ask for `sentence` with `extra` months more, or None where the law
    allows no such recommendation."""
    if extra and not sentence.months:
        return None
    try:
        return clean_values(
            recommendation_values(sentence, extra_months=extra), several_crimes=len(charges) > 1
        )
    except DomainError:
        return None


def _outcome(sentence, charges, rng) -> tuple[str, dict | None]:
    """What the court did with the recommendation that led to `sentence` (adopted it, had it adjusted, or decided
    otherwise), and the values of the last round the prosecutor finalised before the court: the sentence when
    adopted, a month more otherwise."""
    roll = rng.random()
    exact = _asked(sentence, charges)
    if exact is None:
        return "adopt", None
    outcome = "adopt"
    if sentence.months and sentence.months >= 2:
        if roll < ADJUSTMENT_RATE:
            outcome = "adjust"
        elif roll < ADJUSTMENT_RATE + DECIDED_OTHERWISE_RATE:
            outcome = "otherwise"
    if outcome != "adopt":
        asked = _asked(sentence, charges, extra=1)
        if asked is not None:
            return outcome, asked
    return "adopt", exact


def _engine(d: Defendant):
    charges = [link.charge.name for link in d.charge_links.all()]
    facts = defendant_facts(d)
    try:
        # the plea and what else the record holds are given facts, as on the draft page
        calc = calculate(engine_facts(facts, charges, given(fact_rows(d, facts, charges))))
    except Exception:  # noqa: BLE001 - one odd fact text must not stop the demo
        return None
    calc.facts_text = facts  # carried along so that each round stores the text it was computed from
    return calc


def _values(calc, charges, rng, *, shift: int = 0) -> tuple[dict, str]:
    penalty = PENALTY_FROM_ENGINE.get(str(calc.penalty), "fixed_term")
    months = calc.months if penalty in ("fixed_term", "criminal_detention", "surveillance") else None
    probation = bool(
        calc.probation_advised and months is not None and penalty in ("fixed_term", "criminal_detention")
    )
    values = {
        "principal_penalty": penalty,
        "kind": "fixed",
        "months": months,
        "probation": probation,
        "probation_months": calc.probation_months if probation else None,
        "fine_yuan": calc.fine_yuan,
    }
    reason = ""
    if months is not None:
        roll = rng.random()
        if shift:
            values["months"] = max(1, months + shift)
        elif roll < LARGE_CHANGE_RATE:
            values["months"] = max(1, round(months * rng.choice((0.6, 1.4))))
            reason = rng.choice(DEVIATION_REASONS)
        elif roll < LARGE_CHANGE_RATE + SMALL_CHANGE_RATE:
            values["months"] = max(1, months + rng.choice((-1, 1)))
    try:
        cleaned = clean_values(values, several_crimes=len(charges) > 1)
    except DomainError:
        values["months"] = months
        try:
            cleaned = clean_values(values, several_crimes=len(charges) > 1)
        except DomainError:
            return {}, ""
    if cleaned["months"] == months:
        reason = ""
    return cleaned, reason


def _draft(plan, d, round_no, calc, charges, author, when, rng, *, shift=0, values=None):
    """A round drafted with the calculator: its values `values` where given, else the calculation's (moved by
    `shift` months, or by the prosecutor's own judgment now and then)."""
    reason = ""
    if values is None:
        values, reason = _values(calc, charges, rng, shift=shift)
    if not values:
        values, reason = _values(calc, charges, random.Random(0))
    rec = R(
        defendant=d,
        round=round_no,
        status=R.Status.DRAFT,
        author=author,
        created_at=when,
        updated_at=when,
        facts_text=calc.facts_text,
        charges=charges,
        calculation=calc.to_dict(),
        similar={},
        machine_assisted=True,
        engine_months=calc.months,
        engine_low=calc.low,
        engine_high=calc.high,
        model_version=f"calculator {calc.standard_version}"[:80],
        deviation_reason=reason,
        **values,
    )
    if reason:
        rec.warnings = [
            {"kind": "engine", "message": f"建议刑期{rec.months}个月与系统计算的{calc.months}个月偏离较大"}
        ]
    plan.recs.append(rec)
    plan.event(
        when,
        "recommendations.draft.created",
        rec,
        author,
        {
            **snapshot(rec),
            "engine_months": rec.engine_months,
            "model_version": rec.model_version,
            "deviations": [w["kind"] for w in rec.warnings],
            "deviation_reason": reason,
            "supersedes_round": round_no - 1 if round_no > 1 else None,
        },
    )
    return rec


def _bump(rec, status, when):
    rec.status, rec.updated_at = status, when
    rec.version += 1


def _review_cycle(
    plan, rec, prosecutor, supervisor, submit_day, review_day, rng, *, allow_return=True, submit_only=False
):
    submitted = max(at(submit_day, rng, start_hour=9, end_hour=12), rec.updated_at + timedelta(minutes=30))
    rec.submitted_at = submitted
    _bump(rec, R.Status.IN_REVIEW, submitted)
    plan.event(submitted, "recommendations.recommendation.submitted", rec, prosecutor, snapshot(rec))
    if submit_only:
        return rec
    reviewed = max(at(review_day, rng, start_hour=13, end_hour=18), submitted + timedelta(hours=1))
    if allow_return and rng.random() < RETURN_RATE:
        comments = rng.choice(RETURN_COMMENTS)
        plan.reviews.append(
            (rec, Review(reviewer=supervisor, decision="return", comments=comments, created_at=reviewed))
        )
        _bump(rec, R.Status.RETURNED, reviewed)
        plan.event(
            reviewed,
            "recommendations.review.returned",
            rec,
            supervisor,
            {**snapshot(rec), "comments": comments},
        )
        edited = reviewed + timedelta(hours=rng.randint(16, 30))
        rec.note = "已按审核意见核实"
        _bump(rec, R.Status.DRAFT, edited)
        plan.event(
            edited,
            "recommendations.draft.updated",
            rec,
            prosecutor,
            {**snapshot(rec), "deviations": [], "deviation_reason": rec.deviation_reason},
        )
        resubmitted = edited + timedelta(minutes=rng.randint(10, 120))
        rec.submitted_at = resubmitted
        _bump(rec, R.Status.IN_REVIEW, resubmitted)
        plan.event(resubmitted, "recommendations.recommendation.submitted", rec, prosecutor, snapshot(rec))
        reviewed = resubmitted + timedelta(hours=rng.randint(2, 20))
    comments = rng.choice(("同意", "同意承办人意见", ""))
    plan.reviews.append(
        (rec, Review(reviewer=supervisor, decision="approve", comments=comments, created_at=reviewed))
    )
    rec.approved_at = reviewed
    _bump(rec, R.Status.APPROVED, reviewed)
    plan.event(
        reviewed, "recommendations.review.approved", rec, supervisor, {**snapshot(rec), "comments": comments}
    )
    return rec


def _opinion(plan, rec, lawyer, when, objected, rng):
    when = max(when, rec.updated_at + timedelta(hours=2))
    reasons = rng.choice(OBJECTIONS) if objected else ""
    proposed = max(1, rec.months - rng.randint(1, 3)) if objected and rec.months else None
    position = LawyerOpinion.Position.OBJECT if objected else LawyerOpinion.Position.AGREE
    plan.opinions.append(
        (
            rec,
            LawyerOpinion(
                lawyer=lawyer, position=position, reasons=reasons, proposed_months=proposed, created_at=when
            ),
        )
    )
    rec.version += 1
    rec.updated_at = when
    plan.event(
        when,
        "recommendations.opinion.given",
        rec,
        lawyer,
        {
            "defendant": rec.defendant_id,
            "round": rec.round,
            "position": position,
            "reasons": reasons,
            "proposed_months": proposed,
        },
    )


def _revise(plan, rec, calc, charges, prosecutor, when, rng, *, values=None):
    when = max(when, rec.updated_at + timedelta(hours=3))
    shift = -rng.randint(1, 2) if values is None and rec.months and rec.months > 2 else 0
    revised = _draft(
        plan, rec.defendant, rec.round + 1, calc, charges, prosecutor, when, rng, shift=shift, values=values
    )
    _bump(rec, R.Status.SUPERSEDED, when)
    rec.closed_at, rec.close_reason = when, f"第{revised.round}轮建议取代"
    return revised


def _finalise(plan, rec, prosecutor, when, reply):
    when = max(when, rec.updated_at + timedelta(hours=1))
    rec.finalised_at, rec.finalised_by, rec.lawyer_reply = when, prosecutor, reply
    _bump(rec, R.Status.FINAL, when)
    plan.event(
        when,
        "recommendations.recommendation.finalised",
        rec,
        prosecutor,
        {**snapshot(rec), "supersedes_round": None, "lawyer_reply": reply},
    )
    return rec


def _court(plan, rec, person, judge, calc, charges, prosecutor, supervisor, rng, today, outcome):
    """The court's decision on the final round, as `outcome` says; the judgment gave `person.sentence`."""
    when = at(person.judgment_on or person.trial_on + timedelta(days=5), rng)
    when = max(when, rec.updated_at + timedelta(days=1))
    if when.date() >= today:
        return
    D, G = CourtDecision.Decision, CourtDecision.Ground
    if outcome == "adjust":
        asked = at(person.trial_on + timedelta(days=1), rng)
        asked = max(asked, rec.updated_at + timedelta(hours=2))
        reason = rng.choice(ADJUSTMENT_REASONS)
        grounds = [rng.choice((G.CLEARLY_IMPROPER, G.DEFENCE_OBJECTION))]
        _decide(plan, rec, judge, asked, D.REQUEST_ADJUSTMENT, grounds, reason)
        adjusted = _draft(
            plan,
            rec.defendant,
            rec.round + 1,
            calc,
            charges,
            prosecutor,
            asked + timedelta(hours=rng.randint(20, 30)),
            rng,
            values=_asked(person.sentence, charges),
        )
        adjusted = _review_cycle(
            plan,
            adjusted,
            prosecutor,
            supervisor,
            adjusted.created_at.date(),
            adjusted.created_at.date(),
            rng,
            allow_return=False,
        )
        if person.lawyer is not None:
            _opinion(plan, adjusted, person.lawyer, adjusted.updated_at + timedelta(hours=2), False, rng)
        final_at = adjusted.updated_at + timedelta(hours=1)
        _bump(rec, R.Status.SUPERSEDED, final_at)
        rec.closed_at, rec.close_reason = final_at, f"第{adjusted.round}轮建议确定后取代"
        rec = _finalise(plan, adjusted, prosecutor, final_at, "")
        when = max(when, final_at + timedelta(days=1))
        _decide(plan, rec, judge, when, D.ADOPT, [], "")
    elif outcome == "otherwise":
        _decide(
            plan,
            rec,
            judge,
            when,
            D.DECIDE_OTHERWISE,
            [G.CLEARLY_IMPROPER],
            "检察院未调整量刑建议，本院依法判决",
            penalty=rec.principal_penalty,
            months=rec.months - 1,
            probation=rec.probation,
        )
    else:
        _decide(plan, rec, judge, when, D.ADOPT, [], "")


def _decide(
    plan,
    rec,
    judge,
    when,
    decision,
    grounds,
    reasons,
    *,
    penalty="",
    months=None,
    probation=False,
    stage="first_instance",
):
    plan.decisions.append(
        (
            rec,
            CourtDecision(
                judge=judge,
                decision=decision,
                grounds=[str(g) for g in grounds],
                reasons=reasons,
                principal_penalty=penalty,
                months=months,
                probation=probation,
                stage=stage,
                created_at=when,
            ),
        )
    )
    rec.version += 1
    rec.updated_at = max(rec.updated_at, when)
    action = {
        "adopt": "recommendations.court.adopted",
        "request_adjustment": "recommendations.court.adjustment_requested",
        "decide_otherwise": "recommendations.court.decided_otherwise",
    }[str(decision)]
    data = {
        "defendant": rec.defendant_id,
        "round": rec.round,
        "grounds": [str(g) for g in grounds],
        "reasons": reasons,
        "term": rec.term_text(),
    }
    if penalty:
        data.update(principal_penalty=penalty, months=months, probation=probation)
    plan.event(when, action, rec, judge, data)


def _save(plan: Plan) -> None:
    R.objects.bulk_create(plan.recs, batch_size=500)
    for rec, review in plan.reviews:
        review.recommendation = rec
    Review.objects.bulk_create([r for _, r in plan.reviews], batch_size=1000)
    for rec, opinion in plan.opinions:
        opinion.recommendation = rec
    LawyerOpinion.objects.bulk_create([o for _, o in plan.opinions], batch_size=1000)
    for rec, decision in plan.decisions:
        decision.recommendation = rec
    CourtDecision.objects.bulk_create([d for _, d in plan.decisions], batch_size=1000)
    plan.events.sort(key=lambda e: (e[0], e[1]))
    pending = []
    for when, _, action, rec, actor, data in plan.events:
        pending.append(PendingEvent(action, OBJ, str(rec.pk), actor, rec.defendant.case_id, data, when))
    record_many(pending)
