"""The judgment read once into counts and their money (issue 16, failure class 3), on fact texts written here."""

from decimal import Decimal

from leniency.sentencing.extract import extract
from leniency.sentencing.extraction.document import acts, parse

THREE_ROBBERIES = (
    "经审理查明：\n"
    "一、2019年6月2日3时许，被告人张某在某小区持刀抢劫被害人李某现金500元。\n"
    "二、2019年6月28日5时许，被告人张某在某路持刀抢劫被害人王某手机一部，经鉴定价值1200元。\n"
    "三、2019年7月3日3时许，被告人张某在某公园持刀抢劫被害人赵某现金300元。\n"
    "上述事实，有下列证据证实：1、被害人李某的陈述；2、证人王某的证言；3、价格认定结论书。"
)

TWO_CHARGES = (
    "经审理查明：\n"
    "一、盗窃事实\n"
    "1、2019年3月1日，被告人刘某在某超市窃取香烟两条，价值人民币400元。\n"
    "2、2019年3月5日，被告人刘某在某商场窃取手机一部，价值人民币2600元。\n"
    "二、诈骗事实\n"
    "2019年4月2日，被告人刘某虚构身份骗取被害人孙某人民币5000元。\n"
    "本院认为，被告人刘某的行为构成盗窃罪、诈骗罪。"
)

EVIDENCE_ONLY = (
    "经审理查明，2019年5月1日，被告人张某在某小区盗窃电动自行车一辆，价值人民币1800元。"
    "上述事实，有下列证据证实：\n1、被害人李某的陈述，证实2019年5月1日其车辆被盗；\n2、证人王某的证言；\n"
    "3、价格认定结论书，证实被盗车辆价值1800元。"
)


def test_numbered_robberies_are_three_counts_each_with_its_own_money():
    document = parse(THREE_ROBBERIES)
    assert [c.path for c in acts(document)] == ["一、", "二、", "三、"]
    assert [[m.value for m in document.money_in(c)] for c in acts(document)] == [
        [Decimal(500)],
        [Decimal(1200)],
        [Decimal(300)],
    ]


def test_numbered_robberies_are_read_as_three_acts_not_one():
    assert extract(THREE_ROBBERIES, ["抢劫"]).counts == 3


def test_the_evidence_list_after_the_last_count_belongs_to_no_count():
    document = parse(THREE_ROBBERIES)
    last = acts(document)[-1]
    assert "证据" not in THREE_ROBBERIES[last.start : last.end]
    assert document.count_at(THREE_ROBBERIES.index("价格认定")) is None


def test_nested_numbering_gives_the_items_under_each_heading():
    document = parse(TWO_CHARGES)
    assert [c.path for c in document.counts] == ["一、/1、", "一、/2、", "二、"]
    fraud = document.counts[2]
    assert [m.value for m in document.money_in(fraud)] == [Decimal(5000)]


def test_items_of_several_charges_do_not_become_acts_of_each():
    assert extract(TWO_CHARGES, ["盗窃", "诈骗"]).counts is None


def test_a_numbered_evidence_list_is_not_a_list_of_acts():
    document = parse(EVIDENCE_ONLY)
    assert [c.evidence for c in document.counts] == [True, True, True]
    assert acts(document) == []
    assert extract(EVIDENCE_ONLY, ["盗窃"]).counts is None


def test_a_stated_number_of_acts_wins_over_fewer_numbered_ones():
    text = "被告人张某先后盗窃5次。\n1、2019年1月1日，盗窃现金100元。\n2、2019年1月2日，盗窃现金200元。"
    assert extract(text, ["盗窃"]).counts == 5


def test_a_decimal_figure_at_a_sentence_start_is_not_a_number_marker():
    text = "被告人张某盗窃现金。1.5万元系其所得。2.5万元系他人所得。"
    assert parse(text).counts == []


def test_the_same_text_is_parsed_once():
    assert parse(THREE_ROBBERIES) is parse(THREE_ROBBERIES)


def test_the_acts_of_a_case_of_several_charges_are_counted_per_charge():
    assert extract(TWO_CHARGES, ["盗窃", "诈骗"]).counts_by_charge == {"盗窃": 2, "诈骗": 1}


