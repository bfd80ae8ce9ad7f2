"""The shape of an examiner case (E72): a fact text written for the examination and what a careful lawyer reads in it,
written down before the engine was run on it. `months` is the examiner's estimate of the pronounced term under the
2021 guideline and FACTS.md (an estimate, not a court's figure): 0 for a fine alone or an exemption (刑法第37条)."""

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class ExaminerCase:
    name: str
    charges: tuple[str, ...]
    amount: Decimal | None  # the money a charge's tier is read from; None where the charge has none
    circumstances: frozenset[str]  # facts.Circumstance values
    months: int  # the examiner's estimate
    text: str
    grams: Decimal | None = None  # drugs: the total weight told
    blood_alcohol: Decimal | None = None  # mg/100ml
    injury: str | None = None  # facts.InjuryGrade value of the worst injury


def case(name, charges, amount, circumstances, months, text, **rest) -> ExaminerCase:
    return ExaminerCase(
        name=name,
        charges=tuple(charges),
        amount=None if amount is None else Decimal(str(amount)),
        circumstances=frozenset(circumstances.split()),
        months=months,
        text=text.strip(),
        **{key: Decimal(str(value)) if key != "injury" else value for key, value in rest.items()},
    )
