"""What 虚开增值税专用发票 and 挪用公款 are measured by: the tax on the invoices, not their face value (法释〔2024〕4号第十一条:
虚开税款数额; 法〔2018〕226号: 虚开的税款数额), and for 挪用公款 the figures of its use (法释〔2016〕9号第五条: 非法活动
3万 / 100万 / 300万; 第六条: 营利活动、超过三个月未还 5万 / 200万 / 500万). Fact texts written for these tests."""

from decimal import Decimal

import pytest

from leniency.sentencing.calculator_thresholds import amount_thresholds
from leniency.sentencing.extraction.charge_amounts import amounts_by_charge, measured_amount
from leniency.sentencing.extraction.tax_amounts import tax_amount
from leniency.sentencing.facts import CaseFacts
from leniency.sentencing.standards import load_standard
from leniency.sentencing.trace import Trace

FACE_AND_TAX = (
    "经审理查明，2016年3月至2017年5月，被告人刘某在无真实货物交易的情况下，让他人为其经营的某商贸有限公司虚开增值税专用"
    "发票30份，价税合计350万元，税额50.8万元，上述发票均已申报抵扣。"
)
PRICE_TAX_TOTAL = (
    "经审理查明，被告人陈某为他人虚开增值税专用发票50份，金额共计300万元，税额共计51万元，价税合计351万元。"
)
DEDUCTED_ONLY = "经审理查明，被告人周某以支付开票费的方式，让某公司为其虚开增值税专用发票12份，价税合计人民币117万元，已抵扣税款17万元。"
PAID_BACK = "经审理查明，被告人黄某虚开增值税专用发票10份，虚开税款数额为人民币8.5万元。案发后，被告人黄某补缴税款8.5万元。"
COUNTS_AND_TOTAL = (
    "经审理查明，2019年，被告人许某为他人虚开增值税专用发票三次：第一次虚开发票5份，税额12万元；第二次虚开发票8份，"
    "税额20万元；第三次虚开发票4份，税额8万元，共计税额40万元。"
)
FACE_ONLY = "经审理查明，被告人何某介绍他人虚开增值税专用发票，票面金额共计200万元。"


@pytest.mark.parametrize(
    ("text", "tax"),
    [
        (FACE_AND_TAX, Decimal(508000)),  # 价税合计 is the face value
        (PRICE_TAX_TOTAL, Decimal(510000)),  # 金额 is the price alone
        (DEDUCTED_ONLY, Decimal(170000)),  # only the tax deducted: the best figure
        (PAID_BACK, Decimal(85000)),  # the 补缴 restatement is not added
        (COUNTS_AND_TOTAL, Decimal(400000)),  # three counts and their 共计
        (FACE_ONLY, None),  # no tax named: none guessed from the face value
    ],
    ids=["face-and-tax", "price-tax-total", "deducted-only", "paid-back", "counts-and-total", "face-only"],
)
def test_the_tax_on_the_invoices_is_read_not_their_face_value(text, tax):
    assert tax_amount(text) == tax
    assert measured_amount(text, "tax") == tax


ITEMS_THEN_TOTAL = (
    "经审理查明，被告人刘某让甲公司为其虚开增值税专用发票3份，税额4.5万元；让乙公司为其虚开增值税专用发票2份，税额2万元；"
    "让丙公司为其虚开增值税专用发票2份，税额2.8万元，上述发票税额9.3万元，均已申报抵扣。"
)
RESTATED_TOTAL = (
    "公诉机关指控，被告人王某为他人虚开增值税专用发票60份，价税合计688万元，税额100万元。1、为甲公司虚开发票20份，"
    "进项税款合计40万元；2、为乙公司虚开发票18份，进项税款合计35万元；3、为丙公司虚开发票12份，进项税款合计20万元；"
    "4、为丁公司虚开发票10份，进项税款合计人民币5，，万元。公诉机关认为，被告人王某虚开增值税专用发票，涉案税款100万元。"
)
SEPARATE_COUNTS = (
    "经审理查明，被告人许某为甲公司虚开增值税专用发票5份，税额10万元；为乙公司虚开增值税专用发票3份，税额5万元；"
    "为丙公司虚开增值税专用发票2份，税额3万元。"
)