def test_interleaved_acts_go_to_the_charge_whose_conduct_they_tell():
    text = (
        "经审理查明：\n"
        "一、2019年1月1日，被告人张某在某小区窃取电动车一辆，价值2000元。\n"
        "二、2019年2月1日，被告人张某持刀将被害人李某砍伤，经鉴定为轻伤一级。\n"
        "三、2019年3月5日，被告人张某在某商场窃取手机一部，价值3000元。\n"
    )
    facts = extract(text, ["盗窃罪", "故意伤害"])
    assert facts.counts_by_charge == {"盗窃罪": 2, "故意伤害": 1}
    assert facts.counts is None  # three numbered acts are not three acts of each charge


def test_repeated_robbery_with_no_number_is_three_acts_and_its_aggravated_bracket():
    from leniency.sentencing.calculator import calculate

    facts = extract("2018年至2019年间，被告人张某多次抢劫他人财物，共计劫得现金2000元。", ["抢劫"])
    assert facts.counts == 3  # 多次 is three times or more (法发〔2005〕8号 item 3)
    assert calculate(facts).months >= 120  # 刑法第263条第(四)项: ten years or more


def test_a_number_of_acts_told_wins_over_the_word_repeatedly():
    assert extract("被告人张某多次盗窃，先后盗窃5次，窃得财物价值3000元。", ["盗窃"]).counts == 5


def test_repeatedly_said_of_something_else_is_not_repeated_conduct():
    assert extract("被告人张某盗窃现金500元，经公安机关多次传唤到案。", ["盗窃"]).counts is None


KIDNAP_AND_INJURY = (
    "经审理查明：\n"
    "一、2019年1月1日，被告人张某伙同他人将被害人王某绑架，向其家属勒索赎金10万元。\n"
    "二、2019年2月1日，被告人张某持刀将被害人李某砍伤，经鉴定为重伤二级。\n"
)


def test_an_injury_of_one_count_does_not_concern_the_charge_of_another():
    facts = extract(KIDNAP_AND_INJURY, ["绑架", "故意伤害"])
    assert [(a.charge, a.count) for a in facts.acts] == [("绑架", "一、"), ("故意伤害", "二、")]
    assert facts.for_charge("绑架", facts.injuries) == []
    assert [f.value for f in facts.for_charge("故意伤害", facts.injuries)] == ["serious_2"]


def test_findings_outside_every_act_concern_every_charge():
    facts = extract(KIDNAP_AND_INJURY + "被告人张某到案后如实供述了自己的罪行。", ["绑架", "故意伤害"])
    confession = [f for f in facts.circumstances if f.code == "confession"]
    assert confession and facts.for_charge("绑架", confession) == confession


def test_with_one_charge_every_finding_concerns_it():
    facts = extract(KIDNAP_AND_INJURY, ["故意伤害"])
    assert facts.acts == [] and facts.for_charge("故意伤害", facts.injuries) == facts.injuries


FOUR_ROBBERIES_INLINE = (
    "经审理查明，1、2019年3月5日晚，被告人张某在某市某路持刀抢劫被害人李某手机一部，价值1500元。"
    "2、同年5月10日凌晨，被告人张某持刀抢劫被害人王某现金800元。"
    "3、同年6月2日晚，被告人张某在某公园持刀抢劫被害人赵某现金500元。"
    "4、同年7月8日，被告人张某持刀抢劫被害人孙某手机一部，价值2000元。"
)


def test_counts_numbered_inline_after_the_opening_words_are_counts():
    from leniency.sentencing.calculator import calculate

    assert [c.path for c in acts(parse(FOUR_ROBBERIES_INLINE))] == ["1、", "2、", "3、", "4、"]
    assert [c.path for c in acts(parse(FOUR_ROBBERIES_INLINE.replace("。", "。\n")))] == [
        "1、",
        "2、",
        "3、",
        "4、",
    ]
    facts = extract(FOUR_ROBBERIES_INLINE, ["抢劫"])
    assert facts.counts == 4
    assert calculate(facts).months >= 120  # 多次抢劫: 刑法第263条第(四)项, ten years or more


