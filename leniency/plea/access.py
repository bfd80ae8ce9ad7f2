"""Who may do what in the plea process. Seeing anything goes through `visible_defendants` first (a lawyer
sees only their own clients); these checks decide the actions on a defendant the user can already see."""

from leniency.accounts.models import Role
from leniency.cases.access import visible_defendants
from leniency.cases.stages import COURT_STAGES, Stage


def is_case_prosecutor(user, defendant) -> bool:
    return bool(
        user.is_authenticated
        and user.is_prosecution
        and defendant.case.procuratorate_id == user.organisation_id
    )


def is_case_judge(user, defendant) -> bool:
    return bool(
        user.is_authenticated
        and user.role == Role.JUDGE
        and defendant.case.court_id
        and defendant.case.court_id == user.organisation_id
    )


def is_assigned_lawyer(user, defendant) -> bool:
    return bool(
        user.is_authenticated
        and user.is_lawyer
        and defendant.counsel_assignments.filter(lawyer=user, ended_at__isnull=True).exists()
    )


def can_see(user, defendant) -> bool:
    return visible_defendants(user).filter(pk=defendant.pk).exists()


def can_record_notice(user, defendant) -> bool:
    """The procuratorate notifies before trial (CPL art. 173 ¶2), the court at trial (art. 190 ¶2)."""
    return is_case_prosecutor(user, defendant) or is_case_judge(user, defendant)


def can_manage_agreement(user, defendant) -> bool:
    """Generating the 具结书, recording the defendant's signature in person, signing as prosecutor."""
    return is_case_prosecutor(user, defendant) and defendant.stage in (
        Stage.INVESTIGATION,
        Stage.PROSECUTION_REVIEW,
        Stage.FIRST_INSTANCE,
    )


def can_sign_as_lawyer(user, defendant) -> bool:
    return is_assigned_lawyer(user, defendant)


def can_review(user, defendant) -> bool:
    return is_case_judge(user, defendant) and defendant.stage in COURT_STAGES


def can_record_withdrawal(user, defendant) -> bool:
    return is_case_prosecutor(user, defendant) or is_case_judge(user, defendant)


def can_upload_recording(user, defendant) -> bool:
    return is_case_prosecutor(user, defendant) or is_case_judge(user, defendant)


def actions_for(user, defendant) -> dict[str, bool]:
    """What `user` may do for `defendant`: the links and forms a page shows."""
    return {
        "notice": can_record_notice(user, defendant),
        "agreement": can_manage_agreement(user, defendant),
        "lawyer_sign": can_sign_as_lawyer(user, defendant),
        "review": can_review(user, defendant),
        "withdraw": can_record_withdrawal(user, defendant),
        "upload": can_upload_recording(user, defendant),
    }
