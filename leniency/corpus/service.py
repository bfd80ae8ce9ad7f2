"""From what a user typed to a Recommendation: charge guessing, validation, user corrections, highlighting.

Shared by the page and the API. Raises `DomainError(message, field=...)` naming the field at fault.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from leniency.corpus.factors import CIRCUMSTANCE_ZH, INJURY_ZH
from leniency.corpus.recommend import Recommendation, recommend
from leniency.errors import DomainError
from leniency.sentencing.catalogue import all_charges, find_charge
from leniency.sentencing.extract import extract
from leniency.sentencing.facts import CaseFacts, Finding

MAX_FACT_CHARS = 20_000
MAX_MONTHS = 300
CHARGE_IN_TEXT = re.compile(r"(?:犯|以|构成|涉嫌)([\u4e00-\u9fff、，]{2,24}?)罪")


def guess_charges(text: str) -> list[str]:
    """Charges the text names (…犯盗窃罪 / 以危险驾驶罪…), known to the catalogue, in order of appearance."""
    found: list[str] = []
    for match in CHARGE_IN_TEXT.finditer(text or ""):
        candidate = match.group(1)
        for start in range(len(candidate) - 1):  # "被告人张某犯盗窃" -> try shorter tails
            info = find_charge(candidate[start:])
            if info is not None:
                if info.name not in found:
                    found.append(info.name)
                break
    if not found:
        names = sorted((c.name for c in all_charges()), key=len, reverse=True)
        for name in names:
            if len(name) >= 2 and name + "罪" in (text or ""):
                found.append(name)
                break
    return found


@dataclass
class Corrections:
    """What the user changed on the page: None means "as extracted"."""

    amount_yuan: Decimal | None = None
    circumstances: list[str] | None = None


@dataclass
class Request:
    fact: str
    charges: list[str] = field(default_factory=list)
    proposed_months: int | None = None
    region: str | None = None
    years: tuple[int, int] | None = None
    corrections: Corrections = field(default_factory=Corrections)


def clean_charges(values) -> list[str]:
    out = []
    for value in values or []:
        name = str(value).strip().removesuffix("罪")
        if not name:
            continue
        info = find_charge(name)
        if info is None:
            raise DomainError(f"未知罪名：{name}", field="charges")
        if info.name not in out:
            out.append(info.name)
    return out


def clean_months(value, field_name: str = "proposed_months") -> int | None:
    if value in (None, ""):
        return None
    try:
        months = int(value)
    except (TypeError, ValueError):
        raise DomainError("拟建议刑期必须是整数（月）", field=field_name) from None
    if not 0 <= months <= MAX_MONTHS:
        raise DomainError(f"拟建议刑期必须在 0 至 {MAX_MONTHS} 个月之间", field=field_name)
    return months


def clean_amount(value) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        amount = Decimal(str(value).replace(",", ""))
    except InvalidOperation:
        raise DomainError("涉案金额必须是数字（元）", field="amount_yuan") from None
    if amount < 0:
        raise DomainError("涉案金额不能为负数", field="amount_yuan")
    return amount


def clean_region(value) -> str | None:
    value = (value or "").strip()
    if not value:
        return None
    if not value.isdigit() or len(value) > 12:
        raise DomainError("地区代码必须是数字（如 990102）", field="region")
    return value


def build_facts(req: Request) -> CaseFacts:
    fact = (req.fact or "").strip()
    if not fact:
        raise DomainError("请填写案件事实", field="fact")
    if len(fact) > MAX_FACT_CHARS:
        raise DomainError(f"案件事实过长（最多 {MAX_FACT_CHARS} 字）", field="fact")
    charges = req.charges or guess_charges(fact)
    facts = extract(fact, charges=charges)
    corr = req.corrections
    if corr.amount_yuan is not None:
        # the person's figure is the amount: no part of it is left attempted (calculator_stages)
        facts.amount_yuan, facts.attempted_yuan = corr.amount_yuan, None
    if corr.circumstances is not None:
        wanted = set(corr.circumstances)
        kept = [f for f in facts.circumstances if str(f.code) in wanted]
        have = {str(f.code) for f in kept}
        kept += [Finding(code=c) for c in corr.circumstances if c not in have and c in CIRCUMSTANCE_ZH]
        facts.circumstances = kept
    if not facts.charges:
        facts.notes.append("未能识别罪名，请选择罪名后重新计算")
    return facts


def recommend_on(
    facts: CaseFacts,
    *,
    proposed_months: int | None = None,
    region: str | None = None,
    years: tuple[int, int] | None = None,
) -> Recommendation:
    """The one way from a case's facts to a Recommendation and its similar cases, for the calculator and the
    draft page alike, so that the same facts give the same similar cases.

    The similar cases are drawn from every region and year unless the user of the calculator (or the API)
    names a region or years; the draft page names none. It used to pass the case's own district code, which
    kept only that district's judgments (20 similar cases on the draft page against 87 on the calculator for
    the same facts): the standard is national, and a district's own habit is what the platform compares
    against, not the pool it draws from.
    """
    return recommend(facts, proposed_months=proposed_months, region_code=region, years=years)


def compute(req: Request) -> Recommendation:
    return recommend_on(
        build_facts(req), proposed_months=req.proposed_months, region=req.region, years=req.years
    )


# -- highlighting ---------------------------------------------------------------------------------------


def _spans(facts: CaseFacts) -> list[tuple[int, int, str, str]]:
    """(start, end, css class, label) for every extracted item with a span."""
    spans = []
    for f in facts.amounts:
        if f.span:
            spans.append((f.span.start, f.span.end, "hl-amount", f"金额 {f.value} 元"))
    for f in facts.circumstances:
        if f.span:
            spans.append((f.span.start, f.span.end, "hl-circ", CIRCUMSTANCE_ZH.get(str(f.code), str(f.code))))
    for f in facts.injuries:
        if f.span:
            spans.append((f.span.start, f.span.end, "hl-injury", INJURY_ZH.get(str(f.value), str(f.value))))
    for d in facts.drugs:
        if d.span:
            spans.append((d.span.start, d.span.end, "hl-drug", f"{d.kind} {d.grams} 克"))
    if facts.recommendation and facts.recommendation.span:
        s = facts.recommendation.span
        spans.append((s.start, s.end, "hl-rec", "量刑建议"))
    return sorted(spans)


def highlight(facts: CaseFacts) -> SafeString:
    """The fact text, escaped, with each extracted item in a <mark> (overlaps: the first wins)."""
    text = facts.text
    out, pos = [], 0
    for start, end, css, label in _spans(facts):
        if start < pos or end > len(text) or start >= end:
            continue
        out.append(escape(text[pos:start]))
        out.append(f'<mark class="{css}" title="{escape(label)}">{escape(text[start:end])}</mark>')
        pos = end
    out.append(escape(text[pos:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece is escaped above
