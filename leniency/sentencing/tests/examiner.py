"""An independent examiner's cases (E65, E72): a fact text written for the examination and what a careful lawyer reads
in it, written down before the engine was run on it, and the checks each reader's test makes (test_examiner_texts). `months` is the
examiner's estimate of the pronounced term under the 2021 guideline and FACTS.md (an estimate, not a court's figure):
0 for a fine alone or an exemption (刑法第37条)."""

import math
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from types import ModuleType

from leniency.sentencing.calculator import calculate
from leniency.sentencing.catalogue import find_charge
from leniency.sentencing.extract import extract
from leniency.sentencing.tests.written_texts import written_case

MONTHS_LOG_DISTANCE = 0.35  # |ln(1+got) - ln(1+estimate)|: 3 for 2, 8 for 6, 28 for 20, 170 for 120


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


def cases_of(examinations: Mapping[str, ModuleType], misses: str, keep=lambda k: True):
    """The cases `keep` takes of every examination (a module with CASES and its failure classes by reader), named
    "<examination>-<case>", each a strict xfail where the examination's `misses` table names its class."""
    return [
        written_case(
            f"{tag}-{k.name}", k, misses={f"{tag}-{name}": why for name, why in getattr(m, misses).items()}
        )
        for tag, m in examinations.items()
        for k in m.CASES
        if keep(k)
    ]


def has_amount(k: ExaminerCase) -> bool:
    return k.amount is not None


def has_quantity(k: ExaminerCase) -> bool:
    return k.grams is not None or k.blood_alcohol is not None or bool(k.injury)


def check_charges(k: ExaminerCase) -> None:
    assert sorted(_canon(c) for c in extract(k.text).charges) == sorted(_canon(c) for c in k.charges)


def check_amount(k: ExaminerCase) -> None:
    got = extract(k.text, charges=list(k.charges)).amount_yuan
    assert got is not None and abs(got - k.amount) <= k.amount * Decimal("0.01")


def check_quantities(k: ExaminerCase) -> None:
    facts = extract(k.text, charges=list(k.charges))
    if k.grams is not None:
        grams = sum((d.grams for d in facts.drugs), Decimal(0))
        assert abs(grams - k.grams) <= k.grams * Decimal("0.01")
    if k.blood_alcohol is not None:
        assert facts.blood_alcohol == k.blood_alcohol
    if k.injury:
        assert facts.injury is not None and str(facts.injury) == k.injury


def check_circumstances(k: ExaminerCase) -> None:
    facts = extract(k.text, charges=list(k.charges))
    assert {str(c.code) for c in facts.circumstances} == set(k.circumstances)


def check_months(k: ExaminerCase) -> None:
    calc = calculate(extract(k.text, charges=list(k.charges)))
    months = 240 if calc.life_imprisonment else 300 if calc.death_penalty else calc.months
    assert abs(math.log1p(months) - math.log1p(k.months)) <= MONTHS_LOG_DISTANCE, (months, calc.penalty)


def _canon(name: str) -> str:
    info = find_charge(name)
    return info.name if info else name
