"""The register of conflicts of interest: a lawyer's tie to a victim, a co-defendant or another party of a case.

The rota (`rota.conflicted_lawyers`) never allocates a registered lawyer to a defendant of that case, and the
centre's override refuses one, naming the conflict.
"""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from leniency import clock
from leniency.audit.trail import record
from leniency.errors import DomainError

from . import access
from .models import ConflictOfInterest


def do_register_conflict(
    case, *, lawyer, kind: str, note: str = "", acting_user, as_of: datetime | None = None
) -> ConflictOfInterest:
    """Register `lawyer`'s tie to a party of `case` (see `access.check_register_conflict` for who may)."""
    access.check_register_conflict(acting_user, case, lawyer)
    as_of = as_of or clock.now()
    note = (note or "").strip()
    if kind not in ConflictOfInterest.Kind.values:
        raise DomainError(_("请选择利益冲突的类型"), field="kind")
    if not getattr(lawyer, "is_lawyer", False):
        raise DomainError(_("只能登记律师的利益冲突"), field="lawyer")
    if kind != ConflictOfInterest.Kind.VICTIM and not note:
        raise DomainError(_("请说明与哪一方存在何种利害关系"), field="note")
    with transaction.atomic():
        if (
            ConflictOfInterest.objects.select_for_update()
            .filter(case=case, lawyer=lawyer, kind=kind, withdrawn_at__isnull=True)
            .exists()
        ):
            raise DomainError(_("%(name)s 的此项利益冲突已经登记") % {"name": lawyer}, field="lawyer")
        conflict = ConflictOfInterest.objects.create(
            case=case, lawyer=lawyer, kind=kind, note=note, recorded_by=acting_user, recorded_at=as_of
        )
        record(
            "counsel.conflict.registered",
            actor=acting_user,
            obj=conflict,
            case_id=case.pk,
            occurred_at=as_of,
            data={"lawyer": lawyer.pk, "lawyer_name": str(lawyer), "kind": kind, "note": note},
        )
    return conflict


def do_withdraw_conflict(
    conflict: ConflictOfInterest, *, reason: str, acting_user, as_of: datetime | None = None
) -> ConflictOfInterest:
    """End a tie (the representation ended, or it was registered by mistake); the row stays, withdrawn."""
    access.check_withdraw_conflict(acting_user, conflict.case)
    as_of = as_of or clock.now()
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(_("请说明撤销理由"), field="reason")
    with transaction.atomic():
        conflict = ConflictOfInterest.objects.select_for_update().select_related("lawyer").get(pk=conflict.pk)
        if conflict.withdrawn_at is not None:
            raise DomainError(_("该利益冲突登记已经撤销"), field="conflict")
        conflict.withdrawn_at, conflict.withdrawn_by, conflict.withdrawal_reason = as_of, acting_user, reason
        conflict.save(update_fields=["withdrawn_at", "withdrawn_by", "withdrawal_reason"])
        record(
            "counsel.conflict.withdrawn",
            actor=acting_user,
            obj=conflict,
            case_id=conflict.case_id,
            occurred_at=as_of,
            data={"lawyer": conflict.lawyer_id, "lawyer_name": str(conflict.lawyer), "reason": reason},
        )
    return conflict


def visible_conflicts(user, case):
    """The ties of `case` the user may read: all of them, or a lawyer's own."""
    qs = ConflictOfInterest.objects.filter(case=case).select_related("lawyer", "recorded_by")
    if access.manages_conflicts(user, case) or access.sees_all(user):
        return qs.order_by("-recorded_at", "-id")
    return qs.filter(lawyer=user).order_by("-recorded_at", "-id")
