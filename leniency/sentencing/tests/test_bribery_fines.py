"""The fines of 贪污贿赂 crimes follow 法释〔2016〕9号第十九条 (amount_brackets.yaml `fine_limits`): 贪污、受贿 by the
term imposed (三年以下或者拘役: 十万元以上五十万元以下; 三年以上十年以下: 二十万元以上犯罪数额二倍以下; 十年以上或者无期:
五十万元以上犯罪数额二倍以下), the chapter's other crimes with a fine 十万元以上犯罪数额二倍以下. Fact texts written for these
tests."""

from decimal import Decimal

import pytest

from leniency.sentencing.calculator import calculate
from leniency.sentencing.calculator_fine_limits import interpretation_limits
from leniency.sentencing.catalogue import find_charge
from leniency.sentencing.extract import extract
from leniency.sentencing.facts import CaseFacts
from leniency.sentencing.standards import load_standard
from leniency.sentencing.trace import Trace

BRIBE_450K = (
    "经审理查明，被告人王某某在担任某县国土资源局局长期间，利用职务上的便利，为他人在土地审批等方面谋取利益，先后多次收受"
    "他人财物共计人民币45万元。案发后，被告人王某某如实供述了自己的罪行，并退缴全部赃款。"
)
BRIBE_50K = (
    "经审理查明，2017年至2019年，被告人李某在担任某镇财政所所长期间，利用职务上的便利，为他人承揽工程提供帮助，收受他人"
    "现金人民币5万元。被告人李某到案后如实供述。"
)
BRIBE_3_8M = (
    "经审理查明，被告人张某利用担任某局副局长的职务便利，为他人谋取利益，非法收受他人财物共计人民币380万元。"
)
GIVING_80K = "经审理查明，被告人孙某为承揽工程，先后三次送给某局局长周某现金共计人民币8万元，谋取不正当利益。"
PRIVATE_BRIBE_200K = "经审理查明，被告人吴某在担任某公司采购经理期间，利用职务上的便利，收受供应商财物共计人民币20万元，为其谋取利益。"
MISUSE_300K = "经审理查明，被告人钱某在担任某乡财政所会计期间，利用职务上的便利，挪用公款人民币30万元用于个人炒股，超过三个月未还。"


def interpretation_steps(calc):
    return [s for s in calc.steps if "第十九条" in (s.citation or "")]


@pytest.mark.parametrize(
    ("charge", "text", "low", "high", "paragraph"),
    [
        ("受贿", BRIBE_50K, 100_000, 500_000, "第一款"),  # 三年以下
        ("受贿", BRIBE_450K, 200_000, 900_000, "第一款"),  # 三年以上十年以下: up to twice 45万
        ("受贿", BRIBE_3_8M, 500_000, 7_600_000, "第一款"),  # 十年以上
        ("行贿", GIVING_80K, 100_000, 160_000, "第二款"),  # the chapter's other crimes
    ],
    ids=["bribes-50k", "bribes-450k", "bribes-3.8m", "giving-80k"],
)
def test_corruption_fines_stay_inside_the_limits_of_article_19(charge, text, low, high, paragraph):
    calc = calculate(extract(text, charges=[charge]))
    assert calc.fine_yuan is not None and Decimal(low) <= calc.fine_yuan <= Decimal(high)
    steps = interpretation_steps(calc)
    assert steps and paragraph in steps[-1].citation


def test_the_lead_case_of_450k_bribes_is_fined_at_least_200k_not_by_the_month():
    """45万 of bribes, three to ten years: the per-month estimate (1,000 yuan a month) is below the floor."""
    calc = calculate(extract(BRIBE_450K, charges=["受贿"]))
    assert 36 <= calc.months <= 120
    assert calc.fine_yuan == Decimal(200_000)


@pytest.mark.parametrize(
    ("charge", "text"),
    [
        ("非国家工作人员受贿", PRIVATE_BRIBE_200K),  # 刑法第163条, chapter three: not a 贪污贿赂 crime
    ],
)
def test_bribery_outside_chapter_eight_keeps_the_estimate(charge, text):
    calc = calculate(extract(text, charges=[charge]))
    assert calc.fine_yuan is not None and calc.fine_yuan < Decimal(100_000)
    assert not interpretation_steps(calc)


def test_misappropriation_of_public_funds_carries_no_fine():
    """刑法第384条 names no fine, so 第十九条第二款 ("刑法规定并处罚金的") does not reach it."""
    calc = calculate(extract(MISUSE_300K, charges=["挪用公款"]))
    assert calc.fine_yuan is None


def limit(value, charge, imposed, amount):
    facts = CaseFacts(text="", charges=[charge], amount_yuan=None if amount is None else Decimal(amount))
    return interpretation_limits(value, find_charge(charge), imposed, facts, load_standard(), Trace())


@pytest.mark.parametrize(
    ("value", "charge", "imposed", "amount", "expected"),
    [
        (900_000, "受贿", 1, 300_000, 600_000),  # at most twice the amount
        (
            900_000,
            "受贿",
            0,
            300_000,
            500_000,
        ),  # a term of three years or less: at most 50万, whatever the amount
        (
            30_000,
            "受贿",
            0,
            250_000,
            100_000,
        ),  # mitigated below its own bracket: the floor of the term imposed binds
        (300_000, "贪污", 1, 250_000, 300_000),  # inside: unchanged
        (900_000, "贪污", 3, 2_000_000, 900_000),  # life: the last entry (50万 to twice the amount)
        (50_000, "行贿", 0, 40_000, 100_000),  # twice the amount below the floor: the floor
        (50_000, "受贿", 1, None, 200_000),  # no amount read: the floor alone
        (5_000, "非国家工作人员受贿", 0, 200_000, 5_000),  # no entry: unchanged
    ],
)
def test_interpretation_limits(value, charge, imposed, amount, expected):
    assert limit(value, charge, imposed, amount) == expected
