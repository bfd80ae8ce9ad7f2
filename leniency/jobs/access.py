"""Who may start, follow and cancel background jobs: the platform's administrators (`administer`)."""

from django.utils.translation import gettext as _

from leniency.accounts.capabilities import has_capability
from leniency.errors import Forbidden


def can_run_jobs(user) -> bool:
    return has_capability(user, "administer")


def check_start_job(user) -> None:
    """`user` None is the operator on the command line or the worker's schedule."""
    if user is not None and not can_run_jobs(user):
        raise Forbidden(_("只有系统管理员可以启动后台任务"))


def check_cancel_job(user, job) -> None:
    if user is not None and not can_run_jobs(user):
        raise Forbidden(_("只有系统管理员可以取消后台任务"))
