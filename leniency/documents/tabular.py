"""Files of rows keyed by a column table (the bulk imports): XLSX, CSV and JSON Lines, with the row numbers a
person sees.

A column is named in the file by its Chinese header or its key, so a case-management system may export either.
The spreadsheet's own row numbers count the header as row 1; a JSON Lines file's are its line numbers. A file that
cannot be read at all raises `ImportFormatError` (a `DomainError` on the field "file"); a later line of a JSON
Lines file or a CSV row that cannot be read is yielded as a `BadRow` so that the other rows still import.

Shared by the case import (`leniency.cases.import_format`) and the study's import of historical records
(`leniency.study.import_format`): each owns its column table, this module reads, and both report what they left
out in the same shape: a `RowError` per bad value (row number, column key, the column as the template labels it,
message) in an `ImportResult` (`ColumnTable.error` makes one).
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime

from django.utils.translation import gettext as _

from leniency.errors import DomainError

MAX_ROWS = 50_000
FORMATS = ("xlsx", "jsonl", "csv")


class ImportFormatError(DomainError):
    """The file as a whole cannot be read (not a format the import takes, no header, unknown columns)."""

    def __init__(self, message):
        super().__init__(message, field="file")


@dataclass(frozen=True)
class BadRow:
    """A row that cannot be read, after a first row that could: reported as that row's error while the other
    rows import (a first row that cannot be read means the file is not an import file)."""

    message: str


@dataclass(frozen=True)
class RowError:
    """A row left out of an import: its number as a person sees it, the column (its key, and its header as the
    file's template labels it; both "" for the row as a whole) and what is wrong."""

    row: int
    field: str
    message: str
    column: str = ""


@dataclass
class ImportResult:
    """What an import read and what it left out; each import adds its own counts (`summary` lists them)."""

    rows: int = 0
    errors: list[RowError] = field(default_factory=list)

    @property
    def rows_with_errors(self) -> int:
        return len({e.row for e in self.errors})

    def summary(self) -> dict:
        return {"rows": self.rows, "rows_with_errors": self.rows_with_errors}


class ColumnTable:
    """The columns of an import (objects with `key` and `header`), looked up by either."""

    def __init__(self, columns: Iterable):
        self.columns = tuple(columns)
        self.by_key = {c.key: c for c in self.columns}
        self.by_header = {c.header: c for c in self.columns}

    def find(self, name: str):
        return self.by_header.get(name) or self.by_key.get(name)

    def error(self, row: int, key: str, message) -> RowError:
        """The error of `row` in the column keyed `key` ("" for the row as a whole), named as the template
        names it."""
        column = self.by_key.get(key)
        return RowError(row, key, str(message), column.header if column is not None else "")

    def keyed(self, raw: dict, *, where: str) -> dict[str, str]:
        """A row's values under the column keys; a column that is neither a header nor a key refuses the row."""
        row = {}
        for name, value in raw.items():
            name = text(name)
            column = self.find(name)
            if column is None:
                if not name and not text(value):
                    continue
                raise ImportFormatError(
                    _("%(where)s有未知的列“%(name)s”；可用的列见导入模板说明")
                    % {"where": where, "name": name}
                )
            row[column.key] = text(value)
        return row


def text(value) -> str:
    """A cell as text: dates in ISO form, whole floats without ".0" (a spreadsheet's numbers), stripped."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def kind_of(head: bytes, formats: tuple[str, ...] = FORMATS) -> str | None:
    """ "xlsx" for a ZIP container (an Office Open XML workbook), "jsonl" for text that opens with "{", "csv" for
    other text when the import takes CSV; None otherwise."""
    if head.startswith(b"PK\x03\x04"):
        return "xlsx" if "xlsx" in formats else None
    stripped = head.lstrip(b"\xef\xbb\xbf").lstrip()
    if stripped.startswith(b"{"):
        return "jsonl" if "jsonl" in formats else None
    if "csv" in formats and stripped and b"\x00" not in head:
        return "csv"
    return None


def read_rows(
    data: bytes,
    table: ColumnTable,
    *,
    formats: tuple[str, ...] = FORMATS,
    refusal: str = "",
    max_rows: int = MAX_ROWS,
) -> Iterator[tuple[int, dict[str, str] | BadRow]]:
    """(row number, values by column key, or a `BadRow`) for every non-empty row; `ImportFormatError` (its
    message `refusal` when given) when the file is in none of `formats`."""
    kind = kind_of(data[:64], formats)
    if kind == "xlsx":
        yield from _xlsx_rows(data, table, max_rows)
    elif kind == "jsonl":
        yield from _jsonl_rows(data, table, max_rows)
    elif kind == "csv":
        yield from _csv_rows(data, table, max_rows)
    else:
        raise ImportFormatError(
            refusal
            or _("文件格式错误：导入只接受 Excel 工作簿（.xlsx）、CSV（UTF-8 或 GB18030）或 JSON Lines")
        )


def _too_many(max_rows: int) -> ImportFormatError:
    return ImportFormatError(_("文件超过 %(n)s 行，请分批导入") % {"n": max_rows})


def _where(number: int) -> str:
    return _("第 %(row)s 行") % {"row": number}


def _jsonl_rows(data: bytes, table: ColumnTable, max_rows: int) -> Iterator[tuple[int, dict | BadRow]]:
    try:
        decoded = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFormatError(_("文件格式错误：JSON Lines 文件须为 UTF-8 编码")) from None
    first = True
    for number, line in enumerate(decoded.splitlines(), start=1):
        if not line.strip():
            continue
        if number > max_rows:
            raise _too_many(max_rows)
        try:
            try:
                raw = json.loads(line)
            except json.JSONDecodeError as error:
                raise ImportFormatError(
                    _("文件格式错误：第 %(row)s 行不是 JSON 对象（%(error)s）")
                    % {"row": number, "error": error.msg}
                ) from None
            if not isinstance(raw, dict):
                raise ImportFormatError(_("文件格式错误：第 %(row)s 行不是 JSON 对象") % {"row": number})
            row = table.keyed(raw, where=_where(number))
        except ImportFormatError as error:
            if first:
                raise
            yield number, BadRow(str(error.message))
            continue
        first = False
        yield number, row


def _header(names: list[str], table: ColumnTable) -> None:
    if not any(names):
        raise ImportFormatError(_("文件格式错误：第1行应为列名（见导入模板）"))
    table.keyed(dict.fromkeys(n for n in names if n), where=_("第1行（列名）"))


def _xlsx_rows(data: bytes, table: ColumnTable, max_rows: int) -> Iterator[tuple[int, dict[str, str]]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise ImportFormatError(_("文件格式错误：无法作为 Excel 工作簿（.xlsx）读取")) from None
    try:
        sheet = book.worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        header = next(rows, None)
        if not header or not any(text(h) for h in header):
            raise ImportFormatError(_("文件格式错误：工作表第1行应为列名（见导入模板）"))
        names = [text(h) for h in header]
        _header(names, table)
        for number, values in enumerate(rows, start=2):
            if not any(text(v) for v in values):
                continue
            if number > max_rows + 1:
                raise _too_many(max_rows)
            yield (
                number,
                table.keyed({n: v for n, v in zip(names, values, strict=False) if n}, where=_where(number)),
            )
    finally:
        book.close()


def _decode_csv(data: bytes) -> str:
    """UTF-8 (with or without the byte-order mark Excel writes), else GB18030 (what Chinese Excel saves as CSV)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        raise ImportFormatError(_("文件格式错误：CSV 文件须为 UTF-8 或 GB18030 编码")) from None


def _csv_rows(
    data: bytes, table: ColumnTable, max_rows: int
) -> Iterator[tuple[int, dict[str, str] | BadRow]]:
    reader = csv.reader(io.StringIO(_decode_csv(data), newline=""))
    try:
        header = next(reader, None)
    except csv.Error as error:
        raise ImportFormatError(
            _("文件格式错误：无法作为 CSV 读取（%(error)s）") % {"error": error}
        ) from None
    names = [text(h) for h in header or ()]
    _header(names, table)
    number = 1
    while True:
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            number += 1
            yield number, BadRow(_("第 %(row)s 行无法读取（%(error)s）") % {"row": number, "error": error})
            continue
        number += 1
        if not any(v.strip() for v in values):
            continue
        if number > max_rows + 1:
            raise _too_many(max_rows)
        if len(values) > len(names) and any(v.strip() for v in values[len(names) :]):
            yield number, BadRow(_("第 %(row)s 行的值多于列名") % {"row": number})
            continue
        yield number, table.keyed(dict(zip(names, values, strict=False)), where=_where(number))
