"""JSON API of the plea process: the same services and permissions as the pages (404 for objects the user
may not see, 403 for actions they may not take)."""

import base64
import binascii
from datetime import datetime

from django.http import FileResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Path, Router, Schema, Status
from pydantic import AwareDatetime

from leniency.cases.access import visible_defendants
from leniency.cases.downloads import log_download, show_identity
from leniency.cases.stages import Procedure
from leniency.documents.archive import archive_storage
from leniency.errors import DomainError, Forbidden

from .agreements import do_generate_agreement, verify_agreement
from .models import PleaAgreement, ReviewItem, RightsNotice, Signature, VoluntarinessReview, Withdrawal
from .notices import do_record_notice
from .review import adoption_blockers
from .signing import do_attest_as_lawyer, do_record_defendant_signature, do_sign_as_prosecutor
from .story import status_line, story
from .taxonomy import REASON_GROUP, WithdrawalReason
from .voluntariness import do_record_review, do_resolve_item
from .withdrawals import do_record_withdrawal

router = Router(tags=["plea"])


class StoryEntryOut(Schema):
    when: datetime
    kind: str
    title: str
    detail: str
    url: str
    warn: bool


class NoticeOut(Schema):
    id: int
    stage: str
    authority: str
    notified_by_name: str
    notified_at: datetime
    rights: list[str]
    method: str
    language: str
    interpreter: str
    acknowledged: bool
    acknowledgement: str
    legal_basis: str

    @staticmethod
    def resolve_rights(obj):
        return [
            name
            for name in ("right_procedural", "right_plea_rules", "right_duty_lawyer", "right_withdraw")
            if getattr(obj, name)
        ]


class SignatureOut(Schema):
    role: str
    signer_name: str
    signed_at: datetime
    document_sha256: str
    lawyer_present: str
    capture: str
    image_sha256: str
    attestation: str
    recording_id: int | None
    recording_start_s: int | None
    recording_end_s: int | None
    no_recording_reason: str
    status: str
    valid_now: bool
    why: str


class AgreementOut(Schema):
    id: int
    version: int
    status: str
    recommendation_id: int | None
    recommendation_text: str
    procedure: str
    lawyer_exception: str
    sha256: str
    stored_sha256: str | None
    document_matches: bool
    generated_at: datetime
    signed_at: datetime | None
    end_reason: str
    signatures: list[SignatureOut]


class ReviewItemOut(Schema):
    key: str
    answer: str
    note: str
    resolved_at: datetime | None
    resolution: str


class VoluntarinessReviewOut(Schema):
    id: int
    reviewed_at: datetime
    agreement_id: int | None
    passed: bool
    conclusion: str
    items: list[ReviewItemOut]

    @staticmethod
    def resolve_items(obj):
        return list(obj.items.all())


class WithdrawalOut(Schema):
    id: int
    stage: str
    defendant_stage: str
    initiated_by: str
    reasons: list[str]
    other_reason: str
    consequences: list[str]
    procedure_to: str
    non_prosecution_decision: str
    agreement_id: int | None
    recommendation_id: int | None
    occurred_at: datetime


class PleaOut(Schema):
    defendant: int
    status: str
    entries: list[StoryEntryOut]
    notices: list[NoticeOut]
    agreements: list[AgreementOut]
    reviews: list[VoluntarinessReviewOut]
    withdrawals: list[WithdrawalOut]
    adoption_blockers: list[str]


class NoticeIn(Schema):
    authority: RightsNotice.Authority
    notified_by_name: str = Field(..., max_length=50)
    notified_at: AwareDatetime  # with its offset (+08:00): a time without one is refused with 422
    method: RightsNotice.Method = RightsNotice.Method.BOTH
    language: str = Field("汉语普通话", max_length=30)
    interpreter: str = Field("", max_length=50)
    acknowledged: bool
    acknowledgement: str = Field("", max_length=300)
    notes: str = ""
    right_procedural: bool = True
    right_plea_rules: bool = True
    right_duty_lawyer: bool = True
    right_withdraw: bool = True


class AgreementIn(Schema):
    procedure: Procedure
    lawyer_exception: PleaAgreement.LawyerException = PleaAgreement.LawyerException.NONE
    exception_note: str = Field("", max_length=300)


class SignIn(Schema):
    """One party's act: the defendant's signature (recorded by the prosecutor: `capture` and the image in base64),
    the lawyer's attestation (`present`, `advised`, `voluntary`, on the lawyer's own account) or the prosecutor's
    signature. Each names the signing recording's segment, or why there is none."""

    role: Signature.Role
    capture: Signature.Capture = Signature.Capture.DRAWN
    image_base64: str = Field("", max_length=28_000_000)
    present: bool = False
    advised: bool = False
    voluntary: bool = False
    recording_id: int | None = None
    recording_start_s: int | None = Field(None, ge=0)
    recording_end_s: int | None = Field(None, ge=0)
    no_recording_reason: str = Field("", max_length=300)


