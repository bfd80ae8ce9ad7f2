"""The counsel JSON API under /api/counsel/: the same services and permissions as the pages."""

from datetime import date, datetime, timedelta
from decimal import Decimal

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import paginate
from pydantic import AwareDatetime

from leniency import clock
from leniency.accounts.models import User
from leniency.api_pagination import BoundedPageNumberPagination
from leniency.cases.access import visible_cases, visible_defendants
from leniency.errors import DomainError

from . import access
from .conflicts import do_register_conflict, do_withdraw_conflict, visible_conflicts
from .dashboard import centre_figures
from .models import ConflictOfInterest, CounselRequest, LawyerProfile, Service, Severity, Specialty
from .participation import do_log_participation, figures_for
from .pay import do_decide_claim, do_submit_claim
from .quality import do_rate_counsel
from .registry import search_registry
from .rota import do_override_allocation, do_request_counsel

router = Router(tags=["counsel"])


class AllocationOut(Schema):
    lawyer_id: int
    lawyer: str
    assignment_id: int | None
    method: str
    reason: str
    allocated_at: datetime
    due_at: datetime
    outcome: str

    @staticmethod
    def resolve_lawyer(obj):
        return str(obj.lawyer)


class RequestOut(Schema):
    id: int
    reference: str
    defendant_id: int
    station: str
    source: str
    work: str
    severity: str
    status: str
    requested_at: datetime
    response_hours: int
    allocations: list[AllocationOut]

    @staticmethod
    def resolve_station(obj):
        return obj.station.name

    @staticmethod
    def resolve_allocations(obj):
        return list(obj.allocations.select_related("lawyer"))


class RequestIn(Schema):
    defendant: int
    source: CounselRequest.Source
    work: CounselRequest.Work = CounselRequest.Work.DUTY
    severity: Severity = Severity.ORDINARY
    opposed_to_co_defendants: bool = False
    note: str = Field("", max_length=500)


class OverrideIn(Schema):
    lawyer: int
    reason: str = Field(..., max_length=500)


class EntryOut(Schema):
    id: int
    service: str
    occurred_at: datetime
    minutes: int
    note: str
    opinion: str


class EntryIn(Schema):
    service: Service
    occurred_at: AwareDatetime  # with its offset (+08:00): a time without one is refused with 422
    minutes: int = Field(..., ge=1, le=1440)
    note: str = Field("", max_length=500)
    opinion: str = ""


class FiguresOut(Schema):
    first_contact_at: datetime | None
    hours_to_first_contact: float | None
    signing_at: datetime | None
    meetings_before_signing: int
    opinion_filed: bool
    only_at_signing: bool
    minutes: int


class AssignmentOut(Schema):
    id: int
    defendant_id: int
    lawyer_id: int
    lawyer: str
    kind: str
    assigned_at: datetime
    ended_at: datetime | None
    entries: list[EntryOut]
    figures: FiguresOut


class RatingIn(Schema):
    scores: dict[str, int]
    complaint: bool = False
    comment: str = Field("", max_length=1000)


class RatingOut(Schema):
    id: int
    rater_kind: str
    score: Decimal
    complaint: bool


class ClaimOut(Schema):
    id: int
    assignment_id: int
    lawyer_id: int
    status: str
    hours: Decimal
    multiplier: Decimal
    amount: Decimal
    breakdown: dict
    submitted_at: datetime
    decided_at: datetime | None


class DecisionIn(Schema):
    approve: bool
    note: str = Field("", max_length=500)


class ExpertOut(Schema):
    id: int
    name: str
    firm: str | None
    specialties: list[str]
    practising_since: date
    expert_note: str

    @staticmethod
    def resolve_name(obj):
        return str(obj.user)

    @staticmethod
    def resolve_firm(obj):
        return obj.firm.name if obj.firm else None

    @staticmethod
    def resolve_specialties(obj):
        return [s.name for s in obj.specialties.all()]

    @staticmethod
    def resolve_practising_since(obj):
        return obj.criminal_practice_since


class ExpertFilters(Schema):
    q: str = Field("", max_length=100)
    specialty: str | None = None


class WarningOut(Schema):
    id: int
    lawyer_id: int
    kind: str
    status: str
    detected_at: datetime
    evidence: dict


class ConflictIn(Schema):
    lawyer: int | None = Field(
        None, description="the lawyer; omitted: the signed-in lawyer declares their own tie"
    )
    kind: ConflictOfInterest.Kind
    note: str = Field("", max_length=300)


