"""Roles and what each may do: the one table that maps a role to its capabilities.

Views, forms, templates and the access modules ask for a capability (`has_capability(user, "supervise")`,
`{% if user|can:"calculate" %}`), never for a role. Adding a role means adding it here (to `Role` and to
`ROLE_CAPABILITIES`), to the access matrix (`leniency/tests/access_matrix.py`) and to the pages that are new.

A capability says what the role may do in general; whether a user may act on one case, defendant or report
is decided by the app's `access.py` (the procuratorate of *this* case, the lawyer assigned to *this* client).
A superuser has no capability from this table: the access modules grant superusers what they grant them.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    PROSECUTOR = "prosecutor", _("检察官")
    SUPERVISING_PROSECUTOR = "supervising_prosecutor", _("主管检察官")
    CASE_MANAGER = "case_manager", _("案件管理人员")
    JUDGE = "judge", _("法官")
    COURT_CLERK = "court_clerk", _("立案庭工作人员")
    DUTY_LAWYER = "duty_lawyer", _("值班律师")
    DEFENCE_LAWYER = "defence_lawyer", _("辩护律师")
    LEGAL_AID_OFFICER = "legal_aid_officer", _("法律援助中心工作人员")
    COMMITTEE_MEMBER = "committee_member", _("监督评议委员会委员")
    AUDITOR = "auditor", _("审计员")
    ADMINISTRATOR = "administrator", _("系统管理员")


# Every capability, with what it lets a role do.
CAPABILITIES = {
    "prosecute": "acts for the procuratorate of its cases (notices, recommendations, agreements, requests)",
    "supervise": "a supervising prosecutor: reviews drafts, handles reports routed to the procuratorate",
    "adjudicate": "acts for the court of its cases (reviews voluntariness, decides on recommendations)",
    "defend": "a lawyer: sees and acts for the clients assigned to them only",
    "run_legal_aid": "runs the legal-aid centre of its region: rota, allocations, warnings, claims",
    "sit_on_committee": "a member of the review committee of its region: petitions, escalated reports",
    "read_all": "reads every case, report and register without personal identity numbers (audit)",
    "administer": "administers the platform: assigns committee members, publishes reports",
    "see_region": "sees the cases of its organisation's region (and below)",
    "see_identity": "sees the full ID and phone numbers of the defendants it sees",
    "calculate": "computes sentencing recommendations with the engine (量刑计算)",
    "search_experts": "searches the expert lawyers' database",
    "see_counsel_dashboard": "sees the counsel dashboards of its region",
    "see_counsel_registers": "sees the lawyers' registry, rotas, quality warnings and pay claims",
    "handle_reports": "handles public reports routed to its organisation",
    "propose_typical_cases": "proposes typical cases for publication",
    "review_typical_cases": "reviews, publishes and withdraws typical cases",
    "see_study": "sees the withdrawal study of its procuratorate",
    "see_risk_panel": "sees the early warning of withdrawal on a defendant",
    "register_cases": "案件管理: registers the cases the police transfer (受理) and assigns them to prosecutors",
    "file_court_cases": "立案: files the prosecutions the court receives and assigns their trial judges",
    "watch_trail": "reads the signed head of the audit trail, to keep it outside the prosecution and the courts",
}

_PROSECUTION = {
    "prosecute",
    "see_identity",
    "calculate",
    "search_experts",
    "propose_typical_cases",
    "see_risk_panel",
}
_LAWYER = {"defend", "see_identity", "calculate", "search_experts"}
_READ_ALL = {
    "read_all",
    "see_study",
    "see_risk_panel",
    "search_experts",
    "see_counsel_dashboard",
    "see_counsel_registers",
    "watch_trail",
}

ROLE_CAPABILITIES: dict[str, frozenset[str]] = {
    Role.PROSECUTOR: frozenset(_PROSECUTION),
    Role.SUPERVISING_PROSECUTOR: frozenset(
        _PROSECUTION | {"supervise", "handle_reports", "review_typical_cases", "see_study"}
    ),
    Role.CASE_MANAGER: frozenset({"register_cases", "see_identity"}),
    Role.COURT_CLERK: frozenset({"file_court_cases"}),
    Role.JUDGE: frozenset(
        {"adjudicate", "see_identity", "calculate", "search_experts", "propose_typical_cases"}
    ),
    Role.DUTY_LAWYER: frozenset(_LAWYER),
    Role.DEFENCE_LAWYER: frozenset(_LAWYER),
    Role.LEGAL_AID_OFFICER: frozenset(
        {"run_legal_aid", "see_region", "search_experts", "see_counsel_dashboard", "see_counsel_registers"}
    ),
    Role.COMMITTEE_MEMBER: frozenset(
        {
            "sit_on_committee",
            "see_region",
            "see_counsel_dashboard",
            "handle_reports",
            "propose_typical_cases",
            "review_typical_cases",
            "watch_trail",
        }
    ),
    Role.AUDITOR: frozenset(_READ_ALL),
    Role.ADMINISTRATOR: frozenset(
        _READ_ALL
        | {
            "administer",
            "propose_typical_cases",
            "review_typical_cases",
        }
    ),
}


def capabilities_of(role: str) -> frozenset[str]:
    """The capabilities of `role`; none for an empty or unknown role."""
    return ROLE_CAPABILITIES.get(role, frozenset())


def has_capability(user, capability: str) -> bool:
    """Whether `user` (signed in) holds `capability` through their role. An unknown name is a bug, not a no."""
    if capability not in CAPABILITIES:
        raise ValueError(f"unknown capability {capability!r}; known: {', '.join(sorted(CAPABILITIES))}")
    if user is None or not user.is_authenticated:
        return False
    return capability in capabilities_of(user.role)


def roles_with(capability: str) -> frozenset[str]:
    """The roles holding `capability` (for queries that filter users by what they may do)."""
    if capability not in CAPABILITIES:
        raise ValueError(f"unknown capability {capability!r}")
    return frozenset(role for role, caps in ROLE_CAPABILITIES.items() if capability in caps)
