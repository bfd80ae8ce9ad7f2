"""API operations of the judgment, the second-instance decision and retrial (`judgments.py`)."""

from datetime import date
from decimal import Decimal

from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema
from pydantic import StrictBool

from leniency.accounts.models import User

from . import judgments
from .access import visible_cases
from .models import Retrial

router = Router(tags=["cases"])


class CaseSentenceIn(Schema):
    defendant: int
    penalty: str = Field(
        ..., description="fixed_term, criminal_detention, surveillance, fine_only, exempt, life, death"
    )
    months: int | None = Field(None, ge=0, le=600)
    probation_months: int | None = Field(None, ge=0, le=120)
    fine_yuan: Decimal | None = Field(None, ge=0, max_digits=14, decimal_places=2)
    confiscation: StrictBool = Field(False, description="并处没收财产 (刑法第59条): true or false")


class CaseSentenceOut(Schema):
    defendant: int = Field(..., alias="defendant_id")
    instance: str
    court: str = Field(..., alias="court.name")
    judged_on: date
    penalty: str
    months: int | None
    probation_months: int | None
    fine_yuan: Decimal | None
    confiscation: bool


class JudgmentIn(Schema):
    judged_on: date | None = None
    sentences: list[CaseSentenceIn] = Field(..., max_length=200)


class SecondInstanceIn(Schema):
    decision: str = Field(..., description="uphold (维持原判), amend (改判) or remand (发回重审)")
    ground: str = Field("", description="for remand: facts (CPL art. 236) or procedure (art. 238)")
    reasons: str = Field("", max_length=4000)
    decided_on: date | None = None
    sentences: list[CaseSentenceIn] = Field([], max_length=200)


class SecondInstanceOut(Schema):
    id: int
    decision: str
    ground: str
    decided_on: date
    court: str = Field(..., alias="court.name")
    remanded_to: str | None

    @staticmethod
    def resolve_remanded_to(obj):
        return obj.remanded_to.name if obj.remanded_to_id else None


class RetrialStartIn(Schema):
    initiator: str = Field(
        ..., description="court (CPL art. 254 ¶1), protest (¶3) or petition (arts. 252–253)"
    )
    reasons: str = Field(..., max_length=4000)
    started_on: date | None = None


class RetrialJudgeIn(Schema):
    judge: int


class RetrialDecisionIn(Schema):
    outcome: str = Field(..., description="uphold (维持原判) or amend (改判)")
    decided_on: date | None = None
    sentences: list[CaseSentenceIn] = Field([], max_length=200)


class RetrialOut(Schema):
    id: int
    initiator: str
    court: str = Field(..., alias="court.name")
    started_on: date
    judge: str | None
    outcome: str
    decided_on: date | None

    @staticmethod
    def resolve_judge(obj):
        return str(obj.judge) if obj.judge_id else None


def _sentences(rows: list[CaseSentenceIn]) -> dict:
    return {r.defendant: r.dict(exclude={"defendant"}) for r in rows}


@router.post(
    "/cases/{case_id}/judgment", response=list[CaseSentenceOut], summary="一审宣判: each defendant's sentence"
)
def record_judgment(request, case_id: int, payload: JudgmentIn):
    case = get_object_or_404(visible_cases(request.user).select_related("court"), pk=case_id)
    judgments.do_record_judgment(
        case, sentences=_sentences(payload.sentences), judged_on=payload.judged_on, acting_user=request.user
    )
    return list(
        judgments.Sentence.objects.filter(defendant__case=case, instance="first")
        .select_related("court")
        .order_by("-id")[: len(payload.sentences)]
    )


@router.post(
    "/cases/{case_id}/second-instance",
    response=SecondInstanceOut,
    summary="二审裁判: 维持原判, 改判 or 发回重审 (CPL art. 236)",
)
def decide_second_instance(request, case_id: int, payload: SecondInstanceIn):
    case = get_object_or_404(visible_cases(request.user).select_related("court"), pk=case_id)
    return judgments.do_decide_second_instance(
        case,
        decision=payload.decision,
        ground=payload.ground,
        reasons=payload.reasons,
        decided_on=payload.decided_on,
        sentences=_sentences(payload.sentences),
        acting_user=request.user,
    )


@router.get(
    "/cases/{case_id}/sentences", response=list[CaseSentenceOut], summary="Each defendant's sentences"
)
def list_sentences(request, case_id: int):
    case = get_object_or_404(visible_cases(request.user), pk=case_id)
    return list(judgments.Sentence.objects.filter(defendant__case=case).select_related("court"))


@router.post("/cases/{case_id}/retrials", response={201: RetrialOut}, summary="再审: reopen a final judgment")
def start_retrial(request, case_id: int, payload: RetrialStartIn):
    case = get_object_or_404(visible_cases(request.user).select_related("court__region"), pk=case_id)
    retrial = judgments.do_start_retrial(
        case,
        initiator=payload.initiator,
        reasons=payload.reasons,
        started_on=payload.started_on,
        acting_user=request.user,
    )
    return 201, retrial


def _retrial(request, retrial_id):
    return get_object_or_404(
        Retrial.objects.filter(case__in=visible_cases(request.user)).select_related("case", "court"),
        pk=retrial_id,
    )


@router.post(
    "/retrials/{retrial_id}/judge", response=RetrialOut, summary="Name the retrial's judge (CPL art. 256)"
)
def assign_retrial_judge(request, retrial_id: int, payload: RetrialJudgeIn):
    retrial = _retrial(request, retrial_id)
    judge = get_object_or_404(User, pk=payload.judge)
    return judgments.do_assign_retrial_judge(retrial, judge=judge, acting_user=request.user)


@router.post("/retrials/{retrial_id}/decision", response=RetrialOut, summary="再审宣判: 维持原判 or 改判")
def decide_retrial(request, retrial_id: int, payload: RetrialDecisionIn):
    retrial = _retrial(request, retrial_id)
    return judgments.do_decide_retrial(
        retrial,
        outcome=payload.outcome,
        decided_on=payload.decided_on,
        sentences=_sentences(payload.sentences),
        acting_user=request.user,
    )
