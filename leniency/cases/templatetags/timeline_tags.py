"""The case page's timeline entries as markup, written here rather than by a template loop: a long case has dozens
of entries, and Django's template engine spent about a sixth of a cold case page's time on their variables and
date filters (issue 21 item 5, bench/case_page.py). The markup is the one the template wrote, escaped the same way
(`format_html`), with the times in the current time zone as the `date` filter gives them."""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.timezone import localtime

register = template.Library()


@register.simple_tag
def timeline_items(entries):
    """One `<li>` per `TimelineEntry` (leniency.audit.timeline), in the order given."""
    return format_html_join("\n    ", "{}", ((_item(entry),) for entry in entries))


def _item(entry):
    moment = localtime(entry.occurred_at)
    defendant_attr = format_html(' data-defendant="{}"', entry.defendant_id) if entry.defendant_id else ""
    badge = format_html('<span class="badge">{}</span> ', entry.defendant) if entry.defendant else ""
    return format_html(
        '<li data-action="{}"{}>\n'
        '      <time datetime="{}">{}</time>\n'
        "      {}<strong>{}</strong> <span>{}</span>\n"
        '      <span class="muted">· {} · #{}</span>\n'
        "    </li>",
        entry.action,
        defendant_attr,
        moment.isoformat(),
        moment.strftime("%Y-%m-%d %H:%M:%S"),
        badge,
        entry.label,
        entry.detail,
        entry.actor,
        entry.seq,
    )
