"""What a lawful recommendation looks like: penalty kinds, terms, ranges, probation and fines.

Criminal Law art. 38 (管制 3 months–2 years), 42 (拘役 1–6 months), 45 (有期徒刑 6 months–15 years),
69 (several crimes: up to 3 years 管制, 1 year 拘役, 20/25 years 有期徒刑), 72–73 (probation for 拘役 or
a term of at most three years; probation period at least the term, 拘役 2 months–1 year, 有期徒刑 1–5 years).
Raises DomainError naming the field.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from leniency.errors import DomainError

from .models import SentencingRecommendation

P = SentencingRecommendation.Penalty
K = SentencingRecommendation.Kind

# (minimum, maximum) months per penalty kind for one crime, and for several crimes combined (art. 69).
TERM_BOUNDS = {P.FIXED_TERM: (6, 180), P.CRIMINAL_DETENTION: (1, 6), P.SURVEILLANCE: (3, 24)}
COMBINED_BOUNDS = {P.FIXED_TERM: (6, 300), P.CRIMINAL_DETENTION: (1, 12), P.SURVEILLANCE: (3, 36)}
NO_TERM = {P.FINE_ONLY, P.EXEMPT, P.LIFE, P.DEATH}
PROBATION_MAX_TERM = 36
PROBATION_BOUNDS = {P.FIXED_TERM: (12, 60), P.CRIMINAL_DETENTION: (2, 12)}

FIELDS = (
    "principal_penalty",
    "kind",
    "months",
    "low_months",
    "high_months",
    "probation",
    "probation_months",
    "fine_yuan",
)


def clean_values(values: dict, *, several_crimes: bool = False) -> dict:
    """Normalise and check the terms of a recommendation; returns the dict to store."""
    penalty = values.get("principal_penalty") or P.FIXED_TERM
    if penalty not in P.values:
        raise DomainError(_("未知的主刑：%(value)s") % {"value": penalty}, field="principal_penalty")
    kind = values.get("kind") or K.FIXED
    if kind not in K.values:
        raise DomainError(_("未知的建议方式：%(value)s") % {"value": kind}, field="kind")
    months, low, high = _int(values, "months"), _int(values, "low_months"), _int(values, "high_months")
    probation = bool(values.get("probation"))
    probation_months = _int(values, "probation_months")
    fine = _fine(values.get("fine_yuan"))
    label = P(penalty).label

    if penalty in NO_TERM:
        if kind == K.RANGE:
            raise DomainError(_("%(penalty)s不能提出幅度刑建议") % {"penalty": label}, field="kind")
        months = low = high = None
        if penalty == P.FINE_ONLY and not fine:
            raise DomainError(_("单处罚金须写明罚金数额"), field="fine_yuan")
    else:
        lo_bound, hi_bound = (COMBINED_BOUNDS if several_crimes else TERM_BOUNDS)[P(penalty)]
        if kind == K.FIXED:
            if months is None:
                raise DomainError(_("确定刑须写明刑期"), field="months")
            _check_term(months, lo_bound, hi_bound, label, "months")
            low = high = months
        else:
            # A range (幅度刑) is the exception: new or unusual crimes, complex serious cases (FACTS.md §2).
            if low is None:
                raise DomainError(_("幅度刑须写明下限"), field="low_months")
            if high is None:
                raise DomainError(_("幅度刑须写明上限"), field="high_months")
            _check_term(low, lo_bound, hi_bound, label, "low_months")
            _check_term(high, lo_bound, hi_bound, label, "high_months")
            if low >= high:
                raise DomainError(_("幅度刑的上限须大于下限"), field="high_months")
            months = None
    if probation:
        top = high if kind == K.RANGE else months
        if (
            penalty not in PROBATION_BOUNDS
            or top is None
            or (penalty == P.FIXED_TERM and top > PROBATION_MAX_TERM)
        ):
            raise DomainError(_("缓刑只适用于拘役或三年以下有期徒刑（刑法第72条）"), field="probation")
        if probation_months is None:
            raise DomainError(_("适用缓刑须写明考验期"), field="probation_months")
        lo_p, hi_p = PROBATION_BOUNDS[P(penalty)]
        if probation_months < max(lo_p, top) or probation_months > hi_p:
            raise DomainError(
                _("缓刑考验期须不短于原判刑期，且在%(low)s至%(high)s个月之间（刑法第73条）")
                % {"low": lo_p, "high": hi_p},
                field="probation_months",
            )
    else:
        probation_months = None
    if penalty == P.EXEMPT:
        fine = None
    return {
        "principal_penalty": penalty,
        "kind": kind,
        "months": months,
        "low_months": low,
        "high_months": high,
        "probation": probation,
        "probation_months": probation_months,
        "fine_yuan": fine,
    }


def _check_term(value: int, low: int, high: int, label: str, field: str) -> None:
    if value < low or value > high:
        raise DomainError(
            _("%(penalty)s的刑期须在%(low)s至%(high)s个月之间")
            % {"penalty": label, "low": low, "high": high},
            field=field,
        )


def _int(values: dict, key: str) -> int | None:
    value = values.get(key)
    if value in (None, ""):
        return None
    try:
        number = int(value)
    except (TypeError, ValueError) as error:
        raise DomainError(_("须为整数（月）"), field=key) from error
    if number < 0:
        raise DomainError(_("不能为负数"), field=key)
    return number


def _fine(value) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        amount = Decimal(str(value))
    except (InvalidOperation, ValueError) as error:
        raise DomainError(_("罚金须为金额（元）"), field="fine_yuan") from error
    if amount < 0:
        raise DomainError(_("罚金不能为负数"), field="fine_yuan")
    return amount.quantize(Decimal("0.01"))
