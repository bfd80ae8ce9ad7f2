"""Every cap and clamp of the calculator, each in a case where it binds (without it the result differs),
and a property: no combination of circumstances exceeds its caps, even with every ratio at the top of
its range.

Caps that cannot bind with the national data are listed in `UNREACHABLE` with the reason; the property
test still holds them.
"""

import copy
import dataclasses
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leniency.sentencing.calculator import calculate
from leniency.sentencing.calculator_adjust import Applied, adjust
from leniency.sentencing.facts import CaseFacts, DrugQuantity, Finding, InjuryGrade
from leniency.sentencing.standards import load_standard
from leniency.sentencing.trace import Trace

UNREACHABLE = {
    "penalty_kinds.imprisonment.min/max": "the clamp already keeps a term inside its bracket (6-180 months)",
    "penalty_kinds.detention.min": "a bracket with 拘役 clamps at 1 month before the kind is chosen",
    "probation.period max": "an advised term is at most 24 months (36 for a minor): 1.5 x 36 = 54 < 60",
    "fines amount_ratio max_ratio": "ratio <= max_ratio in every crime file",
}


def facts(charges, **kw):
    circumstances = [Finding(c) if isinstance(c, str) else Finding(*c) for c in kw.pop("circumstances", [])]
    return CaseFacts(text="", charges=charges, circumstances=circumstances, **kw)


def steps(calc, rule_id):
    return [s for s in calc.steps if s.rule_id == rule_id]


def with_defaults(standard, **defaults):
    """A local standard whose circumstances take other default ratios (as a province's rules may)."""
    rules = {
        rid: dataclasses.replace(rule, default=defaults.get(rid, rule.default))
        for rid, rule in standard.circumstances.items()
    }
    return dataclasses.replace(standard, circumstances=rules)


# --- the plea bucket (2021 guiding opinions 三(14)) ---


def test_plea_bucket_cap_of_sixty_percent_binds():
    """盗窃 16,000 yuan, baseline 12 months. 认罪认罚 at investigation absorbs 自首 25% and 刑事和解 30% and adds its
    own 10%: 65%, capped at 60% -> 4.8 -> 拘役 5 (without the cap: 4.2 -> 4). Without the plea the two give 55%:
    the plea still adds to them."""
    calc = calculate(
        facts(["盗窃"], amount_yuan=Decimal(16000),
              circumstances=["surrender", "reconciliation", ("plea", "investigation")])
    )  # fmt: skip
    (bucket,) = steps(calc, "circ.plea.bucket")
    assert bucket.months_before == 12
    assert bucket.ratio == -0.6
    assert "上限60%" in bucket.description_zh
    assert (calc.months, calc.penalty) == (5, "detention")


def test_the_plea_never_gives_less_than_the_circumstances_it_absorbs():
    """2019认罪认罚指导意见 第9条: a plea's leniency is generally larger than without it. 自首 25%, 刑事和解 30% and 退赃
    15% give 70% on their own; with a plea the bucket keeps them (70%, above 60%: 三(14) lets a minor crime go
    there) instead of cutting them to 60%, which made the plea raise the term (拘役 4 -> 5)."""
    circumstances = ["surrender", "reconciliation", "restitution"]
    alone = calculate(facts(["盗窃"], amount_yuan=Decimal(16000), circumstances=circumstances))
    pleaded = calculate(
        facts(["盗窃"], amount_yuan=Decimal(16000), circumstances=[*circumstances, ("plea", "investigation")])
    )
    (bucket,) = steps(pleaded, "circ.plea.bucket")
    assert bucket.ratio == -0.7
    assert pleaded.months <= alone.months == 4


def test_plea_bucket_cap_of_thirty_percent_alone_binds():
    """Where a local rule gives the plea itself 25%, 认罪认罚 with only 坦白 (15%) would be 40%; without 自首,
    退赃, 赔偿谅解 or 和解 the bucket stops at 30% (三(14): 可以减少基准刑的30%以下)."""
    standard = with_defaults(load_standard(), plea=0.25)
    calc = calculate(
        facts(["盗窃"], amount_yuan=Decimal(10000), circumstances=["confession", ("plea", "investigation")]),
        standard,
    )
    (bucket,) = steps(calc, "circ.plea.bucket")
    assert bucket.ratio == -0.3
    assert bucket.months_after == pytest.approx(9 * 0.7, abs=0.01)


