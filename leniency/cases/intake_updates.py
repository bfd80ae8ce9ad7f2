"""Corrections to what intake registered, as a second import of the same transfer brings them: the case's
intake fields and a defendant's particulars and charges. Each is one atomic, audited service; the audit names
the fields that changed, never their personal values."""

from django.db import transaction
from django.utils.translation import gettext as _

from leniency.audit.trail import record
from leniency.errors import DomainError

from . import access
from .identity import validate_id_number
from .models import Case, Defendant, DefendantCharge
from .stages import Stage

CASE_FIELDS = ("title", "received_on", "transferring_agency", "facts")
DEFENDANT_FIELDS = ("name", "gender", "id_number", "birth_date", "phone", "detention", "detained_on")


def _check_still_at_intake(case: Case) -> None:
    if case.prosecuted_on is not None:
        raise DomainError(
            _("%(number)s 已提起公诉，受理信息不能再通过导入更改") % {"number": case.number},
            field="transfer_document_number",
        )


def do_update_case_intake(case: Case, *, acting_user, **fields) -> list[str]:
    """Set the intake fields that differ; returns their names. The receiving year is that of the case number,
    so a new receiving date must fall in it; defendants still in their first review period move with it."""
    access.check_open_case(acting_user, case.procuratorate)
    _check_still_at_intake(case)
    changed = [name for name in CASE_FIELDS if name in fields and getattr(case, name) != fields[name]]
    if not changed:
        return []
    received_on = fields.get("received_on", case.received_on)
    if case.serial_year is not None and received_on.year != case.serial_year:
        raise DomainError(
            _("受理日期的年度与案号 %(number)s 的收案年度不符") % {"number": case.number}, field="received_on"
        )
    with transaction.atomic():
        if "received_on" in changed:
            case.defendants.filter(stage=Stage.PROSECUTION_REVIEW, stage_since=case.received_on).update(
                stage_since=received_on
            )
        for name in changed:
            setattr(case, name, fields[name])
        case.save(update_fields=changed)
        record("case.intake.updated", actor=acting_user, obj=case, case_id=case.pk, data={"fields": changed})
    return changed


def do_update_defendant_intake(defendant: Defendant, *, acting_user, charges=None, **fields) -> list[str]:
    """Set the particulars that differ and, when given, the charges (the first the principal one); returns the
    names of what changed. The ID number is checked as at intake."""
    case = defendant.case
    access.check_add_defendant(acting_user, case)
    _check_still_at_intake(case)
    if fields.get("id_number"):
        fields["id_number"] = validate_id_number(
            fields["id_number"], birth_date=fields.get("birth_date", defendant.birth_date)
        )
    changed = [
        name for name in DEFENDANT_FIELDS if name in fields and getattr(defendant, name) != fields[name]
    ]
    new_charges = None
    if charges is not None:
        if not charges:
            raise DomainError(_("至少需要一个罪名"), field="charges")
        current = [link.charge_id for link in defendant.charge_links.order_by("-principal", "pk")]
        if current != [c.pk for c in charges]:
            new_charges = charges
            changed.append("charges")
    if not changed:
        return []
    with transaction.atomic():
        for name in changed:
            if name != "charges":
                setattr(defendant, name, fields[name])
        if len(changed) > (new_charges is not None):
            defendant.save(update_fields=[n for n in changed if n != "charges"])
        if new_charges is not None:
            defendant.charge_links.all().delete()
            DefendantCharge.objects.bulk_create(
                DefendantCharge(defendant=defendant, charge=charge, principal=(i == 0))
                for i, charge in enumerate(new_charges)
            )
        record(
            "defendant.intake.updated",
            actor=acting_user,
            obj=defendant,
            case_id=case.pk,
            data={"defendant": defendant.pk, "fields": changed},
        )
    return changed
