"""Statutory time limits (办案期限) of each stage, computed from the date the stage's authority received the case
and the procedure, with the extensions whoever approved them recorded (`do_extend_deadline`).

Periods follow CPL art. 105: the first day is not counted; a period in months ends on the same day of the last
month (the month's last day when it has no such day); a period whose last day is a holiday ends on the next
working day (`leniency.workdays`, the official calendar with its 调休 days).
"""

import calendar as _calendar
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from leniency import clock
from leniency.audit.trail import record
from leniency.errors import DomainError
from leniency.workdays import is_working_day

from . import access
from .models import DeadlineExtension, Defendant
from .stages import Procedure, Stage

Kind = DeadlineExtension.Kind


@dataclass(frozen=True)
class Period:
    months: int = 0
    days: int = 0


def add_period(start: date, period: Period) -> date:
    """The last day of `period` counted from `start` (the first day not counted), before CPL 105's holiday rule."""
    year, month = divmod(start.month - 1 + period.months, 12)
    year, month = start.year + year, month + 1
    day = min(start.day, _calendar.monthrange(year, month)[1])
    return date(year, month, day) + timedelta(days=period.days)


def next_working_day(day: date) -> date:
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


# The base period of each stage by procedure, with its article; and what each extension makes it.
REVIEW = (Period(months=1), "刑事诉讼法第172条")
REVIEW_EXPEDITED = (Period(days=10), "刑事诉讼法第172条")
TRIAL = {
    Procedure.EXPEDITED: (Period(days=10), "刑事诉讼法第225条"),
    Procedure.SUMMARY: (Period(days=20), "刑事诉讼法第220条"),
    Procedure.ORDINARY: (Period(months=2), "刑事诉讼法第208条"),
}
APPEAL_WINDOW = (Period(days=10), "刑事诉讼法第230条")
APPEAL = (Period(months=2), "刑事诉讼法第243条")

# extension kind -> (the stage it applies to, the procedures it applies to (None: any), the new total period)
EXTENSIONS = {
    Kind.REVIEW_MAJOR: (Stage.PROSECUTION_REVIEW, None, None),  # + 15 days on the base
    Kind.EXPEDITED_LONG: (None, {Procedure.EXPEDITED}, Period(days=15)),
    Kind.SUMMARY_LONG: (Stage.FIRST_INSTANCE, {Procedure.SUMMARY}, Period(months=1, days=15)),
    Kind.TRIAL_THIRD_MONTH: (Stage.FIRST_INSTANCE, {Procedure.ORDINARY, ""}, Period(months=3)),
    Kind.APPEAL_EXTENSION: (Stage.APPEAL, None, Period(months=4)),
}

NEXT_ACTION = {
    Stage.PROSECUTION_REVIEW: gettext_lazy("作出起诉或者不起诉决定"),
    Stage.FIRST_INSTANCE: gettext_lazy("宣判"),
    Stage.JUDGMENT: gettext_lazy("上诉、抗诉期限届满"),
    Stage.APPEAL: gettext_lazy("作出二审裁判"),
}


@dataclass(frozen=True)
class Deadline:
    stage: str
    start: date
    due: date
    article: str
    extended: tuple[str, ...] = ()

    def days_left(self, today: date) -> int:
        return (self.due - today).days

    @property
    def next_action(self) -> str:
        return str(NEXT_ACTION.get(self.stage, ""))


def _start(defendant: Defendant) -> date:
    """The day the stage's authority received the case: the court's filing for trial and appeal, the stage's
    first day otherwise."""
    case = defendant.case
    if defendant.stage in (Stage.FIRST_INSTANCE, Stage.APPEAL) and case.court_filed_on:
        return max(case.court_filed_on, defendant.stage_since)
    return defendant.stage_since


def _current_extensions(defendant: Defendant, extensions=None) -> list[str]:
    if extensions is None:
        extensions = defendant.deadline_extensions.all()
    return [
        e.kind for e in extensions if e.stage == defendant.stage and e.approved_on >= defendant.stage_since
    ]


def deadline_for(defendant: Defendant, extensions=None) -> Deadline | None:
    """The statutory time limit of the defendant's current stage, or None for a stage without one."""
    stage, procedure = defendant.stage, defendant.procedure or ""
    if stage == Stage.PROSECUTION_REVIEW:
        period, article = REVIEW_EXPEDITED if procedure == Procedure.EXPEDITED else REVIEW
    elif stage == Stage.FIRST_INSTANCE:
        period, article = TRIAL.get(procedure, TRIAL[Procedure.ORDINARY])
    elif stage == Stage.JUDGMENT:
        period, article = APPEAL_WINDOW
    elif stage == Stage.APPEAL:
        period, article = APPEAL
    else:
        return None
    kinds = _current_extensions(defendant, extensions)
    for kind in kinds:
        _stage, _procedures, total = EXTENSIONS[kind]
        if kind == Kind.REVIEW_MAJOR:
            period = Period(period.months, period.days + 15)
        elif total is not None:
            period = total
    start = _start(defendant)
    return Deadline(stage, start, next_working_day(add_period(start, period)), article, tuple(kinds))


def do_extend_deadline(defendant: Defendant, *, kind: str, acting_user, approved_on: date | None = None):
    """Record an extension of the current stage's time limit by the one who approved it (audited)."""
    access.check_extend_deadline(acting_user, defendant, kind=kind)
    if kind not in EXTENSIONS:
        raise DomainError(_("未知的延长事由：%(value)s") % {"value": kind}, field="kind")
    stage, procedures, _total = EXTENSIONS[kind]
    procedure = defendant.procedure or ""
    if (stage is not None and defendant.stage != stage) or (
        procedures is not None and procedure not in procedures
    ):
        raise DomainError(
            _("“%(kind)s”不适用于本阶段或本审理程序") % {"kind": Kind(kind).label}, field="kind"
        )
    if kind == Kind.EXPEDITED_LONG and defendant.stage not in (
        Stage.PROSECUTION_REVIEW,
        Stage.FIRST_INSTANCE,
    ):
        raise DomainError(_("速裁期限只适用于审查起诉和一审（刑事诉讼法第172条、第225条）"), field="kind")
    approved_on = approved_on or clock.today()
    if approved_on < defendant.stage_since:
        raise DomainError(_("批准日期不能早于进入本阶段的日期"), field="approved_on")
    if kind in _current_extensions(defendant):
        raise DomainError(_("本阶段已经延长过：%(kind)s") % {"kind": Kind(kind).label}, field="kind")
    with transaction.atomic():
        extension = DeadlineExtension.objects.create(
            defendant=defendant,
            stage=defendant.stage,
            kind=kind,
            approved_by=acting_user,
            approved_on=approved_on,
        )
        record(
            "defendant.deadline.extended",
            actor=acting_user,
            obj=defendant,
            case_id=defendant.case_id,
            data={
                "defendant": defendant.pk,
                "stage": defendant.stage,
                "kind": kind,
                "approved_on": approved_on,
            },
        )
    return extension
