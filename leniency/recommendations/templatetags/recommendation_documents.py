"""`{% letter_printed letter %}`: the 释法说理书 printed through its one description (documents.letter_document);
the template `recommendations/letter_pdf.html` is only this tag."""

from django import template
from django.utils.safestring import mark_safe

from leniency.documents.render import document_html
from leniency.recommendations.documents import letter_document

register = template.Library()


@register.simple_tag
def letter_printed(letter):
    return mark_safe(document_html(letter_document(letter)))
