"""侵占 (刑法第270条) told apart from its neighbours by the statute's own conduct (issue 16 class 8; charge_elements.yaml):
what the defendant held for its owner (entrusted, lent or rented to him) or found, kept and not given back. The owner's
asking for it back is no extortion (第274条 needs the defendant's threat); a secret taking is theft (第264条); a keeping
through a post over a unit's property is 职务侵占 (第271条). Fact texts written for these tests."""

from leniency.sentencing.extraction.charges import infer_charges

FOUND = (
    "经审理查明：2020年8月3日，被告人甲在某商场内拾得被害人乙遗忘在柜台上的挎包一个，内有现金2万元及金项链一条。"
    "乙多次向甲索要，甲拒不交出。"
)
RENTED = "经审理查明：2021年3月，被告人甲租用被害人乙的轿车一辆，租期届满后，甲将该车据为己有，经乙多次催要，甲拒不归还。"


def test_a_found_bag_kept_though_its_owner_asks_for_it_is_embezzlement_not_extortion():
    assert infer_charges(FOUND) == ["侵占"]


def test_a_threat_to_the_owner_of_a_found_phone_is_extortion():
    text = (
        "经审理查明：2020年8月3日，被告人甲捡到被害人乙遗失的手机一部后，以公开手机中的照片相要挟，向乙索要人民币5000元，"
        "并拒不归还手机。"
    )
    assert infer_charges(text) == ["敲诈勒索"]


def test_a_rented_car_kept_by_a_private_person_is_embezzlement():
    assert infer_charges(RENTED) == ["侵占"]


def test_a_cashier_keeping_the_units_money_is_job_embezzlement():
    text = (
        "经审理查明：2021年3月，被告人甲在某公司担任出纳期间，利用职务便利，将其经手的公司货款8万元据为己有，"
        "经公司多次催要，甲拒不归还。"
    )
    assert infer_charges(text) == ["职务侵占"]


def test_entrusted_money_kept_under_a_lie_is_embezzlement():
    text = (
        "经审理查明：2019年5月，被害人乙将现金8万元交由被告人甲代为保管。后甲谎称该款被盗，拒不退还，"
        "并将该款用于偿还个人债务。"
    )
    assert infer_charges(text) == ["侵占"]


def test_a_bag_taken_secretly_from_the_counter_is_theft():
    text = "经审理查明：2020年8月3日，被告人甲在某商场内趁被害人乙不备，从柜台上窃取乙的挎包一个，内有现金2万元。"
    assert infer_charges(text) == ["盗窃"]
