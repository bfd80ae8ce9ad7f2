"""The plea panel's story on the case page as markup, written here rather than by a template loop, as the case
timeline is (leniency/cases/templatetags/timeline_tags.py): a defendant's story has about seven entries, and the
loop's six variables, its `if` and the date cost about 20 µs an entry, some 8 % of the page's template time
(issue 21 item 5). The markup is the one the loop wrote: every value escaped as the template escaped it
(`html_text`), the day in the current time zone as `|day` gives it."""

from django import template
from django.utils.safestring import mark_safe
from django.utils.timezone import template_localtime

from leniency.cases.templatetags.day_format import day
from leniency.cases.templatetags.timeline_tags import html_text

register = template.Library()


@register.simple_tag
def plea_story_items(entries):
    """One `<li>` per story `Entry` (leniency.plea.story), in the order given."""
    items = [
        f'<li class="{"warn" if e.warn else ""}" data-kind="{html_text(e.kind)}">'
        f"<time>{html_text(day(template_localtime(e.when)))}</time>"
        f'<a href="{html_text(e.url)}">{html_text(e.title)}</a> <span class="muted">{html_text(e.detail)}</span></li>'
        for e in entries
    ]
    # Every value above went through html_text: the markup is the tag's own.
    return mark_safe("".join(items))