def test_each_numbering_style_opens_after_the_words_that_open_the_facts():
    texts = {
        "一、": "经审理查明，一、2019年3月5日，被告人张某盗窃电动车一辆。二、同年4月2日，被告人张某盗窃香烟两条。",
        "（一）": "某区人民检察院指控，（一）2018年5月，被告人李某骗取王某3万元。（二）2018年7月，被告人李某骗取赵某5万元。",
        "第一起": "经审理查明，第一起，2019年3月5日，被告人张某抢劫李某现金800元。第二起，同年5月2日，被告人张某抢劫王某手机。",
        "1、": "犯罪事实如下，1、2019年3月5日，被告人张某盗窃电动车一辆。2、同年4月2日，被告人张某盗窃手机一部。",
    }
    for first, text in texts.items():
        assert [c.path for c in acts(parse(text))][0] == first, text
        assert len(acts(parse(text))) == 2, text


def test_a_number_after_a_comma_inside_an_act_is_no_count():
    text = "经审理查明，2019年3月5日，被告人张某在某小区，1、窃得手机一部，2、窃得现金500元。"
    assert parse(text).counts == []


def test_a_figure_right_after_the_opening_words_is_no_count():
    assert parse("经审理查明，1.5吨钢材于2019年3月被被告人张某盗走。2.5吨钢材系他人盗走。").counts == []


def test_a_summing_up_followed_by_numbered_proof_is_no_count():
    text = "经审理查明：2019年5月1日，被告人张某盗窃电动车一辆。上述事实，1、被害人李某的陈述；2、证人王某的证言。"
    assert parse(text).counts == []


def test_an_item_number_before_a_year_with_a_dot_is_a_marker():
    text = "经审理查明：1.2019年3月5日，被告人张某盗窃电动车一辆。2.2019年4月2日，被告人张某盗窃手机一部。"
    assert [c.path for c in acts(parse(text))] == ["1、", "2、"]


def test_inline_counts_keep_an_injury_of_one_count_from_the_charge_of_another():
    from leniency.sentencing.calculator import calculate

    text = (
        "经审理查明，一、2019年1月1日，被告人张某伙同他人将被害人王某绑架，向其家属勒索赎金10万元。"
        "二、2019年2月1日，被告人张某持刀将被害人李某砍伤，经鉴定为重伤二级。"
    )
    facts = extract(text, ["绑架", "故意伤害"])
    assert [(a.charge, a.count) for a in facts.acts] == [("绑架", "一、"), ("故意伤害", "二、")]
    assert not calculate(
        facts
    ).life_imprisonment  # the 重伤 is count 二's, not 伤害被绑架人 (刑法第239条第2款)


THINGS_LISTED_IN_AN_ACT = (
    "经审理查明：1、2019年3月5日，被告人张某在某小区王某家中窃得：1、苹果手机一部；2、现金500元。"
    "2、同年4月2日，被告人张某在某超市窃得香烟十条，价值人民币2000元。"
)


def test_things_listed_inside_an_act_are_no_counts():
    for text in (
        THINGS_LISTED_IN_AN_ACT,
        THINGS_LISTED_IN_AN_ACT.replace("：", "：\n").replace("；", "；\n"),
    ):
        document = parse(text)
        assert [c.path for c in acts(document)] == ["1、", "2、"], text
        second = acts(document)[1]
        assert text[second.start :].startswith("2、同年4月2日"), text
        assert [m.value for m in document.money_in(second)] == [Decimal(2000)], text


def test_things_listed_in_another_numbering_are_no_counts_either():
    text = THINGS_LISTED_IN_AN_ACT.replace("1、苹果", "（1）苹果").replace("2、现金", "（2）现金")
    assert [c.path for c in acts(parse(text))] == ["1、", "2、"]
    text = THINGS_LISTED_IN_AN_ACT.replace("1、苹果", "①苹果").replace("2、现金", "②现金")
    assert [c.path for c in acts(parse(text))] == ["1、", "2、"]


