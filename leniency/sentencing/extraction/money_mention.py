"""One money figure told in a fact text (a "…元"), as the amount readers pass it between them."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from leniency.sentencing.facts import Span


@dataclass
class Mention:
    value: Decimal
    span: Span
    total: bool
    excluded: str | None
    repeated: bool
    sentence: int
    summary: bool = False
    approximate: bool = False
    net: bool = False  # named as the amount after a deduction (net_amounts)
