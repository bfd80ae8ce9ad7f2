from django import template

register = template.Library()


@register.filter
def pct(value, digits=1):
    """0.1234 → "12.3%"; None → ""."""
    if value is None or value == "":
        return ""
    return f"{float(value) * 100:.{int(digits)}f}%"


@register.filter
def signed_pct(value):
    if value is None:
        return ""
    return f"{float(value):+.1f}%"
