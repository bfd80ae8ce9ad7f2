from datetime import date, datetime

from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from leniency.api_pagination import BoundedPageNumberPagination
from leniency.audit.personal_data import PARTICULARS, log_personal_data_read
from leniency.audit.timeline import case_timeline

from . import services
from .access import visible_cases, visible_defendants
from .forms import CaseFilterForm
from .stages import Stage

router = Router(tags=["cases"])


class ChargeOut(Schema):
    name: str
    article: int
    article_label: str


class DefendantOut(Schema):
    id: int
    name: str
    gender: str
    birth_date: date | None
    detention: str
    stage: str
    stage_since: date
    procedure: str
    charges: list[ChargeOut]

    @staticmethod
    def resolve_charges(obj):
        return list(obj.charges.all())


class CaseSummaryOut(Schema):
    id: int
    number: str
    title: str
    procuratorate: str = Field(..., alias="procuratorate.name")
    received_on: date


class TimelineOut(Schema):
    seq: int
    occurred_at: datetime
    actor: str
    action: str
    label: str
    detail: str


class CaseOut(Schema):
    id: int
    number: str
    title: str
    procuratorate: str
    court: str | None
    received_on: date
    facts: str
    defendants: list[DefendantOut]
    timeline: list[TimelineOut]


class CaseFilters(Schema):
    q: str | None = Field(None, max_length=100, description="case number, title or defendant name")
    stage: Stage | None = None
    received_from: date | None = None
    received_to: date | None = None


class StageChangeIn(Schema):
    to: Stage
    as_of: date | None = None
    reason: str = Field("", max_length=500)


@router.get("/cases", response=list[CaseSummaryOut], summary="Cases visible to the user")
@paginate(BoundedPageNumberPagination, page_size=25)
def list_cases(request, filters: Query[CaseFilters]):
    form = CaseFilterForm({k: v for k, v in filters.dict().items() if v is not None})
    return (
        form.apply(visible_cases(request.user))
        .select_related("procuratorate")
        .order_by("-received_on", "-id")
    )


@router.get("/cases/{case_id}", response=CaseOut, summary="One case, its visible defendants and its timeline")
def get_case(request, case_id: int):
    case = get_object_or_404(visible_cases(request.user).select_related("procuratorate", "court"), pk=case_id)
    defendants = list(visible_defendants(request.user).filter(case=case).prefetch_related("charges"))
    timeline = case_timeline(case, visible_defendant_ids={d.pk for d in defendants})
    log_personal_data_read(request.user, defendants, fields=PARTICULARS, via="api", path=request.path)
    return {
        "id": case.pk,
        "number": case.number,
        "title": case.title,
        "procuratorate": case.procuratorate.name,
        "court": case.court.name if case.court else None,
        "received_on": case.received_on,
        "facts": case.facts,
        "defendants": defendants,
        "timeline": [entry.__dict__ for entry in timeline],
    }


@router.post(
    "/defendants/{defendant_id}/stage", response=DefendantOut, summary="Move a defendant to the next stage"
)
def change_stage(request, defendant_id: int, payload: StageChangeIn):
    defendant = get_object_or_404(visible_defendants(request.user).select_related("case"), pk=defendant_id)
    return services.do_change_stage(
        defendant, to=payload.to, as_of=payload.as_of, reason=payload.reason, acting_user=request.user
    )
