"""A light injury caused by the defendant's mishap is no crime (刑法第15条第2款: a negligent act is a crime only where the
law says so; 第235条 makes a negligent injury one only when serious, 第233条 when fatal). Such a text infers neither
故意伤害 nor 过失致人重伤 (standards/charge_elements.yaml `no_crime`); the same mishap with a serious injury is
过失致人重伤, and the push done on purpose with a light injury stays 故意伤害 (issue 16 class 8). Every text here was
written for this file."""

import pytest

from leniency.sentencing.extraction.charge_inference import ChargeModel, charge_elements, tells_no_crime
from leniency.sentencing.extraction.charges import infer_charges
from leniency.sentencing.extraction.conduct_words import cued_charges

MODEL = ChargeModel(None)

MISHAP_LIGHT = "甲与乙发生争执时失手将乙推倒，致乙头部受伤，经鉴定为轻伤二级。"
MISHAP_SERIOUS = "甲与乙发生争执时失手将乙推倒，致乙颅脑损伤，经鉴定为重伤二级。"
ON_PURPOSE_LIGHT = "甲与乙发生争执，故意将乙推倒在地，致乙手臂骨折，经鉴定为轻伤一级。"
VICTIMS_MISHAP = "甲推搡乙，乙不慎摔倒，致乙轻伤二级。"
BEATING_THEN_MISHAP = "甲用拳头殴打乙，后又失手将乙推倒，致乙轻伤一级。"


def test_a_light_injury_by_mishap_infers_no_charge():
    assert infer_charges(MISHAP_LIGHT) == []
    assert infer_charges("甲失手将乙推倒，致乙轻伤。") == []
    assert tells_no_crime(MISHAP_LIGHT, "故意伤害")


def test_a_serious_injury_by_the_same_mishap_is_negligent_serious_injury():
    assert infer_charges(MISHAP_SERIOUS) == ["过失致人重伤"]
    assert not tells_no_crime(MISHAP_SERIOUS, "故意伤害")


def test_the_push_done_on_purpose_with_a_light_injury_is_intentional_injury():
    assert infer_charges(ON_PURPOSE_LIGHT) == ["故意伤害"]
    assert not tells_no_crime(ON_PURPOSE_LIGHT, "故意伤害")


@pytest.mark.parametrize("fact", [VICTIMS_MISHAP, BEATING_THEN_MISHAP])
def test_the_victims_own_mishap_or_a_beating_beside_it_keeps_the_injury(fact):
    # just outside: 乙不慎摔倒 is the victim's mishap, not the defendant's; a beating told beside the mishap is intent
    assert not tells_no_crime(fact, "故意伤害")
    assert MODEL._by_elements(fact, ["故意伤害"]) == ["故意伤害"]


def test_the_rule_drops_only_the_charge_it_names():
    assert MODEL._by_elements(MISHAP_LIGHT, ["故意伤害"]) == []
    assert MODEL._by_elements(MISHAP_LIGHT, ["寻衅滋事"]) != []


def test_a_short_text_of_a_mishap_that_maims_names_negligent_serious_injury():
    assert infer_charges("甲失手将乙推倒，致乙重伤。") == ["过失致人重伤"]
    assert infer_charges("甲不小心把乙撞倒，造成乙重伤二级。") == ["过失致人重伤"]


def test_a_short_text_of_a_deliberate_blow_that_maims_is_intentional_injury_first():
    # just outside: no mishap, so the intentional blow's cue comes first and the negligent one reads nothing
    fact = "甲用木棍猛击乙的头部，致乙重伤。"
    assert cued_charges(fact)[:1] == ["故意伤害"]
    assert "过失致人重伤" not in cued_charges(fact)


def test_every_no_crime_rule_cites_its_article():
    for rule in charge_elements()["no_crime"]:
        assert "刑法第" in rule["source"] and "第15条" in rule["source"]
