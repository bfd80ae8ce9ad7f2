"""Which amends a payment or a return the text tells is: 2021量刑指导意见 三(10)'s 退赃、退赔 (what was taken from a victim
given back, or its loss made good) or 三(11)'s 赔偿 (the victim's damage paid for), or neither. Decided by the crime, as
standards/circumstances.yaml lists it under `restitution`:

- a crime whose harm is the property it takes (`loss_paid_back_by`: 盗窃, 诈骗 …): the victim's loss paid (赔偿…损失,
  赔付) is that property's value made good, 退赔, not 赔偿; a payment for an injury (医疗费 …) in its sentence stays 赔偿,
  and so does one a 刑事和解 in its sentence weighs (三(12): circumstances.settle lists the reconciliation alone);
- a crime that takes from no victim (`not_with_charges`: 开设赌场, 帮助信息网络犯罪活动 …): its gain given up (退缴违法所得)
  is confiscated (刑法第64条), weighed by courts at discretion, not 三(10)'s 退赃、退赔; a loss it helped cause made good to
  a victim (退赔被害人损失) still is;
- 集资诈骗: the principal returned before the case came to light is already out of its amount (法释〔2022〕5号, read in
  raised_funds.py), so it is no restitution too.
- 非法吸收公众存款: principal and interest paid back to depositors while the scheme ran ("其中已归还本息230万元") are its
  running, not amends after the crime: 法释〔2010〕18号 (2022修正)第六条 measures the crime by the whole sum taken in
  and weighs 在提起公诉前积极退赃退赔, a return the sentence places after the crime (restitution_acts.AFTER_THE_CRIME).

One payment is read as one of them, never both: a compensation turned restitution joins the restitution found."""

from __future__ import annotations

import re
from collections.abc import Sequence

from leniency.sentencing.extraction.circumstance_denials import SENTENCE_BREAKS
from leniency.sentencing.extraction.circumstance_patterns import COST_HEADS
from leniency.sentencing.extraction.circumstance_rules import canonical, rules
from leniency.sentencing.extraction.numbers import bounds
from leniency.sentencing.extraction.payments_made import to_victim
from leniency.sentencing.extraction.raised_funds import RAISING_FRAUD
from leniency.sentencing.extraction.restitution_acts import AFTER_THE_CRIME, before_discovery
from leniency.sentencing.facts import Circumstance, Finding

C = Circumstance
INJURY_COSTS = re.compile(COST_HEADS)
RECONCILED = re.compile(r"和解")
GAIN_GIVEN_UP = (
    "退缴违法所得：本案犯罪无被害人财产损失，违法所得依刑法第64条追缴，其主动退缴可酌情从轻，不属量刑指导意见三(10)的退赃、退赔，"
    "未计入 / the gain given up (退缴) is no restitution under 三(10) (no victim's loss to make good): courts weigh it at "
    "discretion; not weighed here"
)
RETURNED_BEFORE_DISCOVERY = (
    "集资诈骗案发前已归还的本金已从诈骗数额中扣除，不再作为退赃、退赔 / the principal returned before discovery is already "
    "out of the 集资诈骗 amount: no restitution beside it"
)

DEPOSIT_TAKING = "非法吸收公众存款"
REPAID_IN_THE_SCHEME = (
    "非法吸收公众存款期间归还集资参与人的本息系吸收存款行为本身，不属案发后的退赃、退赔，未计入 / principal and interest "
    "repaid to depositors while the scheme ran are its running, not restitution after the crime: not weighed"
)


def as_amends(
    mentions: Sequence[Finding], text: str, charges: Sequence[str]
) -> tuple[list[Finding], list[str]]:
    """(`mentions`, notes): each restitution and compensation mention read as the amends the case's crimes make of it
    (the module's rules), the others unchanged; a note for each kind of return set aside."""
    named = {canonical(c) for c in charges}
    if not named:
        return list(mentions), []
    rule = rules()["restitution"]
    takes_property = named <= set(rule["loss_paid_back_by"])
    takes_from_none = named <= set(rule["not_with_charges"])
    kept: list[Finding] = []
    notes: set[str] = set()
    for m in mentions:
        if m.code == C.RESTITUTION and takes_from_none and not _made_good_to_a_victim(text, m):
            notes.add(GAIN_GIVEN_UP)
            continue
        if m.code == C.RESTITUTION and _deducted_before(text, m, named):
            notes.add(RETURNED_BEFORE_DISCOVERY)
            continue
        if m.code == C.RESTITUTION and _repaid_in_the_scheme(text, m, named):
            notes.add(REPAID_IN_THE_SCHEME)
            continue
        if m.code == C.COMPENSATION and takes_property and not _for_injury_or_reconciled(text, m):
            m = Finding(C.RESTITUTION.value, m.value, m.span)
        kept.append(m)
    return kept, sorted(notes)


def _made_good_to_a_victim(text: str, mention: Finding) -> bool:
    """A loss the crime helped cause made good to its victim ("退赔电信诈骗被害人损失五千元"): 三(10)'s 退赔 still."""
    return mention.span is not None and to_victim(text, mention.span.start)


def _deducted_before(text: str, mention: Finding, named: set[str]) -> bool:
    return (
        named == {RAISING_FRAUD} and mention.span is not None and before_discovery(text, mention.span.start)
    )


def _repaid_in_the_scheme(text: str, mention: Finding, named: set[str]) -> bool:
    """A 非法吸收公众存款 return its sentence does not place after the crime (案发后, 到案后, 审理期间 … before it)."""
    if named != {DEPOSIT_TAKING} or mention.span is None:
        return False
    lo, _ = bounds(text, mention.span.start, mention.span.start, SENTENCE_BREAKS)
    return not AFTER_THE_CRIME.search(text, lo, mention.span.start)


def _for_injury_or_reconciled(text: str, mention: Finding) -> bool:
    """A payment whose sentence names an injury's costs (医疗费 …), or a 刑事和解 that weighs it (三(12))."""
    if mention.span is None:
        return False
    lo, hi = bounds(text, mention.span.start, mention.span.end, SENTENCE_BREAKS)
    return bool(INJURY_COSTS.search(text, lo, hi) or RECONCILED.search(text, lo, hi))
