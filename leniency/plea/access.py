"""Who may do what in the plea process. Seeing anything goes through `visible_defendants` first (a lawyer
sees only their own clients); these checks decide the actions on a defendant the user can already see."""

from django.utils.translation import gettext as _

from leniency.cases import access as case_access
from leniency.cases.access import visible_defendants
from leniency.cases.stages import COURT_STAGES, Stage
from leniency.errors import Forbidden


def is_case_prosecutor(user, defendant) -> bool:
    return bool(
        user.is_authenticated
        and user.is_prosecution
        and defendant.case.procuratorate_id == user.organisation_id
    )


def is_case_judge(user, defendant) -> bool:
    """The judge the court's filing assigned to the case, not any judge of the court."""
    return case_access.is_case_judge(user, defendant.case)


is_assigned_lawyer = case_access.is_assigned_lawyer


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


# Permission to take each action, checked once inside its `do_*` service (and by the page that offers it):
# failing one is a 403 (`Forbidden`) naming the legal reason.
def check_record_notice(user, defendant) -> None:
    if not can_record_notice(user, defendant):
        raise Forbidden(_("权利告知由本案检察院（刑事诉讼法第173条第2款）或审判法院（第190条第2款）记录"))


def check_generate_agreement(user, defendant) -> None:
    if not can_manage_agreement(user, defendant):
        raise Forbidden(_("只有承办检察院的检察官可以在审判前或一审中制作具结书（刑事诉讼法第174条）"))


def check_record_defendant_signature(user, defendant) -> None:
    """The defendant has no account: the case's prosecutor records the signature as captured in the room."""
    if not can_manage_agreement(user, defendant):
        raise Forbidden(_("只有承办检察院的检察官可以当面记录犯罪嫌疑人的签名"))


def check_attest_as_lawyer(user, defendant) -> None:
    """Only the lawyer assigned to this defendant, on their own account — never the prosecutor for them."""
    if not can_sign_as_lawyer(user, defendant):
        raise Forbidden(
            _(
                "律师在场确认只能由被指派给该犯罪嫌疑人的辩护人或值班律师本人以自己的账号作出"
                "（刑事诉讼法第174条第1款）"
            )
        )


def check_sign_as_prosecutor(user, defendant) -> None:
    if not can_manage_agreement(user, defendant):
        raise Forbidden(_("只有承办检察院的检察官可以以检察官身份签名"))


def check_record_review(user, defendant) -> None:
    if not is_case_judge(user, defendant):
        raise Forbidden(_("只有审理本案的法官可以进行自愿性审查（刑事诉讼法第190条第2款）"))
    if not can_review(user, defendant):
        raise Forbidden(_("案件尚未进入审判阶段，不能进行自愿性审查"))


def check_resolve_item(user, defendant) -> None:
    if not can_review(user, defendant):
        raise Forbidden(_("只有审理本案的法官可以处理审查事项"))


def check_record_withdrawal(user, defendant) -> None:
    if not can_record_withdrawal(user, defendant):
        raise Forbidden(_("只有本案检察院或审判法院可以记录反悔"))
