"""The fine follows the statutory bracket of the facts, not any bracket of the charge, and stays inside the limits
its clause names in yuan (刑法第196条: 并处二万元以上二十万元以下罚金 in the first bracket, 五万元以上五十万元以下
above it). standards/build_brackets.py reads the limits into statutory_brackets.yaml. Fact texts written for
these tests."""

from decimal import Decimal

from leniency.sentencing.calculator import calculate
from leniency.sentencing.catalogue import find_charge
from leniency.sentencing.extract import extract


def limit_steps(calc):
    return [s for s in calc.steps if s.rule_id == "method.fine.statutory_limits"]


# --- 侵占 (刑法第270条): "处二年以下有期徒刑、拘役或者罚金；数额巨大或者有其他严重情节的，处二年以上五年以下有期徒刑，
# 并处罚金": a fine goes with the prison term of the second bracket only

KEPT = (
    "经审理查明，2022年3月，被害人李某将一台价值人民币3万元的笔记本电脑交由被告人张某代为保管。同年6月，张某将该电脑"
    "变卖，所得款项用于个人消费。李某多次索要，张某拒不退还。"
)
KEPT_HUGE = (
    "经审理查明，2021年8月，被害人李某将其所有的一辆价值人民币45万元的轿车交由被告人张某代为保管。张某擅自将该车出售，"
    "所得款项用于偿还个人债务。李某多次索要，张某拒不退还，侵占他人财物数额巨大。"
)
KEPT_HUGE_MITIGATED = (
    "经审理查明，2021年8月，被害人李某将其所有的一辆价值人民币45万元的轿车交由被告人张某代为保管。张某伙同王某擅自将该车"
    "出售，侵占他人财物数额巨大。张某在共同犯罪中起次要作用，系从犯。案发后张某主动到公安机关投案，如实供述犯罪事实，"
    "退赔了被害人全部损失，取得被害人谅解，自愿认罪认罚。"
)


def test_a_prison_term_in_the_first_bracket_of_art_270_carries_no_fine():
    """The second bracket's 并处罚金 does not reach the first, where a fine is only an alternative to prison."""
    calc = calculate(extract(KEPT, charges=["侵占"]))
    assert calc.penalty in ("imprisonment", "detention") and calc.months > 0
    assert calc.charges[0].bracket_label == "2年以下有期徒刑、拘役"
    assert calc.fine_yuan is None


def test_a_prison_term_in_the_second_bracket_of_art_270_carries_its_fine():
    calc = calculate(extract(KEPT_HUGE, charges=["侵占"]))
    assert calc.charges[0].bracket_label == "2年以上5年以下有期徒刑"
    assert calc.fine_yuan is not None and calc.fine_yuan >= Decimal(1000)


def test_the_fine_of_the_facts_bracket_binds_a_term_mitigated_below_it():
    """数额巨大 mitigated (从犯, 自首: 刑法第63条) to a term of the first bracket: the facts' own bracket still says
    并处罚金."""
    calc = calculate(extract(KEPT_HUGE_MITIGATED, charges=["侵占"]))
    assert calc.months < 24
    assert calc.fine_yuan is not None


# --- 信用卡诈骗 (刑法第196条)

STOLEN_CARD_10K = "经审理查明，被告人陈某冒用他人信用卡，在超市刷卡消费共计人民币1万元。"
STOLEN_CARD_60K = (
    "经审理查明，2021年5月至7月，被告人王某冒用其捡拾的被害人赵某的信用卡，在多家商场刷卡消费，共计人民币6万元。案发后"
    "王某被抓获归案，如实供述了犯罪事实。"
)
STOLEN_CARD_300K = (
    "经审理查明，2021年5月至9月，被告人王某冒用其捡拾的被害人赵某的信用卡，在多家商场刷卡消费，共计人民币30万元。"
    "王某到案后如实供述。"
)
STOLEN_CARD_60K_MITIGATED = (
    "经审理查明，2021年5月，被告人王某伙同李某冒用被害人赵某的信用卡，在商场刷卡消费共计人民币6万元。王某在共同犯罪中"
    "起次要作用，系从犯。案发后王某主动到公安机关投案，如实供述犯罪事实，退赔了被害人全部损失，取得被害人谅解，自愿"
    "认罪认罚。"
)
OVERDRAFT_6M = (
    "经审理查明，被告人刘某以非法占有为目的，超过规定限额恶意透支其名下多张信用卡，经发卡银行两次催收后超过三个月仍"
    "不归还，透支本金共计人民币600万元。"
)


