"""What apps above recommendations hold against a recommendation, asked through functions they register.

The court's decision lives here (`services.do_court_decision`), but what stands in the way of adopting the
recommendation — the 具结书, its signatures, the voluntariness review, a withdrawal — belongs to the plea app,
which sits above this one. So the plea app registers its rules in `AppConfig.ready()`, the way apps register
their audit actions (`leniency.audit.timeline.register_action`), and this app imports no app above it. With
nothing registered (the plea app not installed) nothing blocks and no agreement binds.
"""

from __future__ import annotations

from collections.abc import Callable

# defendant -> Chinese reasons the court may not adopt the recommendation yet ([] when nothing stands in the way)
_ADOPTION_BLOCKERS: list[Callable[[object], list[str]]] = []
# recommendation -> whether a 具结书 signed by everyone rests on it
_AGREEMENT_CHECKS: list[Callable[[object], bool]] = []
# supervising prosecutor -> warnings about their procuratorate's prosecutors (the oversight app's pressure patterns)
_SUPERVISOR_WARNINGS: list[Callable[[object], list]] = []


def register_adoption_blockers(blockers: Callable[[object], list[str]]) -> None:
    """Add a rule the court's adoption must pass (CPL art. 201). Call it from the app's `AppConfig.ready()`."""
    if blockers not in _ADOPTION_BLOCKERS:
        _ADOPTION_BLOCKERS.append(blockers)


def register_signed_agreement(check: Callable[[object], bool]) -> None:
    """Say whether a signed 具结书 rests on a recommendation. Call it from the app's `AppConfig.ready()`."""
    if check not in _AGREEMENT_CHECKS:
        _AGREEMENT_CHECKS.append(check)


def register_supervisor_warnings(warnings: Callable[[object], list]) -> None:
    """Add warnings the supervisor's review queue shows. Call it from the app's `AppConfig.ready()`."""
    if warnings not in _SUPERVISOR_WARNINGS:
        _SUPERVISOR_WARNINGS.append(warnings)


def supervisor_warnings(user) -> list:
    return [warning for warnings in _SUPERVISOR_WARNINGS for warning in warnings(user)]


def adoption_blockers(defendant) -> list[str]:
    return [reason for blockers in _ADOPTION_BLOCKERS for reason in blockers(defendant)]


def has_signed_agreement(rec) -> bool:
    return any(check(rec) for check in _AGREEMENT_CHECKS)
