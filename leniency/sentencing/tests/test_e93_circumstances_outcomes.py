"""E93's written fact texts for circumstances an independent examiner (E87) found misread: an offender who waited for
the police where he had taken the victim (the hospital) or where he stayed after the act and owned it when they came
(视为自动投案, 法释〔1998〕8号第一条: 明知他人报案而在现场等待，抓捕时无拒捕行为，供认犯罪事实的), money handed back told as
退出了全部赃款 (退赃退赔, 2021量刑指导意见 三(10)), and principal and interest repaid to depositors while the scheme ran,
which is no restitution (法释〔2010〕18号 (2022修正)第六条 weighs only 在提起公诉前积极退赃退赔). Each with what a careful
lawyer reads in it, written down before the engine was run on it."""

import pytest

from leniency.sentencing.calculator import calculate
from leniency.sentencing.extract import extract
from leniency.sentencing.facts import Circumstance

INJURY = ["故意伤害"]


def codes(text: str, charges: list[str]) -> set[str]:
    return {str(c.code) for c in extract(text, charges=charges).circumstances}


WAITED_WHERE_THE_TEXT_SAYS = [
    # the victim taken to hospital, the wait there, the act owned to the police who came
    (
        "经审理查明：2016年4月9日20时许，被告人周某在某县某镇其家门口与邻居钱某因宅基地界址发生争吵，被告人周某持木棍击打"
        "钱某头部，致钱某头皮裂伤、颅骨骨折。被告人周某随即将钱某送至某县人民医院救治，在医院等候民警到来，并向到场的民警"
        "承认了打人的事实。经鉴定，钱某的损伤程度为轻伤一级。",
        INJURY,
    ),
    # the police named after the wait, as those he owned the act to
    (
        "经审理查明：2017年1月5日，被告人吴某在某村自家院门口与前来讨债的郑某发生争执，吴某推了郑某一下，郑某摔倒后头部"
        "着地，经送医院抢救无效死亡。案发后，被告人吴某在医院等候并主动向赶到的民警交代了推人的经过。",
        ["过失致人死亡"],
    ),
    # the wait at the scene first, then a bystander asked to call the police
    (
        "经审理查明：2014年6月8日晚，被告人何某在某镇某烧烤店门前与邓某因琐事发生争执，何某用拳头击打邓某头部，致邓某"
        "倒地受伤。案发后，被告人何某在现场等候并让店主报警，民警到达后将其带回派出所，其如实供述了上述事实。经鉴定，邓某的"
        "损伤程度为轻伤一级。",
        INJURY,
    ),
    # a wait (守候) at a clinic, the police's coming, then his account
    (
        "经审理查明：2015年10月3日，被告人邱某在某乡集市上与卖菜的石某因摊位发生争执，邱某用扁担击打石某左臂，致石某左尺骨"
        "骨折，经鉴定为轻伤二级。邱某随即将石某送往某乡卫生院，并在卫生院守候，民警赶到后邱某如实供述了打人经过。",
        INJURY,
    ),
    # the place named as 案发地, the police as 公安人员
    (
        "公诉机关指控：2016年2月14日，被告人龙某在某村村口与龚某因债务发生争吵，龙某用砖块砸伤龚某头部，经鉴定为轻伤一级。"
        "围观群众报警后，龙某一直在案发地等待公安人员到来，到案后如实供述了上述事实。",
        INJURY,
    ),
    # a room of the place the act was done in (包间内)
    (
        "经审理查明：2015年3月5日，被告人袁某在某市某KTV包间内与毛某因敬酒发生争执，袁某持酒瓶击打毛某头部，致其轻伤一级。"
        "KTV工作人员报警后，袁某留在包间内等待民警，民警到场后将其带回派出所，其如实供述了上述事实。",
        INJURY,
    ),
    # the wait in the shop where the act was done, after a waiter's call
    (
        "公诉机关指控：2015年7月2日，被告人孙某在其经营的某市某区某饭店内，因结账问题与顾客李某发生争执，持啤酒瓶砸伤李某"
        "头部。店员报警后，被告人孙某留在饭店内等候民警，民警到达后其主动承认了伤人的事实。经鉴定，李某的损伤程度为轻伤二级。",
        INJURY,
    ),
]


@pytest.mark.parametrize(
    ("text", "charges"),
    WAITED_WHERE_THE_TEXT_SAYS,
    ids=["hospital", "owned_after", "asked_another_to_call", "clinic", "case_site", "room", "shop"],
)
def test_a_wait_for_the_police_where_the_text_places_it_is_surrender(text, charges):
    assert Circumstance.SURRENDER.value in codes(text, charges)


