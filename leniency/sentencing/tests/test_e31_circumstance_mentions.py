"""Every mention of a circumstance, with its span, scopes it to the count that tells it (issue 16, class 3).

The extraction keeps each un-negated mention (`CaseFacts.circumstance_mentions`) beside the case's first mention of
each circumstance (`CaseFacts.circumstances`); a charge of several takes the act circumstances (circumstances.yaml
`scope: act`: 退赃退赔, 谅解 …, 2021量刑指导意见 三(10)、(11)) its own acts tell, whichever mention came first in the
text (刑法第69条: each crime on its own facts); circumstances of the person (自首, 刑法第67条) stay every charge's,
by the scopes of the standard being calculated.

Fact texts written for these tests, not taken from any data set.
"""

import dataclasses

from leniency.sentencing.calculator import calculate
from leniency.sentencing.calculator_adjust import applicable_circumstances
from leniency.sentencing.calculator_scope import own_circumstances, scoped
from leniency.sentencing.extract import extract
from leniency.sentencing.extraction.circumstances import find_circumstances, read_circumstances
from leniency.sentencing.given import GivenFact, apply_given
from leniency.sentencing.standards import load_standard
from leniency.sentencing.trace import Trace

THEFT = "一、2021年3月5日晚，被告人王某在某超市盗窃被害人陈某的手机一部，价值人民币4000元。"
FRAUD = "二、2021年3月20日，被告人王某以帮助办理贷款为名骗取被害人刘某人民币6000元。"
INJURY = "二、2021年3月20日，被告人王某因琐事殴打被害人李某，致李某轻伤二级。"
SURRENDER = "2021年4月1日，王某主动到派出所投案，如实供述了上述犯罪事实。"


def _told(count: str, after: str) -> str:
    """The count with `after` told at its end, inside its own act."""
    return count.replace("。", "，" + after + "。")


def _adjusted(facts) -> set[tuple[str, str]]:
    """(charge, circumstance rule) for each circumstance step of the calculation."""
    calc = calculate(facts)
    return {(s.charge, s.rule_id.removeprefix("circ.")) for s in calc.steps if s.rule_id.startswith("circ.")}


def _quotes(facts, code: str) -> list[str]:
    return [m.span.quote for m in facts.circumstance_mentions if m.code == code]


def _restitution_in_each_count():
    theft = _told(THEFT, "案发后王某已退赃")
    fraud = _told(FRAUD, "案发后王某已退赔刘某全部损失")
    facts = extract("经审理查明：" + theft + fraud + SURRENDER, ["盗窃", "诈骗"])
    assert {a.charge for a in facts.acts} == {"盗窃", "诈骗"}
    return facts


def test_restitution_told_in_each_count_is_each_counts_and_the_surrender_told_once_is_both():
    facts = _restitution_in_each_count()
    assert _quotes(facts, "restitution") == ["退赃", "退赔"]
    # the case's finding is still the first mention only
    assert [f.span.quote for f in facts.circumstances if f.code == "restitution"] == ["退赃"]
    adjusted = _adjusted(facts)
    assert {c for c, r in adjusted if r == "restitution"} == {"盗窃", "诈骗"}
    assert {c for c, r in adjusted if r == "surrender"} == {"盗窃", "诈骗"}


def test_the_second_counts_restitution_comes_from_its_mention_not_from_reading_the_text_again():
    facts = _restitution_in_each_count()
    first_only = [m for m in facts.circumstance_mentions if m.span.quote != "退赔"]
    adjusted = _adjusted(dataclasses.replace(facts, circumstance_mentions=first_only))
    assert {c for c, r in adjusted if r == "restitution"} == {"盗窃"}


def test_restitution_told_in_the_first_count_only_is_not_the_seconds():
    theft = _told(THEFT, "案发后王某已退赃")
    facts = extract("经审理查明：" + theft + FRAUD + SURRENDER, ["盗窃", "诈骗"])
    adjusted = _adjusted(facts)
    assert {c for c, r in adjusted if r == "restitution"} == {"盗窃"}
    assert {c for c, r in adjusted if r == "surrender"} == {"盗窃", "诈骗"}


def test_forgiveness_told_in_the_second_count_only_is_the_seconds():
    facts = extract(
        "经审理查明：" + THEFT + _told(INJURY, "案发后王某取得了李某的谅解"), ["盗窃", "故意伤害"]
    )
    assert _quotes(facts, "forgiveness") == ["谅解"]
    assert {c for c, r in _adjusted(facts) if r == "forgiveness"} == {"故意伤害"}


