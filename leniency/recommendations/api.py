"""JSON API of the recommendation workflow: the same services and permissions as the pages.

404 for a defendant or round the user may not see, 403 for an action their role may not take, 400 (with
`field`) when a rule refuses it, 422 when the input does not parse.
"""

from datetime import datetime
from decimal import Decimal

from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema, Status

from leniency.cases.access import visible_defendants

from . import access, services
from .confirmed import rows_of
from .models import CourtDecision, LawyerOpinion, Review, SentencingRecommendation

router = Router(tags=["recommendations"])
R = SentencingRecommendation


class ReviewOut(Schema):
    reviewer: str
    decision: str
    comments: str
    created_at: datetime


class OpinionOut(Schema):
    lawyer: str
    position: str
    reasons: str
    proposed_months: int | None
    created_at: datetime


class CourtDecisionOut(Schema):
    judge: str
    decision: str
    grounds: list[str]
    reasons: str
    principal_penalty: str
    months: int | None
    probation: bool
    created_at: datetime


class ConfirmedFactOut(Schema):
    key: str
    label: str
    value: str | int | float | bool | list[str] | None
    shown: str
    source: str = Field(
        ..., description="record (the platform's record), text (read from the facts), prosecutor"
    )
    sentence: str = Field(..., description="the sentence of the fact text it was read from")
    note: str = Field(..., description="the record and its date, or the prosecutor's reason for a correction")
    read_value: str | int | float | bool | None = Field(..., description="what a correction replaced")
    read_source: str
    change_reason: str


class RecommendationOut(Schema):
    id: int
    defendant: int
    round: int
    status: str
    version: int
    term: str
    principal_penalty: str
    kind: str
    months: int | None
    low_months: int | None
    high_months: int | None
    probation: bool
    probation_months: int | None
    fine_yuan: Decimal | None
    confiscation: bool = Field(
        ..., description="并处没收财产: mandatory in the charge's statutory bracket (刑法第59条)"
    )
    machine_assisted: bool
    engine_months: int | None
    engine_low: int | None
    engine_high: int | None
    warnings: list[dict]
    deviation_reason: str
    model_version: str
    author: str
    created_at: datetime
    submitted_at: datetime | None
    approved_at: datetime | None
    finalised_at: datetime | None
    lawyer_reply: str
    steps: list[dict]
    reviews: list[ReviewOut]
    opinions: list[OpinionOut]
    court_decisions: list[CourtDecisionOut]
    facts: list[ConfirmedFactOut] = Field(..., description="the confirmed facts this round was calculated on")


def _out(rec, user) -> dict:
    internal = access.sees_internal_rounds(user, rec.defendant)
    return {
        "id": rec.pk,
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
        "fine_yuan": rec.fine_yuan,
        "confiscation": rec.confiscation,
        "machine_assisted": rec.machine_assisted,
        "engine_months": rec.engine_months,
        "engine_low": rec.engine_low,
        "engine_high": rec.engine_high,
        "warnings": rec.warnings or [],
        "deviation_reason": rec.deviation_reason,
        "model_version": rec.model_version,
        "author": str(rec.author),
        "created_at": rec.created_at,
        "submitted_at": rec.submitted_at if internal else None,
        "approved_at": rec.approved_at,
        "finalised_at": rec.finalised_at,
        "lawyer_reply": rec.lawyer_reply,
        "steps": (rec.calculation or {}).get("steps", []),
        "reviews": [
            {
                "reviewer": str(r.reviewer),
                "decision": r.decision,
                "comments": r.comments,
                "created_at": r.created_at,
            }
            for r in rec.reviews.all()
        ]
        if internal
        else [],
        "opinions": [
            {
                "lawyer": str(o.lawyer),
                "position": o.position,
                "reasons": o.reasons,
                "proposed_months": o.proposed_months,
                "created_at": o.created_at,
            }
            for o in rec.opinions.all()
        ],
        "court_decisions": [
            {
                "judge": str(d.judge),
                "decision": d.decision,
                "grounds": d.grounds,
                "reasons": d.reasons,
                "principal_penalty": d.principal_penalty,
                "months": d.months,
                "probation": d.probation,
                "created_at": d.created_at,
            }
            for d in rec.court_decisions.all()
        ],
        "facts": [
            {
                "key": f.key,
                "label": f.label,
                "value": f.value,
                "shown": f.shown,
                "source": f.source,
                "sentence": f.sentence,
                "note": f.note,
                "read_value": f.read_value,
                "read_source": f.read_source,
                "change_reason": f.change_reason,
            }
            for f in rows_of(rec)
        ],
    }


