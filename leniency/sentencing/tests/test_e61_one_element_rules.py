"""E61's rules (standards/charge_elements.yaml), each on a text written for it where it binds and one just outside it."""

import pytest

from leniency.sentencing.extraction.charge_rules import by_distinctions, fraud_as_told, states_requirements
from leniency.sentencing.extraction.conduct_words import cued_charges

LOAN_DECEIT = "骗取贷款、票据承兑、金融票证"
LOAN_FRAUD = "贷款诈骗"
VAT = "虚开增值税专用发票、用于骗取出口退税、抵扣税款发票"
FORGED_VAT = "伪造、出售伪造的增值税专用发票"
PYRAMID = "组织、领导传销活动"

DISTINCTIONS = [
    # 刑法第193条 / 第175条之一: the purpose of owning the loan
    pytest.param(
        LOAN_DECEIT,
        "被告人甲某使用虚假的购销合同从某银行取得贷款50万元，随即将贷款用于赌博，输光后逃往外地。",
        [LOAN_FRAUD],
        id="loan_gambled_and_fled_binds",
    ),
    pytest.param(
        LOAN_DECEIT,
        "被告人甲某使用虚假的购销合同从某银行取得贷款50万元，用于购买生产设备，后因经营不善未能按期还款。",
        [LOAN_DECEIT],
        id="loan_used_in_business_outside",
    ),
    pytest.param(
        LOAN_DECEIT,
        "被告人甲某使用虚假的购销合同从某银行取得贷款50万元后外出躲避催收，但现有证据不能认定其具有非法占有目的。",
        [LOAN_DECEIT],
        id="purpose_denied_outside",
    ),
    # 刑法第206条 / 第205条: forged forms sold, or invoices issued for no trade
    pytest.param(
        VAT,
        "被告人乙某将购得的伪造的增值税专用发票50份出售给他人，获利4000元。",
        [FORGED_VAT],
        id="forged_forms_sold_binds",
    ),
    pytest.param(
        VAT,
        "被告人乙某在没有真实交易的情况下，为他人虚开增值税专用发票50份，税额30万元。",
        [VAT],
        id="issued_for_no_trade_outside",
    ),
    # 刑法第292条 / 第234条: two gathered sides fighting each other
    pytest.param(
        "故意伤害",
        "被告人丙某纠集朋友六人，与对方纠集的五人在村口相互殴打，致一人轻伤。",
        ["聚众斗殴"],
        id="two_gathered_sides_binds",
    ),
    pytest.param(
        "故意伤害",
        "被告人丙某纠集朋友六人，将丁某围住拳打脚踢，致丁某轻伤，丁某未还手。",
        ["故意伤害"],
        id="crowd_beats_one_man_outside",
    ),
    pytest.param(
        "故意伤害",
        "被告人丙某纠集朋友六人，与对方纠集的五人在村口相互殴打，致一人重伤。",
        ["故意伤害"],
        id="gathered_fight_serious_injury_outside",
    ),
    # 刑法第224条之一: paid by the number recruited, in levels
    pytest.param(
        "诈骗",
        "被告人丁某以推销净水器为名收取入会费，并以发展下线的人数计算返利，其下线共五层。",
        [PYRAMID],
        id="fraud_read_as_pyramid_binds",
    ),
    pytest.param(
        "诈骗",
        "被告人丁某谎称可以代购低价净水器，收取被害人货款2万元后不发货。",
        ["诈骗"],
        id="plain_fraud_outside",
    ),
    pytest.param(
        "非法吸收公众存款",
        "被告人戊某以推广平台为名，要求会员缴纳500元加入，每发展一名会员可获得提成80元，按层级计酬。",
        [PYRAMID],
        id="deposits_read_as_pyramid_binds",
    ),
    pytest.param(
        "非法吸收公众存款",
        "被告人戊某以月息2%的高息向社会公众吸收资金，并按业务员发展的客户存款额给予提成。",
        ["非法吸收公众存款"],
        id="deposits_for_interest_outside",
    ),
    # 刑法第163条第2款 / 第271条: a supplier's fees, or the unit's own money
    pytest.param(
        "职务侵占",
        "被告人己某系某商贸公司采购员，收受供应商给予的回扣3万元归个人所有。",
        ["非国家工作人员受贿"],
        id="supplier_kickback_binds",
    ),
    pytest.param(
        "职务侵占",
        "被告人己某系某商贸公司销售员，将收取的公司货款3万元截留，据为己有。",
        ["职务侵占"],
        id="company_receipts_kept_outside",
    ),
    # 刑法第382条 / 第271条: public money named
    pytest.param(
        "职务侵占",
        "被告人庚某在担任某乡卫生院院长期间，利用职务便利，套取公款10万元据为己有。",
        ["贪污"],
        id="public_money_named_binds",
    ),
    pytest.param(
        "职务侵占",
        "被告人庚某在担任某私营诊所出纳期间，利用职务便利，套取诊所资金10万元据为己有。",
        ["职务侵占"],
        id="private_clinic_outside",
    ),
    # 刑法第345条: whose trees
    pytest.param(
        "滥伐林木",
        "被告人辛某在村民壬某承包的山林内擅自砍伐杉木30株。",
        ["盗伐林木"],
        id="named_villagers_hill_binds",
    ),
    pytest.param(
        "滥伐林木",
        "被告人辛某趁壬某外出务工之机，砍伐其屋后的柏树20株。",
        ["盗伐林木"],
        id="felled_while_owner_away_binds",
    ),
    pytest.param(
        "滥伐林木",
        "被告人辛某系某村村民，在自家承包的山林内未办理采伐许可证砍伐杉木30株。",
        ["滥伐林木"],
        id="own_hill_outside",
    ),
]


