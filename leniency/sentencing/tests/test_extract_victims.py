"""Whose: the victims of a case, never its defendants, each counted once (issue 16, class 3)."""

from leniency.sentencing.extract import extract
from leniency.sentencing.extraction.victims import victim_names


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


def test_lettered_victims_are_victims_and_three_reach_the_bracket_for_several():
    """Minors are lettered (被害人甲), not masked; 刑法第236条第3款第(二)项: 奸淫幼女多人 (three or more)."""
    from leniency.sentencing.calculator import calculate

    three = (
        "经审理查明，2019年至2020年间，被告人张某利用其担任某小学教师的便利，先后在教室内对被害人甲（女，2010年出生）、"
        "被害人乙（女，2010年出生）、被害人丙（女，2011年出生）实施奸淫。"
    )
    two = (
        "经审理查明，2019年间，被告人张某利用其担任某小学教师的便利，先后对被害人甲、乙（均系幼女）实施奸淫。"
    )
    assert victim_names(three) == {"甲", "乙", "丙"}
    assert victim_names(two) == {"甲", "乙"}
    assert calculate(extract(three, ["强奸"])).charges[0].bracket_label.startswith("10年以上")
    assert calculate(extract(two, ["强奸"])).charges[0].bracket_label.startswith("3年以上10年以下")


def test_a_masked_name_beginning_with_a_letter_is_no_lettered_victim():
    text = "经审理查明，被告人张某窃得被害人甲某某手机一部、被害人丁×电动车一辆，后被害人甲某某的母亲报警。"
    assert victim_names(text) == {"甲某某", "丁×"}


def test_victims_masked_with_an_index_before_mou_are_each_read():
    text = "被告人王某先后窃得被害人张1某的手机一部、被害人张2某的电动车一辆，后退赔张1某、张2某全部损失。"
    assert victim_names(text) == {"张1某", "张2某"}
    assert extract(text).victims == 2


def test_a_defendant_masked_with_an_index_is_never_a_victim():
    text = "被告人李1某窃得李2某的手机一部，后被告人李1某将手机退还给李2某。"
    assert victim_names(text) == {"李2某"}