class TermsIn(Schema):
    principal_penalty: R.Penalty | None = None
    kind: R.Kind | None = None
    months: int | None = Field(None, ge=0)
    low_months: int | None = Field(None, ge=0)
    high_months: int | None = Field(None, ge=0)
    probation: bool | None = None
    probation_months: int | None = Field(None, ge=0)
    fine_yuan: Decimal | None = Field(None, ge=0)

    def values(self) -> dict:
        return {
            k: (v.value if hasattr(v, "value") else v)
            for k, v in self.dict(exclude_unset=True).items()
            if k in TermsIn.model_fields
        }


class FactCorrectionIn(Schema):
    key: str = Field(
        ..., max_length=40, description="a circumstance (plea, surrender, forgiveness…) or a quantity"
    )
    value: str | int | float | bool | None = Field(
        ...,
        description="true/false; for plea the stage or false; a number for amount_yuan, victims, counts, age",
    )
    reason: str = Field("", max_length=500)


class FactsIn(Schema):
    facts: list[FactCorrectionIn] | None = Field(
        None,
        max_length=60,
        description="the prosecutor's corrections of the record's and the text's facts; omitted: those in force stay",
    )
    facts_reason: str = Field(
        "", max_length=4000, description="required to change a confirmed fact once the round was reviewed"
    )

    def corrections(self) -> dict | None:
        return None if self.facts is None else {f.key: (f.value, f.reason) for f in self.facts}


class DraftIn(TermsIn, FactsIn):
    facts_text: str | None = Field(
        None, max_length=20000, description="default: the case facts about this person"
    )
    deviation_reason: str = Field("", max_length=4000)
    note: str = Field("", max_length=4000)
    change_basis: str = Field(
        "", max_length=4000, description="required for a new round after a signed plea agreement"
    )


class UpdateIn(TermsIn, FactsIn):
    version: int = Field(
        ..., description="the version you read; a stale one is a conflict (400, field=version)"
    )
    facts_text: str | None = Field(None, max_length=20000)
    deviation_reason: str = Field("", max_length=4000)
    note: str | None = Field(None, max_length=4000)


class VersionIn(Schema):
    version: int | None = None


class ReviewIn(Schema):
    decision: Review.Decision
    comments: str = Field("", max_length=4000)
    version: int | None = None


class OpinionIn(Schema):
    position: LawyerOpinion.Position
    reasons: str = Field("", max_length=4000)
    proposed_months: int | None = Field(None, ge=0, le=300)


class FinaliseIn(Schema):
    lawyer_reply: str = Field("", max_length=4000)
    version: int | None = None


class CourtDecisionIn(Schema):
    decision: CourtDecision.Decision
    grounds: list[CourtDecision.Ground] = []
    reasons: str = Field("", max_length=4000)
    principal_penalty: R.Penalty | None = None
    months: int | None = Field(None, ge=0)
    probation: bool = False
    version: int | None = None


def _defendant(request, defendant_id):
    return get_object_or_404(visible_defendants(request.user).select_related("case"), pk=defendant_id)


def _rec(request, pk):
    rec = access.recommendation_for(request.user, pk)
    if rec is None:
        raise Http404
    return rec


