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
    monkeypatch.setattr(charge_inference, "conduct_text", charge_inference.statute_text)
    assert ChargeModel(None).candidates(CONDUCT[0][0], limit=1)[0].charge != "寻衅滋事"


def test_the_interpretations_words_alone_recognise_the_conduct(monkeypatch):
    """法释〔2013〕18号's words for 寻衅滋事 (charge_elements.yaml `conduct`) carry it without the article's own."""
    monkeypatch.setattr(charge_inference, "statute_conduct", lambda: {})
    assert ChargeModel(None).candidates(CONDUCT[0][0], limit=1)[0].charge == "寻衅滋事"


def test_the_articles_words_leave_the_penalties_out():
    text = statute_conduct()["寻衅滋事"]
    assert "随意殴打他人" in text and "强拿硬要" in text and "有期徒刑" not in text and "罚金" not in text
    assert len(statute_conduct()) == 481


def test_a_law_title_and_the_states_name_are_not_conduct():
    text = "被告人甲持伪造的中华人民共和国居民身份证办理银行卡，其行为违反了《中华人民共和国刑法》的规定。"
    assert not {"中华", "共和国", "刑法"} & set(ngrams(text))
    assert all(c.charge != "背叛国家" for c in ChargeModel(None).candidates(text, limit=3))


@pytest.mark.parametrize(
    ("charge", "before"),
    [
        ("失火", "放火、决水、爆炸以及投放毒害性"),  # art. 115 ¶2, of ¶1
        ("过失以危险方法危害公共安全", "以其他危险方法致人重伤、死亡或者使公私财产遭受重大损失"),
        ("过失损坏交通工具", "破坏交通工具、交通设施"),  # art. 119 ¶2
        ("过失损坏广播电视设施、公用电信设施", "破坏广播电视设施、公用电信设施"),  # art. 124 ¶2
        ("过失损坏武器装备、军事设施、军事通信", "破坏武器装备、军事设施、军事通信"),  # art. 369 ¶2
        (
            "过失提供不合格武器装备、军事设施",
            "明知是不合格的武器装备、军事设施而提供给武装部队",
        ),  # art. 370 ¶2
    ],
)
def test_a_negligent_form_is_described_by_the_conduct_of_the_paragraph_before(charge, before):
    """过失犯前款罪: the conduct is the paragraph before's, done by negligence; its own words name none."""
    text = statute_conduct()[charge]
    assert before in text and "过失犯前款罪" in text


def test_the_cases_other_than_the_paragraph_befores_do_not_take_its_words():
    """Art. 209 ¶2 (前款规定以外的其他发票) and art. 412 ¶2 (前款所列人员) are not the conduct of ¶1."""
    assert "可以用于骗取出口退税" not in statute_conduct()["非法制造、出售非法制造的发票"]
    assert "伪造检验结果" not in statute_conduct()["商检失职"]


def test_a_fire_left_untended_reads_as_negligently_causing_a_fire():
    text = (
        "被告人甲在自家院内焚烧秸秆时疏于看管，火势蔓延引发火灾，烧毁邻居房屋三间，使公私财产遭受重大损失。"
    )
    assert "失火" in charge_inference.default_model().charges(text)


def test_a_negligent_forms_few_words_no_longer_match_any_serious_harm():
    """Its own paragraph alone (过失犯前款罪，造成严重后果的) made 过失损坏武器装备 the best match of a railway accident."""
    text = "被告人甲在铁路道口违章作业，疏忽大意，致使铁轨损坏，造成列车脱轨的严重后果。"
    assert ChargeModel(None).candidates(text, limit=1)[0].charge != "过失损坏武器装备、军事设施、军事通信"


@pytest.mark.parametrize(
    ("charge", "persons"),
    [
        ("商检失职", "国家商检部门、商检机构的工作人员严重不负责任"),  # art. 412 ¶2, persons of ¶1
        ("动植物检疫失职", "动植物检疫机关的检疫人员严重不负责任"),  # art. 413 ¶2
    ],
)
def test_the_persons_listed_in_the_paragraph_before_are_named(charge, persons):
    """前款所列人员: the persons of the paragraph before take its place; that paragraph's conduct stays out."""
    text = statute_conduct()[charge]
    assert text.startswith(persons) and "前款所列人员" not in text and "徇私舞弊" not in text


@pytest.mark.parametrize(
    ("text", "charge"),
    [
        (  # before: also 国家机关工作人员签订、履行合同失职被骗 and 动植物检疫失职
            "被告人甲系商检机构检验员，工作中严重不负责任，对进口的一批废旧钢材未按规定抽样检验即错误出证，"
            "致使国家利益遭受重大损失。",
            "商检失职",
        ),
        (  # before: also 动植物检疫徇私舞弊, the intentional form, of which the text says nothing
            "被告人甲系口岸动植物检疫机关检疫人员，严重不负责任，对入境的一批带有检疫性有害生物的原木未经检疫即"
            "放行，延误检疫出证，造成重大损失。",
            "动植物检疫失职",
        ),
    ],
)
def test_a_negligent_inspector_reads_as_that_inspectors_dereliction_alone(text, charge):
    assert charge_inference.default_model().charges(text) == [charge]
