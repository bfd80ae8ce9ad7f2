"""The charge a fact text names, for when the user gives none (a prosecutor pasting the facts).

First the charges the text names with 罪 ("构成盗窃罪", "以诈骗罪追究"), matched against the whole
catalogue, longest name first; failing that, the conduct words of the commonest crimes ("醉酒驾驶" →
危险驾驶). The result is a guess and is reported as one: the calculator notes that it was inferred.
"""

from __future__ import annotations

import re
from functools import cache

from leniency.sentencing.catalogue import all_charges
from leniency.sentencing.extraction.numbers import span
from leniency.sentencing.facts import Span

# Conduct words of the commonest crimes, in the order they are tried (more specific first).
CONDUCT = [
    ("危险驾驶", re.compile(r"醉酒驾驶|醉驾|血液(?:中)?酒精含量|追逐竞驶")),
    ("交通肇事", re.compile(r"交通事故|肇事")),
    ("走私、贩卖、运输、制造毒品", re.compile(r"贩卖[^，。；]{0,10}(?:毒品|海洛因|甲基苯丙胺|冰毒|麻古)")),
    ("容留他人吸毒", re.compile(r"容留[^，。；]{0,10}吸食")),
    ("抢劫", re.compile(r"抢劫|劫取")),
    ("抢夺", re.compile(r"抢夺")),
    ("故意伤害", re.compile(r"(?:轻伤|重伤)[一二]级|故意伤害")),
    ("诈骗", re.compile(r"骗取|诈骗")),
    ("盗窃", re.compile(r"盗窃|窃取|盗走|扒窃")),
    ("开设赌场", re.compile(r"开设赌场|抽头渔利")),
    ("寻衅滋事", re.compile(r"寻衅滋事|随意殴打")),
]


@cache
def _named_pattern() -> re.Pattern:
    names = sorted({c.name for c in all_charges()}, key=len, reverse=True)
    return re.compile("(" + "|".join(re.escape(n) for n in names) + ")罪")


def infer_charges(text: str) -> list[str]:
    """Charge names (catalogue spelling, without 罪) the text names or describes; [] when none."""
    return [name for name, _ in charge_evidence(text)]


def charge_evidence(text: str) -> list[tuple[str, Span]]:
    """Each inferred charge with the words it was read from: the first "…罪" naming it, or the conduct."""
    named: dict[str, Span] = {}
    for match in _named_pattern().finditer(text):
        named.setdefault(match.group(1), span(text, match.start(), match.end()))
    if named:
        return list(named.items())
    for charge, pattern in CONDUCT:
        if match := pattern.search(text):
            return [(charge, span(text, match.start(), match.end()))]
    return []
