"""The sentencing engine as this app sees it: facts of one defendant in, a plain dict out.

Uses `leniency.corpus.recommend.recommend` (calculation + model interval + similar cases + warnings)
when it is installed, else the calculator alone. The dict is what a recommendation stores (JSON) and
what the draft page shows side by side. The deviation rule (when a written reason is required) lives here.
"""

from __future__ import annotations

import logging
import re
from contextlib import nullcontext
from dataclasses import asdict, dataclass, field, is_dataclass
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from leniency.corpus.service import recommend_on
from leniency.sentencing.calculator import calculate
from leniency.sentencing.extract import extract
from leniency.sentencing.facts import Circumstance, Finding
from leniency.sentencing.given import GivenFact, apply_given

PENALTY_FROM_ENGINE = {
    "imprisonment": "fixed_term",
    "detention": "criminal_detention",
    "surveillance": "surveillance",
    "fine_only": "fine_only",
    "exempt": "exempt",
    "life": "life",
    "death": "death",
}
logger = logging.getLogger(__name__)
SENTENCE_END = re.compile(r"(?<=[。；！？\n])")


def defendant_facts(defendant) -> str:
    """The case's fact text without the sentences that are only about a co-defendant.

    Nothing is added: what the platform holds (the plea and its stage, a compensation paid) goes to the engine
    as given facts (`record_facts`, `confirmed`), never as a sentence for the extractor to read back.
    """
    text = defendant.case.facts or ""
    others = [d.name for d in defendant.case.defendants.all() if d.pk != defendant.pk and d.name]
    kept = []
    for sentence in SENTENCE_END.split(text):
        if not sentence:
            continue
        mentions_other = any(name in sentence for name in others)
        if mentions_other and defendant.name not in sentence:
            continue
        kept.append(sentence)
    return "".join(kept)


def defendant_charges(defendant) -> list[str]:
    links = defendant.charge_links.select_related("charge").order_by("-principal", "id")
    return [link.charge.name for link in links]


@dataclass
class EngineResult:
    calculation: dict
    months: int | None
    low: int | None
    high: int | None
    penalty: str
    probation_advised: bool
    probation_months: int | None
    fine_yuan: Decimal | None
    model_version: str
    # 并处没收财产, mandatory in the bracket (刑法第59条): `Calculation.confiscation`
    confiscation: bool = False
    confidence: str = ""
    interval: list | None = None  # the model's prediction interval [low, high] in months, if any
    similar: dict = field(default_factory=dict)  # {"cases": [...], "stats": {...} | None, "note": str}
    engine_warnings: list = field(default_factory=list)  # the engine's own deviation warnings

    def to_dict(self) -> dict:
        return {
            "calculation": self.calculation,
            "months": self.months,
            "low": self.low,
            "high": self.high,
            "penalty": self.penalty,
            "probation_advised": self.probation_advised,
            "probation_months": self.probation_months,
            "fine_yuan": None if self.fine_yuan is None else str(self.fine_yuan),
            "confiscation": self.confiscation,
            "model_version": self.model_version,
            "confidence": self.confidence,
            "interval": self.interval,
            "similar": self.similar,
            "engine_warnings": self.engine_warnings,
        }


def engine_facts(facts_text: str, charges: list[str], given: list[GivenFact] = ()):
    """The facts the engine calculates on: what it reads from the text, with the given facts laid over."""
    return apply_given(extract(facts_text, charges=charges), given)


def run_engine(
    facts_text: str,
    charges: list[str],
    *,
    proposed_months: int | None = None,
    given: list[GivenFact] = (),
) -> EngineResult:
    """The engine on `facts_text` with `given` facts (the record's, the prosecutor's corrections) over it.

    The similar cases come from `corpus.service.recommend_on` with the calculator's defaults (every region and
    year), so the draft page and the calculator show the same similar cases for the same facts.
    """
    facts = engine_facts(facts_text, charges, given)
    # A savepoint where the caller is in a transaction: a failing corpus query must not break it. Outside one
    # (a page, the htmx preview) no transaction is opened: with transaction_mode IMMEDIATE it would hold the
    # database's write lock for the whole engine run, and a save posted meanwhile would fail as locked.
    guard = transaction.atomic() if transaction.get_connection().in_atomic_block else nullcontext()
    try:
        with guard:
            rec = recommend_on(facts, proposed_months=proposed_months)
    except Exception:  # noqa: BLE001 - the calculator alone still gives a lawful answer
        logger.exception("recommend() failed; falling back to the calculator")
        rec = None
    if rec is not None:
        return _from_recommendation(rec)

    calc = calculate(facts)
    return _from_calculation(calc)


