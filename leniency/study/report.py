"""Rendering the study: the context shared by the page, the HTML file and the PDF."""

from __future__ import annotations

from pathlib import Path

from leniency.documents.pdf import render_document, render_pdf

from .analysis import DEFINITIONS, IMPORTED_LIMITATIONS, LIMITATIONS, Study
from .findings import GROUPS, duty_lawyer_figures, findings, stage_narrative
from .guarantees import HEAVIER_RULE, PROTEST_RULE
from .risk import LABELS

TEMPLATE = "study/report_document.html"


def report_context(study: Study) -> dict:
    coefficients = []
    if study.model:
        inference = study.model.get("odds_ratios") or {}
        coefficients = sorted(
            ((str(LABELS[k]), v, inference.get(k)) for k, v in study.model["coef"].items()),
            key=lambda row: -row[1],
        )
    return {
        "study": study,
        "definitions": DEFINITIONS,
        "limitations": LIMITATIONS + (IMPORTED_LIMITATIONS if study.source == "imported" else []),
        "coefficients": coefficients,
        "heavier_rule": HEAVIER_RULE,
        "protest_rule": PROTEST_RULE,
        "protests_decided": sum(1 for p in study.protests if p.decided),
        "calibration_gap": calibration_gap(study.model),
        "findings": [
            (label, [f for f in findings(study) if f.group == key]) for key, label in GROUPS.items()
        ],
        "duty_lawyer": duty_lawyer_figures(study),
        "stage_narrative": stage_narrative(study),
    }


def calibration_gap(model: dict | None, min_n: int = 30) -> int | None:
    """The largest gap (percentage points) between predicted and observed in bands of at least `min_n` persons."""
    bands = [b for b in (model or {}).get("calibration", []) if b["n"] >= min_n]
    if not bands:
        return None
    return round(100 * max(abs(b["predicted"] - b["observed"]) for b in bands))


def render_html(study: Study) -> str:
    return render_document(TEMPLATE, report_context(study))


def render_pdf_bytes(study: Study) -> bytes:
    return render_pdf(TEMPLATE, report_context(study))


def write_report(study: Study, out: Path) -> tuple[Path, Path]:
    out.mkdir(parents=True, exist_ok=True)
    html, pdf = out / "report.html", out / "report.pdf"
    html.write_text(render_html(study), encoding="utf-8")
    pdf.write_bytes(render_pdf_bytes(study))
    return html, pdf
