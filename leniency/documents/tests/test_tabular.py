"""The shared reader of import files: CSV (UTF-8 and GB18030), row numbers, bad rows and refused files."""

from dataclasses import dataclass

import pytest

from leniency.documents.tabular import (
    BadRow,
    ColumnTable,
    ImportFormatError,
    ImportResult,
    RowError,
    read_rows,
)


@dataclass(frozen=True)
class Col:
    key: str
    header: str


TABLE = ColumnTable([Col("person", "人员编号"), Col("crime", "罪名")])


def test_csv_rows_are_keyed_by_header_or_key_and_numbered_as_a_spreadsheet_shows_them():
    data = "人员编号,crime\nA1,盗窃\n\n,\nA2,诈骗\n".encode("utf-8-sig")
    assert list(read_rows(data, TABLE)) == [
        (2, {"person": "A1", "crime": "盗窃"}),
        (5, {"person": "A2", "crime": "诈骗"}),
    ]


def test_csv_saved_by_chinese_excel_in_gb18030_reads():
    data = "人员编号,罪名\nA1,危险驾驶\n".encode("gb18030")
    assert list(read_rows(data, TABLE)) == [(2, {"person": "A1", "crime": "危险驾驶"})]


def test_a_csv_row_with_more_values_than_columns_is_that_rows_error():
    data = "人员编号,罪名\nA1,盗窃,多余\nA2,诈骗\n".encode()
    rows = list(read_rows(data, TABLE))
    assert rows[0][0] == 2 and isinstance(rows[0][1], BadRow) and "多于列名" in rows[0][1].message
    assert rows[1] == (3, {"person": "A2", "crime": "诈骗"})


def test_an_unknown_header_refuses_the_file():
    with pytest.raises(ImportFormatError, match="未知的列“姓名”"):
        list(read_rows("人员编号,姓名\nA1,王某\n".encode(), TABLE))


def test_an_import_that_does_not_take_csv_refuses_it_with_its_own_message():
    with pytest.raises(ImportFormatError, match="只接受 JSON Lines"):
        list(read_rows(b"a,b\n1,2\n", TABLE, formats=("xlsx", "jsonl"), refusal="只接受 JSON Lines"))


def test_an_error_names_its_column_as_the_template_labels_it_and_results_count_rows_not_errors():
    assert TABLE.error(4, "crime", "罪名目录中没有：偷窥") == RowError(
        4, "crime", "罪名目录中没有：偷窥", "罪名"
    )
    assert TABLE.error(5, "", "第 5 行不是 JSON 对象").column == ""  # the row as a whole
    result = ImportResult(rows=3, errors=[TABLE.error(2, "person", "a"), TABLE.error(2, "crime", "b")])
    assert result.rows_with_errors == 1 and result.summary() == {"rows": 3, "rows_with_errors": 1}


def test_both_imports_report_their_errors_in_the_shared_shape():
    """The case import and the study's import extend one result and one row error (duplicates --change found
    two copies); each still counts what it imports."""
    from leniency.cases import imports as case_imports
    from leniency.study import imports as study_imports

    for result in (case_imports.ImportResult(), study_imports.ImportResult()):
        assert isinstance(result, ImportResult) and result.errors == []
    assert set(case_imports.ImportResult().summary()) >= {"rows", "rows_with_errors", "cases_created"}
    assert set(study_imports.ImportResult().summary()) >= {"rows", "rows_with_errors", "created", "updated"}
