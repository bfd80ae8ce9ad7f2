"""`leniency worker`: run background jobs (the django-tasks database worker), beat, and start periodic jobs.

    leniency worker [--interval 1] [--beat 5] [--no-schedule] [--batch]

A thread writes the worker's heartbeat every `--beat` seconds (read by /healthz and the operations page) and
queues the periodic jobs when due (leniency/jobs/schedule.py); the main thread is the backport's own worker
loop, which claims one task at a time, so several workers may run against one database.
"""

from __future__ import annotations

import logging
import signal
import threading

from django.core.management.base import BaseCommand
from django.db import close_old_connections, connection
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS
from django_tasks.backends.database.management.commands.db_worker import Worker
from django_tasks.base import DEFAULT_TASK_QUEUE_NAME
from django_tasks.utils import get_random_id

from leniency.jobs.schedule import beat, start_due

logger = logging.getLogger("leniency.jobs")
_SHUTDOWN_SIGNALS = [
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGQUIT") if hasattr(signal, name)
]


def _beating(worker_id: str, every: float, schedule: bool, stop: threading.Event) -> None:
    while not stop.is_set():
        try:
            beat(worker_id)
            if schedule:
                for job in start_due(worker_id=worker_id):
                    logger.info("queued periodic job %s #%s", job.kind, job.pk)
        except Exception:  # a locked or lost database: try again at the next beat
            logger.exception("heartbeat failed")
        finally:
            close_old_connections()
        stop.wait(every)
    connection.close()


class Command(BaseCommand):
    help = "Run background jobs: imports, the index, training, reports, the study, periodic jobs."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=1.0, help="seconds between looks at the queue")
        parser.add_argument(
            "--beat",
            type=float,
            default=5.0,
            help="seconds between heartbeats (0: no heartbeat, no schedule)",
        )
        parser.add_argument("--no-schedule", action="store_true", help="do not start the periodic jobs")
        parser.add_argument("--batch", action="store_true", help="run what is queued, then exit")
        parser.add_argument("--worker-id", default=None)

    def handle(self, *args, interval, beat, no_schedule, batch, worker_id, **options):
        if not logging.getLogger("django_tasks").hasHandlers():
            logging.getLogger("django_tasks").addHandler(logging.StreamHandler(self.stdout))
        logging.getLogger("django_tasks").setLevel(logging.INFO)
        worker_id = worker_id or get_random_id()
        stop = threading.Event()
        thread = threading.Thread(
            target=_beating, args=(worker_id, beat, not no_schedule, stop), daemon=True, name="beat"
        )
        if beat > 0:
            thread.start()
        worker = Worker(
            queue_names=[DEFAULT_TASK_QUEUE_NAME],
            interval=interval,
            batch=batch,
            backend_name=DEFAULT_TASK_BACKEND_ALIAS,
            startup_delay=not batch,
            max_tasks=None,
            worker_id=worker_id,
        )
        # The worker's own shutdown on SIGINT/SIGTERM/SIGQUIT while it runs, the handlers before it afterwards: run
        # in-process (call_command), it left them behind, and a process forked later (a multiprocessing pool's
        # worker) inherited a handler that swallows the SIGTERM of Pool.terminate, which then waited for ever.
        before = {number: signal.getsignal(number) for number in _SHUTDOWN_SIGNALS}
        worker.configure_signals()
        try:
            worker.run()
        finally:
            for number, handler in before.items():
                signal.signal(number, handler)
            stop.set()
            if thread.is_alive():
                thread.join(timeout=beat + 1)
