"""`{% recordings_of defendant as recordings %}`: a defendant's recordings on the case page, from the plea records
the page loads once for every panel (the plea story shows the same rows), not a query of their own."""

from django import template

from leniency.plea.templatetags.plea_tags import page_plea_records

register = template.Library()


@register.simple_tag(takes_context=True)
def recordings_of(context, defendant) -> list:
    return page_plea_records(context, [defendant])[defendant.pk].recordings
