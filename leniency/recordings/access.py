"""Recordings are seen by whoever sees the defendant (lawyers only their own clients); the procuratorate and
the trial court add them."""

from leniency.cases.access import visible_defendants
from leniency.plea.access import can_upload_recording

from .models import Recording

__all__ = ["can_upload_recording", "visible_recordings"]


def visible_recordings(user):
    return Recording.objects.filter(defendant__in=visible_defendants(user))
