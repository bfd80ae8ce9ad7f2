"""`{% agreement_original %}`: the 具结书 original printed from `agreements.document_context(...)` through the one
description in plea/documents.py (the template `plea/agreement_document.html` is only this tag)."""

from django import template
from django.utils.safestring import mark_safe

from leniency.documents.render import document_html
from leniency.plea.documents import agreement_document

register = template.Library()


@register.simple_tag(takes_context=True)
def agreement_original(context):
    """The archived original: the full ID number (it is kept, not shown) and empty signature boxes."""
    return mark_safe(document_html(agreement_document(context.flatten(), show_identity=True)))
