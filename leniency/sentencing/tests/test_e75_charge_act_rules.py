"""E75's rules, each where it binds and on a text just outside it (texts written for this test): whose act a conduct word
is (conduct_actor), a distinction whose element must be the defendant's act (`actor: defendant`), art. 355's sale for
gain, a weapon's threat that makes a taking robbery, each count a candidate for a charge of its own, read on its own
facts, and 袭警's date told in the sentence before the blow."""

import pytest

from leniency.sentencing.extraction.charge_rules import by_distinctions
from leniency.sentencing.extraction.charges import _by_act, default_model, infer_charges, told_counts
from leniency.sentencing.extraction.conduct_actor import others_act
from leniency.sentencing.extraction.conduct_words import cued_charges
from leniency.sentencing.extraction.document import parse

DRUGS = "走私、贩卖、运输、制造毒品"


@pytest.mark.parametrize(
    ("text", "word", "others"),
    [
        pytest.param(
            "被害人乙某酒后到被告人甲某店内寻衅，辱骂甲某。", "辱骂", True, id="victim-opens-the-clause"
        ),
        pytest.param(
            "被告人甲某被丙某发现，丙某追上甲某并将其打倒在地。", "打倒", True, id="another-named-person"
        ),
        pytest.param(
            "被告人甲某被丙某发现后，甲某将丙某打倒在地。", "打倒", False, id="the-defendant-by-name"
        ),
        pytest.param(
            "被告人甲某伙同乙某到丙某家，乙某持刀将丙某砍伤。", "砍伤", False, id="a-co-offender-is-no-other"
        ),
        pytest.param(
            "被告人甲某与乙某商议后，乙某持刀威胁丙某。", "威胁", False, id="joined-to-the-defendant"
        ),
        pytest.param(
            "被告人甲某进入超市，随后在某货架前窃取商品。", "窃取", False, id="preposition-before-mou-no-name"
        ),
        pytest.param("2022年5月，有人在某路口殴打行人。", "殴打", False, id="no-person-named"),
    ],
)
def test_whose_act_a_word_is(text, word, others):
    assert others_act(text, text.index(word)) is others


def test_a_victims_quarrel_word_is_no_cue_of_the_defendants():
    assert "寻衅滋事" not in cued_charges("被害人乙某借故生非，在店内随意殴打他人。")
    assert "寻衅滋事" in cued_charges("被告人甲某借故生非，在店内随意殴打他人。")


@pytest.mark.parametrize(
    ("text", "charge", "read"),
    [
        pytest.param(
            "被害人乙某酒后到被告人甲某店内寻衅，甲某持酒瓶击打乙某头部，致乙某轻伤二级。",
            "故意伤害",
            ["故意伤害"],
            id="victims-quarrel-stays-injury",
        ),
        pytest.param(
            "被告人甲某酒后到乙某店内寻衅，持酒瓶击打乙某头部，致乙某轻伤二级。",
            "故意伤害",
            ["寻衅滋事"],
            id="defendants-quarrel-is-293",
        ),
        pytest.param(
            "被告人甲某在公交车上窃取乙某手机，被乙某发现，乙某追上甲某将其打倒在地。",
            "盗窃",
            ["盗窃"],
            id="victim-knocks-thief-down-theft",
        ),
        pytest.param(
            "被告人甲某在公交车上窃取乙某手机，被乙某发现，甲某为逃跑将乙某打倒在地。",
            "盗窃",
            ["抢劫"],
            id="thief-knocks-victim-down-269",
        ),
        pytest.param(
            "被告人甲某明知乙某系吸毒人员，以每片5元的价格向其出售盐酸曲马多片100片。",
            "非法提供麻醉药品、精神药品",
            [DRUGS],
            id="tramadol-sold-for-money-347",
        ),
        pytest.param(
            "被告人甲某系诊所医生，违反国家规定，无偿向吸毒人员乙某提供盐酸曲马多注射液10支。",
            "非法提供麻醉药品、精神药品",
            ["非法提供麻醉药品、精神药品"],
            id="tramadol-given-free-355",
        ),
        pytest.param(
            "被告人甲某持水果刀拦住乙某，逼迫乙某交出现金500元后抢走其手机。",
            "盗窃",
            ["抢劫"],
            id="weapon-threat-taking-robbery",
        ),
        pytest.param(
            "被告人甲某窃取乙某手机一部。次日，甲某持刀拦住丙某，威胁丙某交出现金300元。",
            "盗窃",
            ["盗窃"],
            id="a-secret-taking-told-keeps-the-theft",
        ),
        pytest.param(
            "被告人甲某携带水果刀潜入乙某家中，趁无人窃取现金500元。",
            "盗窃",
            ["盗窃"],
            id="weapon-carried-no-threat-264",
        ),
        pytest.param(
            "被告人甲某持铁棍在路边抢走乙某的挎包。",
            "抢夺",
            ["抢劫"],
            id="snatch-with-a-bar-in-hand-267-2",
        ),
        pytest.param("被告人甲某在路边抢走乙某的挎包后逃跑。", "抢夺", ["抢夺"], id="snatch-without-weapon"),
        pytest.param(
            "2023年3月18日，被告人甲某醉酒驾驶机动车被查获。在抽血过程中，甲某挥拳击打正在执行职务的民警乙某面部。",
            "妨害公务",
            ["袭警"],
            id="blow-after-2021-date-sentence-before",
        ),
        pytest.param(
            "2020年6月18日，被告人甲某醉酒驾驶机动车被查获。在抽血过程中，甲某挥拳击打正在执行职务的民警乙某面部。",
            "妨害公务",
            ["妨害公务"],
            id="blow-before-2021-stays-277-1",
        ),
    ],
)
def test_distinctions_read_the_defendants_own_act(text, charge, read):
    assert by_distinctions(text, [charge]) == read


COUNT_WITHOUT_TIME = (
    "经审理查明：一、2022年6月3日23时许，被告人甲某酒后驾驶小型轿车被执勤民警拦停，经鉴定，甲某血液中乙醇含量为186mg/100ml。"
    "二、民警依法对甲某进行检查时，甲某拒不配合，多次推搡辅警乙某，阻碍其依法执行职务。"
)


def test_a_count_with_no_time_of_its_own_is_read_for_its_charge():
    document = parse(COUNT_WITHOUT_TIME)
    assert len(told_counts(document)) == 2
    assert sorted(infer_charges(COUNT_WITHOUT_TIME)) == ["危险驾驶", "妨害公务"]


def test_a_count_that_holds_items_is_read_by_its_items():
    text = (
        "经审理查明：\n一、盗窃事实\n1、2022年3月1日，被告人甲某在某小区窃取电动车一辆，价值1500元。"
        "\n2、2022年3月9日，甲某在某菜市场窃取乙某手机一部，价值2000元。"
        "\n二、诈骗事实\n甲某谎称能办理贷款，骗取丙某3000元。"
    )
    counts = told_counts(parse(text))
    assert [c.path for c in counts] == ["一、/1、", "一、/2、", "二、"]


def test_each_count_is_read_on_its_own_facts():
    injury_then_rampage = (
        "经审理查明：一、2021年3月5日，被告人丙某因琐事与邻居丁某发生争执，丙某持木棍击打丁某头部，致丁某轻伤一级。"
        "二、2021年8月12日晚，丙某酒后在某农贸市场内无故随意殴打摊主戊某、己某，并砸毁货物。"
    )
    assert "故意伤害" in _by_act(injury_then_rampage, default_model(), [])
