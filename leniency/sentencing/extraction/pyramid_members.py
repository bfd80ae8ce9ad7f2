"""The members of a pyramid selling scheme (传销) its organizer or leader led: what 组织、领导传销活动 (刑法第224条之一) is
measured by, read by charge_amounts.measured_amount for the amount_brackets.yaml `measure: pyramid_members`.

两高一部《关于办理组织领导传销活动刑事案件适用法律若干问题的意见》(公通字〔2013〕37号) 第一条: an organization of
thirty members or more in three levels or more is 传销组织, and its organizers and leaders are prosecuted; 第二条第一款
第（一）项: 组织、领导的参与传销活动人员累计达一百二十人以上的 is 情节严重 (recalled, unconfirmed). Counted: a number of
persons (人, 名) told, in a sentence naming the scheme or its recruits (传销, 下线, 发展, 层级, 会员), as recruited or in the
organization; the largest figure, as the members are told as one total (下线共计三级以上120余人), and a part (其中) or a
level's count is no more than it. Not counted: a number of victims detained or of persons who quit.
"""

from __future__ import annotations

import re
from decimal import Decimal

from leniency.sentencing.extraction.numbers import NUMBER, clause_before, parse_number
from leniency.sentencing.extraction.told_sums import told_figures

PERSONS_RE = re.compile(rf"(?P<num>{NUMBER})(?:余|多)?(?:人|名)(?!民币)")
SCHEME = re.compile(r"传销")
RECRUITED = re.compile(r"下线|发展|层级|会员|人员|参与|加入|组织")
NOT_MEMBERS = re.compile(r"被害人|拘禁|关押|看管|控制|退出|离开|报警|解救")


def pyramid_members(text: str) -> Decimal | None:
    """The members the text tells the scheme had under the defendant (None where it tells none)."""
    text = text or ""
    if not SCHEME.search(text):
        return None
    figures = told_figures(text, PERSONS_RE, _members)
    return max((told.value for told in figures), default=None)


def _members(text: str, persons: re.Match, start: int, end: int) -> Decimal | None:
    clause = clause_before(text, persons.start(), start)
    sentence_before = text[start : persons.start()]
    if not RECRUITED.search(clause) or NOT_MEMBERS.search(clause):
        return None
    if not (SCHEME.search(text[start:end]) or RECRUITED.search(sentence_before)):
        return None
    return parse_number(persons.group("num")) or None
