"""JSON API of a case's victims: the list (contact masked, full only for the case's prosecutors and judge, each
full read logged), registering one, their opinion or why it could not be heard (CPL art. 173), an agreement."""

from datetime import date
from decimal import Decimal

from django.shortcuts import get_object_or_404
from ninja import Field, File, Form, Router, Schema, Status
from ninja.files import UploadedFile

from . import access, victims
from .models import Settlement, VictimOpinion

router = Router(tags=["victims"])


class VictimOpinionOut(Schema):
    id: int
    defendant_id: int
    position: str
    method: str
    heard_on: date
    text: str


class SettlementOut(Schema):
    id: int
    victim_id: int
    defendant_id: int
    kind: str
    signed_on: date
    amount: Decimal | None
    amount_paid: Decimal | None
    paid_in_full: bool | None
    note: str
    media_type: str
    sha256: str


class VictimOut(Schema):
    id: int
    name: str
    defendants: list[int]
    id_number: str
    phone: str
    address: str
    contact_masked: bool
    opinions: list[VictimOpinionOut]
    settlements: list[SettlementOut]


class VictimIn(Schema):
    name: str = Field(..., max_length=50)
    defendants: list[int] = Field(
        ..., max_length=50, description="the defendants whose acts harmed the victim"
    )
    id_number: str = Field("", max_length=18)
    phone: str = Field("", max_length=20)
    address: str = Field("", max_length=200)


class VictimOpinionIn(Schema):
    defendant: int
    position: VictimOpinion.Position
    method: str = Field(
        "", max_length=12, description="in_person, phone, written or agent; not for unreachable"
    )
    heard_on: date
    text: str = Field("", max_length=2000, description="the opinion, or why it could not be heard")


class SettlementIn(Schema):
    defendant: int
    kind: Settlement.Kind
    signed_on: date
    amount: Decimal | None = Field(None, ge=0, max_digits=12, decimal_places=2)
    amount_paid: Decimal | None = Field(None, ge=0, max_digits=12, decimal_places=2)
    note: str = Field("", max_length=300)


def _out(victim, full: bool) -> dict:
    return {
        "id": victim.pk,
        "name": victim.name,
        "defendants": [d.pk for d in victim.defendants.all()],
        "id_number": victim.id_number if full else victim.id_number_masked,
        "phone": victim.phone if full else victim.phone_masked,
        "address": victim.address if full else victim.address_masked,
        "contact_masked": not full,
        "opinions": list(victim.opinions.all()),
        "settlements": list(victim.settlements.all()),
    }


@router.get("/cases/{case_id}/victims", response=list[VictimOut], summary="The case's victims you may see")
def list_victims(request, case_id: int):
    case = get_object_or_404(access.visible_cases(request.user), pk=case_id)
    full = access.can_see_victim_contact(request.user, case)
    shown = list(
        victims.visible_victims(request.user)
        .filter(case=case)
        .prefetch_related("defendants", "opinions", "settlements")
        .order_by("pk")
    )
    if full:
        for victim in shown:
            victims.log_contact_read(request.user, victim, via="api", path=request.path)
    return [_out(victim, full) for victim in shown]


@router.post("/cases/{case_id}/victims", response={201: VictimOut}, summary="Register a victim of the case")
def add_victim(request, case_id: int, payload: VictimIn):
    case = get_object_or_404(access.visible_cases(request.user), pk=case_id)
    access.check_add_victim(request.user, case)
    harmed = list(access.visible_defendants(request.user).filter(case=case, pk__in=payload.defendants))
    if len(harmed) != len(set(payload.defendants)):
        harmed = []  # a defendant outside the case: refused by the service, naming the field
    victim = victims.do_add_victim(
        case,
        name=payload.name,
        defendants=harmed,
        id_number=payload.id_number,
        phone=payload.phone,
        address=payload.address,
        acting_user=request.user,
    )
    return Status(201, _out(victim, access.can_see_victim_contact(request.user, case)))


def _victim(request, victim_id):
    return get_object_or_404(victims.visible_victims(request.user).select_related("case"), pk=victim_id)


@router.post(
    "/victims/{victim_id}/opinions",
    response={201: VictimOpinionOut},
    summary="Record the victim's opinion (CPL art. 173), or why it could not be heard (position unreachable)",
)
def record_opinion(request, victim_id: int, payload: VictimOpinionIn):
    victim = _victim(request, victim_id)
    access.check_record_victim_opinion(request.user, victim.case)
    defendant = get_object_or_404(victim.defendants, pk=payload.defendant)
    if payload.position == VictimOpinion.Position.UNREACHABLE:
        opinion = victims.do_record_victim_unreachable(
            victim, defendant=defendant, reason=payload.text, as_of=payload.heard_on, acting_user=request.user
        )
    else:
        opinion = victims.do_record_victim_opinion(
            victim,
            defendant=defendant,
            position=payload.position,
            method=payload.method,
            heard_on=payload.heard_on,
            text=payload.text,
            acting_user=request.user,
        )
    return Status(201, opinion)


@router.post(
    "/victims/{victim_id}/settlements",
    response={201: SettlementOut},
    summary="Record a compensation, forgiveness or reconciliation agreement (multipart; scan optional)",
)
def record_settlement(
    request, victim_id: int, payload: Form[SettlementIn], document: File[UploadedFile] | None = None
):
    victim = _victim(request, victim_id)
    access.check_record_settlement(request.user, victim.case)
    defendant = get_object_or_404(victim.defendants, pk=payload.defendant)
    settlement = victims.do_record_settlement(
        victim,
        defendant=defendant,
        kind=payload.kind,
        signed_on=payload.signed_on,
        amount=payload.amount,
        amount_paid=payload.amount_paid,
        note=payload.note,
        fileobj=document,
        original_name=document.name if document else "",
        acting_user=request.user,
    )
    return Status(201, settlement)
