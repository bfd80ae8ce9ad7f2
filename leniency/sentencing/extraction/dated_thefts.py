"""Thefts counted from the dates they are told with: the theft reading of dated_acts.py, under the name the E48 tests
call it by."""

from __future__ import annotations

from datetime import date

from leniency.sentencing.extraction.dated_acts import dated_acts
from leniency.sentencing.extraction.dated_acts import repeated_within_two_years as repeated_within_two_years


def dated_thefts(text: str) -> list[date]:
    """The distinct dates the text tells a theft on, in order."""
    return [act.day for act in dated_acts(text, "盗窃")]
