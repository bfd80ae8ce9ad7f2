"""Bulk import of intake data (批量导入受理信息): a file a case-management system exports, one row per defendant.

Every row passes the intake form's own validation (`IntakeForm`, `DefendantIntakeForm`: the ID number's GB 11643
check character, GB/T 2260 region and date of birth) before anything is written. A bad row is reported by row
number and column (`documents.tabular.RowError`) and left out; the good rows import. The natural key is the
procuratorate and the transferring agency's document number (移送文书号) for a case, and the ID number for a
defendant within it, so a second import of the same file updates what changed and never registers anything twice.

New transfers are registered in batches (`_register`): each batch's cases, defendants and charges go in with bulk
inserts, their serials are taken from the procuratorate's counter once per receiving year, and every case and
defendant gets the same audit event as intake by hand (`case.opened`, `defendant.added`, as
`services.do_open_case` and `do_add_defendant` write them), appended with one `record_many` per batch. A transfer
registered before is corrected through the intake's services (`intake_updates`), row by row, only where the file
says something new; its unchanged rows cost no query. 10,000 defendants take about 10 s of CPU, most of it
reading the workbook and validating the rows (bench/case_import.py).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.db.models import F, Prefetch
from django.utils.translation import gettext as _

from leniency.accounts.models import Organisation
from leniency.audit.trail import PendingEvent, record, record_many
from leniency.documents import tabular
from leniency.documents.tabular import RowError
from leniency.errors import DomainError

from . import access, services
from .forms import DefendantIntakeForm, IntakeForm
from .import_format import BY_KEY, CASE_KEYS, TABLE, BadRow, read_rows
from .intake_updates import (
    CASE_FIELDS,
    DEFENDANT_FIELDS,
    do_update_case_intake,
    do_update_defendant_intake,
)
from .models import Case, CaseCounter, Charge, Defendant, DefendantCharge
from .stages import Stage

# Cases per transaction: a batch holds the procuratorate's, its case counter's and the audit chain's locks until
# it commits, so intake by hand waits for one batch, not for the whole file.
CHUNK = 500
CHARGE_SEPARATORS = ("；", ";", "，", ",", "\n")


@dataclass
class ImportResult(tabular.ImportResult):
    """The rows read, what the good ones created or updated, and each row left out (`tabular.RowError`)."""

    cases_created: list[Case] = field(default_factory=list)
    cases_updated: list[Case] = field(default_factory=list)
    defendants_created: int = 0
    defendants_updated: int = 0
    defendants_unchanged: int = 0

    @property
    def rows_imported(self) -> int:
        return self.defendants_created + self.defendants_updated + self.defendants_unchanged

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
    the catalogue it read once (the form would query the database for every row). Removed from the class rather
    than from each form, which would first copy the field and its queryset for every row."""

    charges = None


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
            TABLE.error(number, "charges", _("罪名目录中没有：%(names)s") % {"names": "、".join(unknown)})
        )
    elif not names:
        errors.append(TABLE.error(number, "charges", _("至少需要一个罪名")))
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
            errors.extend(TABLE.error(number, "" if name == "__all__" else name, str(m)) for m in messages)
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
                    TABLE.error(
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
                    TABLE.error(
                        row.number, "id_number", _("与第 %(row)s 行的身份证号重复") % {"row": twin.number}
                    )
                )
                continue
        group.append(row)
    return groups


def _reserve_numbers(procuratorate, received_on: date, n: int) -> list[tuple[int, str]]:
    """`n` serials and case numbers of `received_on`'s year, taken at once from the procuratorate's counter
    (`services.next_case_number` locks it and gives the first; the counter moves past the other n - 1 under
    the same lock, held until the batch commits)."""
    year, first, number = services.next_case_number(procuratorate, received_on)
    tail = f"{first}号"
    if not number.endswith(tail):  # the numbering took another form: take each number from it
        return [(first, number)] + [
            services.next_case_number(procuratorate, received_on)[1:] for _ in range(n - 1)
        ]
    if n > 1:
        CaseCounter.objects.filter(organisation=procuratorate, year=year).update(last=F("last") + (n - 1))
    prefix = number.removesuffix(tail)
    return [(first + i, f"{prefix}{first + i}号") for i in range(n)]


