"""E58, a second independent examiner: 60 judgment texts the engine's readers were never fixed on, scored per reader
against what a careful lawyer reads (test_e58_cases_common, test_e58_cases_rest).

Charges are inferred with none given (as `recommend` without --charge); amount, circumstances and months are read
with the gold charges given. Months are compared with the examiner's ESTIMATE, not a court's term: a miss is a log
distance |ln(1+a) - ln(1+b)| above MONTHS_TOLERANCE. Each text the engine gets wrong at HEAD is a strict xfail whose
reason names its failure class, so that a fix shows up as an XPASS to be removed here.
"""

from __future__ import annotations

import math
from decimal import Decimal

import pytest

from leniency.sentencing.calculator import calculate
from leniency.sentencing.catalogue import find_charge
from leniency.sentencing.extract import extract
from leniency.sentencing.tests.test_e58_cases_common import COMMON, Case
from leniency.sentencing.tests.test_e58_cases_rest import REST
from leniency.sentencing.tests.written_texts import written_case

CASES = COMMON + REST
MONTHS_TOLERANCE = 0.35  # about a third either way: 7 for an estimate of 10, 2 for 3

# failure classes (the report lists them with their counts)
COURT_CONFESSION_BESIDE = (
    "circumstance: 当庭认罪 kept beside 坦白 (2021 guideline 三(8) counts it only without 自首/坦白)"
)
COURT_ADMISSION_AS_CONFESSION = "circumstance: 庭审中供认不讳 read as 坦白, a confession on arrest"
# E80 decided by 三(10) (退赃、退赔 makes good a victim's loss): a gain with no victim given up is no restitution, as the
# E65 and E72 examiners read it; this examiner read it as one
GAIN_GIVEN_UP = "circumstance: 退缴违法所得 of a crime with no victim read by the examiner as 退赃退赔"
ECOLOGICAL_COMPENSATION = "circumstance: 缴纳生态环境损害赔偿款 not read as compensation"
SHORT_TERMS_LOW = "months: short terms with stacked leniency fall well below the estimate (calibration)"
BELOW_QUOTED = "months: below the prosecutor's quoted recommendation, which the text states"
BELOW_FLOOR = "months: below the bracket's floor by arithmetic on a 可以减轻 circumstance (立功/自首)"
APPEAL_ORIGINAL = "months: appeal/retrial recomputed from the facts, the original term (原判) not weighed"
SEVERAL_SHORT = "months: several charges, each term short; the combination keeps only the longest"
ESTIMATE_WRONG = "months: the examiner's estimate was wrong (持械聚众斗殴 is art. 292 (4)'s 3-10 year tier)"

CHARGES_XFAIL: dict[str, str] = {}
AMOUNT_XFAIL: dict[str, str] = {}
CIRCUMSTANCES_XFAIL = {
    "illegal_business_cigarettes": GAIN_GIVEN_UP,
}
# a charge without a guideline starts where the guideline starts its crimes of the same bracket (三年以下/拘役: 8 months;
# Standard.guideline_start): the dev judgments of such charges agree with that start, not with a higher estimate
GUIDELINE_ANALOGY = "months: below the estimate from a charge without a guideline, started at the guideline's start for its bracket"
MONTHS_XFAIL = {
    "forging_state_seals": BELOW_QUOTED,
    "drunk_driving_accident_surrender_forgiven": SHORT_TERMS_LOW,
    "drunk_driving_minor_injury_compensated": SHORT_TERMS_LOW,
    "injury_two_light_accessory": SHORT_TERMS_LOW,
    "online_dating_fraud_repaid": SHORT_TERMS_LOW,
    "drug_possession_thirty_six_grams": SHORT_TERMS_LOW,
    "misappropriation_cashier_gambling": SHORT_TERMS_LOW,
    "illegal_sand_mining": SHORT_TERMS_LOW,
    "injury_light_one_knife_no_compensation": SHORT_TERMS_LOW,
    "theft_bikes_probation_recommended": BELOW_QUOTED,
    "injury_light_two_surrender_forgiven": BELOW_QUOTED,
    "theft_jewellery_especially_large_meritorious": BELOW_FLOOR,
    "injury_serious_two_surrender_compensated": BELOW_FLOOR,
    "appeal_injury_dismissed": APPEAL_ORIGINAL,
    "appeal_theft_repaid_after_first_instance": APPEAL_ORIGINAL,
    "retrial_fraud_amount_reduced": APPEAL_ORIGINAL,
    "theft_and_fraud_each_counted": SEVERAL_SHORT,
    "embezzlement_and_misappropriation": SEVERAL_SHORT,
    "affray_active_participant": ESTIMATE_WRONG,
}


def cases_for(known_failures: dict[str, str], cases: list[Case] = CASES) -> list:
    return [written_case(case.name, case, misses=known_failures) for case in cases]


def canonical(names) -> list[str]:
    return sorted(find_charge(name).name if find_charge(name) else name for name in names)


def test_every_failure_names_a_case_of_this_file():
    names = {case.name for case in CASES}
    assert len(names) == len(CASES) == 60
    for known in (CHARGES_XFAIL, AMOUNT_XFAIL, CIRCUMSTANCES_XFAIL, MONTHS_XFAIL):
        assert set(known) <= names


@pytest.mark.parametrize("case", cases_for(CHARGES_XFAIL))
def test_charges_inferred_with_none_given(case: Case):
    assert canonical(extract(case.text).charges) == canonical(case.charges)


@pytest.mark.parametrize("case", cases_for(AMOUNT_XFAIL, [c for c in CASES if c.amount is not None]))
def test_amount_within_one_percent(case: Case):
    amount = extract(case.text, charges=list(case.charges)).amount_yuan
    assert amount is not None and abs(amount - case.amount) <= case.amount * Decimal("0.01")


@pytest.mark.parametrize("case", cases_for(CIRCUMSTANCES_XFAIL))
def test_circumstances_exact_set(case: Case):
    facts = extract(case.text, charges=list(case.charges))
    assert {str(finding.code) for finding in facts.circumstances} == case.circumstances


@pytest.mark.parametrize("case", cases_for(MONTHS_XFAIL))
def test_months_near_the_estimate(case: Case):
    result = calculate(extract(case.text, charges=list(case.charges)))
    assert result.months is not None
    assert abs(math.log1p(result.months) - math.log1p(case.months)) <= MONTHS_TOLERANCE
