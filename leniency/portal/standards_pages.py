"""The sentencing standards as the public can read them: one page per crime, read from the same YAML the engine
runs (`leniency.sentencing.standards.load_standard`), so that the page and the calculator cannot disagree.

Per crime: its article and statutory brackets (法定刑幅度), the guideline it follows, the thresholds that place
a case in a tier, each tier's starting-point range (量刑起点) and increments (增加刑罚量), and the adjustments
for circumstances (调节基准刑的量刑情节) with their ranges and citations. Nothing here reads the database.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from leniency.sentencing.catalogue import find_charge
from leniency.sentencing.standards import CrimeStandard, Standard, load_standard


@dataclass(frozen=True)
class CrimeEntry:
    slug: str  # the YAML's id: "theft"
    charge: str  # "盗窃罪"
    article: str  # "第二百六十四条"
    number: int  # 264, for the order


def standard() -> Standard:
    return load_standard()


def number_text(value) -> str:
    """2000.0 -> "2,000"; 0.5 -> "0.5"."""
    value = float(value)
    return f"{int(value):,}" if value.is_integer() else f"{value:g}"


def months_text(months: float | int) -> str:
    months = int(months) if float(months).is_integer() else months
    if isinstance(months, int) and months >= 12 and months % 12 == 0:
        return _("%(n)s年") % {"n": months // 12}
    return _("%(n)s个月") % {"n": months}


def range_text(low: int, high: int) -> str:
    if low == high:
        return months_text(low)
    return _("%(low)s至%(high)s") % {"low": months_text(low), "high": months_text(high)}


def crimes(std: Standard | None = None) -> list[CrimeEntry]:
    std = std or standard()
    out = []
    for crime in std.crimes.values():
        info = find_charge(crime.charge)
        label = info.article_label if info else str(crime.article)
        out.append(CrimeEntry(crime.id, f"{crime.charge}罪", label, crime.article))
    return sorted(out, key=lambda c: (c.number, c.slug))


def find_crime(slug: str, std: Standard | None = None) -> CrimeStandard | None:
    std = std or standard()
    return next((c for c in std.crimes.values() if c.id == slug), None)


def document_titles(std: Standard) -> dict[str, str]:
    """Document id -> "title（number）" from versions.yaml."""
    out = {}
    for doc in std.versions.get("documents", []):
        title = f"《{doc['title']}》"
        if doc.get("number"):
            title += f"（{doc['number']}）"
        out[doc["id"]] = title
    return out


def _citation(source: dict, titles: dict[str, str]) -> str:
    parts = [titles.get(source.get("document", ""), source.get("document", ""))]
    if source.get("item"):
        parts.append(str(source["item"]))
    if source.get("article"):
        parts.append(str(source["article"]))
    return " ".join(p for p in parts if p)


def _threshold_label(key) -> str:
    return {
        "large": _("数额较大"),
        "huge": _("数额巨大"),
        "especially_huge": _("数额特别巨大"),
    }.get(key, str(key))


def _increment_text(inc, crime: CrimeStandard) -> str:
    unit = {
        "amount": _("元"),
        "grams": _("克"),
        "bac": "mg/100ml",
        "counts": _("次"),
        "victims": _("人"),
        "deaths": _("人"),
        "injured_victims": _("人"),
        "light_injuries": _("人"),
        "light_1": _("人"),
        "serious_1": _("人"),
        "disability": _("级"),
    }.get(inc.measure, "")
    text = _("每%(per)s%(unit)s增加%(months)s") % {
        "per": number_text(inc.per),
        "unit": unit,
        "months": months_text(inc.months),
    }
    if inc.above is not None:
        above = inc.above
        if isinstance(above, str) and above in crime.thresholds:
            text = (
                _("超过%(label)s标准（%(value)s%(unit)s）部分，")
                % {
                    "label": _threshold_label(above),
                    "value": number_text(crime.threshold(above)),
                    "unit": unit,
                }
                + text
            )
        else:
            text = _("超过%(value)s%(unit)s的部分，") % {"value": number_text(above), "unit": unit} + text
    if inc.max_months:
        text += _("，最多增加%(m)s") % {"m": months_text(inc.max_months)}
    return text


def crime_page(crime: CrimeStandard, std: Standard | None = None) -> dict:
    """Everything the crime's public page shows, as plain values for the template."""
    std = std or standard()
    titles = document_titles(std)
    info = find_charge(crime.charge)
    brackets = [
        {
            "number": k + 1,
            "penalty": b.describe_zh(),
            "condition": b.condition,
            "source": b.source,
        }
        for k, b in enumerate(info.brackets if info else ())
    ]
    thresholds = [
        {"label": _threshold_label(k), "value": number_text(v)}
        for k, v in crime.thresholds.items()
        if isinstance(v, int | float) and not isinstance(v, bool)
    ]
    tiers = [
        {
            "label": t.zh,
            "start": range_text(*t.start),
            "start_at": months_text(t.start_at),
            "bracket": (t.bracket + 1) if t.bracket is not None else None,
            "increments": [_increment_text(i, crime) for i in t.increments],
            "citation": _citation(
                {"document": crime.guideline.get("document", ""), "item": t.source_item}, titles
            ),
        }
        for t in crime.tiers
    ]
    adjustments = [
        {
            "label": (r.en or r.zh) if (get_language() or "").startswith("en") else r.zh,
            "direction": _("从轻、减轻") if r.direction == "down" else _("从重"),
            "range": f"{round(r.range[0] * 100)}%–{round(r.range[1] * 100)}%",
            "default": f"{round(r.default * 100)}%",
            "mandatory": _("应当") if r.mandatory else _("可以"),
            "citation": _citation(r.source, titles),
        }
        for r in std.circumstances.values()
    ]
    return {
        "slug": crime.id,
        "charge": f"{crime.charge}罪",
        "article": info.article_label if info else str(crime.article),
        "guideline": _citation(crime.guideline, titles),
        "version": std.versions.get("label_zh", std.version),
        "brackets": brackets,
        "thresholds": thresholds,
        "thresholds_source": (crime.thresholds or {}).get("source", ""),
        "tiers": tiers,
        "adjustments": adjustments,
        "file": crime.file,
    }
