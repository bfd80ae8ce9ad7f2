"""Each rule of sentence_acts.opens_apart and document._apart_acts (E71), where it binds and just outside it. Texts
written for this test."""

import pytest

from leniency.sentencing.extraction.document import acts, numbered_counts, parse
from leniency.sentencing.extraction.sentence_acts import opens_apart


def _opens(sentence: str) -> bool:
    return opens_apart(sentence, 0, len(sentence))


@pytest.mark.parametrize(
    ("sentence", "opens"),
    [
        pytest.param("另查明，2020年4月，甲某为他人伪造驾驶证三本。", True, id="found-with-a-date"),
        pytest.param("另查明，甲某为他人伪造驾驶证三本。", False, id="found-without-a-time"),
        pytest.param("另查明，2020年4月3日，甲某主动到公安机关投案。", False, id="found-surrender"),
        pytest.param("另查明，2020年4月3日，甲某的亲属代为赔偿被害人损失。", False, id="found-compensation"),
        pytest.param("另查明，2016年5月甲某因犯盗窃罪被判处有期徒刑一年。", False, id="found-record"),
        pytest.param("另查明：2021年3月，甲某系某公司员工。", False, id="found-profile"),
        pytest.param("此外，甲某还在其住处容留乙某吸食毒品。", True, id="besides-also"),
        pytest.param("此外，甲某在其住处容留乙某吸食毒品。", False, id="besides-without-also"),
        pytest.param("另外，甲某又于2021年冒用他人信用卡消费。", True, id="moreover-again"),
        pytest.param("此外，2022年5月，甲某明知是赃物仍予以收购。", True, id="besides-with-a-date"),
        pytest.param(
            "另查明，甲某于2022年为他人伪造居民身份证三张。", True, id="found-an-identity-card-made"
        ),
        pytest.param("另查明，2022年甲某的身份信息经户籍核实。", False, id="found-identity-checked"),
        pytest.param("此外，甲某还款2000元给被害人。", False, id="besides-repaid"),
        pytest.param("此外，甲某的供述、证人证言等证据还证实上述事实。", False, id="besides-evidence"),
        pytest.param("同年9月，甲某又在某商场窃取手机一部。", True, id="same-year-again"),
        pytest.param("次年3月，甲某又在山林中猎捕穿山甲一只。", True, id="next-year-again"),
        pytest.param("当日下午，甲某又持木棒将乙打伤。", False, id="same-day-again"),
        pytest.param("同年9月，甲某又将手机销赃。", False, id="same-year-disposal"),
        pytest.param("次年4月，甲某又将这两亩耕地挖成鱼塘。", False, id="next-year-same-land-again"),
        pytest.param("次年4月，甲某又将邻村耕地挖成鱼塘。", True, id="next-year-other-land"),
        pytest.param("同年9月，甲某又去查看之前设下的捕鸟网。", False, id="same-year-earlier-nets"),
        pytest.param("另查明，2021年3月，甲某因涉嫌盗窃被民警传唤时如实供述。", False, id="found-questioned"),
        pytest.param("同年9月，甲某在某商场窃取手机一部。", False, id="same-year-without-again"),
    ],
)
def test_a_sentence_opens_an_act_of_its_own(sentence, opens):
    assert _opens(sentence) is opens


THEFT_THEN_DRIVING = (
    "经审理查明：2020年3月，被告人甲某在某小区窃取电动车一辆。"
    "另查明，2020年5月，甲某醉酒驾驶机动车被查获。"
    "上述事实，有证人证言等证据证实。"
)


def test_unnumbered_acts_run_from_their_telling_to_the_summing_up():
    document = parse(THEFT_THEN_DRIVING)
    told = [THEFT_THEN_DRIVING[a.start : a.end] for a in acts(document)]
    assert len(told) == 2
    assert "窃取电动车" in told[0] and "醉酒" not in told[0]
    assert told[1].startswith("另查明") and "上述事实" not in told[1]


def test_a_found_circumstance_makes_no_act():
    text = "经审理查明：2020年3月，被告人甲某在某小区窃取电动车一辆。另查明，2020年4月2日，甲某主动投案。"
    assert acts(parse(text)) == []


def test_an_unnumbered_act_after_numbered_counts_is_one_more_act():
    text = (
        "经审理查明：一、2020年3月，甲某窃取电动车一辆。二、2020年4月，甲某窃取手机一部。"
        "另查明，2020年6月，甲某醉酒驾驶机动车被查获。"
    )
    assert [a.path for a in acts(parse(text))] == ["一、", "二、", "另1"]


def test_each_telling_has_its_own_first_act():
    text = (
        "公诉机关指控：2020年3月，甲某窃取电动车一辆。此外，甲某还醉酒驾驶机动车。"
        "经审理查明：2020年3月，甲某窃取电动车一辆。此外，甲某还醉酒驾驶机动车。"
    )
    assert len(acts(parse(text))) == 4


def test_unnumbered_acts_are_not_counted_as_repeated_acts():
    text = "经审理查明：2020年3月，甲某窃取电动车一辆。同年5月，甲某又窃取手机一部。"
    assert len(acts(parse(text))) == 2
    assert numbered_counts(parse(text), ["盗窃"], None) is None