class AnswerIn(Schema):
    answer: ReviewItem.Answer
    note: str = Field("", max_length=500)


class VoluntarinessReviewIn(Schema):
    answers: dict[str, AnswerIn]
    conclusion: str = ""


class ResolveIn(Schema):
    resolution: str = Field(..., max_length=500)


class WithdrawalIn(Schema):
    initiated_by: Withdrawal.Initiator
    reasons: list[WithdrawalReason]
    other_reason: str = Field("", max_length=300)
    statement: str = ""
    occurred_at: AwareDatetime
    procedure_to: str = ""
    protest: bool = False
    protest_note: str = Field("", max_length=300)
    non_prosecution_decision: str = ""


class ReasonOut(Schema):
    value: str
    label: str
    group: str
    group_label: str


def _defendant(request, defendant_id):
    return get_object_or_404(visible_defendants(request.user).select_related("case"), pk=defendant_id)


def _agreement_out(agreement: PleaAgreement) -> dict:
    verification = verify_agreement(agreement)
    return {
        **{
            f: getattr(agreement, f)
            for f in (
                "id",
                "version",
                "status",
                "recommendation_id",
                "recommendation_text",
                "procedure",
                "lawyer_exception",
                "sha256",
                "generated_at",
                "signed_at",
                "end_reason",
            )
        },
        "stored_sha256": verification.stored_sha256,
        "document_matches": verification.matches,
        "signatures": [
            {
                "role": c.signature.role,
                "signer_name": c.signature.signer_name,
                "signed_at": c.signature.signed_at,
                "document_sha256": c.signature.document_sha256,
                "lawyer_present": c.signature.lawyer_present,
                **{
                    f: getattr(c.signature, f)
                    for f in (
                        "capture",
                        "image_sha256",
                        "attestation",
                        "recording_id",
                        "recording_start_s",
                        "recording_end_s",
                        "no_recording_reason",
                    )
                },
                "status": c.signature.status,
                "valid_now": c.ok,
                "why": str(c.why),
            }
            for c in verification.checks
        ],
    }


@router.get(
    "/withdrawal-reasons", response=list[ReasonOut], summary="The withdrawal reason taxonomy, by side"
)
def withdrawal_reasons(request):
    return [
        {
            "value": r.value,
            "label": str(r.label),
            "group": REASON_GROUP[r].value,
            "group_label": str(REASON_GROUP[r].label),
        }
        for r in WithdrawalReason
    ]


@router.get("/defendants/{defendant_id}", response=PleaOut, summary="A defendant's plea story and its state")
def get_plea(request, defendant_id: int):
    defendant = _defendant(request, defendant_id)
    return {
        "defendant": defendant.pk,
        "status": status_line(defendant)[0],
        "entries": [e.__dict__ for e in story(defendant)],
        "notices": list(RightsNotice.objects.filter(defendant=defendant)),
        "agreements": [_agreement_out(a) for a in PleaAgreement.objects.filter(defendant=defendant)],
        "reviews": list(VoluntarinessReview.objects.filter(defendant=defendant).prefetch_related("items")),
        "withdrawals": list(Withdrawal.objects.filter(defendant=defendant)),
        "adoption_blockers": adoption_blockers(defendant),
    }


@router.post(
    "/defendants/{defendant_id}/notices", response={201: NoticeOut}, summary="Record a rights notice"
)
def post_notice(request, defendant_id: int, payload: NoticeIn):
    defendant = _defendant(request, defendant_id)
    data = payload.dict()
    rights = {
        k: data.pop(k)
        for k in ("right_procedural", "right_plea_rules", "right_duty_lawyer", "right_withdraw")
    }
    return Status(201, do_record_notice(defendant, acting_user=request.user, rights=rights, **data))


@router.post(
    "/defendants/{defendant_id}/agreements",
    response={201: AgreementOut},
    summary="Generate the plea agreement (具结书) from the final recommendation",
)
def post_agreement(request, defendant_id: int, payload: AgreementIn):
    defendant = _defendant(request, defendant_id)
    agreement = do_generate_agreement(
        defendant,
        acting_user=request.user,
        procedure=payload.procedure,
        lawyer_exception=payload.lawyer_exception,
        exception_note=payload.exception_note,
    )
    return Status(201, _agreement_out(agreement))


def _visible_agreement(request, agreement_id):
    return get_object_or_404(
        PleaAgreement.objects.select_related("defendant", "defendant__case"),
        pk=agreement_id,
        defendant__in=visible_defendants(request.user),
    )


