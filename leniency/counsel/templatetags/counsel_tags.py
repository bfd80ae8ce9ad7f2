from django import template

from ..access import can_request_counsel, visible_assignments
from ..models import CounselRequest
from ..participation import figures_for

register = template.Library()


@register.simple_tag
def counsel_panel(defendant, user):
    """What the case page shows about a defendant's lawyers, for this user."""
    if not user.is_authenticated:
        return {"show": False}
    assignments = list(defendant.counsel_assignments.select_related("lawyer").order_by("assigned_at"))
    visible = set(visible_assignments(user).filter(defendant=defendant).values_list("pk", flat=True))
    rows = [{"obj": a, "visible": a.pk in visible, "figures": figures_for(a) if a.pk in visible else None}
            for a in assignments]
    requests = CounselRequest.objects.filter(defendant=defendant, status__in=["open", "unfilled"])
    aided = any(a.ended_at is None for a in assignments)
    return {"show": True, "assignments": rows, "open_requests": requests,
            "can_request": not aided and not requests and can_request_counsel(user, defendant)}