def _register(procuratorate, groups: list[tuple[str, list[_Row]]], result, *, acting_user) -> None:
    """Register new transfers as intake by hand does (`services.do_register_transfer`): each case with the next
    serial of its receiving year, each person under review for prosecution from the receiving date with the
    charges in the file's order (the first the principal one), the same audit event for each, in bulk."""
    if not groups:
        return
    access.check_open_case(acting_user, procuratorate)
    by_year: dict[int, list[tuple[str, list[_Row]]]] = defaultdict(list)
    for key, group in groups:
        by_year[group[0].case["received_on"].year].append((key, group))
    cases, case_groups = [], []
    for items in by_year.values():
        numbers = _reserve_numbers(procuratorate, items[0][1][0].case["received_on"], len(items))
        for (key, group), (serial, number) in zip(items, numbers, strict=True):
            facts = group[0].case
            cases.append(
                Case(
                    number=number,
                    serial_year=facts["received_on"].year,
                    serial=serial,
                    title=facts["title"],
                    region=procuratorate.region,
                    procuratorate=procuratorate,
                    facts=facts["facts"],
                    received_on=facts["received_on"],
                    transferring_agency=facts["transferring_agency"],
                    transfer_document_number=key,
                )
            )
            case_groups.append(group)
    Case.objects.bulk_create(cases)
    people = [
        (
            Defendant(
                case=case,
                stage=Stage.PROSECUTION_REVIEW,
                stage_since=case.received_on,
                **{k: v for k, v in row.person.items() if k != "charges"},
            ),
            row.person["charges"],
        )
        for case, group in zip(cases, case_groups, strict=True)
        for row in group
    ]
    Defendant.objects.bulk_create([defendant for defendant, _charges in people])
    DefendantCharge.objects.bulk_create(
        DefendantCharge(defendant=defendant, charge=charge, principal=(i == 0))
        for defendant, charges in people
        for i, charge in enumerate(charges)
    )
    case_label, defendant_label = Case._meta.label_lower, Defendant._meta.label_lower
    events = [
        PendingEvent(
            "case.opened",
            case_label,
            str(case.pk),
            acting_user,
            case.pk,
            {
                "number": case.number,
                "title": case.title,
                "procuratorate": procuratorate.name,
                "transferring_agency": case.transferring_agency,
                "transfer_document_number": case.transfer_document_number,
            },
        )
        for case in cases
    ]
    # The trail names each defendant by id only, as do_add_defendant does: personal data stays in the case record.
    events += [
        PendingEvent(
            "defendant.added",
            defendant_label,
            str(defendant.pk),
            acting_user,
            defendant.case_id,
            {
                "defendant": defendant.pk,
                "charges": [c.name for c in charges],
                "stage": Stage.PROSECUTION_REVIEW,
            },
        )
        for defendant, charges in people
    ]
    record_many(events)
    result.cases_created.extend(cases)
    result.defendants_created += len(people)


def _differs(defendant: Defendant, person: dict) -> bool:
    """Whether the row says anything new about a registered defendant (the comparison `intake_updates` makes),
    from the particulars and charge links read with the case."""
    if any(getattr(defendant, name) != person[name] for name in DEFENDANT_FIELDS if name in person):
        return True
    links = sorted(defendant.charge_links.all(), key=lambda link: (not link.principal, link.pk))
    return [link.charge_id for link in links] != [c.pk for c in person["charges"]]


def _update(case: Case, group: list[_Row], result, *, acting_user) -> None:
    """A transfer registered before: its intake fields and people corrected through the intake's services where
    the rows say something new, a new person added; a group with nothing new changes nothing and writes nothing."""
    facts = {k: v for k, v in group[0].case.items() if k in CASE_FIELDS}
    by_id = {d.id_number: d for d in case.defendants.all()}
    plan = []  # (row, its registered defendant or None) for each row that says something new
    for row in group:
        defendant = by_id.get(row.person["id_number"])
        if defendant is None or _differs(defendant, row.person):
            plan.append((row, defendant))
    unchanged = len(group) - len(plan)
    if not plan and all(getattr(case, k) == v for k, v in facts.items()):
        result.defendants_unchanged += unchanged
        return
    with transaction.atomic():
        # Refused for the whole group once the case is prosecuted; each row's change is then its own savepoint.
        touched = bool(do_update_case_intake(case, acting_user=acting_user, **facts))
        result.defendants_unchanged += unchanged
        for row, defendant in plan:
            try:
                with transaction.atomic():
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
                result.errors.append(TABLE.error(row.number, error.field or "", error.message))
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
            result.errors.append(TABLE.error(number, "", raw.message))
            continue
        row, errors = _validate(number, raw, charges, case_forms)
        result.errors.extend(errors)
        if row is not None:
            valid.append(row)
    groups = _group(valid, result.errors)
    keys = list(groups)
    registered = Prefetch("defendants", queryset=Defendant.objects.prefetch_related("charge_links"))
    for start in range(0, len(keys), CHUNK):
        chunk = keys[start : start + CHUNK]
        with transaction.atomic():
            # One import at a time per procuratorate, and the cases already registered read inside the lock:
            # the same file imported twice at once still registers each case once.
            Organisation.objects.select_for_update().filter(pk=procuratorate.pk).exists()
            existing: dict[str, list[Case]] = {}
            for case in Case.objects.filter(
                procuratorate=procuratorate, transfer_document_number__in=chunk
            ).prefetch_related(registered):
                case.procuratorate = procuratorate
                existing.setdefault(case.transfer_document_number, []).append(case)
            new = []
            for key in chunk:
                group, found = groups[key], existing.get(key, [])
                if not found:
                    new.append((key, group))
                    continue
                try:
                    if len(found) > 1:
                        raise DomainError(
                            _("本院已有 %(n)s 个案件使用移送文书号 %(key)s，无法确定更新哪一个")
                            % {"n": len(found), "key": key},
                            field="transfer_document_number",
                        )
                    _update(found[0], group, result, acting_user=acting_user)
                except DomainError as error:
                    result.errors.extend(
                        TABLE.error(row.number, error.field or "", error.message) for row in group
                    )
            _register(procuratorate, new, result, acting_user=acting_user)
    result.errors.sort(key=lambda e: e.row)
    record(
        "case.import.completed",
        actor=acting_user,
        obj=procuratorate,
        data={"file": file_name[-200:], "sha256": hashlib.sha256(data).hexdigest(), **result.summary()},
    )
    return result
