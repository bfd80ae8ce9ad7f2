"""Outcomes without a principal penalty (issue 16 failure class 1): 免予刑事处罚 (刑法第37条) and 单处罚金
(刑法第52条), only where the statute allows them and the facts state their conditions; 0 months.

The fact texts are written for these tests. The statute test checks that the table the calculator reads
(statutory_brackets.yaml: which penalties each bracket allows) agrees with the statute file."""

import json
import re
from decimal import Decimal

from leniency.sentencing.calculator import calculate
from leniency.sentencing.catalogue import all_charges, find_charge
from leniency.sentencing.extract import extract
from leniency.sentencing.facts import CaseFacts, Finding, InjuryGrade

THEFT_FINE = (
    "2023年5月3日，被告人张某在本市某超市盗窃洗发水等商品，价值人民币2500元。案发后，被告人张某主动到公安机关"
    "投案，如实供述了自己的犯罪事实，并退赔了被害单位全部损失，自愿认罪认罚。"
)
THEFT_RECIDIVIST = THEFT_FINE.replace(
    "案发后", "被告人张某曾因盗窃罪于2021年被判处有期徒刑一年，2022年刑满释放，系累犯。案发后"
)
THEFT_ACCESSORY = (
    "2023年5月3日，被告人李某在王某的指使下为其盗窃电动车望风，王某窃得电动车一辆，价值人民币2500元。被告人李某"
    "在共同犯罪中起次要作用，系从犯，犯罪情节轻微。案发后，被告人李某退赔了被害人全部损失，取得被害人谅解，"
    "自愿认罪认罚。"
)


def facts(charges, **kw):
    circumstances = [Finding(c) if isinstance(c, str) else Finding(*c) for c in kw.pop("circumstances", [])]
    return CaseFacts(text=kw.pop("text", ""), charges=charges, circumstances=circumstances, **kw)


def step(calc, rule_id):
    return next((s for s in calc.steps if s.rule_id == rule_id), None)


def test_minor_theft_with_surrender_and_full_restitution_is_a_fine_alone():
    """盗窃 2,500 yuan: 刑法第264条 "三年以下有期徒刑、拘役或者管制，并处或者单处罚金"; 自首, 退赔 and 认罪认罚
    bring the term to 2.6 months: a fine alone, 0 months, with the fine still set (≥ 1,000 yuan)."""
    calc = calculate(extract(THEFT_FINE, charges=["盗窃"]))
    assert (calc.penalty, calc.months, calc.low, calc.high) == ("fine_only", 0, 0, 0)
    assert calc.fine_yuan == Decimal(1000)
    fine_only = step(calc, "method.fine_only")
    assert "单处罚金" in fine_only.description_zh and "fine alone" in fine_only.description_en
    assert "刑法第52条" in fine_only.citation and "第二百六十四条" in fine_only.citation
    assert not calc.probation_lawful and calc.confidence == "low"


def test_a_recidivist_gets_no_fine_alone():
    calc = calculate(extract(THEFT_RECIDIVIST, charges=["盗窃"]))
    assert calc.penalty in ("detention", "imprisonment") and calc.months > 0
    assert step(calc, "method.fine_only") is None


def test_a_prior_record_rules_out_a_fine_alone():
    """前科 adds 5%: 5.25 x (1 - 50% + 5%) = 2.9 months, short enough, but a prior record rules it out."""
    calc = calculate(
        facts(["盗窃"], amount_yuan=Decimal(2500),
              circumstances=["surrender", "restitution", "prior_record", ("plea", "investigation")])
    )  # fmt: skip
    assert calc.penalty == "detention" and calc.months == 3


def test_without_restitution_or_compensation_there_is_no_fine_alone():
    """从犯, 自首 and 认罪认罚 without 退赔 or 赔偿: 5.25 x 70% x 65% = 2.4 months, still 拘役."""
    calc = calculate(
        facts(
            ["盗窃"],
            amount_yuan=Decimal(2500),
            circumstances=["surrender", "accessory", ("plea", "investigation")],
        )
    )
    assert calc.penalty == "detention" and calc.months == 2


def test_no_fine_alone_when_the_adjusted_term_exceeds_three_months():
    """盗窃 10,000 yuan (baseline 9 months) with the same 自首, 退赔 and 认罪认罚: 9 x 50% = 4.5 months is more
    than the 3 months below which the engine gives a fine alone (method.yaml non_custodial.fine_only)."""
    calc = calculate(
        facts(["盗窃"], amount_yuan=Decimal(10000),
              circumstances=["surrender", "restitution", ("plea", "investigation")])
    )  # fmt: skip
    assert (calc.penalty, calc.months) == ("detention", 4)


