"""Chinese wording of terms and recommendations as a 具结书 writes them ("有期徒刑一年六个月，缓刑二年")."""

from __future__ import annotations

from decimal import Decimal

DIGITS = "零一二三四五六七八九"


def number_zh(n: int) -> str:
    if n < 10:
        return DIGITS[n]
    if n < 20:
        return "十" + (DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return DIGITS[n // 10] + "十" + (DIGITS[n % 10] if n % 10 else "")
    return str(n)


def term_zh(months: int | None) -> str:
    """18 → 一年六个月, 24 → 二年, 6 → 六个月."""
    if months is None:
        return ""
    years, rest = divmod(int(months), 12)
    text = f"{number_zh(years)}年" if years else ""
    if rest:
        text += f"{number_zh(rest)}个月"
    return text or "零个月"


PENALTY_LABELS = {
    "fixed_term": "有期徒刑",
    "imprisonment": "有期徒刑",
    "prison": "有期徒刑",
    "fixed_term_imprisonment": "有期徒刑",
    "detention": "拘役",
    "criminal_detention": "拘役",
    "surveillance": "管制",
    "public_surveillance": "管制",
    "life": "无期徒刑",
    "life_imprisonment": "无期徒刑",
    "fine_only": "单处罚金",
    "fine": "单处罚金",
    "exemption": "免予刑事处罚",
    "exempt": "免予刑事处罚",
}


def _penalty_label(rec) -> str:
    display = getattr(rec, "get_principal_penalty_display", None)
    label = str(display()) if callable(display) else ""
    value = str(getattr(rec, "principal_penalty", "") or "")
    if label and label != value:
        return label
    return PENALTY_LABELS.get(value, value)


def recommendation_zh(rec) -> str:
    """The recommendation in one sentence: principal penalty and term or range, probation, fine."""
    if rec is None:
        return ""
    if callable(getattr(rec, "term_text", None)):
        return rec.term_text()
    penalty = _penalty_label(rec)
    kind = str(getattr(rec, "kind", "fixed") or "fixed")
    if kind == "range" and getattr(rec, "low_months", None) is not None:
        term = f"{term_zh(rec.low_months)}至{term_zh(rec.high_months)}"
    else:
        term = term_zh(getattr(rec, "months", None))
    text = f"{penalty}{term}" if penalty not in ("单处罚金", "免予刑事处罚", "无期徒刑") else penalty
    if getattr(rec, "probation", False):
        months = getattr(rec, "probation_months", None)
        text += f"，缓刑{term_zh(months)}" if months else "，适用缓刑"
    fine = getattr(rec, "fine_yuan", None)
    if fine:
        amount = Decimal(fine).quantize(Decimal(1)) if Decimal(fine) == Decimal(fine).to_integral() else fine
        text += f"，并处罚金人民币{amount}元"
    return text
