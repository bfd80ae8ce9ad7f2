"""Death or life imprisonment only where the statute and an explicit fact support it, never from a default
(issue 16 failure class 6: a fixed-term truth predicted as death costs the most of any single error)."""

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leniency.sentencing.calculator import calculate
from leniency.sentencing.catalogue import all_charges, find_charge
from leniency.sentencing.facts import CaseFacts, DrugQuantity, Finding, InjuryGrade

CHARGES = sorted(info.name for info in all_charges())
WORDS = [
    "情节严重",
    "情节特别严重",
    "数额巨大",
    "数额特别巨大",
    "情节特别恶劣",
    "造成特别严重后果",
    "致人重伤",
    "多次",
]
CIRCUMSTANCES = ["recidivist", "prior_record", "principal", "surrender", "confession", "plea", "accessory"]

fixed_term_facts = st.fixed_dictionaries(
    {
        "charge": st.sampled_from(CHARGES),
        "amount": st.one_of(st.none(), st.integers(100, 50_000_000)),
        "words": st.lists(st.sampled_from(WORDS), max_size=4),
        "counts": st.one_of(st.none(), st.integers(1, 20)),
        "victims": st.one_of(st.none(), st.integers(1, 10)),
        "injury": st.one_of(
            st.none(), st.sampled_from([InjuryGrade.MINOR, InjuryGrade.LIGHT_2, InjuryGrade.LIGHT_1])
        ),
        "circumstances": st.lists(st.sampled_from(CIRCUMSTANCES), unique=True, max_size=3),
    }
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(fixed_term_facts)
def test_no_charge_gets_life_or_death_without_a_death_a_serious_injury_or_a_drug_quantity(d):
    """Any charge of the Criminal Law, any amount, counts, victims, light injuries and the statute's
    aggravating words: without a death, a serious injury or a drug quantity in the facts, a fixed term."""
    calc = calculate(
        CaseFacts(
            text="，".join(d["words"]),
            charges=[d["charge"]],
            amount_yuan=Decimal(d["amount"]) if d["amount"] else None,
            counts=d["counts"],
            victims=d["victims"],
            injury=d["injury"],
            circumstances=[Finding(c) for c in d["circumstances"]],
        )
    )
    assert not calc.death_penalty and not calc.life_imprisonment
    assert calc.months is not None and calc.penalty not in ("death", "life")


def test_no_charge_of_the_criminal_law_gets_life_or_death_from_its_bare_charge_or_its_aggravating_words():
    """Every charge, once with nothing but the charge and once with the largest amount, many acts and
    victims, a light injury, 累犯 and every aggravating word of the statute: always a fixed term."""
    heavy = dict(
        text="，".join(WORDS),
        amount_yuan=Decimal(50_000_000),
        counts=20,
        victims=10,
        injury=InjuryGrade.LIGHT_1,
        circumstances=[Finding("recidivist"), Finding("principal")],
    )
    for name in CHARGES:
        for facts in (CaseFacts(text="", charges=[name]), CaseFacts(charges=[name], **heavy)):
            calc = calculate(facts)
            assert not (calc.death_penalty or calc.life_imprisonment), name


def test_hijacking_without_harm_is_a_fixed_term_not_the_death_bracket_listed_first():
    """刑法第121条: 劫持航空器 "处十年以上有期徒刑或者无期徒刑；致人重伤、死亡或者使航空器遭受严重破坏的，处死刑".
    The catalogue lists the death bracket first; with no harm in the facts the case starts in the basic
    bracket (10 years and more), and only an extracted death moves it to death."""
    assert (
        find_charge("劫持航空器").brackets[0].death
        and find_charge("劫持航空器").brackets[0].imprisonment is None
    )
    plain = calculate(CaseFacts(text="", charges=["劫持航空器"]))
    assert plain.penalty == "imprisonment" and 120 <= plain.months <= 180
    killed = calculate(CaseFacts(text="", charges=["劫持航空器"], injury=InjuryGrade.DEATH))
    assert killed.death_penalty and killed.months is None


def test_a_drug_quantity_the_facts_state_can_give_life():
    """刑法第347条第2款 allows life from 50 g of heroin; the engine gives it from 300 g (drug_trafficking.yaml)."""
    calc = calculate(CaseFacts(text="", charges=["贩卖毒品"], drugs=[DrugQuantity("海洛因", Decimal(500))]))
    assert calc.life_imprisonment and any(s.rule_id == "method.life" for s in calc.steps)
