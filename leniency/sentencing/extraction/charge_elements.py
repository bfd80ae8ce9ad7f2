"""standards/charge_elements.yaml, read once for every reader of it: the charge inference's candidates, special
charges, requirements and distinctions (charge_inference.py) and the articles' conduct words (conduct_words.py)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

ELEMENTS_FILE = Path(__file__).resolve().parents[1] / "standards" / "charge_elements.yaml"


@cache
def charge_elements() -> dict:
    return yaml.safe_load(ELEMENTS_FILE.read_text(encoding="utf-8"))
