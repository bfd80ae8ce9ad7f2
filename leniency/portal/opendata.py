"""Open data: every public table as CSV and XLSX, each with its definition, exclusions, source and N.

The tables are the portal's own (present.portal_figures), so a download holds exactly what the page shows:
withheld cells are written as the word for "suppressed", never as their value. Text cells that a spreadsheet
would read as a formula (CSV injection) get a leading apostrophe (leniency.documents.spreadsheet, as in
counsel's pay export).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext as _

from leniency.documents.spreadsheet import safe_cell

from .periods import Period
from .present import portal_figures, suppressed_text


@dataclass
class OpenTable:
    key: str
    title: str
    definition: str
    exclusions: str
    source: str
    n: int | None
    header: list[str]
    rows: list[list] = field(default_factory=list)
    note: str = ""


def _value(cell: dict):
    return suppressed_text() if cell["suppressed"] else cell["value"]


def _rate(rate: float | None) -> float | None:
    """A proportion to four places (the page shows one place of its percentage): a float's full precision
    (0.047619047619047616) says nothing more and reads as a long number."""
    return None if rate is None else round(rate, 4)


def _figure_table(f: dict, by_label: str) -> OpenTable:
    header = [by_label, *[str(c) for c in f["cols"]], _("合计（N）")]
    if f["rate_label"]:
        header.append(str(f["rate_label"]))
    rows = []
    for r in f["rows"]:
        row = [str(r["label"]), *[_value(c) for c in r["cells"]], _value(r["total"])]
        if f["rate_label"]:
            row.append(suppressed_text() if r["rate_suppressed"] else _rate(r["rate"]))
        rows.append(row)
    if f.get("totals"):
        t = f["totals"]
        row = [_("合计"), *[_value(c) for c in t["cells"]], _value(t["total"])]
        if f["rate_label"]:
            row.append(_rate(t["rate"]))
        rows.append(row)
    return OpenTable(
        f["key"],
        str(f["title"]),
        str(f["definition"]),
        str(f["exclusions"]),
        str(f["source"]),
        f["n"],
        header,
        rows,
        str(f.get("synthetic_note") or ""),
    )


def tables(period: Period, by: str, *, use_cache: bool = True) -> list[OpenTable]:
    """Every table of the public page for this period and grouping, in the page's order."""
    data = portal_figures(period, by, with_chart=False, use_cache=use_cache)
    out = [_figure_table(f, str(data["by_label"])) for f in data["figures"] if f["available"]]
    s = data["sentences"]
    if s["available"]:
        out.append(_figure_table(s, str(s["by_label"])))
        q = OpenTable(
            "sentence_quantiles",
            _("刑期分位数（月）"),
            str(s["definition"]),
            str(s["exclusions"]),
            str(s["source"]),
            s["n"],
            [str(s["by_label"]), "N", "P10", "P25", _("中位数"), "P75", "P90", _("均值")],
            note=str(s.get("synthetic_note") or ""),
        )
        for row in s["quantiles"]:
            if row["suppressed"]:
                q.rows.append([str(row["label"]), suppressed_text()])
            else:
                q.rows.append([str(row["label"]), row["n"], *row["q"], row["mean"]])
        out.append(q)
    d = data["disparity"]
    if d["available"] and d.get("results"):
        out.append(
            OpenTable(
                "disparity",
                str(d["title"]),
                str(d["definition"]),
                str(d["exclusions"]),
                str(d["source"]),
                d["n"],
                [
                    _("罪名"),
                    _("文书数"),
                    _("参与地区"),
                    _("差异指数（%）"),
                    _("95%区间下限（%）"),
                    _("95%区间上限（%）"),
                ],
                [
                    [
                        r["crime"],
                        r["n"],
                        r["regions"],
                        round(r["percent"], 1),
                        round(r["low"], 1),
                        round(r["high"], 1),
                    ]
                    for r in d["results"]
                ],
                str(d.get("synthetic_note") or ""),
            )
        )
    return out


def _meta_rows(t: OpenTable, period: Period) -> list[list]:
    rows = [
        [_("指标"), t.title],
        [_("期间"), str(period.label)],
        ["N", t.n if t.n is not None else suppressed_text()],
        [_("定义"), t.definition],
        [_("排除"), t.exclusions],
        [_("数据来源"), t.source],
        [
            _("抑制规则"),
            _("人数少于%(t)s人的单元格及可据以推算的单元格显示为“%(s)s”。")
            % {"t": settings.DISCLOSURE_THRESHOLD, "s": suppressed_text()},
        ],
    ]
    if t.note:
        rows.append([_("合成数据"), t.note])
    return rows


def to_csv(t: OpenTable, period: Period) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in [*_meta_rows(t, period), [], t.header, *t.rows]:
        writer.writerow(["" if v is None else safe_cell(v) for v in row])
    return "\ufeff" + buffer.getvalue()  # a BOM: spreadsheet programs then read the Chinese as UTF-8


def report_tables(period: Period) -> list[OpenTable]:
    """The periodic report's tables: by region, then the case figures by crime (keys prefixed "crime_")."""
    by_region = tables(period, "region", use_cache=False)
    by_crime = [t for t in tables(period, "crime", use_cache=False) if not _from_corpus(t)]
    for t in by_crime:
        t.key = f"crime_{t.key}"
    return by_region + by_crime


def _from_corpus(t: OpenTable) -> bool:
    return t.key in ("sentence_distribution", "sentence_quantiles", "disparity")


def to_xlsx(items: list[OpenTable], period: Period) -> bytes:
    from openpyxl import Workbook  # slow to import; only the download needs it

    book = Workbook()
    book.remove(book.active)
    used: set[str] = set()
    for t in items:
        name = t.key[:31]
        while name in used:
            name = name[:29] + f"_{len(used)}"
        used.add(name)
        sheet = book.create_sheet(name)
        for row in [*_meta_rows(t, period), [], t.header, *t.rows]:
            sheet.append([safe_cell(v) for v in row])
        sheet.column_dimensions["A"].width = 24
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
