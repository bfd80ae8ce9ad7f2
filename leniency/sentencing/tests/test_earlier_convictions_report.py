"""`leniency sentencing extract` shows each earlier conviction with what it tells and how it is weighed. Fact texts
written for these tests."""

from leniency.sentencing.extraction.report import read_case

OLDER = "被告人赵某曾因犯盗窃罪于2010年2月被某县人民法院判处有期徒刑一年，2011年1月刑满释放。"
MISSED = (
    "经审理查明，2013年4月，被告人赵某在某小区盗窃电动车三辆，价值共计人民币9000元。"
    "被告人赵某因犯抢劫罪于2015年3月10日被某县人民法院判处有期徒刑六年，本案系其在服刑期间被发现的漏罪。"
)


def test_each_conviction_is_shown_with_its_sentence_its_dates_and_its_weight():
    older, missed = read_case(OLDER + MISSED)["earlier_convictions"]
    assert older["quote"].startswith("曾因犯盗窃罪") and older["months"] == 12
    assert (older["pronounced"], older["released"], older["served"]) == ("2010-02-01", "2011-01-01", True)
    assert older["weighed_as"] == "prior_record"
    assert missed["months"] == 72 and missed["pronounced"] == "2015-03-10" and not missed["served"]
    assert missed["weighed_as"] == "undiscovered"


def test_an_administrative_punishment_is_shown_and_weighed_as_nothing():
    (punished,) = read_case("被告人赵某曾因盗窃被公安机关行政拘留十日。" + MISSED.split("被告人赵某因犯")[0])[
        "earlier_convictions"
    ]
    assert not punished["criminal"] and punished["weighed_as"] is None
