"""Adding recordings (streamed, type-checked, hashed, written atomically), logging every access, verifying."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from leniency import clock
from leniency.audit.ledger import registered_hashes
from leniency.audit.trail import record
from leniency.documents.archive import clean_incoming, hash_stored
from leniency.documents.uploads import FileType, extension, stage_upload, starts_with
from leniency.errors import DomainError

from . import access
from .models import Recording

DEFAULT_MAX_BYTES = 2 * 1024**3  # 2 GiB; override with settings.RECORDINGS_MAX_BYTES


def max_bytes() -> int:
    return int(getattr(settings, "RECORDINGS_MAX_BYTES", DEFAULT_MAX_BYTES))


def _ftyp(head: bytes) -> bool:
    return head[4:8] == b"ftyp"


# Each accepted format: how its first bytes look, and the extensions that may carry it.
MEDIA = (
    FileType("wav", "audio/wav", ("wav",), lambda h: h[:4] == b"RIFF" and h[8:12] == b"WAVE"),
    FileType("avi", "video/x-msvideo", ("avi",), lambda h: h[:4] == b"RIFF" and h[8:12] == b"AVI "),
    FileType(
        "mp3",
        "audio/mpeg",
        ("mp3",),
        lambda h: h[:3] == b"ID3" or (len(h) > 1 and h[0] == 0xFF and h[1] & 0xE0 == 0xE0),
    ),
    FileType("m4a", "audio/mp4", ("m4a",), lambda h: _ftyp(h) and h[8:11] == b"M4A"),
    FileType("mov", "video/quicktime", ("mov",), lambda h: _ftyp(h) and h[8:10] == b"qt"),
    FileType("mp4", "video/mp4", ("mp4", "m4v"), _ftyp),
    FileType("webm", "video/webm", ("webm", "mkv"), starts_with(b"\x1a\x45\xdf\xa3")),
    FileType("ogg", "audio/ogg", ("ogg", "oga", "ogv", "opus"), starts_with(b"OggS")),
    FileType("flac", "audio/flac", ("flac",), starts_with(b"fLaC")),
    FileType("amr", "audio/amr", ("amr",), starts_with(b"#!AMR")),
)
ALLOWED_EXTENSIONS = sorted({ext for media in MEDIA for ext in media.extensions})


def do_add_recording(
    defendant,
    *,
    acting_user,
    fileobj,
    original_name: str,
    session: str,
    recorded_on: date,
    description: str = "",
    notice=None,
    agreement=None,
    now: datetime | None = None,
) -> Recording:
    """Stream `fileobj` (an UploadedFile or any binary file object) into the archive in 64 KiB chunks."""
    access.check_add_recording(acting_user, defendant)
    now = now or clock.now()
    if session not in Recording.Session.values:
        raise DomainError(_("请选择所录环节"), field="session")
    if recorded_on > timezone.localdate(now):
        raise DomainError(_("录制日期不能晚于今天"), field="recorded_on")
    if notice is not None and notice.defendant_id != defendant.pk:
        raise DomainError(_("所选权利告知不属于此人"), field="notice")
    if agreement is not None and agreement.defendant_id != defendant.pk:
        raise DomainError(_("所选具结书不属于此人"), field="agreement")
    ext = extension(original_name)
    if ext not in ALLOWED_EXTENSIONS:
        raise DomainError(
            _("不支持的文件类型“.%(ext)s”；可上传：%(allowed)s")
            % {"ext": ext or "?", "allowed": "、".join(ALLOWED_EXTENSIONS)},
            field="file",
        )
    name = f"recordings/{defendant.case_id}/{defendant.pk}/{uuid.uuid4().hex}.{ext}"
    staged, media = stage_upload(
        fileobj,
        types=MEDIA,
        max_bytes=max_bytes(),
        field="file",
        name_extension=ext,
        refused=lambda found: (
            _("文件内容与扩展名“.%(ext)s”不符（检测到：%(found)s），不是可接受的音视频文件")
            % {"ext": ext, "found": found or _("未知格式")}
        ),
    )
    # The file takes its final name only as the transaction's last step: a process killed before that leaves
    # no row and only a temporary file, which the next upload or `recordings verify` removes.
    with staged.removed_on_failure(), transaction.atomic():
        recording = Recording.objects.create(
            defendant=defendant,
            session=session,
            notice=notice,
            agreement=agreement,
            recorded_on=recorded_on,
            description=description.strip(),
            original_name=original_name[-200:],
            kind=media.kind,
            media_type=media.media_type,
            file_name=name,
            size=staged.size,
            sha256=staged.sha256,
            uploaded_by=acting_user,
            uploaded_at=now,
        )
        record(
            "recordings.recording.added",
            actor=acting_user,
            obj=recording,
            case_id=defendant.case_id,
            occurred_at=now,
            data={
                "defendant": defendant.pk,
                "session": session,
                "sha256": staged.sha256,
                "size": staged.size,
                "kind": media.kind,
                "name": original_name[-200:],
            },
        )
        placed = staged.place(name)
        if placed.name != name:
            recording.file_name = placed.name
            recording.save(update_fields=["file_name"])
    return recording


def do_log_access(recording: Recording, *, acting_user, mode: str, now: datetime | None = None) -> None:
    """Chain of custody: every view or download is an audit event naming who, when and how."""
    record(
        "recordings.recording.accessed",
        actor=acting_user,
        obj=recording,
        case_id=recording.defendant.case_id,
        occurred_at=now or clock.now(),
        data={"defendant": recording.defendant_id, "mode": mode, "sha256": recording.sha256},
    )


@dataclass(frozen=True)
class Problem:
    recording: Recording
    kind: str  # "missing", "changed", or "registry" (the row's hash differs from its audit event)
    actual: str | None


def verify_all(queryset=None) -> tuple[int, list[Problem]]:
    """Re-hash every stored recording (in chunks); return how many were checked and what is wrong: a file
    missing or changed, or a row whose hash no longer matches the one its audit event registered. Temporary
    files that interrupted uploads left behind are removed first."""
    clean_incoming()  # temporary files of interrupted uploads are not recordings: removed, never reported
    registered = registered_hashes("recordings.recording.added", Recording._meta.label_lower)
    problems, checked = [], 0
    for recording in (queryset or Recording.objects.all()).order_by("pk").iterator(chunk_size=200):
        checked += 1
        actual = hash_stored(recording.file_name)
        if registered.get(str(recording.pk)) != recording.sha256:
            problems.append(Problem(recording, "registry", registered.get(str(recording.pk))))
        elif actual is None:
            problems.append(Problem(recording, "missing", None))
        elif actual != recording.sha256:
            problems.append(Problem(recording, "changed", actual))
    return checked, problems
