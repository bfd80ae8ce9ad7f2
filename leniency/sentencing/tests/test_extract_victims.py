"""Whose: the victims of a case, never its defendants, each counted once (issue 16, class 3)."""

from leniency.sentencing.extract import extract
from leniency.sentencing.extraction.quantities import victim_names


def test_the_ones_things_were_taken_from_and_paid_back_to_are_victims():
    text = "被告人张某先后窃得李某某电动车一辆、王某甲手机一部，后赔偿李某某、王某甲损失。"
    assert victim_names(text) == {"李某某", "王某甲"}
    assert extract(text).victims == 2


def test_victims_listed_after_the_word_victim_are_all_read():
    assert victim_names("公安机关将查获手机依法返还给了被害人严某某、肖某某。") == {"严某某", "肖某某"}


def test_the_owner_of_what_was_taken_is_a_victim():
    text = "被告人张某从郭某某停放的电动自行车储物箱内窃得手机一只；后又窃得吴某某经营的商店内香烟两条。"
    assert victim_names(text) == {"郭某某", "吴某某"}


def test_a_defendant_is_never_a_victim():
    text = "被告人张某某窃得李某的手机一部，后被告人张某某将手机退还给李某。经查，赔偿张某某的说法不实。"
    assert victim_names(text) == {"李某"}


def test_two_injuries_of_one_victim_are_one_victim():
    facts = extract("被告人持刀砍伤被害人李某，致李某左臂轻伤二级、右腿轻伤二级。")
    assert facts.victims == 1 and len(facts.injuries) == 2
