"""An appeal that tells the sentence below as the appellant's own, through the court that gave it (上诉人甲因犯盗窃罪，经
某区人民法院判处有期徒刑二个月): that sentence bounds the second instance (刑事诉讼法第237条: 不得加重被告人的刑罚),
where nothing in its sentence tells a conviction of the past (曾…刑满释放, just outside, stays a prior record).
Found by probing after E59's second batch; fact texts written here."""

from __future__ import annotations

from leniency.sentencing.calculator import calculate
from leniency.sentencing.extract import extract

FACTS = "经审理查明，2020年6月，甲在某商场窃取电动车五辆，价值人民币5万元。"


def _run(text):
    facts = extract(text, ["盗窃"])
    return facts, calculate(facts)


def test_the_appellants_sentence_told_through_its_court_bounds_the_appeal():
    facts, calc = _run("上诉人甲因犯盗窃罪，经某区人民法院判处有期徒刑二个月，并处罚金人民币二千元。" + FACTS)
    original = facts.procedure.original
    assert (original.penalty, original.months) == ("imprisonment", 2)
    assert facts.procedure.original_fine_yuan == 2000
    assert (calc.penalty, calc.months) == ("imprisonment", 2)
    assert not any(c.code == "prior_record" for c in facts.circumstances)


def test_a_past_conviction_told_the_same_way_is_not_the_sentence_below():
    facts, calc = _run(
        "上诉人甲曾因犯盗窃罪，经某区人民法院判处有期徒刑二个月，2015年刑满释放。"
        + FACTS
        + "原判以盗窃罪判处上诉人甲有期徒刑二年。"
    )
    original = facts.procedure.original
    assert (original.penalty, original.months) == ("imprisonment", 24)
    assert any(c.code == "prior_record" for c in facts.circumstances)


def test_a_first_instance_text_has_no_sentence_below():
    facts, calc = _run("被告人甲因犯盗窃罪，经某区人民法院判处有期徒刑二个月。" + FACTS)
    assert facts.procedure.original is None and calc.months > 2
