"""Each charge of a case of several charges is calculated on its own acts (issue 16, class 3; 刑法第69条).

Fact texts written for these tests, not taken from any data set.
"""

from decimal import Decimal

from leniency.sentencing.calculator import calculate
from leniency.sentencing.extract import extract
from leniency.sentencing.facts import Act, CaseFacts, Finding, InjuryGrade, Span

INJURY_THEN_KIDNAPPING = (
    "经审理查明：一、2019年3月5日，被告人甲因琐事与被害人乙发生争执，持刀故意伤害被害人乙，致乙重伤二级。"
    "二、2019年6月1日，被告人甲以勒索财物为目的，绑架被害人丙，向丙的家属索要赎金人民币10万元，后丙被解救，未受伤。"
)


def _by_charge(calc):
    return {r.charge: r for r in calc.charges}


def test_serious_injury_of_the_injury_count_is_not_the_kidnappings():
    """Art. 239 para. 2 (杀害被绑架人 / 故意伤害被绑架人致人重伤、死亡 → life or death) needs the kidnapped
    person hurt; the 重伤 told in count 一 is 乙's, hurt in the injury count."""
    facts = extract(INJURY_THEN_KIDNAPPING, ["故意伤害", "绑架"])
    calc = calculate(facts)
    results = _by_charge(calc)
    kidnapping = results["绑架"]
    assert kidnapping.penalty == "imprisonment" and not kidnapping.life_imprisonment
    assert "无期徒刑或者死刑" not in kidnapping.bracket_label
    assert kidnapping.months is not None and kidnapping.months < 180
    # the injury count keeps its own 重伤: 3 to 10 years (art. 234 para. 2)
    assert results["故意伤害"].bracket_label.startswith("3年以上10年以下")
    assert calc.penalty == "imprisonment"
    step = next(s for s in calc.steps if s.rule_id == "method.several_charges.own_injury")
    assert step.charge == "绑架" and "重伤二级" in step.description_zh


def _acts(text, charges, counts=("一、", "二、")):
    """The acts as extraction gives them, set by hand: each numbered count told of one charge."""
    starts = [text.index(c) for c in counts] + [len(text)]
    return [
        Act(charge, count, Span(starts[i], starts[i + 1], ""))
        for i, (charge, count) in enumerate(zip(charges, counts, strict=True))
    ]


def _injury(text, quote, grade):
    start = text.index(quote)
    return Finding("injury", grade, Span(start, start + len(quote), quote))


def test_injury_of_the_kidnapped_person_still_counts():
    """The same two counts, but the kidnapped person is the one seriously hurt: the kidnapping takes its
    aggravated bracket (art. 239 para. 2: 故意伤害被绑架人，致人重伤), the injury count stays at 轻伤."""
    text = (
        "经审理查明：一、被告人甲持刀故意伤害被害人乙，致乙轻伤二级。"
        "二、被告人甲以勒索财物为目的绑架被害人丙，并殴打丙，致丙重伤二级。"
    )
    injuries = [
        _injury(text, "轻伤二级", InjuryGrade.LIGHT_2),
        _injury(text, "重伤二级", InjuryGrade.SERIOUS_2),
    ]
    facts = CaseFacts(
        text=text,
        charges=["故意伤害", "绑架"],
        injuries=injuries,
        injury=InjuryGrade.SERIOUS_2,
        acts=_acts(text, ["故意伤害", "绑架"]),
        counts_by_charge={"故意伤害": 1, "绑架": 1},
    )
    results = _by_charge(calculate(facts))
    assert results["绑架"].life_imprisonment or results["绑架"].penalty in ("life", "death")
    assert results["故意伤害"].months is not None and results["故意伤害"].months <= 36
    assert not results["故意伤害"].bracket_label.startswith("3年以上10年以下")


def test_one_charge_keeps_every_finding():
    facts = extract("被告人甲持刀故意伤害被害人乙，致乙重伤二级。", ["故意伤害"])
    calc = calculate(facts)
    assert calc.charges[0].bracket_label.startswith("3年以上10年以下")
    assert not any(s.rule_id.startswith("method.several_charges.own_") for s in calc.steps)


def test_flight_after_a_theft_is_not_a_traffic_flight():
    """Art. 133: 交通运输肇事后逃逸 raises the traffic count to 3–7 years only when the driver fled the
    accident; a flight told in the theft count does not (the theft has no such tier)."""
    text = (
        "经审理查明：一、被告人甲盗窃他人财物价值人民币5000元，后驾车逃逸。"
        "二、被告人甲驾驶机动车发生交通事故，致一人重伤，负事故全部责任。"
    )
    start = text.index("逃逸")
    fled = Finding("fled", None, Span(start, start + 2, "逃逸"))
    facts = CaseFacts(
        text=text,
        charges=["盗窃", "交通肇事"],
        amount_yuan=Decimal(5000),
        injuries=[_injury(text, "重伤", InjuryGrade.SERIOUS_2)],
        injury=InjuryGrade.SERIOUS_2,
        circumstances=[fled],
        acts=_acts(text, ["盗窃", "交通肇事"]),
        counts_by_charge={"盗窃": 1, "交通肇事": 1},
    )
    calc = calculate(facts)
    tiers = {s.charge: s.rule_id for s in calc.steps if s.kind == "starting_point"}
    assert tiers["交通肇事"] != "crime.traffic_accident.fled"
    dropped = next(s for s in calc.steps if s.rule_id == "method.several_charges.own_circumstances")
    assert dropped.charge == "交通肇事" and "fled" in dropped.description_en
    # told in the traffic count, the same flight does raise it
    facts.acts = _acts(text, ["交通肇事", "盗窃"])
    tiers = {s.charge: s.rule_id for s in calculate(facts).steps if s.kind == "starting_point"}
    assert tiers["交通肇事"] == "crime.traffic_accident.fled"