NO_WAIT_OF_HIS_OWN = [
    # held at the hospital by the victim's family, then arrested
    "经审理查明：2016年5月1日，被告人冯某在某市某路与陈某发生口角，用拳头击打陈某面部，致陈某鼻骨骨折，经鉴定为轻伤"
    "二级。冯某被陈某的亲属控制在医院，在医院等候民警，后被赶到的民警抓获，到案后如实供述了上述事实。",
    # the wait, then flight when the police came
    "经审理查明：2016年5月1日，被告人楚某在某市某路与陈某发生口角，用拳头击打陈某面部，致陈某鼻骨骨折，经鉴定为轻伤"
    "二级。楚某将陈某送至医院后，在医院等候民警，民警到达时其逃离医院，后于2016年6月被抓获，到案后如实供述了上述事实。",
    # the police's wait for him, not his
    "经审理查明：2016年5月1日，被告人贺某在某市某路与陈某发生口角，用拳头击打陈某面部，致陈某鼻骨骨折，经鉴定为轻伤"
    "二级。2016年5月3日，民警在贺某住处内守候，民警赶到后贺某被抓获，到案后如实供述了上述事实。",
    # the victim's wait at the hospital, not the offender's
    "经审理查明：2016年5月1日，被告人许某在某市某路与陈某发生口角，用拳头击打陈某面部，致陈某鼻骨骨折，经鉴定为轻伤"
    "二级。被害人陈某在医院等候民警并报案。2016年5月3日，许某被公安民警抓获，到案后如实供述了上述事实。",
]


@pytest.mark.parametrize("text", NO_WAIT_OF_HIS_OWN, ids=["held", "fled", "police_lying_in_wait", "victims"])
def test_a_hospital_wait_held_fled_or_the_victims_is_no_surrender(text):
    assert codes(text, INJURY) == {Circumstance.CONFESSION.value}


HANDED_BACK = [
    (
        "经审理查明：2014年至2016年间，被告人韩某在担任某物流有限公司仓储主管期间，利用职务便利，为他人在承揽运输业务上谋取"
        "利益，收受他人财物共计人民币12万元。2016年9月，被告人韩某被公安机关抓获，到案后如实供述了上述事实。侦查期间，被告人"
        "韩某退出了全部赃款。",
        ["非国家工作人员受贿"],
    ),
    (
        "公诉机关指控：2017年2月，被告人秦某在某市某小区先后三次盗窃他人电动车，价值共计人民币8000元。被告人秦某被抓获后"
        "如实供述了上述事实，并退出了部分赃款。",
        ["盗窃"],
    ),
    (
        "经审理查明：2013年至2015年，被告人雷某利用担任某超市采购员的职务便利，收受供货商好处费共计人民币9万元。2016年3月，"
        "雷某被抓获，到案后如实供述了上述事实，并主动退出违法所得人民币9万元。",
        ["非国家工作人员受贿"],
    ),
]


@pytest.mark.parametrize(("text", "charges"), HANDED_BACK, ids=["all", "part", "gain"])
def test_money_handed_back_told_as_tuichu_is_restitution(text, charges):
    assert codes(text, charges) == {Circumstance.CONFESSION.value, Circumstance.RESTITUTION.value}


DEPOSITS = ["非法吸收公众存款"]
REPAID_IN_THE_SCHEME = (
    "经审理查明：2012年5月至2014年10月间，被告人魏某以其经营的某建材公司资金周转为由，未经批准，以年息20%为诱饵，向社会"
    "公众72人吸收资金共计人民币300万元，其中已归还本息人民币110万元，尚有人民币190万元未归还。2015年1月，被告人魏某被"
    "抓获，到案后如实供述了上述事实。"
)


def test_deposits_repaid_with_interest_while_the_scheme_ran_are_no_restitution():
    facts = extract(REPAID_IN_THE_SCHEME, charges=DEPOSITS)
    assert {str(c.code) for c in facts.circumstances} == {Circumstance.CONFESSION.value}
    assert any("非法吸收公众存款期间归还" in n for n in facts.notes)


def test_deposits_repaid_after_the_arrest_are_restitution():
    text = REPAID_IN_THE_SCHEME.replace(
        "到案后如实供述了上述事实。",
        "到案后如实供述了上述事实。审理期间，被告人魏某已归还集资参与人人民币50万元。",
    )
    assert codes(text, DEPOSITS) == {Circumstance.CONFESSION.value, Circumstance.RESTITUTION.value}


def test_a_hit_and_run_surrendered_may_go_below_the_three_years():
    """法发〔2010〕60号 reads the surrender after 逃逸 as 自首 with the heavier bracket as its base; 自首 allows 减轻 (刑法
    第67条第1款, 第63条), and the 2021 guideline 四(3) lets a result below the floor with a statutory 减轻 circumstance be the
    term: the engine may go below 36 months, though not below the lower bracket."""
    text = (
        "公诉机关指控：2015年9月3日21时许，被告人沈某驾驶小型货车行驶至某县某路段时，将横过道路的行人杨某撞倒，沈某驾车"
        "逃离现场，杨某经抢救无效死亡。经交警部门认定，沈某负事故全部责任。2015年9月5日，被告人沈某到某县公安局交警大队"
        "投案，如实供述了上述事实。"
    )
    facts = extract(text, charges=["交通肇事"])
    assert {str(c.code) for c in facts.circumstances} == {
        Circumstance.SURRENDER.value,
        Circumstance.FLED.value,
    }
    assert 6 <= calculate(facts).months < 36
