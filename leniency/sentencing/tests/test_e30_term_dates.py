"""An earlier term told only by its dates (刑期自…起至…止, the term itself masked) is read whatever way the dates are
written (numbers.DATE: 元月, 号, 月底), so that art. 70 (刑法第70条) combines the whole earlier term. Fact texts written
for these tests."""

import pytest

from leniency.sentencing.extract import extract

FRAUD = (
    "经审理查明，2019年3月至5月间，被告人周某以帮助办理贷款为由，先后骗取被害人吴某、郑某人民币共计4万元。"
)


def earlier_term(dates: str):
    text = FRAUD + f"另查明，被告人周某因犯盗窃罪于2019年10月8日被判处有期徒刑××（{dates}），现在某监狱服刑。"
    undiscovered = extract(text, charges=["诈骗"]).procedure.undiscovered
    return undiscovered and (undiscovered.basis, undiscovered.sentence.penalty, undiscovered.sentence.months)


@pytest.mark.parametrize(
    "dates",
    [
        "刑期自2019年6月1日起至2021年5月31日止",
        "刑期自2019年6月1号起至2021年5月31号止",
        "刑期自2019年元月1日起至2020年12月31日止",
        "刑期自2019年元月起至2020年12月底止",
    ],
)
def test_a_term_told_by_its_dates_is_read_however_they_are_written(dates):
    assert earlier_term(dates) == ("dates", "imprisonment", 24)


def test_dates_without_a_year_tell_no_term():
    assert earlier_term("刑期自元月1日起至12月31日止")[2] is None
