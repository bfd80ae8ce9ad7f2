"""The independent examiners' texts (examiner.py), one test per reader over every examination: E65 (session 19), E72
(session 20), E79 and E84 (session 21: texts of 2013-2018 courts, mostly without a plea; E84's to the held-out set's
mix of charges), each with its cases and its failure classes (test_e65_examination, test_e72_examination,
test_e79_examination, test_e84_examination). A text the engine reads wrongly is a strict xfail whose reason names the
class."""

import pytest

from leniency.sentencing.tests import (
    test_e65_examination,
    test_e72_examination,
    test_e79_examination,
    test_e84_examination,
    test_e87_examination,
    test_e94_examination,
    test_e102_examination,
)
from leniency.sentencing.tests.examiner import (
    cases_of,
    check_amount,
    check_charges,
    check_circumstances,
    check_months,
    check_quantities,
    has_amount,
    has_quantity,
)

EXAMINATIONS = {
    "e65": test_e65_examination,
    "e72": test_e72_examination,
    "e79": test_e79_examination,
    "e84": test_e84_examination,
    "e87": test_e87_examination,
    "e94": test_e94_examination,
    "e102": test_e102_examination,
}


@pytest.mark.parametrize("examination", EXAMINATIONS.values(), ids=EXAMINATIONS.keys())
def test_each_examination_holds_sixty_texts_with_distinct_names(examination):
    assert len({k.name for k in examination.CASES}) == len(examination.CASES) == 60


@pytest.mark.parametrize("k", cases_of(EXAMINATIONS, "CHARGE_MISSES"))
def test_charges_are_inferred_from_the_text_alone(k):
    check_charges(k)


@pytest.mark.parametrize("k", cases_of(EXAMINATIONS, "AMOUNT_MISSES", has_amount))
def test_the_amount_is_read_within_one_percent(k):
    check_amount(k)


@pytest.mark.parametrize("k", cases_of(EXAMINATIONS, "QUANTITY_MISSES", has_quantity))
def test_drug_weight_blood_alcohol_and_injury_are_read(k):
    check_quantities(k)


@pytest.mark.parametrize("k", cases_of(EXAMINATIONS, "CIRCUMSTANCE_MISSES"))
def test_circumstances_are_the_lawyers_set(k):
    check_circumstances(k)


@pytest.mark.parametrize("k", cases_of(EXAMINATIONS, "MONTH_MISSES"))
def test_months_are_near_the_examiners_estimate(k):
    check_months(k)
