"""Amount extraction: sentences from real judgments (amounts-dev.jsonl), and the dev-file figure."""

from decimal import Decimal

from leniency.sentencing.extract import extract
from leniency.sentencing.extraction.numbers import parse_number


def amount(text):
    return extract(text).amount_yuan


def test_parse_number_reads_arabic_chinese_and_mixed_forms():
    assert parse_number("2.6万") == Decimal("26000")
    assert parse_number("一万二千") == 12000
    assert parse_number("三千五") == 3500
    assert parse_number("一百零五") == 105
    assert parse_number("1,234.5") == Decimal("1234.5")
    assert parse_number("十余万") == 100000
    assert parse_number("４００") == 400


def test_total_given_with_gongji_is_not_added_to_its_parts():
    text = (
        "经审理查明，2010年9月6日至9月29日期间，被告人黎某、曾某采用搭线开车、剪拉等手段在岱山县高X镇辖区内"
        "盗窃作案5次，窃得财物共计价值人民币3940元。具体犯罪事实如下：\n"
        "1、2010年9月6日晚，窃得夏定国停放在高X镇教师新村4号楼旁的电动自行车1辆，价值人民币1424元。\n"
        "2、2010年9月25日晚，窃得赵X停放在高X镇官山新村2号楼旁的电动自行车1辆，价值人民币1542元。\n"
        "3、2010年9月29日晚，分别窃得：电瓶1组，价值人民币422元；电瓶1组，价值人民币130元；电瓶1组，价值人民币422元。"
    )
    facts = extract(text)
    assert facts.amount_yuan == 3940
    assert facts.counts == 5


def test_amounts_in_wan_over_several_counts_are_summed():
    text = (
        "1、2016年7月，被告人林X采用欺骗手段，以他人名义与黄某签订承包工程劳动协议，骗取黄某人民币2.6万元。\n"
        "2、2016年9月，然后以与陈某、邱某及丁某合伙做上述冲击桩工程业务为由，骗得陈某人民币1.8万元、邱某及丁某二人的人民币7.1万元。"
    )
    assert amount(text) == 115000


def test_values_listed_with_fenbie_are_each_counted_and_resale_price_is_not():
    text = (
        "被告人阿某某攀爬进入被害人高某甲家中二楼，盗走1部中兴牌手机、1部黑色苹果四代手机、1台索X牌笔记本电脑。"
        "后阿某某将苹果四代手机以150元价格卖给平潭县诚信通讯店。"
        "经鉴定，被盗中兴手机、苹果四代手机及笔记本电脑，价值分别为人民币420元、720元和2400元。"
    )
    assert amount(text) == 3540


def test_restitution_and_fine_are_not_the_crime_amount():
    text = (
        "被告人吴XX将骗取的9010元钱全部用于归还自己透支的信用卡及日常消费。"
        "公诉机关认为，被告人吴XX以非法占有为目的，骗取被害人财物9010元。"
        "被告人的亲属赔偿被害人经济损失人民币9210元。建议对被告人吴XX判处有期徒刑六个月，缓刑一年，并处罚金人民币二千元。"
    )
    facts = extract(text)
    assert facts.amount_yuan == 9010
    assert all(f.value != 9210 and f.value != 2000 for f in facts.amounts)


def test_a_subtotal_within_one_count_does_not_replace_the_other_counts():
    text = (
        "1、被告人窃得普X笔记本电脑1台，价值800元。\n2、窃得小XX手机1部，价值200元。\n"
        "3、窃得小XXm1手机1部、黑色钱包1只，内有现金6元，合计价值206元。\n"
        "4、窃得苹果4代手机1部，价值1200元。\n5、窃得华X笔记本电脑1台，价值1500元。"
    )
    assert amount(text) == 3906


def test_amount_restated_by_the_prosecution_is_counted_once():
    text = (
        "被告人阳某窃得价值1500元的黑色苹果4s手机一部及手提包一只（内有现金500元、价值180元的黄金耳环一对、"
        "价值1446元的黄金戒指两枚、价值1620元的黄金项链一条），共计价值5246元。"
        "公诉机关认为，被告人阳某以非法占有为目的，秘密窃取他人财物，共计价值5246元，数额较大。"
    )
    assert amount(text) == 5246


