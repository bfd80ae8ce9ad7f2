"""Terms in words, the way indictments and judgments write them: 有期徒刑一年二个月，缓刑一年六个月."""

from decimal import Decimal

DIGITS = "零一二三四五六七八九"


def cn_number(n: int) -> str:
    """0..99 in Chinese numerals (terms never need more)."""
    if n < 10:
        return DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else DIGITS[tens]) + "十" + (DIGITS[ones] if ones else "")


def duration(months: int | None) -> str:
    """14 -> 一年二个月; 6 -> 六个月; 24 -> 二年."""
    if months is None:
        return ""
    years, rest = divmod(int(months), 12)
    parts = []
    if years:
        parts.append(f"{cn_number(years)}年")
    if rest or not years:
        parts.append(f"{cn_number(rest)}个月")
    return "".join(parts)


def yuan(amount) -> str:
    if amount is None:
        return ""
    value = Decimal(amount)
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"人民币{text}元"


# The penalty names as the documents write them (Chinese whatever the interface language).
PENALTY_ZH = {
    "fixed_term": "有期徒刑",
    "criminal_detention": "拘役",
    "surveillance": "管制",
    "fine_only": "单处罚金",
    "exempt": "免予刑事处罚",
    "life": "无期徒刑",
    "death": "死刑",
}


def term_text(rec) -> str:
    """The recommendation in one phrase, always in Chinese: it is the wording of the legal documents."""
    penalty = PENALTY_ZH.get(rec.principal_penalty, rec.principal_penalty)
    P = type(rec).Penalty
    if rec.principal_penalty == P.EXEMPT:
        text = str(penalty)
    elif rec.principal_penalty == P.LIFE:
        text = str(penalty)
    elif rec.principal_penalty == P.FINE_ONLY:
        text = f"单处罚金{yuan(rec.fine_yuan)}" if rec.fine_yuan else str(penalty)
        return text
    elif (
        rec.kind == type(rec).Kind.RANGE
        and rec.low_months is not None
        and rec.high_months is not None
        and rec.low_months != rec.high_months
    ):
        text = f"{penalty}{duration(rec.low_months)}至{duration(rec.high_months)}"
    else:
        text = f"{penalty}{duration(rec.months)}"
    if rec.probation and rec.principal_penalty in (P.FIXED_TERM, P.CRIMINAL_DETENTION):
        text += f"，缓刑{duration(rec.probation_months)}" if rec.probation_months else "，适用缓刑"
    if rec.fine_yuan and rec.principal_penalty != P.EXEMPT:
        text += f"，并处罚金{yuan(rec.fine_yuan)}"
    if getattr(rec, "confiscation", False) and rec.principal_penalty != P.EXEMPT:
        text += "，并处没收财产"  # 刑法第59条: the statute's words; how much is the court's (个人部分或者全部财产)
    return text
