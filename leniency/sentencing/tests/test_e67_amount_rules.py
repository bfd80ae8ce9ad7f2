"""E67's amount rules, each where it binds and with a text just outside it (written texts, not from the dev data)."""

from decimal import Decimal

import pytest

from leniency.sentencing.extraction.amounts import find_money, total_amount
from leniency.sentencing.extraction.document import parse
from leniency.sentencing.extraction.each_sums import times_told
from leniency.sentencing.extraction.masked_indexes import index_digits


def _times(text: str, figure: str) -> int:
    at = text.index(figure)
    sentence_before = text[:at]
    clause_before = sentence_before[max(sentence_before.rfind(c) for c in "，,") + 1 :]
    return times_told(sentence_before, clause_before)


@pytest.mark.parametrize(
    ("text", "figure", "times"),
    [
        pytest.param("分别骗取王某、李某各5000元", "5000元", 2, id="two_names_before_each"),
        pytest.param("向周某、吴某、郑某每人各收取2万元", "2万元", 3, id="three_names_each_person"),
        pytest.param("骗取韩某某及其妻子杨某某各1.5万元", "1.5万元", 2, id="kinship_between_names"),
        pytest.param("先后两次向乙索要现金各2000元", "2000元", 2, id="acts_counted_in_clause"),
        pytest.param(
            "窃取电动自行车两辆，经鉴定各价值1800元", "1800元", 2, id="things_counted_before_each_value"
        ),
        # just outside: a share of the loot, no list, a kind word, a single thing
        pytest.param("甲、乙各分得3000元", "3000元", 1, id="share_of_loot"),
        pytest.param("骗取王某各项费用5000元", "5000元", 1, id="each_kind_word"),
        pytest.param("向王某、李某每人收取5000元", "5000元", 2, id="every_person_named"),
        pytest.param("向十二名学员每人收取3000元", "3000元", 12, id="every_person_counted"),
        pytest.param("骗取王某现金5000元", "5000元", 1, id="no_each"),
        pytest.param("窃取电动自行车一辆，经鉴定各价值1800元", "1800元", 1, id="one_thing"),
        pytest.param("窃取现金各2000元", "2000元", 1, id="each_with_nothing_counted"),
        pytest.param("该店按每人50元收取服务费", "50元", 1, id="every_person_a_rate"),
        pytest.param("向五名学员每人每月收取300元", "300元", 1, id="every_person_every_month"),
    ],
)
def test_times_told(text, figure, times):
    assert _times(text, figure) == times


def test_each_person_is_no_rate_where_the_persons_are_named():
    named = find_money("向家长周某、吴某每人各收取经费2万元。")
    rate = find_money("按每人2万元的标准收取。")
    assert [m.value for m in named if not m.excluded] == [Decimal("40000")]
    assert rate[0].excluded == "每人"


@pytest.mark.parametrize(
    ("text", "digits"),
    [
        pytest.param("骗取被害人张某1、李某2的钱款。其中骗取张某130000元", 1, id="index_named_elsewhere"),
        pytest.param("被害人王某12等人。骗取王某125000元", 2, id="two_digit_index"),
        # just outside: the index told nowhere else, or only before a figure, or the figure's unit after the digit
        pytest.param("骗取被害人张某15000元", 0, id="index_not_told"),
        pytest.param("退赔赵某某2万元。骗取赵某某2万元", 0, id="other_mention_is_a_figure"),
        pytest.param("被害人张某1等人。骗取张某1万元", 0, id="unit_after_the_digit"),
        pytest.param("被害人张某1、张某12。骗取张某125000元", 0, id="both_readings_fit"),
    ],
)
def test_index_digits(text, digits):
    at = text.rindex("元")
    start = at - 1
    while start > 0 and (text[start - 1].isdigit() or text[start - 1] == "万"):
        start -= 1
    assert index_digits(text, start, text[start:at]) == digits


def test_indexed_figure_keeps_its_own_digits():
    mentions = find_money("骗取被害人张某1、李某2的钱款。其中，骗取张某130000元，骗取李某25000元。")
    assert [m.value for m in mentions] == [Decimal("30000"), Decimal("5000")]
    assert [m.span.quote for m in mentions] == ["30000元", "5000元"]


RAISED = "被告人甲以非法占有为目的，虚构养殖项目向社会公众非法集资共计300万元，{} 其余款项被其挥霍。"


