"""Several workers, one schedule: each slot of a periodic job is claimed by one worker in the database, so the
job runs once per slot however many workers look at the same moment (issue 21 item 3)."""

from datetime import datetime, timedelta

import pytest
from django.db.models import QuerySet
from django.utils import timezone

from leniency.jobs.models import Job, ScheduledRun
from leniency.jobs.schedule import PERIODIC, claim, slot_of, start_due
from leniency.testing.concurrency import at_once

MONDAY_10_02 = timezone.make_aware(datetime(2026, 12, 7, 10, 2))


def test_slots_start_at_local_quarter_hours_and_local_midnight():
    quarter, day = PERIODIC[Job.Kind.COUNSEL_ESCALATE], PERIODIC[Job.Kind.OVERSIGHT_ESCALATE]
    assert slot_of(MONDAY_10_02, quarter) == timezone.make_aware(datetime(2026, 12, 7, 10, 0))
    assert slot_of(MONDAY_10_02 + timedelta(minutes=13), quarter) == timezone.make_aware(
        datetime(2026, 12, 7, 10, 15)
    )
    # 01:30 in Beijing is still the previous day in UTC: the daily slot is the local day's.
    assert slot_of(timezone.make_aware(datetime(2026, 12, 8, 1, 30)), day) == timezone.make_aware(
        datetime(2026, 12, 8)
    )


@pytest.mark.django_db(transaction=True)
def test_two_workers_schedulers_at_the_same_moment_start_each_slot_once():
    # Each worker's scheduler in its own thread and database connection, released together (on PostgreSQL they
    # race; on SQLite in memory they take turns, see leniency/testing/concurrency.py).
    def scheduler(i):
        return [job.kind for job in start_due(MONDAY_10_02, worker_id=f"worker-{i}")]

    outcomes = at_once(scheduler, n=2)
    assert [o.error for o in outcomes] == [None, None]
    started = sorted(kind for o in outcomes for kind in o.value)
    assert started == sorted([Job.Kind.COUNSEL_ESCALATE, Job.Kind.OVERSIGHT_ESCALATE])
    # The next quarter-hour: four workers, still one run.
    outcomes = at_once(
        lambda i: start_due(MONDAY_10_02 + timedelta(minutes=15), worker_id=f"worker-{i}"), n=4
    )
    assert [o.error for o in outcomes] == [None] * 4
    assert sum(len(o.value) for o in outcomes) == 1

    runs = list(ScheduledRun.objects.order_by("kind", "slot").values_list("kind", "slot"))
    assert runs == [
        (Job.Kind.COUNSEL_ESCALATE, timezone.make_aware(datetime(2026, 12, 7, 10, 0))),
        (Job.Kind.COUNSEL_ESCALATE, timezone.make_aware(datetime(2026, 12, 7, 10, 15))),
        (Job.Kind.OVERSIGHT_ESCALATE, timezone.make_aware(datetime(2026, 12, 7))),
    ]
    assert Job.objects.count() == 3
    assert set(ScheduledRun.objects.values_list("job__kind", flat=True)) == set(PERIODIC)


def test_a_slot_another_worker_claims_between_the_look_and_the_insert_is_not_started_twice(db, monkeypatch):
    """The race itself, made certain: the other worker's row lands just after this worker looked and saw none.
    The unique (kind, slot) refuses this worker's row, its job is rolled back with it, and it starts nothing."""
    slot = slot_of(MONDAY_10_02, PERIODIC[Job.Kind.COUNSEL_ESCALATE])
    real_exists = QuerySet.exists

    def look_then_lose(self):
        seen = real_exists(self)
        if self.model is ScheduledRun:
            ScheduledRun.objects.create(kind=Job.Kind.COUNSEL_ESCALATE, slot=slot, worker_id="other")
        return seen

    monkeypatch.setattr(QuerySet, "exists", look_then_lose)
    assert claim(Job.Kind.COUNSEL_ESCALATE, slot, "this") is None
    monkeypatch.undo()
    assert list(ScheduledRun.objects.values_list("worker_id", "job")) == [("other", None)]
    assert not Job.objects.exists()


def test_the_operations_page_shows_each_periodic_jobs_last_run(client, world):
    from leniency.jobs.tasks import execute

    (counsel,) = [j for j in start_due(MONDAY_10_02) if j.kind == Job.Kind.COUNSEL_ESCALATE]
    execute(counsel.pk)
    client.force_login(world.admin)
    page = client.get("/jobs/operations/").content.decode()
    assert f"/jobs/{counsel.pk}/" in page and "个指派超过响应时限" in page
    assert timezone.localtime(Job.objects.get(pk=counsel.pk).created_at).strftime("%Y-%m-%d %H:%M") in page
