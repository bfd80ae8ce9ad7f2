"""Import of a procuratorate's historical records for the study (`leniency study import`, the upload page).

Each row is read and checked column by column (`import_format.read_values`): a bad row is reported by its row
number and column and left out while the good rows import. The procuratorate and the office's own person number
identify a record, so a second import of the same file updates the rows and never adds them twice. The import
is audited (study.import.completed) with the file's SHA-256 and its counts.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from leniency import clock
from leniency.audit.trail import record
from leniency.documents import tabular
from leniency.documents.tabular import BadRow, read_rows

from . import access
from .import_format import REFUSAL, TABLE, model_fields, read_values
from .models import ImportedPerson

CHUNK = 500


@dataclass
class ImportResult(tabular.ImportResult):
    """The rows read, the records created and updated, and each row left out (`tabular.RowError`)."""

    created: int = 0
    updated: int = 0

    def summary(self) -> dict:
        return {
            "rows": self.rows,
            "created": self.created,
            "updated": self.updated,
            "rows_with_errors": self.rows_with_errors,
        }


def do_import_study_records(organisation, *, data: bytes, file_name: str, acting_user) -> ImportResult:
    """Read the file, keep the rows that read, write them (create or update by person number), audit it."""
    access.check_import_study_records(acting_user, organisation)
    result = ImportResult()
    good: dict[str, tuple[int, dict]] = {}
    for number, raw in read_rows(data, TABLE, refusal=str(REFUSAL)):
        result.rows += 1
        if isinstance(raw, BadRow):
            result.errors.append(TABLE.error(number, "", raw.message))
            continue
        values, errors = read_values(raw)
        if errors:
            result.errors.extend(TABLE.error(number, key, message) for key, message in errors)
            continue
        ref = values["person_ref"]
        if ref in good:
            result.errors.append(
                TABLE.error(
                    number,
                    "person_ref",
                    _("人员编号与第 %(row)s 行重复（以第 %(row)s 行为准）") % {"row": good[ref][0]},
                )
            )
            continue
        good[ref] = (number, model_fields(values))
    now = clock.now()
    with transaction.atomic():
        existing = set(
            ImportedPerson.objects.filter(organisation=organisation, person_ref__in=list(good)).values_list(
                "person_ref", flat=True
            )
        )
        objects = [
            ImportedPerson(organisation=organisation, person_ref=ref, imported_at=now, **fields)
            for ref, (_number, fields) in good.items()
        ]
        update_fields = [f for f in next(iter(good.values()))[1]] + ["imported_at"] if good else []
        for start in range(0, len(objects), CHUNK):
            ImportedPerson.objects.bulk_create(
                objects[start : start + CHUNK],
                update_conflicts=True,
                unique_fields=["organisation", "person_ref"],
                update_fields=update_fields,
            )
        result.updated = len(existing)
        result.created = len(good) - len(existing)
        record(
            "study.import.completed",
            actor=acting_user,
            obj=organisation,
            data={
                "file": file_name[:200],
                "sha256": hashlib.sha256(data).hexdigest(),
                **result.summary(),
            },
        )
    return result