class ConflictOut(Schema):
    id: int
    case_id: int
    lawyer_id: int
    lawyer: str
    kind: str
    note: str
    recorded_at: datetime
    withdrawn_at: datetime | None
    withdrawal_reason: str

    @staticmethod
    def resolve_lawyer(obj):
        return str(obj.lawyer)


class ConflictWithdrawalIn(Schema):
    conflict: int
    reason: str = Field(..., max_length=300)


class DashboardFilters(Schema):
    date_from: date | None = None
    date_to: date | None = None


def _assignment_out(assignment):
    return {
        "id": assignment.pk,
        "defendant_id": assignment.defendant_id,
        "lawyer_id": assignment.lawyer_id,
        "lawyer": str(assignment.lawyer),
        "kind": assignment.kind,
        "assigned_at": assignment.assigned_at,
        "ended_at": assignment.ended_at,
        "entries": list(assignment.participation.all()),
        "figures": figures_for(assignment).__dict__,
    }


def _visible_assignment(request, assignment_id):
    return get_object_or_404(
        access.visible_assignments(request.user).select_related("defendant__case__region", "lawyer"),
        pk=assignment_id,
    )


@router.get("/requests", response=list[RequestOut], summary="Requests for a lawyer visible to the user")
@paginate(BoundedPageNumberPagination, page_size=25)
def list_requests(request):
    return access.visible_requests(request.user).select_related("station").order_by("-requested_at", "-id")


@router.post(
    "/requests", response={201: RequestOut}, summary="Request a lawyer; the rota assigns one at once"
)
def create_request(request, payload: RequestIn):
    defendant = get_object_or_404(
        visible_defendants(request.user).select_related("case__region"), pk=payload.defendant
    )
    data = payload.dict(exclude={"defendant"})
    return Status(201, do_request_counsel(defendant, acting_user=request.user, **data))


@router.get("/requests/{request_id}", response=RequestOut)
def get_request(request, request_id: int):
    return get_object_or_404(access.visible_requests(request.user), pk=request_id)


@router.post("/requests/{request_id}/override", response=AllocationOut, summary="Assign a lawyer by hand")
def override(request, request_id: int, payload: OverrideIn):
    counsel_request = get_object_or_404(
        access.visible_requests(request.user).select_related("defendant__case__region"), pk=request_id
    )
    access.check_override_allocation(request.user, counsel_request)  # before the lawyer's look-up (404)
    lawyer = get_object_or_404(User, pk=payload.lawyer)
    return do_override_allocation(
        counsel_request, lawyer=lawyer, reason=payload.reason, acting_user=request.user
    )


def _conflict_case(request, case_id):
    case = get_object_or_404(visible_cases(request.user).select_related("region"), pk=case_id)
    if not access.can_view_conflicts(request.user, case):
        access.check_register_conflict(request.user, case)
    return case


@router.get(
    "/cases/{case_id}/conflicts", response=list[ConflictOut], summary="A case's conflicts of interest"
)
def list_conflicts(request, case_id: int):
    case = _conflict_case(request, case_id)
    return list(visible_conflicts(request.user, case))


@router.post(
    "/cases/{case_id}/conflicts",
    response={201: ConflictOut},
    summary="Register a lawyer's tie to a victim, co-defendant or other party of the case",
)
def register_conflict(request, case_id: int, payload: ConflictIn):
    case = _conflict_case(request, case_id)
    access.check_register_conflict(request.user, case)  # before the lawyer's look-up (404)
    lawyer = request.user if payload.lawyer is None else get_object_or_404(User, pk=payload.lawyer)
    conflict = do_register_conflict(
        case, lawyer=lawyer, kind=payload.kind, note=payload.note, acting_user=request.user
    )
    return Status(201, conflict)


@router.post(
    "/cases/{case_id}/conflicts/withdrawal",
    response=ConflictOut,
    summary="Withdraw a registered tie that has ended (the case's procuratorate, court or legal-aid centre)",
)
def withdraw_conflict(request, case_id: int, payload: ConflictWithdrawalIn):
    case = _conflict_case(request, case_id)
    access.check_withdraw_conflict(request.user, case)  # before the tie's look-up
    conflict = ConflictOfInterest.objects.filter(case=case, pk=payload.conflict).first()
    if conflict is None:  # the case is visible: a tie not of it is a bad request, not a hidden object
        raise DomainError(_("没有这项利益冲突登记"), field="conflict")
    return do_withdraw_conflict(conflict, reason=payload.reason, acting_user=request.user)


@router.get("/assignments/{assignment_id}", response=AssignmentOut)
def get_assignment(request, assignment_id: int):
    return _assignment_out(_visible_assignment(request, assignment_id))


