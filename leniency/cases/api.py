from datetime import date, datetime

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from leniency.accounts.models import User
from leniency.api_pagination import BoundedPageNumberPagination
from leniency.audit.personal_data import PARTICULARS, log_personal_data_read
from leniency.audit.timeline import case_timeline
from leniency.errors import DomainError

from . import services
from .access import (
    can_file_court_cases,
    check_file_case,
    check_reform_panel,
    visible_cases,
    visible_defendants,
)
from .forms import CaseFilterForm
from .models import Case, Charge, Defendant
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
    defendant_id: int | None = Field(None, description="the defendant the event concerns; null for the case")
    defendant: str = Field("", description="that defendant's name")


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
    timeline = case_timeline(case, defendant_names={d.pk: d.name for d in defendants})
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


class DefendantIn(Schema):
    name: str = Field(..., max_length=50)
    gender: Defendant.Gender
    id_number: str = Field(
        ..., max_length=18, description="GB 11643: check character and date of birth verified"
    )
    birth_date: date
    phone: str = Field("", max_length=20)
    detention: Defendant.Detention = Defendant.Detention.NOT_DETAINED
    detained_on: date | None = None
    charges: list[str] = Field(..., min_length=1, description="charge names from the catalogue, e.g. 盗窃")


class IntakeVictimIn(Schema):
    name: str = Field(..., max_length=50)
    id_number: str = Field("", max_length=18)
    phone: str = Field("", max_length=20)
    address: str = Field("", max_length=200)
    defendants: list[int] = Field(
        [], max_length=20, description="positions (from 0) in defendants of those who harmed them; empty: all"
    )


class IntakeIn(Schema):
    received_on: date
    transferring_agency: str = Field(..., max_length=200)
    transfer_document_number: str = Field(..., max_length=100)
    title: str = Field(..., max_length=200)
    facts: str = Field(..., max_length=20000)
    defendants: list[DefendantIn] = Field(..., min_length=1, max_length=20)
    victims: list[IntakeVictimIn] = Field([], max_length=50)


class CaseHandOffOut(Schema):
    id: int
    number: str
    prosecutor: str | None
    court: str | None
    prosecuted_on: date | None
    court_filed_on: date | None
    judge: str | None

    @staticmethod
    def resolve_prosecutor(obj):
        return str(obj.prosecutor) if obj.prosecutor_id else None

    @staticmethod
    def resolve_court(obj):
        return obj.court.name if obj.court_id else None

    @staticmethod
    def resolve_judge(obj):
        return str(obj.judge) if obj.judge_id else None


class AssignProsecutorIn(Schema):
    prosecutor: int


class ProsecutionIn(Schema):
    grave: bool = Field(
        False, description="a life or death sentence is possible (CPL art. 21): intermediate court"
    )
    as_of: date | None = None
    defendants: list[int] | None = Field(
        None,
        max_length=20,
        description="those prosecuted now, each under review for prosecution (the others' review goes on); "
        "absent: every one under review",
    )


class CourtFilingIn(Schema):
    judge: int = Field(..., description="the presiding judge, or the single judge")
    members: list[int] = Field([], max_length=10, description="the panel's other judges (CPL art. 183)")
    filed_on: date | None = None


def _charges(names: list[str]) -> list[Charge]:
    found = {c.name: c for c in Charge.objects.filter(name__in=names)}
    unknown = [n for n in names if n not in found]
    if unknown:
        raise DomainError(_("罪名目录中没有：%(names)s") % {"names": "、".join(unknown)}, field="charges")
    return [found[n] for n in names]


@router.post(
    "/cases", response={201: CaseHandOffOut}, summary="Register a case the police transferred (受理)"
)
def register_case(request, payload: IntakeIn):
    procuratorate = request.user.organisation
    people = [{**p.dict(exclude={"charges"}), "charges": _charges(p.charges)} for p in payload.defendants]
    case = services.do_register_transfer(
        title=payload.title,
        region=procuratorate.region if procuratorate else None,
        procuratorate=procuratorate,
        received_on=payload.received_on,
        transferring_agency=payload.transferring_agency,
        transfer_document_number=payload.transfer_document_number,
        facts=payload.facts,
        defendants=people,
        victims=[{**v.dict(), "defendants": v.defendants or None} for v in payload.victims],
        acting_user=request.user,
    )
    return Status(201, case)


