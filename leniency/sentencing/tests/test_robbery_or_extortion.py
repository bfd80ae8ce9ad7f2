"""Robbery and extortion told apart by their articles (issue 16 class 8; standards/charge_elements.yaml
`distinctions`). 抢劫 (刑法第263条) is force or a threat of force used on the spot to take property on the spot; 敲诈勒索
(第274条) is a threat whose harm or whose taking is to come (the commentators' 两个当场). A knife held to the victim to
make him hand over at once is robbery; a threat to publish photos, or a call demanding money within three days, is
extortion. Every text here was written for this file."""

from leniency.sentencing.extraction.charge_inference import ChargeModel
from leniency.sentencing.extraction.charges import infer_charges

MODEL = ChargeModel(None)  # the statute profiles alone: the rules, not the data, decide here

KNIFE_NOW = "甲持水果刀威胁出租车司机乙，迫使乙交出营运款300元。"
DAGGER_NOW = "甲在路边拦住乙，持匕首抵住乙的腹部，迫使乙交出身上的现金800元和手机一部。"
PHOTOS_NEXT_WEEK = "甲以在网上公布乙的裸照相要挟，要求乙在下周内支付5万元。"
CALL_THREE_DAYS = "甲打电话威胁乙，要求乙在三日内汇款3万元，否则对其家人不利。"
KNIFE_LATER = "甲持刀威胁乙，要求乙三日内交出5万元，否则杀其全家。"
KNIFE_NOW_AND_LATER = "甲持刀威胁乙，迫使乙当场交出现金2000元，并要求乙三日内再交5万元。"


def read(text: str, charge: str) -> list[str]:
    return MODEL._by_elements(text, [charge])


def test_a_knife_held_to_make_the_victim_hand_over_now_is_robbery():
    assert infer_charges(KNIFE_NOW)[:1] == ["抢劫"]
    assert infer_charges(DAGGER_NOW)[:1] == ["抢劫"]


def test_a_threat_to_publish_photos_unless_paid_next_week_is_extortion():
    assert infer_charges(PHOTOS_NEXT_WEEK) == ["敲诈勒索"]


def test_a_call_demanding_money_within_three_days_is_extortion():
    assert infer_charges(CALL_THREE_DAYS) == ["敲诈勒索"]


def test_extortion_read_from_a_knife_and_a_handing_over_at_once_is_robbery():
    assert read(KNIFE_NOW, "敲诈勒索") == ["抢劫"]
    assert read(DAGGER_NOW, "敲诈勒索") == ["抢劫"]


def test_a_knife_and_a_handing_over_on_a_later_day_stays_extortion():
    # just outside: the same knife and 交出, but the day named before it is three days away
    assert read(KNIFE_LATER, "敲诈勒索") == ["敲诈勒索"]
    assert read(CALL_THREE_DAYS, "敲诈勒索") == ["敲诈勒索"]


def test_robbery_read_from_a_threat_for_money_paid_later_is_extortion():
    assert read(KNIFE_LATER, "抢劫") == ["敲诈勒索"]
    assert read(CALL_THREE_DAYS, "抢劫") == ["敲诈勒索"]
    assert infer_charges(KNIFE_LATER)[:1] == ["敲诈勒索"]


def test_a_taking_on_the_spot_beside_a_later_demand_stays_robbery():
    # just outside: the money handed over 当场 makes the robbery, whatever more is demanded for later
    assert read(KNIFE_NOW_AND_LATER, "抢劫") == ["抢劫"]
    assert infer_charges(KNIFE_NOW_AND_LATER)[:1] == ["抢劫"]


def test_a_victim_held_until_paid_stays_robbery():
    # the coercion lasts until the money comes (the victim is 控制): not a taking on a later day of his own
    held = "甲将乙控制在出租屋内，持刀威胁乙，要求乙次日让家人送来2万元。"
    assert read(held, "抢劫") == ["抢劫"]
