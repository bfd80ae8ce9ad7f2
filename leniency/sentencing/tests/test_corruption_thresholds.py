"""贪污 and 受贿 with one of 法释〔2016〕9号第一条第二款、第三款's 情形 are measured on 1万 / 10万 / 150万 (其他较重情节,
其他严重情节, 其他特别严重情节: 第一条至第三条 each 第二款、第三款) instead of 3万 / 20万 / 300万
(calculator_thresholds.amount_thresholds over amount_brackets.yaml `threshold_variants`). Fact texts written for
these tests."""

import pytest

from leniency.sentencing.calculator_thresholds import amount_thresholds
from leniency.sentencing.facts import CaseFacts
from leniency.sentencing.standards import load_standard
from leniency.sentencing.trace import Trace

LOWER = [10000, 100000, 1500000]
OWN = [30000, 200000, 3000000]


@pytest.mark.parametrize(
    ("charge", "text", "thresholds"),
    [
        (
            "贪污",
            "经审理查明，被告人赵某在担任某村村委会主任期间，利用协助人民政府管理扶贫资金的职务便利，侵吞扶贫款人民币12万元。",
            LOWER,  # 特定款物 (第一条第二款第一项)
        ),
        (
            "贪污",
            "经审理查明，被告人赵某利用担任某镇财政所会计的职务便利，侵吞公款人民币12万元，并将赃款用于赌博。",
            LOWER,  # 赃款用于非法活动 (第四项)
        ),
        (
            "贪污",
            "经审理查明，被告人赵某在担任某村村委会主任期间，利用协助人民政府从事征地补偿管理的职务便利，侵吞征地补偿款12万元。",
            OWN,  # land compensation is no 特定款物
        ),
        (
            "受贿",
            "经审理查明，被告人钱某利用担任某县委组织部副部长的职务便利，在干部选拔任用方面为他人谋取利益，收受他人财物15万元。",
            LOWER,  # 为他人谋取职务提拔、调整 (第一条第三款第三项)
        ),
        (
            "受贿",
            "经审理查明，被告人钱某利用担任某县住建局副局长的职务便利，在工程承揽方面为他人谋取利益，收受他人财物15万元。",
            OWN,
        ),
    ],
    ids=[
        "embezzled-poverty-funds",
        "embezzled-for-gambling",
        "embezzled-compensation",
        "bribes-for-promotion",
        "bribes-for-works",
    ],
)
def test_the_interpretations_circumstances_lower_the_figures(charge, text, thresholds):
    entry = load_standard().amount_brackets["charges"][charge]
    trace = Trace()
    assert amount_thresholds(entry, CaseFacts(text=text), charge, trace) == thresholds
    assert bool(trace.steps) == (thresholds == LOWER)
