"""PDF documents from Django templates, with WeasyPrint and the Noto CJK fonts installed from Debian."""

from django.template.loader import render_to_string
from weasyprint import HTML


def render_pdf(template_name: str, context: dict, *, request=None) -> bytes:
    """Render an HTML template to PDF bytes. The template should extend "documents/base.html"."""
    html = render_to_string(template_name, context, request=request)
    return HTML(string=html, base_url=None).write_pdf()