def test_art_196_floor_of_the_second_bracket_raises_the_fine():
    """6万 冒用: 数额巨大, 并处五万元以上五十万元以下罚金; half the amount (30,000) is below that."""
    calc = calculate(extract(STOLEN_CARD_60K, charges=["信用卡诈骗"]))
    assert calc.charges[0].bracket_label == "5年以上10年以下有期徒刑"
    assert calc.fine_yuan == Decimal(50000)
    (step,) = limit_steps(calc)
    assert "第一百九十六条" in step.citation and "50,000元以上500,000元以下" in step.description_zh


def test_art_196_first_bracket_keeps_its_own_floor():
    """1万: the first bracket, 二万元以上: 20,000, not the 50,000 of the brackets above it."""
    calc = calculate(extract(STOLEN_CARD_10K, charges=["信用卡诈骗"]))
    assert calc.charges[0].bracket_label == "5年以下有期徒刑、拘役"
    assert calc.fine_yuan == Decimal(20000)


def test_art_196_cap_lowers_the_fine():
    """600万 恶意透支: 数额特别巨大, at most 五十万元, though half the amount is 3,000,000."""
    calc = calculate(extract(OVERDRAFT_6M, charges=["信用卡诈骗"]))
    assert calc.fine_yuan == Decimal(500000)
    (step,) = limit_steps(calc)
    assert "500,000元" in step.description_zh


def test_a_fine_inside_the_limits_is_left_as_it_is():
    calc = calculate(extract(STOLEN_CARD_300K, charges=["信用卡诈骗"]))
    assert calc.fine_yuan == Decimal(150000)
    assert not limit_steps(calc)


def test_the_floor_does_not_bind_a_term_mitigated_below_the_bracket():
    """刑法第63条: 减轻处罚 is a penalty below the statutory one; the cap still binds, the floor of 五万元 does not."""
    calc = calculate(extract(STOLEN_CARD_60K_MITIGATED, charges=["信用卡诈骗"]))
    assert calc.months < 60
    assert calc.fine_yuan == Decimal(30000)
    assert not limit_steps(calc)


# --- the builder


def test_the_builder_reads_the_fine_limits_in_yuan(parse_penalty):
    bracket = parse_penalty("处五年以下有期徒刑或者拘役，并处二万元以上二十万元以下罚金")
    assert bracket["fine"] == "mandatory" and bracket["fine_yuan"] == [20000, 200000]
    bracket = parse_penalty("处三年以下有期徒刑或者拘役，并处或者单处一万元以上十万元以下罚金")
    assert bracket["fine"] == "with_or_only" and bracket["fine_yuan"] == [10000, 100000]


def test_the_builder_reads_no_limits_where_the_clause_names_none(parse_penalty):
    bracket = parse_penalty("处三年以下有期徒刑、拘役或者管制，并处或者单处罚金")
    assert "fine_yuan" not in bracket and "fine_multiple" not in bracket


def test_the_builder_reads_limits_told_as_multiples_of_a_named_sum(parse_penalty):
    """刑法第175条 (违法所得一倍以上五倍以下), 第140条 (销售金额百分之五十以上二倍以下), 第179条 (百分之一以上百分之五以下)."""
    bracket = parse_penalty("处三年以下有期徒刑或者拘役，并处违法所得一倍以上五倍以下罚金")
    assert "fine_yuan" not in bracket
    assert bracket["fine_multiple"] == {"of": "违法所得", "low": 1.0, "high": 5.0}
    bracket = parse_penalty("处二年以下有期徒刑或者拘役，并处或者单处销售金额百分之五十以上二倍以下罚金")
    assert bracket["fine"] == "with_or_only"
    assert bracket["fine_multiple"] == {"of": "销售金额", "low": 0.5, "high": 2.0}
    bracket = parse_penalty(
        "处五年以下有期徒刑或者拘役，并处或者单处非法募集资金金额百分之一以上百分之五以下罚金"
    )
    assert bracket["fine_multiple"] == {"of": "非法募集资金金额", "low": 0.01, "high": 0.05}


def test_the_generated_brackets_carry_the_multiples_of_the_statute():
    import yaml

    from leniency.sentencing.catalogue import BRACKETS_FILE

    data = yaml.safe_load(BRACKETS_FILE.read_text(encoding="utf-8"))
    multiples = {  # the brackets that add a fine
        c["name"]: [b.get("fine_multiple", {}).get("of") for b in c["brackets"] if b["fine"] != "none"]
        for c in data["charges"]
    }
    assert multiples["高利转贷"] == ["违法所得", "违法所得"]
    assert multiples["走私普通货物、物品"] == ["偷逃应缴税额"] * 3
    assert multiples["信用卡诈骗"] == [None, None, None]  # limits in yuan, not multiples


def test_the_catalogue_carries_each_brackets_limits():
    brackets = find_charge("信用卡诈骗").brackets
    assert [b.fine_yuan for b in brackets] == [(20000, 200000), (50000, 500000), (50000, 500000)]
    assert all(b.fine_yuan is None for b in find_charge("侵占").brackets)
