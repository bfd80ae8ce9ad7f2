"""Per-address rate limits on the public endpoints (fixed one-hour windows), counted in the database.

`take` reserves one use with a single conditional UPDATE (`uses = uses + 1 WHERE uses < limit`), so
concurrent requests cannot all slip through: the database's cache backend increments by reading and then
writing, and a check made before the action and a count after it let a burst pass. A use whose action then
fails is given back.

The address is the client's as leniency/client_address.py reads it (LENIENCY_TRUSTED_PROXIES); it is hashed
before it becomes a key, and it is never stored with a report.
"""

import hashlib
import time
from datetime import UTC, datetime

from django.db.models import F

from leniency.client_address import client_address as _client_address

from .models import RateCount

WINDOW = 3600


def client_address(request) -> str:
    return _client_address(request)


def _key(bucket: str, address: str, now: float | None) -> tuple[str, datetime]:
    window = int((now if now is not None else time.time()) // WINDOW)
    digest = hashlib.sha256(address.encode()).hexdigest()[:32]
    return f"oversight:rl:{bucket}:{digest}:{window}", datetime.fromtimestamp((window + 1) * WINDOW, UTC)


def is_limited(bucket: str, address: str, limit: int, *, now: float | None = None) -> bool:
    """True when `address` has already used its `limit` in the current window."""
    key, _ends = _key(bucket, address, now)
    row = RateCount.objects.filter(key=key).only("uses").first()
    return row is not None and row.uses >= limit


def take(bucket: str, address: str, limit: int, *, now: float | None = None) -> bool:
    """Reserve one use; False (and nothing counted) when the `limit` of the window is used up."""
    key, ends = _key(bucket, address, now)
    RateCount.objects.filter(window_ends_at__lt=datetime.fromtimestamp(time.time() - WINDOW, UTC)).delete()
    RateCount.objects.bulk_create([RateCount(key=key, window_ends_at=ends)], ignore_conflicts=True)
    return RateCount.objects.filter(key=key, uses__lt=limit).update(uses=F("uses") + 1) == 1


def give_back(bucket: str, address: str, *, now: float | None = None) -> None:
    """Return a use `take` reserved for an action that did not happen."""
    key, _ends = _key(bucket, address, now)
    RateCount.objects.filter(key=key, uses__gt=0).update(uses=F("uses") - 1)


def count(bucket: str, address: str, *, now: float | None = None) -> int:
    """Count one use without a limit; return the uses in the current window."""
    key, ends = _key(bucket, address, now)
    RateCount.objects.bulk_create([RateCount(key=key, window_ends_at=ends)], ignore_conflicts=True)
    RateCount.objects.filter(key=key).update(uses=F("uses") + 1)
    return RateCount.objects.get(key=key).uses
