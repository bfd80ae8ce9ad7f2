"""Signing the plea agreement (具结书) in the defendant's presence, each party on their own account (CPL art. 174).

Three acts, each by the person who does it in the room:

1. `do_record_defendant_signature`: the prosecutor records the defendant's handwritten signature as captured
   there — drawn on a tablet (a PNG) or a signed paper copy scanned (PDF, JPEG or PNG, typed from its first
   bytes). The image goes into the hashed archive; the signature keeps its SHA-256.
2. `do_attest_as_lawyer`: the assigned duty lawyer or defender, on their own account, attests that they were
   present and that the defendant signed voluntarily after their advice (art. 174 ¶1) — never the prosecutor's
   tick. Only after the defendant has signed.
3. `do_sign_as_prosecutor`.

Each signature names the segment of the signing's recording (the recording, start and end in seconds), or says
why there is none; a signature without either is refused, so the agreement is signed (in force) only when the
three are there, each tied to what a reviewer can watch. A missing recording is shown to the review committee.
"""

from __future__ import annotations

import base64
import binascii
import io
import secrets
from datetime import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from leniency import clock
from leniency.audit.personal_data import log_personal_data_read
from leniency.audit.trail import record
from leniency.cases.access import visible_defendants
from leniency.cases.stages import COURT_STAGES
from leniency.documents.archive import hash_stored
from leniency.documents.uploads import PNG, SCANS, stage_upload
from leniency.errors import DomainError

from . import access
from .agreements import assigned_lawyer
from .models import PleaAgreement, Signature
from .state import missing_roles, required_roles, valid_signatures

Role = Signature.Role
Capture = Signature.Capture
Status = PleaAgreement.Status

SIGNING_SESSION = "signing"  # recordings.Recording.Session.SIGNING (the recordings app sits above plea)
MAX_DRAWN_BYTES = 2 * 1024 * 1024
MAX_SCAN_BYTES = 20 * 1024 * 1024
MIN_REASON = 4
ATTESTATION = (
    "本人作为犯罪嫌疑人、被告人的辩护人/值班律师，在其签署具结书时在场；签署前已向其提供法律帮助，"
    "释明认罪认罚的性质和法律后果；其系在听取本人意见后自愿签署。"
)

# The formats a signature image may have, told from the first bytes (never from the name or the browser's word).
FORMATS = {Capture.DRAWN: (PNG,), Capture.SCAN: SCANS}


def decode_data_url(value: str) -> bytes:
    """The canvas's `toDataURL("image/png")`: "data:image/png;base64,…" → bytes (type checked later)."""
    head, _sep, payload = value.partition(",")
    if not head.startswith("data:") or ";base64" not in head:
        raise DomainError(_("手写签名数据无效，请重新签名"), field="drawn_png")
    try:
        return base64.b64decode(payload, validate=True)
    except (binascii.Error, ValueError):
        raise DomainError(_("手写签名数据无效，请重新签名"), field="drawn_png") from None


def next_step(agreement: PleaAgreement) -> str:
    """What happens next, said after each step and on the agreement's page."""
    if agreement.status == Status.SIGNED:
        if agreement.defendant.stage in COURT_STAGES:
            return _("已生效，下一步：由审理法院审查认罪认罚的自愿性和具结书内容的真实性、合法性")
        return _("已生效，下一步：随案移送具结书，提起公诉并提出量刑建议（刑事诉讼法第一百七十六条）")
    if not agreement.is_current:
        return _("该版本已失效，不再签署")
    missing = missing_roles(agreement)
    if Role.DEFENDANT in missing:
        return _("下一步：犯罪嫌疑人在律师在场时当面签名，由检察官记录并关联签署录音录像")
    if Role.LAWYER in missing:
        return _("等待律师在场确认：由在场的辩护人或值班律师以本人账号确认")
    if Role.PROSECUTOR in missing:
        return _("下一步：检察官签名")
    return ""


def _evidence(agreement, *, recording, start_s, end_s, no_recording_reason) -> dict:
    """The signing's recording segment, or the reason there is none: one of the two, checked."""
    reason = (no_recording_reason or "").strip()
    if recording is None:
        if not reason:
            raise DomainError(
                _(
                    "签名须关联签署过程的录音录像（所选录音录像及签署片段的起止秒数），"
                    "或记录没有录音录像的原因"
                ),
                field="recording",
            )
        if len(reason) < MIN_REASON:
            raise DomainError(_("请具体说明没有签署录音录像的原因"), field="no_recording_reason")
        return {
            "recording": None,
            "recording_start_s": None,
            "recording_end_s": None,
            "no_recording_reason": reason,
        }
    if reason:
        raise DomainError(_("已关联录音录像的，不再填写没有录音录像的原因"), field="no_recording_reason")
    if recording.defendant_id != agreement.defendant_id:
        raise DomainError(_("所选录音录像不属于此人"), field="recording")
    if recording.session != SIGNING_SESSION:
        raise DomainError(_("所选录音录像不是具结书签署环节的录音录像"), field="recording")
    if recording.agreement_id not in (None, agreement.pk):
        raise DomainError(_("所选录音录像属于另一版本的具结书"), field="recording")
    if start_s is None or end_s is None:
        raise DomainError(_("请填写签署片段在录音录像中的起止时间（秒）"), field="recording_start_s")
    if start_s < 0 or end_s <= start_s:
        raise DomainError(_("签署片段的结束时间须晚于开始时间"), field="recording_end_s")
    return {
        "recording": recording,
        "recording_start_s": int(start_s),
        "recording_end_s": int(end_s),
        "no_recording_reason": "",
    }