def _from_calculation(calc, *, model_version: str = "") -> EngineResult:
    return EngineResult(
        calculation=calc.to_dict(),
        months=calc.months,
        low=calc.low,
        high=calc.high,
        penalty=PENALTY_FROM_ENGINE.get(str(calc.penalty), "fixed_term"),
        probation_advised=bool(calc.probation_advised),
        probation_months=calc.probation_months,
        fine_yuan=calc.fine_yuan,
        confiscation=bool(calc.confiscation),
        model_version=model_version or f"calculator {calc.standard_version}",
        confidence=str(calc.confidence),
    )


def penalty_for_term(penalty: str, months: int | None) -> str:
    """The principal penalty that can carry `months` when the learned model moved the calculator's term
    across the line between 拘役 (one to six months, 刑法第42条) and 有期徒刑 (six months or more, 第45条)."""
    if months is None:
        return penalty
    if penalty == "criminal_detention" and months > 6:
        return "fixed_term"
    if penalty == "fixed_term" and 0 < months < 6:
        return "criminal_detention"
    return penalty


def _from_recommendation(rec) -> EngineResult:
    result = _from_calculation(rec.calculation, model_version=str(getattr(rec, "model_version", "") or ""))
    result.months = getattr(rec, "months", result.months)
    result.penalty = penalty_for_term(result.penalty, result.months)
    result.low = getattr(rec, "low", result.low)
    result.high = getattr(rec, "high", result.high)
    result.probation_advised = bool(getattr(rec, "probation_advised", result.probation_advised))
    result.fine_yuan = getattr(rec, "fine_yuan", result.fine_yuan)
    result.confidence = str(getattr(rec, "confidence", result.confidence) or "")
    interval = getattr(rec, "interval", None)
    if interval is not None:
        result.interval = _plain(interval)
    similar = getattr(rec, "similar", None)
    if similar is not None:
        stats = getattr(similar, "stats", None)
        result.similar = {
            "cases": [_plain(c) for c in (getattr(similar, "cases", None) or [])][:10],
            "stats": _plain(stats) if stats is not None else None,
            "note": str(getattr(similar, "note", "") or ""),
            "match_level": str(getattr(similar, "match_level", "") or ""),
            "pool_sizes": _plain(getattr(similar, "pool_sizes", None) or {}),
            "missing": list(getattr(similar, "missing", None) or []),
            # what a proposal is checked against (factor-matched cases' band or the model's interval), or None
            "warning_band": _plain(getattr(rec, "warning_band", None)),
        }
    result.engine_warnings = [
        {"kind": str(getattr(w, "kind", "")), "message": str(getattr(w, "message", w))}
        for w in (getattr(rec, "warnings", None) or [])
    ]
    return result


