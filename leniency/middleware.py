from django.http import HttpResponseBadRequest


class ChineseUnlessChosenMiddleware:
    """Serve Simplified Chinese unless the user picked another language with the switch.

    The platform's working language is Chinese: a browser that happens to prefer English must not turn a
    prosecutor's screen English. The language switch sets Django's language cookie, which still wins.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)


class RefuseNulMiddleware:
    """A path, or a page's query string, holding a NUL character is refused with 400 naming it: PostgreSQL
    cannot compare text with one (a 500 on `/public/cases/?q=%00`), and no real input has it. Form fields are
    checked by Django's forms; the API answers in JSON itself (`leniency/api.py`)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("/api/"):
            return self.get_response(request)
        if "\x00" in request.path:
            return HttpResponseBadRequest("路径含有空字符（NUL）", content_type="text/plain; charset=utf-8")
        for key, values in request.GET.lists():
            if "\x00" in key or any("\x00" in value for value in values):
                name = key.replace("\x00", "\\0")
                return HttpResponseBadRequest(
                    f"参数 {name} 含有空字符（NUL）", content_type="text/plain; charset=utf-8"
                )
        return self.get_response(request)
