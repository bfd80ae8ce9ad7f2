"""并处没收财产 (刑法第59条) in the result: a property penalty shown as such, never a sum of yuan.

A charge's confiscation stays with the sentence executed when several are combined (刑法第69条第3款: 数罪中有判处附加刑的，
附加刑仍须执行). Which brackets add it is the statute's (刑法第347条第2款: 并处没收财产).
"""

from leniency.sentencing.calculation import Calculation, ChargeResult


def _charge(name: str, *, confiscation: bool) -> ChargeResult:
    return ChargeResult(name, None, "imprisonment", 180, 168, 180, confiscation=confiscation)


def test_one_charges_confiscation_stays_with_the_combined_sentence():
    calc = Calculation(
        months=200,
        low=190,
        high=210,
        charges=[
            _charge("盗窃", confiscation=False),
            _charge("走私、贩卖、运输、制造毒品", confiscation=True),
        ],
    )
    assert calc.confiscation
    assert calc.to_dict()["confiscation"] is True
    assert [c["confiscation"] for c in calc.to_dict()["charges"]] == [False, True]


def test_no_charge_with_confiscation_leaves_none():
    calc = Calculation(months=180, low=168, high=180, charges=[_charge("抢劫", confiscation=False)])
    assert not calc.confiscation
    assert calc.to_dict()["confiscation"] is False
