"""The checklist's evidence on the review pages (`evidence.checklist_evidence`), loaded once per page."""

from django import template

from leniency.plea.checklist import CHECKLIST
from leniency.plea.evidence import checklist_evidence

register = template.Library()


@register.simple_tag
def evidence_for(defendant):
    return checklist_evidence(defendant, CHECKLIST)


@register.filter
def item_of(evidence, key):
    return evidence.get(key)
