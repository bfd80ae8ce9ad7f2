"""The template of historical records for the study (研究用历史记录导入模板): its columns, how each value is read,
and the sample.

One row per person. A column is named by its Chinese header or its key; a choice is given by its Chinese label or
its code (the withdrawal reasons are the plea taxonomy's, `leniency.plea.taxonomy`). The file is read by
`leniency.documents.tabular` (XLSX, CSV or JSON Lines), with the spreadsheet's own row numbers.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from leniency.cases.stages import Procedure
from leniency.counsel.models import CounselAssignment
from leniency.documents.tabular import ColumnTable
from leniency.plea.taxonomy import WithdrawalReason, WithdrawalStage

from .models import ImportedPerson


class FieldError(ValueError):
    """A value that does not read; its message says what the column takes."""


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise FieldError(_("日期格式应为 2024-05-01")) from None


def _yes_no(value: str) -> bool:
    if value in ("是", "有", "1", "yes", "true", "True", "Y", "y"):
        return True
    if value in ("否", "无", "0", "no", "false", "False", "N", "n"):
        return False
    raise FieldError(_("应填“是”或“否”"))


def _months(value: str) -> int:
    try:
        number = float(value)
    except ValueError:
        raise FieldError(_("应为月数（整数）")) from None
    if number < 0 or not number.is_integer() or number > 300:
        raise FieldError(_("应为0至300之间的整数月数"))
    return int(number)


def _count(value: str) -> int:
    if not value.isdigit():
        raise FieldError(_("应为不小于0的整数"))
    return int(value)


def _median(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise FieldError(_("应为月数")) from None
    if number <= 0 or number > 300:
        raise FieldError(_("应为大于0、不超过300的月数"))
    return number


def _choice(choices) -> Callable[[str], str]:
    by_text = {}
    for code, label in choices:
        by_text[code] = code
        by_text[str(label)] = code

    def read(value: str) -> str:
        if value in by_text:
            return by_text[value]
        raise FieldError(
            _("应为以下之一：%(values)s") % {"values": "、".join(str(label) for _c, label in choices)}
        )

    return read


LAWYER_KINDS = [*CounselAssignment.Kind.choices, ("none", _("无"))]
ADOPTED = [("adopt", _("采纳")), ("not_adopted", _("未采纳"))]
SEPARATORS = re.compile(r"[；;、，,\n]")


def _reasons(value: str) -> list[str]:
    read = _choice(WithdrawalReason.choices)
    reasons = []
    for part in SEPARATORS.split(value):
        if part.strip():
            code = read(part.strip())
            if code not in reasons:
                reasons.append(code)
    return reasons


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    required: bool
    explanation: object  # lazy text for the template page
    read: Callable[[str], object] = str


COLUMNS: tuple[Column, ...] = (
    Column(
        "person_ref",
        "人员编号",
        True,
        gettext_lazy(
            "本院自己的人员编号（如案件管理系统的嫌疑人编号），每行一人，本院内不得重复。再次导入同一编号时更新"
            "该人的记录，不重复计数。请勿填写姓名或身份证号：研究不需要。"
        ),
    ),
    Column(
        "case_ref",
        "案件编号",
        True,
        gettext_lazy("本院的案件编号（如部门受案号）；同一案件的多名嫌疑人填同一编号。"),
    ),
    Column(
        "received_on",
        "受理日期",
        True,
        gettext_lazy("本院受理移送审查起诉的日期，格式 2024-05-01；研究按此日期选取期间。"),
        _date,
    ),
    Column("crime", "罪名", True, gettext_lazy("主罪名，不带“罪”字，如“危险驾驶”“盗窃”。")),
    Column(
        "detained",
        "是否羁押",
        False,
        gettext_lazy("审查起诉时是否被羁押（刑事拘留、逮捕或监视居住）：是/否；空为否。"),
        _yes_no,
    ),
    Column("prior_record", "有无前科", False, gettext_lazy("有前科或构成累犯：是/否；空为否。"), _yes_no),
    Column(
        "procedure",
        "审理程序",
        False,
        gettext_lazy("速裁程序、简易程序或普通程序；不起诉或尚未起诉的空着。"),
        _choice(Procedure.choices),
    ),
    Column("pleaded", "是否认罪认罚", True, gettext_lazy("是否适用认罪认罚从宽：是/否。"), _yes_no),
    Column(
        "plea_stage",
        "认罪认罚阶段",
        False,
        gettext_lazy("认罪认罚的阶段：侦查阶段、审查起诉阶段或审判阶段；认罪认罚的必填。"),
        _choice(ImportedPerson.PleaStage.choices),
    ),
    Column(
        "signed_on",
        "具结书签署日期",
        False,
        gettext_lazy("签署认罪认罚具结书的日期；审判阶段认罪未签具结书的空着。"),
        _date,
    ),
    Column(
        "lawyer_kind",
        "律师类型",
        False,
        gettext_lazy("值班律师、法律援助律师、委托辩护人或无（第一个参与的律师）；空为无。"),
        _choice(LAWYER_KINDS),
    ),
    Column(
        "meetings_before",
        "签署前会见次数",
        False,
        gettext_lazy("签署具结书（或量刑建议确定）之前律师会见本人的次数，整数；空为0。"),
        _count,
    ),
    Column(
        "opinion_filed",
        "律师书面意见",
        False,
        gettext_lazy("律师是否就量刑建议提出书面意见：是/否；空为否。"),
        _yes_no,
    ),
    Column(
        "letter_delivered",
        "释法说理书送达",
        False,
        gettext_lazy("签署前是否送达并释明量刑建议的理由（释法说理书）：是/否；空为否。"),
        _yes_no,
    ),
    Column(
        "notice_acknowledged",
        "权利告知确认",
        False,
        gettext_lazy("签署前本人是否确认收到认罪认罚权利义务告知：是/否；空为否。"),
        _yes_no,
    ),
    Column(
        "rec_kind",
        "量刑建议方式",
        False,
        gettext_lazy("确定刑或幅度刑；提出了量刑建议的填写。"),
        _choice(ImportedPerson.RecKind.choices),
    ),
    Column(
        "rec_months",
        "建议刑期（月）",
        False,
        gettext_lazy("确定刑建议的刑期，以月计（1年填12）；确定刑必填。"),
        _months,
    ),
    Column(
        "rec_low_months",
        "幅度下限（月）",
        False,
        gettext_lazy("幅度刑建议的下限，以月计；幅度刑必填。"),
        _months,
    ),
    Column(
        "rec_high_months",
        "幅度上限（月）",
        False,
        gettext_lazy("幅度刑建议的上限，以月计，不小于下限；幅度刑必填。"),
        _months,
    ),
    Column(
        "similar_median_months",
        "类案刑期中位数（月）",
        False,
        gettext_lazy("可空。本案建议时检索到的类案（5件以上）刑期中位数；填写后研究计算建议与类案的差距。"),
        _median,
    ),
    Column(
        "adopted",
        "法院是否采纳",
        False,
        gettext_lazy("法院对量刑建议的决定：采纳或未采纳；尚无决定的空着。"),
        _choice(ADOPTED),
    ),
    Column(
        "withdrawn_on",
        "反悔日期",
        False,
        gettext_lazy("反悔（撤回认罪认罚或上诉）的日期；未反悔的空着。"),
        _date,
    ),
    Column(
        "withdrawal_stage",
        "反悔阶段",
        False,
        gettext_lazy(
            "审查起诉阶段（提起公诉前）、不起诉决定后、一审审理阶段或一审判决后（上诉）；也可填代码"
            "（before_prosecution 等）。有反悔的必填，只有认罪认罚的人才能反悔。"
        ),
        _choice(WithdrawalStage.choices),
    ),
    Column(
        "withdrawal_reasons",
        "反悔原因",
        False,
        gettext_lazy(
            "反悔原因，可多个，以分号“；”分隔；用认罪认罚模块的分类（中文名称或代码），如"
            "“认为量刑建议过重；律师未提供有效法律帮助”。"
        ),
        _reasons,
    ),
    Column(
        "outcome",
        "处理结果",
        False,
        gettext_lazy(
            "有罪判决、不起诉、无罪判决、撤回起诉或尚未终结；空视为审查起诉已终结。"
            "“尚未终结”的人员不计入认罪认罚适用率的分母。"
        ),
        _choice(ImportedPerson.Outcome.choices),
    ),
    Column("appealed", "是否上诉", False, gettext_lazy("被告人是否对一审判决上诉：是/否；空为否。"), _yes_no),
    Column(
        "protested", "是否抗诉", False, gettext_lazy("检察院是否对一审判决抗诉：是/否；空为否。"), _yes_no
    ),
)
TABLE = ColumnTable(COLUMNS)
BY_KEY = TABLE.by_key
REFUSAL = gettext_lazy(
    "文件格式错误：研究数据导入只接受 Excel 工作簿（.xlsx）、CSV（UTF-8 或 GB18030）或 JSON Lines，第1行为列名"
)


def read_values(raw: dict[str, str]) -> tuple[dict, list[tuple[str, str]]]:
    """The model's values of one row, and its errors as (column key, message); the cross-field rules last."""
    values, errors = {}, []
    for column in COLUMNS:
        text = raw.get(column.key, "")
        if not text:
            if column.required:
                errors.append((column.key, _("必填")))
            continue
        try:
            values[column.key] = column.read(text)
        except FieldError as error:
            errors.append((column.key, str(error)))
    if errors:
        return values, errors
    return values, _cross_checks(values)


