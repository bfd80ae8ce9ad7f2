"""Outcomes without a principal penalty: 免予刑事处罚 (Criminal Law art. 37) and 单处罚金 (art. 52).

Decided per charge after the clamp, conservatively (method.yaml `non_custodial`):

- **exempt** when the case stays in the lowest bracket of a minor crime, the fact text states that the
  crime is minor (情节轻微, art. 37's condition), and a circumstance is found for which the Criminal
  Law itself allows 免除处罚 (从犯 art. 27, 胁从犯 art. 28, 自首 art. 67, 重大立功 art. 68 …);
- **fine only** when the statute's bracket says "并处或者单处罚金" (statutory_brackets.yaml, parsed from
  the statute), the adjusted term is at most a few months, and the facts show both restitution or
  compensation and an admission (认罪认罚 / 自首 / 坦白), with no recidivism or prior record.

Either is recorded as a step with its rule id and citation, and the term is 0 months.
"""

from __future__ import annotations

from leniency.sentencing.calculation import Penalty, StepKind
from leniency.sentencing.calculator_adjust import Applied
from leniency.sentencing.calculator_wording import quote_phrase
from leniency.sentencing.catalogue import ChargeInfo
from leniency.sentencing.facts import CaseFacts
from leniency.sentencing.standards import Standard
from leniency.sentencing.trace import Trace


def non_custodial(
    months: float,
    info: ChargeInfo,
    index: int,
    applied: Applied,
    facts: CaseFacts,
    standard: Standard,
    trace: Trace,
) -> str | None:
    """Penalty.EXEMPT or Penalty.FINE_ONLY where the law allows it and the facts state its conditions.

    `index` is the bracket the facts place the charge in (before any mitigation takes it lower): only the
    lowest bracket can give an outcome without a principal penalty."""
    cfg = standard.method.get("non_custodial")
    if not cfg or index != 0:
        return None
    if _exempt(info, applied, facts, standard, cfg["exempt"], trace):
        return Penalty.EXEMPT.value
    if _fine_only(months, info, applied, standard, cfg["fine_only"], trace):
        return Penalty.FINE_ONLY.value
    return None


def _exempt(
    info: ChargeInfo, applied: Applied, facts: CaseFacts, standard: Standard, cfg: dict, trace: Trace
) -> bool:
    bracket = info.brackets[0]
    if bracket.ceiling_months > int(cfg["max_ceiling_months"]) or any(applied.has(r) for r in cfg["none_of"]):
        return False
    basis = next((r for r in applied.rules if r in cfg["any_of"]), None)
    quote = next((q for w in cfg["text_says"] if (q := quote_phrase(facts.text or "", w))), None)
    if basis is None or quote is None:
        return False
    rule = standard.circumstances[basis]
    law = cfg["any_of"][basis]
    trace.step(
        "method.exempt",
        kind=StepKind.PENALTY_KIND,
        rule_id=cfg["rule_id"],
        after=0,
        citation=f"{cfg['citation']}；{law}",
        charge=info.name,
        confidence=cfg["confidence"],
        quote=quote,
        circumstance=rule.zh,
        circumstance_en=rule.en or basis,
        law=law,
    )
    return True


def _fine_only(
    months: float, info: ChargeInfo, applied: Applied, standard: Standard, cfg: dict, trace: Trace
) -> bool:
    bracket = info.brackets[0]
    if not bracket.fine_only_allowed or months > float(cfg["max_months"]):
        return False
    if any(applied.has(r) for r in cfg["none_of"]):
        return False
    found = [next((r for r in applied.rules if r in group), None) for group in cfg["all_of"]]
    if None in found:
        return False
    rules = [standard.circumstances[r] for r in found]
    source = bracket.source or info.article_label
    trace.step(
        "method.fine_only",
        kind=StepKind.PENALTY_KIND,
        rule_id=cfg["rule_id"],
        before=round(months, 2),
        after=0,
        citation=f"{cfg['citation']}；刑法{source}（并处或者单处罚金）",
        charge=info.name,
        confidence=cfg["confidence"],
        term=months,
        max_months=cfg["max_months"],
        circumstances="、".join(r.zh for r in rules),
        circumstances_en=", ".join(r.en or r.id for r in rules),
        source=source,
    )
    return True
