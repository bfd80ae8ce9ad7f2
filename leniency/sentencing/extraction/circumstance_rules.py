"""The rules of standards/circumstances.yaml that extraction asks: the charges whose own article already weighs a
circumstance (`not_when_element`, `not_with_charges`), looked up by the charge's catalogue name."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

from leniency.sentencing.catalogue import find_charge

STANDARD_FILE = Path(__file__).resolve().parents[1] / "standards" / "circumstances.yaml"


def canonical(charge: str) -> str:
    info = find_charge(charge)
    return info.name if info is not None else charge


@cache
def rules() -> dict:
    """circumstances.yaml's rules, read once: every extraction asks them."""
    return yaml.safe_load(STANDARD_FILE.read_text(encoding="utf-8"))["circumstances"]