# --- the additive circumstances ---


def test_net_reductions_never_take_the_term_below_a_tenth_of_the_baseline():
    """自首 25% + 重大立功 30% + 退赃 15% + 刑事和解 30% = 100% off: the engineering floor keeps 10% of B1
    (method.yaml combination.floor_ratio) instead of a term of zero."""
    standard = load_standard()
    applied = Applied(rules=["surrender", "major_meritorious", "restitution", "reconciliation"])
    adjusted = adjust(20.0, applied, standard.crime("盗窃"), standard, "盗窃", Trace())
    assert adjusted.months == pytest.approx(2.0)


def test_recidivist_increase_is_at_least_three_months():
    """盗窃 3,000 yuan: baseline 5.5 months; 累犯 20% is 1.1 months, raised to the usual minimum of 3 (三(15))."""
    calc = calculate(facts(["盗窃"], amount_yuan=Decimal(3000), circumstances=["recidivist"]))
    (minimum,) = steps(calc, "circ.recidivist.min_months")
    assert minimum.months_after == pytest.approx(8.5)
    assert calc.months == 8


# --- the statutory bracket (刑法第63条; 2021 guiding opinions 三(一)(二)) ---


def test_result_above_the_statutory_maximum_is_the_maximum():
    """盗窃 49,000 yuan (数额较大 bracket, at most 3 years): 28.5 months, 累犯 +20% = 34.2, whole case +20% =
    41.0 -> the bracket's maximum, 36 months."""
    calc = calculate(
        facts(["盗窃"], amount_yuan=Decimal(49000), circumstances=["recidivist"]), whole_case_ratio=0.2
    )
    (clamp,) = steps(calc, "method.clamp")
    assert (clamp.months_before, clamp.months_after) == (41.04, 36.0)
    assert calc.months == 36


def test_mandatory_mitigation_goes_below_the_minimum_even_when_the_result_does_not():
    """胁从犯 (刑法第28条: 应当减轻或者免除处罚): 盗窃 300,000 yuan, 数额巨大 bracket (3-10 years), baseline
    98.5 months x 50% = 49.25, still above 3 years; a mandatory mitigation puts it under the floor: 35 months."""
    calc = calculate(facts(["盗窃"], amount_yuan=Decimal(300000), circumstances=["coerced"]))
    (clamp,) = steps(calc, "method.clamp")
    assert "应当减轻" in clamp.description_zh
    assert (clamp.months_before, clamp.months_after) == (49.25, 35.0)
    assert calc.months == 35


def test_increment_is_capped_at_its_maximum():
    """危险驾驶 BAC 400: (400 - 80) / 50 = 6.4 months of increment, capped at 6 (dangerous_driving.yaml max_months)."""
    calc = calculate(facts(["危险驾驶"], blood_alcohol=Decimal(400)))
    (increment,) = steps(calc, "crime.dangerous_driving.basic.increment.bac")
    assert increment.months_after - increment.months_before == pytest.approx(6.0)


def test_detention_above_six_months_is_six():
    """危险驾驶 is punished by 拘役 only (刑法第133条之一): 1 + 6 = 7 months is clamped to the 6-month maximum."""
    calc = calculate(facts(["危险驾驶"], blood_alcohol=Decimal(400)))
    assert (calc.months, calc.penalty) == (6, "detention")
    assert steps(calc, "method.clamp")[0].months_after == 6.0


def test_a_baseline_above_the_ceiling_is_capped_in_the_result():
    """盗窃 390,000 yuan, 数额巨大 bracket (3-10 years): 3 years + 350,000 / 4,000 months = 123.5 > 120 months. The
    baseline keeps its 123.5 for the circumstances; the ceiling binds what they give (FACTS §1.3 point 3)."""
    calc = calculate(facts(["盗窃"], amount_yuan=Decimal(390000)))
    assert not [s for s in steps(calc, "method.clamp") if "基准刑" in s.description_zh]
    clamp = steps(calc, "method.clamp")
    assert clamp and clamp[-1].months_before > 120 and clamp[-1].months_after == 120
    assert calc.months == 120


