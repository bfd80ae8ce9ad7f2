"""A database state that a module's tests share: built once, read by each test, rolled back after the module
(or after a package, from a package-scoped fixture: leniency/study/tests/district/conftest.py).

Building the demo goes through the services step by step, so it costs seconds; a module whose tests only read
it builds it once. The state lives in one transaction around the module; each test still runs in its own
savepoint inside it (pytest-django's `db`), so what a test writes is undone after it, and the whole state is
undone after the module. Only for modules whose tests need no transactional (`transaction=True`) database.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import transaction
from django.test import override_settings

FAST_HASHER = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@contextmanager
def kept_for_the_module(django_db_blocker) -> Iterator[None]:
    with django_db_blocker.unblock(), override_settings(PASSWORD_HASHERS=FAST_HASHER):
        with transaction.atomic():
            yield
            transaction.set_rollback(True)
