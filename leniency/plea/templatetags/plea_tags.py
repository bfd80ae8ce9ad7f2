from django import template

from leniency.plea.access import actions_for
from leniency.plea.state import current_agreement
from leniency.plea.story import status_line, story

register = template.Library()


@register.simple_tag
def plea_panel(defendant, user):
    status, warn = status_line(defendant)
    return {"status": status, "warn": warn, "entries": story(defendant), "can": actions_for(user, defendant),
            "agreement": current_agreement(defendant)}


@register.simple_tag
def recordings_for(grouped, session):
    return grouped.get(session, [])