def test_acts_listed_after_a_colon_inside_a_count_are_counts():
    text = (
        "经审理查明：一、盗窃事实。被告人张某先后实施盗窃：1、2019年3月5日，窃得李某手机一部；"
        "2、2019年4月2日，窃得王某现金500元。二、诈骗事实。2019年6月1日，被告人张某骗取赵某现金3000元。"
    )
    assert [c.path for c in acts(parse(text))] == ["一、/1、", "一、/2、", "二、"]


def test_counts_numbered_in_parentheses_or_circles_are_counts():
    paren = (
        "经审理查明：\n（1）2019年3月5日，被告人张某在某小区窃得手机一部。\n"
        "（2）2019年4月2日，被告人张某在某超市窃得香烟十条。\n（3）2019年5月1日，被告人张某窃得电动车一辆。"
    )
    assert [c.path for c in acts(parse(paren))] == ["（1）", "（2）", "（3）"]
    assert extract(paren, ["盗窃"]).counts == 3
    circled = paren.replace("（1）", "①").replace("（2）", "②").replace("（3）", "③")
    assert [c.path for c in acts(parse(circled))] == ["①", "②", "③"]


def test_each_section_may_number_its_acts_its_own_way():
    text = (
        "经审理查明：\n一、盗窃事实\n1.2019年3月5日，被告人张某窃得手机一部。\n2.2019年4月2日，被告人张某窃得香烟十条。\n"
        "二、诈骗事实\n①2019年6月1日，被告人张某骗取李某现金5000元。\n②2019年7月1日，被告人张某骗取王某现金3000元。"
    )
    document = parse(text)
    assert [c.path for c in acts(document)] == ["一、/1、", "一、/2、", "二、/①", "二、/②"]
    assert [m.value for m in document.money_in(acts(document)[3])] == [Decimal(3000)]


def test_items_under_an_evidence_heading_are_evidence():
    text = (
        "经审理查明：2019年5月1日，被告人张某在某小区盗窃电动自行车一辆。"
        "认定上述事实的证据有：\n1.证人证言\n（1）李某的证言证实：2019年5月1日其电动车被盗。\n"
        "（2）王某的证言证实：2019年5月2日其看见张某骑该车。\n2.被告人的供述与辩解\n（1）张某供述：2019年5月1日其盗窃电动车。"
    )
    assert parse(text).counts != []
    assert acts(parse(text)) == []


def test_a_case_number_in_parentheses_is_no_marker():
    text = "经审理查明：\n（2019）某01刑初12号判决书载明，被告人张某曾因盗窃被判刑。\n（2020）某01刑初3号判决书载明。"
    assert parse(text).counts == []


def test_acts_of_a_defendant_listed_after_a_colon_are_counts_without_a_date():
    text = (
        "经审理查明：一、2019年3月至5月间，被告人夏某组织民间标会三场，吸收会金共计人民币25万元。"
        "二、2019年间，被告人夏某参加他人组织的标会，透标后不再缴纳会金，具体如下：1、被告人夏某参加汪某组织的标会，"
        "造成汪某损失16000元；2、被告人夏某参加林某组织的标会，造成林某损失8000元。"
    )
    assert [c.path for c in parse(text).counts] == ["一、", "二、/1、", "二、/2、"]


def test_an_act_told_by_a_time_without_a_date_after_a_single_listed_thing_is_a_count():
    text = (
        "经审理查明：1、2019年3月5日，被告人张某在某小区王某家中窃得：1、现金500元。"
        "2、同日，在某超市窃得香烟十条，价值人民币2000元。"
    )
    document = parse(text)
    assert [c.path for c in document.counts] == ["1、", "2、"]
    assert [m.value for m in document.money_in(document.counts[1])] == [Decimal(2000)]


def test_things_listed_without_a_colon_restart_the_numbering_and_are_no_counts():
    text = (
        "经审理查明：1、2019年3月5日，被告人张某在某小区王某家中窃得以下物品。1、苹果手机一部；2、现金500元。"
        "2、同年4月2日，被告人张某在某超市窃得香烟十条，价值人民币2000元。"
    )
    document = parse(text)
    assert [c.path for c in acts(document)] == ["1、", "2、"]
    assert [m.value for m in document.money_in(acts(document)[1])] == [Decimal(2000)]
