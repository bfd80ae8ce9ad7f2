"""Who may see the study and the early warning. Object-level access goes through `leniency.cases.access`."""

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from leniency.accounts.capabilities import has_capability
from leniency.accounts.models import Organisation
from leniency.cases.access import visible_defendants
from leniency.errors import Forbidden


def can_see_study(user) -> bool:
    """Supervising prosecutors (their own procuratorate) and auditors; never lawyers, judges or the public."""
    if not user.is_authenticated:
        return False
    return user.is_superuser or has_capability(user, "see_study")


def study_orgs(user) -> QuerySet[Organisation]:
    qs = Organisation.objects.filter(kind=Organisation.Kind.PROCURATORATE)
    if not can_see_study(user):
        return qs.none()
    if user.is_superuser or has_capability(user, "read_all"):
        return qs
    return qs.filter(pk=user.organisation_id) if user.organisation_id else qs.none()


def has_panel_role(user) -> bool:
    """The early warning is the procuratorate's working tool: its prosecutors, supervisors and auditors."""
    return user.is_authenticated and (user.is_superuser or has_capability(user, "see_risk_panel"))


def can_see_panel(user, defendant) -> bool:
    if not has_panel_role(user):
        return False
    return visible_defendants(user).filter(pk=defendant.pk).exists()


def can_record_letter(user, defendant) -> bool:
    return (
        user.is_authenticated
        and user.is_prosecution
        and visible_defendants(user).filter(pk=defendant.pk).exists()
    )


def check_record_letter(user, defendant) -> None:
    """The procuratorate explains its recommendation to the defendant (释法说理), so it records the delivery."""
    if not can_record_letter(user, defendant):
        raise Forbidden(_("只有本案检察院的检察官可以记录释法说理书送达"))


def check_import_study_records(user, organisation) -> None:
    """A procuratorate's historical records are loaded by those who may read its study: its supervising
    prosecutors (their own procuratorate) and auditors. `user` None is the command line, run by the operator of
    the installation (`leniency study import`), as the study itself is."""
    if user is None:
        return
    if not study_orgs(user).filter(pk=organisation.pk).exists():
        raise Forbidden(_("只有本院的主管检察官（或审计人员）可以导入本院的研究数据"))
