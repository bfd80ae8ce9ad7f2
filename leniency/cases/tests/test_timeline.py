"""The case timeline names the defendant each event concerns and shows one defendant's events on request
(issue 17 item 7)."""

import re

from django.urls import reverse

from leniency.audit.timeline import case_timeline
from leniency.testing.personas import PASSWORD


def test_each_event_names_its_defendant_and_one_defendants_view_keeps_the_cases_own(world):
    names = {world.defendant.pk: world.defendant.name, world.co_defendant.pk: world.co_defendant.name}
    everything = case_timeline(world.case, defendant_names=names)
    mine = [e for e in everything if e.defendant_id == world.defendant.pk]
    assert mine and all(e.defendant == world.defendant.name for e in mine)
    assert any(e.defendant_id is None and e.defendant == "" for e in everything)  # the case's own events

    only_co = case_timeline(world.case, defendant_names=names, only=world.co_defendant.pk)
    assert world.defendant.pk not in {e.defendant_id for e in only_co}
    assert {e.seq for e in only_co} == {
        e.seq for e in everything if e.defendant_id in (None, world.co_defendant.pk)
    }


def _timeline_defendants(page: str) -> set[int]:
    timeline = page[page.index('<ol class="timeline">') :]
    return {int(pk) for pk in re.findall(r'<li data-action="[^"]+" data-defendant="(\d+)"', timeline)}


def test_the_case_page_names_the_defendant_and_filters_by_one(client, world):
    client.login(username=world.prosecutor.username, password=PASSWORD)
    url = reverse("case_detail", args=[world.case.pk])
    page = client.get(url).content.decode()
    assert world.defendant.pk in _timeline_defendants(page)
    assert f'<span class="badge">{world.defendant.name}</span>' in page
    assert f"?timeline={world.co_defendant.pk}#timeline" in page

    filtered = _timeline_defendants(client.get(url, {"timeline": world.co_defendant.pk}).content.decode())
    assert filtered == {world.co_defendant.pk}
    # Not a defendant of this case: the whole timeline, not an empty one.
    assert world.defendant.pk in _timeline_defendants(
        client.get(url, {"timeline": "999999"}).content.decode()
    )


def test_timeline_items_escape_what_events_carry_and_show_shanghai_time():
    """The timeline's markup is written in Python (timeline_tags, for the page's cost): what an event carries is
    escaped as the template escaped it, and the time is the local one, as the `date` filter gave it."""
    from datetime import UTC, datetime

    from leniency.audit.timeline import TimelineEntry
    from leniency.cases.templatetags.timeline_tags import timeline_items

    entry = TimelineEntry(
        seq=7,
        occurred_at=datetime(2026, 9, 1, 16, 30, 5, tzinfo=UTC),
        actor="<b>检察官</b>",
        action="case.opened",
        label="立案受理",
        detail='<script>alert("x")</script>',
        defendant_id=3,
        defendant="王&某",
    )
    html = str(timeline_items([entry]))
    assert '<li data-action="case.opened" data-defendant="3">' in html
    assert '<time datetime="2026-09-02T00:30:05+08:00">2026-09-02 00:30:05</time>' in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html and "<script>" not in html
    assert '<span class="badge">王&amp;某</span>' in html and "&lt;b&gt;检察官&lt;/b&gt; · #7" in html
    case_own = TimelineEntry(7, entry.occurred_at, "a", "case.opened", "l", "d")
    assert "data-defendant" not in str(timeline_items([case_own]))
