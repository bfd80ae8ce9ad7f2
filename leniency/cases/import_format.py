"""The bulk-import file (批量导入受理信息): its columns, how JSON Lines and XLSX files are read, and the sample.

One row per defendant; the case's fields are repeated on each of its rows and the transferring agency's
document number (移送文书号) groups the rows into cases. A column is named by its Chinese header or its key
(`COLUMNS`), so a case-management system may export either. Row numbers are those a person sees: the
spreadsheet's own row (the header is row 1) or the line of the JSON Lines file.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from leniency.documents.tabular import BadRow, ColumnTable

# ImportFormatError is re-exported: the import's callers and tests name it here.
from leniency.documents.tabular import ImportFormatError as ImportFormatError
from leniency.documents.tabular import read_rows as read_tabular_rows


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # the Chinese header of the template
    required: bool
    level: str  # "case": repeated on every row of the case; "defendant": this row's person
    explanation: object  # lazy text for the template page


COLUMNS: tuple[Column, ...] = (
    Column(
        "transfer_document_number",
        "移送文书号",
        True,
        "case",
        gettext_lazy(
            "公安机关《起诉意见书》的文号，如“东公刑诉字〔2026〕9号”。同一文号的各行属于同一案件；"
            "本院已登记过该文号的，导入时更新该案而不重复登记。"
        ),
    ),
    Column(
        "received_on", "受理日期", True, "case", gettext_lazy("本院受理移送审查起诉的日期，格式 2026-10-08。")
    ),
    Column("transferring_agency", "移送机关", True, "case", gettext_lazy("移送审查起诉的侦查机关全称。")),
    Column("title", "案由", True, "case", gettext_lazy("案件名称，如“王某盗窃案”。")),
    Column(
        "facts",
        "起诉意见书认定的事实",
        True,
        "case",
        gettext_lazy("《起诉意见书》认定的犯罪事实，照录原文；同一案件各行须一致。"),
    ),
    Column("name", "姓名", True, "defendant", gettext_lazy("犯罪嫌疑人姓名，每行一人。")),
    Column("gender", "性别", True, "defendant", gettext_lazy("“男”或“女”。")),
    Column(
        "id_number",
        "身份证号",
        True,
        "defendant",
        gettext_lazy(
            "18位公民身份号码：前六位须为GB/T 2260行政区划代码，第7至14位为出生日期，末位校验码符合"
            "GB 11643。同一案件内以身份证号识别同一人：再次导入时更新此人的信息。"
            "电子表格中请以文本格式保存，避免被改成科学计数法。"
        ),
    ),
    Column(
        "birth_date",
        "出生日期",
        True,
        "defendant",
        gettext_lazy("须与身份证号中的出生日期一致，格式 1990-05-01。"),
    ),
    Column("phone", "联系电话", False, "defendant", gettext_lazy("可空。")),
    Column(
        "detention",
        "羁押状态",
        True,
        "defendant",
        gettext_lazy("未羁押、刑事拘留、逮捕、取保候审或监视居住。"),
    ),
    Column("detained_on", "羁押日期", False, "defendant", gettext_lazy("被羁押的，填羁押之日；可空。")),
    Column(
        "charges",
        "罪名",
        True,
        "defendant",
        gettext_lazy(
            "罪名目录中的罪名（不带“罪”字），多个以分号“；”分隔，第一个为主罪，如“盗窃；诈骗”"
            "（罪名本身可含顿号，如“走私、贩卖、运输、制造毒品”）。"
        ),
    ),
)
BY_KEY = {c.key: c for c in COLUMNS}
BY_HEADER = {c.header: c for c in COLUMNS}
CASE_KEYS = tuple(c.key for c in COLUMNS if c.level == "case")
DEFENDANT_KEYS = tuple(c.key for c in COLUMNS if c.level == "defendant")

MAX_ROWS = 50_000
TABLE = ColumnTable(COLUMNS)


def read_rows(data: bytes) -> Iterator[tuple[int, dict[str, str] | BadRow]]:
    """(row number, values by column key, or a `BadRow`) for every non-empty row; `ImportFormatError` when the
    file is not an import file at all. The reading is `leniency.documents.tabular`'s, shared with the study's
    import; this import takes JSON Lines and XLSX."""
    return read_tabular_rows(
        data,
        TABLE,
        formats=("xlsx", "jsonl"),
        refusal=_(
            "文件格式错误：批量导入只接受 JSON Lines（每行一个 JSON 对象，UTF-8）或 Excel 工作簿（.xlsx）"
        ),
        max_rows=MAX_ROWS,
    )


# --- the sample (docs/templates/) -------------------------------------------------------------------------------

SAMPLE_ROWS: tuple[dict[str, str], ...] = (
    {
        "移送文书号": "东公刑诉字〔2026〕101号",
        "受理日期": "2026-10-08",
        "移送机关": "东区公安分局",
        "案由": "王某、李某盗窃案",
        "起诉意见书认定的事实": "2026年9月3日，王某、李某在东区某超市窃取商品，价值人民币3200元。",
        "姓名": "王某",
        "性别": "男",
        "身份证号": "110101199005010020",
        "出生日期": "1990-05-01",
        "联系电话": "13912345678",
        "羁押状态": "逮捕",
        "羁押日期": "2026-09-04",
        "罪名": "盗窃",
    },
    {
        "移送文书号": "东公刑诉字〔2026〕101号",
        "受理日期": "2026-10-08",
        "移送机关": "东区公安分局",
        "案由": "王某、李某盗窃案",
        "起诉意见书认定的事实": "2026年9月3日，王某、李某在东区某超市窃取商品，价值人民币3200元。",
        "姓名": "李某",
        "性别": "女",
        "身份证号": "350203199208150026",
        "出生日期": "1992-08-15",
        "联系电话": "",
        "羁押状态": "取保候审",
        "羁押日期": "",
        "罪名": "盗窃",
    },
    {
        "移送文书号": "东公刑诉字〔2026〕102号",
        "受理日期": "2026-10-09",
        "移送机关": "东区公安分局",
        "案由": "赵某危险驾驶案",
        "起诉意见书认定的事实": "2026年8月20日晚，赵某醉酒后驾驶小型轿车在东区人民路行驶，血液酒精含量为156mg/100ml。",
        "姓名": "赵某",
        "性别": "男",
        "身份证号": "410522198511230034",
        "出生日期": "1985-11-23",
        "联系电话": "13800001111",
        "羁押状态": "未羁押",
        "羁押日期": "",
        "罪名": "危险驾驶",
    },
)


def jsonl_bytes(rows) -> bytes:
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows).encode("utf-8")


def xlsx_bytes(rows) -> bytes:
    """A workbook with the template's header and `rows`, every cell text (an ID number stays 18 digits)."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("受理信息")
    sheet.append([c.header for c in COLUMNS])
    for row in rows:
        sheet.append([row.get(c.header, row.get(c.key, "")) or None for c in COLUMNS])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