@router.post(
    "/assignments/{assignment_id}/participation",
    response={201: EntryOut},
    summary="Log a meeting, file reading, opinion, signing or court attendance",
)
def log_participation(request, assignment_id: int, payload: EntryIn):
    assignment = _visible_assignment(request, assignment_id)
    return Status(201, do_log_participation(assignment, acting_user=request.user, **payload.dict()))


@router.post(
    "/assignments/{assignment_id}/ratings", response={201: RatingOut}, summary="Rate on the published rubric"
)
def rate(request, assignment_id: int, payload: RatingIn):
    assignment = _visible_assignment(request, assignment_id)
    return Status(201, do_rate_counsel(assignment, acting_user=request.user, **payload.dict()))


@router.post("/assignments/{assignment_id}/claim", response={201: ClaimOut}, summary="Claim the subsidy")
def submit_claim(request, assignment_id: int):
    assignment = _visible_assignment(request, assignment_id)
    return Status(201, do_submit_claim(assignment, acting_user=request.user))


@router.get("/claims", response=list[ClaimOut])
@paginate(BoundedPageNumberPagination, page_size=50)
def list_claims(request, status: str | None = None):
    claims = access.visible_claims(request.user)
    if status:
        claims = claims.filter(status=status)
    return claims.order_by("-submitted_at", "-id")


@router.post("/claims/{claim_id}/decision", response=ClaimOut, summary="Approve or return a claim")
def decide_claim(request, claim_id: int, payload: DecisionIn):
    claim = get_object_or_404(access.visible_claims(request.user).select_related("assignment"), pk=claim_id)
    return do_decide_claim(claim, approve=payload.approve, note=payload.note, acting_user=request.user)


@router.get("/experts", response=list[ExpertOut], summary="Search the legal-aid expert database")
@paginate(BoundedPageNumberPagination, page_size=50)
def experts(request, filters: Query[ExpertFilters]):
    if not access.can_search_experts(request.user):
        raise HttpError(403, "you may not search the expert database")
    specialty = Specialty.objects.filter(name=filters.specialty).first() if filters.specialty else None
    if filters.specialty and specialty is None:
        return LawyerProfile.objects.none()
    return search_registry(LawyerProfile.objects.all(), q=filters.q, specialty=specialty, experts_only=True)


@router.get("/warnings", response=list[WarningOut])
@paginate(BoundedPageNumberPagination, page_size=50)
def warnings(request):
    return access.visible_warnings(request.user).order_by("-detected_at", "-id")


@router.get("/dashboard", summary="The centre's figures for a period (default: the last 365 days)")
def dashboard(request, filters: Query[DashboardFilters]):
    if not access.can_view_dashboard(request.user):
        raise HttpError(403, "dashboard is for the legal-aid centre")
    date_to = filters.date_to or clock.today()
    date_from = filters.date_from or date_to - timedelta(days=365)
    figures = centre_figures(request.user, date_from=date_from, date_to=date_to)

    def row(r):
        return {
            "label": r.label,
            "assignments": r.assignments,
            "participation_rate": r.participation_rate,
            "detained": r.detained,
            "early_rate": r.early_rate,
            "median_contact_hours": r.median_contact_hours,
            "signed": r.signed,
            "only_signing_rate": r.only_signing_rate,
            "meeting_rate": r.meeting_rate,
            "opinion_rate": r.opinion_rate,
            "target_rate": r.target_rate,
        }

    return {
        "date_from": date_from,
        "date_to": date_to,
        "early_intervention_hours": figures["early_hours"],
        # the registry's measure over the persons whose case was received in the period (as the study counts)
        "duty_meeting_rate": {
            "key": figures["meeting"]["measure"].key,
            "definition": str(figures["meeting"]["measure"].definition),
            "numerator": figures["meeting"]["num"],
            "denominator": figures["meeting"]["den"],
            "rate": figures["meeting"]["rate"],
        },
        "total": row(figures["total"]),
        "districts": [row(r) for r in figures["districts"]],
        "months": [row(r) for r in figures["months"]],
        "lawyers": [
            {
                **row(item["row"]),
                "lawyer_id": item["id"],
                "hours": item["hours"],
                "rating": item["rating"],
                "complaints": item["complaints"],
                "warnings": item["warnings"],
                "restricted": item["restricted"],
                "approved_amount": item["paid"],
            }
            for item in figures["lawyers"]
        ],
        "claims": [
            {"status": str(label), "count": r["n"], "total": r["total"] or 0}
            for label, r in figures["claims"]
        ],
    }