def test_a_bracket_without_a_fine_alone_never_gives_one():
    """危险驾驶 (刑法第133条之一: 拘役，并处罚金) allows no fine alone, whatever the circumstances."""
    calc = calculate(
        facts(["危险驾驶"], blood_alcohol=Decimal(85),
              circumstances=["surrender", "restitution", "compensation", "forgiveness", ("plea", "investigation")])
    )  # fmt: skip
    assert not find_charge("危险驾驶").brackets[0].fine_only_allowed
    assert calc.penalty == "detention" and calc.months >= 1


def test_a_minor_accessory_the_facts_call_minor_is_exempt():
    """从犯 (刑法第27条: 应当从轻、减轻处罚或者免除处罚) and the facts say 犯罪情节轻微 (刑法第37条): exempt."""
    calc = calculate(extract(THEFT_ACCESSORY, charges=["盗窃"]))
    assert (calc.penalty, calc.months, calc.low, calc.high) == ("exempt", 0, 0, 0)
    assert calc.fine_yuan is None
    exempt = step(calc, "method.exempt")
    assert "免予刑事处罚" in exempt.description_zh and "犯罪情节轻微" in exempt.description_zh
    assert exempt.citation.startswith("刑法第37条") and exempt.citation.endswith("刑法第27条")


def test_no_exemption_when_the_facts_do_not_say_the_crime_is_minor():
    calc = calculate(extract(THEFT_ACCESSORY.replace("，犯罪情节轻微", ""), charges=["盗窃"]))
    assert calc.penalty != "exempt" and step(calc, "method.exempt") is None


def test_no_exemption_when_the_facts_deny_that_the_crime_is_minor():
    calc = calculate(extract(THEFT_ACCESSORY.replace("犯罪情节轻微", "不属于情节轻微"), charges=["盗窃"]))
    assert calc.penalty != "exempt"


def test_no_exemption_for_a_recidivist():
    """累犯 (刑法第65条: 应当从重处罚) is not a minor offender, whatever the text says."""
    calc = calculate(
        facts(
            ["盗窃"],
            text="系从犯，犯罪情节轻微",
            amount_yuan=Decimal(2500),
            circumstances=["accessory", "recidivist"],
        )
    )
    assert calc.penalty != "exempt" and calc.months > 0


def test_no_exemption_without_a_circumstance_for_which_the_law_allows_it():
    """情节轻微 alone is not enough: 退赔 and 谅解 are no ground to exempt in the Criminal Law."""
    calc = calculate(
        facts(["盗窃"], text="犯罪情节轻微", amount_yuan=Decimal(2500),
              circumstances=["restitution", "forgiveness", ("plea", "investigation")])
    )  # fmt: skip
    assert calc.penalty != "exempt"


def test_no_exemption_for_a_crime_whose_lowest_bracket_exceeds_three_years():
    """抢劫 (三年以上十年以下): not a minor crime, even as a minor accessory."""
    calc = calculate(
        facts(["抢劫"], text="系从犯，犯罪情节轻微", amount_yuan=Decimal(500), circumstances=["accessory"])
    )
    assert calc.penalty == "imprisonment" and calc.months > 0


def test_no_non_custodial_outcome_above_the_lowest_bracket():
    """故意伤害 重伤 (三年以上十年以下) with 自首 and 赔偿谅解: a prison term, never a fine or exemption."""
    calc = calculate(
        facts(["故意伤害"], text="犯罪情节轻微", injury=InjuryGrade.SERIOUS_2,
              circumstances=["surrender", "compensation", "forgiveness", ("plea", "investigation")])
    )  # fmt: skip
    assert calc.penalty == "imprisonment" and calc.months > 0


def test_two_charges_each_a_fine_alone_are_a_fine_alone_with_the_fines_added():
    """盗窃 and 诈骗 (刑法第266条 also "并处或者单处罚金"), 2,500 yuan each, 自首 + 退赔 + 认罪认罚."""
    calc = calculate(
        facts(["盗窃", "诈骗"], amount_yuan=Decimal(2500),
              circumstances=["surrender", "restitution", ("plea", "investigation")])
    )  # fmt: skip
    assert [c.penalty for c in calc.charges] == ["fine_only", "fine_only"]
    assert (calc.penalty, calc.months) == ("fine_only", 0)
    assert calc.fine_yuan == sum(c.fine_yuan for c in calc.charges)
    assert step(calc, "method.art69") is not None


