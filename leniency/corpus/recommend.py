"""One answer for a case: the calculation, the learned model and the similar cases, with deviation warnings.

    rec = recommend(extract(text, charges=["盗窃"]), proposed_months=30)
    rec.months, rec.low, rec.high, rec.interval, rec.similar.stats, rec.warnings

Works without a trained model and without a corpus (the calculation alone, lower confidence, a note).
The warning share is the Django setting SENTENCING_DEVIATION_SHARE (default 0.25).
"""

from __future__ import annotations

import logging
from collections.abc import Collection
from dataclasses import replace

from django.conf import settings

from leniency.corpus.results import (
    DeviationWarning,
    Recommendation,
    SimilarCase,
    SimilarCases,
    SimilarStats,
)
from leniency.sentencing.adoption import follow_recommendation
from leniency.sentencing.calculation import Calculation
from leniency.sentencing.facts import CaseFacts
from leniency.sentencing.prediction import Prediction

__all__ = [
    "DeviationWarning",
    "Recommendation",
    "SimilarCase",
    "SimilarCases",
    "SimilarStats",
    "deviation_warnings",
    "recommend",
    "deviation_share",
]

log = logging.getLogger(__name__)
DEFAULT_SHARE = 0.25


def deviation_share() -> float:
    return float(getattr(settings, "SENTENCING_DEVIATION_SHARE", DEFAULT_SHARE))


def model_dir():
    from pathlib import Path

    return Path(getattr(settings, "SENTENCING_MODEL_DIR", Path(settings.VAR_DIR) / "models"))


def serving_model():
    """The learned model this server answers with: the current published version (leniency/corpus/artefacts.py),
    or the newest in the local model directory where none was published; None without any."""
    from leniency.corpus.artefacts import serving_directory
    from leniency.corpus.models import Artefact
    from leniency.sentencing.model import current_model

    return current_model(serving_directory(Artefact.Kind.SENTENCING_MODEL, model_dir()))


def _calculate(facts: CaseFacts) -> Calculation:
    from leniency.sentencing.calculator import calculate

    try:
        return calculate(facts)
    except Exception as exc:  # noqa: BLE001 - an answer must still come back
        log.exception("calculation failed")
        return Calculation(
            months=12,
            low=6,
            high=36,
            confidence="low",
            notes=[f"计算失败（{type(exc).__name__}），显示参考值 / calculation failed"],
        )


def _fmt(value: float) -> str:
    return f"{value:g}" if value == int(value) else f"{value:.1f}"


def warning_band(similar: SimilarCases, interval: tuple[int, int] | None) -> dict | None:
    """What a proposed term is checked against: the factor-matched similar cases' band when there are
    enough of them (order statistics, ≥ 80% by construction), else the model's calibrated 80% interval,
    else nothing. Never a pool that matched on the charge alone (those carry no statistics)."""
    stats = similar.stats
    if stats is not None and stats.band_low is not None and stats.band_high is not None:
        return {
            "source": "similar",
            "low": stats.band_low,
            "high": stats.band_high,
            "n": stats.n,
            "coverage": stats.band_coverage,
            "level": stats.level,
        }
    if interval is not None:
        return {
            "source": "model",
            "low": interval[0],
            "high": interval[1],
            "n": None,
            "coverage": 0.8,
            "level": None,
        }
    return None


def _band_warning(band: dict, proposed_months: int) -> DeviationWarning | None:
    low, high = float(band["low"]), float(band["high"])
    if low <= proposed_months <= high:
        return None
    side = "高于" if proposed_months > high else "低于"
    bound = f"上限（{_fmt(high)} 个月）" if proposed_months > high else f"下限（{_fmt(low)} 个月）"
    compared = {"proposed_months": proposed_months, "low": low, "high": high, "n": band["n"]}
    if band["source"] == "similar":
        compared.update(p10=low, p90=high)  # the old keys, now the band the warning used
        return DeviationWarning(
            "similar_band",
            f"拟建议刑期 {proposed_months} 个月{side} {band['n']} 件因素匹配类案的区间{bound}"
            f"（次序统计量，名义覆盖率 {band['coverage']:.0%}）",
            compared,
        )
    return DeviationWarning(
        "model_interval",
        f"拟建议刑期 {proposed_months} 个月{side}判决数据模型 80% 预测区间{bound}（因素匹配的类案不足，以模型区间代替）",
        compared,
    )