def _cross_checks(v: dict) -> list[tuple[str, str]]:
    errors = []
    pleaded = v.get("pleaded", False)
    if pleaded and not v.get("plea_stage"):
        errors.append(("plea_stage", _("认罪认罚的须填认罪认罚阶段")))
    if not pleaded:
        for key in ("plea_stage", "signed_on", "withdrawal_stage", "rec_kind"):
            if v.get(key):
                errors.append((key, _("未认罪认罚的不应填写此列")))
    if v.get("signed_on") and v["signed_on"] < v["received_on"] and v.get("plea_stage") != "investigation":
        errors.append(("signed_on", _("签署日期早于受理日期")))
    kind = v.get("rec_kind")
    if kind == "fixed" and v.get("rec_months") is None:
        errors.append(("rec_months", _("确定刑须填建议刑期")))
    if kind == "range":
        low, high = v.get("rec_low_months"), v.get("rec_high_months")
        if low is None or high is None:
            errors.append(("rec_low_months" if low is None else "rec_high_months", _("幅度刑须填上下限")))
        elif high < low:
            errors.append(("rec_high_months", _("上限小于下限")))
    if not kind and v.get("adopted"):
        errors.append(("adopted", _("没有量刑建议，无从采纳")))
    if (v.get("withdrawal_reasons") or v.get("withdrawn_on")) and not v.get("withdrawal_stage"):
        errors.append(("withdrawal_stage", _("有反悔日期或原因的须填反悔阶段")))
    if v.get("withdrawn_on") and v["withdrawn_on"] < v["received_on"]:
        errors.append(("withdrawn_on", _("反悔日期早于受理日期")))
    return errors


