"""A crime found after an earlier judgment, before its sentence is served out (漏罪, Criminal Law art. 70).

先并后减: the earlier sentence, whole, is combined with the new one under art. 69, and the part already
served counts within the combined term. Fact texts written for these tests, not taken from any data set.
"""

import dataclasses

from leniency.sentencing.calculation import Calculation
from leniency.sentencing.calculator import calculate
from leniency.sentencing.calculator_prior import with_earlier_judgment, with_prior_unserved
from leniency.sentencing.extract import extract
from leniency.sentencing.facts import CaseFacts, PriorJudgment, Procedure, SentenceMention, Span
from leniency.sentencing.standards import load_standard
from leniency.sentencing.trace import Trace

STATED = (
    "被告人钱某在判决宣告以前还有其他罪没有判决：2016年5月，钱某以投资为名骗取被害人孙某人民币5万元。"
    "钱某因犯盗窃罪于2017年2月被某区人民法院判处有期徒刑四年，已执行刑期二年。"
)
# no word of art. 70: the thefts (2013) precede the earlier judgment (2015), which he is serving
BY_DATES = (
    "经审理查明，2013年4月至6月间，被告人赵某先后三次在某小区盗窃电动车，价值共计人民币9000元。"
    "另查明，被告人赵某因犯抢劫罪，于2015年3月10日被某县人民法院判处××"
    "（刑期自2014年11月1日起至2020年10月31日止），现在某监狱服刑。"
)


def _earlier(months, served=None, penalty="imprisonment"):
    quote = f"被告人因犯抢劫罪被判处{months}个月"
    return Procedure(
        undiscovered=PriorJudgment(
            sentence=SentenceMention(penalty, months, False, Span(0, len(quote), quote)),
            served=None
            if served is None
            else SentenceMention("imprisonment", served, False, Span(0, 4, "已执行")),
        )
    )


def _combined(
    new_months, earlier_months, served=None, penalty="imprisonment", earlier_penalty="imprisonment"
):
    calc = Calculation(months=new_months, low=new_months, high=new_months, penalty=penalty)
    facts = CaseFacts(text="", procedure=_earlier(earlier_months, served, earlier_penalty))
    return with_earlier_judgment(calc, facts, load_standard(), Trace())


def test_a_text_stating_art_70_is_read_with_the_earlier_sentence_and_the_part_served():
    earlier = extract(STATED, ["诈骗"]).procedure.undiscovered
    assert earlier.basis == "words" and earlier.basis_span.quote.startswith(
        "被告人钱某在判决宣告以前还有其他罪没有判决"
    )
    assert (earlier.sentence.penalty, earlier.sentence.months) == ("imprisonment", 48)
    assert earlier.served.months == 24 and "已执行刑期二年" in earlier.served.span.quote


def test_the_two_sentences_are_combined_and_the_part_served_is_subtracted():
    facts = extract(STATED, ["诈骗"])
    alone = calculate(dataclasses.replace(facts, procedure=Procedure()))
    calc = calculate(facts)
    assert (
        max(alone.months, 48) < calc.months < alone.months + 48
    )  # art. 69: between the highest and the total
    assert calc.months_to_serve == calc.months - 24
    combined, served = [s for s in calc.steps if s.rule_id == "method.art70"]
    assert combined.citation == "刑法第70条、第69条" and combined.months_after == calc.months
    assert f"尚需执行{calc.months - 24}个月" in served.description_zh
    assert calc.to_dict()["months_to_serve"] == calc.months - 24


def test_the_earlier_sentence_counts_whole_not_its_remainder():
    """先并后减 (art. 70) against 先减后并 (art. 71): 120 months, 96 served, a new term of 60. Combined whole,
    150 months are declared and 54 are left; combined from the remainder (24), 72 would be left."""
    calc = _combined(60, 120, served=96)
    assert (calc.months, calc.months_to_serve) == (150, 54)
    unserved = Procedure(prior_unserved=SentenceMention("imprisonment", 24, False, Span(0, 2, "余刑")))
    after_71 = with_prior_unserved(
        Calculation(months=60, low=60, high=60),
        CaseFacts(text="", procedure=unserved),
        load_standard(),
        Trace(),
    )
    assert after_71.months == 72 and after_71.months > calc.months_to_serve