@pytest.mark.parametrize(("charge", "text", "read"), DISTINCTIONS)
def test_distinction_reads_the_element_the_statute_names(charge, text, read):
    assert by_distinctions(text, [charge]) == read


REQUIREMENTS = [
    # 刑法第233条: a death the act caused, not one told as past
    pytest.param(
        "过失致人死亡",
        "被告人甲某隐瞒其父已死亡的事实，继续领取其父的退休金。",
        False,
        id="death_told_as_past",
    ),
    pytest.param("过失致人死亡", "被告人甲某在其母亲去世后冒领养老金。", False, id="after_mother_died"),
    pytest.param("过失致人死亡", "被告人甲某倒车时将乙某撞倒，致乙某死亡。", True, id="death_caused"),
    pytest.param("过失致人死亡", "乙某经抢救无效去世。", True, id="died_after_rescue"),
    # 刑法第303条第2款: a place or a machine run for others' gambling
    pytest.param("开设赌场", "被告人乙某将骗得的钱款用于网络赌博。", False, id="own_online_gambling"),
    pytest.param(
        "开设赌场", "被告人乙某在其家中设置赌桌，组织他人赌博并从中抽头渔利。", True, id="gambling_room_cut"
    ),
    pytest.param("赌博", "被告人乙某以赌博为业，输赢数万元。", True, id="gambling_as_trade_unchanged"),
    # 刑法第228条: the transfer itself
    pytest.param(
        "非法转让、倒卖土地使用权",
        "被告人丙某擅自为他人办理土地使用权登记。",
        False,
        id="registration_no_transfer",
    ),
    pytest.param(
        "非法转让、倒卖土地使用权",
        "被告人丙某将其取得的土地使用权倒卖给他人，获利50万元。",
        True,
        id="land_resold",
    ),
    # 刑法第406条: a contract and the deceit suffered
    pytest.param(
        "国家机关工作人员签订、履行合同失职被骗",
        "被告人丁某违规为不符合条件的人员办理养老保险待遇，致使基金损失。",
        False,
        id="no_contract_no_deceit",
    ),
    pytest.param(
        "国家机关工作人员签订、履行合同失职被骗",
        "被告人丁某在代表县政府签订供货合同时严重不负责任，被对方骗走预付款100万元。",
        True,
        id="contract_deceived",
    ),
    # 刑法第272条 / 第384条: handed to another for his use and returned later
    pytest.param(
        "挪用资金", "被告人戊某将合作社账户内的资金转给其弟弟用于做生意。", True, id="handed_to_brother"
    ),
    pytest.param("挪用资金", "被告人戊某将合作社资金用于支付合作社的电费。", False, id="paid_units_own_bill"),
]


@pytest.mark.parametrize(("charge", "text", "stated"), REQUIREMENTS)
def test_requirement_is_the_statutes_conduct(charge, text, stated):
    assert states_requirements(text, charge) is stated


CUES = [
    # 刑法第266条: 虚构事实 or 隐瞒真相 before what is handed over
    pytest.param(
        "经审理查明：被告人甲某虚构其父住院的事实，向乙某借款2万元。", "诈骗", True, id="made_up_reason_loan"
    ),
    pytest.param(
        "经审理查明：被告人甲某向乙某借款2万元，后因生意失败无力偿还。", "诈骗", False, id="loan_not_repaid"
    ),
    # 刑法第209条第2款: ordinary invoices printed
    pytest.param(
        "经审理查明：被告人乙某私自印制餐饮业发票800份并出售。",
        "非法制造、出售非法制造的发票",
        True,
        id="invoices_printed",
    ),
    pytest.param(
        "经审理查明：被告人乙某私自印制增值税专用发票800份并出售。",
        "非法制造、出售非法制造的发票",
        False,
        id="vat_forms_not_this_article",
    ),
    # 刑法第224条之一
    pytest.param(
        "经审理查明：被告人丙某发展下线会员，按下线人数计酬。", PYRAMID, True, id="paid_by_recruits"
    ),
    pytest.param(
        "经审理查明：被告人丙某向会员销售保健品，按销售额提成。", PYRAMID, False, id="commission_on_sales"
    ),
]


@pytest.mark.parametrize(("text", "charge", "cued"), CUES)
def test_cue_is_the_articles_conduct_word(text, charge, cued):
    assert (charge in cued_charges(text)) is cued


@pytest.mark.parametrize(
    ("text", "told"),
    [
        pytest.param("被告人甲某隐瞒其母已死亡的事实，继续领取养老金6万元。", "诈骗", id="truth_hidden"),
        pytest.param("被告人甲某冒领其已故母亲的养老金6万元。", "诈骗", id="drew_anothers_due"),
        pytest.param("被告人甲某领取其母亲的养老金6万元。", None, id="drew_with_no_deceit"),
    ],
)
def test_fraud_told_by_hidden_truth(text, told):
    assert fraud_as_told(text, "诈骗") == told