def _bracket(calc, charge):
    return next(r for r in calc.charges if r.charge == charge).bracket_label


def test_three_thefts_do_not_make_one_robbery_repeated():
    """Art. 263(4) 多次抢劫 (10 years or more) counts robberies; the 三次 told of the thefts is not the
    robbery's (art. 264 多次盗窃 is the theft's own)."""
    text = (
        "经审理查明：一、2019年3月至5月，被告人甲先后三次在某市某小区入户盗窃，窃得财物共计价值人民币6000元。"
        "二、2019年6月1日，被告人甲在某路段持刀抢劫被害人乙，劫得现金人民币500元。"
    )
    calc = calculate(extract(text, ["盗窃", "抢劫"]))
    assert not _bracket(calc, "抢劫").startswith("10年以上")
    assert next(r for r in calc.charges if r.charge == "抢劫").months < 120
    step = next(s for s in calc.steps if s.rule_id == "method.several_charges.own_counts")
    assert step.charge == "抢劫" and "本罪行为1次（全案3次）" in step.description_zh


def test_three_numbered_robberies_are_repeated_robbery():
    """Three numbered robbery counts beside one theft: 多次抢劫 (art. 263(4)), 10 years or more; the theft
    is one act (no 多次盗窃)."""
    text = (
        "经审理查明：一、2019年3月1日，被告人甲在某市某商场盗窃他人手机一部，价值人民币1500元。"
        "二、2019年4月2日，被告人甲在某路段持刀抢劫被害人乙，劫得现金人民币300元。"
        "三、2019年5月3日，被告人甲在某公园持刀抢劫被害人丙，劫得现金人民币200元。"
        "四、2019年6月4日，被告人甲在某小区持刀抢劫被害人丁，劫得现金人民币800元。"
    )
    facts = CaseFacts(
        text=text,
        charges=["盗窃", "抢劫"],
        acts=_acts(text, ["盗窃", "抢劫", "抢劫", "抢劫"], counts=("一、", "二、", "三、", "四、")),
        counts_by_charge={"盗窃": 1, "抢劫": 3},
    )
    calc = calculate(facts)
    assert _bracket(calc, "抢劫").startswith("10年以上")
    assert not _bracket(calc, "盗窃").startswith("3年以上")
    steps = [s for s in calc.steps if s.rule_id == "method.several_charges.own_counts"]
    assert [(s.charge, "本罪行为3次" in s.description_zh) for s in steps] == [("抢劫", True)]


def test_a_count_stated_in_an_act_counts_for_its_charge():
    """“先后三次入户盗窃” in a theft count: three thefts (多次盗窃, art. 264) even as one numbered act."""
    text = (
        "经审理查明：一、被告人甲先后三次入户盗窃，窃得财物共计价值人民币800元。"
        "二、被告人甲持刀故意伤害被害人乙，致乙轻伤二级。"
    )
    facts = CaseFacts(text=text, charges=["盗窃", "故意伤害"], acts=_acts(text, ["盗窃", "故意伤害"]))
    calc = calculate(facts)
    step = next(s for s in calc.steps if s.rule_id == "method.several_charges.own_counts")
    assert step.charge == "盗窃" and "本罪行为3次" in step.description_zh


def test_owners_of_stolen_phones_are_not_victims_of_the_injury_count():
    """四(三) of the 2021 opinions adds to 故意伤害 per further person injured; the four people robbed of
    their phones in the theft count were not injured (issue 16, class 3)."""
    text = (
        "经审理查明：一、2019年3月5日，被告人张某因琐事与被害人李某发生争执，持刀故意伤害被害人李某，致李某轻伤二级。"
        "二、2019年4月至6月，被告人张某先后窃取被害人王某、赵某、钱某、孙某的手机各一部，共计价值人民币6000元。"
    )
    facts = extract(text, ["故意伤害", "盗窃"])
    calc = calculate(facts)
    assert not any(s.rule_id.endswith("increment.injured_victims") for s in calc.steps)
    step = next(
        s for s in calc.steps if s.rule_id == "method.several_charges.own_victims" and s.charge == "故意伤害"
    )
    assert "被害人1人" in step.description_zh


def test_a_victim_count_given_by_hand_is_kept():
    text = "经审理查明：一、被告人甲持刀故意伤害他人致轻伤二级。二、被告人甲窃取他人财物价值3000元。"
    facts = CaseFacts(
        text=text, charges=["故意伤害", "盗窃"], victims=3, acts=_acts(text, ["故意伤害", "盗窃"])
    )
    assert not any(s.rule_id == "method.several_charges.own_victims" for s in calculate(facts).steps)