def _plain(value):
    """A dataclass, tuple or object as JSON-able data."""
    if is_dataclass(value):
        value = asdict(value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


# --- the deviation rule -------------------------------------------------------------------------------


def deviation_share() -> float:
    return float(getattr(settings, "SENTENCING_DEVIATION_SHARE", 0.25))


def deviations(
    *,
    engine_months: int | None,
    similar: dict | None,
    months: int | None,
    low: int | None = None,
    high: int | None = None,
) -> list[dict]:
    """Why a proposed term needs a written reason: outside the warning band where there is one, else too far
    from the engine's calculation (by more than SENTENCING_DEVIATION_SHARE).

    The band (`similar["warning_band"]`, from `leniency.corpus.recommend.warning_band`) is the factor-matched
    similar cases' band or, where they are too few, the model's calibrated interval; None: no band warning.
    Results stored before the band existed are checked against their p10–p90 as before.
    For a range the midpoint is compared. Returns [] when the proposal is within the thresholds.
    """
    proposed = months
    if low is not None and high is not None:
        proposed = (low + high) / 2 if months is None else months
    if proposed is None:
        return []
    found = []
    band = (similar or {}).get("warning_band")
    if band:
        return _band_deviation(band, proposed)
    share = deviation_share()
    if engine_months is not None and engine_months > 0:
        change = abs(proposed - engine_months) / engine_months
        if change > share:
            found.append(
                {
                    "kind": "engine",
                    "message": _(
                        "建议刑期%(proposed)s个月与系统计算的%(engine)s个月相差%(pct)d%%，超过%(limit)d%%的预警线"
                    )
                    % {
                        "proposed": _fmt(proposed),
                        "engine": engine_months,
                        "pct": round(change * 100),
                        "limit": round(share * 100),
                    },
                }
            )
    elif engine_months == 0 and proposed > 0:
        found.append(
            {
                "kind": "engine",
                "message": _("系统计算结果为不判处监禁刑，建议判处%(proposed)s个月")
                % {"proposed": _fmt(proposed)},
            }
        )
    if "warning_band" in (similar or {}):  # a result with a band that found none: no band warning
        return found
    stats = (similar or {}).get("stats") or None
    if stats and stats.get("p10") is not None and stats.get("p90") is not None and (stats.get("n") or 0) >= 5:
        p10, p90 = float(stats["p10"]), float(stats["p90"])
        if proposed < p10 or proposed > p90:
            found.append(
                {
                    "kind": "similar",
                    "message": _(
                        "建议刑期%(proposed)s个月在%(n)s件类案的第10至第90百分位（%(p10)s–%(p90)s个月）之外"
                    )
                    % {"proposed": _fmt(proposed), "n": stats.get("n"), "p10": _fmt(p10), "p90": _fmt(p90)},
                }
            )
    return found


def _band_deviation(band: dict, proposed: float) -> list[dict]:
    """The one warning a calibrated band gives: the factor-matched similar cases' band, else the model's
    80% interval. Where there is a band it alone decides (see leniency.corpus.recommend.deviation_warnings)."""
    if float(band["low"]) <= proposed <= float(band["high"]):
        return []
    values = {
        "proposed": _fmt(proposed),
        "n": band.get("n"),
        "low": _fmt(band["low"]),
        "high": _fmt(band["high"]),
    }
    message = (
        _("建议刑期%(proposed)s个月在%(n)s件因素匹配类案的区间（%(low)s–%(high)s个月）之外")
        if band.get("source") == "similar"
        else _(
            "建议刑期%(proposed)s个月在判决数据模型80%%预测区间（%(low)s–%(high)s个月）之外（因素匹配的类案不足）"
        )
    )
    return [{"kind": "similar", "message": message % values}]


def _fmt(value) -> str:
    value = float(value)
    return str(int(value)) if value.is_integer() else f"{value:.1f}"


# --- what the plea is worth ---------------------------------------------------------------------------

PLEA_STAGES = ("investigation", "prosecution_review", "trial")


def plea_scenarios(facts_text: str, charges: list[str], given: list[GivenFact] = ()) -> dict:
    """The calculator's term with the plea made at each stage, and without a plea (months; None for life/death),
    on the confirmed facts (`given` over the text).

    Used by the explanation letter to say what the plea discount is worth and what withdrawing costs.
    """
    facts = engine_facts(facts_text, charges, given)
    found = facts.finding(Circumstance.PLEA)
    others = [f for f in facts.circumstances if f.code != Circumstance.PLEA]
    out = {"stage": str(found.value) if found is not None and found.value else None}
    facts.circumstances = others
    out["without"] = calculate(facts).months
    for stage in PLEA_STAGES:
        facts.circumstances = [*others, Finding(code=Circumstance.PLEA, value=stage)]
        out[stage] = calculate(facts).months
    return out
