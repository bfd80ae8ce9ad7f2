"""The platform's "now": Django's clock, unless a block of code runs at another moment (`running_at`).

Services stamp what they record (an audit event's time, an assignment's, a filing's) with `now()`. The demo
replays the history of its cases through those same services, each step at the moment it happened; it does so
with `running_at(moment)`, which holds for the current thread or task only (a context variable), so a request
served beside it still sees the real time. Nothing a user sends can move the clock.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime

from django.utils import timezone

_moment: ContextVar[datetime | None] = ContextVar("leniency_clock_moment", default=None)


def now() -> datetime:
    moment = _moment.get()
    return timezone.now() if moment is None else moment


def today() -> date:
    return timezone.localdate(now())


def localtime() -> datetime:
    return timezone.localtime(now())


@contextmanager
def running_at(moment: datetime) -> Iterator[None]:
    """Within the block, `now()` is `moment` (an aware datetime) for this thread or task alone."""
    if timezone.is_naive(moment):
        raise ValueError("running_at needs an aware datetime")
    token = _moment.set(moment)
    try:
        yield
    finally:
        _moment.reset(token)
