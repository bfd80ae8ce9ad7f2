"""Hand-computed worked examples of the three-step method (三步法), one per common crime.

Rules: 2021 guiding opinions (法发〔2021〕21号) part 二 (method), 三 (circumstances), 四 (crimes);
engine defaults in standards/*.yaml (national thresholds; `start_at` and increments are configuration).
"""

from decimal import Decimal

from leniency.sentencing.calculator import calculate
from leniency.sentencing.facts import CaseFacts, DrugQuantity, Finding, InjuryGrade


def facts(charges, **kw):
    circumstances = [Finding(c) if isinstance(c, str) else Finding(*c) for c in kw.pop("circumstances", [])]
    return CaseFacts(text="", charges=charges, circumstances=circumstances, **kw)


def test_theft_ten_thousand_yuan_with_confession():
    """盗窃 10,000 yuan (四(十一)1): starting point 5 months; +1 month per 2,000 above 2,000 -> 9;
    坦白 -15% (三(7)) -> 7.65 -> 有期徒刑 8 months; range ±1 (width 2, unconfirmed); fine 50% of the
    amount = 5,000 (1,000 to 2x the amount)."""
    calc = calculate(facts(["盗窃"], amount_yuan=Decimal(10000), circumstances=["confession"]))
    assert (calc.months, calc.low, calc.high, calc.penalty) == (8, 7, 9, "imprisonment")
    assert calc.fine_yuan == Decimal(5000)
    assert calc.probation_lawful and calc.probation_advised
    assert [s.kind for s in calc.steps][:3] == ["starting_point", "baseline", "adjustment"]
    assert calc.steps[0].rule_id == "crime.theft.large"


def test_theft_huge_amount_moves_to_the_second_bracket():
    """盗窃 60,000 yuan >= 数额巨大 50,000: 3 years + (10,000 / 4,000) months = 38.5 -> 38 months."""
    calc = calculate(facts(["盗窃"], amount_yuan=Decimal(60000)))
    assert calc.months == 38 and calc.low >= 36


def test_dangerous_driving_bac_200():
    """危险驾驶 BAC 200 mg/100ml (四(二)): 1 month + 120/50 = 3.4; 坦白 -15% -> 2.89 -> 拘役 3 months;
    fine 2,000 + 1,000 x 2 = 4,000; BAC > 180 -> probation not advised (醉驾意见 2023)."""
    calc = calculate(facts(["危险驾驶"], blood_alcohol=Decimal(200), circumstances=["confession"]))
    assert (calc.months, calc.penalty) == (3, "detention")
    assert (calc.low, calc.high) == (3, 4)
    assert calc.fine_yuan == Decimal(4000)
    assert calc.probation_lawful and not calc.probation_advised


def test_intentional_injury_plea_bucket_capped_at_sixty_percent():
    """故意伤害 轻伤二级 (四(七)1): starting point 8 months. 认罪认罚 at investigation absorbs 自首 25% and
    赔偿+谅解 25%: 10% + 25% + 25% = 60%, the cap with those circumstances (三(14)) -> 3.2 -> 拘役 3."""
    calc = calculate(
        facts(["故意伤害"], injury=InjuryGrade.LIGHT_2,
              circumstances=["surrender", "compensation", "forgiveness", ("plea", "investigation")])
    )  # fmt: skip
    bucket = [s for s in calc.steps if s.rule_id == "circ.plea.bucket"]
    assert len(bucket) == 1 and bucket[0].ratio == -0.6
    assert not any(s.rule_id == "circ.surrender" for s in calc.steps)  # not counted twice
    assert (calc.months, calc.penalty) == (3, "detention")


def test_fraud_huge_amount():
    """诈骗 60,000 yuan >= 数额巨大 50,000 (四(十二)): 3 years + 10,000/5,000 = 38 months; range 36–48."""
    calc = calculate(facts(["诈骗"], amount_yuan=Decimal(60000)))
    assert (calc.months, calc.low, calc.high) == (38, 36, 48)


def test_drug_sale_small_quantity_recidivist():
    """贩卖毒品 0.5 g methamphetamine (四(二十)): 7 months + 0.5 x 2 = 8. 坦白 -15% x 0.7 (strict for
    drug crime) = -10.5%; 累犯 +20% but at least +3 months (三(15)): 8 x 0.895 + 3 = 10.16 -> 10 months;
    累犯 -> no probation (刑法第74条)."""
    calc = calculate(
        facts(["走私、贩卖、运输、制造毒品"], drugs=[DrugQuantity("甲基苯丙胺", Decimal("0.5"))],
              circumstances=["confession", "recidivist"])
    )  # fmt: skip
    assert calc.months == 10 and not calc.probation_lawful


def test_drug_fifty_grams_is_fifteen_years():
    """刑法第347条第2款: heroin/methamphetamine >= 50 g -> 15 years starting point (四(二十))."""
    calc = calculate(facts(["贩卖毒品"], drugs=[DrugQuantity("海洛因", Decimal(60))]))
    assert calc.months == 180