# --- several crimes (刑法第69条) ---


def test_combined_fixed_terms_are_capped_at_twenty_years():
    """贩卖毒品 60 g heroin (15 years) + 故意杀人 (15 years, crimes/intentional_homicide.yaml): 180 + 180 = 360 months,
    30 years, under 35 -> at most 20 years, 240 months (art. 69)."""
    calc = calculate(facts(["贩卖毒品", "故意杀人"], drugs=[DrugQuantity("海洛因", Decimal(60))]))
    assert [c.months for c in calc.charges] == [180, 180]
    assert calc.months == 240


# --- probation (刑法第72、74条) ---


def test_probation_is_unlawful_above_three_years():
    """诈骗 100,000 yuan with 坦白: 46 x 0.85 = 39 months > 3 years (刑法第72条)."""
    calc = calculate(facts(["诈骗"], amount_yuan=Decimal(100000), circumstances=["confession"]))
    assert calc.months == 39 and not calc.probation_lawful
    assert "刑期超过三年" in steps(calc, "method.probation")[0].description_zh


def test_probation_is_unlawful_for_a_recidivist():
    calc = calculate(facts(["盗窃"], amount_yuan=Decimal(3000), circumstances=["recidivist", "surrender"]))
    assert calc.months <= 36 and not calc.probation_lawful


def test_probation_is_not_advised_above_two_years():
    """盗窃 49,000 yuan with 坦白: 28.5 x 0.85 = 24.2 -> 24 months is advised; +20% whole case = 29 months is
    lawful but not advised (method.yaml probation.advise_max_months)."""
    advised = calculate(facts(["盗窃"], amount_yuan=Decimal(49000), circumstances=["confession"]))
    longer = calculate(
        facts(["盗窃"], amount_yuan=Decimal(49000), circumstances=["confession"]), whole_case_ratio=0.2
    )
    assert advised.months == 24 and advised.probation_advised
    assert longer.months == 29 and longer.probation_lawful and not longer.probation_advised


def test_probation_period_is_at_least_a_year_for_imprisonment():
    """盗窃 3,000 yuan with 坦白: 5.5 x 0.85 = 4.7 -> 拘役 5 (period 2 x 5 = 10); 诈骗 10,000 with 坦白:
    有期徒刑 7 months, 1.5 x 7 = 10.5 -> the minimum 12 months (刑法第73条: 有期徒刑缓刑考验期不能少于一年)."""
    calc = calculate(facts(["诈骗"], amount_yuan=Decimal(10000), circumstances=["confession"]))
    assert (calc.months, calc.penalty) == (7, "imprisonment")
    assert calc.probation_months == 12


def test_strict_crimes_need_two_mitigating_circumstances_for_probation():
    """贩卖毒品 0.5 g methamphetamine (drug_trafficking.yaml strict_probation): 7 months with 坦白 alone is
    lawful but not advised; with 坦白 and 立功 it is."""
    meth = [DrugQuantity("甲基苯丙胺", Decimal("0.5"))]
    one = calculate(facts(["走私、贩卖、运输、制造毒品"], drugs=meth, circumstances=["confession"]))
    two = calculate(
        facts(["走私、贩卖、运输、制造毒品"], drugs=meth, circumstances=["confession", "meritorious"])
    )
    assert one.months == two.months == 7
    assert one.probation_lawful and not one.probation_advised
    assert two.probation_advised


# --- the property: no combination exceeds its caps ---

CHARGES = [
    "盗窃",
    "诈骗",
    "抢劫",
    "故意伤害",
    "危险驾驶",
    "走私、贩卖、运输、制造毒品",
    "寻衅滋事",
    "重婚",
    "非法经营",
]
CIRCUMSTANCES = ["surrender", "confession", "court_confession", "meritorious", "major_meritorious", "restitution",
                 "compensation", "forgiveness", "reconciliation", "attempt", "accessory", "coerced",
                 "discontinuation", "minor", "elderly", "recidivist", "prior_record", "plea"]  # fmt: skip


