"""Drugs, injuries, disability, blood alcohol, age, counts and victims."""

from decimal import Decimal

from leniency.sentencing.calculator import calculate
from leniency.sentencing.extract import extract
from leniency.sentencing.extraction.injuries import find_injuries
from leniency.sentencing.facts import InjuryGrade


def test_drug_kind_and_grams_from_a_seizure():
    facts = extract("公安民警在其住处被当场查获甲基苯丙胺3973.1克。")
    (drug,) = facts.drugs
    assert drug.kind == "甲基苯丙胺" and drug.grams == Decimal("3973.1")
    assert drug.span.quote == "3973.1克"


def test_street_name_and_kilograms_are_normalised():
    (drug,) = extract("被告人贩卖冰毒1.5千克给他人。").drugs
    assert drug.kind == "甲基苯丙胺" and drug.grams == 1500


def test_weight_named_before_the_drug_is_attributed_to_it():
    text = "另一个烟盒内装有1袋白色晶体状物品（净重21.07克），经鉴定检出海洛因成分。"
    (drug,) = extract(text).drugs
    assert drug.kind == "海洛因" and drug.grams == Decimal("21.07")


def test_gold_weighed_in_grams_is_not_a_drug():
    assert extract("以人民币16524元的价格将重64.61克黄金项链出售给黄某。").drugs == []


def test_statutory_threshold_is_not_a_seized_quantity():
    assert extract("被告人非法持有毒品海洛因十克以上。").drugs == []


def test_worst_injury_among_several_victims():
    text = "经鉴定，席某甲的伤情为轻伤二级，席某丙、席某丁的伤情为轻微伤。"
    facts = extract(text)
    assert facts.injury == InjuryGrade.LIGHT_2
    assert {f.value for f in facts.injuries} == {InjuryGrade.LIGHT_2, InjuryGrade.MINOR}


def test_injury_below_the_minor_grade_is_not_an_injury():
    assert extract("经鉴定，被害人的损伤未达到轻微伤。").injury is None


def test_serious_injury_grade_one_and_disability():
    facts = extract("经鉴定，被害人王某的损伤程度为重伤一级，伤残等级为五级。")
    assert facts.injury == InjuryGrade.SERIOUS_1
    assert facts.disability_grade == 5


def test_blood_alcohol_in_mg_per_100ml():
    assert extract("经鉴定，李某血液中酒精含量为136.55mg/100ml。").blood_alcohol == Decimal("136.55")


def test_age_from_birth_date_and_offence_date():
    text = "被告人张某，男，2001年4月1日出生。2018年3月5日，被告人张某在某超市盗窃手机一部。"
    facts = extract(text)
    assert facts.age == 16
    assert facts.has("minor")


def test_age_of_a_victim_is_not_the_defendants():
    assert extract("被害人王某（8岁）在路边玩耍。").age is None


def test_counts_from_zuoan_ci():
    assert extract("被告人在岱山县高X镇辖区内盗窃作案5次，窃得财物共计价值人民币3940元。").counts == 5


def test_victims_from_named_victims():
    text = "骗取被害人方某某500元、被害人伍某某1800元、被害人陈某某23500元。"
    assert extract(text).victims == 3


def test_statutory_age_threshold_is_not_the_defendants_age():
    text = "据此认为被告人吴某无视国家法律，拐骗不满十四周岁的未成年人，使其脱离家庭。"
    facts = extract(text)
    assert facts.age is None
    assert not facts.has("minor")


def test_death_after_failed_rescue_and_fleeing_are_read():
    """ "经抢救无效死亡" is a death (the 无 of 无效 is no negation); 逃逸 selects the traffic tiers."""
    from leniency.sentencing.calculator import calculate

    fled = extract("被告人甲驾车撞倒乙后驾车逃逸，乙经抢救无效死亡。", charges=["交通肇事"])
    assert fled.injury == "death" and fled.has("fled") and not fled.has("fled_death")
    assert calculate(fled).steps[0].rule_id == "crime.traffic_accident.fled"
    stayed = extract(
        "被告人甲驾车撞倒乙，乙经抢救无效死亡。被告人甲未逃逸，在现场等候处理。", charges=["交通肇事"]
    )
    assert stayed.injury == "death" and not stayed.has("fled")
    fatal = extract("被告人甲交通肇事后因逃逸致被害人死亡。", charges=["交通肇事"])
    assert calculate(fatal).steps[0].rule_id == "crime.traffic_accident.fled_death"


