"""The case page's timeline entries as markup, written here rather than by a template loop: a long case has dozens
of entries, and Django's template engine spent about a sixth of a cold case page's time on their variables and
date filters (issue 21 item 5, bench/case_page.py). The markup is the one the template wrote, escaped the same way,
with the times in the current time zone as the `date` filter gives them.

Each entry is one f-string whose every value goes through `html_text`, which is `conditional_escape` without its
wrappers (the standard library's `html.escape`, which Django's `escape` calls, or the value's own `__html__`):
`format_html`, three a row, cost about 25 µs an entry, a millisecond on a page of 40 entries (issue 21 item 5)."""

from html import escape

from django import template
from django.utils import timezone
from django.utils.safestring import mark_safe

register = template.Library()


def html_text(value) -> str:
    """`value` as HTML: its own markup if it is safe (`__html__`), else escaped, as `conditional_escape` does."""
    return value.__html__() if hasattr(value, "__html__") else escape(str(value))


@register.simple_tag
def timeline_items(entries):
    """One `<li>` per `TimelineEntry` (leniency.audit.timeline), in the order given."""
    zone = timezone.get_current_timezone()
    items = []
    for entry in entries:
        moment = entry.occurred_at.astimezone(zone)
        defendant_attr = f' data-defendant="{html_text(entry.defendant_id)}"' if entry.defendant_id else ""
        badge = f'<span class="badge">{html_text(entry.defendant)}</span> ' if entry.defendant else ""
        items.append(
            f'<li data-action="{html_text(entry.action)}"{defendant_attr}>\n'
            f'      <time datetime="{moment.isoformat()}">{moment:%Y-%m-%d %H:%M:%S}</time>\n'
            f"      {badge}<strong>{html_text(entry.label)}</strong> <span>{html_text(entry.detail)}</span>\n"
            f'      <span class="muted">· {html_text(entry.actor)} · #{html_text(entry.seq)}</span>\n'
            "    </li>"
        )
    # Every value above went through html_text: the markup is the tag's own.
    return mark_safe("\n    ".join(items))
