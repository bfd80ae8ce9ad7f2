from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from leniency.audit.trail import record
from leniency.errors import DomainError

from .models import CounselAssignment


def do_assign_counsel(defendant, *, lawyer, kind, acting_user, as_of=None) -> CounselAssignment:
    if not lawyer.is_lawyer:
        raise DomainError(_("%(user)s 不是律师，不能被指派") % {"user": lawyer}, field="lawyer")
    as_of = as_of or timezone.now()
    with transaction.atomic():
        if CounselAssignment.objects.filter(defendant=defendant, lawyer=lawyer, ended_at__isnull=True).exists():
            raise DomainError(_("该律师已被指派给此人"), field="lawyer")
        assignment = CounselAssignment.objects.create(defendant=defendant, lawyer=lawyer, kind=kind, assigned_at=as_of)
        record(
            "counsel.assigned",
            actor=acting_user,
            obj=assignment,
            case_id=defendant.case_id,
            data={"defendant": defendant.pk, "lawyer": lawyer.pk, "lawyer_name": str(lawyer), "kind": kind},
            occurred_at=as_of,
        )
    return assignment