def test_the_combined_term_is_capped_at_twenty_years_under_a_total_of_thirty_five():
    calc = _combined(150, 200, served=100)  # 200 + half of 150 = 275, capped at 240 (art. 69)
    assert (calc.months, calc.high, calc.months_to_serve) == (240, 240, 140)


def test_the_cap_is_twenty_five_years_from_a_total_of_thirty_five():
    calc = _combined(200, 240)  # total 440 months: 240 + 100 = 340, capped at 300
    assert calc.months == 300 and calc.high <= 300 and calc.low >= 240 and calc.months_to_serve is None


def test_never_below_the_highest_term_nor_above_the_total_or_the_cap():
    for new in (6, 30, 90, 180, 240):
        for earlier in (7, 24, 100, 180, 300):
            calc = _combined(new, earlier, served=earlier // 2)
            total = new + earlier
            upper = max(max(new, earlier), min(total, 240 if total < 420 else 300))
            assert max(new, earlier) <= calc.low <= calc.months <= calc.high <= upper
            assert calc.months_to_serve == calc.months - earlier // 2


def test_detention_for_the_new_crime_beside_an_earlier_prison_term_is_not_executed():
    """Art. 69 para. 2: 数罪中有判处有期徒刑和拘役的，执行有期徒刑."""
    calc = _combined(5, 30, penalty="detention")
    assert (calc.penalty, calc.months) == ("imprisonment", 30)


def test_two_detentions_are_capped_at_one_year():
    calc = _combined(6, 10, penalty="detention", earlier_penalty="detention")
    assert (calc.penalty, calc.months) == ("detention", 12)  # 10 + 3 = 13, capped at 12 (art. 69)


def test_an_earlier_life_sentence_absorbs_the_new_term():
    calc = _combined(36, None, earlier_penalty="life")
    assert calc.penalty == "life" and calc.life_imprisonment and calc.months is None
    assert "只执行无期徒刑" in calc.steps[-1].description_zh


def test_a_masked_earlier_term_is_read_from_the_dates_of_its_term():
    earlier = extract(BY_DATES, ["盗窃"]).procedure.undiscovered
    assert earlier.basis == "dates" and earlier.sentence.masked
    assert (earlier.sentence.penalty, earlier.sentence.months) == (
        "imprisonment",
        72,
    )  # 2014-11-01 … 2020-10-31
    calc = calculate(extract(BY_DATES, ["盗窃"]))
    assert calc.months > 72 and any(s.rule_id == "method.art70" for s in calc.steps)


def test_acts_after_the_earlier_judgment_are_not_art_70():
    later = BY_DATES.replace("2013年4月至6月间", "2016年4月至6月间")
    assert extract(later, ["盗窃"]).procedure.undiscovered is None


def test_a_new_crime_while_on_parole_stays_art_71():
    text = (
        "被告人李某因犯盗窃罪于2016年3月被某县人民法院判处有期徒刑五年，2019年6月假释，假释考验期内，"
        "2019年10月1日又盗窃他人电动车一辆，价值2000元。前罪尚未执行的刑期为八个月。"
    )
    procedure = extract(text, ["盗窃"]).procedure
    assert procedure.undiscovered is None and procedure.prior_unserved.months == 8


def test_a_masked_earlier_term_without_dates_is_not_combined_and_a_note_says_so():
    text = STATED.replace("判处有期徒刑四年", "判处××")
    facts = extract(text, ["诈骗"])
    calc = calculate(facts)
    assert calc.months == calculate(dataclasses.replace(facts, procedure=Procedure())).months
    assert not any(s.rule_id == "method.art70" for s in calc.steps)
    assert any("漏罪" in n and "××" in n for n in calc.notes)


def test_extract_reports_the_earlier_judgment_with_its_source():
    from leniency.sentencing.extraction.report import read_case

    earlier = read_case(BY_DATES)["procedure"]["undiscovered"]
    assert earlier["basis"] == "dates" and earlier["earlier"]["months"] == 72 and earlier["earlier"]["masked"]
    assert "刑期自2014年11月1日起至2020年10月31日止" in earlier["earlier"]["source"]
    assert read_case(STATED)["procedure"]["undiscovered"]["served"]["months"] == 24


# Three texts written for the brief's three cases: the earlier sentence is ten years, eight of them served
FOUND_LATER = (
    "经审理查明，2014年3月，被告人周某在某商场盗窃他人财物，价值人民币5万元。"
    "周某因犯抢劫罪于2015年6月被某市中级人民法院判处有期徒刑十年，在某监狱服刑期间，已执行刑期八年，"
    "公安机关发现周某在判决宣告以前还有其他罪没有判决。"
)
COMMITTED_WHILE_SERVING = (
    "被告人吴某因犯抢劫罪于2015年6月被某市中级人民法院判处有期徒刑十年，在某监狱服刑。"
    "2023年5月，吴某在服刑期间又犯盗窃罪，窃取同监人员财物价值人民币5万元。前罪尚未执行的刑期为二年。"
)


def test_art_70_binds_on_a_text_the_earlier_term_counts_whole_where_art_71_would_take_the_remainder():
    facts = extract(FOUND_LATER, ["盗窃"])
    calc = calculate(facts)
    new = calculate(dataclasses.replace(facts, procedure=Procedure())).months
    assert [s.rule_id for s in calc.steps].count("method.art70") == 2
    assert 120 <= calc.months <= new + 120 and calc.months_to_serve == calc.months - 96
    # the same new term combined 先减后并 with the 24 months left (art. 71) gives another figure
    unserved = Procedure(prior_unserved=SentenceMention("imprisonment", 24, False, Span(0, 2, "余刑")))
    after_71 = calculate(dataclasses.replace(facts, procedure=unserved))
    assert after_71.months < 120 and after_71.months != calc.months_to_serve
    assert not any("尚需执行的刑期未予推算" in n for n in calc.notes)


def test_a_crime_committed_while_serving_stays_art_71_on_a_text():
    facts = extract(COMMITTED_WHILE_SERVING, ["盗窃"])
    assert facts.procedure.undiscovered is None and facts.procedure.prior_unserved.months == 24
    calc = calculate(facts)
    rules = [s.rule_id for s in calc.steps]
    assert "method.art71" in rules and "method.art70" not in rules
    assert calc.months < 120 and calc.months_to_serve is None


def test_the_part_served_unknown_is_not_guessed_and_a_note_says_so():
    text = FOUND_LATER.replace("已执行刑期八年，", "")
    facts = extract(text, ["盗窃"])
    assert facts.procedure.undiscovered.served is None
    calc = calculate(facts)
    assert calc.months == calculate(extract(FOUND_LATER, ["盗窃"])).months  # the declared term is the same
    assert calc.months_to_serve is None
    assert [s.rule_id for s in calc.steps].count("method.art70") == 1  # no subtraction step
    (note,) = [n for n in calc.notes if "前判已执行的刑期文中未写明" in n]
    assert f"决定执行{calc.months}个月" in note and "not computed" in note


def test_the_courts_wording_still_committed_before_the_judgment_is_art_70():
    text = (
        "被告人郑某因犯抢劫罪于2016年5月被某县人民法院判处有期徒刑六年。在服刑期间，"
        "公安机关发现郑某在判决宣告以前还犯有诈骗罪：2015年8月骗取他人人民币3万元。"
    )
    earlier = extract(text, ["诈骗"]).procedure.undiscovered
    assert earlier.basis == "words" and "判决宣告以前还犯有诈骗罪" in earlier.basis_span.quote
    assert earlier.sentence.months == 72


def test_art_69s_own_words_are_no_sign_of_art_70():
    from leniency.sentencing.extraction.undiscovered import ART70_WORDS_RE

    assert ART70_WORDS_RE.search("依照刑法第六十九条，判决宣告以前一人犯数罪的，应当决定执行的刑期") is None
