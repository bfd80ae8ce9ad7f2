"""The role's home page (工作台): my cases and my tasks. It lives with the cases it lists, above accounts."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from .access import visible_cases, visible_defendants
from .tasks import overdue_summary, tasks_for


@login_required
def home(request):
    """The role's home page: my cases and my tasks."""
    user = request.user
    cases = visible_cases(user)
    my_cases = cases.filter(prosecutor=user) if user.is_prosecution else cases
    tasks = tasks_for(user)
    overdue = overdue_summary(user)
    context = {
        "my_cases": my_cases.select_related("procuratorate", "court")[:10],
        "case_count": cases.count(),
        "defendant_count": visible_defendants(user).count(),
        "tasks": tasks[:15],
        "task_count": len(tasks),
        "overdue_case_count": overdue.cases,
        "overdue_by_organisation": overdue.by_organisation,
    }
    return render(request, "cases/home.html", context)
