"""Fine limits a national interpretation sets where the Criminal Law names no figure (amount_brackets.yaml
`fine_limits`).

刑法第383条 says only "并处罚金" for 贪污 and 受贿; 法释〔2016〕9号第十九条 sets the figures: 判处三年以下有期徒刑或者
拘役的，应当并处十万元以上五十万元以下的罚金; 三年以上十年以下，二十万元以上犯罪数额二倍以下; 十年以上或者无期，五十万元以上
犯罪数额二倍以下; 对刑法规定并处罚金的其他贪污贿赂犯罪，十万元以上犯罪数额二倍以下. The limits follow the term imposed
("判处…的"), so a term mitigated below the facts' own bracket takes the limits of the bracket it is in, and the floor
binds whatever the mitigation (unlike a statute's own figures, 刑法第63条).
"""

from __future__ import annotations

from leniency.sentencing.calculation import StepKind
from leniency.sentencing.catalogue import ChargeInfo
from leniency.sentencing.facts import CaseFacts
from leniency.sentencing.standards import Standard
from leniency.sentencing.trace import Text, Trace


def fine_limits_entry(info: ChargeInfo, standard: Standard) -> dict | None:
    """The first `fine_limits` entry naming the charge (`charges`) or its article (`articles`: a range, both ends
    included), or None."""
    for entry in standard.amount_brackets.get("fine_limits") or ():
        if info.name in (entry.get("charges") or ()):
            return entry
        articles = entry.get("articles")
        if articles and articles[0] <= info.article <= articles[1]:
            return entry
    return None


def interpretation_limits(
    value: float, info: ChargeInfo, imposed: int, facts: CaseFacts, standard: Standard, trace: Trace
) -> float:
    """`value` kept inside the limits the interpretation sets for the bracket of the term imposed (`by_bracket`; its
    last entry serves the brackets above). `max_times_amount` caps it at that multiple of the amount involved where
    the text names one, never below `min_yuan`."""
    entry = fine_limits_entry(info, standard)
    if entry is None:
        return value
    by_bracket = entry["by_bracket"]
    limits = by_bracket[min(imposed, len(by_bracket) - 1)]
    low = float(limits["min_yuan"])
    high = float(limits["max_yuan"]) if "max_yuan" in limits else None
    if "max_times_amount" in limits and facts.amount_yuan:
        high = max(low, float(facts.amount_yuan) * float(limits["max_times_amount"]))
    limited = max(low, value) if high is None else min(high, max(low, value))
    if limited != value:
        trace.step(
            "method.fine",
            kind=StepKind.FINE,
            rule_id=str(entry["id"]),
            citation=str(entry["source"]),
            charge=info.name,
            confidence=str(entry.get("confidence", "low")),
            value=limited,
            how=Text(str(limits["zh"]), str(limits["en"])),
        )
    return limited