def test_a_co_offenders_death_is_no_harm_of_the_crime():
    """伙同李某（已死亡）, 同案人李某已于2019年因病死亡 say who is dead, not whom the crime killed: counted as harm, a
    kidnapping reached 刑法第239条第2款 (life or death) and a robbery its aggravated bracket (issue 16, classes 3
    and 6). The victim's death, in parentheses or not, stays. Texts written here."""
    assert find_injuries("被告人孙某伙同李某（已死亡）将被害人徐某绑架。") == []
    assert find_injuries("同案人李某已于2019年因病死亡。") == []
    assert [f.value for f in find_injuries("被告人孙某持刀捅刺被害人李某（已死亡）胸部。")] == [
        InjuryGrade.DEATH
    ]
    assert [f.value for f in find_injuries("被告人孙某驾车将行人撞倒（行人当场死亡）。")] == [
        InjuryGrade.DEATH
    ]
    kidnapping = calculate(
        extract(
            "经审理查明，2018年6月，被告人孙某伙同李某（已死亡）以勒索财物为目的，将被害人徐某绑架至其租住处，"
            "向徐某家属勒索赎金10万元，后徐某被公安机关解救，未受伤害。",
            ["绑架"],
        )
    )
    assert not kidnapping.life_imprisonment and not kidnapping.death_penalty
    assert kidnapping.months is not None and kidnapping.months < 180


def test_a_death_or_serious_injury_intended_feared_or_escaped_is_none():
    """意图致李某死亡, 明知可能导致被害人死亡, 足以致人死亡, 幸免于死亡, 未致被害人死亡: no one died; 致李某死亡 and
    经抢救无效死亡 stay deaths. Texts written here."""
    for text in (
        "被告人持刀朝李某胸部捅刺，意图致李某死亡，后李某经抢救脱离危险。",
        "被告人明知其行为可能导致被害人死亡，仍持刀捅刺。",
        "被害人李某幸免于死亡。",
        "被告人的行为未致被害人死亡。",
        "被告人持足以致人重伤的木棍殴打被害人。",
    ):
        assert find_injuries(text) == [], text
    for text in ("被告人持刀捅刺李某，致李某死亡。", "被害人经抢救无效死亡。"):
        assert [f.value for f in find_injuries(text)] == [InjuryGrade.DEATH], text
    assert [f.value for f in find_injuries("致被害人重伤。")] == [InjuryGrade.SERIOUS_2]
    robbery = calculate(
        extract(
            "经审理查明，2020年8月12日，被告人陈某在路边持足以致人死亡的砍刀威胁被害人周某，劫得现金500元。",
            ["抢劫"],
        )
    )
    (charge,) = robbery.charges
    assert charge.bracket_label.startswith("3年以上10年以下")  # 刑法第263条: no one was hurt


KIDNAP_KILLED = (
    "经审理查明，2019年3月5日，被告人张某伙同李某将被害人徐某绑架至某出租屋内，向其家属勒索赎金50万元。"
    "因担心罪行败露，被告人张某将徐某杀害。"
)


def test_a_hostage_killed_is_a_death_and_the_bracket_of_killing_the_hostage():
    facts = extract(KIDNAP_KILLED, ["绑架"])
    assert [f.value for f in facts.injuries] == [InjuryGrade.DEATH]
    assert calculate(facts).life_imprisonment  # 刑法第239条第2款: 杀害被绑架人的，处无期徒刑或者死刑


def test_a_killing_threatened_or_intended_is_no_death():
    threatened = KIDNAP_KILLED.replace(
        "因担心罪行败露，被告人张某将徐某杀害。", "被告人张某以杀害人质相威胁，扬言要将徐某杀死。"
    )
    facts = extract(threatened, ["绑架"])
    assert facts.injuries == []
    assert not calculate(facts).life_imprisonment
    for text in (
        "被告人张某欲将徐某杀害灭口，徐某挣脱逃走。",
        "被告人张某预谋将徐某杀害，后因故放弃。",
        "被告人张某威胁徐某家属如不交钱就将徐某杀害。",
        "被告人张某将徐某杀害未遂。",
    ):
        assert find_injuries(text) == [], text


def test_killing_verbs_tell_a_death_of_a_person_not_of_an_animal():
    for text in (
        "被告人张某用绳索将徐某勒死。",
        "被害人徐某被张某杀害。",
        "被告人张某在出租屋内杀害了徐某。",
        "被告人张某伙同李某将被害人王某殴打致死。",
    ):
        assert [f.value for f in find_injuries(text)] == [InjuryGrade.DEATH], text
    assert find_injuries("被告人张某将李某家的狗打死。") == []
    assert find_injuries("被告人张某将一头牛杀死后运走。") == []


def test_a_killing_told_twice_is_one_dead_person():
    from leniency.sentencing.extraction.injuries import injured_persons

    text = "被告人张某将徐某杀害。经鉴定，徐某系机械性窒息死亡。"
    assert injured_persons(text, find_injuries(text)) == 1
