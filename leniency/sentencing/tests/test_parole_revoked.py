"""A new crime within a parole period whose remainder the text does not state (刑法第86条第1款: 被假释的犯罪分子，
在假释考验期限内犯新罪，应当撤销假释，依照本法第七十一条的规定实行数罪并罚; issue 16 class 7). The engine does
not guess the remainder: it sentences the new crime and says that the combination is due and why it was not made.
Fact texts written for these tests."""

import dataclasses

from leniency.sentencing.calculator import calculate
from leniency.sentencing.extract import extract
from leniency.sentencing.facts import Procedure

PAROLE = (
    "经审理查明，被告人甲因犯盗窃罪于2018年4月被判处有期徒刑三年，2020年5月12日被裁定假释，假释考验期至2021年4月。"
    "2020年10月3日，甲在假释考验期内窜至某小区，盗走被害人乙的电动车一辆，经鉴定价值人民币4200元。"
)


def test_a_crime_within_the_parole_period_is_read_as_revoking_it():
    procedure = extract(PAROLE, ["盗窃"]).procedure
    assert procedure.parole_revoked
    assert procedure.prior_unserved is not None and procedure.prior_unserved.months is None
    assert "假释考验期内" in procedure.prior_unserved.span.quote


def test_the_combination_under_art_71_is_said_to_be_due_and_the_term_is_the_new_crimes():
    facts = extract(PAROLE, ["盗窃"])
    calc = calculate(facts)
    assert calc.months == calculate(dataclasses.replace(facts, procedure=Procedure())).months
    assert any("第86条第1款" in n and "第71条" in n and "未写明余刑" in n for n in calc.notes)


def test_a_stated_remainder_is_combined_and_a_crime_after_the_period_is_not_parole():
    stated = PAROLE.replace("价值人民币4200元。", "价值人民币4200元。前罪尚未执行的刑期为十一个月。")
    procedure = extract(stated, ["盗窃"]).procedure
    assert procedure.prior_unserved.months == 11 and not procedure.parole_revoked
    after = PAROLE.replace("甲在假释考验期内窜至", "甲在假释考验期满后窜至").replace(
        "2020年10月3日", "2021年10月3日"
    )
    assert not extract(after, ["盗窃"]).procedure.parole_revoked
