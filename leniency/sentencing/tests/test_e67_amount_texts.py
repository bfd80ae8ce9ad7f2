"""The crime amount on passages written for task E67 (the amount reader's known misses), not taken from the dev judgments.

Classes: a sum told once for each of several victims or acts (各N元, each_sums.py); 集资诈骗's money raised less the
principal returned before discovery, 非法吸收公众存款's not (raised_funds.py); a masked name's digit index running into
the figure after it (masked_indexes.py); a principal paid back (兑付) and a fraud's deceit told as 虚假 (amount_exclusions,
amount_context); and restated totals, 其中 and a value told only in the evidence list, which the engine already read.

FIRST_BATCH was written first and scored before any change: 10 of 18 right (HEAD d2c3f97). After the rules: 18 of 18.
SECOND_BATCH was written after those rules, new phrasings, and scored once before its own fixes: 7 of 10 (5 of 10 at
HEAD); its fixes (a kinship word between the listed names, 已兑付, 发布虚假…信息 as the deceit before a 押金): 10 of 10.
集资诈骗's deduction reaches extract() through /tmp/helpers/s19/E67_1.diff (extract.py passes the case's one charge):
until it is applied, those cases are strict xfails on extract and pass on the reader itself.
"""

import inspect
from decimal import Decimal

import pytest

from leniency.sentencing import extract as extract_module
from leniency.sentencing.extract import extract
from leniency.sentencing.extraction.amounts import total_amount
from leniency.sentencing.extraction.document import parse
from leniency.sentencing.tests.written_texts import written_case

THEFT, FRAUD, EXTORT, RAISE, DEPOSIT, ROB = "盗窃", "诈骗", "敲诈勒索", "集资诈骗", "非法吸收公众存款", "抢劫"

# extract() passes the charge to total_amount once E67_1.diff is applied
CHARGE_PASSED = "total_amount(mentions, text, " in inspect.getsource(extract_module._fill)
DEDUCTED = {"raise_returned_before_discovery", "raise_of_which_returned", "raise_duifu_principal"}
MISSES = (
    {}
    if CHARGE_PASSED
    else {case: "extract() does not pass the charge to total_amount until E67_1.diff" for case in DEDUCTED}
)

# (id, charge, text, the amount a court finds)
FIRST_BATCH = [
    # 各N元 of several victims / acts
    (
        "each_two_victims_named",
        FRAUD,
        "经审理查明：2021年4月，被告人甲谎称能帮助办理公租房，分别骗取被害人王某、李某各5000元，所得款项用于个人消费。",
        "10000",
    ),
    (
        "each_three_victims_dun",
        FRAUD,
        "公诉机关指控，被告人甲以介绍进厂务工需交纳培训费为由，骗取被害人赵某、钱某、孙某各人民币3000元。",
        "9000",
    ),
    (
        "each_twice_same_victim",
        EXTORT,
        "经审理查明，被告人甲以公开被害人乙的隐私相威胁，先后两次向乙索要现金各2000元，乙被迫交付。",
        "4000",
    ),
    (
        "each_meiren_ge",
        FRAUD,
        "经审理查明，被告人甲以能够帮助子女进入重点小学为由，向家长周某、吴某每人各收取“活动经费”2万元，后将钱款挥霍。",
        "40000",
    ),
    (
        "each_with_stated_total",
        FRAUD,
        "经审理查明，被告人甲虚构投资项目，分别骗取被害人郑某、冯某各5000元，共计10000元。",
        "10000",
    ),
    (
        "each_share_of_loot_not_taking",
        THEFT,
        "经审理查明，被告人甲、乙共同盗窃某超市仓库内现金6000元，得手后二人各分得3000元。",
        "6000",
    ),
    (
        "each_fined_not_taking",
        THEFT,
        "经审理查明，被告人甲于2021年5月窃取被害人陈某电动车一辆，经鉴定价值2600元。另查明，被告人甲、乙曾因赌博各被罚款500元。",
        "2600",
    ),
    (
        "each_two_items_value",
        THEFT,
        "经审理查明，被告人甲在某小区车棚内窃取电动自行车两辆，经鉴定各价值1800元。",
        "3600",
    ),
    # 集资诈骗: returned before discovery deducted; 非法吸收 not
    (
        "raise_returned_before_discovery",
        RAISE,
        "经审理查明，被告人甲以非法占有为目的，虚构开发生态农庄项目，以月息3%为诱饵向社会公众非法集资共计300万元，"
        "案发前已归还集资参与人本金80万元，其余款项被其用于赌博、挥霍。",
        "2200000",
    ),
    (
        "deposit_returned_not_deducted",
        DEPOSIT,
        "经审理查明，被告人甲未经有关部门批准，以开发生态农庄项目为名，以月息3%为诱饵向社会公众吸收资金共计300万元，"
        "案发前已归还集资参与人本金80万元。",
        "3000000",
    ),
    (
        "raise_returned_after_discovery_not_deducted",
        RAISE,
        "经审理查明，被告人甲以非法占有为目的，使用诈骗方法向社会公众非法集资共计150万元，用于偿还个人赌债。"
        "案发后，被告人甲退还集资参与人30万元。",
        "1500000",
    ),
    (
        "raise_of_which_returned",
        RAISE,
        "经审理查明，被告人甲虚构经营连锁超市的事实，以高额回报为诱饵向不特定公众募集资金共计500万元，其中已返还本金120万元，"
        "尚有380万元无法归还。",
        "3800000",
    ),
    (
        "raise_interest_paid_counted",
        RAISE,
        "经审理查明，被告人甲以非法占有为目的，以高息为诱饵向社会公众非法集资共计200万元，案发前支付集资参与人利息20万元，本金均未归还。",
        "2000000",
    ),
    # masked names with a digit index
    (
        "index_name_running_into_figure",
        FRAUD,
        "经审理查明，被告人甲以办理贷款为由骗取被害人张某1、李某2的钱款。其中，骗取张某130000元，骗取李某25000元。",
        "35000",
    ),
    (
        "index_not_told_elsewhere_stays_figure",
        FRAUD,
        "经审理查明，被告人甲以办理贷款为由骗取被害人张某15000元。",
        "15000",
    ),
    # restated totals, 其中, evidence list
    (
        "restated_total_after_parts",
        THEFT,
        "经审理查明，被告人甲先后三次进入某小区住户家中盗窃，分别窃得现金1000元、2000元、3000元。综上，被告人甲盗窃财物共计价值6000元。",
        "6000",
    ),
    (
        "value_only_in_evidence",
        THEFT,
        "经审理查明，2021年6月3日，被告人甲在某网吧内趁被害人乙熟睡之机，窃取其手机一部。上述事实，有下列证据证实：1、被害人乙的陈述；"
        "2、价格认定结论书，证实被盗手机价值2300元；3、被告人甲的供述。",
        "2300",
    ),
    (
        "of_which_used_for_gambling",
        FRAUD,
        "经审理查明，被告人甲谎称可以低价购买房屋，骗取被害人乙8万元，其中5万元用于赌博，3万元用于偿还个人债务。",
        "80000",
    ),
]

