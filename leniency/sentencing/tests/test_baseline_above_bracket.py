"""A baseline above its bracket's maximum is adjusted as it is, and the maximum binds the adjusted result only
(2021 guideline, 确定宣告刑的方法; FACTS §1.3 point 3): the amount above the ceiling still counts once the
circumstances bring the term down (issue 16 class 2, long terms compressed)."""

from leniency.sentencing.calculator import calculate
from leniency.sentencing.extract import extract

FRAUD = (
    "经审理查明，2019年3月至2020年6月，被告人张某虚构其能够承揽工程的事实，骗取被害人李某、王某等人钱款共计人民币"
    "{amount}万元，用于个人挥霍。{after}"
)
SURRENDERED = "被告人张某主动到公安机关投案，如实供述犯罪事实，系自首，自愿认罪认罚。案发后已退赔被害人全部损失，取得谅解。"
CAUGHT = "案发后被告人张某被抓获归案。"


def _months(amount: int, after: str) -> int:
    return calculate(extract(FRAUD.format(amount=amount, after=after), charges=["诈骗"])).months


def test_the_larger_fraud_keeps_the_longer_term_after_mitigation():
    # Both baselines lie above the fifteen-year maximum (210 and 270 months); clamped first, both gave 72.
    assert _months(500, SURRENDERED) < _months(800, SURRENDERED) < 180


def test_without_mitigation_the_maximum_binds_the_result():
    result = calculate(extract(FRAUD.format(amount=800, after=CAUGHT), charges=["诈骗"]))
    assert result.months == 180
    assert (
        not result.life_imprisonment
    )  # life is the bracket's, but not the engine's without facts that call for it
    clamps = [s for s in result.steps if s.rule_id == "method.clamp"]
    assert clamps and clamps[-1].months_before > 180
