"""The statute's description of the conduct (罪状) in a charge's profile, and what is not conduct (issue 16,
class 8). Fact texts written for these tests, not taken from any data set.

A charge with no decided case is known by its statute alone: its article's words (charge_statutes.json,
built from the statute by build_statute_text.py) must describe the conduct, not only its brackets'
conditions. The title of a law and the state's name are no conduct: a fact that cites
《中华人民共和国刑法》 or a 中华人民共和国居民身份证 must not read as 背叛国家."""

import pytest

from leniency.sentencing.extraction import charge_inference
from leniency.sentencing.extraction.charge_inference import ChargeModel, ngrams, statute_conduct

CONDUCT = [
    ("被告人甲在公共场所起哄闹事，随意殴打路人，并强拿硬要摊主的香烟。", "寻衅滋事"),  # art. 293
    ("被告人甲将被害人关押在房间内，剥夺其人身自由。", "非法拘禁"),  # art. 238
    ("被告人甲违反交通运输管理法规，驾驶机动车发生重大事故，致一人死亡。", "交通肇事"),  # art. 133
]


@pytest.mark.parametrize(("text", "charge"), CONDUCT)
def test_a_charge_without_cases_is_recognised_by_its_statutes_conduct(text, charge):
    assert ChargeModel(None).candidates(text, limit=1)[0].charge == charge


def test_without_the_articles_words_the_brackets_alone_miss_it(monkeypatch):
    monkeypatch.setattr(charge_inference, "statute_conduct", lambda: {})
    assert ChargeModel(None).candidates(CONDUCT[0][0], limit=1)[0].charge != "寻衅滋事"


def test_the_articles_words_leave_the_penalties_out():
    text = statute_conduct()["寻衅滋事"]
    assert "随意殴打他人" in text and "强拿硬要" in text and "有期徒刑" not in text and "罚金" not in text
    assert len(statute_conduct()) == 481


def test_a_law_title_and_the_states_name_are_not_conduct():
    text = "被告人甲持伪造的中华人民共和国居民身份证办理银行卡，其行为违反了《中华人民共和国刑法》的规定。"
    assert not {"中华", "共和国", "刑法"} & set(ngrams(text))
    assert all(c.charge != "背叛国家" for c in ChargeModel(None).candidates(text, limit=3))
