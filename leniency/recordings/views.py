"""Recording pages: list, upload, detail with chain of custody, and the file itself (every access logged)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from leniency.audit.models import AuditEvent
from leniency.cases.access import visible_defendants
from leniency.documents.archive import archive_storage, hash_stored
from leniency.errors import DomainError

from .access import can_upload_recording, check_add_recording, visible_recordings
from .forms import UploadForm
from .models import Recording
from .services import do_add_recording, do_log_access, max_bytes


def _defendant(request, defendant_id):
    return get_object_or_404(visible_defendants(request.user).select_related("case"), pk=defendant_id)


@login_required
def recording_list(request, defendant_id):
    defendant = _defendant(request, defendant_id)
    return render(
        request,
        "recordings/list.html",
        {
            "defendant": defendant,
            "case": defendant.case,
            "can_upload": can_upload_recording(request.user, defendant),
            "recordings": Recording.objects.filter(defendant=defendant).select_related("uploaded_by"),
        },
    )


@login_required
def recording_upload(request, defendant_id):
    defendant = _defendant(request, defendant_id)
    check_add_recording(request.user, defendant)
    form = UploadForm(request.POST or None, request.FILES or None, defendant=defendant)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        upload = data["file"]
        try:
            recording = do_add_recording(
                defendant,
                acting_user=request.user,
                fileobj=upload,
                original_name=upload.name,
                session=data["session"],
                recorded_on=data["recorded_on"],
                description=data["description"],
                notice=data["notice"],
                agreement=data["agreement"],
            )
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, _("已上传并登记哈希值"))
            return redirect("recording_detail", pk=recording.pk)
    return render(
        request,
        "recordings/upload.html",
        {
            "defendant": defendant,
            "case": defendant.case,
            "form": form,
            "limit_mb": max_bytes() // (1024 * 1024),
        },
        status=400 if form.is_bound else 200,
    )


@login_required
def recording_detail(request, pk):
    recording = get_object_or_404(
        visible_recordings(request.user).select_related("defendant", "defendant__case", "uploaded_by"), pk=pk
    )
    custody = AuditEvent.objects.filter(
        object_type=recording._meta.label_lower, object_id=str(recording.pk)
    ).order_by("seq")
    stored = hash_stored(recording.file_name)
    return render(
        request,
        "recordings/detail.html",
        {
            "recording": recording,
            "defendant": recording.defendant,
            "case": recording.defendant.case,
            "custody": custody,
            "stored": stored,
            "matches": stored == recording.sha256,
        },
    )


@login_required
def recording_file(request, pk):
    """Streams the file from storage (never read whole); `?download=1` sends it as an attachment."""
    recording = get_object_or_404(visible_recordings(request.user).select_related("defendant"), pk=pk)
    download = request.GET.get("download") == "1"
    do_log_access(recording, acting_user=request.user, mode="download" if download else "view")
    handle = archive_storage().open(recording.file_name, "rb")
    return FileResponse(
        handle, content_type=recording.media_type, as_attachment=download, filename=recording.original_name
    )
