"""One row per person for the study and the risk model, read from the other apps' tables in a few queries.

Definitions (the report prints them):
- *person*: a defendant of a case the procuratorate received in the period (`Case.received_on`).
- *pleaded*: the person signed a plea agreement (具结书, CPL art. 174), or pleaded at trial: no agreement, and the
  recommendation in force was made for a plea at trial. A finalised recommendation alone is the prosecutor's
  proposal, not a plea (see measures.py for why this matters).
- *review concluded*: the person was prosecuted (a court stage or final) or not prosecuted; the base of the plea
  rate.
- *signing*: the moment the plea agreement was signed; where none was signed (a plea at trial), the moment the
  recommendation in force at the plea was finalised.
- *recommendation at the plea*: the one the agreement names, else the first finalised round.
- *meeting before signing*: a lawyer logged a 会见 (meeting) for the person before the signing.
- *opinion filed*: a lawyer logged a written opinion or gave an opinion on the recommendation.
- *letter delivered*: the explanation letter (释法说理书) was recorded as delivered before the signing (at any
  time where no agreement was signed: the letter follows the recommendation it explains).
- *notice acknowledged*: a rights notice was acknowledged by the person before the signing.
- *wide range*: a range wider than the SPP width limits (FACTS.md §2, ❌ from memory): under 1 year of
  imprisonment at most 2 months, 1–3 years at most 6, 3–10 years at most 12.
- *gap to similar cases*: (recommended term − median of similar cases) / median; the midpoint of a range. Where
  the recommendation stored no similar-case statistics (n ≥ 5), the calculator's term stands in for the median.
- *far above similar cases*: a gap of +25 % or more.
- *withdrawn*: a withdrawal (反悔) is recorded for the person; its stage and reasons come from the plea app.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

from leniency.cases.models import Defendant, DefendantCharge
from leniency.cases.stages import TRIAL_STAGES, Stage
from leniency.counsel.models import CounselAssignment
from leniency.counsel.models.participation import OPINIONS, ParticipationEntry, Service
from leniency.plea.models import PleaAgreement, RightsNotice, Withdrawal
from leniency.recommendations.models import CourtDecision, LawyerOpinion, SentencingRecommendation

from .models import ImportedPerson, LetterDelivery

FAR_ABOVE = 0.25
REVIEW_CONCLUDED = set(TRIAL_STAGES) | {Stage.NON_PROSECUTION}
DETAINED = {"arrested", "criminal_detention", "residential_surveillance"}
PRIOR = re.compile(r"前科|累犯|曾因|曾于.{0,8}因")
PLEA_STAGE_WORDS = {"侦查阶段": "investigation", "审查起诉阶段": "prosecution_review", "审判阶段": "trial"}
PLEA_IN_TEXT = re.compile(r"在(侦查阶段|审查起诉阶段|审判阶段)[^。]{0,20}认罪认罚")


def wide_range(low: int | None, high: int | None) -> bool:
    if low is None or high is None:
        return False
    return high - low > (2 if low < 12 else 6 if low < 36 else 12)


@dataclass
class PersonRow:
    defendant_id: int
    case_id: int
    received_on: date
    crime: str
    detained: bool
    prior_record: bool
    review_concluded: bool = True
    lawyer: bool = False
    lawyer_kind: str = ""
    pleaded: bool = False
    plea_stage: str = ""
    signed_at: datetime | None = None
    has_agreement: bool = False
    rec_id: int | None = None
    rec_kind: str = ""
    rec_months: float | None = None
    range_width: int | None = None
    wide_range: bool = False
    gap: float | None = None
    adopted: bool | None = None
    meeting_before: bool = False
    meetings_before: int = 0
    opinion_filed: bool = False
    letter_delivered: bool = False
    notice_acknowledged: bool = False
    withdrawn: bool = False
    withdrawal_stages: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)

    @property
    def far_above(self) -> bool:
        return self.gap is not None and self.gap >= FAR_ABOVE


def _point(rec) -> float | None:
    if (
        rec.kind == SentencingRecommendation.Kind.RANGE
        and rec.low_months is not None
        and rec.high_months is not None
    ):
        return (rec.low_months + rec.high_months) / 2
    return rec.months


def gap_to_similar(rec) -> float | None:
    point = _point(rec)
    stats = (rec.similar or {}).get("stats") or {}
    median = stats.get("median") if (stats.get("n") or 0) >= 5 else None
    median = median or rec.engine_months
    if point is None or not median:
        return None
    return (point - float(median)) / float(median)


def plea_stage(rec, facts: str, defendant_stage: str) -> str:
    stage = (rec.calculation or {}).get("plea_stage") if rec is not None else None
    if stage:
        return stage
    found = PLEA_IN_TEXT.search(facts or "")
    if found:
        return PLEA_STAGE_WORDS[found.group(1)]
    return "trial" if defendant_stage in ("first_instance", "judgment", "appeal") else "prosecution_review"


@dataclass
class PersonData:
    """What person rows are computed from, for many defendants at once: read by `load_person_data`, or put
    together by `person_data_from` out of rows the caller has loaded already (the case page's panels)."""

    base: list[tuple]  # (pk, case_id, received_on, detention, facts, stage), in defendant order
    crimes: dict[int, str] = field(default_factory=dict)  # the principal charge's name
    rounds: dict[int, list] = field(default_factory=lambda: defaultdict(list))  # every round, in round order
    agreements: dict[int, dict] = field(
        default_factory=dict
    )  # the first signed: signed_at, recommendation_id
    entries: dict[int, list] = field(
        default_factory=lambda: defaultdict(list)
    )  # the lawyers' (service, when)
    letters: dict[int, list] = field(default_factory=lambda: defaultdict(list))  # delivered_at
    notices: dict[int, list] = field(
        default_factory=lambda: defaultdict(list)
    )  # notified_at, acknowledged only
    # Not read by the risk model (`features_only` leaves them empty):
    lawyers: dict[int, str] = field(default_factory=dict)  # the first assignment's kind
    opinions: set[int] = field(default_factory=set)
    decisions: dict[int, str] = field(default_factory=dict)  # recommendation id -> the court's decision
    withdrawals: dict[int, list] = field(default_factory=lambda: defaultdict(list))  # (stage, reasons)


def person_rows(defendants, *, features_only: bool = False) -> list[PersonRow]:
    """Rows for a defendant queryset (or list of ids), in defendant order. `features_only`: what the risk
    model reads and no more (the case page scores its defendants): the lawyer's kind, the court's decision,
    the lawyer's opinion and the withdrawals keep their defaults, four queries fewer."""
    return rows_of(load_person_data(defendants, features_only=features_only))


def load_person_data(defendants, *, features_only: bool = False) -> PersonData:
    qs = Defendant.objects.filter(pk__in=defendants) if not hasattr(defendants, "model") else defendants
    data = PersonData(
        base=list(
            qs.order_by("pk").values_list(
                "pk", "case_id", "case__received_on", "detention", "case__facts", "stage"
            )
        )
    )
    ids = [b[0] for b in data.base]
    data.crimes = principal_crimes(ids)
    for rec in (
        SentencingRecommendation.objects.filter(defendant_id__in=ids)
        .only(
            "pk",
            "defendant_id",
            "round",
            "kind",
            "months",
            "low_months",
            "high_months",
            "similar",
            "engine_months",
            "calculation",
            "finalised_at",
            "status",
        )
        .order_by("round")
    ):
        data.rounds[rec.defendant_id].append(rec)
    for a in (
        PleaAgreement.objects.filter(defendant_id__in=ids, signed_at__isnull=False)
        .order_by("version")
        .values("defendant_id", "signed_at", "recommendation_id")
    ):
        data.agreements.setdefault(a["defendant_id"], a)
    data.entries = participation(ids)
    for d_id, when in LetterDelivery.objects.filter(defendant_id__in=ids).values_list(
        "defendant_id", "delivered_at"
    ):
        data.letters[d_id].append(when)
    for d_id, when in RightsNotice.objects.filter(defendant_id__in=ids, acknowledged=True).values_list(
        "defendant_id", "notified_at"
    ):
        data.notices[d_id].append(when)
    if features_only:
        return data
    for d_id, kind in (
        CounselAssignment.objects.filter(defendant_id__in=ids)
        .order_by("assigned_at")
        .values_list("defendant_id", "kind")
    ):
        data.lawyers.setdefault(d_id, kind)
    data.opinions = set(
        LawyerOpinion.objects.filter(recommendation__defendant_id__in=ids).values_list(
            "recommendation__defendant_id", flat=True
        )
    )
    for rec_id, decision in (
        CourtDecision.objects.filter(recommendation__defendant_id__in=ids)
        .order_by("created_at")
        .values_list("recommendation_id", "decision")
    ):
        data.decisions[rec_id] = decision
    for d_id, stage, reasons in (
        Withdrawal.objects.filter(defendant_id__in=ids)
        .order_by("occurred_at")
        .values_list("defendant_id", "stage", "reasons")
    ):
        data.withdrawals[d_id].append((stage, reasons))
    return data


def person_data_from(defendants, rounds: dict[int, list], plea: dict, letters: dict[int, list]) -> PersonData:
    """The risk model's `PersonData` (as `features_only`) of defendants whose case is loaded (`defendant.case`),
    from their rounds in round order, their plea records (plea.story.load_records) and their letter deliveries:
    two queries (the principal charges, the participation log) instead of seven."""
    ids = sorted(d.pk for d in defendants)
    by_pk = {d.pk: d for d in defendants}
    data = PersonData(
        base=[
            (
                pk,
                by_pk[pk].case_id,
                by_pk[pk].case.received_on,
                by_pk[pk].detention,
                by_pk[pk].case.facts,
                by_pk[pk].stage,
            )
            for pk in ids
        ]
    )
    data.crimes = principal_crimes(ids)
    data.entries = participation(ids)
    for pk in ids:
        data.rounds[pk] = list(rounds.get(pk, ()))
        signed = sorted((a for a in plea[pk].agreements if a.signed_at is not None), key=lambda a: a.version)
        if signed:
            data.agreements[pk] = {
                "defendant_id": pk,
                "signed_at": signed[0].signed_at,
                "recommendation_id": signed[0].recommendation_id,
            }
        data.letters[pk] = [letter.delivered_at for letter in letters.get(pk, ())]
        data.notices[pk] = [n.notified_at for n in plea[pk].notices if n.acknowledged]
    return data


def principal_crimes(ids) -> dict[int, str]:
    crimes: dict[int, str] = {}
    for d_id, name in (
        DefendantCharge.objects.filter(defendant_id__in=ids)
        .order_by("-principal", "pk")
        .values_list("defendant_id", "charge__name")
    ):
        crimes.setdefault(d_id, name)
    return crimes


def participation(ids) -> dict[int, list]:
    entries = defaultdict(list)
    for d_id, service, when in ParticipationEntry.objects.filter(
        assignment__defendant_id__in=ids
    ).values_list("assignment__defendant_id", "service", "occurred_at"):
        entries[d_id].append((service, when))
    return entries


def rows_of(data: PersonData) -> list[PersonRow]:
    """The person rows, in the order of `data.base`."""
    entries, letters, notices = data.entries, data.letters, data.notices
    rows = []
    for pk, case_id, received_on, detention, facts, stage in data.base:
        row = PersonRow(
            defendant_id=pk,
            case_id=case_id,
            received_on=received_on,
            crime=data.crimes.get(pk, "—"),
            detained=detention in DETAINED,
            prior_record=bool(PRIOR.search(facts or "")),
        )
        row.lawyer_kind = data.lawyers.get(pk, "")
        row.lawyer = bool(row.lawyer_kind)
        agreement = data.agreements.get(pk)
        finalised = [r for r in data.rounds[pk] if r.finalised_at is not None]
        at_plea = None
        if agreement and agreement["recommendation_id"]:
            at_plea = next((r for r in finalised if r.pk == agreement["recommendation_id"]), None)
        at_plea = at_plea or (finalised[0] if finalised else None)
        row.review_concluded = stage in REVIEW_CONCLUDED
        the_stage = plea_stage(at_plea, facts, stage) if at_plea is not None or agreement else ""
        row.pleaded = agreement is not None or (at_plea is not None and the_stage == "trial")
        if row.pleaded:
            row.has_agreement = agreement is not None
            row.signed_at = agreement["signed_at"] if agreement else at_plea.finalised_at
            row.plea_stage = the_stage
            if at_plea is not None:
                row.rec_id, row.rec_kind, row.rec_months = at_plea.pk, at_plea.kind, _point(at_plea)
                if (
                    at_plea.kind == "range"
                    and at_plea.low_months is not None
                    and at_plea.high_months is not None
                ):
                    row.range_width = at_plea.high_months - at_plea.low_months
                    row.wide_range = wide_range(at_plea.low_months, at_plea.high_months)
                row.gap = gap_to_similar(at_plea)
                decision = data.decisions.get(at_plea.pk)
                row.adopted = None if decision is None else decision == CourtDecision.Decision.ADOPT
            signed = row.signed_at
            before = [s for s, when in entries[pk] if when < signed]
            row.meetings_before = sum(1 for s in before if s == Service.MEETING)
            row.meeting_before = row.meetings_before > 0
            row.opinion_filed = pk in data.opinions or any(s in OPINIONS for s, _w in entries[pk])
            row.letter_delivered = any(when <= signed or not row.has_agreement for when in letters[pk])
            row.notice_acknowledged = any(when <= signed for when in notices[pk])
        row.withdrawn = bool(data.withdrawals[pk])
        row.withdrawal_stages = [s for s, _r in data.withdrawals[pk]]
        row.reasons = [r for _s, reasons in data.withdrawals[pk] for r in reasons]
        rows.append(row)
    return rows


def imported_rows(persons) -> list[PersonRow]:
    """The person rows of imported historical records (`ImportedPerson`), built as `rows_of` builds the
    platform's: the same fields and definitions, read from the columns of the import template. A record's case
    number becomes a case id (in order of first appearance); the signing is the agreement's date at midnight, or
    where none was signed the withdrawal's date (a plea at trial)."""
    from datetime import time

    from django.utils import timezone

    case_ids: dict[str, int] = {}
    rows = []
    for p in persons:
        row = PersonRow(
            defendant_id=p.pk,
            case_id=case_ids.setdefault(p.case_ref, len(case_ids) + 1),
            received_on=p.received_on,
            crime=p.crime,
            detained=p.detained,
            prior_record=p.prior_record,
            review_concluded=p.outcome != ImportedPerson.Outcome.PENDING,
            lawyer=bool(p.lawyer_kind),
            lawyer_kind=p.lawyer_kind,
        )
        if p.pleaded:
            row.pleaded = True
            row.plea_stage = p.plea_stage
            row.has_agreement = p.signed_on is not None
            if p.signed_on is not None:
                row.signed_at = timezone.make_aware(datetime.combine(p.signed_on, time()))
            if p.rec_kind:
                row.rec_id, row.rec_kind = p.pk, p.rec_kind
                if p.rec_kind == "range" and p.rec_low_months is not None and p.rec_high_months is not None:
                    row.rec_months = (p.rec_low_months + p.rec_high_months) / 2
                    row.range_width = p.rec_high_months - p.rec_low_months
                    row.wide_range = wide_range(p.rec_low_months, p.rec_high_months)
                else:
                    row.rec_months = p.rec_months
                if row.rec_months is not None and p.similar_median_months:
                    row.gap = (row.rec_months - p.similar_median_months) / p.similar_median_months
                row.adopted = p.adopted
            row.meetings_before = p.meetings_before
            row.meeting_before = p.meetings_before > 0
            row.opinion_filed = p.opinion_filed
            row.letter_delivered = p.letter_delivered
            row.notice_acknowledged = p.notice_acknowledged
            if p.withdrawal_stage:
                row.withdrawn = True
                row.withdrawal_stages = [p.withdrawal_stage]
                row.reasons = list(p.withdrawal_reasons)
        rows.append(row)
    return rows
