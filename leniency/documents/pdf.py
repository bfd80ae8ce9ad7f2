"""Stand-alone HTML and PDF documents from Django templates, with WeasyPrint and the Noto CJK fonts installed from Debian."""

from functools import cache
from pathlib import Path

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

DOCUMENT_CSS = "leniency/documents.css"  # one set of rules for a document printed here and shown as a page


@cache
def document_css() -> str:
    return mark_safe(Path(finders.find(DOCUMENT_CSS)).read_text(encoding="utf-8"))


def render_document(template_name: str, context: dict, *, request=None) -> str:
    """A stand-alone HTML document (one that extends "documents/base.html") with its rules inlined."""
    return render_to_string(template_name, {**context, "document_css": document_css()}, request=request)


def render_pdf(template_name: str, context: dict, *, request=None) -> bytes:
    """Render an HTML template to PDF bytes. The template should extend "documents/base.html"."""
    # imported here, not above: it costs a third of a second to every process that never prints
    from weasyprint import HTML

    return HTML(string=render_document(template_name, context, request=request), base_url=None).write_pdf()
