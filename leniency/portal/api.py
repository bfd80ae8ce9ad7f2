"""Public JSON API (no log-in, `auth=None`): the same published figures, typical cases and reports as the pages.

A suppressed cell is `null` with `"suppressed": true`; nothing else about it is returned. Like the pages, every
operation here reads from the read replica when one is configured and the caller is anonymous (`public_reads`,
applied to the whole router, so an operation added here later is routed the same way).
"""

from django.db.models import Q
from django.urls import reverse
from ninja import Router

from leniency.database_routers import public_reads
from leniency.errors import DomainError

from .figures import DIMENSIONS
from .models import TransparencyReport, TypicalCase
from .periods import parse_period
from .present import portal_figures

router = Router(tags=["portal"])
router.add_decorator(public_reads)  # wraps each operation's run: parsing, the reads and the response


def _cell(c: dict) -> dict:
    return {"value": c["value"], "suppressed": c["suppressed"]}


@router.get("/figures", auth=None)
def figures(request, period: str = "all", by: str = "region"):
    try:
        p = parse_period(period)
    except ValueError as error:
        raise DomainError(str(error), field="period") from error
    if by not in DIMENSIONS:
        raise DomainError(f"by: {', '.join(DIMENSIONS)}", field="by")
    data = portal_figures(p, by, with_chart=False)
    out = []
    for f in [*data["figures"], data["sentences"]]:
        out.append(
            {
                "key": f["key"],
                "title": f["title"],
                "definition": f["definition"],
                "exclusions": f["exclusions"],
                "source": f["source"],
                "available": f["available"],
                "n": f["n"],
                "synthetic_note": f["synthetic_note"],
                "columns": f["cols"],
                "rows": [
                    {
                        "group": r["label"],
                        "cells": [_cell(c) for c in r["cells"]],
                        "total": _cell(r["total"]),
                        "rate": r["rate"],
                    }
                    for r in f["rows"]
                ],
            }
        )
    disparity = [
        {k: d[k] for k in ("crime", "n", "regions", "percent", "low", "high")}
        for d in data["disparity"].get("results", [])
    ]
    return {
        "period": p.code,
        "by": by,
        "figures": out,
        "disparity": disparity,
        "synthetic_note": data["synthetic_note"],
        "quantiles": data["sentences"].get("quantiles", []),
    }


@router.get("/cases", auth=None)
def cases(request, q: str = ""):
    qs = TypicalCase.objects.filter(status=TypicalCase.Status.PUBLISHED)
    for word in q.split()[:5]:
        qs = qs.filter(
            Q(public_title__icontains=word)
            | Q(public_text__icontains=word)
            | Q(crime__icontains=word)
            | Q(keywords__icontains=word)
        )
    return [
        {
            "number": tc.number,
            "title": tc.public_title,
            "crime": tc.crime,
            "region": tc.region_label,
            "procedure": tc.procedure,
            "published_at": tc.published_at,
            "text": tc.public_text,
        }
        for tc in qs[:100]
    ]


@router.get("/reports", auth=None)
def reports(request):
    return [
        {
            "period": r.period,
            "generated_at": r.generated_at,
            "pdf_sha256": r.pdf_sha256,
            "html": reverse("portal:report_file", args=[r.pk, "html"]),
            "pdf": reverse("portal:report_file", args=[r.pk, "pdf"]),
        }
        for r in TransparencyReport.objects.filter(published=True)
    ]
