"""Personal data encrypted at rest (ID and phone numbers): a model field over Fernet (AES-128-CBC + HMAC).

Keys come from the environment: `LENIENCY_DATA_KEYS`, comma-separated Fernet keys, the first one
encrypting new values and every one of them able to decrypt (so a key can be rotated). Rotation:

1. generate a key: `leniency data_keys new`;
2. put it first in LENIENCY_DATA_KEYS, keep the old key(s) after it, restart;
3. `leniency data_keys rotate` re-encrypts every stored value with the new key;
4. drop the old key from LENIENCY_DATA_KEYS and restart.

In development (LENIENCY_DEBUG=1) without the variable, settings derive one key from SECRET_KEY.
"""

from __future__ import annotations

from functools import cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models

PREFIX = "enc1:"  # marks a stored ciphertext, so a plain legacy value is recognised and still read


@cache
def _keys(raw: str) -> MultiFernet:
    keys = [k.strip() for k in raw.split(",") if k.strip()]
    try:
        return MultiFernet([Fernet(k) for k in keys])
    except ValueError as error:
        raise ImproperlyConfigured(f"LENIENCY_DATA_KEYS: not a valid Fernet key ({error})") from error


def cipher() -> MultiFernet:
    return _keys(settings.DATA_KEYS)


def encrypt(value: str) -> str:
    return PREFIX + cipher().encrypt(value.encode()).decode()


def decrypt(stored: str) -> str:
    if not stored.startswith(PREFIX):
        return stored
    try:
        return cipher().decrypt(stored[len(PREFIX) :].encode()).decode()
    except InvalidToken as error:
        raise ImproperlyConfigured(
            "a stored personal-data value cannot be decrypted with LENIENCY_DATA_KEYS"
        ) from error


def rotate(stored: str) -> str:
    """The same value encrypted with the current (first) key."""
    if not stored.startswith(PREFIX):
        return encrypt(stored) if stored else stored
    return PREFIX + cipher().rotate(stored[len(PREFIX) :].encode()).decode()


class EncryptedCharField(models.TextField):
    """Reads and writes plain strings; stores Fernet ciphertext. Not searchable or sortable by value.

    Serialised (dumpdata, backups) as ciphertext too, so a backup file holds no personal data in clear;
    loading it back decrypts with the same keys.
    """

    def from_db_value(self, value, expression, connection):
        return decrypt(value) if value else value

    def to_python(self, value):
        return decrypt(value) if isinstance(value, str) and value else value

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        return encrypt(value) if value else value

    def value_to_string(self, obj):
        value = self.value_from_object(obj)
        return encrypt(value) if value else value
