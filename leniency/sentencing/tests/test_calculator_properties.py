"""Properties of the calculator: mitigation never raises, aggravation never lowers, results are lawful."""

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leniency.sentencing.calculator import calculate
from leniency.sentencing.catalogue import find_charge
from leniency.sentencing.facts import CaseFacts, DrugQuantity, Finding, InjuryGrade

CHARGES = ["盗窃", "诈骗", "抢劫", "故意伤害", "危险驾驶", "走私、贩卖、运输、制造毒品", "非法持有毒品", "寻衅滋事",
           "交通肇事", "强奸", "开设赌场", "重婚", "故意杀人", "非法经营", "容留他人吸毒", "贪污"]  # fmt: skip
MITIGATING = ["surrender", "confession", "court_confession", "meritorious", "major_meritorious", "restitution",
              "compensation", "forgiveness", "reconciliation", "attempt", "accessory", "coerced", "preparation",
              "discontinuation", "deaf_mute_blind", "limited_capacity", "minor", "elderly"]  # fmt: skip
AGGRAVATING = ["recidivist", "prior_record"]


def severity(calc) -> tuple[int, float]:
    """Order outcomes by kind, then months: death > life > 有期徒刑 > 拘役 (刑法第33条 order of principal
    penalties). By kind first, because art. 69 executes only the imprisonment when a crime carries 拘役."""
    rank = {"death": 5, "life": 4, "imprisonment": 3, "detention": 2, "surveillance": 1}.get(calc.penalty, 0)
    return rank, float(calc.months or 0)


case = st.fixed_dictionaries(
    {
        "charges": st.lists(st.sampled_from(CHARGES), min_size=1, max_size=2, unique=True),
        "amount": st.one_of(st.none(), st.integers(100, 2_000_000)),
        "bac": st.one_of(st.none(), st.integers(80, 350)),
        "grams": st.one_of(st.none(), st.floats(0.01, 2000)),
        "injury": st.one_of(st.none(), st.sampled_from(list(InjuryGrade))),
        "counts": st.one_of(st.none(), st.integers(1, 10)),
        "circumstances": st.lists(
            st.sampled_from(MITIGATING + AGGRAVATING + ["plea"]), unique=True, max_size=5
        ),
        "stage": st.sampled_from(["investigation", "prosecution_review", "trial"]),
    }
)


def build(d, extra=None):
    codes = list(d["circumstances"]) + ([extra] if extra and extra not in d["circumstances"] else [])
    findings = [Finding(c, d["stage"]) if c == "plea" else Finding(c) for c in codes]
    return CaseFacts(
        text="",
        charges=d["charges"],
        amount_yuan=Decimal(d["amount"]) if d["amount"] is not None else None,
        blood_alcohol=Decimal(d["bac"]) if d["bac"] is not None else None,
        drugs=[DrugQuantity("甲基苯丙胺", Decimal(str(round(d["grams"], 2))))] if d["grams"] else [],
        injury=d["injury"],
        counts=d["counts"],
        circumstances=findings,
    )


SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(case, st.sampled_from(MITIGATING + ["plea"]))
def test_a_mitigating_circumstance_never_raises_the_term(d, extra):
    assert severity(calculate(build(d, extra))) <= severity(calculate(build(d)))


@SETTINGS
@given(case, st.sampled_from(AGGRAVATING))
def test_an_aggravating_circumstance_never_lowers_the_term(d, extra):
    assert severity(calculate(build(d, extra))) >= severity(calculate(build(d)))


@SETTINGS
@given(case)
def test_the_result_is_always_lawful(d):
    calc = calculate(build(d))
    if calc.death_penalty or calc.life_imprisonment:
        assert calc.months is None
        return
    assert calc.low <= calc.months <= calc.high
    if calc.penalty in ("fine_only", "exempt"):  # no principal penalty (刑法第37条, 第52条)
        assert calc.months == calc.low == calc.high == 0
        for result in calc.charges:
            if result.penalty == "fine_only":
                assert find_charge(result.charge).brackets[0].fine_only_allowed
        return
    if calc.penalty == "detention":
        assert 1 <= calc.low and calc.high <= (12 if len(calc.charges) > 1 else 6)
    else:
        assert calc.penalty == "imprisonment" and 6 <= calc.months <= 300
    for result in calc.charges:
        info = find_charge(result.charge)
        if result.months is not None:
            assert result.months <= max(info.max_months, 6)
            assert result.low <= result.months <= result.high
            assert result.high <= max(info.max_months, 6)
    if len(calc.charges) == 1 and calc.charges[0].months is not None:
        assert calc.months == calc.charges[0].months
