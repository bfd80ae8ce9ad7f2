"""Through the pages: an administrator starts an import of 2,000 synthetic judgments, watches its progress bar
move (refreshed by htmx polling), and reads its result; a file with no judgment in it ends in a readable error.

The worker runs in a thread of the test against the test database, on its own connection (PostgreSQL; the
fixture says why not SQLite in memory); after each progress update the job pauses a moment, so that the page's
polling sees the bar between 0 and 100 % however fast the machine.
"""

import threading
import time
from types import SimpleNamespace

import pytest
from django.db import OperationalError, connections
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
    # SQLite in memory: the live server's own connection (the test thread's may be another one to the same
    # shared-cache database, whose schema lock then refuses the server now and then)
    connection = live_server.thread.connections_override.get("default")
    shared = connection is not None
    if connections["default"].vendor == "sqlite":
        # With SQLite in memory the server's and the test's connections share one cache, whose table locks
        # (no busy timeout) refuse a page now and then while the worker thread writes: about one run in six
        # here. The worker's SQLite path is tested without a browser (test_jobs.py); CI's PostgreSQL pass runs
        # this journey, with the worker on its own connection as in production.
        pytest.skip("the browser journey of a job needs a database the worker can share: PostgreSQL")
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
                try:
                    with lock:
                        loop_worker.run()
                except (
                    OperationalError
                ) as error:  # the shared-cache database busy: look again, as db_worker does
                    if "locked" not in str(error):
                        raise
                stop.wait(0.2)
        except Exception as error:  # shown by the test, which would otherwise only time out
            failures.append(error)
        finally:
            if not shared:
                connections["default"].close()

    thread = threading.Thread(target=loop, daemon=True)
    # Started once the administrator has logged in: the server's first request opens its connection first.
    yield SimpleNamespace(start=thread.start, failures=failures)
    stop.set()
    if thread.is_alive():
        thread.join(timeout=30)


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
    expect(page.locator("nav").get_by_role("link", name="后台任务")).to_be_visible()
    worker.start()
    _start_import(page, live_server, world, path)

    seen = set()
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not worker.failures:
        if page.locator("#job-status").inner_text() in ("已完成", "失败"):
            break
        bar = page.locator("#job-bar")
        if bar.count() and bar.get_attribute("value") is not None:
            seen.add(int(bar.get_attribute("value")))
        time.sleep(0.2)
    assert not worker.failures, worker.failures
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
    expect(page.locator("nav").get_by_role("link", name="后台任务")).to_be_visible()
    worker.start()
    _start_import(page, live_server, world, path)

    expect(page.locator("#job-status")).to_have_text("失败", timeout=60_000)
    error = page.locator("#job-error")
    expect(error).to_contain_text("任务失败")
    expect(error).to_contain_text("文件中没有一件可以导入的判决")
    expect(error).to_contain_text("not-judgments.jsonl: 读取 2 行，导入 0 件")
    expect(error).to_contain_text("第 1 行")
    expect(page.get_by_role("button", name="取消任务")).to_have_count(0)
    assert not worker.failures, worker.failures
    assert Judgment.objects.count() == 0
