"""The base of every domain error: a guard in a service function failed. Messages are translatable."""


class DomainError(Exception):
    """Raised by `do_*` services; views show `message` to the user, the API returns it with `field`."""

    def __init__(self, message, *, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field
