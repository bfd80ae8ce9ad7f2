"""Open data: every public table as CSV and XLSX with its definition and N; withheld cells stay withheld; no
cell can start a formula."""

import csv
import io

from django.urls import reverse
from openpyxl import load_workbook

from leniency.corpus.models import Judgment
from leniency.documents.spreadsheet import safe_cell
from leniency.portal import opendata
from leniency.portal.periods import parse_period

from .test_names_and_synthetic import judgments


def _csv(client, key, **params) -> list[list[str]]:
    response = client.get(reverse("portal:data", args=[key, "csv"]), params)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_every_table_of_the_page_downloads_as_csv_with_its_definition_and_n(client, small_world):
    judgments()
    page = client.get(reverse("portal:index"), {"period": "2026-Q3", "by": "region"}).content.decode()
    items = opendata.tables(parse_period("2026-Q3"), "region")
    assert {"plea_rate", "sentence_distribution", "sentence_quantiles", "disparity"} <= {t.key for t in items}
    for t in items:
        assert f'data-download="{t.key}.csv"' in page and f'data-download="{t.key}.xlsx"' in page
        rows = _csv(client, t.key, period="2026-Q3", by="region")
        meta = {r[0]: r[1] for r in rows if len(r) >= 2}
        assert meta["指标"] == t.title and meta["定义"] == t.definition and meta["排除"] == t.exclusions
        assert meta["N"] == (str(t.n) if t.n is not None else "已抑制")
        assert t.header in rows  # the table follows its metadata
    sentences = _csv(client, "sentence_distribution", period="2026-Q3", by="region")
    body = sentences[sentences.index(next(r for r in sentences if r and r[0] == "区县")) + 1 :]
    assert {r[0] for r in body} >= {"中原市东城区", "滨海市江北区", "合计"}  # names, not codes
    assert any("合成" in r[1] for r in sentences if r and r[0] == "合成数据")


def test_withheld_cells_stay_withheld_in_the_download(client, small_world):
    rows = _csv(client, "plea_rate", period="2026-Q3", by="region")
    cells = [v for r in rows[rows.index(next(r for r in rows if r and r[0] == "区县")) + 1 :] for v in r[1:]]
    assert "已抑制" in cells
    for name in small_world:  # no person anywhere
        assert all(name not in v for r in rows for v in r)


def test_the_workbook_has_a_sheet_per_table_with_its_metadata(client, small_world):
    judgments()
    response = client.get(reverse("portal:data", args=["all", "xlsx"]), {"period": "2026-Q3", "by": "region"})
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    items = opendata.tables(parse_period("2026-Q3"), "region")
    assert book.sheetnames == [t.key for t in items]
    sheet = book["sentence_distribution"]
    assert sheet["A1"].value == "指标" and sheet["B4"].value.startswith("生效裁判文书")
    assert sheet["A3"].value == "N" and sheet["B3"].value == 240  # a number, not text


def test_text_that_would_start_a_formula_is_neutralised(client, small_world):
    Judgment.objects.create(
        content_hash="evil", fact="…", main_charge='=HYPERLINK("http://x")', term_months=6, year=2026
    )
    assert safe_cell("=1+1") == "'=1+1" and safe_cell("-3") == "'-3"
    assert safe_cell(-3) == -3 and safe_cell("盗窃罪") == "盗窃罪"
    rows = _csv(client, "sentence_distribution", period="2026", by="crime")
    labels = [r[0] for r in rows if r]
    assert not any(v.startswith(("=", "+", "-", "@")) for r in rows for v in r)
    assert '\'=HYPERLINK("http://x")罪' in labels
    response = client.get(reverse("portal:data", args=["sentence_distribution", "xlsx"]), {"period": "2026"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert not any(
        isinstance(c.value, str) and c.value.startswith("=") for row in sheet.iter_rows() for c in row
    )


def test_unknown_tables_and_formats_are_not_found(client, world):
    assert client.get(reverse("portal:data", args=["nonsense", "csv"])).status_code == 404
    assert client.get(reverse("portal:data", args=["plea_rate", "pdf"])).status_code == 404
    assert client.get(reverse("portal:data", args=["all", "csv"])).status_code == 404


def test_downloads_are_in_english_too(client, small_world, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    rows = _csv(client, "plea_rate", period="2026-Q3", by="region")
    assert rows[0][0] == "Figure" and any(r and r[0] == "Suppression rule" for r in rows)


def test_a_rate_is_published_to_four_places_not_a_floats_full_precision():
    cell = {"suppressed": False, "value": 1}
    figure = {
        "key": "withdrawal_stage",
        "title": "反悔率",
        "definition": "d",
        "exclusions": "e",
        "source": "s",
        "n": 21,
        "cols": ["未反悔", "审查起诉"],
        "rate_label": "反悔率",
        "rows": [
            {
                "label": "海港区",
                "cells": [cell, cell],
                "total": cell,
                "rate_suppressed": False,
                "rate": 1 / 21,
            }
        ],
        "totals": {"cells": [cell, cell], "total": cell, "rate": 2 / 21},
    }
    table = opendata._figure_table(figure, "区县")
    assert [row[-1] for row in table.rows] == [0.0476, 0.0952]