def _at_the_top_of_every_range():
    standard = load_standard()
    return with_defaults(standard, **{rid: rule.range[1] for rid, rule in standard.circumstances.items()})


STANDARDS = [load_standard(), _at_the_top_of_every_range()]

case = st.fixed_dictionaries(
    {
        "charges": st.lists(st.sampled_from(CHARGES), min_size=1, max_size=2, unique=True),
        "amount": st.one_of(st.none(), st.integers(100, 5_000_000)),
        "bac": st.one_of(st.none(), st.integers(80, 400)),
        "injury": st.one_of(st.none(), st.sampled_from(list(InjuryGrade))),
        "circumstances": st.lists(st.sampled_from(CIRCUMSTANCES), unique=True, max_size=8),
        "stage": st.sampled_from(["investigation", "prosecution_review", "trial"]),
        "standard": st.sampled_from([0, 1]),
        "whole_case": st.sampled_from([0.0, 0.2, -0.2]),
    }
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case)
def test_no_combination_of_circumstances_exceeds_its_caps(d):
    standard = STANDARDS[d["standard"]]
    method = standard.method
    bucket_cfg = method["plea_bucket"]

    def calculated(codes):
        return calculate(
            CaseFacts(
                text="",
                charges=d["charges"],
                amount_yuan=Decimal(d["amount"]) if d["amount"] else None,
                blood_alcohol=Decimal(d["bac"]) if d["bac"] else None,
                injury=d["injury"],
                circumstances=[Finding(c, d["stage"]) if c == "plea" else Finding(c) for c in codes],
            ),
            standard,
            whole_case_ratio=d["whole_case"],
        )

    calc = calculated(d["circumstances"])
    # what the circumstances the plea absorbs give on their own, per charge: the plea never gives less (2019认罪认罚
    # 指导意见 第9条), so the bucket is capped at 60% / 30% or at that, whichever is higher
    absorbed = {f"circ.{r}" for r in (*bucket_cfg["absorbs"], "compensation_and_forgiveness")}
    alone: dict[str, float] = {}
    for step in calculated([c for c in d["circumstances"] if c != "plea"]).steps:
        if step.rule_id in absorbed:
            alone[step.charge] = alone.get(step.charge, 0.0) - step.ratio
    for step in calc.steps:
        if step.rule_id == "circ.plea.bucket":
            own = alone.get(step.charge, 0.0)
            assert -step.ratio <= max(bucket_cfg["cap_with"], own) + 1e-9
            if "上限30%" in step.description_zh:
                assert -step.ratio <= bucket_cfg["cap_alone"] + 1e-9
        elif step.rule_id.startswith("circ.") and step.ratio is not None:
            rule = standard.circumstances[step.rule_id.removeprefix("circ.")]
            assert rule.range[0] - 1e-9 <= abs(step.ratio) <= rule.range[1] + 1e-9, step
        elif step.rule_id == "method.whole_case":
            assert abs(step.ratio) <= method["whole_case"]["max_ratio"] + 1e-9
    if calc.months is None:
        return
    combined = method["combined_sentence"]
    if calc.penalty == "detention":
        assert 1 <= calc.months <= (combined["detention_cap"] if len(calc.charges) > 1 else 6)
    else:
        assert calc.months <= max(combined["imprisonment_cap_if_total_under_35y"], 180)
    if calc.probation_lawful:
        assert calc.months <= method["probation"]["max_months"]
        assert "recidivist" not in d["circumstances"]
    if calc.probation_months is not None:
        kind = "detention" if calc.penalty == "detention" else "imprisonment"
        bounds = method["probation"]["period"][kind]
        assert bounds["min"] <= calc.probation_months <= bounds["max"]


def test_the_top_of_range_standard_really_pushes_the_plea_bucket_past_its_cap():
    """The property's second standard is a real test of the cap: there, 认罪认罚 with 自首 would exceed 60%."""
    standard = STANDARDS[1]
    own = standard.circumstances["plea"].default + standard.circumstances["surrender"].default
    assert own > standard.method["plea_bucket"]["cap_with"]
    assert copy.deepcopy(standard.method) == load_standard().method
