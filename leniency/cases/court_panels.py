"""The panel (合议庭) a court's filing forms for a case (CPL art. 183): its presiding judge (the case's `judge`) and
members, or a single judge (独任审判) where the basic court may try the case alone. Only the current panel's
judges act on the case (`access.is_case_judge`); a new filing after an appeal or a remand ends the old panel.
Not the case page's panel registry (`panels.py`)."""

from datetime import date

from django.utils.translation import gettext as _

from leniency.accounts.capabilities import has_capability
from leniency.errors import DomainError

from .jurisdiction import basic_court
from .models import Case, PanelMember


def check_panel(case: Case, presiding, members) -> list:
    """The judges of the panel, presiding first, once each; a panel the law does not allow is refused naming the
    paragraph of CPL art. 183 (and art. 239 for a judge who sat before a remand)."""
    from .judgments import check_new_panel  # judgments builds on services, which calls this

    judges = [presiding]
    for member in members:
        if member.pk == presiding.pk or any(member.pk == j.pk for j in judges):
            continue
        if not (has_capability(member, "adjudicate") and member.organisation_id == case.court_id):
            raise DomainError(_("%(name)s 不是本院法官") % {"name": member}, field="members")
        judges.append(member)
    for judge in judges:
        check_new_panel(case, judge)
    size = len(judges)
    if case.appealed_on is not None:
        if size not in (3, 5):
            raise DomainError(
                _("人民法院审判上诉和抗诉案件，由审判员三人或者五人组成合议庭进行（刑事诉讼法第183条第4款）"),
                field="members",
            )
        return judges
    if size == 1:
        basic = basic_court(case)
        if basic is None or basic.pk != case.court_id:
            raise DomainError(
                _(
                    "只有基层人民法院适用简易程序、速裁程序的案件可以由审判员一人独任审判（刑事诉讼法第183条第1款）"
                ),
                field="members",
            )
        return judges
    if size % 2 == 0 or size > 7:
        raise DomainError(
            _("合议庭由三人至七人组成，成员人数应当是单数（刑事诉讼法第183条）"), field="members"
        )
    return judges


def form_panel(case: Case, judges: list, *, on: date) -> None:
    """End the case's previous panel and seat `judges` (presiding first); inside the filing's transaction."""
    PanelMember.objects.filter(case=case, ended_on__isnull=True).update(ended_on=on)
    PanelMember.objects.bulk_create(
        PanelMember(case=case, court_id=case.court_id, judge=judge, presiding=(i == 0), assigned_on=on)
        for i, judge in enumerate(judges)
    )


def current_panel(case: Case) -> list[PanelMember]:
    if case.court_filed_on is None:
        return []
    return list(
        PanelMember.objects.filter(case=case, court_id=case.court_id, ended_on__isnull=True).select_related(
            "judge"
        )
    )


def sits_on_panel(user, case: Case) -> bool:
    """Whether `user` is a judge of the case's current panel (one query)."""
    return (
        case.court_filed_on is not None
        and PanelMember.objects.filter(
            case_id=case.pk, court_id=case.court_id, judge_id=user.pk, ended_on__isnull=True
        ).exists()
    )


def single_judge(case: Case) -> bool:
    panel = current_panel(case)
    return len(panel) == 1
