"""E52's conversion rules (charge_elements.yaml `distinctions`, `for_another`), each on a text written for it where it
binds and one just outside it. The texts are written for these tests, none taken from the development data."""

import pytest

from leniency.sentencing.extraction.charge_inference import default_model, for_another

MODEL = default_model()


def read(text: str, charge: str) -> list[str]:
    return MODEL._by_elements(text, [charge])


SHOP = "被告人甲在某商店窃取香烟两条，{then}。"

CONVERSIONS = [
    # 刑法第269条: force on the spot to escape after a single theft is robbery alone
    pytest.param(
        SHOP.format(then="被店主乙发现拦住，甲为抗拒抓捕，挥起木棍将乙打倒"),
        "盗窃",
        ["抢劫"],
        id="theft_force_to_escape",
    ),
    pytest.param(
        SHOP.format(then="被店主乙发现拦住，甲丢下香烟挣脱后逃离"), "盗窃", ["盗窃"], id="theft_breaks_free"
    ),
    # one of several thefts converted: the others stay theft (刑法第69条)
    pytest.param(
        "被告人甲多次在某菜场窃取他人钱包。其中一次被失主乙发现抓住，甲为逃脱用拳头殴打乙面部。",
        "盗窃",
        ["盗窃", "抢劫"],
        id="several_thefts_one_converted",
    ),
    # a second count (二、) tells another theft, not converted
    pytest.param(
        "一、被告人甲在某商场窃取乙的手机，被乙发现拦住，甲为抗拒抓捕持刀将乙划伤。\n二、被告人甲在某超市窃取丙的钱包。",
        "盗窃",
        ["盗窃", "抢劫"],
        id="second_count_a_theft",
    ),
    pytest.param(
        "被告人甲以代购为名骗得乙现金2000元，乙当场识破并拦住甲，甲拔出折叠刀相威胁后逃离。",
        "诈骗",
        ["抢劫"],
        id="fraud_force_on_the_spot",
    ),
    pytest.param(
        "被告人甲以代购为名骗得乙现金2000元后离开，三日后乙发觉被骗报警。",
        "诈骗",
        ["诈骗"],
        id="fraud_found_out_later",
    ),
    # the injury is the thief's force: read as robbery; a shopkeeper who beats the thief he caught is not converted
    pytest.param(
        "被告人甲入室盗窃时被屋主乙撞见，甲为脱身将乙推倒并踢打，致乙轻伤二级。",
        "故意伤害",
        ["抢劫"],
        id="thief_injures_to_escape",
    ),
    pytest.param(
        "被告人甲发现乙在其店内盗窃，将乙抓住后拳打脚踢，致乙轻伤二级。",
        "故意伤害",
        ["故意伤害"],
        id="shopkeeper_beats_the_thief",
    ),
    pytest.param(
        "被告人甲扯走乙的挎包，乙追上拽住甲，甲为脱身殴打乙头部后逃离。",
        "寻衅滋事",
        ["抢劫"],
        id="snatcher_beats_the_pursuer",
    ),
    pytest.param(
        "被告人甲酒后在街头无故殴打路人乙，致乙轻微伤。", "寻衅滋事", ["寻衅滋事"], id="beating_for_no_cause"
    ),
    # 刑法第238条第2款
    pytest.param(
        "被告人甲为讨债将乙关押在仓库内，并用钢管殴打乙，致乙脾脏破裂，经鉴定为重伤二级。",
        "非法拘禁",
        ["故意伤害"],
        id="detainer_maims",
    ),
    pytest.param(
        "被告人甲为讨债将乙关押在仓库内，乙趁夜从窗户跳下逃离时摔伤，经鉴定为重伤二级。",
        "非法拘禁",
        ["非法拘禁"],
        id="detained_jumps",
    ),
    pytest.param(
        "被告人甲为讨债将乙关押在仓库内，并多次用皮带抽打乙，致乙死亡。",
        "过失致人死亡",
        ["故意杀人"],
        id="detainer_kills",
    ),
    pytest.param(
        "被告人甲驾驶货车倒车时不慎将乙撞倒，致乙死亡。", "过失致人死亡", ["过失致人死亡"], id="no_detention"
    ),
    # the evidence list's 扣押笔录 and a weapon 扣押的 tell no detention
    pytest.param(
        "被告人甲与乙争执中推搡乙，乙倒地后头部撞击台阶死亡。上述事实，有扣押笔录、从甲处扣押的木棍、尸体检验鉴定意见等证据证实。",
        "过失致人死亡",
        ["过失致人死亡"],
        id="seizure_record_no_detention",
    ),
    # 刑法第292条第2款
    pytest.param(
        "被告人甲纠集十余人与乙方持刀斗殴，致乙方一人重伤二级。", "聚众斗殴", ["故意伤害"], id="affray_maims"
    ),
    pytest.param(
        "被告人甲纠集十余人与乙方持刀斗殴，致乙方二人轻伤。", "聚众斗殴", ["聚众斗殴"], id="affray_light"
    ),
    pytest.param(
        "被告人甲纠集十余人与乙方持刀斗殴，混战中乙方一人被砍死亡。",
        "故意伤害",
        ["故意杀人"],
        id="affray_kills",
    ),
    # 刑法第248条
    pytest.param(
        "被告人甲系某监狱狱警，多次殴打服刑人员乙，致乙重伤二级。",
        "虐待被监管人",
        ["故意伤害"],
        id="keeper_maims",
    ),
    pytest.param(
        "被告人甲系某监狱狱警，多次殴打服刑人员乙，致乙轻微伤。",
        "虐待被监管人",
        ["虐待被监管人"],
        id="keeper_bruises",
    ),
    pytest.param(
        "被告人甲系某看守所管教民警，指使在押人员殴打乙。",
        "破坏监管秩序",
        ["虐待被监管人"],
        id="keeper_not_prisoner",
    ),
    pytest.param(
        "被告人甲系在押罪犯，在监区内多次殴打其他在押人员乙。",
        "破坏监管秩序",
        ["破坏监管秩序"],
        id="prisoner_beats",
    ),
    # 刑法第234条之一第2款
    pytest.param(
        "被告人甲安排16岁的乙到某诊所摘除一侧肾脏后出售。",
        "组织出卖人体器官",
        ["故意伤害"],
        id="organ_of_a_minor",
    ),
    pytest.param(
        "被告人甲招募自愿卖肾的乙、丙，安排其摘除肾脏后出售。",
        "组织出卖人体器官",
        ["组织出卖人体器官"],
        id="organ_sellers_consent",
    ),
]


