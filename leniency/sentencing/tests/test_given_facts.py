"""Facts given beside the text (a record's, a prosecutor's correction) override what the text gives."""

from decimal import Decimal

import pytest

from leniency.sentencing.calculator import calculate
from leniency.sentencing.calculator_adjust import applicable_circumstances
from leniency.sentencing.extract import extract
from leniency.sentencing.given import GivenFact, GivenFactError, apply_given, read_facts, sentence_at

TEXT = (
    "2025年3月1日，被告人张三在某商场盗窃手机一部，价值人民币8000元。"
    "案发后，张三主动退赔被害人全部损失，取得被害人谅解。"
)


def test_read_facts_give_each_fact_its_sentence():
    read = read_facts(extract(TEXT, charges=["盗窃"]))
    assert read["forgiveness"].value is True
    assert read["forgiveness"].sentence == "案发后，张三主动退赔被害人全部损失，取得被害人谅解。"
    assert read["restitution"].value is True
    assert read["amount_yuan"].value == Decimal("8000")
    assert read["amount_yuan"].sentence.startswith("2025年3月1日")
    assert read["plea"].value is False and read["plea"].sentence == ""


def test_a_given_circumstance_replaces_the_text_and_an_absent_one_removes_it():
    facts = extract(TEXT, charges=["盗窃"])
    given = [
        GivenFact("compensation", True, "record", "赔偿记录 2025-04-01"),
        GivenFact("forgiveness", False, "prosecutor", "谅解书未附卷"),
        GivenFact("plea", "prosecution_review", "record"),
    ]
    out = apply_given(facts, given)
    rules = applicable_circumstances(out).rules
    assert "compensation" in rules and "forgiveness" not in rules
    assert "compensation_and_forgiveness" not in rules
    assert applicable_circumstances(out).plea_stage == "prosecution_review"
    assert [g.key for g in out.given] == ["compensation", "forgiveness", "plea"]
    # the facts read from the text are left as they were
    assert facts.has("forgiveness") and not facts.has("plea") and facts.given == []


def test_given_facts_change_the_calculation():
    facts = extract(TEXT, charges=["盗窃"])
    plain = calculate(facts)
    pleaded = calculate(apply_given(facts, [GivenFact("plea", "investigation", "record")]))
    assert pleaded.months < plain.months


def test_a_given_quantity_replaces_the_read_one_and_a_later_fact_wins():
    facts = extract(TEXT, charges=["盗窃"])
    out = apply_given(
        facts, [GivenFact("amount_yuan", "9000", "record"), GivenFact("amount_yuan", "12000.5", "prosecutor")]
    )
    assert out.amount_yuan == Decimal("12000.5")
    assert [g.source for g in out.given] == ["prosecutor"]


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("bravery", True, "unknown fact 'bravery'"),
        ("plea", "appeal", "plea: 'appeal' is not a stage"),
        ("victims", "two", "victims: 'two' is not a number"),
        ("victims", "1.5", "not a whole number"),
        ("amount_yuan", "NaN", "amount_yuan: 'NaN' is not a number"),
        ("counts", "-2", "counts: '-2' is negative"),
        ("compensation", "maybe", "compensation: 'maybe' is not true or false"),
    ],
)
def test_a_fact_the_engine_cannot_use_is_refused_by_name(key, value, message):
    with pytest.raises(GivenFactError, match=message):
        GivenFact(key, value, "prosecutor")


def test_sentence_at_without_a_span_is_empty():
    assert sentence_at(TEXT, None) == ""
