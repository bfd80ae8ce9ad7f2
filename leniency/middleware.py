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
