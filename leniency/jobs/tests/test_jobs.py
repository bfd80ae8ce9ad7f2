"""Background jobs: queued through django-tasks, run by `leniency worker`, with progress, errors and cancel."""

import json
import signal
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from django_tasks.backends.database.models import DBTaskResult

from leniency.corpus.models import Judgment
from leniency.demo.corpus_synth import write
from leniency.errors import DomainError, Forbidden
from leniency.jobs.models import Job
from leniency.jobs.progress import Cancelled, Progress
from leniency.jobs.schedule import beat, start_due
from leniency.jobs.services import do_cancel_job, do_start_job


def _worker():
    call_command("worker", "--batch", "--no-schedule", "--beat", "0", verbosity=0)


# The worker runs the real django-tasks loop: it takes each task in a transaction of its own (BEGIN EXCLUSIVE on
# SQLite) and closes old connections between tasks, which a test's open transaction cannot hold. So the tests
# that run it commit for real, and each flushes every table afterwards (seconds on PostgreSQL): what one worker
# run can show is shown by one test.
@pytest.mark.django_db(transaction=True)
def test_one_worker_run_imports_a_file_fails_a_bad_one_and_skips_a_cancelled_one(world, tmp_path):
    good, bad, dropped = tmp_path / "synthetic.jsonl", tmp_path / "bad.jsonl", tmp_path / "dropped.jsonl"
    write(str(good), 120, 3)
    bad.write_text("not json at all\n" + json.dumps({"fact": ""}) + "\n", encoding="utf-8")
    write(str(dropped), 10, 4)  # another seed: none of its judgments is a duplicate of the good file's
    imported, failed, cancelled = (
        do_start_job(Job.Kind.CORPUS_IMPORT, {"path": str(path), "workers": 0}, acting_user=world.admin)
        for path in (good, bad, dropped)
    )
    assert DBTaskResult.objects.get(id=imported.task_id).status == "READY"
    do_cancel_job(cancelled, acting_user=world.admin)
    _worker()

    imported.refresh_from_db()
    assert imported.status == Job.Status.SUCCEEDED, imported.error
    assert imported.done == imported.total == good.stat().st_size and imported.percent == 100
    assert "导入 120 件" in imported.result
    assert imported.duration is not None and imported.started_by == world.admin
    assert DBTaskResult.objects.get(id=imported.task_id).status == "SUCCEEDED"

    failed.refresh_from_db()
    assert failed.status == Job.Status.FAILED
    assert "文件中没有一件可以导入的判决" in failed.error and "第 1 行" in failed.error
    assert DBTaskResult.objects.get(id=failed.task_id).status == "FAILED"

    cancelled.refresh_from_db()
    assert cancelled.status == Job.Status.CANCELLED and cancelled.started_at is None
    assert Judgment.objects.count() == 120  # the good file's only
    with pytest.raises(DomainError, match="任务已经结束"):
        do_cancel_job(cancelled, acting_user=world.admin)


@pytest.mark.django_db(transaction=True)
def test_a_worker_run_in_process_gives_the_signal_handlers_back():
    """The worker shuts down on SIGTERM while it runs; afterwards the process's own handlers are back. A handler
    left behind was inherited by processes forked later and swallowed Pool.terminate's SIGTERM: the pool of the
    synthetic corpus then waited for its worker for ever."""
    before = {number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM)}
    _worker()
    assert {number: signal.getsignal(number) for number in before} == before


def test_a_running_job_stops_at_its_next_progress_update_once_cancelled(world):
    job = Job.objects.create(kind=Job.Kind.CORPUS_INDEX, status=Job.Status.RUNNING)
    progress = Progress(job, interval=0)
    progress.update(1, 10)
    assert Job.objects.get(pk=job.pk).done == 1
    do_cancel_job(job, acting_user=world.admin)
    with pytest.raises(Cancelled):
        progress.update(2, 10)


def test_only_an_administrator_starts_or_cancels_jobs(world):
    with pytest.raises(Forbidden, match="只有系统管理员可以启动后台任务"):
        do_start_job(Job.Kind.CORPUS_INDEX, acting_user=world.prosecutor)
    job = do_start_job(Job.Kind.CORPUS_INDEX, acting_user=world.admin)
    with pytest.raises(Forbidden, match="只有系统管理员可以取消后台任务"):
        do_cancel_job(job, acting_user=world.judge)
    with pytest.raises(DomainError, match="未知的任务类型"):
        do_start_job("format_disk", acting_user=world.admin)


def test_periodic_jobs_are_queued_once_in_each_slot_of_their_period(db):
    now = timezone.make_aware(datetime(2026, 12, 7, 10, 2))  # local time: slots 10:00-10:15 and that day
    assert {j.kind for j in start_due(now)} == {Job.Kind.COUNSEL_ESCALATE, Job.Kind.OVERSIGHT_ESCALATE}
    assert start_due(now + timedelta(minutes=12)) == []  # 10:14, the same slots
    later = start_due(now + timedelta(minutes=13))  # 10:15: a new quarter-hour, the same day
    assert [j.kind for j in later] == [Job.Kind.COUNSEL_ESCALATE] and later[0].started_by is None
    assert later[0].params["slot"] == "2026-12-07T10:15:00+08:00"
    next_day = start_due(timezone.make_aware(datetime(2026, 12, 8, 0, 0)))
    assert {j.kind for j in next_day} == {Job.Kind.COUNSEL_ESCALATE, Job.Kind.OVERSIGHT_ESCALATE}


