"""The finance office's exports (issue 20): money as exact decimals in XLSX, and no cell a spreadsheet would
run as a formula (CSV injection)."""

import csv
import io
import zipfile
from decimal import Decimal
from types import SimpleNamespace

from openpyxl import load_workbook

from leniency.counsel.pay import claims_csv, claims_xlsx


def _claim(pk, firm, amount):
    profile = SimpleNamespace(licence_no="11101201910000001", firm=firm)
    case = SimpleNamespace(number="京0105刑初1号")
    assignment = SimpleNamespace(
        defendant=SimpleNamespace(case=case), defendant_id=7, get_kind_display=lambda: "值班律师"
    )
    return SimpleNamespace(
        pk=pk,
        lawyer=type(
            "Lawyer", (), {"lawyer_profile": profile, "__str__": lambda self: "=cmd|' /C calc'!A0"}
        )(),
        assignment=assignment,
        hours=Decimal("2.83"),
        multiplier=Decimal("1.20"),
        amount=amount,
        decided_at=None,
    )


CLAIMS = [_claim(1, "+ 律师事务所", Decimal("1234.56")), _claim(2, "@SUM(A1:A9)", Decimal("0.10"))]


def test_csv_cells_never_start_a_formula():
    rows = list(csv.reader(io.StringIO(claims_csv(CLAIMS))))
    cells = [cell for row in rows[1:] for cell in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@")]
    assert (
        rows[1][1] == "'=cmd|' /C calc'!A0" and rows[1][3] == "'+ 律师事务所" and rows[2][3] == "'@SUM(A1:A9)"
    )
    assert rows[1][9] == "1234.56"  # numbers are left as they are


def test_xlsx_money_is_exact_and_text_is_never_a_formula():
    data = claims_xlsx(CLAIMS)
    sheet_xml = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml  # no formula cell
    assert "<v>1234.56</v>" in sheet_xml and "<v>1234.66</v>" in sheet_xml  # the amount and the exact total
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet["B2"].value == "'=cmd|' /C calc'!A0" and sheet["B2"].data_type == "s"
    assert sheet["J2"].number_format == "#,##0.00"
    assert sheet["J4"].value == 1234.66