@pytest.mark.parametrize(
    ("told", "charge", "amount"),
    [
        pytest.param("案发前已归还本金80万元，", "集资诈骗", "2200000", id="returned_before_discovery"),
        pytest.param("已向集资参与人兑付本金80万元，", "集资诈骗", "2200000", id="paid_back_told_by_yi"),
        pytest.param("案发前已归还本金80万元，", "集资诈骗罪", "2200000", id="charge_named_with_zui"),
        # interest paid while principal is unreturned is set off against it (本金未归还可予折抵本金; E81)
        pytest.param("案发前已支付利息80万元，", "集资诈骗", "2200000", id="interest_set_off"),
        pytest.param("案发前已返还本息80万元，", "集资诈骗", "2200000", id="principal_and_interest_set_off"),
        # just outside: another charge (its interest too), no charge, after discovery
        pytest.param("案发前已归还本金80万元，", "非法吸收公众存款", "3000000", id="deposits_not_deducted"),
        pytest.param("案发前已归还本金80万元，", None, "3000000", id="charge_unknown"),
        pytest.param(
            "案发前已支付利息80万元，", "非法吸收公众存款", "3000000", id="deposits_interest_not_deducted"
        ),
        pytest.param("案发后已归还本金80万元，", "集资诈骗", "3000000", id="returned_after_discovery"),
    ],
)
def test_raised_less_returned(told, charge, amount):
    text = RAISED.format(told)
    assert total_amount(parse(text).money, text, charge) == Decimal(amount)


@pytest.mark.parametrize(
    ("told", "amount"),
    [
        pytest.param("截至案发尚有180万元未归还，", "1800000", id="unreturned_at_discovery"),
        # just outside: unreturned at trial (至今), which returns after discovery may have lowered
        pytest.param("至今尚有180万元未归还，", "3000000", id="unreturned_now"),
    ],
)
def test_raised_unreturned_at_discovery(told, amount):
    text = RAISED.format(told)
    assert total_amount(parse(text).money, text, "集资诈骗") == Decimal(amount)
    assert total_amount(parse(text).money, text, "非法吸收公众存款") == Decimal("3000000")


def test_net_figure_told_is_not_deducted_again():
    text = "被告人甲非法集资共计300万元，案发前已归还本金80万元，应予扣除，其集资诈骗数额应认定为220万元。"
    assert total_amount(parse(text).money, text, "集资诈骗") == Decimal("2200000")


@pytest.mark.parametrize(
    ("text", "excluded"),
    [
        pytest.param("已兑付集资参与人本金50万元", True, id="paid_back"),
        pytest.param("尚未兑付的集资款50万元", False, id="not_paid_back"),
        pytest.param("至今无法兑付本金50万元", False, id="cannot_pay_back"),
    ],
)
def test_paid_back_principal_is_no_amount(text, excluded):
    assert bool(find_money(text)[0].excluded) is excluded


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        pytest.param(
            "被告人甲发布虚假招工信息，向应聘者收取押金800元后将其拉黑。",
            True,
            id="false_notice_then_deposit",
        ),
        pytest.param("被告人甲向房东交纳押金800元后入住。", False, id="a_deposit_paid"),
    ],
)
def test_deposit_after_a_false_notice_is_the_money_taken(text, kept):
    assert (find_money(text)[0].excluded is None) is kept


RECORD_THEN_ACT = (
    "经审理查明：1、被告人甲曾因犯盗窃罪于2018年5月被判处有期徒刑六个月，2019年1月刑满释放后仍不思悔改，"
    "于2019年5月3日在某菜市场窃取被害人乙的手机一部，价值1500元；2、2019年6月9日，被告人甲在某公交车上窃取"
    "被害人丙的钱包一个，内有现金800元；3、2019年7月2日，被告人甲在某超市窃取被害人丁的手机一部，价值2000元。"
)
RECORD_LIST = (
    "被告人甲有以下前科：1、2014年5月因犯盗窃罪被判处有期徒刑六个月，刑满释放后于2014年11月20日又因吸毒被行政拘留"
    "十五日；2、2018年5月3日因犯盗窃罪被判处有期徒刑六个月。\n经审理查明，2019年5月3日，被告人甲窃取手机一部，价值1500元。"
)


def test_count_opening_with_a_record_is_a_count():
    counts = parse(RECORD_THEN_ACT).counts
    assert [c.path for c in counts] == ["1、", "2、", "3、"]


def test_record_items_stay_no_counts():
    assert parse(RECORD_LIST).counts == []
