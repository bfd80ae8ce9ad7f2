"""E69's rules for charges inferred beside one another, each on texts written for it, one on each side of its line:
what one act makes its own (charge_elements.yaml `absorbs`), the injury and the rape told with a taking by force
(第263条), the forestry functionary (第397条, 第407条), the two crimes of 第410条 and 第397条's yielding to them,
贷款诈骗's financial institution (第193条), 破坏监管秩序's defendant held (第315条), the conduct words of 盗窃, 故意毁坏财物,
绑架 and 非法拘禁, and a count that states its article's own conduct word."""

import pytest

from leniency.sentencing.extraction.charge_rules import (
    absorbed,
    by_distinctions,
    fraud_as_told,
    states_requirements,
    without_absorbed,
)
from leniency.sentencing.extraction.charges import infer_charges
from leniency.sentencing.extraction.conduct_words import cued_charges

LAUNDER = "掩饰、隐瞒犯罪所得、犯罪所得收益"


@pytest.mark.parametrize(
    ("chosen", "text", "kept"),
    [
        pytest.param(
            ["开设赌场", "赌博"],
            "被告人在其家中设置赌台，招引他人赌博并抽头。",
            ["开设赌场"],
            id="casino_absorbs_gambling",
        ),
        pytest.param(["赌博"], "被告人多次聚众赌博。", ["赌博"], id="gambling_alone_stays"),
        pytest.param(
            ["抢劫", "非法侵入住宅"], "被告人翻窗入户，持刀劫取财物。", ["抢劫"], id="robbery_absorbs_entry"
        ),
        pytest.param(
            ["抢劫", "故意伤害"],
            "被告人持刀劫取财物，致被害人轻伤。",
            ["抢劫"],
            id="robbery_absorbs_its_harm",
        ),
        pytest.param(
            ["故意杀人", "故意伤害"],
            "被告人持刀捅刺被害人。",
            ["故意杀人", "故意伤害"],
            id="kill_or_hurt_unsure_stays",
        ),
        pytest.param(
            ["盗窃", LAUNDER], "被告人盗得摩托车后销赃并平分赃款。", ["盗窃"], id="thief_selling_own_loot"
        ),
        pytest.param(
            ["盗窃", LAUNDER],
            "被告人盗得摩托车一辆；又明知是他人盗窃所得的手机而予以收购。",
            ["盗窃", LAUNDER],
            id="thief_who_also_buys_others_loot",
        ),
        pytest.param(
            ["盗窃", LAUNDER],
            "被告人以六千元的价钱向李某购买了一辆盗赃三轮摩托车自用。",
            ["盗窃", LAUNDER],
            id="buyer_of_a_stolen_tricycle",
        ),
        pytest.param(
            ["故意伤害", "故意毁坏财物"],
            "被告人殴打乙致轻伤，又砸毁乙的汽车。",
            ["故意伤害", "故意毁坏财物"],
            id="two_objects_no_rule",
        ),
    ],
)
def test_one_act_is_one_crime(chosen, text, kept):
    assert without_absorbed(text, chosen) == kept


def test_a_count_of_its_own_keeps_its_charge_except_the_thiefs_own_loot():
    text = "被告人盗得摩托车后销赃。"
    assert not absorbed(text, "非法侵入住宅", ["盗窃"], across_counts=True)
    assert absorbed(text, LAUNDER, ["盗窃"], across_counts=True)