def test_foreign_currency_counts_at_its_converted_value():
    text = "在周某家中窃得卢X8000元（折合人民币780元），在202室许某家中得白金戒指1枚，价值人民币737元。"
    assert amount(text) == 1517


def test_every_amount_keeps_the_span_it_was_read_from():
    text = "经鉴定，被盗电动车价值人民币2560元。"
    facts = extract(text)
    (finding,) = facts.amounts
    assert text[finding.span.start : finding.span.end] == finding.span.quote == "2560元"
    assert finding.value == 2560


def test_no_amount_gives_none():
    assert amount("被告人张某用撬杠将席某甲打伤。经鉴定，席某甲的伤情为轻伤二级。") is None


def test_amounts_dev_file_at_least_90_percent_within_one_percent(shared_data):
    from bench.extraction import measure_amounts

    result = measure_amounts(shared_data / "amounts-dev.jsonl")
    assert result["n"] == 240
    assert result["within_1pct"] >= 0.90, result["failures"]


def test_masked_wan_yuan_is_read_but_a_person_named_wan_is_not():
    """The published judgments' masking writes some "万元" as "万某"; "万某" alone is a person."""
    text = "被告人甲骗取被害人乙银行承兑汇票共计人民币200万某，并取得了万某的信任。"
    assert extract(text, charges=["诈骗"]).amount_yuan == Decimal(2000000)
    assert extract("被告人甲取得了万某的信任后骗取其财物。", charges=["诈骗"]).amount_yuan is None


def test_a_sum_misappropriated_for_a_use_is_the_crime_amount_and_its_yield_is_not():
    """刑法第384条: 挪用公款…进行营利活动 names the use, so "挪用X元用于…" is the sum misappropriated; the yield it
    earned is not counted (1998年挪用公款解释第二条第（二）项: 利息、收益…不计入挪用公款的数额)."""
    text = (
        "被告人甲利用担任出纳的职务便利，挪用单位公款人民币300,000.00元用于购买银行理财产品，"
        "获得理财收益人民币1,250.40元，用于个人消费。"
    )
    facts = extract(text, charges=["挪用公款"], articles=[384])
    assert facts.amount_yuan == 300000
    assert [a.value for a in facts.amounts] == [Decimal("300000.00")]


def test_a_part_used_and_a_yield_outside_misappropriation_keep_their_reading():
    # "X元用于…" after a taking is what became of part of the money: not added to it
    assert amount("被告人甲骗取被害人乙人民币5万元。被告人甲将其中2万元用于赌博。") == 50000
    # without 挪用 in the sentence, a 收益 figure is left to the other rules (高利转贷's 违法所得 is its amount)
    assert amount("被告人甲套取金融机构贷款后高利转贷他人，获取利息收益人民币12万元。") == 120000


def test_a_loss_told_beside_a_larger_sum_taken_is_not_added_to_it():
    """The loss is that money again, told as its harm (issue 16, class 4). Texts written here."""
    assert amount(
        "经审理查明，2020年，被告人朱某以高额回报为诱饵，向社会公众非法集资人民币3000万元，造成集资参与人损失2000万元。"
    ) == Decimal("30000000")
    assert (
        amount(
            "经审理查明，被告人朱某虚构事实骗取被害人胡某人民币10万元，案发后退还2万元，造成被害人经济损失8万元。"
        )
        == 100000
    )


def test_losses_with_no_larger_sum_taken_are_the_amount():
    assert amount("经审理查明，被告人朱某用石块砸坏被害人胡某的轿车，经鉴定，造成损失人民币8000元。") == 8000
    text = "经审理查明，被告人夏某以每期会金500元组织民间标会，后资金链断裂，造成会员周某、温某损失共计人民币222万元。"
    assert amount(text) == 2220000