def _check_open(agreement: PleaAgreement, role: str) -> None:
    if not agreement.is_current:
        raise DomainError(
            _("该具结书已失效（%(status)s），不能签署") % {"status": agreement.get_status_display()},
            field="agreement",
        )
    if role not in required_roles(agreement):
        raise DomainError(
            _("本具结书属于刑事诉讼法第174条第2款规定的情形，不需要%(role)s签名")
            % {"role": Role(role).label},
            field="role",
        )


def _stage_image(*, capture: str, content):
    """Stream the image into the archive's temporary area, typed from its first bytes; (staged, its FileType)."""
    drawn = capture == Capture.DRAWN
    field = "drawn_png" if drawn else "scan"
    missing = _("请让犯罪嫌疑人在手写板上签名") if drawn else _("扫描件为空")
    if not content:
        raise DomainError(
            _("请让犯罪嫌疑人在手写板上签名，或上传其签字的纸质具结书扫描件") if drawn else missing,
            field=field,
        )
    return stage_upload(
        io.BytesIO(content) if isinstance(content, bytes) else content,
        types=FORMATS[capture],
        max_bytes=MAX_DRAWN_BYTES if drawn else MAX_SCAN_BYTES,
        field=field,
        empty=missing,
        refused=lambda found: (
            _("手写签名须为 PNG 图像，请重新签名")
            if drawn
            else _("扫描件须为 PDF、JPEG 或 PNG 文件（按文件开头的字节识别，此文件都不是）")
        ),
    )


def _create(
    locked, *, role, signer, signer_name, acting_user, now, evidence, capture, attestation="", image=None
):
    """Write the signature and its audit event; complete the agreement when it was the last one."""
    if role in valid_signatures(locked):
        raise DomainError(_("%(role)s已经签署") % {"role": Role(role).label}, field="role")
    actual = hash_stored(locked.file_name)
    if actual != locked.sha256:
        raise DomainError(
            _("存档的具结书文件与生成时的哈希不一致（文件缺失或被改动），不能签署"), field="agreement"
        )
    signature = Signature.objects.create(
        agreement=locked,
        role=role,
        signer=signer,
        signer_name=signer_name[:50],
        document_sha256=actual,
        signed_at=now,
        recorded_by=acting_user,
        capture=capture,
        attestation=attestation,
        **(image or {}),
        **evidence,
    )
    record(
        "plea.agreement.signed",
        actor=acting_user,
        obj=locked,
        case_id=locked.defendant.case_id,
        occurred_at=now,
        data={
            "defendant": locked.defendant_id,
            "version": locked.version,
            "role": role,
            "sha256": actual,
            "capture": capture,
            "image_sha256": signature.image_sha256,
            "attestation": bool(attestation),
            "recording": signature.recording_id,
            "segment": [signature.recording_start_s, signature.recording_end_s],
            "no_recording_reason": signature.no_recording_reason,
        },
    )
    if not missing_roles(locked):
        locked.status, locked.signed_at = Status.SIGNED, now
        locked.save(update_fields=["status", "signed_at"])
        record(
            "plea.agreement.completed",
            actor=acting_user,
            obj=locked,
            case_id=locked.defendant.case_id,
            occurred_at=now,
            data={"defendant": locked.defendant_id, "version": locked.version, "sha256": actual},
        )
    return signature


def do_record_defendant_signature(
    agreement: PleaAgreement,
    *,
    acting_user,
    capture: str,
    content,
    recording=None,
    start_s: int | None = None,
    end_s: int | None = None,
    no_recording_reason: str = "",
    now: datetime | None = None,
) -> Signature:
    """The prosecutor records the defendant's signature as captured in the room: `content` is the tablet
    drawing (PNG bytes) or the scanned signed paper copy (bytes or an uploaded file)."""
    defendant = agreement.defendant
    access.check_record_defendant_signature(acting_user, defendant)
    now = now or clock.now()
    _check_open(agreement, Role.DEFENDANT)
    if capture not in (Capture.DRAWN, Capture.SCAN):
        raise DomainError(_("请选择签名方式：手写板签名或纸质签名扫描件"), field="capture")
    evidence = _evidence(
        agreement, recording=recording, start_s=start_s, end_s=end_s, no_recording_reason=no_recording_reason
    )
    staged, image_type = _stage_image(capture=capture, content=content)
    name = (
        f"signatures/{defendant.case_id}/{defendant.pk}/"
        f"a{agreement.pk}-defendant-{secrets.token_hex(6)}.{image_type.extensions[0]}"
    )
    with staged.removed_on_failure(), transaction.atomic():
        locked = PleaAgreement.objects.select_for_update().select_related("defendant").get(pk=agreement.pk)
        signature = _create(
            locked,
            role=Role.DEFENDANT,
            signer=None,
            signer_name=defendant.name,
            acting_user=acting_user,
            now=now,
            evidence=evidence,
            capture=capture,
            image={
                "image_file": name,
                "image_type": image_type.media_type,
                "image_sha256": staged.sha256,
                "image_size": staged.size,
            },
        )
        # The image takes its final name as the transaction's last step (as a recording does): a process
        # killed before leaves no row and only a temporary file, which the next write removes.
        placed = staged.place(name)
        if placed.name != name:
            Signature.objects.filter(pk=signature.pk).update(image_file=placed.name)
            signature.image_file = placed.name
    agreement.refresh_from_db()
    return signature