def test_forgiveness_told_after_both_counts_is_both():
    """Just outside: told in a summary after the counts, whose it is is not known; every charge keeps it."""
    text = "经审理查明：" + THEFT + INJURY + "本院认为，案发后王某取得了陈某、李某的谅解。"
    facts = extract(text, ["盗窃", "故意伤害"])
    assert {c for c, r in _adjusted(facts) if r == "forgiveness"} == {"盗窃", "故意伤害"}


def _forgiveness_negated_then_told(first: str) -> str:
    return "经审理查明：" + _told(THEFT, first) + _told(INJURY, "案发后王某取得了李某的谅解")


def test_a_circumstance_negated_first_and_told_after_is_found_at_its_second_mention():
    text = _forgiveness_negated_then_told("王某未取得陈某的谅解")
    findings, mentions, _ = read_circumstances(text)
    (forgiveness,) = [f for f in findings if f.code == "forgiveness"]
    assert forgiveness.span.start == text.rindex("谅解")
    assert [m.span.start for m in mentions if m.code == "forgiveness"] == [text.rindex("谅解")]
    assert [f.span for f in find_circumstances(text)[0] if f.code == "forgiveness"] == [forgiveness.span]
    facts = extract(text, ["盗窃", "故意伤害"])
    assert {c for c, r in _adjusted(facts) if r == "forgiveness"} == {"故意伤害"}


def test_a_circumstance_told_twice_without_a_negation_has_two_mentions():
    """Just outside: the first mention not negated is the case's finding, and each count has its own."""
    text = _forgiveness_negated_then_told("王某取得了陈某的谅解")
    findings, mentions, _ = read_circumstances(text)
    assert [f.span.start for f in findings if f.code == "forgiveness"] == [text.index("谅解")]
    assert [m.span.start for m in mentions if m.code == "forgiveness"] == [
        text.index("谅解"),
        text.rindex("谅解"),
    ]
    facts = extract(text, ["盗窃", "故意伤害"])
    assert {c for c, r in _adjusted(facts) if r == "forgiveness"} == {"盗窃", "故意伤害"}


def test_a_circumstance_a_person_removed_is_not_restored_by_a_counts_mention():
    """given.apply_given: a correction replaces what the text says of its key, every count's mention with it."""
    text = (
        "经审理查明："
        + _told(THEFT, "案发后王某取得了陈某的谅解")
        + _told(INJURY, "案发后王某取得了李某的谅解")
    )
    facts = extract(text, ["盗窃", "故意伤害"])
    assert {c for c, r in _adjusted(facts) if r == "forgiveness"} == {"盗窃", "故意伤害"}
    corrected = apply_given(facts, [GivenFact("forgiveness", False, "prosecutor", "谅解书系伪造")])
    assert not {c for c, r in _adjusted(corrected) if r == "forgiveness"}


def _surrender_in_the_theft_count():
    text = "经审理查明：" + _told(THEFT, "次日王某主动到派出所投案") + FRAUD
    facts = extract(text, ["盗窃", "诈骗"])
    assert [a.charge for a in facts.acts] == ["盗窃", "诈骗"]
    assert facts.has("surrender")
    return facts


def _surrender_of_the_act():
    """The default standard with 自首 made a circumstance of the act (a standard that scopes it otherwise)."""
    standard = load_standard()
    rules = dict(standard.circumstances)
    rules["surrender"] = dataclasses.replace(rules["surrender"], scope="act")
    return dataclasses.replace(standard, circumstances=rules)


def _fraud_rules(facts, standard) -> list[str]:
    own = scoped("诈骗", facts, facts, Trace(), standard)
    return own_circumstances(applicable_circumstances(facts), "诈骗", own, standard, Trace()).rules


def test_the_standard_being_calculated_decides_a_circumstances_scope():
    facts = _surrender_in_the_theft_count()
    standard = _surrender_of_the_act()
    assert not scoped("诈骗", facts, facts, Trace(), standard).has("surrender")
    assert "surrender" not in _fraud_rules(facts, standard)


def test_under_the_default_standard_a_surrender_told_in_one_count_is_every_counts():
    """Just outside: the same facts, 自首 of the person (circumstances.yaml `scope: person`)."""
    facts = _surrender_in_the_theft_count()
    standard = load_standard()
    assert scoped("诈骗", facts, facts, Trace(), standard).has("surrender")
    assert "surrender" in _fraud_rules(facts, standard)
