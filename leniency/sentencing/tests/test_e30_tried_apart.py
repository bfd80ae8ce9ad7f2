"""One mark of a person tried apart (conduct_words.TRIED_APART_MARK) for both readers of it: charge_inference's
defendants_conduct, which leaves out a sentence whose subject is such a person, and conduct_words' own_act. A person
already tried (已判) is no defendant of this case any more than one whose case is handled apart (另案处理): what that
person does alone is not the defendant's conduct. Fact texts written for these tests."""

import pytest

from leniency.sentencing.extraction.charge_inference import defendants_conduct
from leniency.sentencing.extraction.charges import infer_charges
from leniency.sentencing.extraction.conduct_words import TRIED_APART, cued_charges

THEFT = "2020年5月3日，被告人甲在某小区窃得电动车一辆，价值人民币3000元。"
RECEIVING = "同案人乙{mark}明知是盗窃所得仍予以收购，并转卖他人获利。"


def left_out(text: str, part: str) -> bool:
    at = text.index(part)
    return defendants_conduct(text)[at : at + len(part)].strip() == ""


@pytest.mark.parametrize(
    "mark", ["（已判）", "（已判刑）", "（另案处理）", "（另案起诉）", "(已判决，现服刑)"]
)
def test_a_sentence_whose_subject_is_tried_apart_is_no_conduct_of_the_defendant(mark):
    receiving = RECEIVING.format(mark=mark)
    assert left_out(THEFT + receiving, receiving[:-1])
    assert TRIED_APART.search(receiving)


@pytest.mark.parametrize("mark", ["（已到案）", "（已死亡）", "（另查）"])
def test_a_person_not_tried_apart_is_still_read(mark):
    receiving = RECEIVING.format(mark=mark)
    assert not left_out(THEFT + receiving, receiving[:-1])
    assert TRIED_APART.search(receiving) is None


def test_the_thief_is_not_read_as_the_receiver_his_accomplice_already_tried_was():
    assert infer_charges(THEFT + RECEIVING.format(mark="（已判）"))[0] == "盗窃"


def test_a_joint_act_with_a_person_already_tried_is_the_defendants():
    text = "2020年5月3日，被告人甲伙同乙（已判）在某小区窃得电动车一辆，价值人民币3000元。"
    assert not left_out(text, "被告人甲伙同乙（已判）在某小区窃得电动车一辆")
    assert cued_charges("被告人甲伙同乙（已判）偷拿丙的手机一部") == ["盗窃"]


def test_a_conduct_word_told_of_a_person_already_tried_alone_names_no_charge():
    assert cued_charges("乙（已判）偷拿丙的手机一部") == []
    assert cued_charges("乙偷拿丙的手机一部") == ["盗窃"]
