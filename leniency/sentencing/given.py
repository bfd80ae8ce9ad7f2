"""Facts the caller knows, given to the engine beside the text: a record's fact or a person's correction.

`extract` reads a fact text; what the platform already holds (the plea and its stage, a compensation
paid, a victim's forgiveness, the number of victims) and what a prosecutor corrected must not be turned
back into prose for the extractor to guess again (DESIGN.md, "Facts have a source"). A `GivenFact`
names one fact by its key, its value and its source; `apply_given` lays the given facts over the
extracted ones, and `read_facts` lists, for a person to confirm, each fact the text gave with the
sentence it came from.

Keys: a `Circumstance` value (present: True / absent: False; for `plea` the stage, a `PleaStage`
value, or False), or one of the quantities `amount_yuan`, `victims`, `counts`, `age` (None: unknown).
Plain Python: no Django.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from leniency.sentencing.extraction.numbers import bounds
from leniency.sentencing.extraction.quantities import find_age, find_counts
from leniency.sentencing.extraction.victims import find_victims
from leniency.sentencing.facts import CaseFacts, Circumstance, Finding, PleaStage, Span

TEXT = "text"  # the source of a fact read from the text
QUANTITIES = ("amount_yuan", "victims", "counts", "age")
CIRCUMSTANCES = tuple(c.value for c in Circumstance)
KEYS = (*CIRCUMSTANCES, *QUANTITIES)
# The circumstances a confirmation form always asks about (others only when the text or a record has them).
USUAL = (
    "plea",
    "surrender",
    "confession",
    "restitution",
    "compensation",
    "forgiveness",
    "reconciliation",
    "recidivist",
    "prior_record",
    "accessory",
    "attempt",
    "minor",
)
SENTENCE_ENDS = "。；！？\n"


class GivenFactError(ValueError):
    """A given fact the engine cannot use: an unknown key or a value of the wrong kind."""


@dataclass(frozen=True)
class GivenFact:
    """One fact given rather than read: `source` says whose ("record", "prosecutor"), `note` where from or why."""

    key: str
    value: object
    source: str
    note: str = ""

    def __post_init__(self):
        if self.key not in KEYS:
            raise GivenFactError(f"unknown fact {self.key!r}: not a circumstance nor one of {QUANTITIES}")
        object.__setattr__(self, "value", normalise(self.key, self.value))


@dataclass(frozen=True)
class ReadFact:
    """A fact as the text gives it: its value, and the words and the sentence it came from (None: not stated)."""

    key: str
    value: object
    span: Span | None = None
    sentence: str = ""


def normalise(key: str, value: object) -> object:
    """`value` in the one form the engine uses for `key`; GivenFactError when it cannot be."""
    if key == Circumstance.PLEA:
        if value in (None, False, ""):
            return False
        if value is True:
            return PleaStage.PROSECUTION_REVIEW.value
        if str(value) in {s.value for s in PleaStage}:
            return str(value)
        raise GivenFactError(f"plea: {value!r} is not a stage ({', '.join(s.value for s in PleaStage)})")
    if key in CIRCUMSTANCES:
        if isinstance(value, bool):
            return value
        if value in ("true", "1", 1):
            return True
        if value in ("false", "0", 0, "", None):
            return False
        raise GivenFactError(f"{key}: {value!r} is not true or false")
    if value in (None, ""):
        return None
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        raise GivenFactError(f"{key}: {value!r} is not a number") from None
    if not number.is_finite():
        raise GivenFactError(f"{key}: {value!r} is not a number")
    if number < 0:
        raise GivenFactError(f"{key}: {value!r} is negative")
    if key == "amount_yuan":
        return number
    if number != number.to_integral_value():
        raise GivenFactError(f"{key}: {value!r} is not a whole number")
    return int(number)


def apply_given(facts: CaseFacts, given: Iterable[GivenFact]) -> CaseFacts:
    """A copy of `facts` with each given fact in place of what the text gave for its key.

    A given circumstance replaces the findings of its code (it concerns the whole defendant, so it carries
    no span and every charge sees it); absent (False) removes them. A later fact of the same key wins.
    `facts.given` lists what was applied, for the trace and the page.
    """
    out = copy.deepcopy(facts)
    applied: dict[str, GivenFact] = {}
    for fact in given:
        applied[fact.key] = fact
    for fact in applied.values():
        if fact.key in QUANTITIES:
            setattr(out, fact.key, fact.value)
            continue
        out.circumstances = [f for f in out.circumstances if str(f.code) != fact.key]
        if fact.value is not False:
            value = fact.value if fact.key == Circumstance.PLEA else None
            out.circumstances.append(Finding(code=fact.key, value=value, span=None))
    out.given = [*[g for g in out.given if g.key not in applied], *applied.values()]
    return out


def read_facts(facts: CaseFacts, keys: Iterable[str] = KEYS) -> dict[str, ReadFact]:
    """What the text of `facts` (as extracted, before any given fact) says of each key, with its sentence."""
    text = facts.text or ""
    out: dict[str, ReadFact] = {}
    for key in keys:
        value, where = _read_one(facts, key)
        out[key] = ReadFact(key, value, where, sentence_at(text, where))
    return out


def _read_one(facts: CaseFacts, key: str) -> tuple[object, Span | None]:
    text = facts.text or ""
    if key in CIRCUMSTANCES:
        found = facts.finding(Circumstance(key))
        if found is None:
            return (False, None)
        value = normalise(key, found.value or True) if key == Circumstance.PLEA else True
        return value, found.span
    if key == "amount_yuan":
        where = next((f.span for f in facts.amounts if f.span is not None), None)
        return facts.amount_yuan, where
    finder = {"victims": find_victims, "counts": find_counts, "age": find_age}[key]
    _value, finding = finder(text) if text else (None, None)
    return getattr(facts, key), (finding.span if finding is not None else None)


def sentence_at(text: str, where: Span | None) -> str:
    """The sentence of `text` that holds `where` (the words a fact was read from), trimmed; "" without one."""
    if where is None or not text:
        return ""
    start, end = bounds(text, where.start, where.end, SENTENCE_ENDS)
    return text[start : min(end + 1, len(text))].strip()  # with its full stop
