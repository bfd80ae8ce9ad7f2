"""The periodic transparency report: the portal's figures and charts for one period, the review committee's
decisions and the corrections they ordered, as HTML and PDF. Stored as files plus a TransparencyReport row.

The files live in the configured file storage under `portal/reports/` (leniency/documents/archive.py
`storage_under`): `MEDIA_ROOT/portal/reports/` on the local disk (where they always were), the key prefix
`portal/reports/` in an object store, so that the report a worker generated is served by every app server."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import Storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from leniency import clock
from leniency.audit import checkpoints
from leniency.audit.trail import record
from leniency.documents import archive
from leniency.documents.pdf import render_document, render_pdf
from leniency.oversight import figures as oversight

from . import access, opendata
from .models import TransparencyReport
from .periods import parse_period
from .present import portal_figures

FOLDER = "portal/reports"


def report_storage() -> Storage:
    """Built per call, so that a test overriding MEDIA_ROOT or STORAGES gets its own place."""
    return archive.storage_under(FOLDER)


def reports_dir() -> Path:
    """The reports' local folder (on the local disk; on an object store, only the archive's temporary area)."""
    path = archive.archive_root() / FOLDER
    path.mkdir(parents=True, exist_ok=True)
    return path


def report_name(name: str) -> str:
    """A stored report's name, checked to be a plain file name in the reports folder."""
    if not name or name != Path(name).name or name in (".", ".."):
        raise ValueError("report file outside the reports folder")
    return name


def open_report(name: str):
    """The stored file opened for reading (streamed from an object store), or None when it is not there."""
    storage = report_storage()
    name = report_name(name)
    if not storage.exists(name):
        return None
    return storage.open(name, "rb")


def _data_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode() if svg else ""


def _with_uris(section: dict) -> dict:
    section = dict(section)
    for key in ("chart", "box_chart"):
        if section.get(key):
            section[key + "_uri"] = _data_uri(section[key])
    return section


def oversight_section(period) -> dict:
    """The committee's work in the period, from leniency.oversight."""
    start, end = period.start, period.end
    return {
        "available": True,
        "reports": oversight.report_counts(start, end),
        "petitions": oversight.petition_counts(start, end),
        "decisions": oversight.decision_counts(start, end),
        "corrections": oversight.correction_counts(start, end),
        "decision_rows": oversight.decision_summaries(start, end),
        "labels": oversight.labels(),
    }


def report_context(period_code: str, *, now=None) -> dict:
    period = parse_period(period_code)
    now = now or clock.now()
    by_region = portal_figures(period, "region", use_cache=False)
    by_crime = portal_figures(period, "crime", with_chart=False, use_cache=False)
    return {
        "period": period,
        "generated_at": now,
        "threshold": settings.DISCLOSURE_THRESHOLD,
        "by_region": [_with_uris(f) for f in by_region["figures"]],
        "by_crime": by_crime["figures"],
        "sentences": _with_uris(by_region["sentences"]),
        "disparity": _with_uris(by_region["disparity"]),
        "unavailable": by_region["unavailable"],
        "synthetic_note": by_region["synthetic_note"],
        "suppressed": by_region["suppressed"] + by_crime["suppressed"],
        "oversight": oversight_section(period),
        # The trail's signed head as the report is made: printed so that a reader can keep it and later check
        # the trail against it (`leniency audit verify --head`, leniency/audit/checkpoints.py).
        "audit_head": checkpoints.head(),
    }


def xlsx_name(html_name: str) -> str:
    """The report's tables as a workbook, beside its HTML (same name, .xlsx)."""
    return report_name(Path(html_name).with_suffix(".xlsx").name)


def _store_files(base: str, html: str, pdf: bytes, xlsx: bytes) -> list[str]:
    """Store a new report's HTML, PDF and XLSX; return their names. A report generated in the same second gets
    "-2"; should two servers still race for a name, the storage gives the second a free variant (it never
    overwrites), and the PDF and XLSX follow the HTML's name."""
    storage = report_storage()
    n = 1
    while storage.exists(f"{base if n == 1 else f'{base}-{n}'}.html"):
        n += 1
    stem = base if n == 1 else f"{base}-{n}"
    saved = [storage.save(f"{stem}.html", ContentFile(html.encode("utf-8")))]
    try:
        stem = saved[0].removesuffix(".html")
        saved.append(storage.save(f"{stem}.pdf", ContentFile(pdf)))
        saved.append(storage.save(xlsx_name(saved[0]), ContentFile(xlsx)))
    except BaseException:
        _delete_files(saved)
        raise
    return saved


def _delete_files(names) -> None:
    storage = report_storage()
    for name in names:
        storage.delete(name)


REPORT_STEPS = 5  # figures, HTML, PDF, tables, stored


def do_generate_report(
    period_code: str, *, user=None, out_dir: Path | None = None, now=None, on_step=None
) -> TransparencyReport:
    """Render and store the report for a period (HTML, PDF and its tables as XLSX); also write report.html,
    report.pdf and report.xlsx into `out_dir`.

    The figures are read and the files written first, outside any transaction (rendering takes seconds, and
    holds no lock); the report's row and its audit event are then saved in one transaction. Should that fail,
    the files just written are removed, so no file is left without its row nor a row without its event.
    `on_step(done, REPORT_STEPS)` hears each step done (a background job's counter).
    """
    access.check_generate_report(user)
    step = on_step or (lambda done, total: None)
    now = now or clock.now()
    context = report_context(period_code, now=now)
    step(1, REPORT_STEPS)
    html = render_document("portal/report.html", context)
    step(2, REPORT_STEPS)
    pdf = render_pdf("portal/report.html", context)
    step(3, REPORT_STEPS)
    xlsx = opendata.to_xlsx(opendata.report_tables(context["period"]), context["period"])
    step(4, REPORT_STEPS)
    files = _store_files(
        f"report-{context['period'].code}-{timezone.localtime(now):%Y%m%d-%H%M%S}", html, pdf, xlsx
    )
    try:
        with transaction.atomic():
            report = TransparencyReport.objects.create(
                period=context["period"].code,
                generated_at=now,
                generated_by=user,
                html_file=files[0],
                pdf_file=files[1],
                xlsx_file=files[2],
                pdf_sha256=hashlib.sha256(pdf).hexdigest(),
                pdf_size=len(pdf),
                suppressed_cells=context["suppressed"],
            )
            record(
                "portal.report.generated",
                actor=user,
                obj=report,
                data={
                    "period": report.period,
                    "pdf_sha256": report.pdf_sha256,
                    "suppressed": report.suppressed_cells,
                    "audit_head": context["audit_head"].as_dict() if context["audit_head"] else None,
                },
            )
    except BaseException:
        _delete_files(files)
        raise
    if out_dir is not None:
        out_dir = Path(out_dir)
        out_dir.mkdir(parents=True, exist_ok=True)
        (out_dir / "report.html").write_text(html, encoding="utf-8")
        (out_dir / "report.pdf").write_bytes(pdf)
        (out_dir / "report.xlsx").write_bytes(xlsx)
    step(REPORT_STEPS, REPORT_STEPS)
    return report


def title(period) -> str:
    return _("认罪认罚从宽制度透明度报告（%(period)s）") % {"period": period.label}
