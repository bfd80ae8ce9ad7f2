"""JSON API of the recordings: list, upload (multipart, streamed), metadata, the file (access logged)."""

from datetime import date, datetime

from django.http import FileResponse
from django.shortcuts import get_object_or_404
from ninja import File, Form, Router, Schema, Status
from ninja.files import UploadedFile

from leniency.cases.access import visible_defendants
from leniency.documents.archive import archive_storage
from leniency.plea.models import PleaAgreement, RightsNotice

from .access import check_add_recording, visible_recordings
from .models import Recording
from .services import do_add_recording, do_log_access

router = Router(tags=["recordings"])


class RecordingOut(Schema):
    id: int
    defendant_id: int
    session: str
    notice_id: int | None
    agreement_id: int | None
    recorded_on: date
    description: str
    original_name: str
    kind: str
    media_type: str
    size: int
    sha256: str
    uploaded_at: datetime


class UploadIn(Schema):
    session: Recording.Session
    recorded_on: date
    description: str = ""
    notice_id: int | None = None
    agreement_id: int | None = None


@router.get("/defendants/{defendant_id}", response=list[RecordingOut], summary="A defendant's recordings")
def list_recordings(request, defendant_id: int):
    defendant = get_object_or_404(visible_defendants(request.user), pk=defendant_id)
    return list(Recording.objects.filter(defendant=defendant))


@router.post(
    "/defendants/{defendant_id}",
    response={201: RecordingOut},
    summary="Upload a recording (multipart; streamed, type-checked and hashed)",
)
def upload(request, defendant_id: int, payload: Form[UploadIn], file: File[UploadedFile]):
    defendant = get_object_or_404(visible_defendants(request.user).select_related("case"), pk=defendant_id)
    check_add_recording(request.user, defendant)
    notice = (
        get_object_or_404(RightsNotice, pk=payload.notice_id, defendant=defendant)
        if payload.notice_id
        else None
    )
    agreement = (
        get_object_or_404(PleaAgreement, pk=payload.agreement_id, defendant=defendant)
        if payload.agreement_id
        else None
    )
    recording = do_add_recording(
        defendant,
        acting_user=request.user,
        fileobj=file,
        original_name=file.name,
        session=payload.session,
        recorded_on=payload.recorded_on,
        description=payload.description,
        notice=notice,
        agreement=agreement,
    )
    return Status(201, recording)


@router.get("/{recording_id}", response=RecordingOut, summary="One recording's metadata")
def get_recording(request, recording_id: int):
    return get_object_or_404(visible_recordings(request.user), pk=recording_id)


@router.get("/{recording_id}/file", summary="The recording itself (streamed; every access is logged)")
def get_file(request, recording_id: int, download: bool = False):
    recording = get_object_or_404(
        visible_recordings(request.user).select_related("defendant"), pk=recording_id
    )
    do_log_access(recording, acting_user=request.user, mode="download" if download else "view")
    return FileResponse(
        archive_storage().open(recording.file_name, "rb"),
        content_type=recording.media_type,
        as_attachment=download,
        filename=recording.original_name,
    )
