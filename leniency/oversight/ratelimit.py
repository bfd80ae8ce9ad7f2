"""Per-address rate limits on the public endpoints, kept in Django's cache (fixed one-hour windows).

The address is REMOTE_ADDR unless OVERSIGHT_TRUST_FORWARDED_FOR is set (behind a proxy that writes the
header); it is hashed before it becomes a cache key, and it is never stored with a report.
"""

import hashlib
import time

from django.core.cache import cache

from . import conf

WINDOW = 3600


def client_address(request) -> str:
    if conf.get("OVERSIGHT_TRUST_FORWARDED_FOR"):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def _key(bucket: str, address: str, now: float | None) -> str:
    window = int((now if now is not None else time.time()) // WINDOW)
    digest = hashlib.sha256(address.encode()).hexdigest()[:32]
    return f"oversight:rl:{bucket}:{digest}:{window}"


def is_limited(bucket: str, address: str, limit: int, *, now: float | None = None) -> bool:
    """True when `address` has already used its `limit` in the current window."""
    return (cache.get(_key(bucket, address, now)) or 0) >= limit


def count(bucket: str, address: str, *, now: float | None = None) -> int:
    """Count one use; return the uses in the current window."""
    key = _key(bucket, address, now)
    cache.add(key, 0, WINDOW)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, WINDOW)
        return 1
