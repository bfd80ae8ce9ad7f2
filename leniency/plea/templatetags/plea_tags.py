from django import template

from leniency.cases.case_page import page_batch, page_rows
from leniency.plea.access import actions_for
from leniency.plea.next_step import next_step
from leniency.plea.state import current_agreement_among
from leniency.plea.story import load_records, status_line, story
from leniency.recommendations.templatetags.recommendation_tags import page_rounds

register = template.Library()


@register.simple_tag(takes_context=True)
def plea_panel(context, defendant, user):
    return page_batch(
        context,
        "plea",
        defendant,
        lambda defendants: plea_panels(
            defendants, user, page_plea_records(context, defendants), page_rounds(context, defendants)
        ),
    )


def page_plea_records(context, defendants) -> dict:
    """`story.load_records` of the case page's defendants, loaded once for every panel that reads them."""
    return page_rows(context, "plea.records", defendants, lambda shown: load_records([d.pk for d in shown]))


def plea_panels(defendants, user, records: dict, rounds: dict) -> dict[int, dict]:
    """The panels of several defendants over one load of their plea records and recommendation rounds."""
    panels = {}
    for defendant in defendants:
        status, warn = status_line(defendant, records[defendant.pk], rounds[defendant.pk])
        panels[defendant.pk] = {
            "status": status,
            "warn": warn,
            "entries": story(defendant, records[defendant.pk]),
            "next": next_step(defendant, records[defendant.pk], rounds[defendant.pk]),
            "can": actions_for(user, defendant),
            "agreement": current_agreement_among(records[defendant.pk].agreements),
        }
    return panels


@register.simple_tag
def recordings_for(grouped, session):
    return grouped.get(session, [])
