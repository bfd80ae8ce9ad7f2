"""The keys that seal the audit trail: HMAC-SHA256 keys from the environment, never stored in the database.

`LENIENCY_AUDIT_KEYS` holds comma-separated `id:secret` pairs, newest first: the first seals new events
and checkpoints, every one of them verifies (so a key can be rotated). Each event stores the id of the key
that sealed it, never the key. Rotation:

1. generate a key: `leniency audit new-key` (prints an `id:secret` pair);
2. put it first in LENIENCY_AUDIT_KEYS, keep every older key after it (old events still verify with them);
3. restart. Old keys stay as long as the events they sealed do; dropping one makes `audit verify` report
   its events as sealed with an unknown key.

Someone who can write to the database but does not hold a key can no longer append, rewrite or re-hash
events: the seal of each event is an HMAC over its content and the seal of the one before it.

In development (LENIENCY_DEBUG=1) without the variable, settings derive one key ("dev") from SECRET_KEY.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from functools import cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

KEY_ID = re.compile(r"^[A-Za-z0-9_-]{1,16}$")
MIN_SECRET_LENGTH = 32


@cache
def _parse(raw: str) -> tuple[tuple[str, bytes], ...]:
    keys = []
    for item in (part.strip() for part in raw.split(",")):
        if not item:
            continue
        key_id, sep, secret = item.partition(":")
        if not sep or not KEY_ID.match(key_id):
            raise ImproperlyConfigured(
                "LENIENCY_AUDIT_KEYS: each key is 'id:secret' with an id of 1-16 letters, digits, - or _"
            )
        if len(secret) < MIN_SECRET_LENGTH:
            raise ImproperlyConfigured(
                f"LENIENCY_AUDIT_KEYS: the secret of key {key_id!r} is shorter than {MIN_SECRET_LENGTH} characters"
            )
        if key_id in dict(keys):
            raise ImproperlyConfigured(f"LENIENCY_AUDIT_KEYS: key id {key_id!r} appears twice")
        keys.append((key_id, secret.encode()))
    if not keys:
        raise ImproperlyConfigured("LENIENCY_AUDIT_KEYS: no key given")
    return tuple(keys)


def keys() -> dict[str, bytes]:
    """Every configured key by id, newest first."""
    return dict(_parse(settings.AUDIT_KEYS or ""))


def current_key_id() -> str:
    return _parse(settings.AUDIT_KEYS or "")[0][0]


def seal(key_id: str, message: str) -> str | None:
    """HMAC-SHA256 of `message` under key `key_id`, hex; None when no such key is configured."""
    key = keys().get(key_id)
    if key is None:
        return None
    return hmac.new(key, message.encode(), hashlib.sha256).hexdigest()


def new_key(key_id: str) -> str:
    if not KEY_ID.match(key_id):
        raise ValueError("a key id is 1-16 letters, digits, - or _")
    return f"{key_id}:{secrets.token_urlsafe(32)}"