@pytest.mark.parametrize(("text", "charge", "expected"), CONVERSIONS)
def test_a_conversion_the_statute_makes_binds_and_not_beyond_it(text, charge, expected):
    assert sorted(read(text, charge)) == sorted(expected)


TORTURE = "被告人甲系某派出所民警，在讯问涉嫌盗窃的乙时，为逼取口供对乙拳打脚踢，致乙{harm}。"

FOR_ANOTHER = [
    # 刑法第247条: torture that kills or maims is art. 232's or 234's, in place of the suspect's theft
    pytest.param(TORTURE.format(harm="死亡"), ["盗窃"], ["故意杀人"], id="torture_kills"),
    pytest.param(TORTURE.format(harm="重伤二级"), ["盗窃"], ["故意伤害"], id="torture_maims"),
    pytest.param(TORTURE.format(harm="轻微伤"), ["盗窃"], ["刑讯逼供"], id="torture_bruises"),
    # 刑法第307条第1款 in the defendant's own case: his own crime stays beside it; for another, it is replaced
    pytest.param(
        "被告人甲将乙打成轻伤。为逃避法律追究，甲指使目击者丙作虚假证言。",
        ["故意伤害"],
        ["故意伤害", "妨害作证"],
        id="own_case_subornation",
    ),
    pytest.param(
        "被告人甲为使其弟逃避处罚，指使目击者丙作虚假证言。",
        ["故意伤害"],
        ["妨害作证"],
        id="subornation_for_a_brother",
    ),
    # the witness's false testimony is the witness's 伪证, not the suborner's
    pytest.param(
        "被告人甲为使其弟逃避处罚，指使目击者丙作虚假证言。",
        ["故意伤害", "伪证"],
        ["妨害作证"],
        id="witness_perjury_not_the_suborners",
    ),
    pytest.param(
        "被告人甲作为证人在刑事诉讼中故意作虚假证明。另为使其弟逃避处罚，甲指使丙作虚假证言。",
        ["伪证"],
        ["妨害作证", "伪证"],
        id="own_perjury_stays",
    ),
]


@pytest.mark.parametrize(("text", "chosen", "expected"), FOR_ANOTHER)
def test_a_crime_against_justice_replaces_anothers_crime_not_the_defendants_own(text, chosen, expected):
    assert sorted(for_another(text, chosen)) == sorted(expected)