@override_settings(JOBS_WORKER_STALE_SECONDS=60)
def test_healthz_reports_the_database_migrations_and_the_workers_heartbeat(client, db):
    body = client.get("/healthz").json()
    assert body["ok"] and body["database"] and body["migrations"] and body["worker"] is None
    beat("w1", now=timezone.now() - timedelta(minutes=5))
    assert client.get("/healthz").json()["worker"]["fresh"] is False
    beat("w1")
    assert client.get("/healthz").json()["worker"]["fresh"] is True


def test_healthz_answers_503_when_a_migration_is_not_applied(client, db, monkeypatch):
    from django.db.migrations.executor import MigrationExecutor

    monkeypatch.setattr(MigrationExecutor, "migration_plan", lambda self, targets: [("jobs", "0002")])
    response = client.get("/healthz")
    assert response.status_code == 503 and response.json()["pending_migrations"] == 1


@pytest.mark.django_db(transaction=True)
def test_the_periodic_escalations_and_a_job_queued_on_the_command_line_run_in_the_worker(db):
    from io import StringIO

    from django.core.management.base import CommandError

    periodic = start_due()
    assert len(periodic) == 2
    out = StringIO()
    call_command("jobs", "start", "oversight_escalate", "--detach", stdout=out, stderr=StringIO())
    assert "queued" in out.getvalue()
    _worker()
    finished = {j.kind: j for j in Job.objects.filter(pk__in=[j.pk for j in periodic])}
    assert finished[Job.Kind.COUNSEL_ESCALATE].status == Job.Status.SUCCEEDED
    assert "个指派超过响应时限" in finished[Job.Kind.COUNSEL_ESCALATE].result
    assert "件超期未答复的举报" in finished[Job.Kind.OVERSIGHT_ESCALATE].result
    queued_here = Job.objects.exclude(pk__in=[j.pk for j in periodic]).get()
    assert queued_here.kind == Job.Kind.OVERSIGHT_ESCALATE and queued_here.status == Job.Status.SUCCEEDED

    listing = StringIO()
    call_command("jobs", "list", stdout=listing)
    assert (
        listing.getvalue().count("oversight_escalate succeeded system") == 2
    )  # the periodic one and this one
    with pytest.raises(CommandError, match="corpus_import needs --file"):
        call_command("jobs", "start", "corpus_import", stdout=StringIO(), stderr=StringIO())
    with pytest.raises(DomainError, match="任务已经结束"):
        call_command("jobs", "cancel", str(queued_here.pk), stdout=StringIO())


def test_following_a_finished_job_prints_its_result(db, tmp_path):
    from io import StringIO

    from leniency.jobs.management.commands.jobs import follow

    job = Job.objects.create(kind=Job.Kind.CORPUS_INDEX, status=Job.Status.SUCCEEDED, done=5, total=5)
    bar = StringIO()
    assert follow(job, out=bar).status == Job.Status.SUCCEEDED
    assert "100%" in bar.getvalue()


def test_the_jobs_pages_speak_english_when_asked_and_so_does_a_job_started_there(client, world, tmp_path):
    from django.conf import settings
    from django.utils import translation

    client.force_login(world.admin)
    client.cookies["django_language"] = "en"
    with translation.override(settings.LANGUAGE_CODE):  # the client's requests leave English active here
        job = do_start_job(Job.Kind.CORPUS_INDEX, acting_user=world.admin)
        history = client.get("/jobs/").content.decode()
        assert "Background jobs" in history and "Rebuild the similar-case index" in history
        assert "Cancel the job" in client.get(f"/jobs/{job.pk}/").content.decode()
        assert "Periodic jobs" in client.get("/jobs/operations/").content.decode()
        bad = tmp_path / "bad.jsonl"
        bad.write_bytes(b"nonsense\n")
        response = client.post("/jobs/import/", {"file": bad.open("rb")})
        assert response.status_code == 302
    started = Job.objects.get(kind=Job.Kind.CORPUS_IMPORT)
    assert started.params["language"] == "en"
    from leniency.jobs.tasks import execute

    with pytest.raises(Exception, match="The file holds no judgment that can be imported"):
        execute(started.pk)


def test_a_file_uploaded_on_the_import_page_goes_into_the_object_store_and_the_worker_imports_it_from_there(
    client, world, tmp_path, s3_archive, settings
):
    """The worker may run on another machine than the server that took the upload: the page keeps nothing on
    its own disk, the worker fetches the file from the store."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from leniency.jobs.tasks import execute

    path = tmp_path / "synthetic.jsonl"
    write(str(path), 30, 4)
    client.force_login(world.admin)
    upload = SimpleUploadedFile("判决.jsonl", path.read_bytes())
    assert client.post("/jobs/import/", {"file": upload}).status_code == 302
    job = Job.objects.get(kind=Job.Kind.CORPUS_IMPORT)
    assert job.params["stored"] in s3_archive.keys() and "path" not in job.params
    assert not list(Path(settings.MEDIA_ROOT).rglob("判决*"))  # nothing on this server's disk
    execute(job.pk)
    job.refresh_from_db()
    assert job.status == Job.Status.SUCCEEDED, job.error
    assert Judgment.objects.count() == 30 and "判决.jsonl" in job.result


def test_an_uploaded_file_gone_from_the_store_fails_the_import_naming_it(world):
    from leniency.jobs.tasks import execute

    job = do_start_job(
        Job.Kind.CORPUS_IMPORT,
        {"stored": "jobs/uploads/gone.jsonl", "name": "判决.jsonl"},
        acting_user=world.admin,
    )
    with pytest.raises(Exception, match="文件 判决.jsonl 不存在"):
        execute(job.pk)
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED and "判决.jsonl 不存在" in job.error