@pytest.mark.parametrize(
    ("text", "tax"),
    [
        (ITEMS_THEN_TOTAL, Decimal(93000)),  # the items add up to the last figure: it is their total
        (RESTATED_TOTAL, Decimal(1000000)),  # stated before and after the items, one of them misprinted
        (SEPARATE_COUNTS, Decimal(180000)),  # no figure is the sum of the others: they are added
    ],
    ids=["items-then-total", "restated-total", "separate-counts"],
)
def test_a_total_of_the_invoices_is_not_added_to_them(text, tax):
    assert tax_amount(text) == tax


def test_the_invoiced_tax_is_preferred_to_the_tax_deducted():
    text = (
        "经审理查明，被告人刘某让他人为其公司虚开增值税专用发票20份，税额共计60万元，其中已申报抵扣税款45万元，"
        "造成国家税款损失45万元。"
    )
    assert tax_amount(text) == Decimal(600000)


def test_with_several_charges_the_tax_is_read_from_the_invoice_sentences_only():
    text = (
        "经审理查明，被告人刘某让他人为其公司虚开增值税专用发票20份，价税合计234万元，税额34万元。"
        "另查明，被告人刘某虚构事实，骗取被害人王某人民币30万元。"
    )
    conduct = {"虚开增值税专用发票、用于骗取出口退税、抵扣税款发票": ["虚开"], "诈骗": ["骗取", "虚构事实"]}
    own = amounts_by_charge(
        text, conduct, list(conduct), measures={"虚开增值税专用发票、用于骗取出口退税、抵扣税款发票": "tax"}
    )
    assert own["虚开增值税专用发票、用于骗取出口退税、抵扣税款发票"] == Decimal(340000)
    assert own["诈骗"] == Decimal(300000)


MISUSE_ENTRY = load_standard().amount_brackets["charges"]["挪用公款"]


@pytest.mark.parametrize(
    ("text", "thresholds"),
    [
        (
            "经审理查明，被告人钱某利用担任会计的职务便利，挪用公款人民币4万元用于赌博。",
            [30000, 1000000, 3000000],
        ),
        ("经审理查明，被告人钱某挪用公款人民币4万元归个人进行非法活动。", [30000, 1000000, 3000000]),
        (
            "经审理查明，被告人钱某挪用公款人民币4万元用于个人炒股，超过三个月未还。",
            [50000, 2000000, 5000000],
        ),
    ],
    ids=["gambling", "illegal-activity", "profit-three-months"],
)
def test_misappropriation_for_illegal_activity_is_measured_on_lower_figures(text, thresholds):
    trace = Trace()
    assert amount_thresholds(MISUSE_ENTRY, CaseFacts(text=text), "挪用公款", trace) == thresholds
    assert bool(trace.steps) == (thresholds[0] == 30000)


def test_a_variant_holds_under_the_earlier_law_too():
    entry = {
        "thresholds": [100000, 500000, 5000000],
        "threshold_variants": [
            {"id": "v", "zh": "变体", "when": {"text_any": ["扶贫"]}, "thresholds": [50000, 500000, 2500000]}
        ],
        "earlier_law": {"before": "2010-01-01", "thresholds": [10000], "brackets": [], "source": "s"},
    }
    assert amount_thresholds(entry, CaseFacts(text="2009年5月，某某侵吞扶贫款。"), "x", Trace()) == [
        50000,
        500000,
        2500000,
    ]
    assert amount_thresholds(entry, CaseFacts(text="2009年5月，某某侵吞公款。"), "x", Trace()) == [10000]
    assert amount_thresholds(entry, CaseFacts(text="2019年5月，某某侵吞公款。"), "x", Trace()) == [
        100000,
        500000,
        5000000,
    ]
