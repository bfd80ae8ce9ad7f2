"""Request bodies over the limit are answered 413 with words, on pages and on the API, never a 500 or a bare 400.

Django refuses a body above DATA_UPLOAD_MAX_MEMORY_SIZE (files excepted) by raising RequestDataTooBig when
something reads it: the API's parser turned that into a 500 with a traceback, the CSRF check into a bare 400.
`RefuseOversizedBodyMiddleware` answers from the declared Content-Length before anything reads the body;
`bad_request` (handler400) and the API's handler catch what only shows while reading (a multipart body's
fields, a body sent without a length).
"""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import JsonResponse
from django.shortcuts import render
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.views.defaults import bad_request as django_bad_request


def message() -> str:
    return _("提交的内容过大：上限为 %(limit)s。请缩短文字或分次提交。") % {
        "limit": filesizeformat(settings.DATA_UPLOAD_MAX_MEMORY_SIZE)
    }


def too_large(request):
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": message()}, status=413)
    return render(request, "413.html", {"message": message()}, status=413)


def declared_too_large(request) -> bool:
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    if limit is None or request.META.get("CONTENT_TYPE", "").startswith("multipart/"):
        return False  # uploaded files are not counted against the limit; their fields are, while parsed
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0) > limit
    except ValueError:
        return False


class RefuseOversizedBodyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if declared_too_large(request):
            return too_large(request)
        return self.get_response(request)


def bad_request(request, exception, template_name="400.html"):
    """handler400: a body found too large while it was read is a 413 with words; anything else as Django."""
    if isinstance(exception, RequestDataTooBig):
        return too_large(request)
    return django_bad_request(request, exception, template_name)