def do_attest_as_lawyer(
    agreement: PleaAgreement,
    *,
    acting_user,
    present: bool,
    advised: bool,
    voluntary: bool,
    recording=None,
    start_s: int | None = None,
    end_s: int | None = None,
    no_recording_reason: str = "",
    now: datetime | None = None,
) -> Signature:
    """The assigned lawyer, on their own account: "I was present, the defendant signed voluntarily after I advised
    them" (CPL art. 174 ¶1). It names the lawyer on the defendant's signature as the lawyer present."""
    defendant = agreement.defendant
    access.check_attest_as_lawyer(acting_user, defendant)
    now = now or clock.now()
    _check_open(agreement, Role.LAWYER)
    for field, ticked, message in (
        ("present", present, _("请确认本人在犯罪嫌疑人签署时在场")),
        ("advised", advised, _("请确认签署前已向犯罪嫌疑人提供法律帮助并释明法律后果")),
        ("voluntary", voluntary, _("请确认犯罪嫌疑人系自愿签署；如不能确认，请勿签名，并提出书面意见")),
    ):
        if not ticked:
            raise DomainError(message, field=field)
    evidence = _evidence(
        agreement, recording=recording, start_s=start_s, end_s=end_s, no_recording_reason=no_recording_reason
    )
    with transaction.atomic():
        locked = PleaAgreement.objects.select_for_update().select_related("defendant").get(pk=agreement.pk)
        signed = valid_signatures(locked)
        if Role.DEFENDANT not in signed:
            raise DomainError(
                _("犯罪嫌疑人尚未签名：律师确认的是犯罪嫌疑人在其在场时自愿签署，须在犯罪嫌疑人签名之后"),
                field="agreement",
            )
        signature = _create(
            locked,
            role=Role.LAWYER,
            signer=acting_user,
            signer_name=str(acting_user),
            acting_user=acting_user,
            now=now,
            evidence=evidence,
            capture=Capture.ACCOUNT,
            attestation=ATTESTATION,
        )
        Signature.objects.filter(pk=signed[Role.DEFENDANT].pk).update(lawyer_present=str(acting_user)[:50])
    agreement.refresh_from_db()
    return signature


def do_sign_as_prosecutor(
    agreement: PleaAgreement,
    *,
    acting_user,
    recording=None,
    start_s: int | None = None,
    end_s: int | None = None,
    no_recording_reason: str = "",
    now: datetime | None = None,
) -> Signature:
    access.check_sign_as_prosecutor(acting_user, agreement.defendant)
    now = now or clock.now()
    _check_open(agreement, Role.PROSECUTOR)
    evidence = _evidence(
        agreement, recording=recording, start_s=start_s, end_s=end_s, no_recording_reason=no_recording_reason
    )
    with transaction.atomic():
        locked = PleaAgreement.objects.select_for_update().select_related("defendant").get(pk=agreement.pk)
        signature = _create(
            locked,
            role=Role.PROSECUTOR,
            signer=acting_user,
            signer_name=str(acting_user),
            acting_user=acting_user,
            now=now,
            evidence=evidence,
            capture=Capture.ACCOUNT,
        )
    agreement.refresh_from_db()
    return signature


def record_image_read(signature: Signature, *, user, path: str = "", now: datetime | None = None) -> None:
    """Opening the defendant's signature image is a read of their personal data and an audit event."""
    defendant_id = signature.agreement.defendant_id
    record(
        "plea.signature.image.accessed",
        actor=user,
        obj=signature.agreement,
        case_id=signature.agreement.defendant.case_id,
        occurred_at=now or clock.now(),
        data={"defendant": defendant_id, "role": signature.role, "image_sha256": signature.image_sha256},
    )
    log_personal_data_read(user, [defendant_id], fields="signature", via="page", path=path)


def assigned_lawyer_name(defendant) -> str:
    assignment = assigned_lawyer(defendant)
    return str(assignment.lawyer) if assignment else ""


def unrecorded_signatures(user):
    """Signatures in force given without the signing's recording, with the reason recorded: a warning the review
    committee sees in its queue (within what `user` may see)."""
    return (
        Signature.objects.filter(
            status=Signature.Status.VALID, agreement__defendant__in=visible_defendants(user)
        )
        .exclude(no_recording_reason="")
        .select_related("agreement", "agreement__defendant", "agreement__defendant__case")
        .order_by("-signed_at", "-id")
    )
