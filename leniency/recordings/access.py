"""Recordings are seen by whoever sees the defendant (lawyers only their own clients); the procuratorate and
the trial court add them."""

from django.utils.translation import gettext as _

from leniency.cases.access import visible_defendants
from leniency.errors import Forbidden
from leniency.plea.access import can_upload_recording

from .models import Recording

__all__ = ["can_upload_recording", "check_add_recording", "visible_recordings"]


def visible_recordings(user):
    return Recording.objects.filter(defendant__in=visible_defendants(user))


def check_add_recording(user, defendant) -> None:
    """Checked once inside `do_add_recording`, and by the upload page and endpoint before they read the file."""
    if not can_upload_recording(user, defendant):
        raise Forbidden(_("只有本案检察院或审判法院可以上传录音录像"))
