"""The legal rules applied to the charges the n-gram model names (issue 16, class 8; standards/charge_elements.yaml).

A special fraud without its element falls back to the general one (`fraud_as_told`); a charge whose statute's object or
conduct the fact never names is no candidate (`states_requirements`); neighbouring charges are told apart by the
element their statutes name, by the sums a judicial interpretation draws the line at, or converted as the statute
converts them (`by_distinctions`); a fact that tells what is no crime of a charge drops it (`tells_no_crime`); a crime
against justice done for another takes the place of the other's crime (`for_another`); a charge whose act another
charge read beside it makes its own means or part is no charge of its own (`without_absorbed`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from leniency.sentencing.extraction.charge_elements import charge_elements
from leniency.sentencing.extraction.charge_ngrams import defendants_conduct
from leniency.sentencing.extraction.conduct_actor import others_act
from leniency.sentencing.extraction.conduct_words import own_act
from leniency.sentencing.extraction.numbers import NUMBER, parse_number


def fraud_as_told(text: str, charge: str) -> str | None:
    """`charge` as the fact tells it (charge_elements.yaml): a special fraud whose element the fact does not state is
    the charge it falls back to (刑法第266条, else 诈骗), and a fraud is None where the fact tells of no fraud at all
    (no 骗, 虚构, 隐瞒真相, 谎称). Any other charge is itself."""
    rules = charge_elements()
    special = rules["special"]
    while charge in special and not re.search(special[charge]["element"], text):
        charge = special[charge].get("falls_back_to", rules["general"])
    if charge == rules["general"] and not re.search(rules["general_element"], text):
        return None
    return charge


@cache
def _requirements() -> dict[str, tuple[re.Pattern, ...]]:
    return {
        charge: tuple(re.compile(re.sub(r"\s+", "", p)) for p in rule["all"])
        for charge, rule in charge_elements().get("requires", {}).items()
    }


def states_requirements(text: str, charge: str) -> bool:
    """Whether the fact names everything the charge's statute cannot be without (charge_elements.yaml `requires`:
    脱逃 needs a person held in custody, 单位行贿 a unit that gives); true for a charge with no such rule."""
    return all(pattern.search(text) for pattern in _requirements().get(charge, ()))


def read_as_neighbour(text: str, charge: str) -> bool:
    """Whether a distinction reads `charge` as a neighbour whose own requirement the fact states. A charge a rule keeps
    and adds another beside (`add`: 容留他人吸毒 and the sale to its users) is still itself, and needs its own (E82)."""
    read = by_distinctions(text, [charge])
    if read == [charge] or (charge in read and not states_requirements(text, charge)):
        return False
    return all(states_requirements(text, c) for c in read if c != charge)


def _pattern(rule: dict, key: str) -> re.Pattern | None:
    """The rule's pattern under `key`, or any of the patterns it lists; None without one."""
    value = rule.get(key)
    if not value:
        return None
    patterns = value if isinstance(value, list) else [value]
    return re.compile("|".join("(?:" + WHITESPACE.sub("", p) + ")" for p in patterns))


WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class SumBounds:
    """The sums a distinction needs (charge_elements.yaml `sum_at_least`, `sum_below`), in yuan."""

    at_least: Decimal | None = None
    below: Decimal | None = None

    def hold(self, text: str) -> bool:
        largest = largest_sum(text)
        if self.at_least is not None and (largest is None or largest < self.at_least):
            return False
        return self.below is None or largest is None or largest < self.below


YUAN = re.compile(rf"({NUMBER})\s*(?:元|块)")


def largest_sum(text: str) -> Decimal | None:
    """The largest sum in yuan the text tells (2.4万元, 36万元, 2600元), or None."""
    sums = [value for match in YUAN.finditer(text) if (value := parse_number(match.group(1))) is not None]
    return max(sums, default=None)


@cache
def _distinctions() -> tuple[
    tuple[str, re.Pattern | None, re.Pattern, re.Pattern | None, str, bool, SumBounds, bool], ...
]:
    """(charge, its own element, the other's element, what sends it back, the other charge, add, the sums it needs,
    whether the other's element must be the defendant's own act) per rule."""
    return tuple(
        (
            rule["charge"],
            _pattern(rule, "unless"),
            _pattern(rule, "when"),
            _pattern(rule, "not_when"),
            rule["to"],
            bool(rule.get("add")),
            SumBounds(_yuan(rule.get("sum_at_least")), _yuan(rule.get("sum_below"))),
            rule.get("actor") == "defendant",
        )
        for rule in charge_elements().get("distinctions", ())
    )


def _yuan(value: int | None) -> Decimal | None:
    return None if value is None else Decimal(value)


def by_distinctions(text: str, chosen: list[str]) -> list[str]:
    """Neighbouring charges told apart by the element their statutes name (charge_elements.yaml `distinctions`):
    a charge whose own element the fact does not state, and whose neighbour's it does, is the neighbour. A charge whose
    fact tells no crime of it (`no_crime`: a light injury by the defendant's mishap, 刑法第15条第2款) is dropped."""
    out: list[str] = []
    for charge in chosen:
        if tells_no_crime(text, charge):
            continue
        result = [charge]
        rule = _first_distinction(text, charge)
        if rule is not None:
            to, add = rule
            result = _added_beside(text, charge, to) if add else _converted(text, to)
        out.extend(c for c in result if c not in out)
    return out


def _added_beside(text: str, charge: str, added: str) -> list[str]:
    """`charge` and the charge a rule adds beside it, read as its own rules convert it (E82: the 妨害公务 beside a drunk
    drive is 袭警 since 2021-03-01); not as they add to it, which would add the first charge again."""
    converted = _first_distinction(text, added)
    return [charge, converted[0] if converted and not converted[1] else added]


