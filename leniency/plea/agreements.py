"""The plea agreement (具结书, CPL art. 174; SPP Rules art. 272): generated as a PDF from the final
recommendation, stored with the SHA-256 of its bytes, signed by defendant, lawyer and prosecutor.

A signature binds the hash of the exact stored bytes; how each party signs is `signing.py`. Regenerating the agreement (a new final recommendation,
a new procedure) supersedes the old version and voids its signatures; a stored file that no longer matches
its hash invalidates every signature on it (see `signature_checks` and `leniency plea verify`).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from leniency import clock
from leniency.audit.trail import record
from leniency.cases.stages import Procedure, Stage
from leniency.documents.archive import hash_stored, write_bytes
from leniency.documents.pdf import render_pdf
from leniency.errors import DomainError

from . import access, state
from .models import PleaAgreement, Signature
from .state import current_agreement
from .wording import recommendation_zh

Role = Signature.Role
Status = PleaAgreement.Status
PDF_TEMPLATE = "plea/agreement_document.html"


def assigned_lawyer(defendant):
    assignment = (
        defendant.counsel_assignments.filter(ended_at__isnull=True)
        .select_related("lawyer")
        .order_by("-assigned_at")
        .first()
    )
    return assignment


def document_context(
    defendant,
    *,
    recommendation_text: str,
    procedure: str,
    lawyer_exception: str,
    exception_note: str,
    lawyer_name: str,
    version: int,
    generated_at: datetime,
) -> dict:
    charges = list(defendant.charge_links.select_related("charge").order_by("-principal", "id"))
    return {
        "defendant": defendant,
        "case": defendant.case,
        "charges": [link.charge for link in charges],
        "recommendation_text": recommendation_text,
        "procedure_label": Procedure(procedure).label,
        "exception_label": PleaAgreement.LawyerException(lawyer_exception).label if lawyer_exception else "",
        "exception_note": exception_note,
        "lawyer_name": lawyer_name,
        "version": version,
        "generated_at": timezone.localtime(generated_at),
        "suspect_word": "犯罪嫌疑人"
        if defendant.stage in (Stage.INVESTIGATION, Stage.PROSECUTION_REVIEW)
        else "被告人",
    }


def charges_text(defendant) -> str:
    links = defendant.charge_links.select_related("charge").order_by("-principal", "id")
    return "、".join(f"{link.charge}（刑法{link.charge.article_label}）" for link in links)


def do_generate_agreement(
    defendant,
    *,
    acting_user,
    procedure: str,
    lawyer_exception: str = "",
    exception_note: str = "",
    recommendation=None,
    now: datetime | None = None,
) -> PleaAgreement:
    """Render the 具结书 from the final recommendation and store it; an earlier version is superseded."""
    access.check_generate_agreement(acting_user, defendant)
    now = now or clock.now()
    recommendation = recommendation or state.final_recommendation(defendant)
    if recommendation is None:
        raise DomainError(_("尚无最终量刑建议，不能生成具结书"), field="recommendation")
    if procedure not in Procedure.values:
        raise DomainError(_("请选择同意适用的审理程序"), field="procedure")
    if lawyer_exception and lawyer_exception not in PleaAgreement.LawyerException.values:
        raise DomainError(
            _("未知的法定情形：%(value)s") % {"value": lawyer_exception}, field="lawyer_exception"
        )
    if lawyer_exception == PleaAgreement.LawyerException.OTHER and not exception_note.strip():
        raise DomainError(_("选择“其他情形”的，须说明具体情况"), field="exception_note")
    assignment = assigned_lawyer(defendant)
    if not lawyer_exception and assignment is None:
        raise DomainError(
            _(
                "尚未指派辩护人或值班律师。签署具结书须有律师在场（刑事诉讼法第一百七十四条第一款）；"
                "如属该条第二款规定的情形，请选择并记录"
            ),
            field="lawyer_exception",
        )
    lawyer_name = str(assignment.lawyer) if assignment else ""
    rec_text = recommendation_zh(recommendation)
    with transaction.atomic():
        previous = current_agreement(defendant)
        version = (
            PleaAgreement.objects.filter(defendant=defendant)
            .order_by("-version")
            .values_list("version", flat=True)
            .first()
            or 0
        ) + 1
        pdf = render_pdf(
            PDF_TEMPLATE,
            document_context(
                defendant,
                recommendation_text=rec_text,
                procedure=procedure,
                lawyer_exception=lawyer_exception,
                exception_note=exception_note,
                lawyer_name=lawyer_name,
                version=version,
                generated_at=now,
            ),
        )
        stored = write_bytes(
            f"agreements/{defendant.case_id}/{defendant.pk}/v{version}-{secrets.token_hex(4)}.pdf", pdf
        )
        if previous is not None:
            _supersede(previous, version=version, acting_user=acting_user, now=now)
        agreement = PleaAgreement.objects.create(
            defendant=defendant,
            version=version,
            recommendation_id=recommendation.pk,
            recommendation_text=rec_text,
            charges_text=charges_text(defendant)[:300],
            procedure=procedure,
            lawyer_exception=lawyer_exception,
            exception_note=exception_note.strip(),
            lawyer_name=lawyer_name,
            file_name=stored.name,
            sha256=stored.sha256,
            size=stored.size,
            generated_by=acting_user,
            generated_at=now,
        )
        record(
            "plea.agreement.generated",
            actor=acting_user,
            obj=agreement,
            case_id=defendant.case_id,
            occurred_at=now,
            data={
                "defendant": defendant.pk,
                "version": version,
                "sha256": stored.sha256,
                "recommendation": recommendation.pk,
                "procedure": procedure,
                "lawyer_exception": lawyer_exception,
            },
        )
    return agreement


def _supersede(previous: PleaAgreement, *, version: int, acting_user, now) -> None:
    signed = [s for s in previous.signatures.all() if s.status == Signature.Status.VALID]
    reason = _("具结书已重新生成（第%(v)s版），此前的签名随之作废") % {"v": version}
    previous.status, previous.ended_at, previous.end_reason = Status.SUPERSEDED, now, reason
    previous.save(update_fields=["status", "ended_at", "end_reason"])
    Signature.objects.filter(pk__in=[s.pk for s in signed]).update(
        status=Signature.Status.VOID, status_reason=reason
    )
    record(
        "plea.agreement.superseded",
        actor=acting_user,
        obj=previous,
        case_id=previous.defendant.case_id,
        occurred_at=now,
        data={
            "defendant": previous.defendant_id,
            "version": previous.version,
            "by_version": version,
            "voided_signatures": [s.role for s in signed],
        },
    )


@dataclass(frozen=True)
class SignatureCheck:
    signature: Signature
    ok: bool
    why: str


@dataclass(frozen=True)
class Verification:
    agreement: PleaAgreement
    stored_sha256: str | None  # None: the file is missing
    matches: bool
    checks: list[SignatureCheck]

    @property
    def missing(self) -> bool:
        return self.stored_sha256 is None


def verify_agreement(agreement: PleaAgreement) -> Verification:
    stored = hash_stored(agreement.file_name)
    matches = stored == agreement.sha256
    checks = []
    for signature in agreement.signatures.all().order_by("signed_at", "id"):
        if signature.status != Signature.Status.VALID:
            checks.append(
                SignatureCheck(signature, False, signature.status_reason or signature.get_status_display())
            )
        elif stored is None:
            checks.append(SignatureCheck(signature, False, _("存档文件缺失，无法核验")))
        elif signature.document_sha256 != stored:
            checks.append(SignatureCheck(signature, False, _("存档文件在签署后被改动，签名失效")))
        elif signature.image_file and hash_stored(signature.image_file) != signature.image_sha256:
            checks.append(SignatureCheck(signature, False, _("签名图像或扫描件的存档文件缺失或被改动")))
        else:
            checks.append(SignatureCheck(signature, True, _("与签署时的文件一致")))
    return Verification(agreement, stored, matches, checks)
