"""The judgment an undiscovered crime is combined with (漏罪, 刑法第70条) is no recidivism and no prior record for it.

Art. 65 makes a recidivist of one who commits a new crime within five years after the earlier sentence was served or
pardoned (刑罚执行完毕或者赦免以后); the 2021 guideline's 三(16) weighs a record the crime came after. A 漏罪 was
committed before the earlier judgment was pronounced, so that judgment is combined with it (arts. 70, 69) and is neither.
An older conviction served before the crime still counts, and the same judgment before a crime committed after its
release is a record as ever. Fact texts written for these tests."""

import pytest

from leniency.sentencing.calculator import calculate
from leniency.sentencing.extract import extract

# the thefts (2013) precede the robbery judgment (2015) the defendant is serving: art. 70 by its dates
BY_DATES = (
    "经审理查明，2013年4月，被告人赵某在某小区盗窃电动车三辆，价值共计人民币9000元。"
    "另查明，被告人赵某因犯抢劫罪，于2015年3月10日被某县人民法院判处有期徒刑六年"
    "（刑期自2014年11月1日起至2020年10月31日止），现在某监狱服刑。"
)
# the same in the courts' words
BY_WORDS = (
    "经审理查明，2013年4月，被告人赵某在某小区盗窃电动车三辆，价值共计人民币9000元。"
    "被告人赵某因犯抢劫罪于2015年3月10日被某县人民法院判处有期徒刑六年，本案系其在服刑期间被发现的漏罪。"
)
# served more than five years before the thefts of 2013: a prior record, no recidivism (刑法第65条)
OLDER = "被告人赵某曾因犯盗窃罪于2006年2月被某县人民法院判处有期徒刑一年，2007年1月刑满释放。"
# an ordinary new crime: the thefts (2023) come after the robbery sentence was served (2017), more than five years
# after it (within five, art. 65 makes it a recidivism)
AFTER_RELEASE = (
    "被告人赵某因犯抢劫罪于2015年3月10日被某县人民法院判处有期徒刑二年六个月，2017年5月刑满释放。"
    "经审理查明，2023年4月，被告人赵某在某小区盗窃电动车三辆，价值共计人民币9000元。"
)


def _rules(text: str) -> set[str]:
    calc = calculate(extract(text, ["盗窃"]))
    return {s.rule_id for s in calc.steps if s.rule_id in ("circ.prior_record", "circ.recidivist")}


@pytest.mark.parametrize("text", [BY_DATES, BY_WORDS], ids=["by_dates", "by_words"])
def test_the_judgment_a_missed_crime_is_combined_with_is_no_prior_record(text):
    facts = extract(text, ["盗窃"])
    assert facts.procedure.undiscovered is not None  # still combined under art. 70
    assert not {f.code for f in facts.circumstances} & {"prior_record", "recidivist"}
    assert _rules(text) == set()


@pytest.mark.parametrize("text", [BY_DATES, BY_WORDS], ids=["by_dates", "by_words"])
def test_an_older_conviction_served_before_the_crime_still_counts(text):
    """Before, the older sentence's 刑满释放 read as art. 71's words and the robbery judgment was no 漏罪 by its dates."""
    facts = extract(OLDER + text, ["盗窃"])
    assert facts.procedure.undiscovered is not None
    assert facts.procedure.undiscovered.sentence.months == 72  # the robbery judgment, not the older one
    (record,) = [f for f in facts.circumstances if f.code == "prior_record"]
    assert record.span.start < len(OLDER)  # the older conviction's
    assert _rules(OLDER + text) == {"circ.prior_record"}


def test_the_same_judgment_before_a_crime_after_its_release_is_a_record():
    facts = extract(AFTER_RELEASE, ["盗窃"])
    assert facts.procedure.undiscovered is None
    assert _rules(AFTER_RELEASE) == {"circ.prior_record"}


def test_and_a_recidivism_where_the_text_finds_art_65s_five_years():
    text = AFTER_RELEASE + "被告人赵某刑满释放后五年内再犯应当判处有期徒刑以上刑罚之罪，系累犯。"
    assert _rules(text) == {"circ.recidivist"}