def model_fields(values: dict) -> dict:
    """The `ImportedPerson` fields of a row read without errors (blank columns take their defaults)."""
    fields = {
        c.key: values.get(c.key)
        for c in COLUMNS
        if c.key not in ("person_ref", "lawyer_kind", "adopted", "withdrawal_reasons")
    }
    for key in ("procedure", "plea_stage", "rec_kind", "withdrawal_stage", "crime", "case_ref", "outcome"):
        fields[key] = fields[key] or ""
    for key in ("detained", "prior_record", "pleaded", "opinion_filed", "letter_delivered"):
        fields[key] = bool(fields[key])
    for key in ("notice_acknowledged", "appealed", "protested"):
        fields[key] = bool(fields[key])
    fields["meetings_before"] = fields["meetings_before"] or 0
    fields["lawyer_kind"] = "" if values.get("lawyer_kind") in (None, "none") else values["lawyer_kind"]
    fields["adopted"] = None if values.get("adopted") is None else values["adopted"] == "adopt"
    fields["withdrawal_reasons"] = values.get("withdrawal_reasons") or []
    return fields


# --- the sample (docs/templates/study_import_sample.*) ------------------------------------------------------------

SAMPLE_ROWS: tuple[dict[str, str], ...] = (
    {
        "人员编号": "R2024-0001",
        "案件编号": "A2024-101",
        "受理日期": "2024-03-05",
        "罪名": "危险驾驶",
        "是否羁押": "否",
        "审理程序": "速裁程序",
        "是否认罪认罚": "是",
        "认罪认罚阶段": "审查起诉阶段",
        "具结书签署日期": "2024-03-12",
        "律师类型": "值班律师",
        "签署前会见次数": "1",
        "律师书面意见": "否",
        "释法说理书送达": "是",
        "权利告知确认": "是",
        "量刑建议方式": "确定刑",
        "建议刑期（月）": "2",
        "法院是否采纳": "采纳",
        "处理结果": "有罪判决",
        "是否上诉": "否",
        "是否抗诉": "否",
    },
    {
        "人员编号": "R2024-0002",
        "案件编号": "A2024-102",
        "受理日期": "2024-03-08",
        "罪名": "盗窃",
        "是否羁押": "是",
        "有无前科": "是",
        "审理程序": "简易程序",
        "是否认罪认罚": "是",
        "认罪认罚阶段": "审查起诉阶段",
        "具结书签署日期": "2024-03-20",
        "律师类型": "值班律师",
        "签署前会见次数": "0",
        "量刑建议方式": "幅度刑",
        "幅度下限（月）": "8",
        "幅度上限（月）": "14",
        "类案刑期中位数（月）": "9",
        "反悔日期": "2024-05-10",
        "反悔阶段": "一审判决后（上诉）",
        "反悔原因": "认为量刑建议过重；律师未提供有效法律帮助",
        "法院是否采纳": "采纳",
        "处理结果": "有罪判决",
        "是否上诉": "是",
        "是否抗诉": "否",
    },
    {
        "人员编号": "R2024-0003",
        "案件编号": "A2024-102",
        "受理日期": "2024-03-08",
        "罪名": "盗窃",
        "是否羁押": "否",
        "是否认罪认罚": "否",
        "律师类型": "委托辩护人",
        "处理结果": "尚未终结",
    },
)


def _cells(row: dict) -> list[str]:
    return [row.get(c.header, row.get(c.key, "")) or "" for c in COLUMNS]


def csv_bytes(rows) -> bytes:
    """UTF-8 with the byte-order mark, so that Excel opens the Chinese headers as such."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([c.header for c in COLUMNS])
    for row in rows:
        writer.writerow(_cells(row))
    return out.getvalue().encode("utf-8-sig")


def xlsx_bytes(rows) -> bytes:
    """A workbook with the template's header and `rows`, every cell text."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("历史记录")
    sheet.append([c.header for c in COLUMNS])
    for row in rows:
        sheet.append([cell or None for cell in _cells(row)])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def jsonl_bytes(rows) -> bytes:
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows).encode("utf-8")
