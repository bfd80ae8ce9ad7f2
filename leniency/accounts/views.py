from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from leniency.cases.access import visible_cases, visible_defendants
from leniency.cases.tasks import tasks_for


@login_required
def home(request):
    """The role's home page: my cases and my tasks."""
    user = request.user
    my_cases = visible_cases(user)
    if user.is_prosecution:
        my_cases = my_cases.filter(prosecutor=user)
    context = {
        "my_cases": my_cases.select_related("procuratorate", "court")[:10],
        "case_count": visible_cases(user).count(),
        "defendant_count": visible_defendants(user).count(),
        "tasks": tasks_for(user)[:15],
    }
    return render(request, "accounts/home.html", context)
