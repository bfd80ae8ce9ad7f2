"""The moments of the demo's history: every step of a demo case happens in working hours.

The services write their own audit events at these moments (`clock.running_at`, intake.py); the other apps'
builders (builders/) stamp the rows they add in bulk with them too.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time

from django.utils import timezone


def at(day: date, rng: random.Random, *, start_hour: int = 8, end_hour: int = 18) -> datetime:
    """A working-hours moment on `day` in the project's time zone."""
    minutes = rng.randint(start_hour * 60, end_hour * 60 - 1)
    return timezone.make_aware(datetime.combine(day, time(minutes // 60, minutes % 60, rng.randint(0, 59))))
