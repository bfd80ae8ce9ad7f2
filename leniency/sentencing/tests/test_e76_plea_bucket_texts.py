"""The plea bucket on fact texts with 认罪认罚 and several mitigating circumstances (task E76).

Every passage was written for this test in the style of a criminal judgment (公诉机关指控 / 经审理查明 / 本院认为);
none is taken from any data set. Each names the circumstances a court finds in it; the test checks that the bucket
(calculator_adjust.adjust, step 2; standards/method.yaml plea_bucket) holds exactly those and that its cut keeps to
the 2021 guiding opinions 三(14): up to 30% for the plea (with 坦白 alone, which it does not count again), up to 60%
with 自首、重大坦白、退赃退赔、赔偿谅解、刑事和解, and never less than the same circumstances give without a plea
(2019认罪认罚指导意见 第9条: 认罪认罚的从宽幅度一般应当大于仅有坦白…的从宽幅度; 具有自首、坦白情节，同时认罪认罚的，应当在法定刑
幅度内给予相对更大的从宽幅度). Texts just outside: a compensation refused or a forgiveness not obtained is not in the
bucket; an admission without 认罚 or 具结 is no plea, and its circumstances are added as the general method says.

bench/plea_bucket.py measures the engine's signed error by the bucket's composition on cail-term-dev: that file holds
no plea case (0 of 209 texts say 认罪认罚 or 具结), so these texts are the only check of the composition there is.
"""

from __future__ import annotations

import pytest

from bench.plea_bucket import composition
from leniency.sentencing.calculator import calculate
from leniency.sentencing.calculator_adjust import applicable_circumstances
from leniency.sentencing.extract import extract

CAP_ALONE, CAP_WITH = 0.30, 0.60


def case(case_id, charge, text, group, found, cap, plea=""):
    """`plea`: the words that state the plea, which the text without a plea leaves out."""
    assert plea in text
    return pytest.param(charge, text, group, tuple(sorted(found)), cap, plea, id=case_id)


THEFT = (
    "公诉机关指控：2023年4月至5月间，被告人郑某在某某市某某区多次窃取他人财物，价值共计人民币18000元，"
    "应当以××罪追究其刑事责任。经审理查明，2023年4月至5月间，被告人郑某先后三次在某某小区地下车库撬开车窗，"
    "窃取车内财物，经鉴定价值共计人民币18000元。"
)
INJURY = (
    "经审理查明，2022年9月3日晚，被告人冯某因琐事与被害人周某发生争执，冯某持木棍击打周某头部，致周某受伤。"
    "经鉴定，周某的损伤程度为轻伤一级。"
)
FRAUD = "经审理查明，2021年3月，被告人沈某谎称能为被害人韩某办理子女入学，先后骗取韩某人民币60000元，所得款项用于个人消费。"