@router.post("/cases/{case_id}/prosecutor", response=CaseHandOffOut, summary="Assign the case's prosecutor")
def assign_prosecutor(request, case_id: int, payload: AssignProsecutorIn):
    case = get_object_or_404(visible_cases(request.user), pk=case_id)
    prosecutor = get_object_or_404(User, pk=payload.prosecutor)
    return services.do_assign_prosecutor(case, prosecutor=prosecutor, acting_user=request.user)


@router.post(
    "/cases/{case_id}/prosecution",
    response=CaseHandOffOut,
    summary="提起公诉 to the court with jurisdiction; on a case already prosecuted, 追加起诉 to its court",
    description="On a case already prosecuted, the defendants under review since are prosecuted to the court that "
    "has the case (追加起诉, SPP Rules art. 423) and join its filing; another court is refused.",
)
def prosecute(request, case_id: int, payload: ProsecutionIn):
    case = get_object_or_404(visible_cases(request.user).select_related("region__parent"), pk=case_id)
    defendants = None
    if payload.defendants is not None:
        defendants = list(case.defendants.filter(pk__in=payload.defendants))
        if len(defendants) != len(set(payload.defendants)):
            raise DomainError(_("本案没有这些犯罪嫌疑人"), field="defendants")
    return services.do_prosecute(
        case, grave=payload.grave, as_of=payload.as_of, defendants=defendants, acting_user=request.user
    )


@router.get(
    "/court/incoming", response=list[CaseHandOffOut], summary="The court's prosecutions not yet filed"
)
def court_incoming(request):
    if not can_file_court_cases(request.user):
        return []
    return list(
        Case.objects.filter(court=request.user.organisation, court_filed_on__isnull=True, judge__isnull=True)
        .select_related("court", "prosecutor")
        .order_by("prosecuted_on", "pk")
    )


@router.post(
    "/cases/{case_id}/court-filing", response=CaseHandOffOut, summary="File the case (立案), assign its judge"
)
def file_case(request, case_id: int, payload: CourtFilingIn):
    case = get_object_or_404(visible_cases(request.user).select_related("court"), pk=case_id)
    check_file_case(request.user, case)
    judge = get_object_or_404(User, pk=payload.judge)
    members = list(User.objects.filter(pk__in=payload.members))
    if len(members) != len(set(payload.members)):
        raise DomainError(_("合议庭成员中有不存在的用户"), field="members")
    return services.do_file_case(
        case, judge=judge, members=members, filed_on=payload.filed_on, acting_user=request.user
    )


class PanelReformIn(Schema):
    presiding: int = Field(..., description="the new presiding judge, or the single judge")
    members: list[int] = Field([], max_length=10, description="the panel's other judges (CPL art. 183)")
    reason: str = Field(
        ..., max_length=1000, description="why the panel changes (recusal, CPL arts. 29-31; ...)"
    )
    changed_on: date | None = None


@router.post(
    "/cases/{case_id}/court-panel",
    response=CaseHandOffOut,
    summary="Re-form the case's panel (合议庭) after filing, with the reason",
)
def reform_panel(request, case_id: int, payload: PanelReformIn):
    case = get_object_or_404(visible_cases(request.user).select_related("court"), pk=case_id)
    check_reform_panel(request.user, case)
    presiding = get_object_or_404(User, pk=payload.presiding)
    members = list(User.objects.filter(pk__in=payload.members))
    if len(members) != len(set(payload.members)):
        raise DomainError(_("合议庭成员中有不存在的用户"), field="members")
    return services.do_reform_panel(
        case,
        presiding=presiding,
        members=members,
        reason=payload.reason,
        changed_on=payload.changed_on,
        acting_user=request.user,
    )


class AppealIn(Schema):
    kind: str = Field(..., description="appeal (上诉, CPL art. 227) or protest (抗诉, art. 228)")
    lodged_on: date | None = None


@router.post(
    "/cases/{case_id}/appeal", response=CaseHandOffOut, summary="上诉/抗诉: move the case to the court above"
)
def appeal(request, case_id: int, payload: AppealIn):
    case = get_object_or_404(visible_cases(request.user).select_related("court__region"), pk=case_id)
    return services.do_appeal(case, kind=payload.kind, lodged_on=payload.lodged_on, acting_user=request.user)