def _converted(text: str, to: str) -> list[str]:
    """The charge a rule converts to, with what its own rules add beside it (E89: a 盗窃 read as 故意毁坏财物 whose fact
    also tells force against the officers on duty is 故意毁坏财物 and 妨害公务); not as they convert it again."""
    beside = _first_distinction(text, to)
    return [to, beside[0]] if beside and beside[1] else [to]


def _first_distinction(text: str, charge: str) -> tuple[str, bool] | None:
    """(the other charge, whether it is added beside) of the first distinction that applies to `charge`, or None."""
    for name, own, other, back, to, add, sums, by_defendant in _distinctions():
        if name != charge or (own is not None and own.search(text)) or not _states(other, text, by_defendant):
            continue
        if (back is not None and back.search(text)) or not sums.hold(text):
            continue
        return to, add
    return None


def _states(element: re.Pattern, text: str, by_defendant: bool) -> bool:
    """Whether the fact states `element`; with `by_defendant`, as the defendant's own act, judged at the word the match
    ends with (the force of 第269条, the 寻衅 of 第293条), not a victim's or another person's (conduct_actor)."""
    if not by_defendant:
        return element.search(text) is not None
    return any(not others_act(text, max(m.start(), m.end() - 1)) for m in element.finditer(text))


@cache
def _for_another_rules() -> tuple[tuple[str, re.Pattern, re.Pattern | None, re.Pattern | None], ...]:
    """(charge, its conduct, what sends it back, what tells it done in the defendant's own case) per
    charge_elements.yaml `for_another` rule."""
    return tuple(
        (rule["charge"], _pattern(rule, "when"), _pattern(rule, "not_when"), _pattern(rule, "own_case"))
        for rule in charge_elements().get("for_another", ())
    )


def _states_for_another(text: str, when: re.Pattern, back: re.Pattern | None) -> bool:
    if back is not None and back.search(text):
        return False
    return any(own_act(text, match.start()) for match in when.finditer(text))


@cache
def _justice_charges() -> frozenset[str]:
    """The crimes against justice of the `for_another` rules, not the ordinary crimes a statute converts one to
    (`conversion`: torture that kills is art. 232's)."""
    return frozenset(
        rule["charge"] for rule in charge_elements().get("for_another", ()) if not rule.get("conversion")
    )


def for_another(text: str, chosen: list[str]) -> list[str]:
    """A crime against justice done for another person (charge_elements.yaml `for_another`: hiding him, destroying his
    evidence, suborning a witness in his case) in place of the other person's crime the fact also tells of
    (刑法第305条, 第307条, 第310条): the first such charge whose conduct the fact states as the defendant's own act,
    with any other of them already chosen whose own conduct the fact states too (the witness's 伪证 is not the
    suborner's). Where the fact tells it done in his own case (`own_case`: 为逃避法律追究, art. 307 para. 1), the crimes
    chosen are his and stay beside it."""
    rules = _for_another_rules()
    for charge, when, back, own_case in rules:
        if not _states_for_another(text, when, back):
            continue
        stated = {
            name for name, conduct, other_back, _ in rules if _states_for_another(text, conduct, other_back)
        }
        if own_case is not None and own_case.search(text):
            kept = [c for c in chosen if c not in _justice_charges() or c in stated]
            return kept + [charge] if charge not in kept else kept
        return [charge] + [c for c in chosen if c in stated and c != charge]
    return chosen


def with_whole_facts_elements(text: str, charges: list[str]) -> list[str]:
    """`charges` (read from one count) as the neighbours the whole fact's elements make them (`distinctions`)."""
    return by_distinctions(defendants_conduct(text), charges)


@cache
def _no_crime() -> tuple[tuple[str, re.Pattern, re.Pattern | None], ...]:
    """(charge, what tells no crime of it, what sends it back) per charge_elements.yaml `no_crime` rule."""
    return tuple(
        (rule["charge"], _pattern(rule, "when"), _pattern(rule, "not_when"))
        for rule in charge_elements().get("no_crime", ())
    )


def tells_no_crime(text: str, charge: str) -> bool:
    """Whether the fact tells what is no crime of `charge` (charge_elements.yaml `no_crime`): a light injury caused by
    the defendant's mishap is no 故意伤害 (刑法第15条第2款, 第235条)."""
    return any(
        name == charge and when.search(text) and not (back is not None and back.search(text))
        for name, when, back in _no_crime()
    )


@cache
def _absorptions() -> tuple[tuple[str, frozenset[str], re.Pattern | None, bool], ...]:
    """(charge, the charges that absorb it, what tells it as an act of its own, whether across counts) per
    charge_elements.yaml `absorbs` rule."""
    return tuple(
        (rule["charge"], frozenset(rule["by"]), _pattern(rule, "unless"), bool(rule.get("across_counts")))
        for rule in charge_elements().get("absorbs", ())
    )


def absorbed(text: str, charge: str, beside: Iterable[str], across_counts: bool = False) -> bool:
    """Whether a charge read beside `charge` makes its act its own (`absorbs`: 入户抢劫's entry, a casino's gamblers),
    and the fact tells no conduct of it apart from that (`unless`). With `across_counts`, `charge` is read from a count
    of its own, and only a rule that holds across counts (`across_counts`: the thief's own loot) absorbs it."""
    others = set(beside) - {charge}
    return any(
        name == charge
        and by & others
        and not (own is not None and own.search(text))
        and (across or not across_counts)
        for name, by, own, across in _absorptions()
    )


def without_absorbed(text: str, chosen: list[str]) -> list[str]:
    """`chosen` less the charges another of them absorbs (one act is one crime)."""
    return [charge for charge in chosen if not absorbed(text, charge, chosen)]