SECOND_BATCH = [
    (
        "each_victims_with_ji_list",
        FRAUD,
        "本院认为，被告人甲以非法占有为目的，冒充银行工作人员，骗取被害人韩某某及其妻子杨某某各人民币1.5万元，数额较大。",
        "30000",
    ),
    (
        "each_after_fenbie_xiang",
        ROB,
        "经审理查明，2020年8月某晚，被告人甲持刀在某公园内分别向被害人乙、丙各劫取现金500元后逃离。",
        "1000",
    ),
    (
        "each_numbered_persons_renminbi",
        FRAUD,
        "经审理查明，被告人甲在微信群内发布虚假招工信息，向应聘的蒋某1、沈某2、韩某3三人各收取押金800元后将三人拉黑。",
        "2400",
    ),
    (
        "each_persons_counted_without_names",
        FRAUD,
        "经审理查明，被告人甲以代办驾照为由，收取五名学员每人3000元，共计15000元，后未办理。",
        "15000",
    ),
    (
        "each_kind_not_distributive",
        THEFT,
        "经审理查明，被告人甲在某商场内窃取各类化妆品共计价值4200元。",
        "4200",
    ),
    (
        "raise_duifu_principal",
        RAISE,
        "本院认为，被告人甲以非法占有为目的，使用诈骗方法非法集资860万元，案发前已兑付集资参与人本金210万元，"
        "其集资诈骗数额应当扣除已兑付部分。",
        "6500000",
    ),
    (
        "raise_returned_with_interest_not_split",
        RAISE,
        "经审理查明，被告人甲以投资影视项目为名，向社会不特定人员非法集资共计420万元，案发前已向部分集资参与人返还本息共计90万元。",
        "4200000",
    ),
    (
        "deposit_returned_principal_kept",
        DEPOSIT,
        "经审理查明，被告人甲以某投资公司名义，向社会不特定公众吸收资金共计600万元，其中已返还本金150万元。",
        "6000000",
    ),
    (
        "index_name_two_victims_amount_told_later",
        THEFT,
        "经审理查明，被告人甲于2021年3月窃取被害人刘某1现金及被害人刘某2的手机，其中窃取刘某13500元现金，刘某2的手机经鉴定价值2100元。",
        "5600",
    ),
    (
        "record_opens_numbered_count_money",
        THEFT,
        "经审理查明：（一）被告人甲因犯盗窃罪于2017年3月被判处有期徒刑八个月，2017年10月刑满释放后，于2018年2月6日在某小区窃取电动车一辆，经鉴定价值2500元；"
        "（二）2018年3月1日，被告人甲在某小区窃取电动车一辆，经鉴定价值1700元。",
        "4200",
    ),
]


def _params(batch):
    return [written_case(case, charge, text, want, misses=MISSES) for case, charge, text, want in batch]


def _reader_params(batch):
    return [pytest.param(charge, text, want, id=case) for case, charge, text, want in batch]


@pytest.mark.parametrize(("charge", "text", "expected"), _params(FIRST_BATCH))
def test_first_batch(charge, text, expected):
    assert extract(text, charges=[charge]).amount_yuan == Decimal(expected)


@pytest.mark.parametrize(("charge", "text", "expected"), _params(SECOND_BATCH))
def test_second_batch(charge, text, expected):
    assert extract(text, charges=[charge]).amount_yuan == Decimal(expected)


@pytest.mark.parametrize(("charge", "text", "expected"), _reader_params(FIRST_BATCH + SECOND_BATCH))
def test_reader_with_the_charge(charge, text, expected):
    assert total_amount(parse(text).money, text, charge) == Decimal(expected)


def test_case_ids_are_unique():
    ids = [case for case, *_ in FIRST_BATCH + SECOND_BATCH]
    assert len(ids) == len(set(ids))