# --- the statute table the rules read ---


def _statute_articles(statutes) -> dict[str, str]:
    articles: dict[str, str] = {}
    for name in ("criminal-law.jsonl", "criminal-law-amendment-12.jsonl"):
        for line in (statutes / name).read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            articles.setdefault(row["article"], "")
            articles[row["article"]] += row["text"]
    return articles


def test_the_lowest_brackets_allowed_penalties_agree_with_the_statute(shared_data):
    """For every charge, the penalty clause that follows the lowest bracket's condition in the statute says
    单处罚金 or names a fine among its alternatives (…管制或者罚金) exactly when the table allows a fine alone,
    and 管制 exactly when the table allows it."""
    articles = _statute_articles(shared_data / "statutes")
    texts = "".join(articles.values())
    checked, disagree = 0, []
    for info in all_charges():
        bracket = info.brackets[0]
        label = re.match(r"第[^条]+条(之[一二三四五六七八九十]+)?", bracket.source)
        text = articles.get(label[0], "") if label else ""
        at = text.find(bracket.condition) if bracket.condition else -1
        if at < 0:  # the condition was restated by an amendment (修改为：“……”)
            text, at = texts, texts.find(bracket.condition) if bracket.condition else -1
        if at < 0:
            continue
        clause = re.split(r"[；。]", text[at + len(bracket.condition) :])[0]
        main = re.split(r"[，,]\s*(?:并处|可以并处|或者单处|单处)", clause)[0]
        # "并处或者单处罚金", or a fine among the alternative principal penalties ("…拘役、管制或者罚金")
        fine_alone = bool(re.search(r"单处[^，；。]*罚金", clause) or re.search(r"(?:或者|、)罚金", main))
        if fine_alone != bracket.fine_only_allowed or ("管制" in main) != bracket.surveillance:
            disagree.append((info.name, clause[:40]))
        checked += 1
    assert checked >= 0.95 * len(all_charges())
    assert disagree == []
    assert find_charge("盗窃").brackets[0].fine_only_allowed and find_charge("盗窃").brackets[0].surveillance
    assert not find_charge("抢劫").brackets[0].fine_only_allowed
    assert find_charge("故意毁坏财物").brackets[0].fine_only_allowed  # 刑法第275条 "…拘役或者罚金"


def test_the_whole_condition_of_article_37_stated_is_its_own_ground():
    """刑法第37条: 对于犯罪情节轻微不需要判处刑罚的，可以免予刑事处罚. Where the text states the whole condition, the
    article itself is the ground; no circumstance of arts. 19-68 is needed (情节轻微 alone stays insufficient, above)."""
    text = (
        "2023年3月5日，被告人王某在某超市窃取洗发水两瓶，价值人民币1200元，出门时被保安当场抓获，所窃物品已发还。"
        "被告人王某犯罪情节轻微，不需要判处刑罚。"
    )
    calc = calculate(extract(text, charges=["盗窃"]))
    assert calc.penalty == "exempt" and calc.months == 0
    assert "刑法第37条" in step(calc, "method.exempt.whole").citation
    negated = calculate(
        extract(text.replace("犯罪情节轻微，不需要", "不属于情节轻微不需要"), charges=["盗窃"])
    )
    assert negated.penalty != "exempt" and step(negated, "method.exempt.whole") is None


def test_article_37_stated_exempts_whatever_the_lowest_brackets_ceiling():
    """寻衅滋事's lowest bracket goes to five years (刑法第293条), so its 自首 is no minor crime's ground to exempt
    (犯罪较轻, 刑法第67条); but art. 37's whole condition, stated, has no such limit."""
    act = (
        "2021年2月8日，被告人沈某酒后在某烧烤店无故推搡被害人韩某，并砸坏店内桌椅，经鉴定价值人民币2100元。"
        "被告人沈某{how}，如实供述，已赔偿被害人损失并取得谅解，{said}。"
    )
    stated = calculate(
        extract(act.format(how="到案后", said="其犯罪情节轻微，不需要判处刑罚"), charges=["寻衅滋事"])
    )
    assert stated.penalty == "exempt" and stated.months == 0
    assert step(stated, "method.exempt.whole") is not None
    surrender = calculate(extract(act.format(how="主动投案", said="犯罪情节轻微"), charges=["寻衅滋事"]))
    assert surrender.penalty != "exempt" and step(surrender, "method.exempt") is None
