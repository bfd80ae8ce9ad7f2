"""Which charge a numbered act tells of, from the conduct each charge's statute defines (issue 16, class 3).

Data: `standards/act_conduct.yaml` (the defining conduct of charges whose acts tell of violence, and which
charge's statute makes another's harm its own circumstance). `tells_of(text, charges)` returns the charge
the conduct decides, or None where it decides nothing (the caller then asks the charge profiles).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from leniency.sentencing.extraction.charge_inference import statute_text

DATA_FILE = Path(__file__).resolve().parents[1] / "standards" / "act_conduct.yaml"
# a charge whose statute (its name and its brackets' words) speaks of violence
NAMED_WITHIN = 40  # characters of an act (with its section's heading) where a heading names its charge
VIOLENT_RE = re.compile(r"暴力|殴打|伤害|斗殴|杀|胁迫|威胁|寻衅|劫")
# conduct said not to have happened, just before its words: "周某未受伤害", "没有殴打", "未遭到伤害"
NEGATED_BEFORE = re.compile(r"(?:未|没有|没|无|并未|均未)(?:受到?|遭到?|遭受|被|造成|实施|对其)?$")


@dataclass(frozen=True)
class Conduct:
    pattern: re.Pattern
    absorbs: frozenset[str]
    generic: bool


@cache
def _table() -> dict[str, Conduct]:
    data = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))["charges"]
    return {
        name: Conduct(
            re.compile("|".join(f"(?:{p})" for p in entry["conduct"])),
            frozenset(entry.get("absorbs", ())),
            bool(entry.get("generic", False)),
        )
        for name, entry in data.items()
    }


def tells_of(text: str, charges: Sequence[str]) -> str | None:
    """The one charge of `charges` the act's heading names, else the one whose defining conduct it states, after the charges whose harm
    another stated charge makes its own circumstance are set aside; None when that is not exactly one, or
    when it is a generic one (故意伤害) beside a violent charge the table cannot tell apart."""
    head = text[:NAMED_WITHIN]
    named = [c for c in charges if re.search(f"{re.escape(c)}(?:罪|的?事实)", head)]
    if len(named) == 1:  # the judgment's own heading: "（一）被告人甲非法拘禁的事实"
        return named[0]
    table = _table()
    stated = [c for c in charges if c in table and _states(table[c].pattern, text)]
    kept = [c for c in stated if not any(c in table[other].absorbs for other in stated if other != c)]
    if len(kept) != 1:
        return None
    unlisted_violent = any(c not in table and VIOLENT_RE.search(statute_text(c)) for c in charges)
    return None if table[kept[0]].generic and unlisted_violent else kept[0]


def _states(pattern: re.Pattern, text: str) -> bool:
    """The act states the conduct: a match not negated by the words just before it ("被害人未受伤害" tells
    that no harm was done, not of an injury)."""
    return any(
        not NEGATED_BEFORE.search(text, max(0, m.start() - 6), m.start()) for m in pattern.finditer(text)
    )


def by_conduct_then(
    fallback: Callable[[str, Sequence[str]], str | None],
) -> Callable[[str, Sequence[str]], str | None]:
    """`tells_of`, and where the conduct decides nothing, `fallback` (the charge profiles)."""

    def decide(text: str, charges: Sequence[str]) -> str | None:
        return tells_of(text, charges) or fallback(text, charges)

    return decide