def test_robbery_with_only_lighter_circumstances_stays_at_the_minimum():
    """抢劫 3,000 yuan (四(十)): 36 + 1 = 37; 坦白 -10.5% -> 33.1 < 3 years; 坦白 is only 从轻, so the
    statutory minimum of 3 years is pronounced (三(二), 刑法第63条)."""
    calc = calculate(facts(["抢劫"], amount_yuan=Decimal(3000), circumstances=["confession"]))
    assert calc.months == 36
    assert any(s.kind == "clamp" for s in calc.steps)


def test_robbery_accessory_may_go_below_the_minimum():
    """抢劫 accessory (从犯, 三(5), 刑法第27条 应当从轻、减轻): 37 x 0.7 = 25.9 -> 26 months, below 3 years."""
    calc = calculate(facts(["抢劫"], amount_yuan=Decimal(3000), circumstances=["accessory"]))
    assert calc.months == 26


def test_two_crimes_combined_under_article_69():
    """盗窃 + 诈骗, 10,000 yuan, 坦白: theft 9 x 0.85 -> 8; fraud (6 + 5,000/3,000) x 0.85 = 6.5 -> 7.
    Art. 69: between 8 and 15; 8 + 50% x 7 = 11.5 -> 12 months."""
    calc = calculate(facts(["盗窃", "诈骗"], amount_yuan=Decimal(10000), circumstances=["confession"]))
    assert [c.months for c in calc.charges] == [8, 7]
    assert calc.months == 12 and 8 <= calc.low <= calc.months <= calc.high <= 15
    assert calc.steps[-2].kind == "combination" or any(s.kind == "combination" for s in calc.steps)


def test_life_sentence_is_a_flag_not_months():
    calc = calculate(facts(["贩卖毒品"], drugs=[DrugQuantity("海洛因", Decimal(500))]))
    assert calc.life_imprisonment and calc.months is None and calc.penalty == "life"


def test_charge_without_guideline_gets_a_bracket_estimate():
    """重婚 (刑法第258条, ≤2 years or 拘役): no guideline -> 25% of the bracket, low confidence."""
    calc = calculate(facts(["重婚罪"]))
    assert 6 <= calc.months <= 24 and calc.confidence == "low"
    assert any("no guideline" in n for n in calc.notes)


def test_empty_facts_give_a_flagged_generic_answer():
    calc = calculate(CaseFacts(text=""))
    assert calc.months == 12 and calc.confidence == "low" and calc.notes


def test_unknown_charge_falls_back_to_the_article():
    calc = calculate(CaseFacts(text="", charges=["外星罪"], articles=[264], amount_yuan=Decimal(3000)))
    assert calc.charges[0].charge == "盗窃"
    assert any("外星" in n for n in calc.notes)


def test_whole_case_adjustment_is_limited_to_twenty_percent():
    import pytest

    base = facts(["盗窃"], amount_yuan=Decimal(20000))
    assert calculate(base, whole_case_ratio=0.2).months > calculate(base).months
    with pytest.raises(ValueError, match="20%"):
        calculate(base, whole_case_ratio=0.3)


def test_to_dict_is_json_serialisable():
    import json

    calc = calculate(facts(["盗窃", "诈骗"], amount_yuan=Decimal(10000)))
    assert json.loads(json.dumps(calc.to_dict()))["charges"][0]["charge"] == "盗窃"


def test_reconciliation_absorbs_compensation_and_forgiveness():
    """盗窃 10,000 yuan: baseline 9 months (as above). 刑事和解 (三(12), default −30%) already weighs the
    compensation and the forgiveness (三(11)), which are not counted again: 9 × 0.7 = 6.3 -> 6 months.
    Without the reconciliation, 赔偿并谅解 (default −25%) applies: 9 × 0.75 = 6.75 -> 7 months."""
    both = calculate(
        facts(
            ["盗窃"],
            amount_yuan=Decimal(10000),
            circumstances=["reconciliation", "compensation", "forgiveness"],
        )
    )
    rules = {s.rule_id for s in both.steps if s.kind == "adjustment"}
    assert "reconciliation" in " ".join(rules) and not any(
        "compensation" in r or "forgiveness" in r for r in rules
    )
    assert both.months == 6
    without = calculate(
        facts(["盗窃"], amount_yuan=Decimal(10000), circumstances=["compensation", "forgiveness"])
    )
    assert without.months == 7


def test_court_confession_is_not_counted_beside_the_confession_a_plea_implies():
    """盗窃 10,000 yuan (baseline 9 months), 认罪认罚 at investigation and 当庭认罪: the plea counts as 坦白 (15%),
    and 当庭自愿认罪 is not counted beside 坦白 (三(8)): 10% + 15% = 25% -> 6.75 -> 7 months, the same as with
    a 坦白 found in the text (before, 当庭认罪 added 5% more, so finding 坦白 made the term heavier)."""
    court = calculate(facts(["盗窃"], amount_yuan=Decimal(10000),
                            circumstances=["court_confession", ("plea", "investigation")]))  # fmt: skip
    found = calculate(
        facts(["盗窃"], amount_yuan=Decimal(10000), circumstances=["confession", ("plea", "investigation")])
    )
    (bucket,) = [s for s in court.steps if s.rule_id == "circ.plea.bucket"]
    assert bucket.ratio == -0.25 and "当庭" not in bucket.description_zh
    assert court.months == found.months == 7
