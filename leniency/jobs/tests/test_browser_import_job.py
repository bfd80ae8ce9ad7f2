"""Through the pages: an administrator starts an import of 2,000 synthetic judgments, watches its progress bar
move (refreshed by htmx polling), and reads its result; a file with no judgment in it ends in a readable error.

The worker runs in a thread of the test against the test database. With SQLite in memory that thread shares the
live server's one connection and takes turns with its requests (the server's lock, leniency/conftest.py); after
each progress update the job lets the pages in for a moment, as a separate worker process would.
"""

import threading
import time

import pytest
from django.db import connections
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS
from django_tasks.backends.database.management.commands.db_worker import Worker
from playwright.sync_api import expect

from leniency.conftest import _OneRequestAtATimeServer, log_in
from leniency.corpus.models import Judgment
from leniency.demo.corpus_synth import write
from leniency.jobs.models import Job
from leniency.jobs.progress import Progress
from leniency.testing.personas import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def worker(live_server, settings, monkeypatch):
    """The worker loop in a thread, until the test ends."""
    settings.JOBS_IMPORT_WORKERS = 0  # extraction in the worker's own thread (no forking a threaded test)
    lock = _OneRequestAtATimeServer._lock
    connection = connections["default"]
    shared = connection.vendor == "sqlite" and connection.is_in_memory_db()
    update = Progress.update

    def update_then_let_the_pages_in(self, *args, **kwargs):
        update(self, *args, **kwargs)
        lock.release()
        time.sleep(1.5)
        lock.acquire()

    monkeypatch.setattr(Progress, "update", update_then_let_the_pages_in)
    stop = threading.Event()
    failures = []

    def loop():
        if shared:
            connections["default"] = connection
        loop_worker = Worker(
            queue_names=["default"],
            interval=0,
            batch=True,
            backend_name=DEFAULT_TASK_BACKEND_ALIAS,
            startup_delay=False,
            max_tasks=None,
            worker_id="browser-test",
        )
        try:
            while not stop.is_set():
                with lock:
                    loop_worker.run()
                stop.wait(0.2)
        except Exception as error:  # shown by the test, which would otherwise only time out
            failures.append(error)
        finally:
            if not shared:
                connections["default"].close()

    if shared:
        connection.inc_thread_sharing()
    thread = threading.Thread(target=loop, daemon=True)
    thread.start()
    yield failures
    stop.set()
    thread.join(timeout=30)
    if shared:
        connection.dec_thread_sharing()


def _start_import(page, live_server, world, path):
    page.goto(f"{live_server.url}/")
    page.locator("nav").get_by_role("link", name="后台任务").click()
    expect(page.get_by_role("heading", name="后台任务")).to_be_visible()
    page.get_by_role("link", name="导入裁判文书").first.click()
    page.set_input_files("input[name=file]", str(path))
    page.get_by_role("button", name="开始导入").click()
    expect(page.get_by_role("heading", name="导入裁判文书 #")).to_be_visible()


def test_an_administrator_imports_judgments_and_watches_the_progress(
    page, live_server, world, worker, tmp_path
):
    path = tmp_path / "synthetic-2000.jsonl"
    write(str(path), 2000, 7)
    log_in(page, live_server, world.admin.username, PASSWORD)
    _start_import(page, live_server, world, path)

    seen = set()
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not worker:
        if page.locator("#job-status").inner_text() in ("已完成", "失败"):
            break
        bar = page.locator("#job-bar")
        if bar.count() and bar.get_attribute("value") is not None:
            seen.add(int(bar.get_attribute("value")))
        time.sleep(0.2)
    assert not worker, worker
    expect(page.locator("#job-status")).to_have_text("已完成")
    assert any(0 < value < 100 for value in seen), f"the bar never showed a step between: {sorted(seen)}"
    expect(page.locator("#job-bar")).to_have_attribute("value", "100")
    expect(page.locator("#job-result")).to_contain_text("读取 2000 行，导入 2000 件，重复 0 件，错误 0 行")
    assert Judgment.objects.count() == 2000

    # The history lists it: who, what, when, outcome, how long.
    page.get_by_role("link", name="任务记录").click()
    row = page.locator("table tbody tr").first
    expect(row).to_contain_text("导入裁判文书")
    expect(row).to_contain_text(world.admin.display_name or world.admin.username)
    expect(row).to_contain_text("已完成")
    expect(row).to_contain_text("秒")
    job = Job.objects.get()
    assert job.started_by == world.admin and job.duration is not None


def test_a_file_with_no_judgment_ends_in_a_readable_error(page, live_server, world, worker, tmp_path):
    path = tmp_path / "not-judgments.jsonl"
    path.write_text('这不是裁判文书\n{"fact": ""}\n', encoding="utf-8")
    log_in(page, live_server, world.admin.username, PASSWORD)
    _start_import(page, live_server, world, path)

    expect(page.locator("#job-status")).to_have_text("失败", timeout=60_000)
    error = page.locator("#job-error")
    expect(error).to_contain_text("任务失败")
    expect(error).to_contain_text("文件中没有一件可以导入的判决")
    expect(error).to_contain_text("not-judgments.jsonl: 读取 2 行，导入 0 件")
    expect(error).to_contain_text("第 1 行")
    expect(page.get_by_role("button", name="取消任务")).to_have_count(0)
    assert not worker, worker
    assert Judgment.objects.count() == 0
