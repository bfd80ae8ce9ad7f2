"""The client's address behind the reverse proxies this deployment trusts, one rule for every user of it:
django-axes (log-in lock-out, AXES_CLIENT_IP_CALLABLE) and the public channel's rate limits.

LENIENCY_TRUSTED_PROXIES (settings.TRUSTED_PROXIES) is the number of proxies in front of the application.
Each appends the address it received the request from to X-Forwarded-For, so the client's address is the
N-th entry from the right; entries to the left of it were written by the client and are not believed. With
0 (the default: no proxy) X-Forwarded-For is ignored and REMOTE_ADDR is the client.
"""

from django.conf import settings


def client_address(request) -> str:
    proxies = getattr(settings, "TRUSTED_PROXIES", 0)
    remote = request.META.get("REMOTE_ADDR", "") or "unknown"
    if proxies <= 0:
        return remote
    forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()]
    if len(forwarded) < proxies:
        return remote  # not through the expected proxies: the nearest one is all we know
    return forwarded[-proxies]