CASES = [
    # the bucket with several circumstances of 三(14)'s list: up to 60%
    case("theft-plea-confession-restitution-forgiveness", "盗窃",
         THEFT + "被告人郑某被抓获后如实供述了上述犯罪事实。案发后，郑某已退赔被害人全部经济损失，并取得了被害人的谅解。"
         "郑某在审查起诉阶段自愿认罪认罚，签署了认罪认罚具结书。",
         "plea + 3+", ["confession", "restitution", "forgiveness"], CAP_WITH,
         plea="郑某在审查起诉阶段自愿认罪认罚，签署了认罪认罚具结书。"),
    case("injury-surrender-compensation-and-forgiveness-plea", "故意伤害",
         INJURY + "案发后，冯某主动到某某派出所投案，并如实供述了犯罪事实。审理期间，冯某赔偿了周某的经济损失人民币40000元，"
         "周某对其表示谅解。本院认为，被告人冯某系自首，且认罪认罚，依法可以从轻处罚。",
         "plea + 2", ["surrender", "compensation_and_forgiveness"], CAP_WITH, plea="，且认罪认罚"),
    case("fraud-confession-returned-loot-plea-at-investigation", "诈骗",
         FRAUD + "沈某归案后如实交代了自己的罪行，并在侦查阶段表示认罪认罚。案发后沈某已将骗取的款项全部退还被害人。",
         "plea + 2", ["confession", "restitution"], CAP_WITH, plea="，并在侦查阶段表示认罪认罚"),
    # just outside the 60% list: 坦白 alone beside the plea (三(14): up to 30%, 坦白 not counted again)
    case("theft-plea-with-confession-only", "盗窃",
         THEFT + "被告人郑某到案后如实供述了自己的罪行。郑某自愿认罪认罚，同意公诉机关的量刑建议并签署具结书。",
         "plea + 1", ["confession"], CAP_ALONE,
         plea="郑某自愿认罪认罚，同意公诉机关的量刑建议并签署具结书。"),
    case("injury-plea-confession-compensation-refused", "故意伤害",
         INJURY + "冯某被抓获归案后如实供述了犯罪事实，并在审查起诉阶段签署了认罪认罚具结书。冯某未赔偿被害人的经济损失，"
         "亦未取得被害人的谅解。",
         "plea + 1", ["confession"], CAP_ALONE, plea="，并在审查起诉阶段签署了认罪认罚具结书"),
    # just outside the bucket: no plea (an admission in court, no 认罚 and no 具结)
    case("fraud-confession-restitution-no-plea", "诈骗",
         FRAUD + "沈某归案后如实供述了自己的罪行，当庭对指控的犯罪事实无异议。案发后沈某已退还被害人全部款项。",
         "no plea, 2", ["confession", "restitution"], None),
    # SECOND batch, new phrasings written after the first passed, scored before any change
    case("drugs-sale-confession-plea-speedy-procedure", "贩卖毒品",
         "经审理查明，2023年2月11日，被告人袁某在某某宾馆门口以人民币300元的价格向吸毒人员出售甲基苯丙胺0.3克，"
         "交易完成后被民警当场抓获。本院认为，被告人袁某归案后能够如实供述主要犯罪事实，自愿认罪认罚，适用速裁程序审理，"
         "依法可以从宽处理。",
         "plea + 1", ["confession"], CAP_ALONE, plea="自愿认罪认罚，适用速裁程序审理，"),
    case("embezzlement-refunded-by-family-plea", "职务侵占",
         "经审理查明，被告人许某利用担任某某公司出纳的职务便利，将公司资金人民币120000元转入其个人账户用于偿还赌债。"
         "案发后，许某的家属代为退缴全部款项，某某公司出具了谅解书。许某到案后如实交代了犯罪事实，"
         "在审查起诉阶段认罪认罚并签署具结书。",
         "plea + 3+", ["confession", "restitution", "forgiveness"], CAP_WITH,
         plea="在审查起诉阶段认罪认罚并签署具结书"),
    # scored 坦白, not 自首: calling 120 and waiting for the traffic police is not reporting to the police, which
    # 法发〔2010〕60号 一(一) requires of a driver's 自动投案 (quoted from memory: unconfirmed); the label was wrong, not the reader
    case("traffic-waited-at-scene-reconciliation-plea", "交通肇事",
         "经审理查明，2022年11月5日，被告人吕某驾驶小型轿车在某某路口未让行，与横过道路的行人施某相撞，致施某经抢救无效死亡。"
         "经认定，吕某负事故的全部责任。事故发生后，吕某拨打120并在现场等候交警处理，如实陈述了事故经过。"
         "吕某与被害人近亲属达成刑事和解协议，并已履行赔偿。吕某在审查起诉阶段签署了认罪认罚具结书。",
         "plea + 2", ["confession", "reconciliation"], CAP_WITH,
         plea="吕某在审查起诉阶段签署了认罪认罚具结书。"),
    case("theft-plea-confession-loot-seized-not-returned", "盗窃",
         THEFT + "民警在郑某住处扣押了部分被盗物品并发还被害人，其余损失郑某无力退赔。郑某到案后如实供述，"
         "自愿认罪认罚。",
         "plea + 1", ["confession"], CAP_ALONE, plea="自愿认罪认罚。"),
]  # fmt: skip


def calculated(charge: str, text: str):
    facts = extract(text, charges=[charge])
    return facts, calculate(facts)


def bucket_cut(calc) -> float | None:
    cuts = [-s.ratio for s in calc.steps if s.rule_id == "circ.plea.bucket"]
    return cuts[0] if cuts else None


def additive_cut(calc) -> float:
    """What the mitigating additive circumstances cut outside a plea bucket."""
    return -sum(s.ratio for s in calc.steps if s.rule_id.startswith("circ.") and s.ratio and s.ratio < 0)


@pytest.mark.parametrize(("charge", "text", "group", "found", "cap", "plea"), CASES)
def test_the_bucket_holds_the_circumstances_the_text_states(charge, text, group, found, cap, plea):
    facts, _ = calculated(charge, text)
    read_group, read_found = composition(applicable_circumstances(facts).rules)
    assert (read_group, tuple(sorted(read_found))) == (group, found)


@pytest.mark.parametrize(("charge", "text", "group", "found", "cap", "plea"), CASES)
def test_the_bucket_keeps_to_the_ceilings_of_the_guideline(charge, text, group, found, cap, plea):
    _, calc = calculated(charge, text)
    cut = bucket_cut(calc)
    if cap is None:
        assert cut is None
    else:
        assert 0 < cut <= cap + 1e-9


@pytest.mark.parametrize(
    ("charge", "text", "group", "found", "cap", "plea"), [c for c in CASES if c.values[4] is not None]
)
def test_a_plea_never_cuts_less_than_its_circumstances_do_without_it(charge, text, group, found, cap, plea):
    """The same facts without the plea's words: the general method adds the circumstances; with the plea the bucket
    gives more (2019 item 9), by the plea's own share at most (not counted twice)."""
    _, pleaded = calculated(charge, text)
    _, plain = calculated(charge, text.replace(plea, ""))
    assert bucket_cut(plain) is None
    assert additive_cut(plain) < bucket_cut(pleaded) <= additive_cut(plain) + 0.10 + 1e-9
