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