@router.get(
    "/defendants/{defendant_id}",
    response=list[RecommendationOut],
    summary="A defendant's recommendation rounds that the user may see, oldest first",
)
def list_for_defendant(request, defendant_id: int):
    defendant = _defendant(request, defendant_id)
    rounds = (
        access.visible_recommendations(request.user, defendant)
        .select_related("author", "defendant__case")
        .prefetch_related("reviews__reviewer", "opinions__lawyer", "court_decisions__judge")
        .order_by("round")
    )
    return [_out(rec, request.user) for rec in rounds]


@router.get("/{rec_id}", response=RecommendationOut, summary="One recommendation round")
def get_recommendation(request, rec_id: int):
    return _out(_rec(request, rec_id), request.user)


@router.post(
    "/defendants/{defendant_id}/drafts",
    response={201: RecommendationOut},
    summary="Draft a recommendation with the engine (a new round supersedes the open one)",
)
def create_draft(request, defendant_id: int, payload: DraftIn):
    defendant = _defendant(request, defendant_id)
    rec = services.do_create_draft(
        defendant,
        acting_user=request.user,
        facts_text=payload.facts_text,
        values=payload.values(),
        deviation_reason=payload.deviation_reason,
        note=payload.note,
        change_basis=payload.change_basis,
        facts=payload.corrections(),
        facts_reason=payload.facts_reason,
    )
    return Status(201, _out(rec, request.user))


@router.patch("/{rec_id}", response=RecommendationOut, summary="Change a draft or returned round")
def update_draft(request, rec_id: int, payload: UpdateIn):
    rec = _rec(request, rec_id)
    rec = services.do_update_draft(
        rec,
        acting_user=request.user,
        version=payload.version,
        values=payload.values(),
        deviation_reason=payload.deviation_reason,
        facts_text=payload.facts_text,
        note=payload.note,
        facts=payload.corrections(),
        facts_reason=payload.facts_reason,
    )
    return _out(rec, request.user)


@router.post("/{rec_id}/submit", response=RecommendationOut, summary="Submit for the supervisor's review")
def submit(request, rec_id: int, payload: VersionIn):
    rec = _rec(request, rec_id)
    return _out(services.do_submit(rec, acting_user=request.user, version=payload.version), request.user)


@router.post(
    "/{rec_id}/review", response=RecommendationOut, summary="Approve or return (supervising prosecutor)"
)
def review(request, rec_id: int, payload: ReviewIn):
    rec = _rec(request, rec_id)
    services.do_review(
        rec,
        acting_user=request.user,
        decision=payload.decision.value,
        comments=payload.comments,
        version=payload.version,
    )
    return _out(_rec(request, rec_id), request.user)


@router.post("/{rec_id}/opinion", response=RecommendationOut, summary="The assigned lawyer's written opinion")
def opinion(request, rec_id: int, payload: OpinionIn):
    rec = _rec(request, rec_id)
    services.do_give_opinion(
        rec,
        acting_user=request.user,
        position=payload.position.value,
        reasons=payload.reasons,
        proposed_months=payload.proposed_months,
    )
    return _out(_rec(request, rec_id), request.user)


@router.post("/{rec_id}/finalise", response=RecommendationOut, summary="Make an approved round final")
def finalise(request, rec_id: int, payload: FinaliseIn):
    rec = _rec(request, rec_id)
    rec = services.do_finalise(
        rec, acting_user=request.user, version=payload.version, lawyer_reply=payload.lawyer_reply
    )
    return _out(rec, request.user)


@router.post(
    "/{rec_id}/court-decision",
    response=RecommendationOut,
    summary="The court adopts, asks for an adjustment or decides otherwise (CPL art. 201)",
)
def court_decision(request, rec_id: int, payload: CourtDecisionIn):
    rec = _rec(request, rec_id)
    services.do_court_decision(
        rec,
        acting_user=request.user,
        decision=payload.decision.value,
        grounds=[g.value for g in payload.grounds],
        reasons=payload.reasons,
        principal_penalty=payload.principal_penalty.value if payload.principal_penalty else "",
        months=payload.months,
        probation=payload.probation,
        version=payload.version,
    )
    return _out(_rec(request, rec_id), request.user)
