"""The base of every domain error: a guard in a service function failed. Messages are translatable."""

from django.core.exceptions import PermissionDenied


class DomainError(Exception):
    """Raised by `do_*` services; views show `message` to the user, the API returns it with `field`."""

    def __init__(self, message, *, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


class Forbidden(PermissionDenied):
    """Raised by a `check_*` function: the acting user may not take this action at all (their role, or their
    tie to the case). Unlike a `DomainError` (a rule refused the input, 400), this is a 403: Django shows the
    403 page (`templates/403.html`) and the API answers `{"detail": message}` with status 403
    (`leniency.api`). The message names the legal or role reason and is translatable."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message
