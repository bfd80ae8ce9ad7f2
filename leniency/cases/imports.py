"""Bulk import of intake data (批量导入受理信息): a file a case-management system exports, one row per defendant.

Every row passes the intake form's own validation (`IntakeForm`, `DefendantIntakeForm`: the ID number's GB 11643
check character, GB/T 2260 region and date of birth) and every change goes through the intake's services
(`do_register_transfer`, `do_add_defendant`) or the corrections of `intake_updates`. A bad row is reported by
row number and column and left out; the good rows import. The natural key is the procuratorate and the
transferring agency's document number (移送文书号) for a case, and the ID number for a defendant within it, so a
second import of the same file updates what changed and never registers anything twice.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from leniency.accounts.models import Organisation
from leniency.audit.trail import record
from leniency.errors import DomainError

from . import access, services
from .forms import DefendantIntakeForm, IntakeForm
from .import_format import BY_KEY, CASE_KEYS, BadRow, read_rows
from .intake_updates import do_update_case_intake, do_update_defendant_intake
from .models import Case, Charge, Defendant
from .stages import Stage

CHUNK = 100  # cases per transaction: short write locks, one commit per hundred cases rather than per case
CHARGE_SEPARATORS = ("；", ";", "，", ",", "\n")


@dataclass(frozen=True)
class RowError:
    row: int
    field: str  # the column key ("" for the row as a whole)
    message: str

    @property
    def column(self) -> str:
        return BY_KEY[self.field].header if self.field in BY_KEY else ""


@dataclass
class ImportResult:
    rows: int = 0
    cases_created: list[Case] = field(default_factory=list)
    cases_updated: list[Case] = field(default_factory=list)
    defendants_created: int = 0
    defendants_updated: int = 0
    defendants_unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)

    @property
    def rows_imported(self) -> int:
        return self.defendants_created + self.defendants_updated + self.defendants_unchanged

    @property
    def rows_with_errors(self) -> int:
        return len({e.row for e in self.errors})

    def summary(self) -> dict:
        return {
            "rows": self.rows,
            "rows_imported": self.rows_imported,
            "rows_with_errors": self.rows_with_errors,
            "cases_created": len(self.cases_created),
            "cases_updated": len(self.cases_updated),
            "defendants_created": self.defendants_created,
            "defendants_updated": self.defendants_updated,
            "defendants_unchanged": self.defendants_unchanged,
        }


@dataclass
class _Row:
    number: int
    case: dict
    person: dict


def _choice(value: str, choices) -> str:
    """A choice given by its code ("M", "arrested") or its Chinese label ("男", "逮捕")."""
    for code, label in choices:
        if value in (code, str(label)):
            return code
    return value


def _split_charges(value: str) -> list[str]:
    for separator in CHARGE_SEPARATORS[1:]:
        value = value.replace(separator, CHARGE_SEPARATORS[0])
    return [n.strip().removesuffix("罪") for n in value.split(CHARGE_SEPARATORS[0]) if n.strip()]


class _RowDefendantForm(DefendantIntakeForm):
    """The intake form's person, all its fields and checks but the charges, which the import looks up by name in
    the catalogue it read once (the form would query the database for every row)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["charges"]


def _case_form(values: tuple[str, ...], memo: dict) -> IntakeForm:
    """The intake form over a row's case columns, validated once per import for the rows that repeat them."""
    if values not in memo:
        memo[values] = form = IntakeForm(dict(zip(CASE_KEYS, values, strict=True)))
        form.is_valid()
    return memo[values]


def _validate(
    number: int, raw: dict, charges: dict[str, Charge], case_forms: dict
) -> tuple[_Row | None, list[RowError]]:
    """The row through the intake form's own validation; its errors by column."""
    errors = []
    case_form = _case_form(tuple(raw.get(k, "") for k in CASE_KEYS), case_forms)
    names = _split_charges(raw.get("charges", ""))
    unknown = [n for n in names if n not in charges]
    if unknown:
        errors.append(
            RowError(number, "charges", _("罪名目录中没有：%(names)s") % {"names": "、".join(unknown)})
        )
    elif not names:
        errors.append(RowError(number, "charges", _("至少需要一个罪名")))
    person_form = _RowDefendantForm(
        {
            "name": raw.get("name", ""),
            "gender": _choice(raw.get("gender", ""), Defendant.Gender.choices),
            "id_number": raw.get("id_number", ""),
            "birth_date": raw.get("birth_date", ""),
            "phone": raw.get("phone", ""),
            "detention": _choice(raw.get("detention", ""), Defendant.Detention.choices),
            "detained_on": raw.get("detained_on", ""),
        }
    )
    for form in (case_form, person_form):
        for name, messages in form.errors.items():
            errors.extend(RowError(number, "" if name == "__all__" else name, str(m)) for m in messages)
    if errors:
        return None, errors
    person = dict(person_form.cleaned_data)
    person["charges"] = [charges[n] for n in names]  # in the file's order: the first is the principal charge
    return _Row(number, {k: case_form.cleaned_data[k] for k in CASE_KEYS}, person), []


