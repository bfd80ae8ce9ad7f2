"""The case page's plea story is written by a tag (plea_story_items, issue 21 item 5): the markup the template loop
wrote, escaped the same way, with the day in Shanghai."""

from datetime import UTC, datetime

from django.template import Context, Template

from leniency.plea.story import Entry

# The plea panel's loop before the tag.
LOOP = Template(
    '{% load day_format %}{% for e in entries %}<li class="{% if e.warn %}warn{% endif %}" data-kind="{{ e.kind }}">'
    '<time>{{ e.when|day }}</time><a href="{{ e.url }}">{{ e.title }}</a> <span class="muted">{{ e.detail }}</span>'
    "</li>{% endfor %}"
)
TAG = Template("{% load plea_story %}{% plea_story_items entries %}")

ENTRIES = [
    Entry(
        datetime(2026, 9, 1, 16, 30, tzinfo=UTC),
        "notice",
        "权利告知（检察院）",
        "已确认知悉 · 书面",
        "/plea/notices/1/",
    ),
    Entry(
        datetime(2026, 9, 1, 15, 0, tzinfo=UTC),
        "withdrawal",
        '反悔：<script>alert("t")</script>',
        "王&某 <b>签名</b>",
        "/plea/withdrawals/2/?a=1&b=2",
        warn=True,
    ),
]


def test_the_tag_writes_what_the_loop_wrote():
    context = {"entries": ENTRIES}
    tag = TAG.render(Context(context))
    assert tag == LOOP.render(Context(context))
    assert (
        "<time>2026-09-02</time>" in tag and "<time>2026-09-01</time>" in tag
    )  # 16:30 UTC is the 2nd in Shanghai
    assert "&lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt;" in tag and "<script>" not in tag
    assert '<li class="warn" data-kind="withdrawal">' in tag and "?a=1&amp;b=2" in tag


def test_no_entries_write_nothing():
    assert TAG.render(Context({"entries": []})) == ""