def deviation_warnings(recommendation: Recommendation, proposed_months: int) -> list[DeviationWarning]:
    """Warnings for a proposed term: outside the warning band (the factor-matched similar cases' band, or
    the model's interval where they are too few); only where there is no band, off the calculation by more
    than the share.

    A calibrated band, when there is one, is the only judge: the calculation's point is within ±25% of the
    court's term in about a third of real judgments, so a share rule beside the band would ask a prosecutor
    who proposes exactly what the court gave for a written reason in two cases of three (issue 23)."""
    warnings: list[DeviationWarning] = []
    band = recommendation.warning_band
    if band is not None:
        found = _band_warning(band, proposed_months)
        return [found] if found is not None else []
    calc = recommendation.calculation
    if not (calc.death_penalty or calc.life_imprisonment) and calc.months is not None:
        share = deviation_share()
        base = int(calc.months)
        deviation = (
            (proposed_months - base) / base if base > 0 else (float("inf") if proposed_months > 0 else 0.0)
        )
        if abs(deviation) > share:
            direction = "高于" if deviation > 0 else "低于"
            pct = "∞" if deviation == float("inf") else f"{abs(deviation):.0%}"
            warnings.append(
                DeviationWarning(
                    "calculation",
                    f"拟建议刑期 {proposed_months} 个月{direction}量刑计算结果（{base} 个月）{pct}，超过允许偏离幅度 {share:.0%}",
                    {
                        "proposed_months": proposed_months,
                        "calculated_months": base,
                        "deviation": None if deviation == float("inf") else round(deviation, 4),
                        "share": share,
                    },
                )
            )
    return warnings


def _confidence(calc: Calculation, model_used: bool, similar: SimilarCases, facts: CaseFacts) -> str:
    if not facts.charges or str(calc.confidence) == "low":
        return "low"
    if not model_used and similar.stats is None:
        return "low"
    if model_used and similar.stats is not None and str(calc.confidence) == "high":
        return "high"
    return "medium"


def _adopted(
    facts: CaseFacts, months: int, low: int, high: int, interval: tuple[int, int] | None, notes: list[str]
) -> tuple[int, int, int, tuple[int, int] | None]:
    """The term held inside a quoted recommendation the court is expected to adopt in a plea case (CPL art.
    201), by the rule the CLI and the benchmark apply (`leniency.sentencing.adoption`); the explanation line
    goes into `notes`. The model's interval (else the calculation's range) is widened to hold it, never
    narrowed."""
    before = Prediction(months, *(interval or (low, high)))
    after = follow_recommendation(before, facts)
    if after is before:
        return months, low, high, interval
    notes.extend(after.explanation)
    return (
        after.months,
        min(low, after.months),
        max(high, after.months),
        (after.low, after.high) if interval is not None else None,
    )


def recommend(
    facts: CaseFacts,
    *,
    proposed_months: int | None = None,
    region_code: str | None = None,
    years: tuple[int, int] | None = None,
    k: int = 10,
    exclude: Collection[int] = (),
    model=None,
) -> Recommendation:
    """Combine the calculation, the model (when one is trained) and the similar cases (when a corpus is loaded).

    `model`: a SentencingModel to use instead of the current artifact (the benchmark's held-out folds);
    `exclude`: judgment ids the similar-case search leaves out.
    """
    from leniency.corpus.similar import find_similar

    notes: list[str] = []
    calc = _calculate(facts)
    fixed = not (calc.death_penalty or calc.life_imprisonment) and calc.months is not None
    months = int(calc.months) if fixed else int(calc.high)
    low, high = int(calc.low), int(calc.high)

    interval = None
    try:
        model = model if model is not None else serving_model()
    except Exception:  # noqa: BLE001 - a broken artifact must not break recommendations
        log.exception("could not load the sentencing model")
        notes.append("量刑模型无法加载，仅依据量刑计算")
    if model is not None and fixed and facts.charges:
        prediction = model.predict_one(facts, calc)
        months = prediction.months
        interval = (prediction.low, prediction.high)
        low, high = min(low, months), max(high, months)
        notes.append(f"刑期由量刑计算（{calc.months} 个月）与判决数据模型（版本 {model.version}）综合得出")
    elif model is None:
        notes.append("未加载判决数据模型：仅依据量刑计算，置信度较低")
    if fixed:
        months, low, high, interval = _adopted(facts, months, low, high, interval, notes)

    try:
        similar = find_similar(facts, region_code=region_code, years=years, k=k, exclude=exclude)
    except Exception:  # noqa: BLE001
        log.exception("similar-case retrieval failed")
        similar = SimilarCases([], None, "类案检索暂不可用")
    if similar.stats is None and not similar.cases and "类案" not in " ".join(notes):
        notes.append(similar.note)

    rec = Recommendation(
        facts=facts,
        calculation=calc,
        months=months,
        low=low,
        high=high,
        probation_advised=bool(calc.probation_advised),
        fine_yuan=int(calc.fine_yuan) if calc.fine_yuan is not None else None,
        confidence=_confidence(calc, model is not None and interval is not None, similar, facts),
        model_version=model.version if model is not None else None,
        interval=interval,
        similar=similar,
        warnings=[],
        notes=notes,
        proposed_months=proposed_months,
        warning_band=warning_band(similar, interval),
    )
    if proposed_months is not None:
        rec = replace(rec, warnings=deviation_warnings(rec, int(proposed_months)))
    return rec