@pytest.mark.parametrize(
    ("text", "charges"),
    [
        pytest.param(
            "经审理查明：被告人甲某持水果刀在路边拦住被害人乙某，威胁乙某交出财物，乙某反抗时甲某用刀划伤乙某手臂，劫得现金800元。",
            ["抢劫"],
            id="injury_in_a_taking_by_force_is_robbery",
        ),
        pytest.param(
            "经审理查明：被告人周某向吴某追讨欠款5000元，吴某称无钱归还，周某遂殴打吴某，并逼迫吴某交出欠款，致吴某鼻骨骨折，经鉴定为轻伤二级。",
            ["故意伤害"],
            id="injury_to_collect_a_debt_stays_injury",
        ),
        pytest.param(
            "经审理查明：被告人丁某潜入戊某家中，持刀威胁戊某，劫取现金2000元，随后又采用暴力手段强行与戊某发生性关系。",
            ["强奸", "抢劫"],
            id="rape_with_a_taking_by_force_adds_robbery",
        ),
        pytest.param(
            "经审理查明：被告人甲某深夜尾随被害人乙某至偏僻小巷，持刀威胁乙某，采用暴力手段强行与乙某发生性关系。",
            ["强奸"],
            id="rape_alone",
        ),
        pytest.param(
            "经审理查明：被告人丙某系某县林业局林政股股长，负责林木采伐许可证的审核发放。丙某违反规定，超过年采伐限额为他人"
            "核发林木采伐许可证12份，致使森林遭受严重破坏，林木被采伐900余立方米。",
            ["违法发放林木采伐许可证"],
            id="forestry_official_issues_permits",
        ),
        pytest.param(
            "经审理查明：被告人丁某未办理林木采伐许可证，雇请他人砍伐其承包的林地内的杉木，经鉴定，立木蓄积量为45立方米。",
            ["滥伐林木"],
            id="villager_fells_without_permit",
        ),
        pytest.param(
            "经审理查明：被告人己某驾驶小型轿车在某路口与骑电动车的庚某相撞，致庚某重伤，己某驾驶该车离开现场，后被民警抓获。"
            "经认定，己某负事故全部责任。",
            ["交通肇事"],
            id="driver_leaving_a_crash_is_no_theft",
        ),
    ],
)
def test_charges_told_beside_a_taking_or_a_post(text, charges):
    assert sorted(infer_charges(text)) == sorted(charges)


@pytest.mark.parametrize(
    ("text", "read"),
    [
        pytest.param(
            "被告人系某县国土局局长，违反规定批准某公司占用耕地30亩建设厂房。",
            ["非法批准征收、征用、占用土地"],
            id="approval_410",
        ),
        pytest.param(
            "被告人系某县国土局局长，以低于评估价的价格将国有建设用地使用权出让给某公司。",
            ["非法低价出让国有土地使用权"],
            id="cheap_sale_410",
        ),
        pytest.param(
            "被告人系某县民政局局长，违规发放低保补贴50万元。", ["滥用职权"], id="other_abuse_stays_397"
        ),
    ],
)
def test_abuse_of_power_yields_to_article_410(text, read):
    assert by_distinctions(text, ["滥用职权"]) == read


@pytest.mark.parametrize(
    ("text", "charge", "stated"),
    [
        pytest.param(
            "被告人违反规定批准某公司占用基本农田18亩。",
            "非法批准征收、征用、占用土地",
            True,
            id="approval_told",
        ),
        pytest.param(
            "被告人违反规定批准某公司占用基本农田18亩。",
            "非法低价出让国有土地使用权",
            False,
            id="no_sale_told",
        ),
        pytest.param(
            "被告人以低于评估价格的价格出让国有土地使用权。",
            "非法低价出让国有土地使用权",
            True,
            id="sale_told",
        ),
        pytest.param(
            "被告人伙同他人将庚某关押在茶楼储藏室内两天。", "破坏监管秩序", False, id="held_by_defendant"
        ),
        pytest.param("被告人在被依法关押期间殴打同监室人员。", "破坏监管秩序", True, id="defendant_held"),
        pytest.param(
            "被告人趁乘客拥挤之际用镊子从其背包中夹取钱包一个。", "盗窃", True, id="tweezers_taking"
        ),
        pytest.param(
            "被告人用自制钥匙打开车锁，将该摩托车骑回其租住处。", "盗窃", True, id="motorbike_ridden_home"
        ),
        pytest.param("被告人在其租住处修理自己的摩托车。", "盗窃", False, id="own_motorbike_no_taking"),
        pytest.param(
            "案发后甲某逃往外地，后企图偷越出境。", "叛逃", False, id="thief_fleeing_is_no_defection"
        ),
        pytest.param(
            "被告人系某局干部，在出国考察履行公务期间擅离岗位，滞留境外不归。",
            "叛逃",
            True,
            id="functionary_stays_abroad",
        ),
        pytest.param(
            "被告人冒充公司的工作人员，以更换蓄电池为由将村民的蓄电池骗走。",
            "招收公务员、学生徇私舞弊",
            False,
            id="posing_staff_is_no_recruitment",
        ),
        pytest.param(
            "被告人在负责某县公务员招录考试的资格审查工作中，为亲属篡改考试成绩。",
            "招收公务员、学生徇私舞弊",
            True,
            id="recruitment_told",
        ),
    ],
)
def test_requirements(text, charge, stated):
    assert states_requirements(text, charge) is stated


