"""Documents transferred with a case (随案移送的文书): the 起诉意见书's scanned copy, attached at intake.

A PDF, JPEG or PNG, typed from its first bytes (a renamed file is refused, as recordings are), streamed into the
hashed archive (`leniency.documents.archive`) under a random name with its SHA-256, and recorded in the audit
trail. It carries the particulars of everyone the transfer names, so it is opened only by those who see the
case and its people's full particulars (`can_open_attachment`), and every opening is logged.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from leniency import clock
from leniency.audit.trail import record
from leniency.documents.archive import archive_storage
from leniency.documents.uploads import SCANS, extension, stage_upload
from leniency.errors import DomainError, Forbidden

from . import access
from .models import Case, CaseAttachment

DEFAULT_MAX_BYTES = (
    50 * 1024 * 1024
)  # a scanned document of a few hundred pages; settings.CASE_ATTACHMENT_MAX_BYTES


ALLOWED_EXTENSIONS = tuple(ext for t in SCANS for ext in t.extensions)


def max_bytes() -> int:
    return int(getattr(settings, "CASE_ATTACHMENT_MAX_BYTES", DEFAULT_MAX_BYTES))


def do_attach_document(
    case: Case,
    *,
    acting_user,
    fileobj,
    original_name: str,
    kind: str = CaseAttachment.Kind.TRANSFER_OPINION,
    now: datetime | None = None,
) -> CaseAttachment:
    """Stream `fileobj` (an UploadedFile or a binary file object) into the archive and record it on the case."""
    access.check_attach_document(acting_user, case)
    now = now or clock.now()
    if kind not in CaseAttachment.Kind.values:
        raise DomainError(_("请选择文书种类"), field="kind")
    ext = extension(original_name)
    if ext not in ALLOWED_EXTENSIONS:
        raise DomainError(
            _("不支持的文件类型“.%(ext)s”；扫描件可上传：%(allowed)s")
            % {"ext": ext or "?", "allowed": "、".join(ALLOWED_EXTENSIONS)},
            field="file",
        )
    staged, scan = stage_upload(
        fileobj,
        types=SCANS,
        max_bytes=max_bytes(),
        field="file",
        name_extension=ext,
        head_size=16,
        refused=lambda found: (
            _("文件内容与扩展名“.%(ext)s”不符（检测到：%(found)s），不是 PDF、JPEG 或 PNG 扫描件")
            % {"ext": ext, "found": found or _("未知格式")}
        ),
    )
    name = f"cases/{case.pk}/{uuid.uuid4().hex}.{ext}"
    with staged.removed_on_failure(), transaction.atomic():
        attachment = CaseAttachment.objects.create(
            case=case,
            kind=kind,
            original_name=original_name[-200:],
            media_type=scan.media_type,
            file_name=name,
            size=staged.size,
            sha256=staged.sha256,
            uploaded_by=acting_user,
            uploaded_at=now,
        )
        record(
            "case.attachment.added",
            actor=acting_user,
            obj=attachment,
            case_id=case.pk,
            occurred_at=now,
            data={
                "kind": kind,
                "name": original_name[-200:],
                "sha256": staged.sha256,
                "size": staged.size,
                "media_type": scan.media_type,
            },
        )
        placed = staged.place(name)
        if placed.name != name:
            attachment.file_name = placed.name
            attachment.save(update_fields=["file_name"])
    return attachment


def can_attach_document(user, case: Case) -> bool:
    try:
        access.check_attach_document(user, case)
    except Forbidden:
        return False
    return True


def can_open_attachment(user, case: Case, *, visible: bool = False) -> bool:
    """Those who see the case and the full particulars of its people (the scan carries them): the case's
    procuratorate, its case management, its judge, and the lawyers of its defendants. `visible`: the caller
    loaded `case` through `visible_cases(user)` (the case page), which need not be asked again."""
    return bool(
        (access.can_see_identity(user) or access.can_register_cases(user))
        and (visible or access.visible_cases(user).filter(pk=case.pk).exists())
    )


def refuse_unless_may_open(user, case: Case) -> None:
    if not can_open_attachment(user, case):
        raise Forbidden(_("随案文书载有当事人的身份信息，仅本案检察院、承办法官和辩护律师可以查阅"))


def open_attachment(attachment: CaseAttachment, *, acting_user, mode: str, now: datetime | None = None):
    """The stored file, opened for reading, after the permission check and the read log (who, when, how):
    the chain of custody of the case's documents, as for recordings."""
    refuse_unless_may_open(acting_user, attachment.case)
    record(
        "case.attachment.accessed",
        actor=acting_user,
        obj=attachment,
        case_id=attachment.case_id,
        occurred_at=now or clock.now(),
        data={"name": attachment.original_name, "mode": mode, "sha256": attachment.sha256},
    )
    return archive_storage().open(attachment.file_name, "rb")