def _group(rows: list[_Row], errors: list[RowError]) -> dict[str, list[_Row]]:
    """Rows by document number; a row whose case fields disagree with the case's first row, or whose ID number
    repeats one of its case, is an error."""
    groups: dict[str, list[_Row]] = {}
    for row in rows:
        key = row.case["transfer_document_number"]
        group = groups.setdefault(key, [])
        if group:
            first = group[0]
            differs = [k for k in CASE_KEYS if row.case[k] != first.case[k]]
            if differs:
                errors.append(
                    RowError(
                        row.number,
                        differs[0],
                        _("与第 %(row)s 行（同一移送文书号）的“%(column)s”不一致")
                        % {"row": first.number, "column": BY_KEY[differs[0]].header},
                    )
                )
                continue
            twin = next((r for r in group if r.person["id_number"] == row.person["id_number"]), None)
            if twin is not None:
                errors.append(
                    RowError(
                        row.number, "id_number", _("与第 %(row)s 行的身份证号重复") % {"row": twin.number}
                    )
                )
                continue
        group.append(row)
    return groups


def _apply_group(procuratorate, key, group, existing, result, *, acting_user) -> None:
    facts = dict(group[0].case)
    facts.pop("transfer_document_number")
    if len(existing) > 1:
        raise DomainError(
            _("本院已有 %(n)s 个案件使用移送文书号 %(key)s，无法确定更新哪一个")
            % {"n": len(existing), "key": key},
            field="transfer_document_number",
        )
    if not existing:
        case = services.do_register_transfer(
            region=procuratorate.region,
            procuratorate=procuratorate,
            transfer_document_number=key,
            defendants=[row.person for row in group],
            acting_user=acting_user,
            **facts,
        )
        result.cases_created.append(case)
        result.defendants_created += len(group)
        return
    case = existing[0]
    changed = do_update_case_intake(case, acting_user=acting_user, **facts)
    by_id = {d.id_number: d for d in case.defendants.all()}
    touched = bool(changed)
    for row in group:
        try:
            with transaction.atomic():
                defendant = by_id.get(row.person["id_number"])
                if defendant is None:
                    services.do_add_defendant(
                        case,
                        acting_user=acting_user,
                        stage=Stage.PROSECUTION_REVIEW,
                        stage_since=case.received_on,
                        **row.person,
                    )
                    result.defendants_created += 1
                    touched = True
                elif do_update_defendant_intake(defendant, acting_user=acting_user, **row.person):
                    result.defendants_updated += 1
                    touched = True
                else:
                    result.defendants_unchanged += 1
        except DomainError as error:
            result.errors.append(RowError(row.number, error.field or "", str(error.message)))
    if touched:
        result.cases_updated.append(case)


def do_import_cases(procuratorate, *, data: bytes, file_name: str, acting_user) -> ImportResult:
    """Import the rows of `data` (JSON Lines or XLSX) into `procuratorate`'s intake, as `acting_user`.

    A file that is not an import file raises `ImportFormatError` and imports nothing; otherwise the result lists
    the rows left out, each with its row number, column and message, and what the good rows created or updated.
    """
    access.check_import_cases(acting_user, procuratorate)
    result = ImportResult()
    charges = {c.name: c for c in Charge.objects.all()}
    valid: list[_Row] = []
    case_forms: dict = {}
    for number, raw in read_rows(data):
        result.rows += 1
        if isinstance(raw, BadRow):
            result.errors.append(RowError(number, "", raw.message))
            continue
        row, errors = _validate(number, raw, charges, case_forms)
        result.errors.extend(errors)
        if row is not None:
            valid.append(row)
    groups = _group(valid, result.errors)
    keys = list(groups)
    for start in range(0, len(keys), CHUNK):
        chunk = keys[start : start + CHUNK]
        with transaction.atomic():
            # One import at a time per procuratorate, and the cases already registered read inside the lock:
            # the same file imported twice at once still registers each case once.
            Organisation.objects.select_for_update().filter(pk=procuratorate.pk).exists()
            existing: dict[str, list[Case]] = {}
            for case in Case.objects.filter(procuratorate=procuratorate, transfer_document_number__in=chunk):
                case.procuratorate = procuratorate
                existing.setdefault(case.transfer_document_number, []).append(case)
            for key in chunk:
                group = groups[key]
                try:
                    with transaction.atomic():
                        _apply_group(
                            procuratorate, key, group, existing.get(key, []), result, acting_user=acting_user
                        )
                except DomainError as error:
                    result.errors.extend(
                        RowError(row.number, error.field or "", str(error.message)) for row in group
                    )
    result.errors.sort(key=lambda e: e.row)
    record(
        "case.import.completed",
        actor=acting_user,
        obj=procuratorate,
        data={"file": file_name[-200:], "sha256": hashlib.sha256(data).hexdigest(), **result.summary()},
    )
    return result