@router.get("/agreements/{agreement_id}", response=AgreementOut, summary="An agreement with its verification")
def get_agreement(request, agreement_id: int):
    return _agreement_out(_visible_agreement(request, agreement_id))


@router.get(
    "/agreements/{agreement_id}/pdf", summary="The stored agreement document (the exact signed bytes)"
)
def get_agreement_pdf(request, agreement_id: int):
    """The archived original prints the full ID number: only for readers who may see it (the others download the
    printed copy, masked, from the agreement's page). Audited and read-logged like every document download."""
    agreement = _visible_agreement(request, agreement_id)
    if not show_identity(request.user):
        raise Forbidden(
            _(
                "具结书原件载有完整的公民身份号码，仅检察机关、法院和本案律师可以下载；请在具结书页面下载隐去身份号码的打印件"
            )
        )
    log_download(
        request.user,
        title="认罪认罚具结书（原件）",
        file=agreement.file_name,
        fmt="pdf",
        sha256=agreement.sha256,
        fields="name,particulars,id_number",
        obj=agreement,
        case_id=agreement.defendant.case_id,
        defendants=[agreement.defendant],
        path=request.path,
    )
    return FileResponse(
        archive_storage().open(agreement.file_name, "rb"),
        content_type="application/pdf",
        filename=f"plea-agreement-{agreement.defendant_id}-v{agreement.version}.pdf",
    )


@router.post(
    "/agreements/{agreement_id}/signatures", response={201: AgreementOut}, summary="Sign the agreement"
)
def post_signature(request, agreement_id: int, payload: SignIn):
    agreement = _visible_agreement(request, agreement_id)
    recording = None
    if payload.recording_id is not None:
        recording = agreement.defendant.recordings.filter(pk=payload.recording_id).first()
        if recording is None:
            raise DomainError(_("未找到该录音录像"), field="recording_id")
    evidence = {
        "recording": recording,
        "start_s": payload.recording_start_s,
        "end_s": payload.recording_end_s,
        "no_recording_reason": payload.no_recording_reason,
    }
    if payload.role == Signature.Role.DEFENDANT:
        try:
            image = base64.b64decode(payload.image_base64, validate=True)
        except (binascii.Error, ValueError):
            raise DomainError(_("image_base64 不是有效的 base64"), field="image_base64") from None
        do_record_defendant_signature(
            agreement, acting_user=request.user, capture=payload.capture, content=image, **evidence
        )
    elif payload.role == Signature.Role.LAWYER:
        do_attest_as_lawyer(
            agreement,
            acting_user=request.user,
            present=payload.present,
            advised=payload.advised,
            voluntary=payload.voluntary,
            **evidence,
        )
    else:
        do_sign_as_prosecutor(agreement, acting_user=request.user, **evidence)
    agreement.refresh_from_db()
    return Status(201, _agreement_out(agreement))


@router.post(
    "/defendants/{defendant_id}/reviews",
    response={201: VoluntarinessReviewOut},
    summary="Record the court's voluntariness review (every checklist key answered)",
)
def post_review(request, defendant_id: int, payload: VoluntarinessReviewIn):
    defendant = _defendant(request, defendant_id)
    answers = {key: (value.answer, value.note) for key, value in payload.answers.items()}
    review = do_record_review(
        defendant, acting_user=request.user, answers=answers, conclusion=payload.conclusion
    )
    return Status(201, review)


@router.post(
    "/reviews/{review_id}/items/{key}/resolve",
    response=VoluntarinessReviewOut,
    summary="Resolve a failed item",
)
def post_resolve(
    request, review_id: int, payload: ResolveIn, key: str = Path(..., pattern=r"^[a-z_]{1,30}$")
):
    review = get_object_or_404(
        VoluntarinessReview.objects.select_related("defendant", "defendant__case"),
        pk=review_id,
        defendant__in=visible_defendants(request.user),
    )
    item = get_object_or_404(ReviewItem, review=review, key=key)
    do_resolve_item(item, acting_user=request.user, resolution=payload.resolution)
    return review


@router.post(
    "/defendants/{defendant_id}/withdrawals",
    response={201: WithdrawalOut},
    summary="Record a withdrawal (反悔) and apply its consequences",
)
def post_withdrawal(request, defendant_id: int, payload: WithdrawalIn):
    defendant = _defendant(request, defendant_id)
    data = payload.dict()
    data["reasons"] = [str(r) for r in data["reasons"]]
    return Status(201, do_record_withdrawal(defendant, acting_user=request.user, **data))


@router.get(
    "/defendants/{defendant_id}/adoption-blockers",
    response=list[str],
    summary="Why the court may not adopt the recommendation yet ([] when it may)",
)
def get_blockers(request, defendant_id: int):
    return adoption_blockers(_defendant(request, defendant_id))
