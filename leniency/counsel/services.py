"""Assigning and releasing a lawyer. The rota (`rota.py`) assigns through `do_assign_counsel` too."""

from django.db import transaction
from django.utils.translation import gettext as _

from leniency import clock
from leniency.audit.trail import record
from leniency.cases.models import Defendant
from leniency.errors import DomainError

from . import access
from .models import CounselAssignment


def do_assign_counsel(defendant, *, lawyer, kind, acting_user, as_of=None, request=None) -> CounselAssignment:
    access.check_assign_counsel(acting_user, defendant, request)
    if not lawyer.is_lawyer:
        raise DomainError(_("%(user)s 不是律师，不能被指派") % {"user": lawyer}, field="lawyer")
    as_of = as_of or clock.now()
    with transaction.atomic():
        # Queue behind another assignment for the same person, so that the guard (and not the constraint
        # one_active_assignment, with an IntegrityError) refuses the second of two at once.
        Defendant.objects.select_for_update().filter(pk=defendant.pk).exists()
        if CounselAssignment.objects.filter(
            defendant=defendant, lawyer=lawyer, ended_at__isnull=True
        ).exists():
            raise DomainError(_("该律师已被指派给此人"), field="lawyer")
        assignment = CounselAssignment.objects.create(
            defendant=defendant, lawyer=lawyer, kind=kind, assigned_at=as_of, request=request
        )
        data = {"defendant": defendant.pk, "lawyer": lawyer.pk, "lawyer_name": str(lawyer), "kind": kind}
        if request is not None:
            data["reference"] = request.reference
        record(
            "counsel.assigned",
            actor=acting_user,
            obj=assignment,
            case_id=defendant.case_id,
            data=data,
            occurred_at=as_of,
        )
    return assignment


def do_end_assignment(assignment, *, acting_user, reason, as_of=None) -> CounselAssignment:
    access.check_end_assignment(acting_user, assignment)
    as_of = as_of or clock.now()
    with transaction.atomic():
        ended_at = (
            CounselAssignment.objects.select_for_update()
            .values_list("ended_at", flat=True)
            .get(pk=assignment.pk)
        )
        if ended_at is not None:
            raise DomainError(_("该指派已经结束"), field="assignment")
        if as_of < assignment.assigned_at:
            raise DomainError(_("结束时间不能早于指派时间"), field="as_of")
        assignment.ended_at = as_of
        assignment.save(update_fields=["ended_at"])
        record(
            "counsel.assignment.ended",
            actor=acting_user,
            obj=assignment,
            case_id=assignment.defendant.case_id,
            data={
                "defendant": assignment.defendant_id,
                "lawyer": assignment.lawyer_id,
                "lawyer_name": str(assignment.lawyer),
                "reason": reason,
            },
            occurred_at=as_of,
        )
    return assignment