@pytest.mark.parametrize(
    ("text", "read"),
    [
        pytest.param(
            "被告人以非法占有为目的，使用伪造的收入证明向某农村信用社申请贷款，骗取贷款30万元。",
            "贷款诈骗",
            id="credit_union_loan",
        ),
        pytest.param(
            "被告人发布虚假的贷款广告，以缴纳保证金为由骗取被害人4.7万元。",
            "诈骗",
            id="loan_promised_to_victims",
        ),
        pytest.param(
            "被告人谎称能帮被害人办理银行低息贷款，以手续费为由骗取被害人2万元。",
            "诈骗",
            id="bank_loan_promised_to_victim",
        ),
    ],
)
def test_loan_fraud_needs_a_financial_institutions_loan(text, read):
    assert fraud_as_told(text, "贷款诈骗") == read


@pytest.mark.parametrize(
    ("text", "cued", "not_cued"),
    [
        pytest.param(
            "被告人用刀将甲某果园内的苹果树树皮环剥，致使苹果树20棵枯死。",
            "故意毁坏财物",
            None,
            id="trees_ringbarked",
        ),
        pytest.param("因天气干旱，致使果树枯死。", None, "故意毁坏财物", id="trees_dead_of_drought"),
        pytest.param(
            "被告人辛某将壬某扣押在出租屋内，向其家属索要赎金10万元。", "绑架", None, id="ransom_kidnapping"
        ),
        pytest.param(
            "被告人辛某因讨债将壬某扣押在宾馆房间内两天。", "非法拘禁", "绑架", id="held_for_a_debt"
        ),
        pytest.param("民警依法扣押了被告人的手机。", None, "非法拘禁", id="phone_seized_by_police"),
    ],
)
def test_conduct_words(text, cued, not_cued):
    found = cued_charges(text)
    if cued:
        assert found[:1] == [cued]
    if not_cued:
        assert not_cued not in found


def test_a_count_stating_its_articles_conduct_word_adds_its_charge():
    counts = (
        "经审理查明：一、2021年1月至6月，被告人许某在某村租用民房开设赌场，组织他人赌博，从中抽头获利8万元。"
        "二、2021年7月，许某因赌客何某欠其赌债，伙同他人将何某扣押在一宾馆房间内48小时。"
    )
    assert sorted(infer_charges(counts)) == ["开设赌场", "非法拘禁"]
    # just outside: the same debt told without holding anyone adds nothing
    no_holding = counts.replace("伙同他人将何某扣押在一宾馆房间内48小时", "多次打电话向何某催要")
    assert infer_charges(no_holding) == ["开设赌场"]


@pytest.mark.parametrize(
    ("text", "stated"),
    [
        pytest.param(
            "乙某反抗时甲某用刀划伤乙某手臂，劫得现金800元。", False, id="a_persons_wound_is_no_damage"
        ),
        pytest.param("甲某用钥匙将乙某停放的轿车车漆划花，车身多处受损。", True, id="a_cars_paint_scratched"),
    ],
)
def test_damage_to_property_is_not_a_persons_wound(text, stated):
    assert states_requirements(text, "故意毁坏财物") is stated
