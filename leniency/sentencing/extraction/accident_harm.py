"""The harm a safety accident caused (死亡, 重伤): what the production-safety crimes (刑法第134条第1款, 第135条, 第136条,
第139条) are measured by, read by charge_amounts.measured_amount for the amount_brackets.yaml `measure: accident_harm`.

法释〔2015〕22号第六条 makes 造成死亡一人以上，或者重伤三人以上 a 重大伤亡事故 (三年以下有期徒刑或者拘役) and 第七条
死亡三人以上或者重伤十人以上，负事故主要责任 the heavier bracket (三年以上七年以下). The measure is in deaths: the number
of deaths, or a third of the seriously injured where that reaches further (三人重伤 stands beside 一人死亡), the larger of
the two as either alone meets the interpretation's figures. A number told with the harm (造成2人死亡, 致3名工人重伤) is
read as the count, the largest told (a total restates the parts of one accident); persons named without a number are
counted by their names (致工人吕某甲、吕某乙当场死亡: two), deaths told in short by theirs (造成一死两伤: one), one where the harm is told with no count at all.
"""

from __future__ import annotations

import re
from decimal import Decimal

from leniency.sentencing.extraction.injuries import find_injuries
from leniency.sentencing.extraction.numbers import NUMBER, parse_number
from leniency.sentencing.facts import InjuryGrade

# 法释〔2015〕22号第六条: 重伤三人 stands beside 死亡一人
SERIOUSLY_INJURED_PER_DEATH = Decimal(3)
# a number of persons told with the harm: 造成2人死亡, 致3名工人重伤, 造成工人3人重伤, 造成二人当场死亡
PERSONS = rf"(?P<num>{NUMBER})(?:人|(?:名|个|位)[^，,。；;\d]{{0,4}}?)(?:当场|均|先后|经抢救无效)?"
DEATHS_RE = re.compile(PERSONS + r"(?:死亡|身亡|遇难)")
SERIOUS_RE = re.compile(PERSONS + r"(?:受)?重伤")
# masked names listed before the harm: 吕某甲、吕某乙当场死亡, 工人王某和李某重伤
NAMED = r"(?P<names>(?:[\u4e00-\u9fa5]{1,2}某[甲乙丙丁戊]?[、和及与])+[\u4e00-\u9fa5]{1,2}某[甲乙丙丁戊]?)(?:当场|均|先后|经抢救无效)?"
NAMES_SPLIT = re.compile(r"[、和及与]")
NAMED_DEATHS_RE = re.compile(NAMED + r"(?:死亡|身亡|遇难)")
NAMED_SERIOUS_RE = re.compile(NAMED + r"(?:受)?重伤")
# the harm told in short: 造成一死两伤, 致3死5伤 (死 before the injured, or closing the clause)
SHORT_DEATHS_RE = re.compile(rf"(?P<num>{NUMBER})死(?={NUMBER}伤|[，,。；;、）)])")
SERIOUS = (InjuryGrade.SERIOUS_1.value, InjuryGrade.SERIOUS_2.value)


def accident_harm(text: str) -> Decimal | None:
    """The accident's harm in deaths: the deaths, or a third of the seriously injured where that is more (None where
    the text tells neither)."""
    text = text or ""
    grades = {str(finding.value) for finding in find_injuries(text)}
    deaths = max(
        _counted(DEATHS_RE, NAMED_DEATHS_RE, text, InjuryGrade.DEATH.value in grades), _short_deaths(text)
    )
    serious = _counted(SERIOUS_RE, NAMED_SERIOUS_RE, text, bool(grades & set(SERIOUS)))
    if not deaths and not serious:
        return None
    return max(Decimal(deaths), (Decimal(serious) / SERIOUSLY_INJURED_PER_DEATH).quantize(Decimal("0.01")))


def _counted(numbered: re.Pattern, named: re.Pattern, text: str, told: bool) -> int:
    """The largest number of persons told with the harm, by a number or by their names; else one where the harm is
    told without either."""
    numbers = [parse_number(m.group("num")) for m in numbered.finditer(text)]
    counted = [int(n) for n in numbers if n and n == int(n)]
    counted += [len(NAMES_SPLIT.split(m.group("names"))) for m in named.finditer(text)]
    return max(counted, default=1 if told else 0)


def _short_deaths(text: str) -> int:
    """The deaths told in short (造成一死两伤: one), the largest told; 0 where none is."""
    numbers = [parse_number(m.group("num")) for m in SHORT_DEATHS_RE.finditer(text)]
    return max((int(n) for n in numbers if n), default=0)
