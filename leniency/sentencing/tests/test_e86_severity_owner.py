"""E86: a bracket's trigger wording (情节严重 …) is the charge's whose conduct the clause before it tells, not every
charge its sentence names. 刑法第341条第2款's 情节严重 is the element of 非法狩猎; said after the hunting clauses it
does not put 非法持有枪支 (第128条) in its 3-7 year bracket."""

from leniency.sentencing.calculator import calculate
from leniency.sentencing.facts import CaseFacts

RULE = "method.no_guideline.trigger_wording"
GUN = "非法持有、私藏枪支、弹药"
HUNT = "非法狩猎"

OPINION_AFTER_HUNTING = (
    "公诉机关指控：一、2015年起，被告人王某将其购得的自制猎枪一支藏于家中。2016年3月2日，公安民警在其家中查获该枪。"
    "经鉴定，该枪支系以火药为动力的自制枪支。二、2016年1月至2月间，被告人王某在禁猎期内持该枪猎捕野兔12只。"
    "公诉机关认为，被告人王某违反枪支管理规定，非法持有枪支；违反狩猎法规，在禁猎期使用禁用的工具狩猎，情节严重，"
    "应当以非法持有枪支罪、非法狩猎罪追究其刑事责任。"
)
ONE_CLAUSE_AFTER_THE_OTHER = (
    "公诉机关认为，被告人张某非法持有枪支，在禁猎期使用禁用的工具狩猎，情节严重，"
    "应当以非法持有枪支罪、非法狩猎罪追究其刑事责任。"
)
SEVERE_OF_THE_GUNS = (
    "公诉机关指控：被告人李某某非法持有以火药为动力的自制枪支三支，情节严重；又在禁猎期内猎捕野鸡8只。"
    "公诉机关认为，应当以非法持有枪支罪、非法狩猎罪追究其刑事责任。"
)


def _gun(text: str):
    calc = calculate(CaseFacts(text=text, charges=[GUN, HUNT]))
    start = next(s for s in calc.steps if s.kind == "starting_point" and s.charge == GUN).months_after
    return start, [s.charge for s in calc.steps if s.rule_id == RULE]


def test_hunting_severity_said_in_the_opinion_leaves_the_gun_in_its_lowest_bracket():
    start, triggered = _gun(OPINION_AFTER_HUNTING)
    assert GUN not in triggered
    assert start < 36


def test_the_nearest_conduct_before_the_wording_owns_it_within_one_sentence():
    start, triggered = _gun(ONE_CLAUSE_AFTER_THE_OTHER)
    assert GUN not in triggered
    assert start < 36


def test_severity_told_of_the_guns_still_sets_their_bracket():
    start, triggered = _gun(SEVERE_OF_THE_GUNS)
    assert triggered == [GUN]
    assert 36 <= start <= 84
