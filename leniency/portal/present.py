"""Figures made ready for a page or the report: table rows with withheld cells marked, rates, charts.

Cached per (period, dimension, language) for a few minutes: charts take a moment to draw.
"""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from . import charts
from .corpus_figures import crime_region_quantiles, disparity_figure, sentence_distribution
from .figures import Figure, compute, dimension_label
from .periods import Period

CACHE_SECONDS = 300


def suppressed_text() -> str:
    return _("已抑制")


def withheld_text(threshold: int | None = None) -> str:
    """What a fully suppressed table or chart says instead of its empty grid or axes."""
    threshold = threshold if threshold is not None else settings.DISCLOSURE_THRESHOLD
    return _("数据不足（N<%(t)s），不予公布") % {"t": threshold}


def fully_suppressed(table) -> bool:
    """True when the table publishes no count above zero: every cell and total is withheld or 0."""
    return not any(c.shown for c in table.all_cells() if not c.suppressed)


def _cell(cell) -> dict:
    return {"value": cell.shown, "suppressed": cell.suppressed}


def _shares(fig: Figure) -> list[list[float] | None]:
    out = []
    for row, total in zip(fig.table.cells, fig.table.row_totals, strict=True):
        if total.shown in (None, 0) or any(c.suppressed for c in row):
            out.append(None)
        else:
            out.append([c.shown / total.shown for c in row])
    return out


def present(fig: Figure, *, with_chart: bool = True) -> dict:
    out = {
        "key": fig.key,
        "title": fig.title,
        "definition": fig.definition,
        "exclusions": fig.exclusions,
        "source": fig.source,
        "available": fig.available,
        "note": fig.note,
        "cols": fig.cols,
        "rate_label": fig.rate_label,
        "rows": [],
        "n": fig.n,
        "chart": "",
        "suppressed": 0,
        "extra": fig.extra,
        "synthetic_note": fig.extra.get("synthetic_note", ""),
        "withheld": False,
        "withheld_text": "",
    }
    table = fig.table
    if table is None:
        return out
    rates = fig.rates()
    for k, (label, row, total) in enumerate(zip(table.rows, table.cells, table.row_totals, strict=True)):
        out["rows"].append(
            {
                "label": label,
                "cells": [_cell(c) for c in row],
                "total": _cell(total),
                "rate": rates[k] if rates else None,
                "rate_suppressed": bool(rates) and rates[k] is None,
            }
        )
    out["totals"] = {
        "cells": [_cell(c) for c in table.col_totals],
        "total": _cell(table.total),
        "rate": fig.total_rate(),
    }
    out["suppressed"] = table.count()
    out["n_suppressed"] = table.total.suppressed
    if table.rows and fully_suppressed(table):
        # nothing to read in the grid: say so instead of an empty table and empty axes
        out["withheld"] = True
        out["withheld_text"] = withheld_text(table.threshold)
        return out
    if with_chart:
        labels = [str(r) for r in table.rows]
        if fig.rate_cols and len(fig.cols) == 2:
            if any(r is not None for r in rates):
                out["chart"] = charts.rate_chart(labels, rates, fig.title, suppressed_text())
        else:
            shares = _shares(fig)
            if any(s is not None for s in shares):
                out["chart"] = charts.stacked_chart(labels, fig.cols, shares, fig.title, suppressed_text())
    return out


def sentence_section(period: Period, by: str, *, with_chart: bool = True) -> dict:
    dim = "crime" if by == "quarter" else by
    fig = sentence_distribution(period, dim)
    out = present(fig, with_chart=with_chart)
    out["by_label"] = dimension_label(dim)
    quantiles = fig.extra.get("quantiles", [])
    out["quantiles"] = quantiles
    out["quantiles_withheld"] = (
        withheld_text() if quantiles and all(q["suppressed"] for q in quantiles) else ""
    )
    if with_chart and any(not q["suppressed"] for q in quantiles):
        out["box_chart"] = charts.box_chart(quantiles, _("刑期分布（月）"), _("月"), suppressed_text())
    out["by_region"] = crime_region_quantiles(period)
    return out


def disparity_section(period: Period, *, with_chart: bool = True) -> dict:
    fig = disparity_figure(period)
    out = present(fig, with_chart=False)
    results = fig.extra.get("disparity", [])
    out["results"] = [
        {
            "crime": d.crime,
            "n": d.n,
            "regions": len(d.regions),
            "percent": d.percent,
            "low": d.percent_low,
            "high": d.percent_high,
            "excluded": d.excluded_regions,
            "effects": d.effects,
            "covariates": d.covariates,
        }
        for d in results
    ]
    out["n"] = sum(d.n for d in results) if results else None
    if with_chart and results:
        top = results[0]
        out["chart"] = charts.effects_chart(
            top.effects,
            _("%(crime)s：各地区相对平均地区的刑期差异") % {"crime": top.crime},
            _("相同事实下的刑期差异（%）"),
        )
    return out


def portal_figures(period: Period, by: str, *, with_chart: bool = True, use_cache: bool = True) -> dict:
    key = f"portal:figures:{period.code}:{by}:{get_language()}:{int(with_chart)}"
    if use_cache:
        hit = cache.get(key)
        if hit is not None:
            return hit
    figures = [present(f, with_chart=with_chart) for f in compute(period, by)]
    data = {
        "period": period,
        "by": by,
        "by_label": dimension_label(by),
        "figures": figures,
        "sentences": sentence_section(period, by, with_chart=with_chart),
        "disparity": disparity_section(period, with_chart=with_chart),
    }
    data["synthetic_note"] = data["sentences"]["synthetic_note"] or data["disparity"]["synthetic_note"]
    data["unavailable"] = [f["title"] for f in figures if not f["available"]]
    data["suppressed"] = sum(f["suppressed"] for f in figures) + data["sentences"]["suppressed"]
    if use_cache:
        cache.set(key, data, CACHE_SECONDS)
    return data
